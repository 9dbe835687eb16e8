package main

import (
	"flag"
	"fmt"
	"slices"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/store"
	"scorecard/app/trend"
)

// show and flags use every figure, as the officer needs them; but their
// output is pasted into e-mails, and a figure the export and the brief
// withhold must not go out that way unmarked (QA31 5). Each figure they
// print that a release for circulation at --suppress withholds is marked
// so, the release being the export's own (disclosure.ReleaseFigures).

// notForCirculation is the mark beside a figure a release withholds.
const notForCirculation = "[not for circulation: small numbers]"

// notForCirculationNote is the line that ends a text output holding any
// figure so marked.
func notForCirculationNote(below int) string {
	return fmt.Sprintf("%s: withheld from what is circulated (scorecard export and brief, --suppress %d), as a small number or one that would give one away: do not paste it into an e-mail; scorecard brief words the news for circulation",
		notForCirculation, below)
}

// suppressFlag is --suppress for a command that marks what a release
// withholds rather than withholding it.
func suppressFlag(fs *flag.FlagSet, e *env) {
	fs.IntVar(&e.suppress, "suppress", disclosure.DefaultThreshold, "mark the figures the export withholds at `N` (the default 5, as export's and brief's) as not for circulation; 0 = none but the source's")
}

// release is the figures of a view before and after a release for
// circulation: shown's All series are the figures excluding the view's
// cohorts, as its own are.
type release struct {
	figures, shown *app.History
	// withheldAt is, by indicator, the periods for which the release
	// withholds a figure the view held (made once: flags asks it of every
	// flag, of tens of thousands on a large store).
	withheldAt map[string]map[app.Period]bool
	// of, where set, is the release of one indicator's figures
	// (releaseOfIndicator), asked in place of shown, which is nil.
	of *disclosure.Withholding
}

// newRelease indexes what shown withholds of figures.
func newRelease(figures, shown *app.History) release {
	r := release{figures: figures, shown: shown, withheldAt: map[string]map[app.Period]bool{}}
	for _, k := range shown.Keys() {
		for _, o := range shown.Series(k) {
			if o.Status == app.Suppressed {
				if r.withheldAt[k.Ref] == nil {
					r.withheldAt[k.Ref] = map[app.Period]bool{}
				}
				r.withheldAt[k.Ref][o.Period] = true
			}
		}
	}
	return r
}

// withholds reports whether the release withholds the figure of k for
// p that the view holds: c as circulated, with a value or counts before.
// A figure the source withheld is c already and is not marked again.
func (r release) withholds(k app.SeriesKey, p app.Period) bool {
	if r.of != nil {
		return r.of.Figure(k, p)
	}
	if r.shown == nil {
		return false
	}
	o, ok := r.shown.Observation(k, p)
	if !ok || o.Status != app.Suppressed {
		return false
	}
	was, ok := r.figures.Observation(k, p)
	return ok && was.Status != app.Suppressed
}

// withholdsBenchmark reports whether the release withholds benchmark b
// that the view holds: a previous-year outturn is the authority's own
// figure for the year, withheld as that year's would be (c as
// circulated, with a value before). A benchmark of others (England, the
// neighbours) is published by them and never withheld.
func (r release) withholdsBenchmark(b app.Benchmark) bool {
	if r.of != nil {
		return r.of.Benchmark(b)
	}
	if r.shown == nil {
		return false
	}
	find := func(h *app.History) (app.Benchmark, bool) {
		bs := h.Benchmarks(b.Ref)
		i := slices.IndexFunc(bs, func(o app.Benchmark) bool {
			return o.Period == b.Period && o.Group == b.Group && o.Model == b.Model
		})
		if i < 0 {
			return app.Benchmark{}, false
		}
		return bs[i], true
	}
	now, ok := find(r.shown)
	if !ok || now.Status != app.Suppressed {
		return false
	}
	was, ok := find(r.figures)
	return ok && was.Status != app.Suppressed
}

// markWithheld marks each of r's points (and its quarterly and annual
// figures) of series k, and each of its benchmarks, that the release for
// circulation at --suppress withholds, reporting whether any is: a
// previous-year outturn the release withholds, and the same outturn
// standing in for a month, which the export writes as c, among them.
// Excluding cohorts, the view holds the whole store and the release is
// the brief's; otherwise it is of the indicator alone and what its
// release depends on (releaseOfIndicator), read from the store.
func (v *view) markWithheld(e *env, k app.SeriesKey, r *showReport) (marked bool, err error) {
	r.Suppress = e.suppress
	var rel release
	if len(v.excluded) > 0 {
		_, rel = releaseOf(v, e.suppress)
	} else if rel, err = releaseOfIndicator(e, k.Ref, e.suppress, v.auth, v.heldAlone(k.Ref)); err != nil {
		return false, err
	}
	for _, pts := range [][]showPoint{r.Points, r.Quarterly, r.Annual} {
		// The periods of pts by kind and start, to find each one's
		// period a year before.
		type startOf struct {
			kind  app.PeriodKind
			start time.Time
		}
		at := make(map[startOf]app.Period, len(pts))
		for _, p := range pts {
			at[startOf{p.Period.Kind, p.Period.Start()}] = p.Period
		}
		for i := range pts {
			p := &pts[i]
			if before, ok := at[startOf{p.Period.Kind, p.Period.Start().AddDate(-1, 0, 0)}]; ok && p.LastYear != nil && rel.withholds(k, before) {
				p.LastYearNotForCirculation = true // not printed in the text
			}
			if rel.withholds(k, p.Period) {
				p.NotForCirculation, marked = true, true
			}
			if p.Change != nil && rel.withholds(k, p.Period.Add(-max(1, p.ChangeLag))) {
				p.ChangeNotForCirculation, marked = true, true
			}
		}
	}
	for i := range r.Benchmarks {
		if b := &r.Benchmarks[i]; rel.withholdsBenchmark(b.Benchmark) {
			b.NotForCirculation, marked = true, true
		}
	}
	return marked, nil
}

// releaseOf is the release of the whole of v, as the brief makes it,
// the figures excluding the cohorts withheld with all children's: v.h,
// which the release would otherwise work out again.
func releaseOf(v *view, below int) (all, ex release) {
	base, shown, _ := disclosure.ReleaseExcluded(v.all, v.h, v.excluded, below, v.auth)
	return newRelease(v.all, base), newRelease(v.h, shown)
}

// releaseOfIndicator is the release of indicator ref's figures in every
// area, all children's, as the export makes it an indicator at a time:
// with the figures beside them that its release depends on (a change's
// count, a percentage's twin: disclosure.Beside), read from the store,
// so that show, which reads one indicator, stays quick (issue 17). held,
// when not nil, is ref's figures as the store's LoadIndicator gives them,
// read already: the store is read again only for what is beside them.
func releaseOfIndicator(e *env, ref string, below int, auth *app.Authority, held *app.History) (release, error) {
	return readStore(e, func(st store.Store) (release, error) {
		h := held
		if h == nil {
			var err error
			if h, err = st.LoadIndicator(ref); err != nil {
				return release{}, err
			}
		}
		load := st.LoadIndicator
		if b, ok := st.(*store.Bolt); ok {
			// The definitions read once, not again for each candidate
			// twin or months: a percentage's may be some twenty counts.
			if _, candidates := disclosure.Beside(h, ref); len(candidates) > 0 || len(disclosure.MonthsCandidates(h, ref)) > 0 {
				pieces, err := b.Piecewise()
				if err != nil {
					return release{}, err
				}
				load = pieces.LoadIndicator
			}
		}
		both, err := disclosure.NewReader(load).WithBeside(ref, h)
		if err != nil {
			return release{}, err
		}
		// What it withholds, not the figures it releases: show marks
		// them, and copying every series with one withheld was a third
		// of a long history's release.
		w := disclosure.ReleaseWithholding(both, below, auth)
		return release{figures: both, of: &w}, nil
	})
}

// heldAlone is the view's figures of ref when the view holds ref's
// records alone, as releaseOfIndicator would read them; nil otherwise.
func (v *view) heldAlone(ref string) *app.History {
	if v.one != ref {
		return nil
	}
	return v.all
}

// flagWithheld reports whether flag f, of the view's figures (r), gives
// a figure the release withholds: the figure it is of, or the one
// before it in the series, whose change a reversal or a special cause
// quotes; for a revision, the figure now or, where the release would
// not give it (disclosure.RevisedFromShown), the earlier one. revs are
// the flags' revisions (trend.FlagsRevising).
func flagWithheld(r release, f trend.Flag, revs map[revisionAt]trend.Revision, below int) bool {
	k := app.SeriesKey{Ref: f.Ref, Area: f.Area, Split: app.All}
	if f.Kind == trend.Revised || f.Kind == trend.Definition {
		if rv, ok := revs[revisionAt{k, f.Detail}]; ok {
			if rv.Target != nil || rv.Definition != nil {
				return false
			}
			if r.withholds(k, rv.Period) {
				return true
			}
			was := rv.Was
			return !rv.Late && (was.Value != nil || was.Numerator != nil || was.Denominator != nil) &&
				r.shown != nil && r.earlierGivesAway(k, rv.Period, was, below)
		}
	}
	if r.withholds(k, f.Period) {
		return true
	}
	s := r.figures.Series(k)
	i := slices.IndexFunc(s, func(o app.Observation) bool { return o.Period == f.Period })
	return i > 0 && r.withholds(k, s[i-1].Period)
}

// earlierGivesAway reports whether a revision's earlier figure, was,
// may give away what the release withholds: beside any figure of the
// indicator it withholds for p (a district's or a cohort's, which the
// earlier county figure could pin), or a count itself below the
// threshold. It is the quick part of disclosure.RevisedFromShown, whose
// replay of the releases before each revising import, asked of every
// revision flags lists, took minutes on a store of many revisions: so a
// mark may be given where the brief, which asks the whole question, would
// give the earlier figure.
func (r release) earlierGivesAway(k app.SeriesKey, p app.Period, was app.Observation, below int) bool {
	if r.withheldAt[k.Ref][p] {
		return true
	}
	for _, n := range []*float64{was.Value, was.Numerator} {
		if ind, ok := r.figures.Indicator(k.Ref); ok && n != nil && (n == was.Numerator || ind.Measure == app.Count) && *n > 0 && *n < float64(below) {
			return true
		}
	}
	return false
}

// revisionAt finds the revision a flag is of: its series and words.
type revisionAt struct {
	key    app.SeriesKey
	detail string
}

// revisionsAt indexes revs for flagWithheld, the first of each kept as
// a search in order would find it.
func revisionsAt(revs []trend.Revision) map[revisionAt]trend.Revision {
	out := make(map[revisionAt]trend.Revision, len(revs))
	for _, rv := range revs {
		if _, ok := out[revisionAt{rv.Key, rv.Detail}]; !ok {
			out[revisionAt{rv.Key, rv.Detail}] = rv
		}
	}
	return out
}
