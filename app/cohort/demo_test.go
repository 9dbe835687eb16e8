package cohort_test

import (
	"math"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/assets/synth"
)

// TestExcludeMatchesDemo removes the demo's own excluding-UASC rows and
// checks that recomputing them from the all-children and UASC-only rows,
// wherever the demo has both,
// gives the same figures: components exactly, values to the indicator's
// displayed precision.
func TestExcludeMatchesDemo(t *testing.T) {
	m := synth.Demo()
	excl := app.Excluding(app.UASC)
	var kept []app.Observation
	want := map[app.SeriesKey]map[app.Period]app.Observation{}
	for _, o := range m.Dataset.Observations {
		if o.Split != excl {
			kept = append(kept, o)
			continue
		}
		k := app.SeriesKey{Ref: o.Ref, Area: o.Area}
		if want[k] == nil {
			want[k] = map[app.Period]app.Observation{}
		}
		want[k][o.Period] = o
	}
	if len(want) == 0 {
		t.Fatal("the demo has no excluding-UASC rows")
	}
	d := m.Dataset
	d.Observations = kept
	h := app.NewHistory()
	h.Apply(&d, "demo")
	got, warns := cohort.Exclude(h, []app.Cohort{app.UASC})
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	checked := 0
	for k, byPeriod := range want {
		ind, _ := h.Indicator(k.Ref)
		if len(h.Series(app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: app.Only(app.UASC)})) == 0 {
			// Without a UASC-only row there is nothing to recompute from
			// (the demo gives none for its rate, CIC02).
			continue
		}
		for _, g := range got.Series(k) {
			w, ok := byPeriod[g.Period]
			if !ok {
				continue
			}
			checked++
			if w.Value == nil {
				if g.Value != nil {
					t.Errorf("%v %v: got %v where the demo has %q", k, g.Period, *g.Value, w.Status)
				}
				continue
			}
			if g.Value == nil {
				t.Errorf("%v %v: %q (%s), want %v", k, g.Period, g.Status, g.Raw, *w.Value)
				continue
			}
			tol := 0.5*math.Pow(10, -float64(ind.Decimals)) + 1e-9
			if math.Abs(*g.Value-*w.Value) > tol {
				t.Errorf("%v %v: value %v, want %v", k, g.Period, *g.Value, *w.Value)
			}
			if w.Numerator != nil && (g.Numerator == nil || *g.Numerator != *w.Numerator) ||
				w.Denominator != nil && (g.Denominator == nil || *g.Denominator != *w.Denominator) {
				t.Errorf("%v %v: components %v/%v, want %v/%v", k, g.Period, g.Numerator, g.Denominator, w.Numerator, w.Denominator)
			}
			if g.Rule == "" {
				t.Errorf("%v %v: no rule", k, g.Period)
			}
		}
	}
	t.Logf("%d demo figures excluding UASC recomputed and matched", checked)

	// With its own rows kept, every one agrees with the arithmetic.
	full := app.NewHistory()
	full.Apply(&m.Dataset, "demo")
	if _, warns := cohort.Exclude(full, []app.Cohort{app.UASC}); len(warns) != 0 {
		t.Errorf("the demo's own excluding rows disagree with its UASC rows: %v", warns)
	}
	if checked == 0 {
		t.Error("no figure compared")
	}
}
