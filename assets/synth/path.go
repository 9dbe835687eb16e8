package synth

import "math/rand/v2"

// path draws n values ending at level in the given pattern. A shift or a
// trend goes in a random direction, so some indicators improve and some
// get worse.
func path(r *rand.Rand, n int, level, noise float64, p pattern) []float64 {
	// Independent noise, so that a flat series is common-cause variation
	// by SPC's rules and does not cry wolf; a drifting one wanders by a
	// random walk on top.
	v := make([]float64, n)
	var w float64
	for t := range v {
		v[t] = noise * r.NormFloat64()
		if p == drift {
			w += 0.25 * noise * r.NormFloat64()
			v[t] = w + 0.6*v[t]
		}
	}
	end := v[n-1]
	for t := range v {
		v[t] += level - end
	}
	dir := 1.0
	if r.IntN(2) == 0 {
		dir = -1
	}
	switch p {
	case shift:
		for t := 0; t < n-7; t++ {
			v[t] -= dir * 3.5 * noise
		}
	case trending:
		slope := 0.9 * noise
		for t := range v {
			k := float64(n - 1 - t)
			if k <= 8 {
				v[t] = level - dir*slope*k
				if k > 0 {
					v[t] += 0.15 * noise * r.NormFloat64()
				}
			} else {
				v[t] += -dir * slope * 8
			}
		}
	}
	return v
}
