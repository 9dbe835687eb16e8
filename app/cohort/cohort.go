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
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

// SnapshotRule is the rule for who counts as in cohort c in a snapshot
// measure (children in care on a date): those in the cohort on that date.
func SnapshotRule(c app.Cohort) string {
	return strings.ToUpper(string(c)) + " on the snapshot date"
}

// PeriodRule is the rule for who counts as in cohort c in a period measure
// (children leaving care in the year): those in the cohort at any point in
// the period.
func PeriodRule(c app.Cohort) string {
	return strings.ToUpper(string(c)) + " at any point in the period"
}

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
//     cohorts that may overlap).
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
	cs = normalise(cs)
	if len(cs) == 0 {
		return h, nil, nil
	}
	out := h.Clone()
	ex := excluder{h: h, cs: cs, auth: auth, split: app.Excluding(cs...), files: map[string]string{},
		parts: make([]app.Observation, len(cs)), next: make([]int, len(cs)), rules: map[string]string{},
		order: map[string]int{}}
	ex.sourceRule = "the source's own figure " + strings.ToLower(ex.split.Label()) + "; it states no rule for who counted"
	for i, imp := range h.Imports {
		ex.files[imp.ID] = imp.Source
		ex.order[imp.ID] = i
	}
	for _, k := range h.Keys() {
		if k.Split != app.All {
			continue
		}
		if ind, ok := h.Indicator(k.Ref); ok && !affected(ind, cs) {
			out.SetSeries(k, standing(h.Series(k), cs))
			continue
		}
		out.SetSeries(k, ex.series(out, k))
	}
	ex.identities(out)
	return out, ex.warnings, ex.disagreements
}

// affected reports whether excluding any of cs can change ind's figures.
func affected(ind app.Indicator, cs []app.Cohort) bool {
	for _, c := range cs {
		if ind.AffectedBy(c) {
			return true
		}
	}
	return false
}

// standing returns the figures of a series no excluded cohort can be
// counted in: subtracting nobody leaves them exact as they are, and the
// rule says why.
func standing(s []app.Observation, cs []app.Cohort) []app.Observation {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strings.ToUpper(string(c))
	}
	rule := strings.Join(names, " and ") + " cannot be counted in this measure: its figures stand as they are"
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
	order    map[string]int    // import ID to its place in h.Imports
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
	floats     []float64
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
	return ex.compose(ind, k, a, s, ex.parts, missing, true)
}

// compose gives the figure excluding the cohorts from the All figure a,
// the source's excluding figure s and the cohorts' figures parts, or
// says, where missing names a cohort, that it has no figure. With check,
// a source's figure the arithmetic contradicts is noted (ex.check).
func (ex *excluder) compose(ind app.Indicator, k app.SeriesKey, a, s *app.Observation, parts []app.Observation, missing string, check bool) app.Observation {
	var o app.Observation
	var reason string
	if a != nil {
		if missing != "" {
			// The month is the cell's own, so the reason leaves it out and
			// reads the same for every month: said once per row.
			reason = fmt.Sprintf("the source gives no figure for %s", missing)
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

// subtract recomputes a figure from the All figure a and the cohorts'
// figures by the indicator's measure. A non-empty reason means it cannot.
func (ex *excluder) subtract(ind app.Indicator, a app.Observation, parts []app.Observation) (app.Observation, string) {
	o := app.Observation{Period: a.Period, Import: a.Import, Revision: a.Revision, StandIn: a.StandIn, Rule: ex.stated(parts)}
	if !ind.Measure.Additive() {
		if ind.Measure == app.Median {
			return o, notMedian
		}
		return o, notKnown
	}
	// A suppressed figure stays suppressed: the difference would reveal
	// it, or reveal what its suppression protects.
	if a.Status == app.Suppressed {
		o.Status, o.Raw = app.Suppressed, "suppressed, as the figure for all children is"
		return o, ""
	}
	for i, p := range parts {
		if p.Status == app.Suppressed {
			o.Status, o.Raw = app.Suppressed, "suppressed, as the figure for "+ex.cs[i].Label()+" is"
			return o, ""
		}
	}
	if a.Status != app.OK {
		return o, fmt.Sprintf("the figure for all children is %q (%s)", a.Status, a.Status.Describe())
	}
	for i, p := range parts {
		if p.Status != app.OK {
			return o, fmt.Sprintf("the figure for %s is %q (%s)", ex.cs[i].Label(), p.Status, p.Status.Describe())
		}
	}
	names := componentNames[ind.Measure]
	whole, ok := components(ind.Measure, a)
	if !ok {
		return o, fmt.Sprintf("the source gives no %s for all children", strings.Join(names, " and "))
	}
	if why := contradicts(ind.Measure, a, whole, names); why != "" {
		return o, "the figure for all children " + why
	}
	rest := whole
	var nonzero [2]int // cohorts with children in each component
	for i, p := range parts {
		c, ok := components(ind.Measure, p)
		if !ok {
			return o, fmt.Sprintf("the source gives no %s for %s", strings.Join(names, " and "), ex.cs[i].Label())
		}
		if why := contradicts(ind.Measure, p, c, names); why != "" {
			return o, "the figure for " + ex.cs[i].Label() + " " + why
		}
		for n := range names {
			if ind.Measure == app.Rate && n == 1 && c[n] == whole[n] {
				// The cohort's rate is given per the whole population (as
				// the DfE gives UASC per 10,000 children): excluding the
				// cohort leaves the population as it was.
				continue
			}
			rest[n] -= c[n]
			if c[n] != 0 {
				nonzero[n]++
			}
		}
	}
	for n := range names {
		if nonzero[n] > 1 {
			return o, fmt.Sprintf("%s may overlap and the source gives no figure %s", joinCohorts(ex.cs), strings.ToLower(ex.split.Label()))
		}
		if rest[n] < 0 {
			return o, fmt.Sprintf("the cohort's %s exceeds that of all children", names[n])
		}
	}
	switch ind.Measure {
	case app.Count:
		o.Value = ex.float(rest[0])
		if a.Numerator != nil {
			o.Numerator = o.Value
		}
		return o, ""
	case app.Proportion, app.Mean, app.Rate:
		o.Numerator, o.Denominator = ex.float(rest[0]), ex.float(rest[1])
		if rest[1] == 0 {
			o.Status, o.Raw = app.NotApplicable, "no children remain outside the excluded cohorts"
			return o, ""
		}
		o.Value = ex.float(rest[0] / rest[1] * scale(ind.Measure))
	}
	return o, ""
}

// componentNames name each measure's components, in the order components
// returns them, for reasons and warnings.
var componentNames = map[app.Measure][]string{
	app.Count:      {"count"},
	app.Proportion: {"numerator", "denominator"},
	app.Mean:       {"sum", "count"},
	app.Rate:       {"count", "population"},
}

// components returns the figures a measure is built from: the count for
// a Count (its Numerator, else its Value), else numerator and denominator.
func components(m app.Measure, o app.Observation) ([2]float64, bool) {
	if m == app.Count {
		switch {
		case o.Numerator != nil:
			return [2]float64{*o.Numerator}, true
		case o.Value != nil:
			return [2]float64{*o.Value}, true
		}
		return [2]float64{}, false
	}
	if o.Numerator == nil || o.Denominator == nil {
		return [2]float64{}, false
	}
	return [2]float64{*o.Numerator, *o.Denominator}, true
}

// contradicts says how a figure o disagrees with its own components c,
// beyond the places it shows: 83% given with 60 of 100. Recomputed from
// the components, the figure would silently become another; "" when they
// agree or there is nothing to compare.
func contradicts(m app.Measure, o app.Observation, c [2]float64, names []string) string {
	if m == app.Count || o.Value == nil || c[1] == 0 {
		return ""
	}
	x := c[0] / c[1] * scale(m)
	v := *o.Value
	s := strconv.FormatFloat(v, 'g', 10, 64)
	places := 0
	if _, frac, ok := strings.Cut(s, "."); ok && !strings.Contains(s, "e") {
		places = len(strings.TrimRight(frac, "0"))
	}
	if math.Abs(v-x) <= math.Pow(10, -float64(places))+1e-9*math.Abs(x) {
		return ""
	}
	return fmt.Sprintf("is %s, not its %s over its %s (%s / %s gives %s)", number(v), names[0], names[1], number(c[0]), number(c[1]), number(x))
}

const (
	notMedian = "a median cannot be recomputed without a cohort"
	notKnown  = "the indicator's measure is unknown, so it cannot be recomputed without a cohort"
)

// scale is what a measure's quotient is multiplied by: percentages are
// stored 0-100 and rates are per 10,000 children.
func scale(m app.Measure) float64 {
	switch m {
	case app.Proportion:
		return 100
	case app.Rate:
		return 10000
	}
	return 1
}

// stated returns the rule the cohort figures give for who counted, joined
// for several cohorts, or says that the source stated none.
func (ex *excluder) stated(parts []app.Observation) string {
	var key string
	switch len(parts) {
	case 0:
	case 1:
		key = parts[0].Rule
	default:
		for _, p := range parts {
			key += p.Rule + "\x00"
		}
	}
	if r, ok := ex.rules[key]; ok {
		return r
	}
	r := ex.state(parts)
	ex.rules[key] = r
	return r
}

func (ex *excluder) state(parts []app.Observation) string {
	var rules []string
	for i, c := range ex.cs {
		r := ""
		if i < len(parts) {
			r = parts[i].Rule
		}
		if r == "" {
			r = strings.ToUpper(string(c)) + " as the source counted them (it states no rule)"
		}
		rules = append(rules, r)
	}
	return "excluding " + strings.Join(rules, "; ")
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

func number(v float64) string {
	return fmt.Sprintf("%.6g", v)
}
