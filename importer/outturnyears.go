package importer

// A sheet of years each headed as its outturn, "2020/21 outturn" to
// "2024/25 outturn", with no other period columns: read as the previous
// year's outturn, a benchmark, its figures were not read at all, and its
// rows without a digit in their refs not even as indicators, so the file
// was refused with no cell named. An outturn is the year's own final
// figure: where nothing else gives the sheet's figures, its outturn
// columns are its years' figures, said at the first. Beside month,
// quarter or year columns an outturn column stays the previous year's
// outturn, as it always was.

import (
	"fmt"

	"scorecard/app"
)

// outturnYears makes the columns of l headed by a year's outturn its
// period columns where l has no other, and there are two or more of
// them: one alone, beside a target, is last year's outturn.
func outturnYears(l *Layout) {
	var cols []int
	for i, c := range l.Columns {
		switch {
		case c.Role == RolePeriod, c.Role == RoleYear:
			return
		case c.Role == RolePrevious && (c.Period.Kind == app.FinancialYear || c.Period.Kind == app.AcademicYear) && outturnHeading(c.Header):
			cols = append(cols, i)
		}
	}
	if len(cols) < 2 {
		return
	}
	for _, i := range cols {
		l.Columns[i].Role = RolePeriod
	}
	first, last := l.Columns[cols[0]], l.Columns[cols[len(cols)-1]]
	l.Columns[cols[0]].yearNote = fmt.Sprintf("columns %s to %s, headed %q to %q, read as the years' own figures, %s to %s, as the sheet has no month, quarter or year columns; beside such columns an outturn column is read as the previous year's outturn",
		first.Col, last.Col, first.Header, last.Header, first.Period.Label(), last.Period.Label())
}

// outturnHeading reports whether a heading is a year and the word
// outturn, and nothing else: "2024/25 outturn", "Outturn 2024-25". A
// previous year's ("Previous year outturn 2023/24") is not.
func outturnHeading(h string) bool {
	y, rest := cutYear(h)
	if y.IsZero() {
		return false
	}
	switch normHeader(rest) {
	case "outturn", "outturns", "final outturn", "year end outturn", "annual outturn":
		return true
	}
	return false
}
