package synth

import (
	"math"
	"slices"
	"testing"

	"scorecard/app"
)

// TestModelConsistent checks the arithmetic every figure must obey, for
// the demo and a large model from another seed.
func TestModelConsistent(t *testing.T) {
	for name, m := range map[string]*Model{"demo": Demo(), "large": Large(7)} {
		t.Run(name, func(t *testing.T) { checkConsistent(t, m) })
	}
}

func checkConsistent(t *testing.T, m *Model) {
	t.Helper()
	splits, sums := 0, 0
	for _, ind := range m.Dataset.Indicators {
		for _, p := range m.Months {
			get := func(a app.Area, sp app.Split) (app.Observation, bool) {
				return m.Observation(app.SeriesKey{Ref: ind.Ref, Area: a, Split: sp}, p)
			}
			all, ok := get(app.Kent, app.All)
			if !ok || all.Numerator == nil {
				continue
			}
			for _, a := range append(slices.Clone(app.Areas), app.OutOfCounty, app.UASCService) {
				for _, sp := range []app.Split{app.All, excl, uascOnly} {
					o, ok := get(a, sp)
					if !ok || o.Value == nil || o.Numerator == nil || o.Denominator == nil {
						continue
					}
					n, d := *o.Numerator, *o.Denominator
					var want float64
					switch ind.Measure {
					case app.Proportion:
						want = n / d * 100
						if n > d || n < 0 {
							t.Errorf("%v %v: numerator %v outside 0..%v", o.Key(), p, n, d)
						}
					case app.Rate:
						want = n / d * 10000
					case app.Mean:
						want = n / d
					}
					if math.Abs(*o.Value-want) > 1e-9 {
						t.Errorf("%v %v: value %v, want %v from %v/%v", o.Key(), p, *o.Value, want, n, d)
					}
				}
			}
			// All children = UASC + excluding UASC, component by component.
			if ex, ok := get(app.Kent, excl); ok {
				splits++
				u, hasU := get(app.Kent, uascOnly)
				if hasU {
					if *all.Numerator != *ex.Numerator+*u.Numerator {
						t.Errorf("%s %v: numerator all %v != excl %v + uasc %v", ind.Ref, p, *all.Numerator, *ex.Numerator, *u.Numerator)
					}
					if all.Denominator != nil && *all.Denominator != *ex.Denominator+*u.Denominator {
						t.Errorf("%s %v: denominator all %v != excl %v + uasc %v", ind.Ref, p, *all.Denominator, *ex.Denominator, *u.Denominator)
					}
				}
			}
			// Kent = districts + Out of County + UASC Service, for the
			// measures whose components add up.
			if ind.Measure == app.Rate {
				continue
			}
			var num, den float64
			complete := true
			for _, a := range append(slices.Clone(app.Districts), app.OutOfCounty, app.UASCService) {
				o, ok := get(a, app.All)
				if !ok {
					continue
				}
				if o.Numerator == nil {
					complete = false // suppressed: withheld, not zero
					continue
				}
				num += *o.Numerator
				if o.Denominator != nil {
					den += *o.Denominator
				}
			}
			if !complete {
				continue
			}
			sums++
			if num != *all.Numerator {
				t.Errorf("%s %v: areas' numerators sum to %v, Kent %v", ind.Ref, p, num, *all.Numerator)
			}
			if all.Denominator != nil && den != *all.Denominator {
				t.Errorf("%s %v: areas' denominators sum to %v, Kent %v", ind.Ref, p, den, *all.Denominator)
			}
		}
	}
	if splits == 0 || sums == 0 {
		t.Errorf("checked %d splits and %d area sums: the model has none", splits, sums)
	}
}
