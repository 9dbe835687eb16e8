package disclosure

import (
	"scorecard/app"
)

// figs are the figures of one indicator the release publishes, in the
// histories' own series.
type figs map[figKey]*app.Observation

// figure is one figure the release publishes, where it is in the
// histories' series and the series it is published in: 16 bytes, where
// its key is 72, and a long history's figures are listed all at once
// (groups).
type figure struct {
	s *splitSeries
	o *app.Observation
}

// key returns f's key.
func (f figure) key() figKey { return figKey{f.s.ref, f.s.area, f.s.split, f.o.Period} }

// refKeys are the series of one indicator: all of h's, and the All
// series of each exclusion (ex[i] those of r.exs[i]), which give its
// figures excluding the cohorts.
type refKeys struct {
	h  []app.SeriesKey
	ex [][]app.SeriesKey
}

// byRef returns the series the release publishes, indicator by
// indicator.
func (r *release) byRef() []refKeys {
	var out []refKeys
	at := map[string]int{}
	add := func(k app.SeriesKey) *refKeys {
		i, ok := at[k.Ref]
		if !ok {
			i = len(out)
			at[k.Ref] = i
			out = append(out, refKeys{})
		}
		return &out[i]
	}
	for _, k := range r.h.Keys() {
		rk := add(k)
		rk.h = append(rk.h, k)
	}
	// A cohort's complement is published only for an indicator split by
	// it, so each indicator's release is the same whether it is worked
	// out alone (export.WriteFrom) or in the whole history.
	split := map[string]map[app.Split]bool{}
	for _, k := range r.h.Keys() {
		if _, ok := k.Split.Cohort(); ok {
			if split[k.Ref] == nil {
				split[k.Ref] = map[app.Split]bool{}
			}
			split[k.Ref][k.Split] = true
		}
	}
	for i, e := range r.exs {
		own := r.hasEx && i == 0
		for _, k := range e.h.Keys() {
			if c := e.split.Excluded(); k.Split == app.All && (own || len(c) == 1 && split[k.Ref][app.Only(c[0])]) {
				rk := add(k)
				for len(rk.ex) <= i {
					rk.ex = append(rk.ex, nil)
				}
				rk.ex[i] = append(rk.ex[i], k)
			}
		}
	}
	return out
}

// splitSeries is one series of an indicator's figures as the release
// publishes it: an exclusion's All series under the exclusion's split.
type splitSeries struct {
	ref   string
	area  app.Area
	split app.Split
	obs   []app.Observation
}

// series lists the series of one indicator the release publishes, h's
// and then each exclusion's: where two give a figure under one split (h's
// own excluding a cohort, and the exclusion's), the later is the one
// published.
func (r *release) series(keys refKeys) []splitSeries {
	n := len(keys.h)
	for _, ks := range keys.ex {
		n += len(ks)
	}
	out := make([]splitSeries, 0, n)
	for _, k := range keys.h {
		out = append(out, splitSeries{k.Ref, k.Area, k.Split, r.h.Series(k)})
	}
	for i, ks := range keys.ex {
		for _, k := range ks {
			out = append(out, splitSeries{k.Ref, k.Area, r.exs[i].split, r.exs[i].h.Series(k)})
		}
	}
	return out
}
