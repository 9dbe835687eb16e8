package disclosure

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// The denominators a district's or cohort's figure may plausibly be of,
// where the source gives none: from a handful of children to a district's
// whole care population for a percentage, and a district's children aged
// 0-17 for a rate per 10,000 (Kent's districts hold 25,000 to 45,000).
const (
	fewestChildren    = 5
	mostChildren      = 1000
	smallestDistrict  = 10000
	largestPopulation = 100000
)

// Unprotected is an indicator given as percentages or rates without
// their counts that nothing the store holds ties to a count (see
// impliesSmall), or whose tied counts hold no figure beside some of its
// own, so small-number suppression cannot protect it (those figures).
type Unprotected struct {
	Indicator app.Indicator
	// Figures counts its district and cohort figures that could be a
	// count from 1 to Below-1 at a plausible denominator.
	Figures, Below int
	// Tied are the counts (or twin) its figures are tied to, none of
	// which holds a figure beside those counted; none for an indicator
	// tied to nothing.
	Tied []string
}

// String says what is unprotected and what the officer can do, for the
// export's warnings and its Provenance sheet.
func (u Unprotected) String() string {
	what := "percentages"
	if u.Indicator.Unit == app.Per10k || u.Indicator.Measure == app.Rate {
		what = "rates"
	}
	if len(u.Tied) > 0 {
		tied := strings.Join(u.Tied, " and ")
		return fmt.Sprintf("%s (%s) is given as %s without counts, tied to %s, which holds no figure beside %d of its district and cohort figures, so small-number suppression does not protect them: "+
			"each could be a count of 1 to %d children at a plausible denominator; import %s's figures for those areas and periods to have them withheld with them, or check them before circulating",
			u.Indicator.Ref, u.Indicator.Name, what, tied, u.Figures, u.Below-1, tied)
	}
	return fmt.Sprintf("%s (%s) is given as %s without counts, and no count held ties it to one, so small-number suppression does not protect it: "+
		"%d of its district and cohort figures could be a count of 1 to %d children at a plausible denominator; "+
		"name its numerator's or denominator's indicator in its guidance (e.g. \"Denominator: all children in care (N02)\"), or import its counts, to have them withheld, or check them before circulating",
		u.Indicator.Ref, u.Indicator.Name, what, u.Figures, u.Below-1)
}

// UnprotectedIn returns the indicators of h given without counts that
// no count or twin in h ties to one (impliedLinks), with how many of
// their district and cohort figures could be a count from 1 to below-1;
// and those tied to counts, with how many such figures none of their
// counts holds a figure beside (for the same area, cohorts and period),
// so that nothing is withheld with: a rate per 10,000 tied to children
// in care given for the county alone is each district's count, times its
// public population. county is the authority's own area, whose
// all-children figures are not counted. Those it counts none of are
// left out. With below of 1 or less nothing is withheld for its size,
// and none is returned.
func UnprotectedIn(h *app.History, below int, county app.Area) []Unprotected {
	if below <= 1 {
		return nil
	}
	change, _ := changesOf(h.Indicators())
	links := impliedLinks(h, change)
	without := withoutCounts(h)
	n := map[string]int{}
	for _, k := range h.Keys() {
		ind, _ := h.Indicator(k.Ref)
		// A share of schools counts no children (OfSchools).
		if !without[k.Ref] || OfSchools(ind) || k.Area == county && k.Split == app.All {
			continue
		}
		tied := links[k.Ref].counts()
		for _, o := range h.Series(k) {
			if v, ok := o.Figure(); ok && couldBeSmall(ind, v, float64(below)) && !heldBeside(h, tied, k, o.Period) {
				n[k.Ref]++
			}
		}
	}
	var out []Unprotected
	for _, ind := range h.Indicators() {
		if n[ind.Ref] > 0 {
			out = append(out, Unprotected{ind, n[ind.Ref], below, links[ind.Ref].counts()})
		}
	}
	return out
}

// counts are the indicators l ties to: those it is withheld with, and
// its denominator.
func (l impliedLink) counts() []string {
	if l.denominator == "" {
		return l.also
	}
	return append(slices.Clip(l.also), l.denominator)
}

// heldBeside reports whether h holds a figure, shown or withheld, of
// one of refs for k's area and cohorts and period p: one a figure tied
// to refs is judged by, or withheld with (impliesSmall).
func heldBeside(h *app.History, refs []string, k app.SeriesKey, p app.Period) bool {
	for _, ref := range refs {
		if _, ok := h.Observation(app.SeriesKey{Ref: ref, Area: k.Area, Split: k.Split}, p); ok {
			return true
		}
	}
	return false
}

// couldBeSmall reports whether v, a percentage or rate per 10,000, could
// be a count from 1 to below-1 (or, a percentage, leave one) at some
// plausible denominator. A rate per some other number of children, whose
// population is not known, could be any count but none.
func couldBeSmall(ind app.Indicator, v, below float64) bool {
	overlaps := func(share, lo, hi float64) bool {
		return share > 0 && share*hi >= 1 && share*lo < below
	}
	switch ind.Unit {
	case app.Percent:
		return overlaps(v/100, fewestChildren, mostChildren) || overlaps(1-v/100, fewestChildren, mostChildren)
	case app.Per10k:
		return overlaps(v/10000, smallestDistrict, largestPopulation)
	}
	return v > 0
}
