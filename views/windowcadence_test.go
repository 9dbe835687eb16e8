package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// TestTrendWindowInSeriesCadence guards QA30 16 (the window): the
// Indicator tab's trend window of a series of quarters read "12 months",
// a quarter of the span its trend is drawn over. It is offered and shown
// in the series' own periods, quarters or years, and a choice saved as
// that many of them; a monthly series keeps its months.
func TestTrendWindowInSeriesCadence(t *testing.T) {
	quarters := &app.Dataset{Indicators: []app.Indicator{{Ref: "SCS01", Name: "Re-referrals to children's social care within 12 months (%)",
		Section: "Social Work", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion, DataPeriod: app.QuarterPeriod}}}
	years := &app.Dataset{Indicators: []app.Indicator{{Ref: "ED03", Name: "Schools judged good or outstanding (%)",
		Section: "Education", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion, DataPeriod: app.Annual}}}
	for i, v := range []float64{21.4, 22.0, 20.9, 21.8, 22.6, 23.1, 23.5, 24.8} {
		quarters.Observations = append(quarters.Observations, app.Observation{Ref: "SCS01", Area: app.Kent,
			Period: app.Period{Kind: app.Quarter, Year: 2023, N: 2}.Add(i), Value: app.Float(v)})
	}
	for i, v := range []float64{93, 94, 95} {
		years.Observations = append(years.Observations, app.Observation{Ref: "ED03", Area: app.Kent,
			Period: app.Period{Kind: app.FinancialYear, Year: 2021 + i}, Value: app.Float(v)})
	}
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24), quarters, years), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	w.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(w.win.Close)

	for _, tt := range []struct {
		ref, shown string
		offered    []string
		choose     string
		saved      int
	}{
		{"SCS01", "12 quarters", []string{"3 quarters", "6 quarters", "12 quarters", "24 quarters"}, "6 quarters", 6},
		{"ED03", "12 years", []string{"3 years", "6 years", "12 years", "24 years"}, "3 years", 3},
		{"CIC05", "12 months", []string{"3 months", "6 months", "12 months", "24 months"}, "24 months", 24},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			w.openDetail(tt.ref)
			d := w.detail
			if d.window.Selected != tt.shown {
				t.Errorf("the trend window shows %q, want %q", d.window.Selected, tt.shown)
			}
			if got := d.window.Options[:len(tt.offered)]; !slices.Equal(got, tt.offered) {
				t.Errorf("the trend window offers %q, want %q first", d.window.Options, tt.offered)
			}
			if tt.ref != "CIC05" && strings.Contains(strings.Join(d.window.Options, "|"), "months") {
				t.Errorf("the trend window of %s offers months: %q", tt.ref, d.window.Options)
			}
			d.window.SetSelected(tt.choose)
			d.saveWindow()
			if win := w.v.stored.ChartPlan(tt.ref).Window; win == nil || win.Periods != tt.saved {
				t.Errorf("the window in force is %+v, want %d periods", win, tt.saved)
			}
			if d.window.Selected != tt.choose {
				t.Errorf("after saving, the window control shows %q, want %q", d.window.Selected, tt.choose)
			}
		})
	}
}
