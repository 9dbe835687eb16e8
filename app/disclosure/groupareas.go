package disclosure

import (
	"cmp"
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
// that its figures show to be the sum of some districts h holds, every
// set of those districts whose figures sum to its own in every place
// they all give, bar one in ten (a revision since), one at least not
// nought. Every such set, not the fewest alone: from one indicator's
// figures a coincidental pair may pass beside the true three, and a
// release of that indicator alone taking the pair left the three's sum
// to tell a district another export withheld.
func groupAreas(h *app.History, auth *app.Authority) map[app.Area][][]app.Area {
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
	var out map[app.Area][][]app.Area
	for g, keys := range others {
		if sets := sumsOfDistricts(h, keys, districts); len(sets) > 0 {
			if out == nil {
				out = map[app.Area][][]app.Area{}
			}
			out[g] = sets
		}
	}
	return out
}

// groupFigure is one count of an area's figure (counts: a count's value,
// a percentage's numerator, denominator and the rest) and the
// districts' beside it.
type groupFigure struct {
	total     float64
	districts []float64
}

// sumsOfDistricts returns the sets of districts whose figures sum to
// those of the series keys of one area (groupAreas).
func sumsOfDistricts(h *app.History, keys []app.SeriesKey, districts []app.Area) [][]app.Area {
	var figs []groupFigure
	for _, k := range keys {
		ind, _ := h.Indicator(k.Ref)
		for _, o := range h.Series(k) {
			if o.Status != app.OK {
				continue
			}
			totals := counts(ind, &o, nil)
			// By count (a percentage's numerator, denominator and the
			// rest), each district's beside the area's.
			parts := make([][]float64, len(totals))
			for _, d := range districts {
				do, ok := h.Observation(app.SeriesKey{Ref: k.Ref, Area: d, Split: k.Split}, o.Period)
				var dc []float64
				if ok && do.Status == app.OK {
					dc = counts(ind, &do, nil)
				}
				if len(dc) != len(totals) {
					parts = nil
					break
				}
				for i, c := range dc {
					parts[i] = append(parts[i], c)
				}
			}
			for i, total := range totals {
				if parts != nil {
					figs = append(figs, groupFigure{total: total, districts: parts[i]})
				}
			}
		}
	}
	// The subsets each of the five largest figures allows (the fewest),
	// weighed against every other: one figure alone may be one a
	// revision has put off.
	order := make([]int, len(figs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(figs[j].total, figs[i].total) })
	tried := map[uint32]bool{}
	var passed []uint32
	for _, seed := range order[:min(5, len(order))] {
		if figs[seed].total <= 0 {
			break
		}
		for mask := uint32(1); mask < 1<<len(districts); mask++ {
			if tried[mask] || subsetSum(figs[seed].districts, mask) != figs[seed].total {
				continue
			}
			tried[mask] = true
			held, off := 0, 0
			for _, f := range figs {
				switch {
				case subsetSum(f.districts, mask) != f.total:
					off++
				case f.total != 0:
					held++
				}
			}
			if held > 0 && off*10 <= held {
				passed = append(passed, mask)
			}
		}
	}
	slices.Sort(passed)
	var sets [][]app.Area
	for _, mask := range passed {
		var members []app.Area
		for i, d := range districts {
			if mask&(1<<i) != 0 {
				members = append(members, d)
			}
		}
		sets = append(sets, members)
	}
	return sets
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
