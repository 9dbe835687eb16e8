package cohort

import (
	"fmt"
	"testing"

	"scorecard/app"
)

// BenchmarkExclude measures the recomputation the GUI runs on every
// cohort toggle: 100 indicators × 13 areas × 3 splits (all, UASC only,
// excluding UASC on every third indicator) × 60 months.
func BenchmarkExclude(b *testing.B) {
	h := app.NewHistory()
	var d app.Dataset
	// Proportions (with a source excluding row on every third) and medians,
	// which cannot be excluded.
	measures := []app.Measure{app.Proportion, app.Proportion, app.Proportion, app.Proportion, app.Median}
	for i := range 100 {
		ref := fmt.Sprintf("B%03d", i)
		d.Indicators = append(d.Indicators, app.Indicator{Ref: ref, Decimals: 1, Measure: measures[i%len(measures)]})
		for _, a := range app.Areas {
			for m := range 60 {
				p := app.MonthOf(2020, 1).Add(m)
				n, den := float64(100+m), float64(1000+i)
				obs := func(s app.Split, n, den float64) app.Observation {
					return app.Observation{Ref: ref, Area: a, Split: s, Period: p,
						Value: app.Float(n / den * 100), Numerator: app.Float(n), Denominator: app.Float(den)}
				}
				d.Observations = append(d.Observations, obs(app.All, n, den), obs(app.Only(app.UASC), n/10, den/10))
				if i%3 == 0 {
					d.Observations = append(d.Observations, obs(app.Excluding(app.UASC), n-n/10, den-den/10))
				}
			}
		}
	}
	h.Apply(&d, "I0001")
	b.ReportAllocs()
	for b.Loop() {
		Exclude(h, []app.Cohort{app.UASC})
	}
}
