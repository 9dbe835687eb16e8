package disclosure

import (
	"testing"

	"scorecard/app"
)

// at is the county's count for period p ("c": withheld by the source).
type at struct {
	p app.Period
	v any
}

func month(y, m int) app.Period { return app.Period{Kind: app.Month, Year: y, N: m} }

// TestReleaseAcrossPeriods: a series' counts add up over time, and a
// reader can subtract as well across periods as across districts: April
// 10, May 12 and the quarter's 25 give June's 3; a year's quarters give
// the one withheld; two years to date give the month's own count. Each
// withheld figure must have a range at least the threshold less one wide,
// so another figure of the sum is withheld with it. A snapshot, whose
// quarter is its last month's, is no sum and withholds nothing more.
func TestReleaseAcrossPeriods(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	tests := []struct {
		name    string
		measure app.Measure
		period  app.DataPeriod
		figs    []at
		want    map[app.Period]string
	}{
		{"months and their quarter", "", "", []at{{month(2025, 4), 10.0}, {month(2025, 5), 12.0}, {month(2025, 6), 3.0}, {q(2025, 2), 25.0}},
			map[app.Period]string{month(2025, 4): "c", month(2025, 5): "12", month(2025, 6): "c", q(2025, 2): "25"}},
		{"a count's months and their quarter", app.Count, "", []at{{month(2025, 4), 10.0}, {month(2025, 5), 12.0}, {month(2025, 6), 3.0}, {q(2025, 2), 25.0}},
			map[app.Period]string{month(2025, 4): "c", month(2025, 5): "12", month(2025, 6): "c", q(2025, 2): "25"}},
		{"a month the source withheld, beside its quarter", app.Count, "", []at{{month(2025, 4), 10.0}, {month(2025, 5), 12.0}, {month(2025, 6), "c"}, {q(2025, 2), 25.0}},
			map[app.Period]string{month(2025, 4): "c", month(2025, 5): "12", month(2025, 6): "c", q(2025, 2): "25"}},
		{"a snapshot's quarter is its last month's", app.Count, app.Snapshot, []at{{month(2025, 4), 7.0}, {month(2025, 5), 9.0}, {month(2025, 6), 3.0}, {q(2025, 2), 3.0}},
			map[app.Period]string{month(2025, 4): "7", month(2025, 5): "9", month(2025, 6): "c", q(2025, 2): "c"}},
		{"a year of its quarters", app.Count, "", []at{{q(2024, 2), 10.0}, {q(2024, 3), 12.0}, {q(2024, 4), 15.0}, {q(2025, 1), 3.0}, {fy(2024), 40.0}},
			map[app.Period]string{q(2024, 2): "c", q(2024, 3): "12", q(2024, 4): "15", q(2025, 1): "c", fy(2024): "40"}},
		{"years to date", app.Count, app.YearToDate, []at{{month(2025, 4), 10.0}, {month(2025, 5), 13.0}, {month(2025, 6), 20.0}},
			map[app.Period]string{month(2025, 4): "c", month(2025, 5): "13", month(2025, 6): "20"}},
		{"years to date across a new year", app.Count, app.YearToDate, []at{{month(2025, 3), 60.0}, {month(2025, 4), 8.0}, {month(2025, 5), 15.0}},
			map[app.Period]string{month(2025, 3): "60", month(2025, 4): "8", month(2025, 5): "15"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obs []app.Observation
			for _, f := range tt.figs {
				o := app.Observation{Ref: "X", Area: app.Kent, Period: f.p}
				if v, ok := f.v.(float64); ok {
					o.Value = app.Float(v)
				} else {
					o.Status, o.Raw = app.Suppressed, "c"
				}
				obs = append(obs, o)
			}
			h := app.NewHistory()
			h.Apply(&app.Dataset{Indicators: []app.Indicator{{Ref: "X", Measure: tt.measure, Unit: app.Number, DataPeriod: tt.period}},
				Observations: obs}, "I1")
			got, _ := Suppress(h, DefaultThreshold)
			for p, want := range tt.want {
				o, _ := got.Observation(app.SeriesKey{Ref: "X", Area: app.Kent}, p)
				s := o.Status.String()
				if o.Status == app.OK {
					s = formatted(*o.Value)
				}
				if s != want {
					t.Errorf("%s shown as %s, want %s", p, s, want)
				}
			}
		})
	}
}

// TestYearToDateProportion: a proportion counted year to date (pupils
// persistently absent) is no running total, so the difference of its
// parts from month to month (3 more of 20 more) is not protected as a
// count of children: nothing is withheld.
func TestYearToDateProportion(t *testing.T) {
	var obs []app.Observation
	for i, nd := range [][2]float64{{10, 100}, {13, 120}, {20, 140}} {
		obs = append(obs, app.Observation{Ref: "X", Area: app.Kent, Period: month(2025, 9+i),
			Value: app.Float(100 * nd[0] / nd[1]), Numerator: app.Float(nd[0]), Denominator: app.Float(nd[1])})
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: []app.Indicator{{Ref: "X", Measure: app.Proportion, Unit: app.Percent,
		DataPeriod: app.YearToDate, YearType: app.AcademicYear}}, Observations: obs}, "I1")
	if _, n := Suppress(h, DefaultThreshold); n != 0 {
		t.Errorf("%d figures withheld, want none", n)
	}
}
