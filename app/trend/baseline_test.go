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
			"CIC03: a baseline needs at least 13 points; Apr-25 to Mar-26 has 7"},
		{"open-ended, seven months", app.MonthOf(2025, time.April), app.Period{},
			"CIC03: a baseline needs at least 13 points; Apr-25 to Oct-25 has 7"},
		{"13 months but one not available", first, first.Add(12),
			"CIC03: a baseline needs at least 13 points; Apr-24 to Apr-25 has 12"},
		{"13 figures", first, first.Add(13), ""},
		{"every figure", first, app.Period{}, ""},
		{"after the series", app.MonthOf(2026, time.April), app.Period{},
			"CIC03: a baseline needs at least 13 points; from Apr-26 has 0"},
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
	// Quarters are named by their months, as the window labels them.
	var quarters []app.Observation
	for n := range 5 {
		quarters = append(quarters, app.Observation{Ref: "Q02", Area: app.Kent, Period: app.Period{Kind: app.Quarter, Year: 2024, N: 2}.Add(n), Value: app.Float(50)})
	}
	err := CheckBaseline(quarters, app.ChartSetting{Ref: "Q02", Kind: app.SetBaseline, From: quarters[0].Period})
	if want := "Q02: a baseline needs at least 13 points; Apr-Jun 2024 to Apr-Jun 2025 has 5"; err == nil || err.Error() != want {
		t.Errorf("quarters: got %v, want %q", err, want)
	}
}
