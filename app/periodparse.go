package app

// Reading periods as people and files write them: the contract's forms,
// month names, Excel serial dates and the DfE's time_period codes.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// ParsePeriod reads a period in any of the forms scorecards and DfE files
// use: the contract's 2025-03, 2024-Q4, 2024/25, 2024/25AY and 2025; column
// headings such as Mar-25, Mar 2025, March 2025, 03/2025, Q4 2024, and a
// quarter by its months as Label writes it, Jul-Sep 2024; DfE's
// 202425 for a financial or academic year (read as financial; use
// ParseDfEPeriod when the file says which); and 2024-25 or 2024/2025.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if p, ok := parsePeriod(t); ok {
		return p, nil
	}
	return Period{}, fmt.Errorf("%q is not a period (expected e.g. 2025-03, Mar-25, 2024-Q4, 2024/25)", s)
}

func parsePeriod(t string) (Period, bool) {
	lower := strings.ToLower(t)
	ay := false
	for _, suf := range []string{" ay", "ay", " (ay)", " academic year", " (academic year)", " academic"} {
		if rest := strings.TrimSuffix(lower, suf); suf == "ay" && (rest == "" || rest[len(rest)-1] < '0' || rest[len(rest)-1] > '9') {
			continue // "2024/25AY", not "2025 May"
		}
		if strings.HasSuffix(lower, suf) {
			ay = true
			lower = strings.TrimSpace(strings.TrimSuffix(lower, suf))
			break
		}
	}
	// Schools write the marker first as often: "AY 2024/25",
	// "Academic year 2024-25".
	for _, pre := range []string{"ay ", "academic year ", "academic yr "} {
		if !ay && strings.HasPrefix(lower, pre) {
			ay = true
			lower = strings.TrimSpace(strings.TrimPrefix(lower, pre))
		}
	}
	kind := FinancialYear
	if ay {
		kind = AcademicYear
	}
	if y, ok := yearRange(lower); ok {
		return Period{Kind: kind, Year: y}, true
	}
	if ay {
		return Period{}, false
	}
	if p, ok := quarterOfMonths(lower); ok {
		return p, true
	}
	// 2025-03, 2025/03 and 03/2025, 3/2025.
	if a, b, ok := cut2(lower, "-/ "); ok {
		ai, aerr := strconv.Atoi(a)
		bi, berr := strconv.Atoi(b)
		switch {
		case aerr == nil && berr == nil && len(a) == 4 && bi >= 1 && bi <= 12:
			return Period{Kind: Month, Year: ai, N: bi}, true
		case aerr == nil && berr == nil && len(b) == 4 && ai >= 1 && ai <= 12:
			return Period{Kind: Month, Year: bi, N: ai}, true
		}
		// 2024-Q4, Q4 2024, Q4-24.
		if q, y, ok := quarterParts(a, b); ok {
			return Period{Kind: Quarter, Year: y, N: q}, true
		}
		// Mar-25, Mar 2025, March-2025, 2025 March.
		if m, ok := monthNames[strings.TrimSuffix(a, ".")]; ok {
			if y, ok := yearNumber(b); ok {
				return MonthOf(y, m), true
			}
		}
		if m, ok := monthNames[b]; ok && len(a) == 4 {
			if y, ok := yearNumber(a); ok {
				return MonthOf(y, m), true
			}
		}
	}
	if len(lower) == 4 {
		if y, err := strconv.Atoi(lower); err == nil && y >= 1900 && y < 2200 {
			return Period{Kind: CalendarYear, Year: y}, true
		}
	}
	return Period{}, false
}

// yearRange reads 2024/25, 2024-25, 2024/2025 and DfE's 202425.
func yearRange(s string) (int, bool) {
	var a, b string
	switch {
	case len(s) == 6 && isDigits(s):
		a, b = s[:4], s[4:]
	default:
		var ok bool
		a, b, ok = cut2(s, "/-")
		if !ok || len(a) != 4 || !isDigits(a) || !isDigits(b) {
			return 0, false
		}
	}
	y, _ := strconv.Atoi(a)
	switch len(b) {
	case 2:
		if n, _ := strconv.Atoi(b); n == (y+1)%100 {
			return y, true
		}
	case 4:
		if n, _ := strconv.Atoi(b); n == y+1 {
			return y, true
		}
	}
	return 0, false
}

// quarterOfMonths reads a calendar quarter written by its first and last
// months and its year, lower cased: "jul-sep 2024" (as Label writes it),
// "jul–sep 24". Months that do not make up a calendar quarter are not
// one.
func quarterOfMonths(t string) (Period, bool) {
	span, year, ok := strings.Cut(t, " ")
	if !ok {
		return Period{}, false
	}
	a, b, ok := strings.Cut(strings.ReplaceAll(span, "\u2013", "-"), "-")
	if !ok {
		return Period{}, false
	}
	from, ok1 := monthNames[a]
	to, ok2 := monthNames[b]
	y, ok3 := yearNumber(strings.TrimSpace(year))
	if !ok1 || !ok2 || !ok3 || from%3 != 1 || to != from+2 {
		return Period{}, false
	}
	return Period{Kind: Quarter, Year: y, N: int(from+2) / 3}, true
}

func quarterParts(a, b string) (q, y int, ok bool) {
	if strings.HasPrefix(a, "q") {
		a, b = b, a
	}
	if !strings.HasPrefix(b, "q") || len(b) != 2 {
		return 0, 0, false
	}
	q = int(b[1] - '0')
	if q < 1 || q > 4 {
		return 0, 0, false
	}
	y, ok = yearNumber(a)
	return q, y, ok
}

// excelCenturyPivot is the first two-digit year Excel reads as 19xx.
const excelCenturyPivot = 30

func yearNumber(s string) (int, bool) {
	if !isDigits(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	switch len(s) {
	case 2:
		// Excel's rule for a two-digit year, which the officer typed or
		// read: 00 to 29 are 2000 to 2029, 30 to 99 are 1930 to 1999.
		if n >= excelCenturyPivot {
			return 1900 + n, true
		}
		return 2000 + n, true
	case 4:
		return n, n >= 1900 && n < 2200
	}
	return 0, false
}

func cut2(s, seps string) (string, string, bool) {
	i := strings.IndexAny(s, seps)
	if i < 0 {
		return "", "", false
	}
	a, b := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if a == "" || b == "" || strings.ContainsAny(b, seps) {
		return "", "", false
	}
	return a, b, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// excelEpoch is day zero of Excel's 1900 date system, set two days early so
// that serials after Excel's phantom 29 February 1900 land right.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// ExcelDate converts an Excel date serial (1900 date system) to the day
// it falls on. Excel rounds a serial to the millisecond before it shows
// a date, so that 45747.999999999, the 1st of April less a float's error
// as some producers write it, shows and is read as the 1st of April, not
// the 31st of March; cut to the day unrounded, a month's header read as
// the month before, and every figure under it with it.
func ExcelDate(serial float64) time.Time {
	ms := math.Round(serial * 24 * 60 * 60 * 1000)
	return excelEpoch.Add(time.Duration(ms) * time.Millisecond).Truncate(24 * time.Hour)
}

// MonthFromExcelSerial returns the month an Excel date serial falls in, as
// when a column header is a real date. Serials outside 1990-2100 are refused:
// such a header is not a reporting month.
func MonthFromExcelSerial(serial float64) (Period, error) {
	if serial < 32874 || serial > 73051 {
		return Period{}, fmt.Errorf("%v is not an Excel date between 1990 and 2100", serial)
	}
	t := ExcelDate(serial)
	return MonthOf(t.Year(), t.Month()), nil
}

// ParseDfEPeriod reads a DfE open-data time_period with its
// time_identifier, e.g. ("202425", "Financial year"), ("202425",
// "Academic year"), ("2025", "Reporting year").
func ParseDfEPeriod(timePeriod, identifier string) (Period, error) {
	id := strings.ToLower(strings.TrimSpace(identifier))
	tp := strings.TrimSpace(timePeriod)
	if y, ok := yearRange(tp); ok {
		if strings.Contains(id, "academic") {
			return Period{Kind: AcademicYear, Year: y}, nil
		}
		return Period{Kind: FinancialYear, Year: y}, nil
	}
	if len(tp) == 4 && isDigits(tp) {
		y, _ := strconv.Atoi(tp)
		return Period{Kind: CalendarYear, Year: y}, nil
	}
	return ParsePeriod(tp)
}
