package disclosure

import (
	"cmp"
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
//
// A figure a release circulated before a revision withheld stays
// withheld (circulatedWithheld), so that last month's pack and this
// month's together tell no small number.
//
// And what a release circulated before a revision showed is known to a
// reader beside this one (earlier.go): the months revised are protected
// against their identities then and now together.
func ReleaseFigures(h *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex, figures *app.History, n int, warns []app.Warning) {
	figures = h
	if len(cs) > 0 {
		figures, warns = cohort.ExcludeIn(h, cs, auth)
	}
	base, ex, n, unsafe := releaseExcluded(h, figures, cs, below, auth)
	return base, ex, figures, n, append(warns, unsafe...)
}

// ReleaseExcluded is ReleaseFigures for a caller that holds the figures
// excluding cs already: figures is cohort.ExcludeIn(h, cs, auth)'s
// history (h itself when cs is empty), as show, flags and brief read it
// for their own output; worked out again, the whole history's exclusion
// was nearly half the cost of their release.
func ReleaseExcluded(h, figures *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex *app.History, n int) {
	base, ex, n, _ = releaseExcluded(h, figures, cs, below, auth)
	return base, ex, n
}

// releaseExcluded is ReleaseExcluded also returning the release's
// warnings of figures it could not protect (unsafeWarnings).
func releaseExcluded(h, figures *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex *app.History, n int, warns []app.Warning) {
	prior, _ := circulatedWithheld(h, cs, below, auth, "")
	base, ex, _, n, warns, _ = releaseFigures(h, figures, cs, below, auth, prior, nil)
	return base, ex, n, warns
}

// circulated is what the releases circulated before this one tell a reader:
// the figures they withheld, each as withheld then (sticky), and what
// each showed of the months a later import revised (earlier).
type circulated struct {
	sticky  map[figKey]app.Observation
	earlier []shownThen
}

// releaseFigures is ReleaseFigures withholding too each figure an earlier
// release withheld, prior.sticky (its figure as withheld then), where it
// stands (stillHeld), and protecting the months an earlier release showed
// against its identities too (addEarlier); it also returns every figure
// it withheld, as it was, and records in then (when not nil) every
// figure it releases (keep).
//
// excluded, when not nil, is the figures excluding cs (ReleaseExcluded),
// not worked out again, and warns are then only the release's own, of
// figures it could not protect (unsafeWarnings).
func releaseFigures(h, excluded *app.History, cs []app.Cohort, below int, auth *app.Authority, prior circulated, then shownThen) (base, ex, figures *app.History, n int, warns []app.Warning, held map[figKey]app.Observation) {
	r, figures, warns, held := withhold(h, excluded, cs, below, auth, prior, then)
	warns = append(warns, r.unsafeWarnings()...)
	base, ex = r.apply()
	base, ex = r.settleOutturns(base, ex)
	return base, ex, figures, r.count, warns, held
}

// withhold works out which figures releaseFigures withholds (the
// release's hidden), not yet blanked in copies of the histories (apply).
func withhold(h, excluded *app.History, cs []app.Cohort, below int, auth *app.Authority, prior circulated, then shownThen) (r *release, figures *app.History, warns []app.Warning, held map[figKey]app.Observation) {
	ex := h
	switch {
	case len(cs) > 0 && excluded != nil:
		ex = excluded
	case len(cs) > 0:
		ex, warns = cohort.ExcludeIn(h, cs, auth)
	}
	figures = ex
	given := h
	h, outturns := withOutturns(h, auth.Area())
	r = &release{h: h, ex: ex, county: auth.Area(), excl: app.Excluding(cs...), hasEx: len(cs) > 0, below: float64(below),
		guard: float64(max(below, DefaultThreshold)), hidden: map[figKey]bool{}, earlier: prior.earlier,
		given: given, outturns: outturns, groupAreas: groupAreas(h, auth)}
	held = map[figKey]app.Observation{}
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
	r.implied = impliedLinks(h, r.change)
	// In every release, not only one excluding cohorts: every export
	// treats the figures excluding each cohort as published, and tied in
	// the excluding release alone, a percentage was withheld in other
	// cells than the all-children release withheld, so that the two
	// workbooks together told what each withheld (a district's 57 of 64
	// beside its 0 of 6 OLA children, in one, gave the 1 child the other
	// withheld).
	r.tieSharesToAnyCount()
	r.months = confirmedMonthsSummed(h)
	byRef := r.byRef()
	// A change is worked out after every count, so that what its counts
	// withhold is known (changeShown).
	slices.SortStableFunc(byRef, func(a, b refKeys) int {
		return cmp.Compare(r.releaseOrder(refOf(a)), r.releaseOrder(refOf(b)))
	})
	for _, keys := range byRef {
		r.withholdOf(keys, prior, then, held)
	}
	return r, figures, warns, held
}

// withholdOf works out what the release withholds of one indicator's
// figures, its series keys, a group of linked periods at a time
// (groups), adding each figure withheld to held, as it is, and keeping
// in then (when not nil) every figure it releases.
func (r *release) withholdOf(keys refKeys, prior circulated, then shownThen, held map[figKey]app.Observation) {
	groups := r.groups(keys)
	ref := refOf(keys)
	if months := r.months[ref]; len(months) > 0 {
		r.withholdYearToDate(months, groups)
	}
	// A threshold protects counts the primary rule leaves shown (a
	// month's worked out from two years to date), so secondary runs at
	// any threshold; at none, only to protect the source's, where any
	// figure of the indicator is withheld: every group is judged before
	// any is protected.
	protect := r.below > 1
	if !protect {
		for _, g := range groups {
			_, fs := r.figuresOf(g)
			protect = r.judge(ref, fs, prior) || protect
		}
	}
	quiet := passQuiet && then == nil && r.quietIndicator(ref, prior)
	for _, g := range groups {
		if quiet && protect && r.quietGroup(ref, g) {
			continue
		}
		gkeys, fs := r.figuresOf(g)
		if r.below > 1 {
			r.judge(ref, fs, prior)
		}
		if protect {
			r.protect(gkeys, fs, r.change[ref])
		}
		for _, f := range g {
			if k := f.key(); r.hidden[k] {
				held[k] = *f.o
			}
		}
		if then != nil {
			r.keep(then, fs)
		}
	}
}

// judge withholds the figures fs of indicator ref that an earlier
// release withheld, where they stand (stillHeld), and those the primary
// rule withholds, reporting whether any figure of fs is withheld; it
// marks the figures of a count a change is the difference of published.
func (r *release) judge(ref string, fs figs, prior circulated) bool {
	for k, o := range fs {
		if then, ok := prior.sticky[k]; ok && stillHeld(r.h, k.ref, then, *o) {
			r.hidden[k] = true
		}
	}
	if r.isBase[ref] {
		for k := range fs {
			r.published[k] = true
		}
	}
	return r.primary(fs)
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
		ex := cohort.ExcludeFigures(r.h, []app.Cohort{c}, auth)
		out = append(out, exclusion{app.Excluding(c), ex})
	}
	slices.SortFunc(out, func(a, b exclusion) int { return cmp.Compare(a.split, b.split) })
	return out
}

// figKey is one published figure: in the release, the figures excluding
// the cohorts are those of split app.Excluding(cs...).
// areaSeries is one series of an indicator's figures: an area's, of
// one split, over its periods.
type areaSeries struct {
	area  app.Area
	split app.Split
}

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
	// groupAreas are the areas that are sums of some districts, each with
	// the sets of districts it may be the sum of (groupAreas).
	groupAreas map[app.Area][][]app.Area
	// order is each indicator's place in the release (releaseOrder).
	order map[string]int
	excl  app.Split
	hasEx bool
	below float64
	// guard is the threshold protecting a figure the source withheld: the
	// source's own rule is unknown, so it is at least DfE practice's.
	guard  float64
	hidden map[figKey]bool // withheld, by the source or by this release
	// unsafe are the figures withheld that the figures shown around
	// them, here or in a pack before, still tell, with none left to
	// withhold that would protect them (withholdUntilSafe).
	unsafe map[figKey]bool
	// earlier is what each release before a revision showed of the
	// months revised (addEarlier).
	earlier []shownThen
	count   int
	// change says which indicators are a change by their name; base,
	// the count each is the difference of, where its definition says;
	// isBase, which indicators are such a count, and published, their
	// figures.
	change    map[string]bool
	base      map[string]changeBase
	isBase    map[string]bool
	published map[figKey]bool
	implied   map[string]impliedLink // indicators given without counts, tied to a count (impliedcounts.go)
	// withheldCounts are the counts' figures withheld, by place (their
	// ref left blank), for the shares tied to any count (withheldCountAt).
	withheldCounts map[figKey][]float64
	// months are, by a year to date's Ref, the indicators giving the
	// months it sums (yeartodate.go).
	months map[string][]string
	// room is where each group's system is built (buildSystem);
	// groupKeys and groupFigs, each group's figures (figuresOf).
	room      *systemRoom
	groupKeys []figKey
	groupFigs figs
	// schools says, by indicator, whether it counts schools (OfSchools).
	schools map[string]bool
	// stickyRefs are the indicators with a figure an earlier release
	// withheld (quietIndicator).
	stickyRefs map[string]bool
	// given is the history given to the release, h that history with
	// the previous-year outturns added as figures (withOutturns), which
	// outturns lists.
	given    *app.History
	outturns []outturn
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
				c.Status, c.Raw = app.Suppressed, app.Suppressed.String()
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
