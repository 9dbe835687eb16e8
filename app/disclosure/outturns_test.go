package disclosure

import (
	"testing"

	"scorecard/app"
)

// TestReleaseWithholdsOutturns: a scorecard's "Previous year outturn"
// column prints the authority's own count for the year (QA22 F3: an
// outturn of 4 was printed under "counts of 1 to 4 are suppressed"). It
// is withheld as the year's figure would be: for its size, where the
// year's own figure is withheld, and where it would give a withheld
// month away (the year less the other months); the figures the release
// returns are the history's, the outturn taken out again, and the
// history given is left alone.
func TestReleaseWithholdsOutturns(t *testing.T) {
	fy24 := app.Period{Kind: app.FinancialYear, Year: 2024}
	months := func(vs ...float64) []at {
		var figs []at
		for i, v := range vs {
			figs = append(figs, at{month(2024, 4).Add(i), v})
		}
		return figs
	}
	tests := []struct {
		name    string
		period  app.DataPeriod
		figs    []at
		outturn float64
		// want is the outturn as released; wantShown, months shown.
		want      string
		wantShown int
	}{
		{"a small outturn", app.Rolling12, []at{{month(2025, 9), 6.0}}, 4, "c", 1},
		{"an outturn of a good size", app.Rolling12, []at{{month(2025, 9), 6.0}}, 40, "40", 1},
		{"the year's own figure withheld", app.Rolling12, []at{{fy24, 3.0}, {month(2025, 9), 6.0}}, 30, "c", 1},
		// Twelve months of 10 but one of 2: the year's 112 less the
		// eleven others is the 2, so another month goes with it.
		{"a year of its months", app.Monthly, months(10, 10, 10, 10, 10, 2, 10, 10, 10, 10, 10, 10), 112, "112", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obs []app.Observation
			for _, f := range tt.figs {
				obs = append(obs, app.Observation{Ref: "X", Area: app.Kent, Period: f.p, Value: app.Float(f.v.(float64))})
			}
			h := app.NewHistory()
			h.Apply(&app.Dataset{
				Indicators:   []app.Indicator{{Ref: "X", Measure: app.Count, Unit: app.Number, DataPeriod: tt.period}},
				Observations: obs,
				Benchmarks:   []app.Benchmark{{Ref: "X", Period: fy24, Group: app.OutturnGroup, Value: app.Float(tt.outturn)}},
			}, "I1")
			base, ex, n, _ := Release(h, nil, DefaultThreshold)
			for name, rh := range map[string]*app.History{"base": base, "ex": ex} {
				bs := rh.Benchmarks("X")
				if len(bs) != 1 {
					t.Fatalf("%s: %d benchmarks, want the outturn", name, len(bs))
				}
				got := bs[0].Status.String()
				if bs[0].Value != nil {
					got = formatted(*bs[0].Value)
					if bs[0].Status != app.OK {
						t.Errorf("%s: the outturn is %s with its figure left in", name, bs[0].Status)
					}
				}
				if got != tt.want {
					t.Errorf("%s: outturn released as %s, want %s", name, got, tt.want)
				}
			}
			shown := 0
			for _, o := range base.Series(app.SeriesKey{Ref: "X", Area: app.Kent}) {
				if o.Period == fy24 && len(tt.figs) > 0 && tt.figs[0].p != fy24 {
					t.Errorf("the outturn is left among the figures: %+v", o)
				}
				if o.Period.Kind == app.Month && o.Status == app.OK {
					shown++
				}
			}
			if shown != tt.wantShown {
				t.Errorf("%d months shown, want %d (%d withheld in all)", shown, tt.wantShown, n)
			}
			if bm := h.Benchmarks("X")[0]; bm.Value == nil || *bm.Value != tt.outturn {
				t.Errorf("the history given changed: its outturn is now %+v", bm)
			}
			if len(h.Series(app.SeriesKey{Ref: "X", Area: app.Kent})) != len(tt.figs) {
				t.Errorf("the history given changed: %d figures, want %d", len(h.Series(app.SeriesKey{Ref: "X", Area: app.Kent})), len(tt.figs))
			}
		})
	}
}
