package export

import (
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
