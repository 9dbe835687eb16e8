package importer

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// A case-management extract gives a proportion's Numerator and
// Denominator and, beside them, its "Percentage" (or "%") rounded for
// show. The figure is worked out from the parts, exactly, so the column
// is not read as the figures; it had been said unread as a heading "not
// one the importer knows" (QA33 F3), though it is a check of every
// figure. Each row's percentage is set against the figure its parts give,
// rounded as the cell shows it: a disagreement is said at its cell, and
// the agreement once for the sheet, at the heading.

// tidyPercent is a tidy table's percentage column beside its Numerator
// and Denominator, and what checking it found.
type tidyPercent struct {
	col    Column
	rows   int       // rows whose percentage was set against their parts
	differ cellTally // those disagreeing
}

// percentHeadings are the headings of a percentage shown beside its
// parts.
var percentHeadings = map[string]bool{"%": true, "percentage": true, "percent": true, "pct": true, "per cent": true}

// findTidyPercent finds a tidy table's percentage column, a heading of
// percentHeadings the layout reads no other way, where the table has
// Numerator and Denominator columns; nil where it has none.
func (s *sheetReader) findTidyPercent() *tidyPercent {
	l := &s.l
	if !l.has(RoleNumerator) || !l.has(RoleDenominator) || l.has(RoleValue) {
		return nil
	}
	h := l.HeaderRow - 1
	if h < 0 || h >= len(s.g.rows) {
		return nil
	}
	read := map[int]bool{}
	for _, c := range l.Columns {
		read[c.index] = true
	}
	for c, t := range s.g.rows[h] {
		if !read[c] && percentHeadings[normHeader(t)] {
			return &tidyPercent{col: Column{Col: xlsx.ColumnName(c), Header: strings.TrimSpace(t), index: c}}
		}
	}
	return nil
}

// check sets row r's percentage against o, the figure worked out from
// its Numerator and Denominator, saying a disagreement at its cell.
func (p *tidyPercent) check(s *sheetReader, r int, o *app.Observation) {
	if p == nil || o.Value == nil || o.Numerator == nil || o.Denominator == nil {
		return
	}
	text := s.at(r, &p.col)
	rd, err := readFigure(text, s.look(r, &p.col), &s.floats)
	if err != nil {
		// A check that could not be made is said, or the heading's
		// "agrees on all rows" would pass over it.
		s.warn(r, p.col.index, "%s %s: the %s here, %q, is not a number, so the figure worked out from the Numerator and Denominator beside it is not checked against it: %v", o.Ref, o.Period.Label(), p.col.Header, strings.TrimSpace(text), err)
		return
	}
	if rd.value == nil {
		return // blank, or a status code: nothing to check
	}
	p.rows++
	given, places := *rd.value, max(rd.decimals, 0)
	near := func(v float64) bool { return math.Abs(v-given) <= 0.5*math.Pow(10, -float64(places))+1e-9 }
	if near(*o.Value) || !rd.percent && given <= 1 && near(*o.Value/100) {
		return // as shown, or a fraction of 1 in a cell of no format
	}
	p.differ.add(r, p.col.index)
	s.warn(r, p.col.index, "%s %s: the %s here, %s, disagrees with the Numerator and Denominator, %s of %s = %s%%, the figure read; check which is right",
		o.Ref, o.Period.Label(), p.col.Header, strings.TrimSpace(text), roundTo(*o.Numerator, 6), roundTo(*o.Denominator, 6), roundTo(*o.Value, places+1))
}

// warn says, at the column's heading, that it was not read as the
// figures, and what checking it against them found.
func (p *tidyPercent) warn(s *sheetReader) {
	if p == nil {
		return
	}
	h := s.l.HeaderRow - 1
	what := fmt.Sprintf("column %s %q not read as the figures, which are worked out from the Numerator and Denominator beside it", p.col.Col, p.col.Header)
	switch {
	case p.rows == 0:
		s.warn(h, p.col.index, "%s: no row gives both it and them, so none was checked", what)
	case p.differ.n == 0:
		s.warn(h, p.col.index, "%s: checked against them, it agrees on %s, to the places it shows", what, plural(p.rows, "the 1 row giving both", fmt.Sprintf("all %d rows giving both", p.rows)))
	default:
		s.warn(h, p.col.index, "%s: checked against them, it disagrees on %d of the %d rows giving both, each said at its cell (the first at %s)", what, p.differ.n, p.rows, p.differ.first)
	}
}
