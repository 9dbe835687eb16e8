package trend

import (
	"testing"

	"scorecard/app"
)

// A revision whose old and new figures read the same at the scorecard's
// places is written to as many places as tell them apart: "revised from
// 77.3% to 77.3%" said nothing changed (QA27a 1); one that reads apart
// keeps the scorecard's places.
func TestRevisedToPlacesApart(t *testing.T) {
	jan25, mar25 := app.MonthOf(2025, 1), app.MonthOf(2025, 3)
	for _, tc := range []struct {
		name     string
		was, now float64
		want     string
	}{
		{"apart at one place", 11.5, 11.6, "Jan-25 revised from 11.5% to 11.6%"},
		{"apart at the second place", 77.27, 77.31, "Jan-25 revised from 77.27% to 77.31%"},
		{"apart at the third place", 77.2727, 77.2683, "Jan-25 revised from 77.273% to 77.268%"},
		{"apart at the fourth place", 8.04545, 8.04502, "Jan-25 revised from 8.0455% to 8.0450%"},
		// Apart at the places shown, by rounding: as they are.
		{"a hair apart across a rounding", 95.349, 95.351, "Jan-25 revised from 95.3% to 95.4%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(cic05)
			addMonths(h, kent, app.MonthOf(2024, 10), 11.4, 11.2, 11.0, tc.was, 11.3)
			// The import that brought March revised January.
			h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: jan25, Value: app.Float(tc.now), Import: "I2"})
			h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: mar25, Value: app.Float(11.1), Import: "I2"})
			var got []string
			for _, f := range Flags(h, mar25, Options{}) {
				if f.Kind == Revised {
					got = append(got, f.Detail)
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("revised flags %q, want %q", got, tc.want)
			}
		})
	}
}
