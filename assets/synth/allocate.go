package synth

import (
	"math"
	"slices"
)

// allocate shares total (a whole number) among buckets in proportion to
// weights, by largest remainder, so the parts sum exactly to total. With
// caps, no part exceeds its cap (a district cannot have more children with
// a characteristic than children); total must not exceed the caps' sum.
func allocate(total float64, weights, caps []float64) []float64 {
	out := make([]float64, len(weights))
	free := make([]bool, len(weights))
	for i := range free {
		free[i] = caps == nil || caps[i] > 0
	}
	left := total
	for left > 0 {
		var sum float64
		for i, w := range weights {
			if free[i] {
				sum += w
			}
		}
		if sum <= 0 {
			break
		}
		type rem struct {
			i int
			r float64
		}
		var rems []rem
		var given float64
		for i, w := range weights {
			if !free[i] {
				continue
			}
			exact := left * w / sum
			fl := math.Floor(exact)
			out[i] += fl
			given += fl
			rems = append(rems, rem{i, exact - fl})
		}
		slices.SortStableFunc(rems, func(a, b rem) int {
			switch {
			case a.r > b.r:
				return -1
			case a.r < b.r:
				return 1
			}
			return 0
		})
		for k := 0; given < left && k < len(rems); k++ {
			out[rems[k].i]++
			given++
		}
		left = 0
		if caps == nil {
			break
		}
		for i := range out {
			if free[i] && out[i] >= caps[i] {
				left += out[i] - caps[i]
				out[i] = caps[i]
				free[i] = false
			}
		}
	}
	return out
}
