package export

import (
	"fmt"
	"slices"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// circulated returns the figures to circulate: base, all of h's series,
// and ex, whose All series exclude the cohorts cs, with small numbers
// suppressed across both at once when asked (disclosure.Release), so
// every sheet shows the same suppression and nothing withheld on one can
// be worked out from another.
//
// Disclosure is asked even when no threshold is set, since a figure the
// source suppressed must lose its components on every sheet.
//
// figures are ex before suppression, which say what a withheld figure's
// rating is (the exceptions brief gives it) and which figures the
// release withheld (countLeftOut).
func circulated(h *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex, figures *app.History, suppressed int, warns []app.Warning) {
	return disclosure.ReleaseFigures(h, cs, below, auth)
}

// besides reads, for a release worked out an indicator at a time, the
// figures each indicator's release depends on (disclosure.Beside).
type besides struct {
	src Source
	// countless are the indicators read whose figures carry no counts:
	// no percentage's twin (disclosure.CarriesCounts), so not read
	// again to be tested. Reading and releasing every candidate beside
	// each percentage made the large export take seconds.
	countless map[string]bool
}

func newBesides(src Source) *besides {
	return &besides{src: src, countless: map[string]bool{}}
}

// read is src.LoadIndicator(ref), noting whether ref carries counts.
func (bs *besides) read(ref string) (*app.History, error) {
	h, err := bs.src.LoadIndicator(ref)
	if err != nil {
		return nil, err
	}
	if !disclosure.CarriesCounts(h, ref) {
		bs.countless[ref] = true
	}
	return h, nil
}

// of returns h, ref's figures, with the figures ref's release depends on
// beside them: what it needs, and its twin, the first candidate read that
// is (disclosure.Twin), with what the twin needs. It returns h itself
// when ref's release depends on nothing else.
func (bs *besides) of(ref string, h *app.History) (*app.History, error) {
	needs, candidates := disclosure.Beside(h, ref)
	read := map[string]*app.History{}
	for _, c := range candidates {
		if bs.countless[c] {
			continue
		}
		hc, err := bs.read(c)
		if err != nil {
			return nil, fmt.Errorf("%s, which may be %s's twin: %w", c, ref, err)
		}
		if more, ok := disclosure.Twin(h, ref, hc, c); ok {
			needs, read[c] = append(needs, more...), hc
			break
		}
	}
	if len(needs) == 0 {
		return h, nil
	}
	slices.Sort(needs)
	both := h.Clone()
	for _, other := range slices.Compact(needs) {
		ho, ok := read[other]
		if !ok {
			var err error
			if ho, err = bs.src.LoadIndicator(other); err != nil {
				return nil, fmt.Errorf("%s, whose figures %s's release depends on: %w", other, ref, err)
			}
		}
		both.Gather(ho, other, func(app.Observation) bool { return true })
	}
	return both, nil
}

// circulatedAlone is circulated for h, one indicator's figures as a
// Source reads them, all children's: a change's release depends on its
// count's, and a percentage's or rate's given without counts on the count
// or twin that gives its count away (besides.of), which are released
// beside it, and only ref's figures kept. suppressed counts ref's alone;
// unprotected says whether ref is a percentage or rate that nothing ties
// to a count (disclosure.UnprotectedIn).
func circulatedAlone(bs *besides, ref string, h *app.History, below int, auth *app.Authority) (_ *app.History, suppressed int, unprotected []disclosure.Unprotected, err error) {
	both, err := bs.of(ref, h)
	if err != nil {
		return nil, 0, nil, err
	}
	if both == h {
		base, _, _, n, _ := circulated(h, nil, below, auth)
		return base, n, disclosure.UnprotectedIn(h, below, auth.Area()), nil
	}
	released, _, _, _, _ := circulated(both, nil, below, auth)
	out, n := h.Clone(), 0
	for _, k := range h.Keys() {
		was, s := h.Series(k), slices.Clone(released.Series(k))
		for i := range s {
			if s[i].Status == app.Suppressed && was[i].Status != app.Suppressed {
				n++
			}
		}
		out.SetSeries(k, s)
	}
	// An outturn the release withholds with its year (disclosure).
	out.SetBenchmarks(ref, released.Benchmarks(ref))
	for _, u := range disclosure.UnprotectedIn(both, below, auth.Area()) {
		if u.Indicator.Ref == ref {
			unprotected = append(unprotected, u)
		}
	}
	return out, n, unprotected, nil
}

// addUnprotected says in the summary, its warnings and so the Provenance
// sheet, which percentages and rates given without counts suppression
// cannot protect (disclosure.UnprotectedIn).
func (s *Summary) addUnprotected(us []disclosure.Unprotected) {
	for _, u := range us {
		s.Unprotected = append(s.Unprotected, u.Indicator.Ref)
		s.Warnings = append(s.Warnings, app.Warning{Message: u.String()})
	}
}

// countLeftOut adds to left, indicator by indicator, how many of area's
// figures up to period released withholds that figures hold: figures the
// release withheld for small numbers, which the analysis of the released
// series (trend, changes, SPC mean and limits) leaves out, so that they
// cannot be worked out from it. Such an analysis differs from the app's,
// which uses every figure, and the workbook says so.
func countLeftOut(left map[string]int, figures, released *app.History, area app.Area, period app.Period) {
	end := period.End()
	for _, k := range released.Keys() {
		if k.Area != area || k.Split != app.All {
			continue
		}
		for _, p := range disclosure.Withheld(figures.Series(k), released.Series(k)) {
			if !p.End().After(end) {
				left[k.Ref]++
			}
		}
	}
}
