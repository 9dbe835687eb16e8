package trend

import (
	"testing"
	"time"

	"scorecard/app"
)

func TestCheckBaseline(t *testing.T) {
	// April 2024 to October 2025, 19 months, one of them (June 2024)
	// not available.
	first := app.MonthOf(2024, time.April)
	var obs []app.Observation
	for m := range 19 {
		o := app.Observation{Ref: "CIC03", Area: app.Kent, Period: first.Add(m), Value: app.Float(float64(10 + m))}
		if m == 2 {
			o.Value, o.Status = nil, app.NotAvailable
		}
		obs = append(obs, o)
	}
	for _, tc := range []struct {
		name     string
		from, to app.Period
		want     string // "" for accepted
	}{
		{"a financial year of months", app.MonthOf(2025, time.April), app.MonthOf(2026, time.March),
			"CIC03: a baseline needs at least 13 points; 2025-04 to 2026-03 has 7"},
		{"open-ended, seven months", app.MonthOf(2025, time.April), app.Period{},
			"CIC03: a baseline needs at least 13 points; 2025-04 to 2025-10 has 7"},
		{"13 months but one not available", first, first.Add(12),
			"CIC03: a baseline needs at least 13 points; 2024-04 to 2025-04 has 12"},
		{"13 figures", first, first.Add(13), ""},
		{"every figure", first, app.Period{}, ""},
		{"after the series", app.MonthOf(2026, time.April), app.Period{},
			"CIC03: a baseline needs at least 13 points; from 2026-04 has 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckBaseline(obs, app.ChartSetting{Ref: "CIC03", Kind: app.SetBaseline, From: tc.from, To: tc.to})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
