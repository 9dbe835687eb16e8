package main

import (
	"fmt"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/trend"
)

// countsAdded counts the figures import id stored from ds that the store
// counted as revised (app.Counts.Revisions) but that give the figure held
// again with only the counts behind it added: a child-level list's 387
// children in care beside the scorecard's 387 (trend.FigureRevised). The
// import's summary says them apart, as flags and the brief do, so that
// its "revised" count is of figures that changed. Only a figure with a
// numerator or denominator can have had its counts added, so an import
// of figures alone reads nothing.
func countsAdded(st store.Store, ds *app.Dataset, id string) (int, error) {
	type figure struct {
		k app.SeriesKey
		p app.Period
	}
	byRef := map[string][]figure{}
	seen := map[figure]bool{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		f := figure{o.Key(), o.Period}
		if o.Numerator == nil && o.Denominator == nil || seen[f] {
			continue
		}
		seen[f] = true
		byRef[o.Ref] = append(byRef[o.Ref], f)
	}
	if len(byRef) == 0 {
		return 0, nil
	}
	read := store.IndicatorReader(st)
	n := 0
	for ref, figures := range byRef {
		h, err := read(ref)
		if err != nil {
			return 0, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		for _, f := range figures {
			now, ok := h.Observation(f.k, f.p)
			revs := h.Revisions(f.k, f.p)
			if !ok || now.Import != id || len(revs) == 0 || now.Restates(revs[len(revs)-1]) {
				// Not this import's, or a restatement the store did not
				// count as revised.
				continue
			}
			if !trend.FigureRevised(h, f.k, f.p) {
				n++
			}
		}
	}
	return n, nil
}
