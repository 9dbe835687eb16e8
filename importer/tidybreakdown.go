package importer

import (
	"slices"
	"strings"

	"scorecard/importer/breakdown"
	"scorecard/importer/xlsx"
)

// A tidy table may break a figure down by a column the importer does
// not know ("Gender", "Age group", "Breakdown"): CIC01 for Kent in
// April on a row per age band and one for "Total". Read as one figure,
// the first row (the under-1s) would pass for all children and the
// others be warned of as conflicting with it. Such a column is found
// before the rows are read, by its telling apart rows of one indicator,
// period, area and cohort. Where it has a row for all ("Total", "All"),
// that row is read and the others left, said once; where it has none,
// the rows it tells apart are not read, with one warning naming it.

// tidyBreakdown is a column of a tidy table the importer does not read:
// what its values say, and the rows it left unread, counted by 0-based
// row, as breakdown.Column counts them.
type tidyBreakdown struct {
	breakdown.Column
	// splits are the rows' keys (Ref, period, area, cohort) it tells
	// apart.
	splits map[string]bool
	// skippedRefs are the indicators of the rows left.
	skippedRefs []string
}

// filter reports whether the column breaks figures down beside a row
// for all: words, a row for all and another value, telling some rows
// apart.
func (b *tidyBreakdown) filter() bool { return b.Filter() && len(b.splits) > 0 }

// tidyBreakdowns finds the columns of the table's heading that no role
// reads and that tell apart rows of one Ref, period, area and cohort.
func (s *sheetReader) tidyBreakdowns(refCol Column, cols map[Role]Column) []*tidyBreakdown {
	l := &s.l
	h := l.HeaderRow - 1
	if h < 0 || h >= len(s.g.rows) {
		return nil
	}
	read := map[int]bool{}
	for _, c := range l.Columns {
		read[c.index] = true
	}
	for _, c := range []int{s.hierarchy.quarter, s.hierarchy.day} {
		if s.hierarchy.has(c) {
			read[c] = true // a date hierarchy's (tidyhierarchy.go)
		}
	}
	var bs []*tidyBreakdown
	for c, head := range s.g.rows[h] {
		if head = strings.TrimSpace(head); head != "" && !read[c] {
			bs = append(bs, &tidyBreakdown{Column: breakdown.Column{Index: c, Name: head}, splits: map[string]bool{}})
		}
	}
	if len(bs) == 0 {
		return nil
	}
	keyOf := func(r int) string { return s.tidyKey(r, refCol, cols) }
	firsts := make([]map[string]string, len(bs))
	for i := range bs {
		firsts[i] = map[string]string{}
	}
	for r := l.FirstRow - 1; r < len(s.g.rows); r++ {
		if blankRow(s.g.rows[r]) {
			continue
		}
		key := keyOf(r)
		for i, b := range bs {
			v := strings.TrimSpace(s.g.at(r, b.Index))
			if v == "" {
				continue
			}
			b.See(v)
			if f, ok := firsts[i][key]; !ok {
				firsts[i][key] = v
			} else if f != v {
				b.splits[key] = true
			}
		}
	}
	return slices.DeleteFunc(bs, func(b *tidyBreakdown) bool { return len(b.splits) == 0 })
}

// tidyKey is row r's Ref, period (with its start, where a column gives
// it: a month and the quarter ending with it differ), area and cohort as
// written: rows of one figure share it.
func (s *sheetReader) tidyKey(r int, refCol Column, cols map[Role]Column) string {
	k := []string{stripFootnote(s.at(r, &refCol))}
	for _, role := range []Role{RolePeriod, RolePeriodStart, RoleArea, RoleCohort} {
		if c, ok := cols[role]; ok {
			k = append(k, strings.ToLower(strings.TrimSpace(s.at(r, &c))))
		}
	}
	return strings.Join(k, "\x00")
}

// breakdownOf returns the column whose value leaves row r unread: not
// the row for all of a column that has one; of a column that has none,
// a row it tells apart from another, key (see tidyBreakdowns) being the
// row's.
func breakdownOf(s *sheetReader, bs []*tidyBreakdown, r int, key string) *tidyBreakdown {
	for _, b := range bs {
		v := strings.TrimSpace(s.g.at(r, b.Index))
		switch {
		case v == "":
		case b.filter() && !breakdown.IsAll(v):
			return b
		case !b.filter() && b.splits[key]:
			return b
		}
	}
	return nil
}

// skip counts row r of ref as left.
func (b *tidyBreakdown) skip(s *sheetReader, r int, ref string) {
	b.Skip(s.g.at(r, b.Index), r)
	if !slices.Contains(b.skippedRefs, ref) {
		b.skippedRefs = append(b.skippedRefs, ref)
	}
}

// warnBreakdowns says once per column what was read and what was not.
func (s *sheetReader) warnBreakdowns(bs []*tidyBreakdown) {
	for _, b := range bs {
		sk := &b.Skipped
		if sk.N == 0 {
			continue
		}
		col := xlsx.ColumnName(b.Index)
		if b.filter() {
			s.warn(sk.First, b.Index, "column %s %q breaks the figures down (%s): the rows where it is %q are read as the figures for all; its other %s, of %s, not read, the first here",
				col, b.Name, breakdown.List(sk.Shown), b.Total, breakdown.Rows(sk.N), strings.Join(b.skippedRefs, ", "))
			continue
		}
		s.warn(sk.First, b.Index, "column %s %q breaks the figures down (%s) and has no Total or All row, so none of its rows is the figure for all: its %s, of %s, not read, the first here; add a row for all, or give each breakdown a Ref of its own",
			col, b.Name, breakdown.List(sk.Shown), breakdown.Rows(sk.N), strings.Join(b.skippedRefs, ", "))
	}
}
