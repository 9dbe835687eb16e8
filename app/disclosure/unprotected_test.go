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
// not cover (OfSchools), nor anything when no threshold is set. One tied
// to a count is, for its figures beside which the count holds none (the
// export campaign's F2: a rate tied to children in care given for the
// county alone was each district's count times its population).
func TestUnprotectedIn(t *testing.T) {
	h := impliedStore()
	may26 := app.MonthOf(2026, 5)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "P04", Name: "Care leavers in suitable accommodation (%)", Section: "Children in Care",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1},
			{Ref: "ED04", Name: "Primary schools judged good or outstanding (%)", Section: "Education",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1},
			{Ref: "R05", Name: "Children in care per 10,000 children", Section: "Children in Care",
				Measure: app.Rate, Unit: app.Per10k, Decimals: 1, Guidance: "Children in care (N02) per 10,000 children aged 0-17."},
			{Ref: "P07", Name: "Children in care in in-house foster care (%)", Section: "Children in Care",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1, Guidance: "Denominator: all children in care (N02)."},
		},
		Observations: []app.Observation{
			{Ref: "P04", Area: "Dover", Period: may26, Value: app.Float(96.0)}, // 1 of 25 not: could be small
			{Ref: "P04", Area: "Thanet", Period: may26, Value: app.Float(100)}, // all of at least 5, none not
			{Ref: "ED04", Area: "Dover", Period: may26, Value: app.Float(91.9)},
			// N02 holds Dover's children in care, not Sevenoaks's.
			{Ref: "R05", Area: "Dover", Period: may26, Value: app.Float(30.5)},
			{Ref: "R05", Area: "Sevenoaks", Period: may26, Value: app.Float(3.0 / 28423 * 10000)}, // 3 children
			{Ref: "P07", Area: "Dover", Period: may26, Value: app.Float(40)},
			{Ref: "P07", Area: "Sevenoaks", Period: may26, Value: app.Float(200.0 / 3)}, // 2 of 3
		},
	}, "I2")
	cases := []struct {
		below int
		want  []string
	}{
		{DefaultThreshold, []string{"P04", "R05", "P07"}},
		{1, nil},
	}
	for _, c := range cases {
		var got []string
		for _, u := range UnprotectedIn(h, c.below, app.Kent) {
			got = append(got, u.Indicator.Ref)
			if u.Indicator.Ref == "P04" && u.Figures != 1 {
				t.Errorf("below %d: P04 has %d figures that could be small, want 1 (Dover's)", c.below, u.Figures)
			}
			if (u.Indicator.Ref == "R05" || u.Indicator.Ref == "P07") && (u.Figures != 1 || !slices.Equal(u.Tied, []string{"N02"})) {
				t.Errorf("below %d: %s has %d figures unprotected, tied to %v; want 1 (Sevenoaks's), tied to N02", c.below, u.Indicator.Ref, u.Figures, u.Tied)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("below %d: unprotected %v, want %v", c.below, got, c.want)
		}
	}
}
