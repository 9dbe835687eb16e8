package trend_test

import (
	"fmt"

	"scorecard/app"
	"scorecard/app/trend"
)

// A district where one child decides the rating.
func ExampleFlags() {
	h := app.NewHistory()
	h.AddIndicator(app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements",
		Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion})
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024},
		Target: app.Float(10), Floor: app.Float(12)})
	for i, num := range []float64{2, 3} {
		h.Add(app.Observation{Ref: "CIC05", Area: "Dover", Period: app.MonthOf(2025, 2).Add(i),
			Value: app.Float(num / 20 * 100), Numerator: app.Float(num), Denominator: app.Float(20)})
	}
	for _, f := range trend.Flags(h, app.Period{}, trend.Options{}) {
		fmt.Printf("%s %s %s %s: %s\n", f.Ref, f.Area, f.Period, f.Kind, f.Detail)
	}
	// Output:
	// CIC05 Dover 2025-03 rag-change: GREEN to RED (15.0%; target 10.0%, floor 12.0%)
	// CIC05 Dover 2025-03 small-numbers: 1 fewer child counted turns this GREEN (1 child = 5.0 pp)
}
