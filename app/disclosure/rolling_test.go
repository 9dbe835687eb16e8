package disclosure

import (
	"testing"

	"scorecard/app"
)

// TestRollingMonthsOwnCounts works out by hand what a reader learns
// from a count over a rolling 12 months: R(k) - R(k-1) = x(k) - x(k-12),
// the month's own count less the one a year before. Dover had no child
// start to be looked after in the 12 months to Mar-25 (a nought, shown),
// so every month from Apr-24 to Mar-25 had none, and the rolling counts
// that follow are running totals: 6 to Apr-25 and 8 to May-25 tell that
// 2 children started in May-25, and 9 to Jun-25 that 1 did in June, each
// as surely as two years to date tell a month's. Whatever the release
// shows, no month's own count of 1 to 4 may be so worked out: a rolling
// count shown beside the one before it after a nought shown within the
// year must not differ by 1 to 4. A count over 12 months with no nought
// before it tells no month, and withholds nothing.
func TestRollingMonthsOwnCounts(t *testing.T) {
	tests := []struct {
		name     string
		measure  app.Measure
		figs     []at
		withheld bool // whether anything is withheld
	}{
		{"after a nought", app.Count, []at{{month(2025, 3), 0.0}, {month(2025, 4), 6.0}, {month(2025, 5), 8.0}, {month(2025, 6), 9.0}}, true},
		// 6 children in Jun-24 and 5 in Jul-24, none since: the 7 to
		// Jun-25 is Jul-24's 5 and Jun-25's own 2.
		{"a year after a nought", app.Count, []at{{month(2024, 5), 0.0}, {month(2024, 6), 6.0}, {month(2024, 7), 11.0}, {month(2024, 8), 11.0},
			{month(2024, 9), 11.0}, {month(2024, 10), 11.0}, {month(2024, 11), 11.0}, {month(2024, 12), 11.0}, {month(2025, 1), 11.0},
			{month(2025, 2), 11.0}, {month(2025, 3), 11.0}, {month(2025, 4), 11.0}, {month(2025, 5), 11.0}, {month(2025, 6), 7.0}}, true},
		// Back from a nought: none in Jul-24 to Jun-25, so the 6 to
		// May-25 is Jun-24's own and the 9 to Apr-25 less it May-24's 3.
		{"before a nought", app.Count, []at{{month(2025, 2), 9.0}, {month(2025, 3), 9.0}, {month(2025, 4), 9.0}, {month(2025, 5), 6.0}, {month(2025, 6), 0.0}}, true},
		{"no nought", app.Count, []at{{month(2025, 3), 20.0}, {month(2025, 4), 26.0}, {month(2025, 5), 28.0}, {month(2025, 6), 29.0}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obs []app.Observation
			for _, f := range tt.figs {
				obs = append(obs, app.Observation{Ref: "CLA10", Area: "Dover", Period: f.p, Value: app.Float(f.v.(float64))})
			}
			h := app.NewHistory()
			h.Apply(&app.Dataset{Indicators: []app.Indicator{{Ref: "CLA10", Name: "Number of children starting to be looked after (rolling 12 months)",
				Measure: tt.measure, Unit: app.Number, DataPeriod: app.Rolling12}}, Observations: obs}, "I1")
			got, n := Suppress(h, DefaultThreshold)
			if (n > 0) != tt.withheld {
				t.Errorf("%d figures withheld, want any: %v", n, tt.withheld)
			}
			shown := map[app.Period]float64{}
			for _, o := range got.Series(app.SeriesKey{Ref: "CLA10", Area: "Dover"}) {
				if o.Status == app.OK {
					shown[o.Period] = *o.Value
				}
			}
			var months []app.Period
			for _, f := range tt.figs {
				months = append(months, f.p)
			}
			for p, x := range ownCountsWorkedOut(months, shown) {
				if x >= 1 && x < DefaultThreshold {
					t.Errorf("%s's own count, %v, is worked out from the rolling counts shown: %v", p.Label(), x, shown)
				}
			}
		})
	}
}

// ownCountsWorkedOut returns the months' own counts a reader works out
// from the rolling counts shown of one series, months in order: from a
// nought shown, every month of its year had none; each month's own
// count after it is its rolling count less the one before, plus the
// month a year before's, known in turn.
func ownCountsWorkedOut(months []app.Period, shown map[app.Period]float64) map[app.Period]float64 {
	own := map[app.Period]float64{}
	for _, p := range months {
		if v, ok := shown[p]; ok && v == 0 {
			for j := range 12 {
				own[p.Add(-j)] = 0
			}
		}
	}
	// R(p) - R(p-1) = x(p) - x(p-12): either own count from the other,
	// forward and back, until nothing more is told.
	for told := true; told; {
		told = false
		for _, p := range months {
			v, ok1 := shown[p]
			before, ok2 := shown[p.Add(-1)]
			if !ok1 || !ok2 {
				continue
			}
			x, knowX := own[p]
			ago, knowAgo := own[p.Add(-12)]
			switch {
			case knowAgo && !knowX:
				own[p], told = v-before+ago, true
			case knowX && !knowAgo:
				own[p.Add(-12)], told = x-v+before, true
			}
		}
	}
	return own
}
