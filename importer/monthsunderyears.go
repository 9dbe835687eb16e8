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
	months  []int // the 0-based columns beneath it dated by it
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
	var dated map[int]app.Period
	var caps []yearCaption
	for c, t := range g.rows[h+1] {
		name, ok := monthNames[strings.ToLower(strings.TrimSuffix(strings.TrimSpace(t), "."))]
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
		p, ok := monthOf(name, year)
		if !ok {
			continue
		}
		if dated == nil {
			dated = map[int]app.Period{}
		}
		dated[c] = p
		top := k // the caption's own cell, where merged over k
		for _, m := range g.merged {
			if h >= m.Row0 && h <= m.Row1 && k >= m.Col0 && k <= m.Col1 {
				top = m.Col0
			}
		}
		if n := len(caps); n == 0 || caps[n-1].col != top {
			caps = append(caps, yearCaption{col: top, year: year})
		}
		yc := &caps[len(caps)-1]
		yc.months = append(yc.months, c)
		yc.carried = yc.carried || k != c
	}
	return dated, caps
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
	if q, ok := financialQuarter(s); ok {
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
		s.warn(h, yc.col, "months with no year beneath %q (%s) dated by it: %s", strings.TrimSpace(s.g.at(h, yc.col)), how, strings.Join(ms, ", "))
	}
}
