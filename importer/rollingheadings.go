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

// Headings of figures over a span ending in a month: the words before or
// after the month, and what they make the figures.
var rollingForms = sync.OnceValue(func() []rollingForm {
	return []rollingForm{
		{regexp.MustCompile(`(?i)^(?:rolling\s+)?(?:12|twelve)\s*(?:months?|mths?|m)\s+(?:to|ending|up\s+to|until)\s+(.+)$`), "rolling 12-month figures"},
		// "Year ending Sep-24", a rolling year published each quarter.
		{regexp.MustCompile(`(?i)^(?:rolling\s+)?(?:year|yr)\s+(?:ending|ended|to\s+the\s+end\s+of)\s+(.+)$`), "rolling 12-month figures"},
		{regexp.MustCompile(`(?i)^(?:r12m?|rolling\s+12\s*(?:months?|mths?|m)|rolling\s+year|rolling)\s+(?:to\s+|ending\s+)?(.+)$`), "rolling 12-month figures"},
		{regexp.MustCompile(`(?i)^(.+?)\s*[(\[]?\s*(?:r12m?|rolling\s+12\s*(?:months?|mths?|m)|rolling)\s*[)\]]?$`), "rolling 12-month figures"},
		{regexp.MustCompile(`(?i)^(?:f?ytd|year\s+to\s+date)\s*(?:[-:]\s*)?(?:to\s+|at\s+|as\s+at\s+|ending\s+)?(.+)$`), "year-to-date figures"},
		{regexp.MustCompile(`(?i)^(.+?)\s*[(\[]?\s*(?:f?ytd|year\s+to\s+date)\s*[)\]]?$`), "year-to-date figures"},
	}
})

// rollingForm is a form of heading and what it makes the figures.
type rollingForm struct {
	re   *regexp.Regexp
	what string
}

// rollingHeading reads a heading naming figures over a span to a month,
// and nothing else, as that month: "12 months to Jan-25", "Rolling 12
// months to Jan-25", "R12M Jan-25", "YTD to Mar-25", "Year to date
// Mar-25", "Mar-25 YTD". what says what the figures are, for the warning
// at the heading: they are filed under the month as if its own.
func rollingHeading(h string) (month app.Period, what string, ok bool) {
	t := strings.TrimSpace(h)
	if !hasDigit(t) {
		return app.Period{}, "", false
	}
	for _, f := range rollingForms() {
		m := f.re.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		if p, ok := spanEnd(m[1]); ok && p.end {
			return p.month, f.what, true
		}
	}
	// Twelve months named by their first and last: "Oct-23 to Sep-24".
	for _, sep := range []string{" to ", " - ", " \u2013 "} {
		from, to, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		a, okA := periodHeading(strings.TrimSpace(from))
		b, okB := periodHeading(strings.TrimSpace(to))
		if okA && okB && a.Kind == app.Month && b.Kind == app.Month && b.Index()-a.Index() == 11 {
			return b, "rolling 12-month figures", true
		}
	}
	return app.Period{}, "", false
}

// spanTo is the month a span heading's figures run to, and whether they
// run to its end: "Mar-25" and "31 March 2025" do, "15 March 2025" does
// not.
type spanTo struct {
	month app.Period
	end   bool
	text  string // the date as written, for a warning: "15 March 2025"
}

// spanEnd reads the end of a span heading ("12 months to ..."): a month
// ("Mar-25", "March 2025") or a day of one ("31 March 2025", "31st Mar
// 2025", "31-Mar-25", "31/03/2025"), which is the month's only on its
// last day.
func spanEnd(rest string) (spanTo, bool) {
	rest = strings.TrimSpace(rest)
	if t, ok := numericDate(rest); ok {
		return spanTo{app.MonthOf(t.Year(), t.Month()), t.AddDate(0, 0, 1).Day() == 1, rest}, true
	}
	// A month written in words: a bare number would be a serial.
	if !strings.ContainsFunc(rest, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) {
		return spanTo{}, false
	}
	if p, ok := periodHeading(rest); ok && p.Kind == app.Month {
		return spanTo{p, true, rest}, true
	}
	m := dayOfMonth().FindStringSubmatch(rest)
	if m == nil {
		return spanTo{}, false
	}
	p, ok := periodHeading(m[2])
	if !ok || p.Kind != app.Month {
		return spanTo{}, false
	}
	day, _ := strconv.Atoi(m[1])
	last := time.Date(p.Year, time.Month(p.N)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return spanTo{}, false
	}
	return spanTo{p, day == last, rest}, true
}

// dayOfMonth is a day before a month in words: "31 March 2025", "31st
// Mar 2025", "31-Mar-25".
var dayOfMonth = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z].*)$`)
})

// otherSpan reads a heading of figures over a span to a month that the
// app keeps no period for: some number of months other than 12 ("3
// months to Mar-25", a rolling quarter), or 12 months to a day within a
// month ("12 months to 15 March 2025"). Filed under the month, such
// figures would stand for a month's own or a rolling year's; why says,
// for the warning at the heading, what they are and how to give them.
func otherSpan(h string) (why string, ok bool) {
	t := strings.TrimSpace(h)
	if !hasDigit(t) {
		return "", false
	}
	if m := rollingForms()[0].re.FindStringSubmatch(t); m != nil {
		if to, ok := spanEnd(m[1]); ok && !to.end {
			return fmt.Sprintf("its figures are 12 months to %s, a day within %s, not its end, and the importer keeps rolling 12-month figures only to a month's end: give the 12 months to a month's last day, headed such as \"12 months to %s\"", to.text, to.month.Label(), to.month.Label()), true
		}
		return "", false
	}
	m := monthsSpan().FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	count, end := m[1], m[2]
	if count == "" {
		count, end = m[3], m[4] // R3M Mar-25
	}
	n, err := strconv.Atoi(count)
	if err != nil {
		n = spanWords[strings.ToLower(count)]
	}
	to, ok := spanEnd(end)
	if !ok || n < 1 || n == 12 {
		return "", false
	}
	from := to.month.Add(1 - n)
	span := from.Label() + " to " + to.month.Label()
	if !to.end {
		span = "to " + to.text // from a day within a month
	}
	why = fmt.Sprintf("its figures are a %d-month span, %s, and the importer keeps no period of %d months beside months; filed under %s they would stand for its own figure", n, span, n, to.month.Label())
	if q, isQuarter := monthSpan(from, to.month); isQuarter && q.Kind == app.Quarter && to.end {
		return why + fmt.Sprintf(": if they are the quarter's figures, head the column %s; otherwise give each month's own figures under its month", q.Label()), true
	}
	return why + ": give each month's own figures under its month", true
}

// monthsSpan is a heading of figures over some months to a month:
// "3 months to Mar-25", "Rolling 6 months ending March 2025", "R3M
// Mar-25".
var monthsSpan = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:rolling\s+)?(\d{1,2}|two|three|four|five|six|nine|eighteen|twenty-four)\s*(?:months?|mths?|m)\s+(?:to|ending|up\s+to|until)\s+(.+)$|^r(\d{1,2})m\s+(?:to\s+|ending\s+)?(.+)$`)
})

var spanWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "eighteen": 18, "twenty-four": 24}
