package disclosure

import (
	"math/bits"
	"slices"

	"scorecard/app"
)

// A scorecard may give, beside the authority and its districts, areas
// that are sums of some districts: Kent's "North Kent" (Dartford,
// Gravesham and Sevenoaks), "East Kent". Each is a sum a reader
// subtracts across as surely as the county's: North Kent's 9 less
// Dartford's 5 and Gravesham's 3 is Sevenoaks' withheld 1. Taken for an
// area of its own, such an area also broke the county's sum of every
// other area, so that the county's total protected no district either
// (the periods campaign of the forty-fourth session).

// groupAreas returns, for each area of h's figures that is neither
// auth's own nor one of its districts nor a column beside them, and
// that its figures show to be the sum of some districts h holds, those
// districts: the fewest whose figures sum to its own in every place
// they all give, bar one in ten (a revision since), one at least not
// nought.
func groupAreas(h *app.History, auth *app.Authority) map[app.Area][]app.Area {
	var districts []app.Area // those h holds figures of
	others := map[app.Area][]app.SeriesKey{}
	for _, k := range h.Keys() {
		switch {
		case auth.IsDistrict(k.Area):
			if !slices.Contains(districts, k.Area) {
				districts = append(districts, k.Area)
			}
		case k.Area != auth.Area() && !slices.Contains(auth.PseudoAreas(), k.Area):
			others[k.Area] = append(others[k.Area], k)
		}
	}
	if len(others) == 0 || len(districts) == 0 || len(districts) > 16 {
		return nil
	}
	slices.Sort(districts)
	var out map[app.Area][]app.Area
	for g, keys := range others {
		if members := sumOfDistricts(h, keys, districts); len(members) > 0 {
			if out == nil {
				out = map[app.Area][]app.Area{}
			}
			out[g] = members
		}
	}
	return out
}

// groupFigure is one count of an area's figure (a count's value, a
// percentage's numerator or denominator) and the districts' beside it.
type groupFigure struct {
	total     float64
	districts []float64
}

// sumOfDistricts returns the districts whose figures sum to those of the
// series keys of one area (groupAreas), or none.
func sumOfDistricts(h *app.History, keys []app.SeriesKey, districts []app.Area) []app.Area {
	var figs []groupFigure
	for _, k := range keys {
		ind, _ := h.Indicator(k.Ref)
		if !isCount(ind) && ind.Measure != app.Proportion {
			continue
		}
		for _, o := range h.Series(k) {
			for part := range 2 {
				total, ok := groupCount(ind, o, part)
				if !ok {
					continue
				}
				f := groupFigure{total: total}
				for _, d := range districts {
					do, ok := h.Observation(app.SeriesKey{Ref: k.Ref, Area: d, Split: k.Split}, o.Period)
					v, ok2 := groupCount(ind, do, part)
					if !ok || !ok2 {
						f.districts = nil
						break
					}
					f.districts = append(f.districts, v)
				}
				if f.districts != nil {
					figs = append(figs, f)
				}
			}
		}
	}
	// The subsets the largest figure allows (the fewest), weighed
	// against every other.
	seed := -1
	for i, f := range figs {
		if f.total > 0 && (seed < 0 || f.total > figs[seed].total) {
			seed = i
		}
	}
	if seed < 0 {
		return nil
	}
	best, bestOff := uint32(0), -1
	for mask := uint32(1); mask < 1<<len(districts); mask++ {
		if subsetSum(figs[seed].districts, mask) != figs[seed].total {
			continue
		}
		held, off := 0, 0
		for _, f := range figs {
			switch {
			case subsetSum(f.districts, mask) != f.total:
				off++
			case f.total != 0:
				held++
			}
		}
		if off*10 > held {
			continue
		}
		if bestOff < 0 || off < bestOff || off == bestOff && bits.OnesCount32(mask) < bits.OnesCount32(best) {
			best, bestOff = mask, off
		}
	}
	var members []app.Area
	for i, d := range districts {
		if best&(1<<i) != 0 {
			members = append(members, d)
		}
	}
	return members
}

// groupCount is count part of o (groupFigure): a count's value, or a
// percentage's numerator (part 0) or denominator (part 1).
func groupCount(ind app.Indicator, o app.Observation, part int) (float64, bool) {
	if o.Status != app.OK || o.Value == nil {
		return 0, false
	}
	if ind.Measure != app.Proportion {
		return *o.Value, part == 0
	}
	c := [2]*float64{o.Numerator, o.Denominator}[part]
	if c == nil {
		return 0, false
	}
	return *c, true
}

// subsetSum is the sum of the values vs whose bits mask sets.
func subsetSum(vs []float64, mask uint32) float64 {
	s := 0.0
	for i, v := range vs {
		if mask&(1<<i) != 0 {
			s += v
		}
	}
	return s
}
