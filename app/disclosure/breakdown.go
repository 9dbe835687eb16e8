package disclosure

import (
	"scorecard/app"
)

// Withhold reports, for each child-level breakdown, whether its count must
// be shown as app.Suppressed ("c") rather than circulated. app.Breakdown
// has no status of its own, so the caller (the export) writes "c" in place
// of each withheld count.
//
// The rule is Suppress's, for a table of categories:
//
//   - primary: a count, or the total it is out of, from 1 to below-1;
//   - within one table (measure, period, area, split, dimension) the
//     categories sum to the total, so where exactly one category is
//     withheld the next smallest is withheld too, a non-zero one if there
//     is one;
//   - across splits a category's count for all children is that for the
//     cohort plus that excluding it, so where exactly one of the three is
//     withheld, the one excluding the cohort (or, if that is the one, the
//     cohort's) is withheld too.
//
// The two secondary rules feed each other, so they are applied until
// neither withholds anything more.
func Withhold(bs []app.Breakdown, below int) []bool {
	out := make([]bool, len(bs))
	if below <= 1 {
		return out
	}
	limit := float64(below)
	small := func(v float64) bool { return v >= 1 && v < limit }
	type table struct {
		measure   string
		period    app.Period
		area      app.Area
		split     app.Split
		dimension string
	}
	type cell struct {
		measure   string
		period    app.Period
		area      app.Area
		dimension string
		category  string
	}
	tables := map[table][]int{}
	cells := map[cell]map[app.Split]int{}
	for i, b := range bs {
		out[i] = small(b.Count) || small(b.Total)
		t := table{b.Measure, b.Period, b.Area, b.Split, b.Dimension}
		tables[t] = append(tables[t], i)
		c := cell{b.Measure, b.Period, b.Area, b.Dimension, b.Category}
		if cells[c] == nil {
			cells[c] = map[app.Split]int{}
		}
		cells[c][b.Split] = i
	}
	for changed := true; changed; {
		changed = false
		for _, idx := range tables {
			withheld, next := 0, -1
			for _, i := range idx {
				if out[i] {
					withheld++
					continue
				}
				if next < 0 || better(bs[i].Count, bs[next].Count) {
					next = i
				}
			}
			if withheld == 1 && next >= 0 {
				out[next], changed = true, true
			}
		}
		for _, splits := range cells {
			all, ok := splits[app.All]
			if !ok {
				continue
			}
			for s, only := range splits {
				c, ok := s.Cohort()
				if !ok {
					continue
				}
				rest, ok := splits[app.Excluding(c)]
				if !ok {
					continue
				}
				n := 0
				for _, i := range []int{all, only, rest} {
					if out[i] {
						n++
					}
				}
				if n != 1 {
					continue
				}
				if out[rest] {
					out[only] = true
				} else {
					out[rest] = true
				}
				changed = true
			}
		}
	}
	return out
}

// better reports whether count a is a better second withholding than b:
// the smallest non-zero one, since withholding a nought beside a small
// number leaves their sum, the small number itself, to be worked out.
func better(a, b float64) bool {
	if (a == 0) != (b == 0) {
		return a != 0
	}
	return a < b
}
