package disclosure

import (
	"slices"
	"testing"

	"scorecard/app"
)

// TestUnprotectedIn checks which percentages given without counts are
// said unprotected: a share of children nothing ties to a count is, with
// its district figures that could be a count of 1-4; one tied to its
// count is not, nor a share of schools, which the small-number rule does
// not cover (ofSchools), nor anything when no threshold is set.
func TestUnprotectedIn(t *testing.T) {
	h := impliedStore()
	may26 := app.MonthOf(2026, 5)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "P04", Name: "Care leavers in suitable accommodation (%)", Section: "Children in Care",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1},
			{Ref: "ED04", Name: "Primary schools judged good or outstanding (%)", Section: "Education",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1},
		},
		Observations: []app.Observation{
			{Ref: "P04", Area: "Dover", Period: may26, Value: app.Float(96.0)}, // 1 of 25 not: could be small
			{Ref: "P04", Area: "Thanet", Period: may26, Value: app.Float(100)}, // all of at least 5, none not
			{Ref: "ED04", Area: "Dover", Period: may26, Value: app.Float(91.9)},
		},
	}, "I2")
	cases := []struct {
		below int
		want  []string
	}{
		{DefaultThreshold, []string{"P04"}},
		{1, nil},
	}
	for _, c := range cases {
		var got []string
		for _, u := range UnprotectedIn(h, c.below, app.Kent) {
			got = append(got, u.Indicator.Ref)
			if u.Indicator.Ref == "P04" && u.Figures != 1 {
				t.Errorf("below %d: P04 has %d figures that could be small, want 1 (Dover's)", c.below, u.Figures)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("below %d: unprotected %v, want %v", c.below, got, c.want)
		}
	}
}
