package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"scorecard/app"
)

// Dates in a benchmark's heading: "England (Mar-24)", "England 31 March
// 2024", "SN as at 31/03/2024", "England 2024".
var (
	monthName    = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	dayMonthYear = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?[\s\-]+` + monthName + `\.?,?[\s\-'’]+(\d{4}|\d{2})\b`)
	})
	monthYear = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b` + monthName + `\.?[\s\-'’/]*(\d{4}|\d{2})\b`)
	})
	monthWord = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b` + monthName + `\b`)
	})
	dateLike = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b`)
	})
	calendarYear = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[^\d/\-])((?:19|20)\d{2})(?:$|[^\d/\-])`)
	})
	monthsByPrefix = map[string]time.Month{
		"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
		"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
		"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
	}
)

// datedBenchmarks dates the England and statistical neighbours columns
// whose headings give a month or a date rather than a year: "England
// (Mar-24)", "England 31 March 2024". Undated, they were read as the
// year before each row's latest month, so a March 2024 figure beside
// 2025/26's months was filed under 2024/25. The column's period becomes
// the month, which readBenchmark turns into the financial or academic
// year it falls in, as the row's indicator runs; a heading giving only a
// calendar year ("England 2024") is read as the year ending in it. Each
// is said at its heading (warnUnused), as a reading of the heading. A
// district sheet's are read so too (areaBenchmarkUnread).
func datedBenchmarks(l *Layout) {
	if l.Kind != IndicatorSheet && l.Kind != DistrictSheet {
		return
	}
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Role != RoleEngland && c.Role != RoleNeighbours && c.Role != RoleRegion || !c.Period.IsZero() || neighbourModel().MatchString(c.Header) {
			continue
		}
		m, _, bare, ok := headingDate(c.Header)
		if !ok {
			if monthWord().MatchString(c.Header) || dateLike().MatchString(c.Header) || len(calendarYear().FindAllString(c.Header, -1)) > 1 {
				// Dated, but not so that one month can be read: said,
				// rather than filed under the year before the latest
				// month with nothing to show the heading's date was passed over.
				c.yearNote = fmt.Sprintf("column %s %q gives a date the importer cannot read as one month or year: read as %s for the year before each row's latest month; head it with its year, such as 2023/24",
					c.Col, c.Header, guessedAs[c.Role])
			}
			continue
		}
		c.Period = m
		fy, ay := m.FinancialYearOf(), m.AcademicYearOf()
		years := fmt.Sprintf("%s (financial, or academic for an indicator set by academic year)", fy.Label())
		if fy.Year != ay.Year {
			years = fmt.Sprintf("the financial year %s, or the academic year %s for an indicator set by academic year", fy.Label(), ay.Label())
		}
		if bare {
			c.yearNote = fmt.Sprintf("column %s %q names the calendar year %d, not a financial or academic year: read as %s for the year ending in %d, %s; head it with its year (such as %s) if it is for another",
				c.Col, c.Header, m.Year, guessedAs[c.Role], m.Year, years, fy)
			continue
		}
		c.yearNote = fmt.Sprintf("column %s %q is dated %s: read as %s for the year that month falls in, %s",
			c.Col, c.Header, m.Start().Format("January 2006"), guessedAs[c.Role], years)
	}
}

// headingDate finds the month a heading is dated by: a date or a month
// and year, or failing those a calendar year alone (bare), taken as its
// March, which ends both the financial and the academic year named by
// it. Two different dates in one heading date it by neither. rest is the
// heading with its date taken out, what names the benchmark
// (headingRegion).
func headingDate(h string) (m app.Period, rest string, bare, ok bool) {
	var found []app.Period
	add := func(y int, mon time.Month) {
		if y < 100 {
			y += 2000
		}
		p := app.MonthOf(y, mon)
		for _, f := range found {
			if f == p {
				return
			}
		}
		found = append(found, p)
	}
	rest = h
	for _, s := range dayMonthYear().FindAllStringSubmatch(h, -1) {
		y, _ := strconv.Atoi(s[3])
		add(y, monthsByPrefix[strings.ToLower(s[2][:3])])
		rest = strings.Replace(rest, s[0], " ", 1)
	}
	for _, s := range monthYear().FindAllStringSubmatch(rest, -1) {
		y, _ := strconv.Atoi(s[2])
		add(y, monthsByPrefix[strings.ToLower(s[1][:3])])
		rest = strings.Replace(rest, s[0], " ", 1)
	}
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r < 128 && isDateSep(byte(r)) }) {
		// 31/03/2024, 31.03.2024, 2024-03-31, as a title's date is read.
		if t, ok := numericDate(strings.TrimRight(w, ".")); ok {
			add(t.Year(), t.Month())
			rest = strings.Replace(rest, w, " ", 1)
		}
	}
	if len(found) == 0 {
		ys := calendarYear().FindAllStringSubmatch(rest, -1)
		if len(ys) != 1 {
			return app.Period{}, "", false, false
		}
		y, _ := strconv.Atoi(ys[0][1])
		return app.MonthOf(y, time.March), strings.Replace(rest, ys[0][1], " ", 1), true, true
	}
	if len(found) != 1 {
		return app.Period{}, "", false, false
	}
	return found[0], rest, false, true
}
