package importer

import (
	"strings"

	"scorecard/app"
)

// Council scorecards give a percentage indicator as two rows under one
// Ref, its count ("No.") and its percentage ("%"), the Ref merged down
// over both, written once and left blank below, or repeated with a Unit
// of "Number" and "%". The first was read as the indicator and the
// second dropped, as a row with no Ref or a clash: the re-referral rate a
// target is set on became a count of re-referrals (QA33 F10). Read as
// one figure, as "45 (21.3%)" in one cell is (pairedCells): the
// percentage, with the count kept as its numerator.

// countPercentRows are an indicator's count row and percentage row, by
// 0-based row, and the column whose labels ("No.", "%") say which is
// which.
type countPercentRows struct {
	count, percent int
	label          int
}

// first is the pair's upper row, which defines the indicator.
func (p *countPercentRows) first() int { return min(p.count, p.percent) }

// countLabel and percentLabel tell a row's label as a count's or a
// percentage's, in a Unit or Measure column.
func countLabel(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "no", "no.", "nos", "nos.", "number", "count", "n", "#":
		return true
	}
	return false
}

func percentLabel(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "%", "percent", "percentage", "per cent", "proportion", "rate (%)":
		return true
	}
	return false
}

// countPercentPair finds the pair of rows r and r+1 give, where r is an
// indicator's row with Ref ref and name, and r+1 continues it (its Ref
// merged down, blank, or the same, its name the same or none) with one
// labelled a count and the other a percentage; ok is false otherwise.
func (s *sheetReader) countPercentPair(r int, refCol, nameCol *Column, hasName bool, ref, name string) (p countPercentRows, ok bool) {
	label, ok := s.l.column(RoleUnit)
	if !ok {
		if label, ok = s.l.column(RoleMeasure); !ok {
			return p, false
		}
	}
	next := r + 1
	if next >= len(s.g.rows) || blankRow(s.tableRow(next)) {
		return p, false
	}
	if below := stripFootnote(strings.TrimSpace(s.g.at(next, refCol.index))); below != "" && !strings.EqualFold(below, ref) {
		return p, false
	}
	if hasName {
		if below := stripFootnote(strings.TrimSpace(s.g.at(next, nameCol.index))); below != "" && below != name {
			return p, false
		}
	}
	here, there := s.at(r, &label), s.at(next, &label)
	switch {
	case countLabel(here) && percentLabel(there):
		return countPercentRows{count: r, percent: next, label: label.index}, true
	case percentLabel(here) && countLabel(there):
		return countPercentRows{count: next, percent: r, label: label.index}, true
	}
	return p, false
}

// pairNumerators keeps, as each percentage's numerator, the count the
// pair's count row gives in the same column; a count that is not a plain
// figure (a status code) is left, the percentage standing alone.
func (s *sheetReader) pairNumerators(obs []app.Observation, cols []int) {
	p := s.countPercent
	for i := range obs {
		if obs[i].Numerator != nil || obs[i].Value == nil {
			continue
		}
		text := s.g.at(p.count, cols[i])
		if strings.TrimSpace(text) == "" {
			continue
		}
		rd, err := readMarkedFigure(text, s.g.look(p.count, cols[i]), &s.rowFloats)
		if err != nil || rd.value == nil || rd.status != app.OK || rd.percent {
			continue
		}
		obs[i].Numerator = rd.value
	}
}

// sayCountPercent says, at the percentage row's label, how the pair was
// read.
func (s *sheetReader) sayCountPercent(ref string) {
	p := s.countPercent
	a, b := p.first(), max(p.count, p.percent)
	s.warn(p.percent, p.label, "%s: rows %d (%q) and %d (%q) give the indicator's count and its percentage: read as one figure, the percentage, with the count kept as its numerator (no denominator is given)",
		ref, a+1, strings.TrimSpace(s.g.at(a, p.label)), b+1, strings.TrimSpace(s.g.at(b, p.label)))
}
