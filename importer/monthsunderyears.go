package importer

import (
	"fmt"
	"strings"

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
// "May", "Jun") beneath 0-based header row h by the year captioning them
// there ("2025/26", merged across them or written once at the left and
// centred across): a financial year's April to December in its first
// calendar year and January to March in its second, an academic year's
// from September, a calendar year's as named. Unread, the months were no
// headings, and a year merged across them had its first month's figure
// read as the year's. A month with no year above or to its left (only
// blanks between) is not dated. The columns dated are by column.
func monthsUnderYears(g *grid, h int) (map[int]app.Period, []yearCaption) {
	if h+1 >= len(g.rows) {
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
		for k > 0 && strings.TrimSpace(g.at(h, k)) == "" {
			k--
		}
		year, ok := captionYear(g.at(h, k))
		if !ok {
			continue
		}
		p, ok := milestonePeriod(name, year)
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

// captionYear reads a year captioning months: "2025/26", "2025-26 AY",
// "2025", or a year within words ("Financial year 2025/26").
func captionYear(s string) (app.Period, bool) {
	s = strings.TrimSpace(s)
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
// names, which months it was taken to date (monthsUnderYears).
func (s *sheetReader) warnMonthsUnderYears() {
	h := s.l.HeaderRow - 1
	if s.l.Kind != IndicatorSheet || s.l.FirstRow-1 <= h+1 {
		return
	}
	dated, caps := monthsUnderYears(s.g, h)
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
		s.warn(h, yc.col, "months with no year beneath %s (%s) dated by it: %s", yc.year.Label(), how, strings.Join(ms, ", "))
	}
}
