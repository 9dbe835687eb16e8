package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// comparatorArea says what a row's area names when it is no area of the
// authority's but a benchmark: England, the statistical neighbours, or
// the authority's own region. Their figures, filed as an area of the
// authority, would be circulated as one of its own (QA27b 8); "" for any
// other name, which is kept as an area of its own, as another council's
// is, until the officer maps it.
func comparatorArea(name string, auth *app.Authority) string {
	if isTotalLabel(name) {
		return areaTotal
	}
	n := normHeader(name)
	switch roleWords()[n] {
	case RoleEngland:
		return "England's figure"
	case RoleNeighbours:
		return "the statistical neighbours' figure"
	}
	if r, ok := regionNamed(n); ok && r == auth.Region {
		return r + "'s figure (" + auth.Name + "'s region)"
	}
	return ""
}

// comparatorOf is comparatorArea for the sheet's authority, "" for a
// name the officer mapped (import --area): their mapping stands.
func (s *sheetReader) comparatorOf(name string) string {
	if _, mapped, _ := s.l.readArea(name); mapped {
		return ""
	}
	return comparatorArea(name, s.l.authority())
}

// skipComparator passes over a row, at 0-based row r, whose area in
// column c is a comparator (comparatorArea says what, why): said at the
// first row naming it and counted there once the sheet is read.
func (s *sheetReader) skipComparator(r, c int, name, why string) {
	if s.comparators == nil {
		s.comparators = map[string]*comparatorRows{}
	}
	k := normHeader(name)
	if t, ok := s.comparators[k]; ok {
		t.n++
		return
	}
	s.comparators[k] = &comparatorRows{name: name, why: why, r: r, c: c, n: 1}
	s.comparatorOrder = append(s.comparatorOrder, k)
}

// comparatorRows are the rows naming one comparator as their area.
type comparatorRows struct {
	name, why string
	r, c, n   int // the first row's cell, and how many rows
}

// areaTotal is what comparatorArea says of an area named "Total": the
// areas' total, or a locality's subtotal of its measures, which made an
// area of its own called "Total" and went out on the export (QA33 F8).
const areaTotal = "a total"

// warnComparators says, at the first row naming each comparator, that
// its rows were not read and how to give what they hold.
func (s *sheetReader) warnComparators() {
	for _, k := range s.comparatorOrder {
		t := s.comparators[k]
		rows := "this row is"
		if t.n > 1 {
			rows = fmt.Sprintf("its %d rows are", t.n)
		}
		if t.why == areaTotal {
			auth := s.l.authority().Name
			s.warn(t.r, t.c, "area %q is a total of the rows above, not an area of %s: %s not read, lest it be filed and circulated as an area of its own; %s",
				t.name, auth, rows, s.totalAgainstOwn(t))
			continue
		}
		s.warn(t.r, t.c, "area %q is %s, a benchmark, not an area of %s: %s not read, lest its figures be filed and circulated as an area of %s's; give benchmarks in a column beside the figures headed by the comparator and its year (\"England 2024/25\", \"Stat neighbours 2024/25\"), or import DfE's own file",
			t.name, t.why, s.l.authority().Name, rows, s.l.authority().Name)
	}
}

// totalAgainstOwn says how a tidy table's first "Total" row, t, stands
// against the authority's own row of the same indicator and period: the
// same figure, or another (the total then is not the authority's), or
// that no row names the authority. A Total row on a sheet of months (a
// locality's subtotal of its measures) is said to be no one's figure.
func (s *sheetReader) totalAgainstOwn(t *comparatorRows) string {
	auth := s.l.authority()
	if s.l.Kind != TidySheet {
		return "the figures of " + auth.Name + " itself are read from rows naming it"
	}
	value, ok := s.l.column(RoleValue)
	if !ok {
		return "the figures of " + auth.Name + " itself are read from rows naming it"
	}
	own := false
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		if a, ok := auth.ParseArea(strings.TrimSpace(s.g.at(r, t.c))); !ok || a != auth.Area() {
			continue
		}
		own = true
		if !s.sameRowBut(r, t.r, t.c, value.index) {
			continue
		}
		mine, theirs := strings.TrimSpace(s.g.at(t.r, value.index)), strings.TrimSpace(s.g.at(r, value.index))
		if mine == theirs {
			return fmt.Sprintf("its figure, %s at %s, is the one the row of %s gives at %s, read from there", mine, cellName(t.r, value.index), auth.Name, cellName(r, value.index))
		}
		return fmt.Sprintf("its figure, %s at %s, is not the one the row of %s gives, %s at %s, which is read", mine, cellName(t.r, value.index), auth.Name, theirs, cellName(r, value.index))
	}
	if own {
		return "the figures of " + auth.Name + " itself are read from rows naming it"
	}
	return fmt.Sprintf("no row names %s: if the total is its figure, give its area as %s", auth.Name, auth.Name)
}

// sameRowBut reports whether rows a and b of the table give the same
// cells but in columns area and value.
func (s *sheetReader) sameRowBut(a, b, area, value int) bool {
	for c := range max(len(s.g.rows[a]), len(s.g.rows[b])) {
		if c != area && c != value && !strings.EqualFold(strings.TrimSpace(s.g.at(a, c)), strings.TrimSpace(s.g.at(b, c))) {
			return false
		}
	}
	return true
}
