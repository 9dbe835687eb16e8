package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// Power BI exports a visual built on a date hierarchy with a column for
// each level: `Year | Quarter | Month | Day`, the Month column holding
// the month's name alone ("April") and the Year column its year. Read
// row by row, every month name was "not a period" and the Year column
// "not read": the table imported nothing. So a tidy table whose Period
// column holds month names beside a Year column is read as the
// hierarchy: the month of that name in the row's year. Power BI's
// quarters are the calendar's ("Qtr 2" holds April to June) and its Day
// is the day of the month; where they agree with the month they are read
// without a word. Where one does not, the year may be another calendar's
// (a financial year's January under its first year), so the row is not
// guessed: it is skipped, said once at the first such cell with how many.

// dateHierarchy is the columns of a tidy table's date hierarchy, by
// 0-based index, -1 where it has none.
type dateHierarchy struct {
	on           bool
	month, year  int
	quarter, day int
	heads        string // the columns read, for the warning
	said         bool
	// skipped counts the rows not read, the first at skipCell for why.
	skipped           int
	skipCell, skipWhy string
}

// has reports whether column c is one of the hierarchy's, read by it.
func (h *dateHierarchy) has(c int) bool {
	return h.on && (c == h.year || c == h.quarter || c == h.day)
}

// findHierarchy sees whether the tidy table's Period column (period)
// holds month names beside a Year column.
func (s *sheetReader) findHierarchy(period Column, ok bool) dateHierarchy {
	h := dateHierarchy{month: period.index, year: -1, quarter: -1, day: -1}
	if !ok || s.l.Kind != TidySheet {
		return h
	}
	year, ok := s.l.column(RoleYear)
	if !ok {
		return h
	}
	h.year = year.index
	named := false
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		t := strings.ToLower(strings.TrimSpace(s.at(r, &period)))
		if t == "" {
			continue
		}
		_, named = monthNames()[t]
		break
	}
	if !named {
		return h
	}
	h.on = true
	head := s.g.rows[s.l.HeaderRow-1]
	for c, t := range head {
		if s.l.columnAt(c) {
			continue
		}
		switch normHeader(t) {
		case "quarter", "qtr":
			if h.quarter < 0 {
				h.quarter = c
			}
		case "day":
			if h.day < 0 {
				h.day = c
			}
		}
	}
	h.heads = fmt.Sprintf("the month's name in column %s with the year in column %s", xlsx.ColumnName(h.month), xlsx.ColumnName(h.year))
	var also []string
	if h.quarter >= 0 {
		also = append(also, fmt.Sprintf("the quarter in column %s (the calendar's, as Power BI numbers them)", xlsx.ColumnName(h.quarter)))
	}
	if h.day >= 0 {
		also = append(also, fmt.Sprintf("the day in column %s", xlsx.ColumnName(h.day)))
	}
	if len(also) > 0 {
		h.heads += "; " + strings.Join(also, " and ") + " checked against it"
	}
	return h
}

// columnAt reports whether the layout reads column c.
func (l *Layout) columnAt(c int) bool {
	for _, col := range l.Columns {
		if col.index == c {
			return true
		}
	}
	return false
}

// read reads row r's period from the hierarchy, its Period cell holding
// text: read is false where text is no month's name (the row is read as
// any other), skip is set where the row is not read, to be said by warn.
func (h *dateHierarchy) read(s *sheetReader, r int, text string) (p app.Period, read, skip bool) {
	if !h.on {
		return p, false, false
	}
	t := strings.ToLower(strings.TrimSpace(text))
	if _, ok := monthNames()[t]; !ok {
		return p, false, false
	}
	m := monthIndex(t)
	ytext := strings.TrimSpace(s.g.at(r, h.year))
	y, err := strconv.ParseFloat(ytext, 64)
	if err != nil || y != float64(int(y)) || y < 1900 || y > 2200 {
		h.skip(r, h.year, fmt.Sprintf("%q is no year for the month %q beside it", ytext, strings.TrimSpace(text)))
		return p, true, true
	}
	p = app.MonthOf(int(y), m)
	if h.quarter >= 0 {
		q := strings.TrimSpace(s.g.at(r, h.quarter))
		if n, ok := quarterNumber(q); q != "" && (!ok || n != (int(m)-1)/3+1) {
			h.skip(r, h.quarter, fmt.Sprintf("quarter %q is not the calendar quarter of %s (Qtr %d), so its year %d may be another year's (a financial year's) and is not guessed", q, p.Label(), (int(m)-1)/3+1, int(y)))
			return p, true, true
		}
	}
	if h.day >= 0 {
		d := strings.TrimSpace(s.g.at(r, h.day))
		last := time.Date(int(y), m+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if n, err := strconv.Atoi(d); d != "" && (err != nil || n != 1 && n != last) {
			h.skip(r, h.day, fmt.Sprintf("day %q is not the first or last of %s, so the figure is a day's, not the month's", d, p.Label()))
			return p, true, true
		}
	}
	if !h.said {
		h.said = true
		s.warn(r, h.month, "periods read from a Power BI date hierarchy: %s (%q read as %s)", h.heads, strings.TrimSpace(text), p.Label())
	}
	return p, true, false
}

// quarterNumber reads a hierarchy's quarter: "Qtr 2", "Q2", "Quarter 2",
// "2".
func quarterNumber(q string) (int, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(q), ""))
	for _, p := range []string{"quarter", "qtr", "q"} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			t = rest
			break
		}
	}
	n, err := strconv.Atoi(t)
	return n, err == nil && n >= 1 && n <= 4
}

// skip counts a row the hierarchy does not read, keeping the first's
// cell and reason.
func (h *dateHierarchy) skip(r, c int, why string) {
	if h.skipped == 0 {
		h.skipCell, h.skipWhy = cellName(r, c), why
	}
	h.skipped++
}

// warn says, once, at the first row the hierarchy did not read, why and
// how many rows.
func (h *dateHierarchy) warn(s *sheetReader) {
	switch {
	case h.skipped == 1:
		s.out.warn(s.l.Sheet, h.skipCell, "row skipped: %s; give the month as a date (2024-04-01) or as Apr-24", h.skipWhy)
	case h.skipped > 1:
		s.out.warn(s.l.Sheet, h.skipCell, "%d rows skipped, the first here: %s; give the month as a date (2024-04-01) or as Apr-24", h.skipped, h.skipWhy)
	}
}
