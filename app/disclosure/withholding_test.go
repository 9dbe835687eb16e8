package disclosure

import (
	"testing"

	"scorecard/app"
)

// TestWithholdingIsTheRelease: what ReleaseWithholding says a release
// withholds, figure by figure and outturn by outturn, is what
// ReleaseFigures's base shows as c where the history holds a value: on
// the demo (quarters, years to date, rolling counts, changes, cohorts'
// complements, outturns), the demo with figures the source withheld, the
// demo revised by a later import (sticky figures, the releases before
// it), counts given without their figures, ten years of a proportion
// split by UASC, and small outturns, one beside its year's own figure
// withheld.
func TestWithholdingIsTheRelease(t *testing.T) {
	outturn := func(year, outturn float64) *app.History {
		fy24 := app.Period{Kind: app.FinancialYear, Year: 2024}
		h := app.NewHistory()
		h.Apply(&app.Dataset{
			Indicators: []app.Indicator{{Ref: "X", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12}},
			Observations: []app.Observation{{Ref: "X", Area: app.Kent, Period: fy24, Value: app.Float(year)},
				{Ref: "X", Area: app.Kent, Period: month(2025, 9), Value: app.Float(6)}},
			Benchmarks: []app.Benchmark{{Ref: "X", Period: fy24, Group: app.OutturnGroup, Value: app.Float(outturn)},
				{Ref: "X", Period: fy24, Group: "England", Value: app.Float(3)}},
		}, "I1")
		return h
	}
	figures, outturns := 0, 0
	for name, h := range map[string]*app.History{"demo": demoHistory(), "demo with two withheld": withTwoSourceWithheld(),
		"demo revised": revisedDemo(), "small counts revised": smallCountsRevised(), "counts without figures": impliedStore(),
		"a rolling count from nought": overTime(app.Rolling12, 0, 6, 8), "10 years": gridHistory(2),
		"a small outturn": outturn(40, 4), "the year's own figure withheld": outturn(3, 30)} {
		auth := app.AuthorityOf(h)
		base, _, _, _, _ := ReleaseFigures(h, nil, DefaultThreshold, auth)
		w := ReleaseWithholding(h, DefaultThreshold, auth)
		for _, k := range h.Keys() {
			for _, o := range h.Series(k) {
				got, _ := base.Observation(k, o.Period)
				want := got.Status == app.Suppressed && o.Status != app.Suppressed
				if w.Figure(k, o.Period) != want {
					t.Errorf("%s: %v %s: withheld %v, the release's base says %v", name, k, o.Period, !want, want)
				}
				if want {
					figures++
				}
			}
		}
		for _, ind := range h.Indicators() {
			released := base.Benchmarks(ind.Ref)
			for i, b := range h.Benchmarks(ind.Ref) {
				want := released[i].Status == app.Suppressed && b.Status != app.Suppressed
				if w.Benchmark(b) != want {
					t.Errorf("%s: %s's %s benchmark %s: withheld %v, the release's base says %v", name, ind.Ref, b.Group, b.Period, !want, want)
				}
				if want {
					outturns++
				}
			}
		}
	}
	if figures == 0 || outturns < 2 {
		t.Errorf("%d figures and %d outturns withheld; the cases should withhold both", figures, outturns)
	}
}
