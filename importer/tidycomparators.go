package importer

import (
	"fmt"

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
	switch roleWords[n] {
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
			s.warn(t.r, t.c, "area %q is a total of the rows above, not an area of %s: %s not read, lest it be filed and circulated as an area of its own; the figures of %s itself are read from rows naming it",
				t.name, auth, rows, auth)
			continue
		}
		s.warn(t.r, t.c, "area %q is %s, a benchmark, not an area of %s: %s not read, lest its figures be filed and circulated as an area of %s's; give benchmarks in a column beside the figures headed by the comparator and its year (\"England 2024/25\", \"Stat neighbours 2024/25\"), or import DfE's own file",
			t.name, t.why, s.l.authority().Name, rows, s.l.authority().Name)
	}
}
