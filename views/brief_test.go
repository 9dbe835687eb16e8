package views

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/brief"
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

// TestExceptionsBriefRevisions: the window's copied brief ends, as
// scorecard brief does, with the figures already circulated that the
// month's import changed (brief.RevisionsText), with the earlier figure
// only where the release shows it: a May figure of 631 that June's file
// restated as 645 is listed; one of 3 restated as 7 at threshold 5 is
// listed without the 3 the last release withheld.
func TestExceptionsBriefRevisions(t *testing.T) {
	ind := app.Indicator{Ref: "SG11", Name: "Children on a plan", Unit: app.Number, Measure: app.Count}
	may := app.MonthOf(2025, time.May)
	for _, tt := range []struct {
		name     string
		was, now float64
		suppress int
		want     string
	}{
		{"both shown", 631, 645, 5, "- SG11 Children on a plan: May-25 revised from 631 to 645 (m06.xlsx, import I0002)."},
		{"the earlier figure withheld", 3, 7, 5, "- SG11 Children on a plan: May-25 revised to 7; the earlier figure is withheld (small numbers) (m06.xlsx, import I0002)."},
		{"no threshold", 3, 7, 0, "- SG11 Children on a plan: May-25 revised from 3 to 7 (m06.xlsx, import I0002)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := app.Dataset{Indicators: []app.Indicator{ind}}
			for i, n := range []float64{600, 610, 620, 625} {
				d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: may.Add(i - 4), Value: app.Float(n)})
			}
			d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: may, Value: app.Float(tt.was)})
			h := app.NewHistory()
			h.Apply(&d, "I0001")
			h.Apply(&app.Dataset{Observations: []app.Observation{
				{Ref: ind.Ref, Area: app.Kent, Period: may, Value: app.Float(tt.now)},
				{Ref: ind.Ref, Area: app.Kent, Period: may.Add(1), Value: app.Float(640)}}}, "I0002")
			h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx"}, {ID: "I0002", Source: "m06.xlsx"}}
			txt := exceptionsBrief(h, export.Options{Period: may.Add(1), Suppress: tt.suppress})
			if !strings.Contains(txt, "\n"+brief.RevisionsHeading+"\n"+tt.want) {
				t.Errorf("the copied brief does not end with %q under %q:\n%s", tt.want, brief.RevisionsHeading, txt)
			}
		})
	}
}
