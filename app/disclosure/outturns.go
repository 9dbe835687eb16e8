package disclosure

import (
	"slices"

	"scorecard/app"
)

// outturn is a previous-year outturn (app.OutturnGroup) taken into a
// release as the authority's figure for its year.
type outturn struct {
	key    app.SeriesKey
	period app.Period
	// own is whether h held a figure of its own for the year, which the
	// release protects in the outturn's stead.
	own bool
}

// withOutturns returns h with each previous-year outturn of the
// authority's own figure added as its year's figure where h holds none:
// a scorecard's outturn column prints the authority's count for the year
// as surely as a year column does, so its small numbers are withheld,
// and what it lets a reader work out (a year of its months) is protected,
// as a year figure's are. The outturns are listed so that the release
// can take them out again (settleOutturns). h itself is left alone.
func withOutturns(h *app.History, county app.Area) (*app.History, []outturn) {
	var out *app.History
	var added []outturn
	for _, ind := range h.Indicators() {
		for _, bm := range h.Benchmarks(ind.Ref) {
			if bm.Group != app.OutturnGroup || bm.Status != app.OK || bm.Value == nil {
				continue
			}
			k := app.SeriesKey{Ref: ind.Ref, Area: county}
			if _, ok := h.Observation(k, bm.Period); ok {
				added = append(added, outturn{key: k, period: bm.Period, own: true})
				continue
			}
			if out == nil {
				out = h.Clone()
			}
			s := slices.Clone(out.Series(k))
			i, _ := slices.BinarySearchFunc(s, bm.Period, func(o app.Observation, p app.Period) int { return o.Period.Compare(p) })
			s = slices.Insert(s, i, app.Observation{Ref: ind.Ref, Area: county, Period: bm.Period, Value: bm.Value, Import: bm.Import})
			out.SetSeries(k, s)
			added = append(added, outturn{key: k, period: bm.Period})
		}
	}
	if out == nil {
		return h, added
	}
	return out, added
}

// settleOutturns returns the released histories base and ex with the
// outturns withOutturns added taken out again, and with every outturn
// withheld in their benchmarks that the release withholds
// (withheldOutturns). The histories given are left alone.
func (r *release) settleOutturns(base, ex *app.History) (*app.History, *app.History) {
	if len(r.outturns) == 0 {
		return base, ex
	}
	withheld := r.withheldOutturns()
	settle := func(rh *app.History) *app.History {
		rh = rh.Clone()
		for _, o := range r.outturns {
			s := rh.Series(o.key)
			if i := slices.IndexFunc(s, func(f app.Observation) bool { return f.Period == o.period }); i >= 0 && !o.own {
				rh.SetSeries(o.key, slices.Delete(slices.Clone(s), i, i+1))
			}
		}
		for ref, ps := range withheld {
			bs := slices.Clone(rh.Benchmarks(ref))
			for i := range bs {
				if bs[i].Group == app.OutturnGroup && slices.Contains(ps, bs[i].Period) {
					bs[i].Value, bs[i].Status = nil, app.Suppressed
				}
			}
			rh.SetBenchmarks(ref, bs)
		}
		return rh
	}
	if base == ex {
		base = settle(base)
		return base, base
	}
	return settle(base), settle(ex)
}

// withheldOutturns returns, by indicator, the years whose previous-year
// outturns the release withholds: those whose year figure it withheld
// (the outturn's own, or the figure the year had beside it), and those
// themselves a small count where the year had a figure of its own the
// outturn may differ from.
func (r *release) withheldOutturns() map[string][]app.Period {
	withheld := map[string][]app.Period{}
	for _, o := range r.outturns {
		// As apply blanks it: withheld by this release or the source.
		got, _ := r.h.Observation(o.key, o.period)
		hide := r.hidden[figKey{o.key.Ref, o.key.Area, o.key.Split, o.period}] || got.Status == app.Suppressed
		if o.own && !hide {
			ind, _ := r.given.Indicator(o.key.Ref)
			for _, bm := range r.given.Benchmarks(o.key.Ref) {
				if bm.Group == app.OutturnGroup && bm.Period == o.period {
					hide = r.small(ind, &app.Observation{Value: bm.Value}, nil)
				}
			}
		}
		if hide {
			withheld[o.key.Ref] = append(withheld[o.key.Ref], o.period)
		}
	}
	return withheld
}
