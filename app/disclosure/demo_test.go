package disclosure

import (
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// TestDemoProtected suppresses the demo's figures (whose districts have
// small numbers) and checks the rule holds everywhere: no figure shown
// has a count of 1-4, and no all/UASC/excluding triple has exactly one
// figure suppressed.
func TestDemoProtected(t *testing.T) {
	h := app.NewHistory()
	h.Apply(&synth.Demo().Dataset, "demo")
	got, n := Suppress(h, DefaultThreshold)
	suppressed, shown := 0, 0
	for _, k := range got.Keys() {
		ind, _ := got.Indicator(k.Ref)
		for _, o := range got.Series(k) {
			if o.Status == app.Suppressed {
				suppressed++
				if o.Value != nil || o.Numerator != nil || o.Denominator != nil {
					t.Errorf("%v %v suppressed with its figures left in", k, o.Period)
				}
				continue
			}
			shown++
			for _, c := range counts(ind, o) {
				if o.Status == app.OK && c != nil && *c >= 1 && *c < DefaultThreshold {
					t.Errorf("%v %v shows a count of %v", k, o.Period, *c)
				}
			}
		}
		c, ok := k.Split.Cohort()
		if !ok {
			continue
		}
		for _, o := range got.Series(k) {
			n, present := 0, 0
			for _, s := range []app.Split{app.All, app.Only(c), app.Excluding(c)} {
				if f, ok := got.Observation(app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: s}, o.Period); ok {
					present++
					if f.Status == app.Suppressed {
						n++
					}
				}
			}
			if present == 3 && n == 1 {
				t.Errorf("%s %s %v: one figure of the three suppressed; the others reveal it", k.Ref, k.Area, o.Period)
			}
		}
	}
	if suppressed == 0 {
		t.Fatal("nothing suppressed in the demo: the check proves nothing")
	}
	t.Logf("%d figures suppressed (%d by this rule, the rest by the source), %d shown", suppressed, n, shown)
	if n == 0 || n > suppressed {
		t.Errorf("Suppress counted %d, but %d figures are suppressed", n, suppressed)
	}
}
