package trend

import (
	"cmp"
	"slices"

	"scorecard/app"
)

// seriesInOrder lists the All-split series of h in scorecard order.
func seriesInOrder(h *app.History) []app.SeriesKey {
	order := map[string]int{}
	for i, ind := range h.Indicators() {
		order[ind.Ref] = i
	}
	var ks []app.SeriesKey
	for _, k := range h.Keys() {
		if k.Split == app.All {
			ks = append(ks, k)
		}
	}
	refRank := func(ref string) int {
		if i, ok := order[ref]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(ks, func(a, b app.SeriesKey) int {
		return cmp.Or(cmp.Compare(refRank(a.Ref), refRank(b.Ref)), cmp.Compare(a.Ref, b.Ref),
			cmp.Compare(areaRank(a.Area), areaRank(b.Area)), cmp.Compare(a.Area, b.Area))
	})
	return ks
}

// areaRank puts the authority first, then its districts in scorecard
// order, then the pseudo-areas, then anything else.
func areaRank(a app.Area) int {
	if i := slices.Index(app.Areas, a); i >= 0 {
		return i
	}
	if i, ok := app.AreaOrder(a); ok && i < len(app.Areas) {
		return i
	}
	switch a {
	case app.OutOfCounty:
		return len(app.Areas)
	case app.UASCService:
		return len(app.Areas) + 1
	}
	return len(app.Areas) + 2
}
