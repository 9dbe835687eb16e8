package cohort_test

import (
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
)

func TestMisquoted(t *testing.T) {
	count := app.Indicator{Ref: "CIC01", Measure: app.Count, Unit: app.Number}
	pct := app.Indicator{Ref: "CIC05", Measure: app.Proportion, Unit: app.Percent, Decimals: 1}
	fig := func(split app.Split, v, n, d float64) app.Observation {
		o := app.Observation{Split: split, Value: app.Float(v), Numerator: app.Float(n)}
		if d > 0 {
			o.Denominator = app.Float(d)
		}
		return o
	}
	excl := app.Excluding(app.UASC)
	cases := []struct {
		name        string
		ind         app.Indicator
		text        string
		shown, all  app.Observation
		wantWarning string
	}{
		{"quotes all children's count", count, "There are 1,930 children in care, up 9 on last month.",
			fig(excl, 1468, 1468, 0), fig(app.All, 1930, 1930, 0), "quotes 1,930, the figure for all children; the figure it is shown beside is 1,468"},
		{"quotes the row's own count", count, "1,468 children in care excluding UASC.",
			fig(excl, 1468, 1468, 0), fig(app.All, 1930, 1930, 0), ""},
		{"quotes all children's percentage", pct, "12.6% had three or more placements.",
			fig(excl, 12.5, 183, 1468), fig(app.All, 12.6, 239, 1896), "quotes 12.6"},
		{"numbers that are not figures", count, "Since March 2025 two homes closed in 12 months.",
			fig(excl, 1468, 1468, 0), fig(app.All, 1930, 1930, 0), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := cohort.Misquoted(c.ind, c.text, c.shown, c.all)
			if c.wantWarning == "" && got != "" || c.wantWarning != "" && !strings.Contains(got, c.wantWarning) {
				t.Errorf("Misquoted = %q, want %q", got, c.wantWarning)
			}
		})
	}
}
