package disclosure

import (
	"maps"
	"math"
	"slices"
	"strings"

	"scorecard/app"
)

// buildSystem returns the cells of a group's figures (each figure's
// counts: a count; a proportion's numerator, denominator and their
// difference; a rate's or mean's two components), which are shown, and
// every identity among them that holds: each area's all children are a
// cohort plus the rest; a split's county is the sum of the other columns
// (all, or all but the cohorts' service columns); a district's figure
// excluding a cohort equals its own; the UASC Service column is the
// county's UASC figure; and the sums over time among the group's periods
// (timeIdentities), whose derived cells it also returns.
//
// The system and its cells are built in room, emptied first: they are
// the room's until the next group's are built in it.
func buildSystem(room *systemRoom, ind app.Indicator, county app.Area, groups map[app.Area][][]app.Area, keys []figKey, fs figs, hidden map[figKey]bool, change bool) (*System, map[figKey][]int, map[int]bool) {
	room.empty()
	sys := &room.sys
	n := room.addFigures(ind, keys, fs, hidden, change)
	cells := room.cells
	if len(cells) < 2 {
		return nil, nil, nil
	}
	if ind.Measure == app.Proportion {
		for _, cs := range cells {
			if len(cs) == 3 {
				sys.Sum(cs[1], cs[0], cs[2])
			}
		}
	}
	t := &room.table
	t.index(keys, cells)
	// Made only where a cohort's own count is worked out (cohortOwn) or
	// a sum over time gives one: a release builds hundreds of groups.
	var derived map[int]bool
	for p := range t.periods {
		derived = periodIdentities(sys, county, groups, t, p, n, derived)
	}
	// A period alone is no sum over time of others, nor a year to date
	// beside the month before: most groups are a month alone.
	if len(t.periods) > 1 {
		cell := cellOf(cells)
		if over := timeIdentities(sys, ind, keys, n, cell); derived == nil {
			derived = over
		} else {
			maps.Copy(derived, over)
		}
		rollingIdentities(sys, ind, keys, n, cell, derived)
		room.own = rollingWindows(sys, ind, county, keys, n, cell)
	}
	if derived == nil {
		derived = map[int]bool{}
	}
	tieTwins(sys, keys, cells)
	return sys, cells, derived
}

// systemRoom is where a release builds the system of each group of
// figures (buildSystem), emptied and used again group after group: a
// long history is hundreds of groups, and their systems' lists, made
// afresh for each, were most of what its release allocated.
type systemRoom struct {
	sys   System
	cells map[figKey][]int // each figure's cells, by figure
	// counts holds the lists of cells, one figure's after another.
	counts []int
	// vals is room for one figure's counts (components).
	vals []float64
	// table indexes the cells (cellTable).
	table cellTable
	// own are a rolling count's months' own counts (rollingWindows).
	own *ownCounts
	// owner and source are withholdUntilSafe's, by cell: the index in
	// the group's keys of the cell's figure, and whether the source
	// withheld it.
	owner  []int
	source []bool
}

// empty makes room for another group's system.
func (room *systemRoom) empty() {
	room.sys.reset()
	if room.cells == nil {
		room.cells = map[figKey][]int{}
	}
	clear(room.cells)
	room.counts = room.counts[:0]
	room.own = nil
}

// addFigures adds to the room's system the cells of the figures of
// keys, each shown unless hidden, listing them by figure in room.cells,
// and returns the most cells a figure has.
func (room *systemRoom) addFigures(ind app.Indicator, keys []figKey, fs figs, hidden map[figKey]bool, change bool) int {
	sys, cells := &room.sys, room.cells
	n := 0
	for _, k := range keys {
		o := fs[k]
		var vs []float64
		switch o.Status {
		case app.OK:
			var ok bool
			if vs, ok = componentsInto(ind, *o, room.vals[:0]); !ok {
				continue
			}
			room.vals = vs
		case app.Suppressed:
			// Withheld by the source: unknown, but what is shown beside
			// it may tell it.
			vs = room.vals[:0]
			for range width(ind) {
				vs = append(vs, math.NaN())
			}
			room.vals = vs
		default:
			continue // nothing shown
		}
		n = max(n, len(vs))
		shown := !hidden[k]
		from := len(room.counts)
		for i, v := range vs {
			c := sys.Add(v, shown)
			if ind.Measure == "" || v < 0 || change {
				sys.Signed(c)
			}
			if counted(ind, i) {
				sys.Counted(c)
			}
			if i > 0 {
				sys.Tie(room.counts[from], c) // a figure is withheld whole
			}
			room.counts = append(room.counts, c)
		}
		// Capped, so that no list grows into the next figure's.
		cells[k] = room.counts[from:len(room.counts):len(room.counts)]
	}
	return n
}

// tieTwins ties each area's figure excluding a cohort to its own where
// every count of the two is the same (a district whose UASC children are
// all in the UASC Service column): the same figure printed twice, which
// is shown or withheld as one. Chosen a figure at a time, a complement
// freeing the one through the county's sum left its twin pinned through
// the other's, and the county's smaller districts were taken one by one
// in its place (QA R4).
func tieTwins(sys *System, keys []figKey, cells map[figKey][]int) {
	for _, k := range keys {
		if !excluding(k.split) {
			continue
		}
		rest, all := cells[k], cells[figKey{k.ref, k.area, app.All, k.period}]
		if len(rest) == 0 || len(rest) != len(all) {
			continue
		}
		same := true
		for i := range rest {
			same = same && sys.Value(rest[i]) == sys.Value(all[i])
		}
		if same {
			sys.Tie(all[0], rest[0])
		}
	}
}

// soleExcluded is the one cohort an excluding split leaves out, as
// s.Excluded would say, without making the list: asked of every
// figure of a release.
func soleExcluded(s app.Split) (app.Cohort, bool) {
	rest, ok := strings.CutPrefix(string(s), "excl:")
	if !ok || strings.Contains(rest, "+") {
		return "", false
	}
	return app.Cohort(rest), true
}

// excluding reports whether s is a split excluding cohorts, as
// s.Excluded would, without listing them: asked of every figure of a
// group.
func excluding(s app.Split) bool {
	_, only := s.Cohort()
	return !only && s != app.All
}

// periodIdentities records the identities among the figures of the
// table's period p (t.periods[p]): each area's all children are a cohort
// plus the rest; a split's county is the sum of the other columns but
// the groups of districts (groupAreas), each the sum of its own; a
// district's figure excluding a cohort may equal its own; the UASC
// Service column is the county's UASC figure. Where an area's figure
// excluding a cohort is held without the cohort's own, the cohort's is
// the difference a reader takes of all children's and the rest: a cell
// of no figure, never printed, added to derived (cohortOwn).
func periodIdentities(sys *System, county app.Area, groups map[app.Area][][]app.Area, t *cellTable, p, n int, derived map[int]bool) map[int]bool {
	ci, svc := t.areaIndex(county), t.areaIndex(app.UASCService)
	for i := range n {
		for s := range t.splits {
			groupIdentities(sys, groups, t, p, s, i)
			total, ok := t.at(p, ci, s, i)
			if !ok {
				continue
			}
			var every, noService, noGroup []int
			for a := range t.areas {
				c, ok := t.at(p, a, s, i)
				if a == ci || !ok {
					continue
				}
				every = append(every, c)
				if a != svc {
					noService = append(noService, c)
				}
				if groups[t.areas[a]] == nil {
					noGroup = append(noGroup, c)
				}
			}
			slices.Sort(every)
			slices.Sort(noService)
			slices.Sort(noGroup)
			// Whichever holds: a group area found is no part of the
			// county's sum, but one not found (its figures put off by a
			// revision) may be a part of it.
			sys.Sum(total, every...)
			if len(noService) != len(every) {
				sys.Sum(total, noService...)
			}
			if len(noGroup) != len(every) {
				sys.Sum(total, noGroup...)
			}
		}
		for a := range t.areas {
			all, ok := t.at(p, a, t.all, i)
			if !ok {
				continue
			}
			for s := range t.splits {
				c := t.cohort[s]
				if !c.ok {
					continue
				}
				only, ok1 := t.at(p, a, s, i)
				rest, ok2 := t.at(p, a, t.excluding[s], i)
				if ok1 && ok2 {
					sys.Sum(all, only, rest)
				}
				if svcAll, ok := t.at(p, svc, t.all, i); ok1 && ok && a == ci && c.c == app.UASC {
					sys.Sum(svcAll, only)
				}
			}
			for s := range t.splits {
				if !t.without[s] {
					continue
				}
				if rest, ok := t.at(p, a, s, i); ok && sameFigure(sys, n, t, p, a, s) {
					sys.Sum(all, rest)
				}
				derived = cohortOwn(sys, t, p, a, s, i, all, derived)
			}
		}
	}
	return derived
}

// groupIdentities records, for split s and count i of the table's
// period p, each group area's figure as the sum of each set of its
// districts (groupAreas), where all are held.
func groupIdentities(sys *System, groups map[app.Area][][]app.Area, t *cellTable, p, s, i int) {
	for g, sets := range groups {
		total, ok := t.at(p, t.areaIndex(g), s, i)
		if !ok {
			continue
		}
		for _, members := range sets {
			parts := make([]int, 0, len(members))
			for _, d := range members {
				c, ok := t.at(p, t.areaIndex(d), s, i)
				if !ok {
					break
				}
				parts = append(parts, c)
			}
			if len(parts) == len(members) {
				slices.Sort(parts)
				sys.Sum(total, parts...)
			}
		}
	}
}

// cohortOwn adds, for area a's figure of split s excluding one cohort,
// held without the cohort's own figure, the cohort's count i: all
// children's less the rest's, which a reader of a workbook printing
// both works out (Kent 979 and excluding UASC 976: 3 UASC children).
// The cohort's own figure was judged only where the store held it, so a
// workbook of all children and excluding UASC alone told each area's
// UASC children, however few.
func cohortOwn(sys *System, t *cellTable, p, a, s, i, all int, derived map[int]bool) map[int]bool {
	if !t.sole[s].ok {
		return derived
	}
	if j := t.soleOnly[s]; j >= 0 {
		if _, ok := t.at(p, a, j, i); ok {
			return derived // its own figure: judged as any figure is
		}
	}
	rest, ok := t.at(p, a, s, i)
	if !ok {
		return derived
	}
	own := sys.Value(all) - sys.Value(rest)
	if math.IsNaN(own) || own < 0 {
		return derived // not known, or not a count the two part
	}
	c := sys.Add(own, false)
	if derived == nil {
		derived = map[int]bool{}
	}
	derived[c] = true
	sys.Sum(all, c, rest)
	return derived
}

// sameFigure reports whether the figure of the table's period p, area a
// and split s has every count the same as the area's all children's: a
// district's figure excluding a cohort is its own where its cohort's
// children are all in a service column, and then every count is the
// same. One count alike is no such identity: Kent's 15 children leaving
// care other than by adoption, all children's and excluding UASC's alike
// because the one UASC child leaving was adopted, are not known to be
// alike to a reader who is not shown the UASC figure, and taking them so
// withheld the county's 12 of 27 beside UASC's 1 of 1 (QA31 8).
func sameFigure(sys *System, n int, t *cellTable, p, a, s int) bool {
	for i := range n {
		ca, ok1 := t.at(p, a, t.all, i)
		cb, ok2 := t.at(p, a, s, i)
		if ok1 != ok2 || ok1 && sys.Value(ca) != sys.Value(cb) {
			return false
		}
	}
	return true
}

// components are the counts a figure publishes, as cells.
func components(ind app.Indicator, o app.Observation) ([]float64, bool) {
	return componentsInto(ind, o, nil)
}

// componentsInto is components appending to into, which it returns.
func componentsInto(ind app.Indicator, o app.Observation, into []float64) ([]float64, bool) {
	switch ind.Measure {
	case app.Proportion:
		if o.Numerator == nil || o.Denominator == nil {
			return into, false
		}
		return append(into, *o.Numerator, *o.Denominator, *o.Denominator-*o.Numerator), true
	case app.Rate, app.Mean:
		if o.Numerator == nil || o.Denominator == nil {
			return into, false
		}
		return append(into, *o.Numerator, *o.Denominator), true
	case app.Median:
		if o.Denominator == nil {
			return into, false
		}
		return append(into, *o.Denominator), true
	}
	if o.Numerator != nil {
		return append(into, *o.Numerator), true
	}
	if o.Value != nil && (ind.Measure == app.Count || ind.Unit == app.Number) {
		return append(into, *o.Value), true
	}
	return into, false
}

// counted reports whether count i of a figure of ind (components) is one
// a reader takes for at least one child where the figure is printed as c
// (System.Counted): a count; a rate's children and population; a
// proportion's denominator; a mean's or median's children. A rate is
// withheld for its 1 to 4 children, so R02's three c's beside Kent's 74
// and the districts' 70 shown are 1 or 2 each. Not a proportion's
// numerator nor the children outside it: 0 of 3 is c too; nor a mean's
// sum, which counts days.
func counted(ind app.Indicator, i int) bool {
	switch ind.Measure {
	case app.Proportion, app.Mean:
		return i == 1
	case app.Rate, app.Median:
		return true
	}
	return ind.Measure == app.Count || ind.Measure == "" && ind.Unit == app.Number
}

// width is how many cells components gives a figure of ind.
func width(ind app.Indicator) int {
	switch ind.Measure {
	case app.Proportion:
		return 3
	case app.Rate, app.Mean:
		return 2
	}
	return 1
}
