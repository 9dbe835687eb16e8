package cohort

import (
	"runtime"
	"testing"

	"scorecard/app"
)

// TestOwnFiguresExcludedWithoutCopies: where the source gives every
// area's figure excluding UASC beside all children's and UASC's, as a
// long history's release excludes the cohort's complement
// (disclosure's complements), ExcludeFigures takes the source's own
// figures and allocates little more than the series it returns: not the
// arithmetic's figure worked out for nothing beside each (27 bytes a
// figure), nor a copy of every district's series for a proof that
// replaces none of their figures (220): 535 bytes a figure, where the
// series returned are 224. Bytes are counted, not time, so that a
// loaded machine cannot fail it.
func TestOwnFiguresExcludedWithoutCopies(t *testing.T) {
	auth := app.DefaultAuthority()
	months := 480
	ds := &app.Dataset{Indicators: []app.Indicator{{Ref: "P01", Name: "Children seen within 5 working days (%)",
		Measure: app.Proportion, Unit: app.Percent, Decimals: 1}}}
	for m := range months {
		p := app.MonthOf(1985, 4).Add(m)
		for i, a := range auth.Areas() {
			num, den, uasc := float64(20+(i+m)%7), float64(40+i), float64(i%3)
			for _, f := range []struct {
				split    app.Split
				num, den float64
			}{{app.All, num + uasc, den + 2*uasc}, {app.Only(app.UASC), uasc, 2 * uasc}, {app.Excluding(app.UASC), num, den}} {
				ds.Observations = append(ds.Observations, app.Observation{Ref: "P01", Area: a, Split: f.split, Period: p,
					Value: app.Float(100 * f.num / max(f.den, 1)), Numerator: app.Float(f.num), Denominator: app.Float(f.den)})
			}
		}
	}
	h := app.NewHistory()
	h.Apply(ds, "I0001")
	figures := months * len(auth.Areas())
	ex := ExcludeFigures(h, []app.Cohort{app.UASC}, auth)
	if o, _ := ex.Observation(app.SeriesKey{Ref: "P01", Area: "Dover"}, app.MonthOf(2000, 1)); o.Numerator == nil || o.Rule == "" {
		t.Fatalf("Dover's figure excluding UASC is %+v, want the source's own", o)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ExcludeFigures(h, []app.Cohort{app.UASC}, auth)
	runtime.ReadMemStats(&after)
	per := float64(after.TotalAlloc-before.TotalAlloc) / float64(figures)
	t.Logf("%.0f bytes a figure", per)
	if per > 300 {
		t.Errorf("%.0f bytes a figure excluding UASC, want at most 300 (the series returned are 224)", per)
	}
}
