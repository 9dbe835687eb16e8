package importer

import (
	"regexp"
	"strings"

	"scorecard/app"
)

// Headings of figures over a span ending in a month: the words before or
// after the month, and what they make the figures.
var rollingForms = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`(?i)^(?:rolling\s+)?(?:12|twelve)\s*(?:months?|mths?|m)\s+(?:to|ending|up\s+to|until)\s+(.+)$`), "rolling 12-month figures"},
	{regexp.MustCompile(`(?i)^(?:r12m?|rolling\s+12\s*(?:months?|mths?|m)|rolling\s+year|rolling)\s+(?:to\s+|ending\s+)?(.+)$`), "rolling 12-month figures"},
	{regexp.MustCompile(`(?i)^(.+?)\s*[(\[]?\s*(?:r12m?|rolling\s+12\s*(?:months?|mths?|m)|rolling)\s*[)\]]?$`), "rolling 12-month figures"},
	{regexp.MustCompile(`(?i)^(?:f?ytd|year\s+to\s+date)\s*(?:[-:]\s*)?(?:to\s+|at\s+|as\s+at\s+|ending\s+)?(.+)$`), "year-to-date figures"},
	{regexp.MustCompile(`(?i)^(.+?)\s*[(\[]?\s*(?:f?ytd|year\s+to\s+date)\s*[)\]]?$`), "year-to-date figures"},
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
	for _, f := range rollingForms {
		m := f.re.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		rest := strings.TrimSpace(m[1])
		// A month written in words: a bare number would be a serial.
		if !strings.ContainsFunc(rest, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) {
			continue
		}
		if p, ok := periodHeading(rest); ok && p.Kind == app.Month {
			return p, f.what, true
		}
	}
	return app.Period{}, "", false
}
