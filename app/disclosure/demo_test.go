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
		// A change (CIC11) counts no children; that it is shown is
		// TestChangesShown's and TestDemoChangesRecomputable's. Nor does
		// a measure of schools (ED04), shown whatever its size (QA31 6).
		change := ind.Ref == "CIC11" || OfSchools(ind)
		for _, o := range got.Series(k) {
			if o.Status == app.Suppressed {
				suppressed++
				if o.Value != nil || o.Numerator != nil || o.Denominator != nil {
					t.Errorf("%v %v suppressed with its figures left in", k, o.Period)
				}
				continue
			}
			shown++
			for _, c := range counts(ind, &o, nil) {
				if !change && o.Status == app.OK && c >= 1 && c < DefaultThreshold {
					t.Errorf("%v %v shows a count of %v", k, o.Period, c)
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

// TestDemoChangesRecomputable (QA17b D4): the demo's CIC11 is CIC01 less
// CIC01 a year before (Kent Jun-26: 1902 - 1904 = -2). A change is shown
// whatever its size, so it must never stand beside one of its two counts
// withheld and the other shown: it would give the withheld one. Nor is
// it withheld where both counts are shown: a reader recomputes it.
func TestDemoChangesRecomputable(t *testing.T) {
	h := app.NewHistory()
	h.Apply(&synth.Demo().Dataset, "demo")
	for _, excl := range [][]app.Cohort{nil, {app.UASC}} {
		_, got, _, _ := Release(h, excl, DefaultThreshold)
		checked := 0
		for _, k := range got.Keys() {
			if k.Ref != "CIC11" {
				continue
			}
			for _, o := range got.Series(k) {
				count := app.SeriesKey{Ref: "CIC01", Area: k.Area, Split: k.Split}
				now, ok1 := got.Observation(count, o.Period)
				then, ok2 := got.Observation(count, o.Period.Add(-12))
				if !ok1 || !ok2 {
					continue
				}
				checked++
				if o.Status == app.Suppressed && now.Status == app.OK && then.Status == app.OK {
					t.Errorf("%v CIC11 %v %s withheld: %s - %s", excl, k.Area, o.Period, now.Raw, then.Raw)
				}
				if o.Status == app.OK && (now.Status == app.OK) != (then.Status == app.OK) {
					t.Errorf("%v CIC11 %v %s shown beside CIC01 %s then and %s now", excl, k.Area, o.Period, then.Status, now.Status)
				}
			}
		}
		// Excluding UASC, CIC11 cannot be worked out ("cannot exclude").
		if checked == 0 && excl == nil {
			t.Fatalf("%v: no CIC11 figure beside both CIC01 months: the check proves nothing", excl)
		}
	}
}
