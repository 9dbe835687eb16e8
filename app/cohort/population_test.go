package cohort

import (
	"math"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestRateFromCountAndPopulation: a rate given alone for a quarter and
// no rate for UASC is worked out excluding them from a count of the same
// day without them and the population the year's rate to that day gives
// (QA30 17: 335 / 55,626 x 10,000 = 60.2); not where the population is
// for another day, the quarter's rate disagrees with it, or two counts
// could be the rate's.
func TestRateFromCountAndPopulation(t *testing.T) {
	q1 := app.Period{Kind: app.Quarter, Year: 2025, N: 1}
	year := app.Period{Kind: app.FinancialYear, Year: 2024}
	f := app.Float
	rate := app.Indicator{Ref: "CIC02", Name: "Rate of children in care per 10,000 children", Measure: app.Rate, Decimals: 1}
	count := app.Indicator{Ref: "CIC01", Name: "Number of children in care", Measure: app.Count}
	obs := func(ref string, s app.Split, p app.Period, v, n, d *float64) app.Observation {
		return app.Observation{Ref: ref, Area: app.Kent, Split: s, Period: p, Value: v, Numerator: n, Denominator: d}
	}
	base := []app.Observation{
		obs("CIC02", app.All, q1, f(69.6), nil, nil),
		obs("CIC01", app.All, q1, f(387), f(387), nil),
		obs("CIC01", app.Only(app.UASC), q1, f(52), f(52), nil),
	}
	tests := []struct {
		name  string
		extra []app.Observation
		inds  []app.Indicator
		want  float64 // NaN: cannot exclude
		why   string  // in the reason where it cannot
	}{
		{"the year's population to the same day", []app.Observation{obs("CIC02", app.All, year, f(69.6), f(387), f(55626))}, nil,
			335.0 / 55626 * 10000, ""},
		{"no population held", nil, nil, math.NaN(), "no population for 31 Mar 2025 is held"},
		{"the year's rate disagrees with the quarter's", []app.Observation{obs("CIC02", app.All, year, f(71.0), f(395), f(55626))}, nil,
			math.NaN(), "no population for 31 Mar 2025 is held"},
		{"two counts of 387", []app.Observation{obs("CIC02", app.All, year, f(69.6), f(387), f(55626)),
			obs("CIC09", app.All, q1, f(387), f(387), nil), obs("CIC09", app.Only(app.UASC), q1, f(40), f(40), nil)},
			[]app.Indicator{{Ref: "CIC09", Name: "Children in need on a plan", Measure: app.Count}},
			math.NaN(), "no count of the 387 children in the rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history(rate, append(append([]app.Observation{}, base...), tt.extra...)...)
			h.AddIndicator(count)
			for _, ind := range tt.inds {
				h.AddIndicator(ind)
			}
			ex, _ := Exclude(h, []app.Cohort{app.UASC})
			got, _ := ex.Observation(app.SeriesKey{Ref: "CIC02", Area: app.Kent}, q1)
			if math.IsNaN(tt.want) {
				if got.Status != app.CannotExclude || !strings.Contains(got.Raw, tt.why) {
					t.Errorf("= %v %q (%s), want cannot exclude saying %q", ptr(got.Value), got.Status, got.Raw, tt.why)
				}
				return
			}
			if got.Value == nil || math.Abs(*got.Value-tt.want) > 1e-9 || *got.Denominator != 55626 || *got.Numerator != 335 {
				t.Errorf("= %v (%v / %v) %q (%s), want %.4f", ptr(got.Value), ptr(got.Numerator), ptr(got.Denominator), got.Status, got.Raw, tt.want)
			}
			if !strings.Contains(got.Rule, "CIC01") || !strings.Contains(got.Rule, "55626") {
				t.Errorf("rule %q does not say the count and population it used", got.Rule)
			}
		})
	}
}

// TestEndingOn checks the index of figures by the day their periods end
// against the scan it replaced, which worked out every figure's end
// again: a series of months with a gap, a quarter and two years ending
// the day a month does, a month given twice (a revision keeps one
// figure), and days no figure ends.
func TestEndingOn(t *testing.T) {
	mar := app.MonthOf(2025, 3)
	periods := []app.Period{
		app.MonthOf(2024, 12), app.MonthOf(2025, 1), mar, // February missing
		{Kind: app.Quarter, Year: 2025, N: 1},
		{Kind: app.FinancialYear, Year: 2024},
		{Kind: app.CalendarYear, Year: 2024},
		{Kind: app.AcademicYear, Year: 2024},
		app.MonthOf(2025, 8),
	}
	rate := app.Indicator{Ref: "CIC02", Measure: app.Rate, Decimals: 1}
	var obs []app.Observation
	for i, p := range periods {
		obs = append(obs, app.Observation{Ref: "CIC02", Area: app.Kent, Period: p, Value: app.Float(float64(60 + i))})
	}
	h := history(rate, append(obs, app.Observation{Ref: "CIC02", Area: app.Kent, Period: mar, Value: app.Float(70), Import: "I0002"})...)
	k := app.SeriesKey{Ref: "CIC02", Area: app.Kent}
	ex := &excluder{h: h}
	days := []app.Period{app.MonthOf(2025, 2)}
	days = append(days, periods...)
	days = append(days, app.Period{Kind: app.Quarter, Year: 2023, N: 2}, app.Period{})
	for _, d := range days {
		var want []int
		for i, q := range h.Series(k) {
			if q.Period.End().Equal(d.End()) {
				want = append(want, i)
			}
		}
		if got := ex.endingOn(k, d.End()); !slices.Equal(got, want) {
			t.Errorf("endingOn(%s, %s) = %v, want %v", k.Ref, d.End().Format("2 Jan 2006"), got, want)
		}
	}
	if got := ex.endingOn(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, mar.End()); len(got) != 0 {
		t.Errorf("endingOn of a series not held = %v, want none", got)
	}
}
