package disclosure

import (
	"fmt"

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
// impliesSmall), so small-number suppression cannot protect it.
type Unprotected struct {
	Indicator app.Indicator
	// Figures counts its district and cohort figures that could be a
	// count from 1 to Below-1 at a plausible denominator.
	Figures, Below int
}

// String says what is unprotected and what the officer can do, for the
// export's warnings and its Provenance sheet.
func (u Unprotected) String() string {
	what := "percentages"
	if u.Indicator.Unit == app.Per10k || u.Indicator.Measure == app.Rate {
		what = "rates"
	}
	return fmt.Sprintf("%s (%s) is given as %s without counts, and no count held ties it to one, so small-number suppression does not protect it: "+
		"%d of its district and cohort figures could be a count of 1 to %d children at a plausible denominator; "+
		"name its numerator's or denominator's indicator in its guidance (e.g. \"Denominator: all children in care (N02)\"), or import its counts, to have them withheld, or check them before circulating",
		u.Indicator.Ref, u.Indicator.Name, what, u.Figures, u.Below-1)
}

// UnprotectedIn returns the indicators of h given without counts that
// no count or twin in h ties to one (impliedLinks), with how many of
// their district and cohort figures could be a count from 1 to below-1.
// county is the authority's own area, whose all-children figures are
// not counted. Those it counts none of are left out. With below of 1 or
// less nothing is withheld for its size, and none is returned.
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
		// A share of schools counts no children (ofSchools).
		if _, tied := links[k.Ref]; !without[k.Ref] || tied || ofSchools(ind) || k.Area == county && k.Split == app.All {
			continue
		}
		for _, o := range h.Series(k) {
			if v, ok := o.Figure(); ok && couldBeSmall(ind, v, float64(below)) {
				n[k.Ref]++
			}
		}
	}
	var out []Unprotected
	for _, ind := range h.Indicators() {
		if n[ind.Ref] > 0 {
			out = append(out, Unprotected{ind, n[ind.Ref], below})
		}
	}
	return out
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
