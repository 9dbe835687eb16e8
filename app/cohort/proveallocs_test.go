package cohort

import (
	"testing"

	"scorecard/app"
)

// TestProofAllocatesLittleAMonth: excluding UASC from 40 years of a
// proportion's districts, proved month by month against the county's
// figure, costs a few allocations a month, whether the proof holds or
// fails every month (columns that are no partition of the county): not
// a map of the month's figures, the rule's words, each district's
// reason for having no figure of its own and each failure's words made
// again (57 and 69 a month), as a release excludes every cohort's
// complement of the history it releases (disclosure's complements).
func TestProofAllocatesLittleAMonth(t *testing.T) {
	auth := app.DefaultAuthority()
	months := 480
	for _, tc := range []struct {
		name   string
		beyond float64 // Kent's children counted in no column but UASC's
		dover  app.Status
	}{
		{"the columns sum to the county's figure", 0, app.OK},
		{"the columns are no partition of the county", 50, app.CannotExclude},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &app.Dataset{Indicators: []app.Indicator{{Ref: "P01", Name: "Children seen within 5 working days (%)",
				Measure: app.Proportion, Unit: app.Percent, Decimals: 1}}}
			for m := range months {
				p := app.MonthOf(1985, 4).Add(m)
				fig := func(a app.Area, s app.Split, num, den float64) app.Observation {
					return app.Observation{Ref: "P01", Area: a, Split: s, Period: p, Value: app.Float(100 * num / den), Numerator: app.Float(num), Denominator: app.Float(den)}
				}
				// The districts sum to Kent's figure excluding UASC: its
				// UASC children are counted in none of them.
				num, den := 0.0, 0.0
				for i, a := range auth.Areas()[1:] {
					n, d := float64(20+(i+m)%7), float64(40+i)
					ds.Observations = append(ds.Observations, fig(a, app.All, n, d))
					num, den = num+n, den+d
				}
				ds.Observations = append(ds.Observations, fig(auth.Area(), app.All, num+10+tc.beyond, den+12+tc.beyond),
					fig(auth.Area(), app.Only(app.UASC), 10, 12))
			}
			h := app.NewHistory()
			h.Apply(ds, "I0001")
			ex := ExcludeFigures(h, []app.Cohort{app.UASC}, auth)
			if o, _ := ex.Observation(app.SeriesKey{Ref: "P01", Area: "Dover"}, app.MonthOf(2000, 1)); o.Status != tc.dover {
				t.Fatalf("Dover's figure excluding UASC is %s (%s), want %s", o.Status, o.Raw, tc.dover)
			}
			allocs := testing.AllocsPerRun(3, func() { ExcludeFigures(h, []app.Cohort{app.UASC}, auth) })
			t.Logf("%.0f allocations, %.1f a month", allocs, allocs/float64(months))
			if per := allocs / float64(months); per > 6 {
				t.Errorf("%.0f allocations, %.1f a month, want at most 6", allocs, per)
			}
		})
	}
}
