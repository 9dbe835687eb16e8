package importer

import (
	"fmt"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// yearCaption is a year written in a header row above a row of bare
// month names, and the months it dates.
type yearCaption struct {
	col     int // 0-based column of the year's text
	year    app.Period
	carried bool  // written once to the left of months it dates, not merged over them
	months  []int // the 0-based columns of the months beneath it
	// why says why its months were not dated, when they would not run
	// forward in time, each once, within it; "" when they were dated.
	why string
}

// monthsUnderYears dates a second header row of bare month names ("Apr",
// "May", "Jun") beneath 0-based header row h by the year or quarter
// captioning them there ("2025/26", "Q1 2025/26", merged across them or
// written once at the left and centred across): a financial year's April
// to December in its first calendar year and January to March in its
// second, an academic year's from September, a calendar year's as named,
// a quarter's if it is one of the quarter's. Unread, the months were no
// headings, and a year merged across them had its first month's figure
// read as the year's. A month with no year above it or to its left (only
// blanks between) is not dated, nor one whose caption is at or left of
// column from (the Ref column's, where a title is not a caption). It
// returns the months by column, and the captions that dated them.
func monthsUnderYears(g *grid, h, from int) (map[int]app.Period, []yearCaption) {
	if h < 0 || h+1 >= len(g.rows) {
		return nil, nil
	}
	var caps []yearCaption
	var dates [][]app.Period // each caption's months' dates, in order; zero outside it
	for c, t := range g.rows[h+1] {
		name, ok := monthNames()[strings.ToLower(strings.TrimSuffix(strings.TrimSpace(t), "."))]
		if !ok {
			name, ok = numberedQuarter(t) // "Qtr 1": quartersunderyears.go
		}
		if !ok {
			continue
		}
		// The year is the nearest caption at or left of the month.
		k := c
		for k > from && strings.TrimSpace(g.at(h, k)) == "" {
			k--
		}
		if k <= from {
			continue
		}
		year, ok := captionYear(g.at(h, k))
		if !ok {
			continue
		}
		p, _ := monthOf(name, year)
		top := k // the caption's own cell, where merged over k
		for _, m := range g.merged {
			if h >= m.Row0 && h <= m.Row1 && k >= m.Col0 && k <= m.Col1 {
				top = m.Col0
			}
		}
		if n := len(caps); n == 0 || caps[n-1].col != top {
			caps = append(caps, yearCaption{col: top, year: year})
			dates = append(dates, nil)
		}
		yc := &caps[len(caps)-1]
		yc.months = append(yc.months, c)
		yc.carried = yc.carried || k != c
		dates[len(dates)-1] = append(dates[len(dates)-1], p)
	}
	back := newestFirst(dates)
	var dated map[int]app.Period
	for i := range caps {
		yc := &caps[i]
		yc.why = outOfTurn(g, h, yc, dates[i], back)
		if yc.why != "" {
			continue
		}
		if dated == nil {
			dated = map[int]app.Period{}
		}
		for j, c := range yc.months {
			dated[c] = dates[i][j]
		}
	}
	return dated, caps
}

// newestFirst reports whether the months under a row of captions, each
// caption's dated in column order, run backwards in time across the
// whole row (Mar, Feb, Jan under "2025", then Dec to Apr under "2024"),
// as committee scorecards put the latest month by the indicator's name.
// A row that runs backwards only in part (a caption's months, or one
// caption after another) is not: its months under one caption may run
// past that year's end, and are not taken as newest first.
func newestFirst(dates [][]app.Period) bool {
	var prev app.Period
	n := 0
	for _, ps := range dates {
		for _, p := range ps {
			if p.IsZero() || (!prev.IsZero() && p.Compare(prev) >= 0) {
				return false
			}
			prev = p
			n++
		}
	}
	return n > 1
}

// outOfTurn says why the months under caption yc, dated ps, cannot be
// dated by it, or "" if they can: months under one year or quarter run
// forward in time, each once, within it, or, where the whole row runs
// newest first (back), backwards. Months that do not are captioned
// wrongly (a calendar year over a financial year's April to March dates
// January to March before the April at their left) or by a year that is
// only the first of theirs (fifteen rolling months under "2024/25"), and
// dating them by it would file their figures, silently, over another
// year's.
func outOfTurn(g *grid, h int, yc *yearCaption, ps []app.Period, back bool) string {
	caption := strings.TrimSpace(g.at(h, yc.col))
	name := func(j int) string { return strings.TrimSpace(g.at(h+1, yc.months[j])) }
	for j, p := range ps {
		if p.IsZero() {
			if why := quarterNotDated(caption, name(j), yc.year); why != "" {
				return why
			}
			return fmt.Sprintf("months under %q include %s, not in %s: not dated; head them with dated months", caption, name(j), yc.year.Label())
		}
	}
	for j := range ps {
		for i := range j {
			if ps[i] == ps[j] {
				return fmt.Sprintf("months under %q name %s twice: not dated; give each year's months their own year above them, or head them with dated months", caption, name(j))
			}
		}
	}
	if back {
		return "" // newestFirst has checked every month runs back from the one before
	}
	for j := 1; j < len(ps); j++ {
		if ps[j].Compare(ps[j-1]) > 0 {
			continue
		}
		with := "a year for each year's months"
		if first := ps[0]; yc.year.Kind == app.CalendarYear && first.N == 4 {
			with = "the financial year " + app.Period{Kind: app.FinancialYear, Year: first.Year}.Label()
		} else if yc.year.Kind == app.CalendarYear && first.N == 9 {
			with = "the academic year " + app.Period{Kind: app.AcademicYear, Year: first.Year}.Label()
		}
		return fmt.Sprintf("months under %q run %s to %s, past the year's end: not dated; head them with %s, or with dated months", caption, name(0), name(len(ps)-1), with)
	}
	return ""
}

// monthOf is the month named (short, as monthNames gives) in year or
// quarter y; a month outside a quarter is not in it.
func monthOf(name string, y app.Period) (app.Period, bool) {
	if y.Kind != app.Quarter {
		return milestonePeriod(name, y)
	}
	for i := range 3 {
		m := app.MonthOf(y.Year, time.Month((y.N-1)*3+1+i))
		if m.Label()[:3] == name {
			return m, true
		}
	}
	return app.Period{}, false
}

// captionYear reads a year or quarter captioning months: "2025/26",
// "2025-26 AY", "2025", "Q4 2024/25", "2025-Q1", or a year within words
// ("Financial year 2025/26").
func captionYear(s string) (app.Period, bool) {
	s = strings.TrimSpace(s)
	if q, ok := FinancialQuarter(s); ok {
		return q, true
	}
	if p, err := app.ParsePeriod(s); err == nil && p.Kind == app.Quarter {
		return p, true
	}
	if m, both := yearOrMonth(s); both {
		return app.Period{Kind: app.FinancialYear, Year: m.Year}, true
	}
	if p, err := app.ParsePeriod(s); err == nil {
		return p, p.IsYear()
	}
	if y, _ := cutYear(s); !y.IsZero() {
		return y, true
	}
	return app.Period{}, false
}

// warnMonthsUnderYears says, at each year captioning a row of bare month
// names, which months it was taken to date (monthsUnderYears): the months
// in a second header row under the header, or in the header under the
// row above.
func (s *sheetReader) warnMonthsUnderYears() {
	// Said here, with the other readings of month headings, so that every
	// reader of a sheet of indicators says it.
	s.warnMonthsInTurn()
	s.warnDateOrder()
	s.warnFiguredMonths()
	s.warnFootnotedPeriods()
	s.warnMonthCohorts()
	s.warnCohortRuns()
	s.warnLastYearsMonths()
	h := s.l.HeaderRow - 1
	if s.l.FirstRow-1 <= h+1 {
		h-- // no second header row: the header's months, under the row above
	}
	ref, ok := s.l.column(RoleRef)
	if s.l.Kind != IndicatorSheet || !ok {
		return
	}
	dated, caps := monthsUnderYears(s.g, h, ref.index)
	read := map[int]bool{}
	for _, c := range s.l.Columns {
		if p, ok := dated[c.index]; ok && c.Role == RolePeriod && c.Period == p {
			read[c.index] = true
		}
	}
	for _, yc := range caps {
		if !s.span.has(yc.col) {
			continue // another table's, beside this one (sideTables)
		}
		if yc.why != "" {
			s.warn(h, yc.col, "%s", yc.why)
			continue
		}
		var ms []string
		for _, c := range yc.months {
			if read[c] {
				ms = append(ms, fmt.Sprintf("%s %q as %s", xlsx.ColumnName(c), strings.TrimSpace(s.g.rows[h+1][c]), dated[c].Label()))
			}
		}
		if len(ms) == 0 {
			continue
		}
		how := "merged across them"
		if yc.carried {
			how = "written at their left and taken to run until the next heading"
		}
		caption := strings.TrimSpace(s.g.at(h, yc.col))
		if q := quartersNote(caption, how, yc, ms, dated[yc.months[0]]); q != "" {
			s.warn(h, yc.col, "%s", q)
			continue
		}
		s.warn(h, yc.col, "months with no year beneath %q (%s) dated by it: %s", strings.TrimSpace(s.g.at(h, yc.col)), how, strings.Join(ms, ", "))
	}
}
