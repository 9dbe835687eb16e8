// Package cohort recomputes scorecard figures without a cohort of children
// (unaccompanied asylum-seeking children, children placed by other
// authorities), exactly or not at all.
//
// A figure excluding a cohort is taken, in order of preference, from the
// source's own excluding row, from the arithmetic on the all-children and
// cohort-only figures' components, or it is marked app.CannotExclude with
// the reason. It is never the unadjusted figure under an excluding label.
//
// Districts: a district sheet rarely splits each district by cohort, but
// it often counts a cohort's children in a column of their own (the "UASC
// Service"). Where, month by month, the districts and the columns beside
// them sum to the county's figure excluding the cohort, each district's
// own figure already leaves the cohort out, and is used as its figure
// excluding the cohort with the identity as its rule (identity.go); a
// month where the sum fails is a warning and stays "cannot exclude".
//
// Several cohorts at once: children can belong to more than one cohort (a
// UASC child placed in Kent by another authority is in both uasc and ola),
// and a scorecard gives each cohort's figures apart, not their overlap.
// Subtracting every cohort would count the overlap twice, so a figure
// excluding several cohorts is exact only when the source gives that
// combination's own excluding row, or when, component by component, at
// most one of the cohorts has any children (an empty cohort overlaps
// nothing). Otherwise it cannot be excluded, and Raw says so.
package cohort

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// Exclude returns a History whose All-split series give the figures
// excluding the cohorts cs (h itself is untouched). Each figure is, in
// order of preference:
//
//   - the source's own excluding row (Split app.Excluding(cs...)), checked
//     against the arithmetic where both exist: a disagreement beyond the
//     indicator's displayed rounding, or in the counts, is a Warning;
//   - the exact recomputation from the All and Only(c) figures' components
//     by the indicator's Measure: a proportion from numerator and
//     denominator, a mean from sum and count, a count by subtraction, a
//     rate from count and population (a cohort's rate given per the whole
//     population, as the DfE gives UASC per 10,000 children, leaves the
//     population unchanged; one per its own population has it subtracted);
//   - otherwise an observation with Value nil, Status app.CannotExclude and
//     Raw giving the reason (no components, no cohort figure, a median,
//     cohorts that may overlap, a remainder no figure could be, one of
//     the figures the previous year's outturn standing in and the other
//     the period's own).
//
// Rule records who counted as in the cohort, as the source or the cohort
// figures stated it. Where no children remain outside the cohorts the
// figure is app.NotApplicable; where the all-children or a cohort's figure
// is suppressed (app.Suppressed), so is the result. With no cohorts
// Exclude returns h.
//
// To circulate figures with small numbers suppressed, use
// disclosure.Release: it excludes first, so that the districts'
// identities are proven on the true figures, and then suppresses the
// figures for all children and excluding the cohorts together, so that
// nothing withheld is recovered by subtraction from either.
//
// The county and its districts are those of the authority whose figures
// h holds (app.AuthorityOf); ExcludeIn names it.
func Exclude(h *app.History, cs []app.Cohort) (*app.History, []app.Warning) {
	return ExcludeIn(h, cs, app.AuthorityOf(h))
}

// ExcludeIn is Exclude for a history of auth's figures: auth's own area
// is the county whose districts' identities are proven.
func ExcludeIn(h *app.History, cs []app.Cohort, auth *app.Authority) (*app.History, []app.Warning) {
	out, warns, _ := ExcludeNoted(h, cs, auth)
	return out, warns
}

// ExcludeNoted is ExcludeIn, also returning the source's own excluding
// figures that cannot be right as given (Disagreement), each of which
// is among the warnings too: show, flags and the window say them beside
// the figures.
func ExcludeNoted(h *app.History, cs []app.Cohort, auth *app.Authority) (*app.History, []app.Warning, []Disagreement) {
	return exclude(h, cs, auth, true, "")
}

// ExcludeNotedOf is ExcludeNoted checking the source's own excluding
// figures of indicator ref alone: the figures, and the warnings of the
// districts' identities, are every indicator's, as ExcludeNoted's, but
// the disagreements, and the warnings saying them, are ref's alone;
// every indicator's, as ExcludeNoted's, where ref is empty. Checking
// every indicator's was a third of showing one of them excluding a
// cohort from a five-year store of a hundred.
func ExcludeNotedOf(h *app.History, cs []app.Cohort, auth *app.Authority, ref string) (*app.History, []app.Warning, []Disagreement) {
	return exclude(h, cs, auth, true, ref)
}

// ExcludeFigures is ExcludeIn for a caller that keeps the figures alone,
// as a release does the figures excluding each cohort it treats as
// published beside all children's: the source's own excluding figures
// are not checked against the arithmetic (Disagreement), which changes
// no figure, and saying where they disagree was most of the cost of
// excluding a cohort from a history of them.
func ExcludeFigures(h *app.History, cs []app.Cohort, auth *app.Authority) *app.History {
	out, _, _ := exclude(h, cs, auth, false, "")
	return out
}

// exclude is ExcludeNoted, checking the source's own excluding figures
// where check is true: of indicator only alone, where it is not empty.
func exclude(h *app.History, cs []app.Cohort, auth *app.Authority, check bool, only string) (*app.History, []app.Warning, []Disagreement) {
	cs = normalise(cs)
	if len(cs) == 0 {
		return h, nil, nil
	}
	out := h.Clone()
	ex := excluder{h: h, cs: cs, auth: auth, split: app.Excluding(cs...), files: map[string]string{},
		parts: make([]app.Observation, len(cs)), next: make([]int, len(cs)), rules: map[string]string{},
		order: h.ImportOrder(), notChildren: map[string]bool{}, checkSource: check, checkOnly: only}
	ex.sourceRule = "the source's own figure " + strings.ToLower(ex.split.Label()) + "; it states no rule for who counted"
	for _, imp := range h.Imports {
		ex.files[imp.ID] = imp.Source
	}
	for _, k := range h.Keys() {
		if k.Split != app.All {
			// A series the source gave only with the cohorts left out
			// (its revised report imported without the all-children
			// one) is shown as where both are held: under all
			// children's key, its figures the source's own.
			all := app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: app.All}
			if k.Split != ex.split || len(h.Series(all)) > 0 {
				continue
			}
			k = all
		}
		if ind, ok := h.Indicator(k.Ref); ok && !ex.affects(ind, k.Area) {
			out.SetSeries(k, standing(h.Series(k), standingRule(ind, cs)))
			continue
		}
		out.SetSeries(k, ex.series(out, k))
	}
	ex.identities(out)
	return out, ex.warnings, ex.disagreements
}

// Affects reports whether excluding cs can change the figures h holds of
// ind in area. Not where ind is stated to count none of them
// (app.Indicator.Unaffected); nor where it counts no children at all
// (app.Indicator.Counts: schools, pupils, staff) and the source gives
// none of its figures there split by any of them: no split of children
// applies to such a measure, and its figures stand as published rather
// than "cannot exclude". A source that does split it (a pupils measure
// with a UASC row) is worked out as any other.
func Affects(h *app.History, ind app.Indicator, area app.Area, cs []app.Cohort) bool {
	if !affected(ind, cs) {
		return false
	}
	return splitHeld(h, ind.Ref, area, cs) || !ind.Counts().NotChildren
}

// affects is Affects, reading what each indicator counts once: the
// window excludes afresh on every toggle, and reading a definition's
// words costs more than the rest of a series that stands.
func (ex *excluder) affects(ind app.Indicator, area app.Area) bool {
	if !affected(ind, ex.cs) {
		return false
	}
	if splitHeld(ex.h, ind.Ref, area, ex.cs) {
		return true
	}
	notChildren, ok := ex.notChildren[ind.Ref]
	if !ok {
		notChildren = ind.Counts().NotChildren
		ex.notChildren[ind.Ref] = notChildren
	}
	return !notChildren
}

// splitHeld reports whether h holds figures of ref in area split by any
// of cs: the source's own excluding figures or a cohort's.
func splitHeld(h *app.History, ref string, area app.Area, cs []app.Cohort) bool {
	if len(h.Series(app.SeriesKey{Ref: ref, Area: area, Split: app.Excluding(cs...)})) > 0 {
		return true
	}
	for _, c := range cs {
		if len(h.Series(app.SeriesKey{Ref: ref, Area: area, Split: app.Only(c)})) > 0 {
			return true
		}
	}
	return false
}

// affected reports whether ind is stated to count any of cs.
func affected(ind app.Indicator, cs []app.Cohort) bool {
	for _, c := range cs {
		if ind.AffectedBy(c) {
			return true
		}
	}
	return false
}

// Published says which figures of ind a report of area excluding cs
// gives where they are the published ones because ind counts no
// children (Affects false, app.Indicator.Counts): "a measure of schools,
// shown as published (no UASC split applies)", so that no reader takes
// them for figures worked out without the cohorts. "" for any other.
func Published(h *app.History, ind app.Indicator, area app.Area, cs []app.Cohort) string {
	if len(cs) == 0 || Affects(h, ind, area, cs) {
		return ""
	}
	c := ind.Counts()
	if !c.NotChildren {
		return ""
	}
	return AsPublished(c, cs)
}

// AsPublished says of a measure that counts no children (what
// app.Indicator.Counts gives) that its figures excluding cs are the
// published ones: "a measure of schools, shown as published (no UASC
// split applies)".
func AsPublished(c app.Counted, cs []app.Cohort) string {
	return "a measure of " + c.Noun + ", shown as published (no " + joinCohorts(cs) + " split applies)"
}

// standingRule says why ind's figures stand as they are excluding cs.
func standingRule(ind app.Indicator, cs []app.Cohort) string {
	if !affected(ind, cs) {
		return joinCohorts(cs) + " cannot be counted in this measure: its figures stand as they are"
	}
	return AsPublished(ind.Counts(), cs)
}

// standing returns the figures of a series no excluded cohort can be
// counted in, each with rule saying why: subtracting nobody leaves them
// exact as they are.
func standing(s []app.Observation, rule string) []app.Observation {
	out := make([]app.Observation, len(s))
	for i, o := range s {
		o.Rule = rule
		out[i] = o
	}
	return out
}

// normalise sorts cs and drops repeats, as app.Excluding names them.
func normalise(cs []app.Cohort) []app.Cohort {
	var out []app.Cohort
	for _, c := range app.Excluding(cs...).Excluded() {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

type excluder struct {
	h        *app.History
	auth     *app.Authority // whose county and districts h holds
	cs       []app.Cohort
	split    app.Split
	files    map[string]string // import ID to source file, for warnings
	order    app.ImportOrder   // the order h applied its imports in
	warnings []app.Warning
	// disagreements are the source's own figures that cannot be right.
	disagreements []Disagreement

	// The GUI recomputes on every toggle, so the per-figure work avoids
	// allocating: parts is reused, rules caches stated's text and floats
	// is a block the figures' values point into.
	parts      []app.Observation
	next       []int // each cohort series' place in the walk
	rules      map[string]string
	sourceRule string
	// notChildren caches, by ref, whether an indicator counts no
	// children (app.Indicator.Counts), for affects.
	notChildren map[string]bool
	floats      []float64
	// indicators are h's, in scorecard order, and ends the figures of
	// each series by the day their periods end (endingOn): a rate's
	// every figure looks for a count and a population of its day.
	indicators []app.Indicator
	ends       map[app.SeriesKey]map[int64][]int
	// checkSource says whether the source's own excluding figures are
	// checked against the arithmetic (ExcludeFigures).
	checkSource bool
	// checkOnly, when not empty, is the one indicator whose figures are
	// checked (ExcludeNotedOf).
	checkOnly string
	// noFigures are noFigure's reasons, by cohort.
	noFigures map[string]string
}

// noFigure is the reason a figure cannot be worked out where the source
// gives none for the cohort named missing: it reads the same for every
// month of every series, so it is worded once, not for each district
// figure of a long history.
func (ex *excluder) noFigure(missing string) string {
	reason, ok := ex.noFigures[missing]
	if !ok {
		reason = fmt.Sprintf("the source gives no figure for %s", missing)
		if ex.noFigures == nil {
			ex.noFigures = map[string]string{}
		}
		ex.noFigures[missing] = reason
	}
	return reason
}

// float returns a pointer to v, carved from a block so that each figure
// does not allocate its own.
func (ex *excluder) float(v float64) *float64 {
	if len(ex.floats) == cap(ex.floats) {
		ex.floats = make([]float64, 0, 4096)
	}
	ex.floats = append(ex.floats, v)
	return &ex.floats[len(ex.floats)-1]
}

// series returns the figures of the All series k with the cohorts
// excluded, one for every period the All series or the source's excluding
// series has.
func (ex *excluder) series(out *app.History, k app.SeriesKey) []app.Observation {
	ind, _ := ex.h.Indicator(k.Ref)
	all := ex.h.Series(k)
	src := ex.h.Series(app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: ex.split})
	only := make([][]app.Observation, len(ex.cs))
	for i, c := range ex.cs {
		only[i] = ex.h.Series(app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: app.Only(c)})
	}
	clear(ex.next)
	figs := make([]app.Observation, 0, max(len(all), len(src)))
	// Both series are sorted by period: walk them together.
	i, j := 0, 0
	for i < len(all) || j < len(src) {
		var a, s *app.Observation
		switch {
		case j == len(src) || i < len(all) && before(all[i].Period, src[j].Period):
			a = &all[i]
			i++
		case i == len(all) || before(src[j].Period, all[i].Period):
			s = &src[j]
			j++
		default:
			a, s = &all[i], &src[j]
			i++
			j++
		}
		f := ex.figure(ind, k, a, s, only)
		ex.revise(out, ind, k, &f)
		figs = append(figs, f)
	}
	return figs
}

// figure gives one period's figure excluding the cohorts, from the All
// figure a and the source's excluding figure s (either may be nil),
// checking s against the arithmetic.
func (ex *excluder) figure(ind app.Indicator, k app.SeriesKey, a, s *app.Observation, only [][]app.Observation) app.Observation {
	missing := ""
	if a != nil {
		for i, c := range ex.cs {
			p, ok := ex.find(i, only[i], a.Period)
			if !ok {
				missing = c.Label()
				break
			}
			ex.parts[i] = p
		}
	}
	return ex.compose(ind, k, a, s, ex.parts, missing, ex.checkSource && (ex.checkOnly == "" || k.Ref == ex.checkOnly))
}

// compose gives the figure excluding the cohorts from the All figure a,
// the source's excluding figure s and the cohorts' figures parts, or
// says, where missing names a cohort, that it has no figure. With check,
// a source's figure the arithmetic contradicts is noted (ex.check).
func (ex *excluder) compose(ind app.Indicator, k app.SeriesKey, a, s *app.Observation, parts []app.Observation, missing string, check bool) app.Observation {
	var o app.Observation
	var reason string
	// Where the source gives its own figure, the arithmetic's is wanted
	// only to check it, or where the source's is the previous year's
	// outturn standing in: worked out for nothing, it was most of the
	// cost of a release's complements of a long history (ExcludeFigures).
	if a != nil && (s == nil || s.StandIn || check) {
		if missing != "" {
			// The month is the cell's own, so the reason leaves it out and
			// reads the same for every month: said once per row.
			reason = ex.noFigure(missing)
			// A rate is a count over a population: where the store holds
			// both for the day, it is worked out from them.
			if r, why, ok := ex.rateOnDay(ind, k, *a); ok {
				o, reason = r, ""
			} else if why != "" {
				reason += ", and " + why
			}
		} else {
			o, reason = ex.subtract(ind, *a, parts)
		}
	}
	if s == nil {
		if reason != "" {
			o = app.Observation{Period: a.Period, Status: app.CannotExclude, Raw: reason,
				Import: a.Import, Revision: a.Revision, Rule: ex.stated(nil)}
		}
		o.Ref, o.Area, o.Split = k.Ref, k.Area, app.All
		return o
	}
	if s.StandIn && reason == "" && o.Status == app.OK && !o.StandIn {
		// The source's own figure is the previous year's outturn standing
		// in until the period's is known, and the period's is known: the
		// figures for all children and the cohorts give it. The rule says
		// what the source's stand-in was.
		o.Ref, o.Area, o.Split = k.Ref, k.Area, app.All
		o.Rule += fmt.Sprintf("; worked out from this period's figures, in place of the source's own figure %s, %s, which is the previous year's outturn standing in",
			phrase(ex.split), figureText(*s))
		return o
	}
	if check {
		var worked *app.Observation
		if reason == "" && o.Status == app.OK {
			worked = &o
		}
		var known []app.Observation // the cohorts' figures, where each has one
		if missing == "" {
			known = parts
		}
		ex.check(ind, *s, a, worked, known)
	}
	out := *s
	out.Split = app.All
	if out.Rule == "" {
		out.Rule = ex.sourceRule
	}
	return out
}

// figureText gives an observation's figure for a rule: its value, else
// its numerator over its denominator.
func figureText(o app.Observation) string {
	switch {
	case o.Value != nil:
		return number(*o.Value)
	case o.Numerator != nil && o.Denominator != nil:
		return number(*o.Numerator) + " / " + number(*o.Denominator)
	case o.Numerator != nil:
		return number(*o.Numerator)
	}
	return "(no value)"
}

// find returns cohort i's figure for period p. Periods are asked for in
// order, so it walks on from where the last call stopped.
func (ex *excluder) find(i int, s []app.Observation, p app.Period) (app.Observation, bool) {
	j := ex.next[i]
	for j < len(s) && before(s[j].Period, p) {
		j++
	}
	ex.next[i] = j
	if j < len(s) && s[j].Period == p {
		return s[j], true
	}
	return app.Observation{}, false
}

// before orders periods as Period.Compare does, cheaply for the common
// case of two months.
func before(a, b app.Period) bool {
	if a.Kind == b.Kind && (a.Kind == app.Month || a.Kind == app.Quarter) {
		return a.Index() < b.Index()
	}
	return a.Compare(b) < 0
}

func joinCohorts(cs []app.Cohort) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strings.ToUpper(string(c))
	}
	return strings.Join(names, " and ")
}
