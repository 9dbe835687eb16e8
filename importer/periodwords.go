package importer

// Periods written in words: a period column's heading, a year within a
// Target or Floor heading, and the month or longer period a title or a
// sheet's name gives.

import (
	"cmp"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"scorecard/app"
)

// periodHeading reads a period column heading: a month ("Mar-25",
// "March 2025", or a real date, its serial read raw), a quarter
// ("2024-Q4", or of a financial year, "Q1 2024/25" or "Q1 24/25", or by
// its months, "Apr - Jun 2024") or a year ("2024/25", "2024/25 AY"), the
// heading being the period and nothing else.
func periodHeading(s string) (app.Period, bool) {
	// Every heading is asked, and most are words: a period has a digit,
	// and a number without one is an infinity or NaN, so words are
	// turned away before the parsers build an error for each.
	if !hasDigit(s) && !infOrNaN(s) {
		return app.Period{}, false
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		p, err := app.MonthFromExcelSerial(f)
		return p, err == nil
	}
	if !hasDigit(s) {
		return app.Period{}, false
	}
	if p, ok := FinancialQuarter(s); ok {
		return p, true
	}
	if p, ok := monthRangeHeading(s); ok {
		return p, true
	}
	p, err := app.ParsePeriod(gluedMonth(apostrophedYear().ReplaceAllString(s, "$1 $2")))
	if err != nil {
		// "Quarter 1 2025/26", "Q1 FY25/26", "FY 2020/21" (quarterwords.go).
		p, _, _, ok := wordedPeriod(s)
		return p, ok
	}
	return p, true
}

// apostrophedYear is a month's name with its year in two figures after
// an apostrophe, as hand-typed headings write it ("Jan '25", "Feb ’25"):
// read as "Jan 25".
var apostrophedYear = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z]{3,9}\.?)\s*['’‘]\s*([0-9]{2})$`)
})

// gluedMonth parts a month's name from the year written against it, as
// some systems head their columns ("APR25", "Sept2025"), so that the
// period parser reads it as "APR 25"; other text is returned as it is.
func gluedMonth(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' && r < 'a' || r > 'z' })
	if i < 3 || i > len("September") {
		return s
	}
	year := s[i:]
	if (len(year) != 2 && len(year) != 4) || !allDigits(year) {
		return s
	}
	return s[:i] + " " + year
}

// cutYear finds a financial or academic year ("2024/25", "2024-25 AY") in
// a heading and returns it with the heading minus the year.
func cutYear(s string) (app.Period, string) {
	if !hasDigit(s) {
		return app.Period{}, s // no year, and no words to split
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '[' || r == ']' || r == ':' || r == ','
	})
	// A year the words around it call academic runs September to
	// August, wherever the words stand: "AY 2024/25", "2024/25 AY",
	// "2024/25 (academic year)", "Academic year 2024-25". Read as a
	// financial year it would date a school year's months seven months
	// out, or refuse them.
	academic := false
	for _, f := range fields {
		if strings.EqualFold(f, "AY") || strings.EqualFold(f, "academic") {
			academic = true
		}
	}
	for i, f := range fields {
		if len(f) > 2 && strings.EqualFold(f[:2], "FY") {
			f = f[2:] // FY2024/25, FY24/25
		}
		p, err := app.ParsePeriod(f)
		if err != nil {
			p, err = shortYear(f)
		}
		if err != nil || (p.Kind != app.FinancialYear && p.Kind != app.AcademicYear) {
			continue
		}
		if academic && p.Kind == app.FinancialYear {
			p = app.Period{Kind: app.AcademicYear, Year: p.Year}
		}
		// "FY 2024/25": the FY is part of the year, not a word of the
		// heading that would make "Target FY 2024/25" a guess.
		fy := i > 0 && strings.EqualFold(fields[i-1], "FY") && p.Kind == app.FinancialYear
		var rest []string
		for j := 0; j < len(fields); j++ {
			switch {
			case j == i, fy && j == i-1, academic && strings.EqualFold(fields[j], "AY"):
			case academic && strings.EqualFold(fields[j], "academic"):
				if j+1 < len(fields) && (strings.EqualFold(fields[j+1], "year") || strings.EqualFold(fields[j+1], "yr")) {
					j++
				}
			default:
				rest = append(rest, fields[j])
			}
		}
		return p, strings.Join(rest, " ")
	}
	return app.Period{}, s
}

// shortYear reads a year written with two digits a side, "24/25" or
// "24-25", as the financial year 2024/25: in a heading beside Target or
// Floor that is how a year is most often abbreviated. The second year
// must follow the first, so that a fraction such as "3/4" is not a year.
func shortYear(s string) (app.Period, error) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, "-", "/"), "/")
	if !ok || len(a) != 2 || len(b) != 2 {
		return app.Period{}, errNotYear
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || y != (x+1)%100 {
		return app.Period{}, errNotYear
	}
	return app.Period{Kind: app.FinancialYear, Year: 2000 + x}, nil
}

var errNotYear = errors.New("not a year")

// hasDigit reports whether s has an ASCII digit, as every period written
// out does.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// infOrNaN reports whether s, which has no digit, might be one of the
// numbers strconv.ParseFloat reads without one: "Inf", "-infinity", "NaN".
func infOrNaN(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return len(s) > 0 && len(s) <= len("infinity") && strings.ContainsRune("iInN", rune(s[0]))
}

// findMonth finds a reporting month in free text such as a title ("CYPE
// Scorecard - March 2025", "Data as at 31/03/2025" is not read) or a sheet
// name ("Districts Mar-25").
func findMonth(s string) (p app.Period, ok bool) {
	eachMonth(s, func(m app.Period, _ int) bool {
		p, ok = m, true
		return false
	})
	return p, ok
}

// findAsAtMonth is findMonth for a title's text, passing over a month the
// words before it (since the month before, or label, the text of the
// cell to its left, where no words come before it in s) say is when the
// report was produced or printed: "Produced 5 September 2025: figures for
// August 2025" reports August; so is one the word after it says is, "April
// 2025 edition". A month the words before it say the figures cover stands
// before the others: "Leeds Scorecard April 2025 - data to March 2025"
// reports March.
func findAsAtMonth(s, label string) (p app.Period, ok bool) {
	first, data := asAtMonths(s, label)
	p = cmp.Or(data, first)
	return p, !p.IsZero()
}

// asAtMonths finds, of the months in s that findAsAtMonth does not pass
// over, the first, and the first the words before it say the figures
// cover (dataAsAt); zero for none.
func asAtMonths(s, label string) (first, data app.Period) {
	since := 0
	eachMonth(s, func(m app.Period, at int) bool {
		before := s[min(since, at):at]
		since = at
		if !strings.ContainsFunc(before, unicode.IsLetter) {
			before = label // nothing before it but its day: "3 September 2025"
		}
		if i := strings.IndexFunc(s[at:], unicode.IsSpace); i >= 0 {
			// From the end of its first word: "April 2025 edition".
			if end, ok := reportWordAfter(s[at+i:]); ok {
				since = at + i + end // the next month's words begin after it
				return true
			}
		}
		if notAsAt(before) {
			return true
		}
		if first.IsZero() {
			first = m
		}
		if dataAsAt(before) {
			data = m
			return false
		}
		return true
	})
	return first, data
}

// eachMonth calls f with each month written in s ("March 2025", "Mar-25")
// and the byte offset it starts at, until f returns false.
func eachMonth(s string, f func(m app.Period, at int) bool) {
	type field struct {
		text string
		at   int
	}
	var fields []field
	start := -1
	for i, r := range s {
		sep := unicode.IsSpace(r) || r == '(' || r == ')' || r == ',' || r == ':' || r == ';' || r == '\u2013' || r == '\u2014'
		switch {
		case sep && start >= 0:
			fields = append(fields, field{s[start:i], start})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	if start >= 0 {
		fields = append(fields, field{s[start:], start})
	}
	for i, fd := range fields {
		if i > 0 && hasDigit(fd.text[:1]) && quarterNamed([]string{fields[i-1].text, fd.text}) != "" {
			continue // "Quarter 4 2024" names no April (titleWorded)
		}
		cands := []string{fd.text}
		if i+1 < len(fields) {
			cands = []string{fd.text + " " + fields[i+1].text, fd.text}
		}
		for _, cand := range cands {
			if _, both := yearOrMonth(cand); both {
				continue // a year more likely, in a title (findLongerPeriod)
			}
			if p, err := app.ParsePeriod(cand); err == nil && p.Kind == app.Month {
				if !f(p, fd.at) {
					return
				}
				break
			}
		}
	}
}

// findMonthRange finds a span of months named in s that makes up a
// quarter or a financial year: "April to June 2024", "Apr-Jun 2024",
// "April 2024 to March 2025". Read month by month, the title's last
// month would stand for the span.
func findMonthRange(s string) (app.Period, bool) {
	fields := rangeFields(s)
	for i := range fields {
		if p, _, ok := monthRange(fields[i:]); ok {
			return p, true
		}
	}
	return app.Period{}, false
}

// monthRangeHeading reads a heading that is a span of months and nothing
// else: "Apr - Jun 2025", "April to June 2025".
func monthRangeHeading(s string) (app.Period, bool) {
	fields := rangeFields(s)
	p, n, ok := monthRange(fields)
	return p, ok && n == len(fields)
}

func rangeFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == ',' || r == ':'
	})
}

// monthRange reads the span of months fields begin with, and how many
// fields it takes.
func monthRange(fields []string) (p app.Period, n int, ok bool) {
	month := func(name, year string) (app.Period, bool) {
		p, err := app.ParsePeriod(name + " " + year)
		return p, err == nil && p.Kind == app.Month && !hasDigit(name)
	}
	span := func(a, ay, b, by string) (app.Period, bool) {
		from, ok1 := month(a, ay)
		to, ok2 := month(b, by)
		if !ok1 || !ok2 {
			return app.Period{}, false
		}
		if ay == by && from.N > to.N {
			from.Year-- // "October to March 2025" starts in 2024
		}
		return monthSpan(from, to)
	}
	dash := func(w string) bool { return w == "to" || w == "-" || w == "\u2013" || w == "\u2014" }
	switch {
	case len(fields) >= 4 && dash(fields[1]): // April to June 2024
		p, ok = span(fields[0], fields[3], fields[2], fields[3])
		return p, 4, ok
	case len(fields) >= 5 && dash(fields[2]): // April 2024 to March 2025
		p, ok = span(fields[0], fields[1], fields[3], fields[4])
		return p, 5, ok
	case len(fields) >= 2 && strings.ContainsAny(fields[0], "-\u2013"): // Apr-Jun 2024
		if a, b, cut := strings.Cut(strings.ReplaceAll(fields[0], "\u2013", "-"), "-"); cut {
			p, ok = span(a, fields[1], b, fields[1])
			return p, 2, ok
		}
	}
	return app.Period{}, 0, false
}

// findLongerPeriod finds a quarter or a financial or academic year named
// in s: "Q1 2024/25" or "2024/25 Q1" (a quarter of the financial year),
// "2024-Q3" or "Q3 2024", "2024/25" or "2024/25 AY".
func findLongerPeriod(s string) (app.Period, bool) {
	// A quarter in words is that quarter, never the year within it; one
	// no reader takes is no period (titleWorded).
	if p, _, refused, ok := titleWorded(s); ok || refused != "" {
		return p, ok
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == ',' || r == ':' || r == '\u2013' || r == '\u2014'
	})
	for i := range fields {
		if p, ok := FinancialQuarter(joinNext(fields, i)); ok {
			return p, true
		}
		for _, cand := range []string{joinNext(fields, i), fields[i]} {
			if m, both := yearOrMonth(cand); both {
				return app.Period{Kind: app.FinancialYear, Year: m.Year}, true
			}
			if p, err := app.ParsePeriod(cand); err == nil && (p.Kind == app.Quarter || p.IsYear() && p.Kind != app.CalendarYear) {
				return p, true
			}
		}
	}
	return app.Period{}, false
}

func joinNext(fields []string, i int) string {
	if i+1 < len(fields) {
		return fields[i] + " " + fields[i+1]
	}
	return fields[i]
}
