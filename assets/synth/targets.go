package synth

import (
	"slices"

	"scorecard/app"
)

// targets sets a target and floor for every year the months touch. Each
// earlier year's was less demanding by the spec's step, as targets are
// raised year on year.
func targets(s spec, months []app.Period) []app.Target {
	if !s.hasTarget {
		return nil
	}
	var years []app.Period
	for _, p := range months {
		y := s.ind.TargetYear(p)
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	sign := 1.0
	if s.ind.Polarity == app.LowerBetter {
		sign = -1
	}
	var ts []app.Target
	for i, y := range years {
		back := float64(len(years) - 1 - i)
		t := app.Target{Ref: s.ind.Ref, Year: y,
			Target: app.Float(app.RoundTo(s.target-sign*back*s.step, s.ind.Decimals))}
		if s.ind.Polarity == app.NearTarget {
			t.Tolerance = app.Float(s.tol)
		} else {
			t.Floor = app.Float(app.RoundTo(s.floor-sign*back*s.step, s.ind.Decimals))
		}
		ts = append(ts, t)
	}
	return ts
}
