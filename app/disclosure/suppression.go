package disclosure

import (
	"cmp"
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
// measure of schools (OfSchools) is not judged by its size.
func (r *release) primary(fs figs) bool {
	any := false
	// fs are one indicator's figures: its definition is read once, not
	// for each figure.
	var ref string
	var ind app.Indicator
	var change, schools, linked bool
	var buf [3]float64
	for k, o := range fs {
		if k.ref != ref || ref == "" {
			ref = k.ref
			ind, _ = r.h.Indicator(ref)
			change, schools = r.change[ref], r.OfSchools(ind)
			_, linked = r.implied[ref]
		}
		recomputed, gives := false, false
		if change {
			recomputed, gives = r.changeShown(k)
		}
		withhold := false
		switch {
		case o.Status == app.Suppressed:
			withhold = true
		case gives:
			withhold = true
		case schools:
		case !recomputed && r.small(ind, o, buf[:0]), linked && r.impliesSmall(k, *o):
			withhold = true
		}
		if withhold {
			r.hidden[k] = true
		}
		any = any || withhold || r.hidden[k]
	}
	return any
}

// OfSchools is OfSchools, reading each indicator's definition once:
// primary is asked a group of periods at a time, and reading the words
// of a definition cost more than judging a month's figures.
func (r *release) OfSchools(ind app.Indicator) bool {
	schools, ok := r.schools[ind.Ref]
	if !ok {
		schools = OfSchools(ind)
		if r.schools == nil {
			r.schools = map[string]bool{}
		}
		r.schools[ind.Ref] = schools
	}
	return schools
}

// smallCount reports whether a count is from 1 to below-1.
func (r *release) smallCount(v float64) bool {
	v = math.Abs(v)
	return v >= 1 && v < r.below
}

// small reports whether o shows or is built from a count from 1 to
// below-1; buf is room for its counts.
func (r *release) small(ind app.Indicator, o *app.Observation, buf []float64) bool {
	if o.Status != app.OK {
		return false
	}
	for _, v := range counts(ind, o, buf) {
		if v = math.Abs(v); v >= 1 && v < r.below {
			return true
		}
	}
	return false
}

// groups returns the figures of one indicator's series keys (series),
// a group of linked periods at a time: the
// identities a reader can use join figures of one indicator, of one
// period (districts, cohorts, a proportion's parts), or of periods one
// of which is made up of others (a quarter of its months, a year of its
// months or quarters, a year to date of the months before), so the
// figures are protected a group at a time (periodGroups).
// Each group's figures are sorted as compareKeys.
func (r *release) groups(keys refKeys) [][]figure {
	// Each period's figures are carved from one slice laid out period by
	// period, and put in it walking the series in the order of their
	// area and split, so that each period's come sorted: grown a key at
	// a time from the figures' map and sorted, they were a tenth of a
	// large export's garbage and a fifth of a long history's release.
	series := r.series(keys)
	slices.SortStableFunc(series, func(a, b splitSeries) int {
		if c := cmp.Compare(a.area, b.area); c != 0 {
			return c
		}
		return cmp.Compare(a.split, b.split)
	})
	at := map[app.Period]int{}
	var periods []app.Period
	var count, last []int // by period: its figures, and the series of the last
	total := 0
	for _, s := range series {
		total += len(s.obs)
	}
	// Each figure's period, as an index in periods; its complement (^j,
	// negative) for a figure of h and an exclusion's under one split,
	// which is one figure, the exclusion's (series), met in the series
	// just before.
	slot := make([]int32, 0, total)
	for si, s := range series {
		for i := range s.obs {
			j, ok := at[s.obs[i].Period]
			if !ok {
				j = len(periods)
				at[s.obs[i].Period] = j
				periods, count, last = append(periods, s.obs[i].Period), append(count, 0), append(last, -1)
			}
			if l := last[j]; l >= 0 && series[l].area == s.area && series[l].split == s.split {
				slot = append(slot, ^int32(j))
				continue
			}
			count[j]++
			last[j] = si
			slot = append(slot, int32(j))
		}
	}
	if len(periods) == 0 {
		return nil
	}
	n := 0
	for _, c := range count {
		n += c
	}
	all := make([]figure, n)
	lists := make([][]figure, len(periods))
	from := 0
	for j, c := range count {
		lists[j] = all[from : from : from+c]
		from += c
	}
	next := 0
	for si := range series {
		s := &series[si]
		for i := range s.obs {
			j := slot[next]
			next++
			if j < 0 {
				l := lists[^j]
				l[len(l)-1].o = &s.obs[i] // the later series' figure (series)
				continue
			}
			lists[j] = append(lists[j], figure{s, &s.obs[i]})
		}
	}
	byPeriod := make(map[app.Period][]figure, len(periods))
	for j, p := range periods {
		byPeriod[p] = lists[j]
	}
	ind, _ := r.h.Indicator(refOf(keys))
	grouped := periodGroups(ind, periods)
	out := make([][]figure, 0, len(grouped))
	for _, ps := range grouped {
		if len(ps) == 1 {
			out = append(out, byPeriod[ps[0]])
			continue
		}
		var group []figure
		for _, p := range ps {
			group = append(group, byPeriod[p]...)
		}
		slices.SortFunc(group, func(a, b figure) int { return compareKeys(a.key(), b.key()) })
		out = append(out, group)
	}
	return out
}

// figuresOf returns the keys of group g's figures and the figures by
// key, in room kept for the next group: most groups are a month's, and
// a map of every figure of a long history made at once was most of
// what its release touched.
func (r *release) figuresOf(g []figure) ([]figKey, figs) {
	if r.groupFigs == nil {
		r.groupFigs = figs{}
	}
	clear(r.groupFigs)
	keys := r.groupKeys[:0]
	for _, f := range g {
		k := f.key()
		keys = append(keys, k)
		r.groupFigs[k] = f.o
	}
	r.groupKeys = keys
	return keys, r.groupFigs
}

// allShown reports whether every cell protect would build for the group
// keys of ind's figures is shown, so that it has nothing to protect and
// building the group's system would decide nothing: no figure of the
// group is withheld (a figure the source withheld is among them:
// primary withholds it), no month's own count is worked out from
// figures over time (timeIdentities, rollingIdentities: only an
// indicator counted year to date or over a rolling 12 months, in a
// group of more than one period), no cohort's count is worked out from
// all children's and the rest's (cohortOwn), and no earlier release
// showed figures of its periods (addEarlier). Most months of a long
// history are such a group.
func (r *release) allShown(ind app.Indicator, keys []figKey, fs figs) bool {
	counted := ind.DataPeriod == app.YearToDate || ind.DataPeriod == app.Rolling12
	for _, k := range keys {
		if r.hidden[k] || counted && k.period != keys[0].period {
			return false
		}
		if r.cohortWorkedOut(ind, k, fs) {
			return false
		}
		if r.shownEarlier(k.ref, k.period) {
			return false
		}
	}
	return true
}

// shownEarlier reports whether a release before a revision showed
// figures of ref for period p (addEarlier).
func (r *release) shownEarlier(ref string, p app.Period) bool {
	for _, e := range r.earlier {
		if len(e[refPeriod{ref, p}]) > 0 {
			return true
		}
	}
	return false
}

// cohortWorkedOut reports whether figure k excludes one cohort whose
// own figure the store does not hold, beside all children's, so that a
// reader works the cohort's counts out (cohortOwn), and one of them is
// small: its group is to be judged, not passed over.
func (r *release) cohortWorkedOut(ind app.Indicator, k figKey, fs figs) bool {
	if _, ok := soleExcluded(k.split); !ok {
		return false
	}
	return r.cohortSmall(ind, k, fs[figKey{k.ref, k.area, app.All, k.period}], fs[k])
}

// cohortSmall is cohortWorkedOut for figure k, rest, excluding one
// cohort, beside all, all children's figure of its area and period (nil
// where there is none).
func (r *release) cohortSmall(ind app.Indicator, k figKey, all, rest *app.Observation) bool {
	if all == nil || all.Status != app.OK || rest.Status != app.OK {
		return false
	}
	// The counts are set side by side first: most are not small, and
	// looking up the cohort's own figure was a tenth of a long history's
	// release.
	var buf [8]float64
	a := counts(ind, all, buf[:0])
	b := counts(ind, rest, buf[len(a):len(a)])
	small := false
	for i := range min(len(a), len(b)) {
		small = small || r.smallCount(a[i]-b[i])
	}
	if !small {
		return false
	}
	c, _ := soleExcluded(k.split)
	_, own := r.h.Observation(app.SeriesKey{Ref: k.ref, Area: k.area, Split: app.Only(c)}, k.period)
	return !own // its own figure: judged as any figure is
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
	if r.allShown(ind, keys, fs) {
		return
	}
	r.withholdUntilSafe(ind, keys, fs, change)
}

// withholdUntilSafe is protect, building the group's system whatever
// it holds.
func (r *release) withholdUntilSafe(ind app.Indicator, keys []figKey, fs figs, change bool) {
	if r.room == nil {
		r.room = &systemRoom{}
	}
	sys, cells, derived := buildSystem(r.room, ind, r.county, r.groupAreas, keys, fs, r.hidden, change)
	if sys == nil {
		return
	}
	for c := range addEarlier(sys, ind, r.county, r.groupAreas, keys, cells, r.room.own, r.earlier, change) {
		derived[c] = true
	}
	// owner is the index in keys of each cell's figure, -1 for a cell
	// of none (an earlier release's, a month's own count).
	owner, source := r.room.owner[:0], r.room.source[:0]
	for range sys.Len() {
		owner, source = append(owner, -1), append(source, false)
	}
	r.room.owner, r.room.source = owner, source
	for i, k := range keys {
		cs := cells[k]
		suppressed := fs[k].Status == app.Suppressed
		for _, c := range cs {
			owner[c], source[c] = i, suppressed
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
			if sys.fixed(i) || sys.Auxiliary(i) || math.IsNaN(sys.Value(i)) || stuck[i] || derived[i] && !r.smallCount(sys.Value(i)) {
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
		best := sys.next(k, width(k), hi[k]-lo[k])
		if best < 0 {
			// Nothing shown bounds it any more: its range is as wide as
			// the identities allow.
			stuck[k] = true
			if owner[k] >= 0 {
				if r.unsafe == nil {
					r.unsafe = map[figKey]bool{}
				}
				r.unsafe[keys[owner[k]]] = true
			}
			continue
		}
		// The figure goes with those tied to it (System.Tie), as Next
		// weighed it.
		for _, u := range sys.Unit(best) {
			if owner[u] < 0 {
				continue // no figure's: never shown
			}
			f := keys[owner[u]]
			r.hidden[f] = true
			for _, c := range cells[f] {
				sys.Withhold(c)
			}
		}
	}
}

// passQuiet is whether a release passes over quiet groups (quietGroup)
// without judging them; a test turns it off to prove that doing so
// changes nothing.
var passQuiet = true

// quietIndicator reports whether groups of ref's figures may be passed
// over as quiet (quietGroup): nothing of ref is judged beside another
// indicator's figures (a change, its base, a percentage tied to a
// count, a year to date beside its months) nor beside what an earlier
// release withheld (sticky).
func (r *release) quietIndicator(ref string, prior circulated) bool {
	if r.change[ref] || r.isBase[ref] || len(r.months[ref]) > 0 {
		return false
	}
	if _, linked := r.implied[ref]; linked {
		return false
	}
	if r.stickyRefs == nil {
		r.stickyRefs = map[string]bool{}
		for k := range prior.sticky {
			r.stickyRefs[k.ref] = true
		}
	}
	return !r.stickyRefs[ref]
}

// quietGroup reports whether the release has nothing to do for group g
// of a quiet indicator ref's figures (quietIndicator): one period's
// figures, none withheld by the source or by this release, none small,
// no cohort's count worked out small from all children's and the rest's
// (cohortWorkedOut), and no earlier release showed figures of the
// period. judge would withhold none of them and protect would find
// every cell shown (allShown); asked first, this spares a long history's
// release building each month's map of figures, most of its months
// being such (issue 17).
func (r *release) quietGroup(ref string, g []figure) bool {
	if len(g) == 0 {
		return true
	}
	p := g[0].o.Period
	if r.shownEarlier(ref, p) {
		return false
	}
	ind, _ := r.h.Indicator(ref)
	var buf [3]float64
	// g is sorted by area, then split: all children's figure of an area
	// comes before the figures excluding a cohort from it.
	var all *app.Observation
	var allArea app.Area
	for _, f := range g {
		o := f.o
		if o.Period != p || o.Status == app.Suppressed || r.small(ind, o, buf[:0]) {
			return false
		}
		k := f.key()
		if r.hidden[k] {
			return false
		}
		if k.split == app.All {
			all, allArea = o, k.area
			continue
		}
		if _, ok := soleExcluded(k.split); ok {
			var of *app.Observation
			if allArea == k.area {
				of = all
			}
			if r.cohortSmall(ind, k, of, o) {
				return false
			}
		}
	}
	return true
}
