package disclosure

import (
	"cmp"
	"slices"

	"scorecard/app"
)

// Withhold reports, for each child-level breakdown, whether its count must
// be shown as app.Suppressed ("c") rather than circulated. It is Protect's
// first answer.
func Withhold(bs []app.Breakdown, below int) []bool {
	count, _ := Protect(bs, below)
	return count
}

// Protect reports, for each child-level breakdown, whether its count and
// whether its total must be shown as app.Suppressed ("c"). app.Breakdown
// has no status of its own, so the caller (the export) writes "c" in place
// of each withheld figure, and shows no share (count over total) where
// either is withheld, since with the other the share gives it.
//
// The rule is Release's, for tables of categories:
//
//   - primary: a count, or the total it is out of, from 1 to below-1;
//   - secondary: what a reader knows is every figure shown and that the
//     categories of a table sum to its total, that all children are a
//     cohort plus the rest (category by category and in total), that the
//     county is the sum of the other areas, and that the tables of one
//     measure, area and split count the same children whatever the
//     dimension. The smallest shown figure bounding a withheld one (the
//     next smallest category, or the total) is withheld until every
//     withheld figure could lie anywhere in a range at least below-1 wide.
//     Noughts are shown: they identify nobody, and the rule above counts
//     them as shown, so c's pinned by them and a total are caught.
func Protect(bs []app.Breakdown, below int) (count, total []bool) {
	count, total = make([]bool, len(bs)), make([]bool, len(bs))
	if below <= 1 {
		return count, total
	}
	county := countyOf(bs)
	limit := float64(below)
	small := func(v float64) bool { return v >= 1 && v < limit }
	type group struct {
		measure string
		period  app.Period
	}
	groups := map[group][]int{}
	for i, b := range bs {
		g := group{b.Measure, b.Period}
		groups[g] = append(groups[g], i)
	}
	for _, idx := range groups {
		protectGroup(bs, idx, county, limit, small, count, total)
	}
	return count, total
}

// tableKey is one table of a breakdown group: area, split and dimension.
type tableKey struct {
	area      app.Area
	split     app.Split
	dimension string
}

func protectGroup(bs []app.Breakdown, idx []int, county app.Area, limit float64, small func(float64) bool, count, total []bool) {
	sys := &System{}
	cellOf := map[int]int{}      // breakdown to its count's cell
	totals := map[tableKey]int{} // table to its total's cell
	rows := map[tableKey][]int{} // table to its breakdowns
	byCat := map[tableKey]map[string]int{}
	for _, i := range idx {
		b := bs[i]
		t := tableKey{b.Area, b.Split, b.Dimension}
		if _, ok := totals[t]; !ok {
			totals[t] = sys.Add(b.Total, !small(b.Total))
			sys.Counted(totals[t])
			byCat[t] = map[string]int{}
		}
		// Every figure of a table is a count of children, printed as c
		// beside noughts shown: a reader takes each c for one child at
		// least.
		c := sys.Add(b.Count, !small(b.Count) && !small(b.Total))
		sys.Counted(c)
		cellOf[i] = c
		rows[t] = append(rows[t], i)
		byCat[t][b.Category] = c
	}
	tables := make([]tableKey, 0, len(rows))
	for t := range rows {
		tables = append(tables, t)
	}
	slices.SortFunc(tables, func(a, b tableKey) int {
		return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.split, b.split), cmp.Compare(a.dimension, b.dimension))
	})
	for _, t := range tables {
		var parts []int
		for _, i := range rows[t] {
			parts = append(parts, cellOf[i])
		}
		sys.Sum(totals[t], parts...)
		// Every dimension counts the same children.
		for _, u := range tables {
			if u.area == t.area && u.split == t.split && u.dimension < t.dimension {
				sys.Sum(totals[t], totals[u])
				break
			}
		}
		// All children are a cohort plus the rest.
		if c, ok := t.split.Cohort(); ok {
			all, ok1 := totals[tableKey{t.area, app.All, t.dimension}]
			rest, ok2 := totals[tableKey{t.area, app.Excluding(c), t.dimension}]
			if ok1 && ok2 {
				sys.Sum(all, totals[t], rest)
				for cat, only := range byCat[t] {
					a, ok1 := byCat[tableKey{t.area, app.All, t.dimension}][cat]
					r, ok2 := byCat[tableKey{t.area, app.Excluding(c), t.dimension}][cat]
					if ok1 && ok2 {
						sys.Sum(a, only, r)
					}
				}
			}
		}
		// The county is the sum of the other areas.
		if t.area == county {
			var areaTotals []int
			for _, u := range tables {
				if u.area != county && u.split == t.split && u.dimension == t.dimension {
					areaTotals = append(areaTotals, totals[u])
				}
			}
			if sys.Sum(totals[t], areaTotals...) {
				for cat, k := range byCat[t] {
					var parts []int
					for _, u := range tables {
						if u.area != county && u.split == t.split && u.dimension == t.dimension {
							if c, ok := byCat[u][cat]; ok {
								parts = append(parts, c)
							}
						}
					}
					sys.Sum(k, parts...)
				}
			}
		}
	}
	stuck := map[int]bool{}
	for {
		narrow := sys.Narrow(limit-1, func(i int) bool { return !stuck[i] })
		if len(narrow) == 0 {
			break
		}
		k := narrow[0]
		best := sys.Next(k, limit-1)
		if best < 0 {
			stuck[k] = true
			continue
		}
		sys.Withhold(best)
	}
	for t, rs := range rows {
		for _, i := range rs {
			count[i] = !sys.Shown(cellOf[i])
			total[i] = !sys.Shown(totals[t])
		}
	}
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

// countyOf is the area of the breakdowns that is an authority's own, the
// county the others sum to; the default authority's when none is.
func countyOf(bs []app.Breakdown) app.Area {
	for _, b := range bs {
		if a, ok := app.LookupAuthority(string(b.Area)); ok && a.Area() == b.Area {
			return b.Area
		}
	}
	return app.DefaultAuthority().Area()
}
