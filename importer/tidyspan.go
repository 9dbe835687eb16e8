package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// Case-management extracts (Mosaic, LCS, Liquidlogic reports) give each
// row's period as the dates it starts and ends ("Period Start 01/04/2024
// 00:00:00 | Period End 30/04/2024 00:00:00"). The end column is read as
// the period column; the start column says whether the row is that month
// or the quarter or year ending with it. Unread, the sheet had no period
// heading the importer knew and was refused.

// tidySpans are a tidy table's period start dates, read as the period
// column's are (readTidyDates), and what the rows they span were read as.
type tidySpans struct {
	col    int // the start column, -1 for none
	starts tidyDates
	// first is the first row whose span was read as more than a month,
	// -1 for none, with its text and how many rows read alike.
	first       int
	text        string
	spanned     app.Period
	spannedRows int
}

// readTidySpans reads the period start column of cols, if it has one.
func (s *sheetReader) readTidySpans(cols map[Role]Column) tidySpans {
	ts := tidySpans{col: -1, first: -1}
	c, ok := cols[RolePeriodStart]
	if !ok {
		return ts
	}
	ts.col, ts.starts = c.index, s.readTidyDates(c)
	return ts
}

// period is the period row r spans, from its start date to the month
// its end date made it (end), or why it is none.
func (ts *tidySpans) period(s *sheetReader, r int, end app.Period) (app.Period, string) {
	if ts.col < 0 || end.Kind != app.Month {
		return end, ""
	}
	start, ok := ts.starts.rows[r]
	text := strings.TrimSpace(s.g.at(r, ts.col))
	if !ok {
		if text == "" {
			return end, "" // no start given: the end's month, as a Period column gives it
		}
		return app.Period{}, fmt.Sprintf("its period start %q is not a date", text)
	}
	p, ok := spanPeriod(start, end)
	if !ok {
		return app.Period{}, fmt.Sprintf("it runs from %s to %s, not a month, a quarter or a financial, academic or calendar year", start.Label(), end.Label())
	}
	if p.Kind != app.Month {
		if ts.first < 0 {
			ts.first, ts.text, ts.spanned = r, text, p
		}
		ts.spannedRows++
	}
	return p, ""
}

// warn says once, at the first, that rows were read as the quarter or year
// their dates span.
func (ts *tidySpans) warn(s *sheetReader) {
	if ts.first < 0 {
		return
	}
	more := ""
	if ts.spannedRows > 1 {
		more = fmt.Sprintf(" and %d more rows", ts.spannedRows-1)
	}
	s.warn(ts.first, ts.col, "periods given by their start and end dates (%q here%s) read as the quarter or year each spans (%s)", ts.text, more, ts.spanned.Label())
}

// spanPeriod is the month, quarter (calendar, as app.Quarter is), or
// financial, academic or calendar year that runs from month start to
// month end.
func spanPeriod(start, end app.Period) (app.Period, bool) {
	months := end.StartMonth() - start.StartMonth() + 1
	switch {
	case months == 1:
		return end, true
	case months == 3 && (start.N-1)%3 == 0:
		return app.Period{Kind: app.Quarter, Year: start.Year, N: (start.N-1)/3 + 1}, true
	case months == 12 && start.N == 4:
		return app.Period{Kind: app.FinancialYear, Year: start.Year}, true
	case months == 12 && start.N == 9:
		return app.Period{Kind: app.AcademicYear, Year: start.Year}, true
	case months == 12 && start.N == 1:
		return app.Period{Kind: app.CalendarYear, Year: start.Year}, true
	}
	return app.Period{}, false
}
