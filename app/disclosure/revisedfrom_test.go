package disclosure

import (
	"testing"
	"time"

	"scorecard/app"
)

// TestRevisedFromShown: a revision's earlier figure is given beside a
// release only where it undoes no suppression (QA27a 2): not a small
// count, not the source's c, not beside a district the release withholds
// for the month (an earlier county figure could pin it), and not where
// the figure itself is withheld.
func TestRevisedFromShown(t *testing.T) {
	may := app.MonthOf(2025, time.May)
	county, district := app.Kent, app.Areas[1]
	for _, tt := range []struct {
		name     string
		was      app.Observation
		now      float64
		district float64 // the district's figure for May
		want     bool
	}{
		{"a count of hundreds", app.Observation{Value: app.Float(631)}, 645, 200, true},
		{"a small count", app.Observation{Value: app.Float(3)}, 645, 200, false},
		{"the source's c", app.Observation{Status: app.Suppressed, Raw: "c"}, 645, 200, false},
		{"not available then", app.Observation{Status: app.NotAvailable, Raw: "tbc"}, 645, 200, true},
		{"beside a district withheld", app.Observation{Value: app.Float(631)}, 645, 2, false},
		{"the figure now small", app.Observation{Value: app.Float(631)}, 3, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ind := app.Indicator{Ref: "SG01", Name: "Number of children subject to a child protection plan", Unit: app.Number, Measure: app.Count}
			d := app.Dataset{Indicators: []app.Indicator{ind}}
			for i, v := range []float64{640, 650, 660, 670, 0} {
				d.Observations = append(d.Observations, app.Observation{Ref: "SG01", Area: county, Period: app.MonthOf(2025, time.January).Add(i), Value: app.Float(v)})
			}
			d.Observations[4].Value = app.Float(tt.now)
			if tt.district > 0 {
				d.Observations = append(d.Observations, app.Observation{Ref: "SG01", Area: district, Period: may, Value: app.Float(tt.district)})
			}
			h := app.NewHistory()
			h.Apply(&d, "I0002")
			shown, _ := Suppress(h, DefaultThreshold)
			k := app.SeriesKey{Ref: "SG01", Area: county}
			if got := RevisedFromShown(h, shown, k, may, tt.was, DefaultThreshold); got != tt.want {
				t.Errorf("RevisedFromShown = %t, want %t", got, tt.want)
			}
		})
	}
}
