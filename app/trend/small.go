package trend

import (
	"math"
	"slices"

	"scorecard/app"
)

// perChild returns how far one child moves the figure of an indicator in
// unit u with denominator den: 100/den percentage points for a
// percentage, 10,000/den for a rate per 10,000 children. It reports false
// for any other unit or a denominator that is not positive.
func perChild(u app.Unit, den float64) (float64, bool) {
	if den <= 0 {
		return 0, false
	}
	switch u {
	case app.Percent:
		return 100 / den, true
	case app.Per10k:
		return 10000 / den, true
	}
	return 0, false
}

// ragStep is how many children, counted in or out of the numerator with
// the denominator unchanged, first change a rating, and the rating then.
type ragStep struct {
	children int
	rag      app.RAG
}

// childrenToNextRAG finds, for numerator num of denominator den (each
// child worth step in the figure's unit), the fewest children more and
// fewer that change the rating the indicator would have at num. A zero
// ragStep means no number of children changes it that way.
//
// The rating can only change near a boundary (target, floor, or the
// tolerance bands of a NearTarget indicator), so only the counts within
// rounding distance of a boundary are tried: a handful of ratings instead
// of one per child, which keeps the GUI's recompute fast.
func childrenToNextRAG(ind app.Indicator, t app.Target, num, den, step float64) (more, fewer ragStep) {
	n := math.Round(num)
	value := func(c float64) float64 { return c * step }
	rating := func(c float64) app.RAG { return app.Rating(ind.Polarity, value(c), t, ind.Decimals) }
	now := rating(n)
	if now == app.NoRAG {
		return ragStep{}, ragStep{}
	}
	var bounds [4]float64
	nb := 0
	switch ind.Polarity {
	case app.HigherBetter, app.LowerBetter:
		bounds[0], bounds[1], nb = *t.Target, *t.Floor, 2
	case app.NearTarget:
		tol := *t.Tolerance
		bounds = [4]float64{*t.Target - 2*tol, *t.Target - tol, *t.Target + tol, *t.Target + 2*tol}
		nb = 4
	}
	// Rating rounds both the boundary and the figure at the displayed
	// precision, which moves the flip by up to one unit of the last
	// decimal; one more child covers the step itself.
	slack := math.Pow(10, -float64(max(ind.Decimals, 0)))/step + 1
	var buf [64]float64
	cands := buf[:0]
	for _, b := range bounds[:nb] {
		c := b / step
		for k := math.Floor(c - slack); k <= math.Ceil(c+slack); k++ {
			if k >= 0 && k <= den && k != n {
				cands = append(cands, k)
			}
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	for _, k := range cands {
		if k > n {
			if r := rating(k); r != now {
				more = ragStep{int(k - n), r}
				break
			}
		}
	}
	for i := len(cands) - 1; i >= 0; i-- {
		if k := cands[i]; k < n {
			if r := rating(k); r != now {
				fewer = ragStep{int(n - k), r}
				break
			}
		}
	}
	return more, fewer
}

// wilson returns the Wilson score 95% interval for num successes out of
// den, in percent. Unlike the textbook ± 1.96 standard errors it stays
// within 0-100 and is honest for small denominators and for 0 or 100%.
func wilson(num, den float64) (lo, hi float64) {
	const z = 1.959963984540054
	p := num / den
	z2n := z * z / den
	centre := (p + z2n/2) / (1 + z2n)
	half := z * math.Sqrt(p*(1-p)/den+z2n/(4*den)) / (1 + z2n)
	return 100 * max(centre-half, 0), 100 * min(centre+half, 1)
}
