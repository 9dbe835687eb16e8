package trend

import (
	"math"
	"testing"

	"scorecard/app"
)

// spike13 is 13 figures with one spike: mean 141/13 = 10.846; moving
// ranges 1, 2, 2, 2, 2, 13, 13, 2, 2, 2, 2, 2 (sum 45, mean 3.75).
// 3.267 × 3.75 = 12.251, so the two 13s are screened out and the mean
// moving range is 19/10 = 1.9: limits 10.846 ± 2.66 × 1.9 = 10.846 ±
// 5.054, 5.79 to 15.90. Unscreened they would be 10.846 ± 9.975, 0.87 to
// 20.82.
var spike13 = []float64{10, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11, 9, 11}

// TestScreenedLimits checks that moving ranges at or above 3.267 × the
// mean moving range are left out of the limits, as NHSRplotthedots does by
// default (screen_outliers = TRUE), within the figures the limits come
// from: the baseline, or each rebased part. Each case but "nothing to
// screen", "flat" and "screening that would leave no width" fails on
// limits from every moving range; that one fails on screened limits.
func TestScreenedLimits(t *testing.T) {
	H := cic05
	H.Polarity = app.HigherBetter
	count := H
	count.Unit, count.Measure, count.Decimals = app.Number, app.Count, 0
	at := func(i int) app.Period { return apr24.Add(i) }
	type limits struct {
		at                 int // the point whose chart it is
		mean, lower, upper float64
	}
	tests := []struct {
		name     string
		ind      app.Indicator
		vals     []float64
		settings []app.ChartSetting
		want     string
		charts   []limits
	}{
		// QA's SP06. Sum 8×50 + 8×52 + 80 + 62 = 958, mean 53.222. Moving
		// ranges: thirteen 2s, two 30s (the 80), two 10s (the 62); sum 106,
		// mean 6.235. 3.267 × 6.235 = 20.371 screens the 30s; the 10s stay:
		// (26 + 20)/15 = 3.067, limits 53.222 ± 8.157, 45.065 to 61.380
		// (QA's 45.07 rounded 45.065 again). 62 is above the upper limit (unscreened, 36.64 to 69.81, it was
		// common). The first 7 are a run below the mean.
		{name: "a spike screened out (QA SP06)", ind: H,
			vals: []float64{50, 52, 50, 52, 50, 52, 50, 80, 50, 52, 50, 52, 50, 52, 62, 52, 50, 52},
			want: "CCCCCCCIccccccIccc", charts: []limits{{0, 53.22, 45.06, 61.38}}},
		// NHSRplotthedots' own example (vignettes/deviations.Rmd): mean
		// 35/18 = 1.944; ranges fifteen 1s, an 8 and a 9 (mean 32/17 =
		// 1.882, cut 6.150): screened, 15/15 = 1, limits 1.944 ± 2.66,
		// which it gives as -0.72 to 4.6. A count stops at 0.
		{name: "NHSRplotthedots' example", ind: count,
			vals: []float64{1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1},
			want: "ccccIccccccccccccc", charts: []limits{{0, 1.94, 0, 4.60}}},
		// Ranges a 1 and eleven 2s, mean 23/12 = 1.917, cut 6.261: nothing
		// is screened, limits 10 ± 5.098.
		{name: "nothing to screen", ind: H, vals: base13,
			want: "ccccccccccccc", charts: []limits{{0, 10, 4.90, 15.10}}},
		// Every range 0, each "at" 3.267 × 0: NHSRplotthedots screens them
		// all and has no limits; here they sit on the mean.
		{name: "flat", ind: H, vals: repeat(10, 13),
			want: "ccccccccccccc", charts: []limits{{0, 10, 10, 10}}},
		// 100% in 12 of 13 months: ranges ten 0s and two 0.8s, mean
		// 1.6/12 = 0.133, cut 0.436, which would screen both 0.8s and
		// leave limits of no width, every 100 a special cause. The
		// unscreened mean stands: mean 1299.2/13 = 99.938, limits ±
		// 2.66 × 0.133 = 0.355, 99.58 to 100.29, a percentage stopping at
		// 100; only the 99.2 is below.
		{name: "screening that would leave no width", ind: H,
			vals: []float64{100, 100, 100, 100, 100, 100, 99.2, 100, 100, 100, 100, 100, 100},
			want: "ccccccCcccccc", charts: []limits{{0, 99.94, 99.58, 100}}},
		// The baseline is months 1 to 13, spike13: limits 5.79 to 15.90.
		// Neither the 30 from the 40 before it nor those of the 40 after it
		// are its ranges (with the first, 75/13 = 5.77 would screen only
		// it, leaving 3.75). 16 after the baseline is above the limit
		// (unscreened, common).
		{name: "screened within a fixed baseline", ind: H,
			vals:     concat([]float64{40}, spike13, []float64{16, 10, 40, 10}),
			settings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetBaseline, From: at(1), To: at(13)}},
			want:     "IccccccIccccccIcIc", charts: []limits{{0, 10.85, 5.79, 15.90}}},
		// Each part its own: base13 screens nothing (10 ± 5.098), spike13
		// screens its 13s (5.79 to 15.90); the range across the rebase is
		// neither's.
		{name: "screened within each rebased part", ind: H, vals: concat(base13, spike13),
			settings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: at(13), Note: "new model"}},
			want:     "cccccccccccccccccccIcccccc", charts: []limits{{0, 10, 4.90, 15.10}, {13, 10.85, 5.79, 15.90}}},
	}
	round := func(v float64) float64 { return math.Round(v*100) / 100 }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, kent, apr24, tt.vals...)
			h.Apply(&app.Dataset{ChartSettings: tt.settings}, "I9")
			pts := Analyse(h, kent, Options{})
			if got := classes(pts); got != tt.want {
				t.Errorf("signals\n got %s\nwant %s", got, tt.want)
			}
			for _, w := range tt.charts {
				c := pts[w.at].Chart
				if c == nil {
					t.Fatalf("point %d: no chart", w.at)
				}
				if got := (limits{w.at, round(c.Mean), round(c.Lower), round(c.Upper)}); got != w {
					t.Errorf("point %d: mean %.2f, limits %.2f to %.2f; want %.2f, %.2f to %.2f",
						w.at, got.mean, got.lower, got.upper, w.mean, w.lower, w.upper)
				}
			}
		})
	}
}
