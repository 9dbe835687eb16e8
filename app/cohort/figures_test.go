package cohort_test

import (
	"reflect"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/assets/synth"
)

// TestExcludeFiguresAsNoted checks that excluding a cohort without
// checking the source's own excluding figures gives every figure,
// revision and all, as ExcludeNoted does: on figures whose source
// disagrees with the arithmetic (30/120 all, 6/20 UASC, the source's 20
// of 100 excluding them), revised, and on the demo's.
func TestExcludeFiguresAsNoted(t *testing.T) {
	mar25 := app.MonthOf(2025, 3)
	pct := app.Indicator{Ref: "QZ1", Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	fig := func(s app.Split, v, n, d float64, imp string) app.Observation {
		return app.Observation{Ref: "QZ1", Area: app.Kent, Split: s, Period: mar25, Value: app.Float(v),
			Numerator: app.Float(n), Denominator: app.Float(d), Import: imp, Cell: "Data!J2"}
	}
	disagreeing := app.NewHistory()
	disagreeing.Apply(&app.Dataset{Indicators: []app.Indicator{pct}, Observations: []app.Observation{
		fig(app.All, 25, 30, 120, "I0001"), fig(app.Only(app.UASC), 30, 6, 20, "I0001"), fig(app.Excluding(app.UASC), 20, 20, 100, "I0001"),
		fig(app.All, 25, 31, 124, "I0002"),
	}}, "I0001")
	disagreeing.Imports = []app.Import{{ID: "I0001", Source: "cic-scorecard.xlsx"}, {ID: "I0002", Source: "cic-scorecard-revised.xlsx"}}
	demo := app.NewHistory()
	demo.Apply(&synth.Demo().Dataset, "demo")
	for name, h := range map[string]*app.History{"disagreeing": disagreeing, "demo": demo} {
		noted, warns, _ := cohort.ExcludeNoted(h, []app.Cohort{app.UASC}, app.AuthorityOf(h))
		if name == "disagreeing" && len(warns) == 0 {
			t.Fatalf("%s: no disagreement noted; the case checks nothing", name)
		}
		figures := cohort.ExcludeFigures(h, []app.Cohort{app.UASC}, app.AuthorityOf(h))
		if !slices.Equal(figures.Keys(), noted.Keys()) {
			t.Fatalf("%s: series %v, want %v", name, figures.Keys(), noted.Keys())
		}
		for _, k := range noted.Keys() {
			if got, want := figures.Series(k), noted.Series(k); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %v = %+v, want %+v", name, k, got, want)
			}
			for _, o := range noted.Series(k) {
				if got, want := figures.Revisions(k, o.Period), noted.Revisions(k, o.Period); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %v %s revisions %+v, want %+v", name, k, o.Period, got, want)
				}
			}
		}
	}
}
