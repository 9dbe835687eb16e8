package disclosure

import (
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestWithheld: the periods a release withheld are those it shows as c
// that the figures hold, not those the source withheld, and not a year's
// outturn held beside the months.
func TestWithheld(t *testing.T) {
	ind := app.Indicator{Ref: "QY1", Name: "Children in secure placements", Unit: app.Number, Measure: app.Count}
	jan := app.MonthOf(2025, time.January)
	fy := app.Period{Kind: app.FinancialYear, Year: 2024}
	for _, tt := range []struct {
		name  string
		obs   []app.Observation
		below int
		want  []app.Period
	}{
		{"a small month", []app.Observation{
			{Period: jan, Value: app.Float(12)}, {Period: jan.Add(1), Value: app.Float(3)}, {Period: jan.Add(2), Value: app.Float(14)},
		}, 5, []app.Period{jan.Add(1)}},
		{"the source's c is not the release's", []app.Observation{
			{Period: jan, Value: app.Float(12)}, {Period: jan.Add(1), Status: app.Suppressed, Raw: "c"}, {Period: jan.Add(2), Value: app.Float(2)},
		}, 5, []app.Period{jan.Add(2)}},
		{"a small year's outturn beside the months", []app.Observation{
			{Period: fy, Value: app.Float(4)}, {Period: jan, Value: app.Float(12)}, {Period: jan.Add(2), Value: app.Float(1)},
		}, 5, []app.Period{fy, jan.Add(2)}},
		{"nought identifies nobody", []app.Observation{
			{Period: jan, Value: app.Float(0)}, {Period: jan.Add(1), Value: app.Float(7)},
		}, 5, nil},
		{"threshold 10", []app.Observation{
			{Period: jan, Value: app.Float(7)}, {Period: jan.Add(1), Value: app.Float(12)},
		}, 10, []app.Period{jan}},
		{"no threshold", []app.Observation{
			{Period: jan, Value: app.Float(3)}, {Period: jan.Add(1), Status: app.Suppressed, Raw: "c"},
		}, 0, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := app.Dataset{Indicators: []app.Indicator{ind}}
			for _, o := range tt.obs {
				o.Ref, o.Area = ind.Ref, app.Kent
				d.Observations = append(d.Observations, o)
			}
			h := app.NewHistory()
			h.Apply(&d, "I0001")
			base, ex, figures, _, _ := ReleaseFigures(h, nil, tt.below, app.DefaultAuthority())
			if figures != h || ex != base {
				t.Error("with no cohorts excluded, the figures are not h's own, or ex not base")
			}
			k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
			if got := Withheld(figures.Series(k), ex.Series(k)); !slices.Equal(got, tt.want) {
				t.Errorf("withheld %v, want %v", got, tt.want)
			}
		})
	}
}
