package cohort

import (
	"slices"

	"scorecard/app"
)

// revise gives f, the figure of All series k excluding the cohorts, the
// versions it had: the figure worked out again as the figures it comes
// from stood after each import that brought a version of any of them.
// Revising the figure for all children, the source's own excluding
// figure or only a cohort's revises it when, and only when, the figure
// worked out changes; the earlier versions of the figure for all
// children are not its own.
func (ex *excluder) revise(out *app.History, ind app.Indicator, k app.SeriesKey, f *app.Observation) {
	if f.Status == app.CannotExclude {
		// A district's figure may yet be its own (identities), versions
		// and all.
		return
	}
	p := f.Period
	// Room for two cohorts' keys on the stack: asked of every figure.
	var room [4]app.SeriesKey
	keys := append(room[:0], k, app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: ex.split})
	for _, c := range ex.cs {
		keys = append(keys, app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: app.Only(c)})
	}
	if !slices.ContainsFunc(keys, func(key app.SeriesKey) bool { return len(ex.h.Revisions(key, p)) > 0 }) {
		return // the common case: one version of everything
	}
	versions := make([][]app.Observation, len(keys)) // each figure's, oldest first
	var cuts []string                                // the imports that brought any
	for i, key := range keys {
		vs := ex.h.Revisions(key, p)
		if cur, ok := ex.h.Observation(key, p); ok {
			vs = append(slices.Clip(vs), cur)
		}
		versions[i] = vs
		for _, v := range vs {
			cuts = append(cuts, v.Import)
		}
	}
	slices.SortFunc(cuts, ex.order.Compare)
	cuts = slices.Compact(cuts)
	parts := make([]app.Observation, len(ex.cs))
	var figs []app.Observation // the distinct figures worked out, oldest first
	for _, cut := range cuts {
		// at is figure i as it stood after the import cut; complete is
		// false while a figure the current one comes from had yet to come.
		complete := true
		at := func(i int) *app.Observation {
			var o *app.Observation
			for j := range versions[i] {
				if ex.order.Compare(versions[i][j].Import, cut) <= 0 {
					o = &versions[i][j]
				}
			}
			if o == nil && len(versions[i]) > 0 {
				complete = false
			}
			return o
		}
		a, s := at(0), at(1)
		for i := range ex.cs {
			if o := at(2 + i); o != nil {
				parts[i] = *o
			}
		}
		if !complete {
			continue
		}
		g := ex.compose(ind, k, a, s, parts, "", false)
		g.Import = cut
		if n := len(figs); n > 0 && figs[n-1].SameFigures(g) {
			continue
		}
		figs = append(figs, g)
	}
	if len(figs) == 0 {
		return
	}
	f.Import, f.Revision = figs[len(figs)-1].Import, int32(len(figs)-1)
	out.SetRevisions(k, p, figs[:len(figs)-1])
}
