package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// monthTurn is a month heading that broke its row's run of months by a
// whole number of years, and how it was read.
type monthTurn struct {
	row     int        // 0-based row of the heading
	written app.Period // the month the heading says
	before  app.Period // the months either side that fix its place; zero at an end
	after   app.Period
	// kept marks a heading read as written, only said: a date cell, or
	// a heading at either end of the run.
	kept bool
	why  string     // why it was kept
	want app.Period // the month its place implies
}

// monthsInTurn reads a month heading that breaks the run of the months
// across its row by a whole number of years, Jan-25 typed for Jan-26
// between Dec-25 and Feb-26, as the month its place implies, and marks it
// to be said at its cell (warnMonthsInTurn). Read as written, its figures
// were filed a year back, over last year's or as their revision, and
// its own month left empty, without a word. The place is fixed by the
// months either side two months apart. A heading at either end of the
// row (placed by the next two, one month apart) is more likely a real
// earlier or later period, a last year's outturn column before this
// year's months, and a date cell is what its author entered: both are
// read as written and only said. A month the row
// already heads elsewhere is left as written, as is a heading off by
// anything but whole years (a column for the same month last year beside
// this year's months is never a whole number of years from its place).
// The headings are in 0-based row label, or in row caption above where
// label is blank beneath it.
func monthsInTurn(l *Layout, g *grid, label, caption int) {
	var at []int // indexes into l.Columns of the month columns, left to right
	heads := map[app.Period]bool{}
	for i, c := range l.Columns {
		if c.Role == RolePeriod && c.Period.Kind == app.Month {
			at = append(at, i)
			heads[c.Period] = true
		}
	}
	if len(at) < 3 {
		return
	}
	ps := make([]app.Period, len(at))
	for j, i := range at {
		ps[j] = l.Columns[i].Period
	}
	for j, i := range at {
		p := ps[j]
		want, before, after, ok := placeOf(ps, j)
		if !ok || want == p || (want.Index()-p.Index())%12 != 0 || heads[want] {
			continue
		}
		c := &l.Columns[i]
		row := label
		if strings.TrimSpace(g.at(label, c.index)) == "" {
			row = caption
		}
		_, serial := strconv.ParseFloat(strings.TrimSpace(g.at(row, c.index)), 64)
		t := &monthTurn{row: row, written: p, before: before, after: after, want: want}
		switch {
		case serial == nil:
			t.kept, t.why = true, "a date cell is read as entered"
		case before.IsZero() || after.IsZero():
			t.kept, t.why = true, "a heading at an end of the run may be an earlier or later period"
		default:
			c.Period = want
		}
		c.turn = t
	}
}

// placeOf is the month that the months around the j'th of ps imply for
// it, with the neighbours that imply it (before or after is zero where
// both are on one side).
func placeOf(ps []app.Period, j int) (want, before, after app.Period, ok bool) {
	n := len(ps)
	switch {
	case j > 0 && j < n-1:
		a, b := ps[j-1], ps[j+1]
		switch b.Index() - a.Index() {
		case 2:
			return a.Add(1), a, b, true
		case -2:
			return a.Add(-1), a, b, true
		}
	case j == 0:
		a, b := ps[1], ps[2]
		if d := b.Index() - a.Index(); d == 1 || d == -1 {
			return a.Add(-d), app.Period{}, a, true
		}
	case j == n-1:
		a, b := ps[n-3], ps[n-2]
		if d := b.Index() - a.Index(); d == 1 || d == -1 {
			return b.Add(d), b, app.Period{}, true
		}
	}
	return app.Period{}, app.Period{}, app.Period{}, false
}

// warnMonthsInTurn says, at its heading, each month heading read as the
// month its place implies rather than as written (monthsInTurn).
func (s *sheetReader) warnMonthsInTurn() {
	s.warnOddDays()
	for _, c := range s.l.Columns {
		t := c.turn
		if t == nil {
			continue
		}
		where := "between " + t.before.Label() + " and " + t.after.Label()
		switch {
		case t.before.IsZero():
			where = "before " + t.after.Label()
		case t.after.IsZero():
			where = "after " + t.before.Label()
		}
		if t.kept {
			s.warn(t.row, c.index, "column %s is headed %s, out of turn %s: read as written, %s (%s); if its figures are for %s, head it so",
				xlsx.ColumnName(c.index), t.written.Label(), where, t.written.Label(), t.why, t.want.Label())
			continue
		}
		s.warn(t.row, c.index, "column %s is headed %s, out of turn %s: read as %s, the month its place implies; if its figures are for %s, put the column among that year's months",
			xlsx.ColumnName(c.index), t.written.Label(), where, c.Period.Label(), t.written.Label())
	}
}
