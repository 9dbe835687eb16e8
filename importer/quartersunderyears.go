package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// Quarters numbered under a year caption ("2024/25" merged over "Qtr 1"
// to "Qtr 4") are read as monthsUnderYears reads bare month names: the
// caption gives their year. A council numbers its quarters by the
// financial year, so "Qtr 1" of 2024/25 is April to June 2024
// (milestonePeriod, as for milestones). Under a calendar or academic
// year a numbered quarter is not one the app keeps (an academic year's
// quarters are not calendar quarters, and "Qtr 1" of 2025 may be
// January or April), so those are left undated and said so.

// numberedQuarter reads a numbered quarter heading with no year, "Qtr 1",
// "Q1", "Quarter 1" or "Qtr. 1", as its slot "Q1".
func numberedQuarter(s string) (string, bool) {
	w := strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", " ")))
	var n string
	switch {
	case len(w) == 1 && len(w[0]) == 2 && w[0][0] == 'q':
		n = w[0][1:]
	case len(w) == 1 && strings.HasPrefix(w[0], "qtr"):
		n = w[0][3:]
	case len(w) == 2 && (w[0] == "q" || w[0] == "qtr" || w[0] == "quarter"):
		n = w[1]
	}
	if len(n) != 1 || n[0] < '1' || n[0] > '4' {
		return "", false
	}
	return "Q" + n, true
}

// quarterNotDated says why quarter heading name under caption (read as
// year y) is not dated by it, or "" when it is not a quarter heading.
func quarterNotDated(caption, name string, y app.Period) string {
	if _, ok := numberedQuarter(name); !ok {
		return ""
	}
	why := "a quarter's year is not"
	switch y.Kind {
	case app.AcademicYear:
		why = "an academic year's quarters are not calendar quarters"
	case app.CalendarYear:
		why = "it does not say whether the quarters are the calendar's or numbered from April"
	case app.Quarter:
		why = "a quarter has no quarters"
	}
	return fmt.Sprintf("quarters under %q (%s) not dated: %s; caption them with the financial year (\"%s\"), or head them with dated quarters (\"Q1 %s\")",
		caption, name, why, app.Period{Kind: app.FinancialYear, Year: y.Year}.Label(), app.Period{Kind: app.FinancialYear, Year: y.Year}.Label())
}

// quartersNote is the warning said at caption yc when the periods it
// dated are quarters; "" when they are months.
func quartersNote(caption, how string, yc yearCaption, ms []string, first app.Period) string {
	if first.Kind != app.Quarter {
		return ""
	}
	return fmt.Sprintf("quarters with no year beneath %q (%s) read as quarters of the financial year %s, Qtr 1 being April to June: %s",
		caption, how, yc.year.Label(), strings.Join(ms, ", "))
}
