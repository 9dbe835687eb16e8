package importer

import (
	"scorecard/app"
	"scorecard/importer/xlsx"
)

// mergedFigure reads a figure at row r, column c whose cell is merged
// across other figure columns: a figure spanning them is not any one
// column's, and filing it under the first without a word shifted a
// quarter's figure two months early and gave two districts' figure to
// the first. Across months it is the quarter or financial year they make
// up, said at the cell; across months making up neither, or periods of
// another kind, the first column's period, said so; across district
// columns it is for no one district, and is not read (skip), said so.
// ok is false for a cell merged across no other figure column.
func (s *sheetReader) mergedFigure(r int, c *Column, figures []Column, ref string) (p app.Period, skip, ok bool) {
	if len(s.g.merged) == 0 {
		return app.Period{}, false, false
	}
	if s.spans == nil {
		// By the row of their top-left cell, so that a row with none,
		// nearly every row, costs one index per figure.
		s.spans = make([][]xlsx.Range, len(s.g.rows))
		for _, m := range s.g.merged {
			if m.Col1 > m.Col0 && m.Row0 < len(s.spans) {
				s.spans[m.Row0] = append(s.spans[m.Row0], m)
			}
		}
	}
	if r >= len(s.spans) || s.spans[r] == nil {
		return app.Period{}, false, false
	}
	var span xlsx.Range
	found := false
	for _, m := range s.spans[r] {
		if m.Col0 == c.index {
			span, found = m, true
		}
	}
	if !found {
		return app.Period{}, false, false
	}
	var spanned []*Column
	for i := range figures {
		if f := &figures[i]; f.index >= span.Col0 && f.index <= span.Col1 {
			spanned = append(spanned, f)
		}
	}
	if len(spanned) < 2 {
		return app.Period{}, false, false
	}
	at := cellName(span.Row0, span.Col0) + ":" + cellName(span.Row1, span.Col1)
	first, last := spanned[0], spanned[len(spanned)-1]
	if s.l.Kind == DistrictSheet {
		s.warn(r, c.index, "%s: a figure merged across %s (%s to %s) is for more than one area: not read", ref, at, first.Area, last.Area)
		return app.Period{}, true, true
	}
	months, one := true, true
	for _, f := range spanned {
		months = months && f.Period.Kind == app.Month
		one = one && f.Period == first.Period
	}
	if one {
		// Merged across the columns of one period, as SSRS merges every
		// textbox under a heading merged alike: that period's, with
		// nothing to say (QA27b 9).
		return first.Period, false, true
	}
	from, to := first.Period, last.Period
	if months && to.Compare(from) < 0 {
		from, to = to, from // months running right to left
	}
	consecutive := months && to.Index()-from.Index() == len(spanned)-1
	if p, ok = monthSpan(from, to); !consecutive || !ok {
		s.warn(r, c.index, "%s: a figure merged across %s (%s to %s) read for %s, the first column's: the columns make up no quarter or financial year", ref, at, first.Period.Label(), last.Period.Label(), first.Period.Label())
		return first.Period, false, true
	}
	s.warn(r, c.index, "%s: a figure merged across %s (%s to %s) read as %s, the period they make up", ref, at, from.Label(), to.Label(), p.Label())
	return p, false, true
}

// monthSpan returns the quarter (three months from January, April, July
// or October) or financial year (April to March) the months from and to
// make up, and whether they make up one.
func monthSpan(from, to app.Period) (app.Period, bool) {
	if from.Kind != app.Month || to.Kind != app.Month {
		return app.Period{}, false
	}
	switch n := to.Index() - from.Index() + 1; {
	case n == 3 && from.N%3 == 1:
		return app.Period{Kind: app.Quarter, Year: from.Year, N: (from.N + 2) / 3}, true
	case n == 12 && from.N == 4:
		return app.Period{Kind: app.FinancialYear, Year: from.Year}, true
	}
	return app.Period{}, false
}

// mergedHeading reports whether column c's heading at 0-based row h is
// its read column first's own, merged across both (SSRS merges a
// heading over two or three columns), and c has no entry of its own
// below the header: a part of first, not a second column to warn of.
func (g *grid) mergedHeading(h, firstRow int, first, c Column) bool {
	merged := false
	for _, m := range g.merged {
		if h >= m.Row0 && h <= m.Row1 && first.index >= m.Col0 && first.index <= m.Col1 && c.index >= m.Col0 && c.index <= m.Col1 {
			merged = true
			break
		}
	}
	if !merged {
		return false
	}
	for r := max(firstRow, 0); r < len(g.rows); r++ {
		if c.index < len(g.rows[r]) && g.rows[r][c.index] != "" {
			return false
		}
	}
	return true
}
