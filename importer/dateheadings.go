package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// dateOrder is how a row's month headings written as dates in figures
// were read, where it is to be said at the header row: day first, where
// the row did not settle it, or month first, as US dates, where it did.
type dateOrder struct {
	row  int // 0-based
	cols []int
	// monthFirst is set where the headings read only month first
	// ("2/1/2025" beside "1/1/2025" and "3/1/2025" is 1 February), which
	// an English reader does not: it is no guess, but said.
	monthFirst bool
}

// dateHeadings reads the headings of a row written as dates in figures,
// as a scorecard saved as CSV heads its months ("01/04/2025" in an
// English file, "04/01/2025" from a spreadsheet set to US dates,
// "2025-04-01"), as the month each names. A month's heading is its first
// or last day: that decides day/month against month/day where only one
// order makes every heading such a day, and where both do and differ, a
// run of consecutive months does; otherwise the row is read day first, as
// English files write dates, and the returned order says so. Headings
// not read (another day of a month) are left to warnUnused.
func dateHeadings(heads []string, row int) (map[int]app.Period, *dateOrder) {
	type date struct{ y, a, b int } // a/b/y, or y-a-b day-last where iso
	iso := map[int]app.Period{}
	dmy := map[int]date{}
	var cols []int
	for c, h := range heads {
		y, a, b, isISO, ok := datedFigures(strings.TrimSpace(h))
		if !ok {
			continue
		}
		if isISO {
			if p, ok := monthOfDay(y, a, b); ok {
				iso[c] = p
			}
			continue
		}
		dmy[c] = date{y, a, b}
		cols = append(cols, c)
	}
	read := func(dayFirst bool) (map[int]app.Period, bool, bool) {
		ps, all := map[int]app.Period{}, true
		var run []app.Period
		for _, c := range cols {
			d := dmy[c]
			day, month := d.a, d.b
			if !dayFirst {
				day, month = d.b, d.a
			}
			if p, ok := monthOfDay(d.y, month, day); ok {
				ps[c] = p
				run = append(run, p)
			} else {
				all = false
			}
		}
		return ps, all, consecutive(run)
	}
	out := iso
	if len(cols) == 0 {
		return out, nil
	}
	d, dAll, dRun := read(true)
	m, mAll, mRun := read(false)
	chosen, order := d, (*dateOrder)(nil)
	switch {
	case dAll && !mAll:
	case mAll && !dAll:
		chosen, order = m, &dateOrder{row: row, cols: cols, monthFirst: true}
	case dAll && mAll && samePeriods(d, m):
	case dAll && mAll && dRun != mRun:
		if mRun {
			chosen, order = m, &dateOrder{row: row, cols: cols, monthFirst: true}
		}
	default:
		order = &dateOrder{row: row, cols: cols}
	}
	for c, p := range chosen {
		out[c] = p
	}
	return out, order
}

// datedFigures parts a date in figures: y-a-b (ISO, a the month) or a/b/y
// with a four-figure year, parted by "/", "." or "-".
func datedFigures(s string) (y, a, b int, iso, ok bool) {
	if len(s) < 8 || len(s) > 10 {
		return 0, 0, 0, false, false
	}
	sep := strings.IndexAny(s, "/.-")
	if sep < 0 {
		return 0, 0, 0, false, false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 {
		return 0, 0, 0, false, false
	}
	var n [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return 0, 0, 0, false, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		return n[0], n[1], n[2], true, true
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4:
		return n[2], n[0], n[1], false, true
	}
	return 0, 0, 0, false, false
}

// monthOfDay is the month of a date that is its first or last day.
func monthOfDay(y, m, d int) (app.Period, bool) {
	if m < 1 || m > 12 || y < 1900 || y > 2200 {
		return app.Period{}, false
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d != 1 && d != last {
		return app.Period{}, false
	}
	return app.MonthOf(y, time.Month(m)), true
}

// consecutive reports whether ps run a month apart, forwards or
// backwards, with at least two of them.
func consecutive(ps []app.Period) bool {
	if len(ps) < 2 {
		return false
	}
	step := ps[1].Index() - ps[0].Index()
	if step != 1 && step != -1 {
		return false
	}
	for i := 2; i < len(ps); i++ {
		if ps[i].Index()-ps[i-1].Index() != step {
			return false
		}
	}
	return true
}

// samePeriods reports whether two readings agree.
func samePeriods(a, b map[int]app.Period) bool {
	if len(a) != len(b) {
		return false
	}
	for c, p := range a {
		if b[c] != p {
			return false
		}
	}
	return true
}

// warnDateOrder says, at the header row, month headings written as dates
// whose row did not settle day/month against month/day.
func (s *sheetReader) warnDateOrder() {
	o := s.l.dateOrder
	if o == nil || len(o.cols) == 0 {
		return
	}
	if o.monthFirst {
		c := o.cols[0]
		for _, oc := range o.cols {
			// A heading whose day and month differ shows the order.
			if _, a, b, _, _ := datedFigures(strings.TrimSpace(s.g.at(o.row, oc))); a != b {
				c = oc
				break
			}
		}
		text := strings.TrimSpace(s.g.at(o.row, c))
		more := ""
		if len(o.cols) > 1 {
			more = fmt.Sprintf(" and %d more headings", len(o.cols)-1)
		}
		var read app.Period
		for _, col := range s.l.Columns {
			if col.index == c {
				read = col.Period
			}
		}
		s.warn(o.row, c, "month headings written as dates (%q%s) read month first, as US dates are written, %q as %s: read day first, as English files write dates, they are not months' first or last days; check the months",
			text, more, text, read.Label())
		return
	}
	var names []string
	for _, c := range o.cols {
		names = append(names, xlsx.ColumnName(c)+" "+strconv.Quote(strings.TrimSpace(s.g.at(o.row, c))))
	}
	s.warn(o.row, o.cols[0], "month headings written as dates (%s) could be day/month or month/day, and neither makes them a run of months' first or last days: read day first, as English files write dates; check the months",
		strings.Join(names, ", "))
}
