package disclosure

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"scorecard/app"
)

// primary withholds every figure the source suppressed and every figure
// showing or built on a count from 1 to below-1, reporting whether any
// figure of fs is withheld. A change (isChange) is not a count of
// children: where both its months are shown it is shown whatever its
// size, and where one is withheld it is withheld whatever its size
// (changeShown); otherwise it is judged by its size, as a count is. A
// measure of schools (ofSchools) is not judged by its size.
func (r *release) primary(fs figs) bool {
	any := false
	schools := map[string]bool{} // by indicator: Counts reads its definition
	for k, o := range fs {
		ind, _ := r.h.Indicator(k.ref)
		recomputed, gives := false, false
		if r.change[k.ref] {
			recomputed, gives = r.changeShown(k)
		}
		if _, ok := schools[k.ref]; !ok {
			schools[k.ref] = ofSchools(ind)
		}
		switch {
		case o.Status == app.Suppressed:
			r.hidden[k] = true
		case gives:
			r.hidden[k] = true
		case schools[k.ref]:
		case !recomputed && r.small(ind, *o), r.impliesSmall(k, *o):
			r.hidden[k] = true
		}
		any = any || r.hidden[k]
	}
	return any
}

// smallCount reports whether a count is from 1 to below-1.
func (r *release) smallCount(v float64) bool {
	v = math.Abs(v)
	return v >= 1 && v < r.below
}

// small reports whether o shows or is built from a count from 1 to
// below-1.
func (r *release) small(ind app.Indicator, o app.Observation) bool {
	if o.Status != app.OK {
		return false
	}
	for _, c := range counts(ind, o) {
		if c == nil {
			continue
		}
		if v := math.Abs(*c); v >= 1 && v < r.below {
			return true
		}
	}
	return false
}

// secondary withholds further figures until no withheld figure's range,
// worked out from the rest of the release, is narrower than below-1.
//
// The identities a reader can use join figures of one indicator: of one
// period (districts, cohorts, a proportion's parts), or of periods one of
// which is made up of others (a quarter of its months, a year of its
// months or quarters, a year to date of the months before). So the
// figures are worked out a group of linked periods at a time (periodGroups).
func (r *release) secondary(fs figs, change bool) {
	// The keys sorted by period, then as compareKeys, each period's a
	// run of them: for a large export the periods' own lists, grown a
	// key at a time, were a tenth of its garbage.
	all := slices.AppendSeq(make([]figKey, 0, len(fs)), maps.Keys(fs))
	if len(all) == 0 {
		return
	}
	slices.SortFunc(all, func(a, b figKey) int {
		if c := comparePeriods(a.period, b.period); c != 0 {
			return c
		}
		return compareKeys(a, b)
	})
	byPeriod := map[app.Period][]figKey{}
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].period == all[i].period {
			j++
		}
		byPeriod[all[i].period] = all[i:j:j]
		i = j
	}
	ind, _ := r.h.Indicator(all[0].ref)
	for _, ps := range rollingGroups(ind, periodGroups(ind, slices.Collect(maps.Keys(byPeriod))), byPeriod, fs) {
		if len(ps) == 1 {
			r.protect(byPeriod[ps[0]], fs, change)
			continue
		}
		var keys []figKey
		for _, p := range ps {
			keys = append(keys, byPeriod[p]...)
		}
		slices.SortFunc(keys, compareKeys)
		r.protect(keys, fs, change)
	}
}

// compareKeys orders one indicator's figures by area, split and period.
// Each comparison is made only where the ones before it tie: cmp.Or
// would make them all, and sorting a group's keys is done for every
// group of every release.
func compareKeys(a, b figKey) int {
	if c := cmp.Compare(a.area, b.area); c != 0 {
		return c
	}
	if c := cmp.Compare(a.split, b.split); c != 0 {
		return c
	}
	return comparePeriods(a.period, b.period)
}

// protect withholds figures of one group until every withheld one is
// safe, choosing each time the smallest shown figure that bounds an
// unsafe one (the next smallest cell, or the total).
func (r *release) protect(keys []figKey, fs figs, change bool) {
	ind, _ := r.h.Indicator(keys[0].ref)
	sys, cells, derived := buildSystem(ind, r.county, keys, fs, r.hidden, change)
	if sys == nil {
		return
	}
	for c := range addEarlier(sys, ind, r.county, keys, cells, r.earlier, change) {
		derived[c] = true
	}
	owner := make([]figKey, sys.Len())
	source := map[int]bool{}
	for k, cs := range cells {
		for _, c := range cs {
			owner[c] = k
			source[c] = fs[k].Status == app.Suppressed
		}
	}
	// A figure the source withheld is kept from being worked out at
	// any threshold, even none (guard); one this release withheld, to
	// below-1.
	width := func(i int) float64 {
		if source[i] {
			return r.guard - 1
		}
		return r.below - 1
	}
	stuck := map[int]bool{}
	for {
		lo, hi := sys.Ranges()
		k := -1
		for i := range sys.Len() {
			// A month's count worked out from two years to date needs
			// protecting only when it is small: it is never shown. A
			// nought withheld is protected as any figure withheld is: 0
			// of a district's one UASC child worked out tells of that
			// child (TestAnnexAExportProtected).
			if sys.fixed(i) || math.IsNaN(sys.Value(i)) || stuck[i] || derived[i] && !r.smallCount(sys.Value(i)) {
				continue
			}
			if !sys.Wide(i, lo, hi, width(i)) {
				k = i
				break
			}
		}
		if k < 0 {
			return
		}
		best := sys.Next(k, width(k))
		if best < 0 {
			// Nothing shown bounds it any more: its range is as wide as
			// the identities allow.
			stuck[k] = true
			continue
		}
		// The figure goes with those tied to it (System.Tie), as Next
		// weighed it.
		for _, u := range sys.Unit(best) {
			f := owner[u]
			r.hidden[f] = true
			for _, c := range cells[f] {
				sys.Withhold(c)
			}
		}
	}
}
