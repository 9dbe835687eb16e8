package importer

import (
	"slices"
	"strconv"
	"strings"

	"scorecard/importer/xlsx"
)

// warnHidden says which hidden rows and columns of a sheet gave figures.
// They are read, as a hidden sheet's are (an officer hides old months to
// save space), but a hidden row is as often a superseded copy of an
// indicator and a hidden column a month of stale figures, which would
// drive the trend unseen; so the officer is told, at the row or column.
//
// First, a hidden row's figures that a visible row gives too are set
// aside (setAsideHiddenCopies), and said there rather than here.
func (out *sheetLog) warnHidden(l Layout, g *grid) {
	if g == nil || len(out.figs) == 0 || len(g.hiddenRows) == 0 && !slices.Contains(g.hidden, true) {
		return
	}
	out.setAsideHiddenCopies(l, g)
	type seen struct {
		n    int
		refs []string
	}
	rows, cols := map[int]*seen{}, map[int]*seen{}
	add := func(m map[int]*seen, at int, ref string) {
		s := m[at]
		if s == nil {
			s = &seen{}
			m[at] = s
		}
		s.n++
		if !slices.Contains(s.refs, ref) && len(s.refs) < 3 {
			s.refs = append(s.refs, ref)
		}
	}
	for i := range out.figs {
		f := &out.figs[i]
		if f.flags&setAside != 0 {
			continue
		}
		ref := out.keys[f.series].Ref
		if _, ok := slices.BinarySearch(g.hiddenRows, int(f.row)); ok {
			add(rows, int(f.row), ref)
		}
		if g.isHidden(int(f.col)) {
			add(cols, int(f.col), ref)
		}
	}
	figures := func(n int) (string, string) {
		if n == 1 {
			return "its figure", "was"
		}
		return "its " + strconv.Itoa(n) + " figures", "were"
	}
	// A run of hidden rows is one warning: twenty hidden rows said one
	// by one bury every other warning.
	var run []int
	flush := func() {
		if len(run) == 0 {
			return
		}
		n, refs := 0, []string{}
		for _, r := range run {
			n += rows[r].n
			for _, ref := range rows[r].refs {
				if !slices.Contains(refs, ref) {
					refs = append(refs, ref)
				}
			}
		}
		first, last := run[0], run[len(run)-1]
		run = run[:0]
		if first == last {
			what, were := figures(n)
			out.warn(l.Sheet, place(l.Sheet, first, 0), "row %d is hidden: %s (%s) %s read as any visible row's; if it is a superseded copy, delete it",
				first+1, what, strings.Join(refs, ", "), were)
			return
		}
		names := strings.Join(refs, ", ")
		if len(refs) > 5 {
			names = strings.Join(refs[:5], ", ") + " and " + strconv.Itoa(len(refs)-5) + " more"
		}
		out.warn(l.Sheet, place(l.Sheet, first, 0), "rows %d to %d are hidden: their %d figures (%s) were read as any visible row's; if they are superseded copies, delete them",
			first+1, last+1, n, names)
	}
	for _, r := range g.hiddenRows {
		if rows[r] == nil {
			continue
		}
		if len(run) > 0 && r != run[len(run)-1]+1 {
			flush()
		}
		run = append(run, r)
	}
	flush()
	for _, col := range l.Columns {
		if s := cols[col.index]; s != nil {
			what := col.Header
			if !col.Period.IsZero() {
				what = col.Period.Label()
			}
			figs, were := figures(s.n)
			out.warn(l.Sheet, place(l.Sheet, max(l.HeaderRow-1, 0), col.index), "column %s (%s) is hidden: %s %s read as any visible column's; if stale, delete the column",
				xlsx.ColumnName(col.index), what, figs, were)
		}
	}
}
