package trend

import "scorecard/app"

// Flag is one thing an MI officer should look at in a period: an entry of
// `scorecard flags --json`.
type Flag struct {
	Ref    string     `json:"ref"`
	Area   app.Area   `json:"area"`
	Period app.Period `json:"period"`
	Kind   string     `json:"kind"`
	Detail string     `json:"detail"`
}

// Flags returns every flag for period p (the zero p: the history's latest
// month, or its latest period when it holds no months) across all
// indicators and areas for the All split of h, in scorecard order:
// indicator, then Kent before its districts. Each series is analysed as
// it stood at p, so a later figure never changes p's flags. A quarterly or
// annual series is flagged in the month its period ends, and one whose
// figure is overdue is flagged missing in each month after while it is
// (OffCycle.Overdue). The slice is never nil, so that it writes as [] in
// JSON when there is nothing to flag.
func Flags(h *app.History, p app.Period, opt Options) []Flag {
	return FlagsNoting(h, p, opt, nil)
}

// FlagsNoting is Flags with, for each series flagged at period q, an
// ExcludingDisagrees flag where disagrees(k, q) says what disagrees in
// its figure: a source's own figure excluding a cohort that cannot be
// right (cohort.Disagreement). disagrees may be nil.
func FlagsNoting(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) []Flag {
	out, _ := flagsNoting(h, p, opt, disagrees)
	return out
}

// FlagsRevising is FlagsNoting also returning what each Revised and
// Definition flag says as a Revision, its Key and Detail the flag's: a
// revised figure's earlier version is not in the flag, and a command
// that marks what a flag gives away must know it (the earlier figure a
// release withholds, disclosure.RevisedFromShown).
func FlagsRevising(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) ([]Flag, []Revision) {
	return flagsNoting(h, p, opt, disagrees)
}

// flagsNoting is FlagsNoting also returning, for each Revised and
// Definition flag, what it says as a Revision: the one place revisions
// are found, for flags, the brief and the pack alike.
func flagsNoting(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) ([]Flag, []Revision) {
	out := []Flag{}
	var revs []Revision
	if p.IsZero() {
		p = latest(h)
	}
	if p.IsZero() {
		return out, revs
	}
	opt = opt.withDefaults()
	res := newResults(true)
	targetSaid := map[string]bool{}
	late := newLateFills(h)
	defs := definitionsByRef(h)
	for _, k := range seriesInOrder(h) {
		if !h.InCirculation(k.Ref, p) {
			// Retired: its history is not p's news (QA27a 5).
			continue
		}
		ind, _ := h.Indicator(k.Ref)
		all := h.Series(k)
		obs, kind := seriesUntil(all, app.Period{})
		obs, kind, stray, clashes := asDataPeriod(ind, all, obs, kind)
		if len(obs) == 0 {
			continue
		}
		q, ok := reportedIn(kind, p)
		if !ok {
			// A month between quarters: a quarter not in by the month
			// it was due is flagged as long as it is overdue, as its
			// cell and the brief say it (OffCycle.Overdue).
			if f, ok := OverdueFlag(h, k, p, opt); ok {
				out = append(out, f)
			}
			continue
		}
		o := opt
		o.Until = q
		s := analyse(h, k, o, explainLast, res)
		add := func(kind, detail string) {
			out = append(out, Flag{Ref: k.Ref, Area: k.Area, Period: q, Kind: kind, Detail: detail})
		}
		if s.Len() == 0 {
			continue
		}
		last := s.Point(s.Len() - 1)
		if last.Period != q {
			if f, ok := stoppedBefore(ind, k, q, &s, obs, stray, opt.Window); ok {
				out = append(out, f)
			}
			continue
		}
		circ := late.circulation(h, k, q, s.observation(s.Len()-1))
		for i, kind := range last.Flags {
			if kind == Revised && last.Import != "" && !circ.has(late, last.Import) {
				// The month's own figure revised by an import since its
				// circulation: the later month's news, flagged there.
				continue
			}
			add(kind, last.FlagDetails[i])
			if kind == Revised {
				revs = append(revs, figureRevision(h, k, q, s.observation(s.Len()-1), last.FlagDetails[i]))
			}
		}
		for _, c := range clashes {
			if c.Kept.Period == q && !c.Agree(ind) {
				add(FiguresDisagree, c.Text(ind))
			}
		}
		if disagrees != nil {
			if d := disagrees(k, q); d != "" {
				add(ExcludingDisagrees, d)
			}
		}
		if !targetSaid[k.Ref] {
			// The year's target restated differently, and a definition
			// changed since this figure came: said once, on the
			// authority's series, which comes first.
			targetSaid[k.Ref] = true
			if t, ok := h.TargetYearOf(ind, q); ok && t.Replaced != nil {
				d := targetRevisionText(h, k, ind, t, obs, q)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: q, Target: &t, Import: t.Import, Detail: d, Standing: !defs.madeSince(t.Import, last.Import)})
			}
			for _, d := range defs.since(k.Ref, last.Import) {
				add(Definition, d.Sentence())
				revs = append(revs, Revision{Key: k, Period: q, Definition: &d, Import: d.Import.ID, Detail: d.Sentence()})
			}
		}
		// Earlier figures revised, or given late, by the imports that
		// brought this one as circulated (circulation), not by any
		// import since.
		if last.Import == "" {
			continue
		}
		for i := range s.Len() - 1 {
			o := s.observation(i)
			if o == nil {
				continue
			}
			now, was, ok := circ.gave(late, h, k, o)
			if !ok || was != nil && countsAdded(*was, *now) {
				continue
			}
			pt := s.Point(i)
			switch {
			case was != nil && now.Import == o.Import && lastRevision(h, k, o.Period, was):
				d := pt.Period.Label() + " " + revisionText(h, k, ind, pt)
				add(Revised, d)
				revs = append(revs, figureRevision(h, k, pt.Period, o, d))
			case was != nil:
				// Revised again since: said as circulated.
				d := pt.Period.Label() + " " + versionsText(ind, was, now)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: pt.Period, Was: *was, Now: *now, Import: now.Import, Detail: d})
			case late.filled(h, k, &s, i, now):
				at := pt
				at.Value, at.Status = now.Value, now.Status
				d := pt.Period.Label() + " " + lateText(ind, at)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: pt.Period, Now: *now, Late: true, Import: now.Import, Detail: d})
			}
		}
	}
	return out, revs
}

// latest returns the history's latest month or, for a history of
// quarterly or annual figures only (such as DfE's), its latest period.
func latest(h *app.History) app.Period {
	if p := h.Latest(); !p.IsZero() {
		return p
	}
	var last app.Period
	for _, k := range h.Keys() {
		if s := h.Series(k); len(s) > 0 {
			if p := s[len(s)-1].Period; last.IsZero() || p.End().After(last.End()) {
				last = p
			}
		}
	}
	return last
}

// reportedIn returns the period of kind k that is reported in p: p itself,
// or, when p is a month, the quarter or year ending in it, or when p is a
// quarter, the year reported in it (2024/25 in Jan-Mar 2025): a store of
// quarters flags a DfE year where the export and brief show it.
func reportedIn(k app.PeriodKind, p app.Period) (app.Period, bool) {
	if p.Kind == k {
		return p, true
	}
	if (p.IsYear() || p.Kind == app.Quarter) && (app.Period{Kind: k}).IsYear() {
		// A year of another kind ending within p, as app.ReportedIn
		// places it, so that flags and the export agree.
		for _, y := range []int{p.Year + 1, p.Year, p.Year - 1} {
			if q := (app.Period{Kind: k, Year: y}); app.ReportedIn(q, p) {
				return q, true
			}
		}
		return app.Period{}, false
	}
	if p.Kind != app.Month {
		return app.Period{}, false
	}
	for _, y := range []int{p.Year, p.Year - 1} {
		q := app.Period{Kind: k, Year: y}
		if k == app.Quarter {
			q.N = (p.N + 2) / 3
		}
		if e := q.End(); e.Year() == p.Year && int(e.Month()) == p.N {
			return q, true
		}
	}
	return app.Period{}, false
}
