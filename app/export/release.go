package export

import (
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
// release withheld (countLeftOut, suppressedOn).
func circulated(h *app.History, cs []app.Cohort, below int, auth *app.Authority) (base, ex, figures *app.History, warns []app.Warning) {
	base, ex, figures, _, warns = disclosure.ReleaseFigures(h, cs, below, auth)
	return base, ex, figures, warns
}

// circulatedAlone is circulated for h, one indicator's figures as a
// Source reads them, all children's: a change's release depends on its
// count's, and a percentage's or rate's given without counts on the count
// or twin that gives its count away (disclosure.Reader), which are released
// beside it, and only ref's figures kept. unprotected says whether ref is
// a percentage or rate that nothing ties to a count
// (disclosure.UnprotectedIn); warns are the release's, of the figures
// released beside ref's too.
func circulatedAlone(rd *disclosure.Reader, ref string, h *app.History, below int, auth *app.Authority) (_ *app.History, unprotected []disclosure.Unprotected, warns []app.Warning, err error) {
	both, err := rd.WithBeside(ref, h)
	if err != nil {
		return nil, nil, nil, err
	}
	if both == h {
		base, _, _, warns := circulated(h, nil, below, auth)
		return base, disclosure.UnprotectedIn(h, below, auth.Area()), warns, nil
	}
	released, _, _, warns := circulated(both, nil, below, auth)
	out := h.Clone()
	for _, k := range h.Keys() {
		out.SetSeries(k, slices.Clone(released.Series(k)))
	}
	// An outturn the release withholds with its year (disclosure).
	out.SetBenchmarks(ref, released.Benchmarks(ref))
	for _, u := range disclosure.UnprotectedIn(both, below, auth.Area()) {
		if u.Indicator.Ref == ref {
			unprotected = append(unprotected, u)
		}
	}
	return out, unprotected, warns, nil
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
