package disclosure

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"scorecard/app"
	"scorecard/app/cohort"
)

// Release returns the figures of one release: base, every series of h,
// and ex, whose All series give the figures excluding the cohorts cs (h's
// own when cs is empty). Small numbers are suppressed across the whole
// release at once (see the package comment), so that no figure withheld
// on one sheet can be worked out from what another shows. n counts the
// figures newly withheld, each once however many sheets show it; warns
// are cohort.Exclude's.
//
// The cohorts are excluded before anything is suppressed, so that the
// districts' identities (package cohort) are proven on the true figures;
// the suppression then treats the figures excluding the cohorts as
// published beside all children's.
//
// The county whose districts sum to it is that of the authority whose
// figures h holds (app.AuthorityOf); ReleaseIn names it.
func Release(h *app.History, cs []app.Cohort, below int) (base, ex *app.History, n int, warns []app.Warning) {
	return ReleaseIn(h, cs, below, app.AuthorityOf(h))
}

// ReleaseIn is Release for a history of auth's figures.
func ReleaseIn(h *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex *app.History, n int, warns []app.Warning) {
	base, ex, _, n, warns = ReleaseFigures(h, cs, below, auth)
	return base, ex, n, warns
}

// ReleaseFigures is ReleaseIn also returning figures: ex before
// suppression, the figures excluding the cohorts as they are (h itself
// when cs is empty). Set beside ex they say which figures the release
// withheld (Withheld), and what a withheld figure's rating is, which a
// brief for circulation says without the figure.
func ReleaseFigures(h *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex, figures *app.History, n int, warns []app.Warning) {
	ex = h
	if len(cs) > 0 {
		ex, warns = cohort.ExcludeIn(h, cs, auth)
	}
	figures = ex
	r := release{h: h, ex: ex, county: auth.Area(), excl: app.Excluding(cs...), hasEx: len(cs) > 0, below: float64(below),
		guard: float64(max(below, DefaultThreshold)), hidden: map[figKey]bool{}}
	if below > 1 {
		// With no threshold nothing is withheld for its size, and a
		// complement is printed by no workbook that shows All and the
		// cohort alone: only the excluding workbook's own matters.
		r.exs = r.complements(cs, auth)
	}
	if len(cs) > 0 {
		r.exs = append([]exclusion{{r.excl, ex}}, r.exs...)
	}
	// The identities a reader can use join only figures of one indicator,
	// so the release is worked out an indicator at a time, holding one
	// indicator's figures rather than a copy of them all. It is worked
	// out whatever the threshold: a figure the source withheld is
	// protected even when no count is withheld for its size.
	r.changes(h)
	byRef := r.byRef()
	// A change is worked out after every count, so that what its counts
	// withhold is known (changeShown).
	slices.SortStableFunc(byRef, func(a, b refKeys) int {
		return cmp.Compare(b2i(r.change[refOf(a)]), b2i(r.change[refOf(b)]))
	})
	for _, keys := range byRef {
		figs := r.collect(keys)
		if ref := refOf(keys); r.isBase[ref] {
			for k := range figs {
				r.published[k] = true
			}
		}
		// A threshold protects counts the primary rule leaves shown
		// (a month's worked out from two years to date), so secondary
		// runs at any threshold; at none, only to protect the source's.
		if r.primary(figs) || r.below > 1 {
			r.secondary(figs, r.change[refOf(keys)])
		}
	}
	base, ex = r.apply()
	return base, ex, figures, r.count, warns
}

// exclusion is the figures excluding one set of cohorts: h's All series
// give them, published as split.
type exclusion struct {
	split app.Split
	h     *app.History
}

// complements returns, for every cohort h has figures of on their own
// (split app.Only) other than the release's cs, the figures excluding
// it. A workbook showing all children's figures and a cohort's publishes
// their difference, the children outside the cohort, as surely as the
// workbook excluding the cohort prints it; so every release treats those
// differences as published, and every export of one store withholds the
// same figures whichever cohorts it excludes (the all-children workbook
// and the one excluding UASC circulate together).
func (r *release) complements(cs []app.Cohort, auth *app.Authority) []exclusion {
	seen := map[app.Cohort]bool{}
	var out []exclusion
	for _, k := range r.h.Keys() {
		c, ok := k.Split.Cohort()
		if !ok || seen[c] {
			continue
		}
		seen[c] = true
		if r.hasEx && app.Excluding(c) == r.excl {
			continue // the release's own
		}
		ex, _ := cohort.ExcludeIn(r.h, []app.Cohort{c}, auth)
		out = append(out, exclusion{app.Excluding(c), ex})
	}
	slices.SortFunc(out, func(a, b exclusion) int { return cmp.Compare(a.split, b.split) })
	return out
}

// figKey is one published figure: in the release, the figures excluding
// the cohorts are those of split app.Excluding(cs...).
type figKey struct {
	ref    string
	area   app.Area
	split  app.Split
	period app.Period
}

type release struct {
	h, ex  *app.History
	exs    []exclusion // the figures excluding cs, then each other cohort's complement
	county app.Area    // the authority's own area, the sum of the others
	excl   app.Split
	hasEx  bool
	below  float64
	// guard is the threshold protecting a figure the source withheld: the
	// source's own rule is unknown, so it is at least DfE practice's.
	guard  float64
	hidden map[figKey]bool // withheld, by the source or by this release
	count  int
	// change says which indicators are a change by their name; base,
	// the count each is the difference of, where its definition says;
	// isBase, which indicators are such a count, and published, their
	// figures.
	change    map[string]bool
	base      map[string]changeBase
	isBase    map[string]bool
	published map[figKey]bool
}

// changes finds h's changes (isChange) and their counts (baseOf).
func (r *release) changes(h *app.History) {
	r.change, r.base, r.isBase, r.published = map[string]bool{}, map[string]changeBase{}, map[string]bool{}, map[figKey]bool{}
	for _, ind := range h.Indicators() {
		if !isChange(ind) {
			continue
		}
		r.change[ind.Ref] = true
		if b, ok := baseOf(ind, h); ok {
			r.base[ind.Ref], r.isBase[b.ref] = b, true
		}
	}
}

// refOf is the indicator whose series keys are.
func refOf(keys refKeys) string {
	if len(keys.h) > 0 {
		return keys.h[0].Ref
	}
	for _, ks := range keys.ex {
		if len(ks) > 0 {
			return ks[0].Ref
		}
	}
	return ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// figs are the figures of one indicator the release publishes, in the
// histories' own series.
type figs map[figKey]*app.Observation

// refKeys are the series of one indicator: all of h's, and the All
// series of each exclusion (ex[i] those of r.exs[i]), which give its
// figures excluding the cohorts.
type refKeys struct {
	h  []app.SeriesKey
	ex [][]app.SeriesKey
}

// byRef returns the series the release publishes, indicator by
// indicator.
func (r *release) byRef() []refKeys {
	var out []refKeys
	at := map[string]int{}
	add := func(k app.SeriesKey) *refKeys {
		i, ok := at[k.Ref]
		if !ok {
			i = len(out)
			at[k.Ref] = i
			out = append(out, refKeys{})
		}
		return &out[i]
	}
	for _, k := range r.h.Keys() {
		rk := add(k)
		rk.h = append(rk.h, k)
	}
	// A cohort's complement is published only for an indicator split by
	// it, so each indicator's release is the same whether it is worked
	// out alone (export.WriteFrom) or in the whole history.
	split := map[string]map[app.Split]bool{}
	for _, k := range r.h.Keys() {
		if _, ok := k.Split.Cohort(); ok {
			if split[k.Ref] == nil {
				split[k.Ref] = map[app.Split]bool{}
			}
			split[k.Ref][k.Split] = true
		}
	}
	for i, e := range r.exs {
		own := r.hasEx && i == 0
		for _, k := range e.h.Keys() {
			if c := e.split.Excluded(); k.Split == app.All && (own || len(c) == 1 && split[k.Ref][app.Only(c[0])]) {
				rk := add(k)
				for len(rk.ex) <= i {
					rk.ex = append(rk.ex, nil)
				}
				rk.ex[i] = append(rk.ex[i], k)
			}
		}
	}
	return out
}

// collect gathers every figure of one indicator the release publishes.
func (r *release) collect(keys refKeys) figs {
	fs := figs{}
	for _, k := range keys.h {
		s := r.h.Series(k)
		for i := range s {
			fs[figKey{k.Ref, k.Area, k.Split, s[i].Period}] = &s[i]
		}
	}
	for i, ks := range keys.ex {
		for _, k := range ks {
			s := r.exs[i].h.Series(k)
			for j := range s {
				fs[figKey{k.Ref, k.Area, r.exs[i].split, s[j].Period}] = &s[j]
			}
		}
	}
	return fs
}

// primary withholds every figure the source suppressed and every figure
// showing or built on a count from 1 to below-1, reporting whether any
// figure of fs is withheld. A change (isChange) is not a count of
// children: where both its months are shown it is shown whatever its
// size, and where one is withheld it is withheld whatever its size
// (changeShown); otherwise it is judged by its size, as a count is.
func (r *release) primary(fs figs) bool {
	any := false
	for k, o := range fs {
		ind, _ := r.h.Indicator(k.ref)
		recomputed, gives := false, false
		if r.change[k.ref] {
			recomputed, gives = r.changeShown(k)
		}
		switch {
		case o.Status == app.Suppressed:
			r.hidden[k] = true
		case gives:
			r.hidden[k] = true
		case !recomputed && r.small(ind, *o):
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
	byPeriod := map[app.Period][]figKey{}
	var ref string
	for k := range fs {
		byPeriod[k.period] = append(byPeriod[k.period], k)
		ref = k.ref
	}
	ind, _ := r.h.Indicator(ref)
	for _, ps := range periodGroups(ind, slices.Collect(maps.Keys(byPeriod))) {
		var keys []figKey
		for _, p := range ps {
			keys = append(keys, byPeriod[p]...)
		}
		slices.SortFunc(keys, compareKeys)
		r.protect(keys, fs, change)
	}
}

func compareKeys(a, b figKey) int {
	return cmp.Or(cmp.Compare(a.area, b.area), cmp.Compare(a.split, b.split), a.period.Compare(b.period), cmp.Compare(a.period.Kind, b.period.Kind))
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
			// protecting only when it is small: it is never shown.
			if sys.Shown(i) || math.IsNaN(sys.Value(i)) || stuck[i] || derived[i] && !r.smallCount(sys.Value(i)) {
				continue
			}
			if hi[i]-lo[i] < width(i)-1e-9 {
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

// buildSystem returns the cells of a group's figures (each figure's
// counts: a count; a proportion's numerator, denominator and their
// difference; a rate's or mean's two components), which are shown, and
// every identity among them that holds: each area's all children are a
// cohort plus the rest; a split's county is the sum of the other columns
// (all, or all but the cohorts' service columns); a district's figure
// excluding a cohort equals its own; the UASC Service column is the
// county's UASC figure; and the sums over time among the group's periods
// (timeIdentities), whose derived cells it also returns.
func buildSystem(ind app.Indicator, county app.Area, keys []figKey, fs figs, hidden map[figKey]bool, change bool) (*System, map[figKey][]int, map[int]bool) {
	sys := &System{}
	cells := map[figKey][]int{}
	n := 0
	for _, k := range keys {
		o := fs[k]
		var vs []float64
		switch o.Status {
		case app.OK:
			var ok bool
			if vs, ok = components(ind, *o); !ok {
				continue
			}
		case app.Suppressed:
			// Withheld by the source: unknown, but what is shown beside
			// it may tell it.
			for range width(ind) {
				vs = append(vs, math.NaN())
			}
		default:
			continue // nothing shown
		}
		n = max(n, len(vs))
		for _, v := range vs {
			c := sys.Add(v, !hidden[k])
			if ind.Measure == "" || v < 0 || change {
				sys.Signed(c)
			}
			if len(cells[k]) > 0 {
				sys.Tie(cells[k][0], c) // a figure is withheld whole
			}
			cells[k] = append(cells[k], c)
		}
	}
	if len(cells) < 2 {
		return nil, nil, nil
	}
	cell := func(k figKey, i int) (int, bool) {
		cs, ok := cells[k]
		if !ok || i >= len(cs) {
			return 0, false
		}
		return cs[i], true
	}
	if ind.Measure == app.Proportion {
		for _, cs := range cells {
			if len(cs) == 3 {
				sys.Sum(cs[1], cs[0], cs[2])
			}
		}
	}
	areas := map[app.Area]bool{}
	splits := map[app.Split]bool{}
	for _, k := range keys {
		areas[k.area], splits[k.split] = true, true
	}
	var periods []app.Period
	for _, k := range keys {
		if !slices.Contains(periods, k.period) {
			periods = append(periods, k.period)
		}
	}
	for _, p := range periods {
		periodIdentities(sys, ind, county, p, n, areas, splits, cell)
	}
	derived := timeIdentities(sys, ind, keys, n, cell)
	tieTwins(sys, keys, cells)
	return sys, cells, derived
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
		if len(k.split.Excluded()) == 0 {
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

// periodIdentities records the identities among one period's figures:
// each area's all children are a cohort plus the rest; a split's county
// is the sum of the other columns; a district's figure excluding a
// cohort may equal its own; the UASC Service column is the county's UASC
// figure.
func periodIdentities(sys *System, ind app.Indicator, county app.Area, p app.Period, n int,
	areas map[app.Area]bool, splits map[app.Split]bool, cell func(figKey, int) (int, bool)) {
	for i := range n {
		for s := range splits {
			total, ok := cell(figKey{ind.Ref, county, s, p}, i)
			if !ok {
				continue
			}
			var every, noService []int
			for a := range areas {
				c, ok := cell(figKey{ind.Ref, a, s, p}, i)
				if a == county || !ok {
					continue
				}
				every = append(every, c)
				if a != app.UASCService {
					noService = append(noService, c)
				}
			}
			slices.Sort(every)
			slices.Sort(noService)
			sys.Sum(total, every...)
			if len(noService) != len(every) {
				sys.Sum(total, noService...)
			}
		}
		for a := range areas {
			all, ok := cell(figKey{ind.Ref, a, app.All, p}, i)
			if !ok {
				continue
			}
			for s := range splits {
				c, ok := s.Cohort()
				if !ok {
					continue
				}
				only, ok1 := cell(figKey{ind.Ref, a, s, p}, i)
				rest, ok2 := cell(figKey{ind.Ref, a, app.Excluding(c), p}, i)
				if ok1 && ok2 {
					sys.Sum(all, only, rest)
				}
				if svc, ok := cell(figKey{ind.Ref, app.UASCService, app.All, p}, i); ok1 && ok && a == county && c == app.UASC {
					sys.Sum(svc, only)
				}
			}
			for s := range splits {
				if len(s.Excluded()) == 0 {
					continue
				}
				if rest, ok := cell(figKey{ind.Ref, a, s, p}, i); ok && sys.Value(rest) == sys.Value(all) {
					sys.Sum(all, rest)
				}
			}
		}
	}
}

// components are the counts a figure publishes, as cells.
func components(ind app.Indicator, o app.Observation) ([]float64, bool) {
	switch ind.Measure {
	case app.Proportion:
		if o.Numerator == nil || o.Denominator == nil {
			return nil, false
		}
		return []float64{*o.Numerator, *o.Denominator, *o.Denominator - *o.Numerator}, true
	case app.Rate, app.Mean:
		if o.Numerator == nil || o.Denominator == nil {
			return nil, false
		}
		return []float64{*o.Numerator, *o.Denominator}, true
	case app.Median:
		if o.Denominator == nil {
			return nil, false
		}
		return []float64{*o.Denominator}, true
	}
	if o.Numerator != nil {
		return []float64{*o.Numerator}, true
	}
	if o.Value != nil && (ind.Measure == app.Count || ind.Unit == app.Number) {
		return []float64{*o.Value}, true
	}
	return nil, false
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

// apply returns h's series and ex's with the withheld figures blanked.
func (r *release) apply() (base, ex *app.History) {
	blank := func(h *app.History, split func(app.SeriesKey) app.Split, counted func(app.SeriesKey) bool) *app.History {
		var out *app.History
		for _, k := range h.Keys() {
			s := h.Series(k)
			var copied []app.Observation
			for i, o := range s {
				fk := figKey{k.Ref, k.Area, split(k), o.Period}
				withheld := r.hidden[fk] || o.Status == app.Suppressed
				if withheld && o.Status != app.Suppressed && counted(k) {
					r.count++
				}
				if !withheld || o.Status == app.Suppressed && o.Value == nil && o.Numerator == nil && o.Denominator == nil {
					continue
				}
				if copied == nil {
					copied = slices.Clone(s)
				}
				c := &copied[i]
				c.Value, c.Numerator, c.Denominator = nil, nil, nil
				c.Status, c.Raw = app.Suppressed, string(app.Suppressed)
			}
			if copied != nil {
				if out == nil {
					out = h.Clone()
				}
				out.SetSeries(k, copied)
			}
		}
		if out == nil {
			return h
		}
		return out
	}
	// Each figure newly withheld is counted once: ex's series other than
	// All are base's.
	base = blank(r.h, func(k app.SeriesKey) app.Split { return k.Split }, func(app.SeriesKey) bool { return true })
	if !r.hasEx {
		return base, base
	}
	ex = blank(r.ex, func(k app.SeriesKey) app.Split {
		if k.Split == app.All {
			return r.excl
		}
		return k.Split
	}, func(k app.SeriesKey) bool { return k.Split == app.All })
	return base, ex
}
