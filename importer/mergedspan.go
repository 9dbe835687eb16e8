package importer

import (
	"scorecard/app"
	"scorecard/importer/xlsx"
)

// mergedPeriod returns the period of a figure at row r, column c whose
// cell is merged across period columns (Apr-24 to Jun-24): the quarter
// or financial year their months make up, said at the cell. A merge
// whose months make up neither keeps the first month's, and says so: a
// figure spanning months is not any one of them, and filing it under
// the first without a word shifted a quarter's figure two months early.
// ok is false for a cell merged across no other period column.
func (s *sheetReader) mergedPeriod(r int, c *Column, figures []Column, ref string) (p app.Period, ok bool) {
	if len(s.g.merged) == 0 || c.Period.Kind != app.Month {
		return app.Period{}, false
	}
	if s.spans == nil {
		s.spans = map[[2]int]xlsx.Range{}
		for _, m := range s.g.merged {
			if m.Col1 > m.Col0 {
				s.spans[[2]int{m.Row0, m.Col0}] = m
			}
		}
	}
	span, found := s.spans[[2]int{r, c.index}]
	if !found {
		return app.Period{}, false
	}
	var months []app.Period
	for i := range figures {
		if f := &figures[i]; f.index >= span.Col0 && f.index <= span.Col1 && f.Period.Kind == app.Month {
			months = append(months, f.Period)
		}
	}
	if len(months) < 2 {
		return app.Period{}, false
	}
	first, last := months[0], months[len(months)-1]
	at := cellName(span.Row0, span.Col0) + ":" + cellName(span.Row1, span.Col1)
	consecutive := last.Index()-first.Index() == len(months)-1
	switch {
	case consecutive && len(months) == 3 && first.N%3 == 1:
		p = app.Period{Kind: app.Quarter, Year: first.Year, N: (first.N + 2) / 3}
	case consecutive && len(months) == 12 && first.N == 4:
		p = app.Period{Kind: app.FinancialYear, Year: first.Year}
	default:
		s.warn(r, c.index, "%s: a figure merged across %s (%s to %s) read for %s, the first month: the months make up no quarter or financial year", ref, at, first.Label(), last.Label(), first.Label())
		return first, true
	}
	s.warn(r, c.index, "%s: a figure merged across %s (%s to %s) read as %s, the period they make up", ref, at, first.Label(), last.Label(), p.Label())
	return p, true
}
