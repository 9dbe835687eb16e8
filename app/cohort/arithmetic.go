package cohort

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

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
		if p.Status == app.NotApplicable && empty(ind.Measure, p) {
			// "z" with no children (0 of 0) shows the cohort has none to
			// take away; the rule says so, as the figure is taken as 0.
			o.Rule += "; the figure for " + ex.cs[i].Label() + " is z (not applicable) with no children, so nothing is taken away"
			continue
		}
		if p.Status != app.OK {
			return o, fmt.Sprintf("the figure for %s is %q (%s)", ex.cs[i].Label(), p.Status, p.Status.Describe())
		}
		if why := mixedYears(a, p, ex.cs[i].Label()); why != "" {
			return o, why
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
	if why := notWhole(ind.Measure, whole); why != "" {
		return o, "the figure for all children " + why
	}
	rest := whole
	// The difference is given to the places its figures show: 23.4 less
	// 11.0 is 12.4, not the 12.399999999999999 of binary arithmetic.
	places := componentPlaces(whole, names)
	var nonzero [2]int // cohorts with children in each component
	for i, p := range parts {
		c, ok := components(ind.Measure, p)
		if !ok {
			return o, fmt.Sprintf("the source gives no %s for %s", strings.Join(names, " and "), ex.cs[i].Label())
		}
		if why := contradicts(ind.Measure, p, c, names); why != "" {
			return o, "the figure for " + ex.cs[i].Label() + " " + why
		}
		if why := notWhole(ind.Measure, c); why != "" {
			return o, "the figure for " + ex.cs[i].Label() + " " + why
		}
		for n := range names {
			if ind.Measure == app.Rate && n == 1 && c[n] == whole[n] {
				// The cohort's rate is given per the whole population (as
				// the DfE gives UASC per 10,000 children): excluding the
				// cohort leaves the population as it was.
				continue
			}
			// Otherwise the population is the cohort's own, and every
			// cohort excluded (UASC, children placed by other authorities,
			// disabled children, former UASC) is a minority of children: a
			// population more than half all children's is theirs given
			// another way (299,990 beside 300,000), and the remainder a
			// sliver that would make 900 children 900,000 per 10,000.
			if ind.Measure == app.Rate && n == 1 && c[n] > whole[n]/2 {
				return o, fmt.Sprintf("the figure for %s is a rate per a population of %s, neither all children's (%s) nor a minority of them: "+
					"it is likely all children's counted another way (another year's estimate), and taking it away would leave a population of %s",
					ex.cs[i].Label(), number(c[n]), number(whole[n]), number(whole[n]-c[n]))
			}
			rest[n] -= c[n]
			if c[n] != 0 {
				nonzero[n]++
			}
		}
		places = max(places, componentPlaces(c, names))
	}
	if places <= maxPlaces {
		for n := range names {
			rest[n] = app.RoundTo(rest[n], places)
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
	if (ind.Measure == app.Proportion || ind.Measure == app.Rate) && rest[0] > rest[1]*(1+1e-12) {
		// Children cannot outnumber those they are counted among: each
		// figure was consistent alone, so the cohort's cannot be a part
		// of all children's as given.
		return o, fmt.Sprintf("all children's %s less the cohort's leaves %s, more than the %s left in the %s, so the cohort's figure is not a part of all children's",
			names[0], number(rest[0]), number(rest[1]), names[1])
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

// empty reports whether a cohort's figure p shows the cohort has no
// children to take away: a count of 0, or a proportion or mean of 0 over
// 0. A rate's population is not the cohort's children, and a figure
// without its components shows nothing, so neither is.
func empty(m app.Measure, p app.Observation) bool {
	c, ok := components(m, p)
	switch {
	case !ok:
		return false
	case m == app.Count:
		return c[0] == 0
	case m == app.Proportion || m == app.Mean:
		return c[0] == 0 && c[1] == 0
	}
	return false
}

// mixedYears says why the figure for all children a and a cohort's p
// (labelled cohort) cannot be subtracted where one is the previous
// year's outturn standing in for the period's figure and the other is
// the period's own: the difference would be a figure of no period.
// Two stand-ins give a stand-in (the previous year's, excluding).
func mixedYears(a, p app.Observation, cohort string) string {
	switch {
	case a.StandIn == p.StandIn:
		return ""
	case a.StandIn:
		return "the figure for all children is the previous year's outturn standing in for this period's, but the figure for " +
			cohort + " is this period's own: one cannot be taken from the other"
	}
	return "the figure for " + cohort + " is the previous year's outturn standing in for this period's, but the figure for all children " +
		"is this period's own: one cannot be taken from the other"
}

// maxPlaces is the most decimal places a difference is rounded to;
// figures given to more are subtracted as they are.
const maxPlaces = 6

// componentPlaces returns the most decimal places any of a measure's
// components c shows, or maxPlaces+1 for more than maxPlaces.
func componentPlaces(c [2]float64, names []string) int {
	p := 0
	for n := range names {
		p = max(p, app.PlacesOf(c[n], maxPlaces))
	}
	return p
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

// notWhole says why a Count's count c is no count of children: 22.5 is
// a rate or a share, whatever the indicator was once taken for (a store
// may hold "Re-referral rate" as a count), and subtracting one rate from
// another means nothing. "" for a whole count, or another measure.
func notWhole(m app.Measure, c [2]float64) string {
	if m != app.Count || app.Whole(c[0]) {
		return ""
	}
	return fmt.Sprintf("is %s, not a whole number, so no count of children that a cohort's could be taken from", number(c[0]))
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

func number(v float64) string {
	// A whole number is given whole: a county's population of 1,234,567
	// read as 1.23457e+06 would be neither the figure nor plain.
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return fmt.Sprintf("%.6g", v)
}
