package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

// midnight is the time an export writes after a date that is a day, not
// an instant: SQL's and Power BI's "2024-04-01T00:00:00", "2024-04-01
// 00:00:00", and the Power BI service's US "4/1/2024 12:00:00 AM".
var midnight = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\S+?)(?:T| +)(?:0?0:00(?::00(?:\.0+)?)?Z?|(12:00(?::00)?) ?AM)$`)
})

// tidyDates is how a tidy table's period column written as dates in
// figures was read: each row's month by dateHeadings, the reader of
// month headings written so, which a day/month order is settled by the
// same way; nothing is read a second way here.
type tidyDates struct {
	rows  map[int]app.Period // by 0-based row
	first int                // the first row read, -1 for none
	text  string             // its text
	order string             // how the order was settled, for the warning
	n     int
	// unsettled is the first row of a column whose dates could be
	// day/month or month/day, -1 where none is.
	unsettled int
}

// readTidyDates reads the period column c's dates. A date with a time
// and AM/PM is as the Power BI service writes it in a US locale: month
// first, whatever the day.
func (s *sheetReader) readTidyDates(c Column) tidyDates {
	td := tidyDates{first: -1, unsettled: -1}
	heads := make([]string, len(s.g.rows))
	ampm := false
	for r := s.l.FirstRow - 1; r >= 0 && r < len(s.g.rows); r++ {
		t := strings.TrimSpace(s.at(r, &c))
		if m := midnight().FindStringSubmatch(t); m != nil {
			t = m[1]
			if m[2] != "" {
				// Month first, as an ISO date says it.
				if _, a, b, iso, ok := datedFigures(t); ok && !iso {
					t = fmt.Sprintf("%s-%02d-%02d", t[len(t)-4:], a, b)
					ampm = true
				}
			}
		}
		heads[r] = t
	}
	ps, order := dateHeadings(heads, -1)
	td.rows = ps
	for r := range heads {
		if _, ok := ps[r]; ok {
			td.first, td.text = r, strings.TrimSpace(s.at(r, &c))
			break
		}
	}
	td.n = len(ps)
	if td.first < 0 {
		return td
	}
	if order != nil && !order.monthFirst && len(order.cols) > 0 {
		td.unsettled = order.cols[0]
		return td
	}
	dayFirst, monthFirst := false, false
	for r, p := range ps {
		if _, a, b, iso, ok := datedFigures(heads[r]); ok && !iso && a != b {
			if p.N == b {
				dayFirst = true
			} else {
				monthFirst = true
			}
		}
	}
	switch {
	case ampm:
		td.order = "; dates with a time and AM/PM, as the Power BI service writes them in a US locale, read month first"
	case dayFirst:
		td.order = "; read day first (dd/mm/yyyy), as English files write dates, the only order that makes them months' first or last days"
	case monthFirst:
		td.order = "; read month first (mm/dd/yyyy, a US locale's order), the only order that makes them months' first or last days"
	}
	return td
}

// warn says once, at the first row, how the dates were read; a column
// whose order could not be settled refuses the table there.
func (td tidyDates) warn(s *sheetReader, col int) error {
	if td.unsettled >= 0 {
		return &app.SourceError{Location: app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: place(s.l.Sheet, td.unsettled, col)},
			Err: fmt.Errorf("refused: the periods written as dates (%q) could be day/month or month/day, and neither order makes every one a month's first or last day: write them as 2024-04 or Apr-24, or as dates in one order throughout", strings.TrimSpace(s.g.at(td.unsettled, col)))}
	}
	if td.first < 0 {
		return nil
	}
	more := ""
	if td.n > 1 {
		more = fmt.Sprintf(" and %d more rows", td.n-1)
	}
	p := td.rows[td.first]
	s.warn(td.first, col, "periods written as dates (%q here%s) read as the month each is the first or last day of (%s)%s", td.text, more, p.Label(), td.order)
	return nil
}
