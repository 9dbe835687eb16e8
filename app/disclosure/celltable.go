package disclosure

import (
	"slices"

	"scorecard/app"
)

// cellTable holds the cells of a group of one indicator's figures
// (buildSystem's) by period, area and split. The identities of a period
// look up every area's figure of every split, count by count: hashing a
// whole figKey (ref, area, split and period) for each of those lookups
// was most of the time a release spent building its systems.
type cellTable struct {
	periods []app.Period // as first met
	areas   []app.Area   // sorted
	splits  []app.Split  // sorted
	area    map[app.Area]int
	period  map[app.Period]int
	split   map[app.Split]int
	// all is the index of all children's split, -1 where none is held;
	// cohort and excluding say, by split, the cohort it counts alone
	// (ok false for any other) and the index of the split excluding
	// it (-1: none held); without, whether it excludes cohorts.
	all       int
	cohort    []splitCohort
	excluding []int
	without   []bool
	// sole is, by split, the one cohort it excludes (ok false where it
	// excludes none or several), and soleOnly the index of that cohort's
	// own split (-1: none held).
	sole     []splitCohort
	soleOnly []int
	cells    [][]int // by (period×len(areas) + area)×len(splits) + split
}

type splitCohort struct {
	c  app.Cohort
	ok bool
}

// newCellTable indexes cells, the cells of the figures of keys (all of
// one indicator), which are listed in the order their periods are to be
// met (periodIdentities).
func newCellTable(keys []figKey, cells map[figKey][]int) *cellTable {
	t := &cellTable{}
	t.index(keys, cells)
	return t
}

// index makes t the table of cells, as newCellTable, in the room t's
// lists and maps have from the group before: a release builds a table
// for each group of periods of every indicator.
func (t *cellTable) index(keys []figKey, cells map[figKey][]int) {
	if t.area == nil {
		t.area, t.period, t.split = map[app.Area]int{}, map[app.Period]int{}, map[app.Split]int{}
	}
	clear(t.area)
	clear(t.period)
	clear(t.split)
	t.periods, t.areas, t.splits, t.all = t.periods[:0], t.areas[:0], t.splits[:0], -1
	for _, k := range keys {
		if _, ok := t.period[k.period]; !ok {
			t.period[k.period] = len(t.periods)
			t.periods = append(t.periods, k.period)
		}
		if _, ok := t.area[k.area]; !ok {
			t.area[k.area] = 0
			t.areas = append(t.areas, k.area)
		}
		if _, ok := t.split[k.split]; !ok {
			t.split[k.split] = 0
			t.splits = append(t.splits, k.split)
		}
	}
	slices.Sort(t.areas)
	slices.Sort(t.splits)
	for i, a := range t.areas {
		t.area[a] = i
	}
	for i, s := range t.splits {
		t.split[s] = i
	}
	t.cohort, t.excluding, t.without = t.cohort[:0], t.excluding[:0], t.without[:0]
	t.sole, t.soleOnly = t.sole[:0], t.soleOnly[:0]
	for i, s := range t.splits {
		if s == app.All {
			t.all = i
		}
		c, ok := s.Cohort()
		rest := -1
		if j, held := t.split[app.Excluding(c)]; ok && held {
			rest = j
		}
		t.cohort = append(t.cohort, splitCohort{c, ok})
		t.excluding = append(t.excluding, rest)
		t.without = append(t.without, excluding(s))
		sole, only := splitCohort{}, -1
		if c, ok := soleExcluded(s); ok {
			sole = splitCohort{c, true}
			if j, held := t.split[app.Only(c)]; held {
				only = j
			}
		}
		t.sole, t.soleOnly = append(t.sole, sole), append(t.soleOnly, only)
	}
	t.cells = t.cells[:0]
	for range len(t.periods) * len(t.areas) * len(t.splits) {
		t.cells = append(t.cells, nil)
	}
	for _, k := range keys {
		t.cells[t.place(t.period[k.period], t.area[k.area], t.split[k.split])] = cells[k]
	}
}

func (t *cellTable) place(p, a, s int) int {
	return (p*len(t.areas)+a)*len(t.splits) + s
}

// at returns the cell of count i of the figure of period p, area a and
// split s (indexes into the table's lists), if it has one; a or s of -1
// is a figure not held.
func (t *cellTable) at(p, a, s, i int) (int, bool) {
	if a < 0 || s < 0 {
		return 0, false
	}
	cs := t.cells[t.place(p, a, s)]
	if i >= len(cs) {
		return 0, false
	}
	return cs[i], true
}

// areaIndex returns a's index in the table, -1 where none of its
// figures is held.
func (t *cellTable) areaIndex(a app.Area) int {
	if i, ok := t.area[a]; ok {
		return i
	}
	return -1
}
