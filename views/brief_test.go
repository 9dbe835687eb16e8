package views

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/export"
)

// TestExceptionsBriefWithholds: the window's "Copy exceptions brief"
// withholds small numbers at the export dialog's threshold, as the export
// and `scorecard brief` do: QA's red percentage of 100 children, 3 of
// them outside it, is listed as c (RED), not 97.0%.
func TestExceptionsBriefWithholds(t *testing.T) {
	ind := app.Indicator{Ref: "PB1", Name: "Children with an up-to-date health check (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.MonthOf(2025, time.January)
	for i := range 12 {
		n := 99.0
		if i == 11 {
			n = 97
		}
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i), Value: app.Float(n), Numerator: app.Float(n), Denominator: app.Float(100)})
	}
	for _, y := range []int{2024, 2025} {
		d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(99.5), Floor: app.Float(98)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	for _, tt := range []struct {
		suppress  int
		want, not []string
	}{
		{5, []string{"Children with an up-to-date health check (%): c (RED), figure withheld (small numbers)", "threshold 5"}, []string{"97.0%", "1 child", "Nothing is red"}},
		{10, []string{"c (RED)", "threshold 10"}, []string{"97.0%"}},
		{0, []string{"97.0% (RED)", "no threshold applied"}, []string{"figure withheld"}},
	} {
		txt := exceptionsBrief(h, export.Options{Period: h.Latest(), Suppress: tt.suppress})
		for _, w := range tt.want {
			if !strings.Contains(txt, w) {
				t.Errorf("suppress %d: the brief does not say %q:\n%s", tt.suppress, w, txt)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(txt, n) {
				t.Errorf("suppress %d: the brief says %q:\n%s", tt.suppress, n, txt)
			}
		}
	}
}
