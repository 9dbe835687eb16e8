package trend

import (
	"testing"
	"time"

	"scorecard/app"
)

func TestCheckChartSetting(t *testing.T) {
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
			err := CheckChartSetting(obs, app.ChartSetting{Ref: "CIC03", Kind: app.SetBaseline, From: tc.from, To: tc.to}, app.ChartPlan{})
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
	err := CheckChartSetting(quarters, app.ChartSetting{Ref: "Q02", Kind: app.SetBaseline, From: quarters[0].Period}, app.ChartPlan{})
	if want := "Q02: a baseline needs at least 13 points; Apr-Jun 2024 to Apr-Jun 2025 has 5"; err == nil || err.Error() != want {
		t.Errorf("quarters: got %v, want %q", err, want)
	}
}

// TestRebaseCutsBaselineShort (the SPC campaign's F1): a baseline counts
// in the chart holding its start, so a rebase within it cuts it short.
// Seventeen months from January 2022 with a rebase at December 2022 left
// the first chart 11, and it showed no limits, with nothing said. The
// baseline is refused with the rebase in force, and the rebase with the
// baseline; a rebase after the baseline ends, or a baseline within one
// chart, is saved.
func TestRebaseCutsBaselineShort(t *testing.T) {
	first := app.MonthOf(2022, time.January)
	var obs []app.Observation
	for m := range 40 {
		obs = append(obs, app.Observation{Ref: "X1", Area: app.Kent, Period: first.Add(m), Value: app.Float(float64(20 + m%5))})
	}
	baseline := app.ChartSetting{Ref: "X1", Kind: app.SetBaseline, From: first, To: app.MonthOf(2023, time.May)}
	rebase := app.ChartSetting{Ref: "X1", Kind: app.SetRebase, From: app.MonthOf(2022, time.December), Note: "changed"}
	later := app.ChartSetting{Ref: "X1", Kind: app.SetRebase, From: app.MonthOf(2023, time.June), Note: "changed"}
	for _, tc := range []struct {
		name string
		s    app.ChartSetting
		plan app.ChartPlan
		want string // "" for saved
	}{
		{"the baseline across a rebase", baseline, app.ChartPlan{Rebases: []app.ChartSetting{rebase}},
			"X1: a baseline needs at least 13 points; Jan-22 to Nov-22 (its chart ends at the rebase at Dec-22) has 11"},
		{"a rebase within the baseline", rebase, app.ChartPlan{Baseline: &baseline},
			"X1: a rebase at Dec-22 would leave the baseline 11 points in its chart, Jan-22 to Nov-22, where a baseline needs at least 13: rebase after the baseline ends, or set a baseline within one chart first"},
		{"a rebase after the baseline", later, app.ChartPlan{Baseline: &baseline}, ""},
		{"the baseline before a later rebase", baseline, app.ChartPlan{Rebases: []app.ChartSetting{later}}, ""},
		{"a rebase with no baseline", rebase, app.ChartPlan{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckChartSetting(obs, tc.s, tc.plan)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
