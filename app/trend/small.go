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
// Rating judges the figure as displayed, which changes only where the
// figure crosses half a unit of its last decimal: a "jump". So the rating
// can change only at the jumps beside each boundary (target, floor, or a
// NearTarget indicator's tolerance bands), and only the counts either
// side of those few jumps are rated, rather than child after child: the
// GUI recomputes every point on each toggle.
func childrenToNextRAG(ind app.Indicator, t app.Target, num, den, step float64) (more, fewer ragStep) {
	n := math.Round(num)
	rating := func(c float64) app.RAG { return app.Rating(ind.Polarity, c*step, t, ind.Decimals) }
	now := rating(n)
	if now == app.NoRAG {
		return ragStep{}, ragStep{}
	}
	d := ind.Decimals
	var bounds [4]float64
	nb := 0
	switch ind.Polarity {
	case app.HigherBetter, app.LowerBetter:
		bounds[0], bounds[1], nb = app.RoundTo(*t.Target, d), app.RoundTo(*t.Floor, d), 2
	case app.NearTarget:
		tg, tol := app.RoundTo(*t.Target, d), *t.Tolerance
		bounds = [4]float64{tg - 2*tol, tg - tol, tg + tol, tg + 2*tol}
		nb = 4
	}
	// The jumps beside boundary b: half a unit below the first displayed
	// value at or above b, and half a unit above the last at or below it.
	// They are kept as counts of children.
	unit := math.Pow(10, -float64(max(d, 0)))
	var buf [8]float64
	jumps := buf[:0]
	for _, b := range bounds[:nb] {
		up, down := math.Ceil(b/unit-1e-9)*unit, math.Floor(b/unit+1e-9)*unit
		jumps = append(jumps, (up-unit/2)/step, (down+unit/2)/step)
	}
	slices.Sort(jumps)
	// The first count to reach jump x is ceil(x), or one less when the
	// figure's rounding snaps it up onto the jump.
	for _, x := range jumps {
		m := math.Ceil(x)
		for _, k := range [2]float64{m - 1, m} {
			if k > n && k <= den && more.rag == app.NoRAG {
				if r := rating(k); r != now {
					more = ragStep{int(k - n), r}
				}
			}
		}
		if more.rag != app.NoRAG {
			break
		}
	}
	// Going down, the last count short of jump x is ceil(x)-1, or one less
	// when ceil(x)-1 sits on the jump.
	for i := len(jumps) - 1; i >= 0; i-- {
		m := math.Ceil(jumps[i])
		for _, k := range [2]float64{m - 1, m - 2} {
			if k < n && k >= 0 && fewer.rag == app.NoRAG {
				if r := rating(k); r != now {
					fewer = ragStep{int(n - k), r}
				}
			}
		}
		if fewer.rag != app.NoRAG {
			break
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
