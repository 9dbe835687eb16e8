package trend

import (
	"encoding/json"
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

// Children says how much one child counts in a figure built from a
// numerator and a denominator.
type Children struct {
	// PerChild is how far one child moves the figure: 100/denominator
	// percentage points for a percentage, 10,000/denominator for a rate.
	PerChild float64 `json:"per_child"`
	// WilsonLow and WilsonHigh are the Wilson 95% interval of a
	// percentage; nil for a rate.
	WilsonLow  *float64 `json:"wilson_low"`
	WilsonHigh *float64 `json:"wilson_high"`

	num, den float64
	rate     *rater // nil when the figure has no RAG
}

// More returns how many more children counted in the numerator (the
// denominator unchanged) would change the figure's RAG, and to what; 0
// when no number would. It is worked out when asked: the GUI recomputes
// every point on each toggle and asks only of the one under the pointer.
func (c *Children) More() (int, app.RAG) {
	s := c.rate.next(c.num, c.den, c.PerChild, 1, math.Inf(1))
	return s.children, s.rag
}

// Fewer returns how many fewer children counted would change the RAG, and
// to what; 0 when no number would.
func (c *Children) Fewer() (int, app.RAG) {
	s := c.rate.next(c.num, c.den, c.PerChild, -1, math.Inf(1))
	return s.children, s.rag
}

// within reports whether k children or fewer, either way, change the RAG.
// Only a figure with a rounding jump that close is rated at all.
func (c *Children) within(k int) bool {
	if c.rate == nil {
		return false
	}
	n := math.Round(c.num)
	near := false
	for _, j := range c.rate.jumps[:c.rate.nj] {
		if x := j / c.PerChild; x > n-float64(k)-2 && x < n+float64(k)+2 {
			near = true
		}
	}
	if !near {
		return false
	}
	return c.rate.next(c.num, c.den, c.PerChild, 1, float64(k)).rag != app.NoRAG ||
		c.rate.next(c.num, c.den, c.PerChild, -1, float64(k)).rag != app.NoRAG
}

// MarshalJSON writes the counts each way beside the fields.
func (c *Children) MarshalJSON() ([]byte, error) {
	out := struct {
		PerChild   float64  `json:"per_child"`
		More       int      `json:"more,omitempty"`
		RAGIfMore  app.RAG  `json:"rag_if_more,omitempty"`
		Fewer      int      `json:"fewer,omitempty"`
		RAGIfFewer app.RAG  `json:"rag_if_fewer,omitempty"`
		WilsonLow  *float64 `json:"wilson_low"`
		WilsonHigh *float64 `json:"wilson_high"`
	}{PerChild: c.PerChild, WilsonLow: c.WilsonLow, WilsonHigh: c.WilsonHigh}
	out.More, out.RAGIfMore = c.More()
	out.Fewer, out.RAGIfFewer = c.Fewer()
	return json.Marshal(out)
}

// ragStep is how many children, counted in or out of the numerator with
// the denominator unchanged, first change a rating, and the rating then.
type ragStep struct {
	children int
	rag      app.RAG
}

// rater rates a figure of one indicator against one year's target, and
// knows where the rating can change.
//
// Rating judges the figure as displayed, which changes only where the
// figure crosses half a unit of its last decimal: a "jump". So the rating
// can change only at the jumps beside each boundary (target, floor, or a
// NearTarget indicator's tolerance bands), and only the counts either
// side of those few jumps need rating, rather than child after child.
type rater struct {
	pol      app.Polarity
	decimals int
	// target, floor and tol are the year's target and floor at the
	// displayed precision, and its tolerance, as app.Rating compares them;
	// rule is the authority's (floor, target alone or band).
	target, floor, tol float64
	rule               app.RuleKind
	jumps              [8]float64 // in the figure's unit, ascending
	nj                 int
}

// newRater returns the rater of indicator ind against t, or nil when t
// gives ind no RAG.
func newRater(ind app.Indicator, t app.Target) *rater {
	if r, ok := makeRater(ind, t); ok {
		return &r
	}
	return nil
}

// makeRater returns the rater of indicator ind against t, and false when
// t gives ind no RAG: exactly when app.Rating gives none.
func makeRater(ind app.Indicator, t app.Target) (rater, bool) {
	d := ind.Decimals
	r := rater{pol: ind.Polarity, decimals: d, rule: t.Rule.Kind}
	var bounds [4]float64
	nb := 0
	tol, hasTol := t.RatingTolerance()
	hl := ind.Polarity == app.HigherBetter || ind.Polarity == app.LowerBetter
	switch {
	case t.Target == nil:
		return r, false
	case hl && r.rule == app.RuleTarget:
		r.target = app.RoundTo(*t.Target, d)
		bounds[0], nb = r.target, 1
	case hl && r.rule == app.RuleBand && hasTol:
		r.target, r.tol = app.RoundTo(*t.Target, d), tol
		bounds[0], bounds[1], bounds[2], nb = r.target-tol, r.target, r.target+tol, 3
	case hl && r.rule == app.RuleFloor && t.Floor != nil:
		r.target, r.floor = app.RoundTo(*t.Target, d), app.RoundTo(*t.Floor, d)
		bounds[0], bounds[1], nb = r.target, r.floor, 2
	case ind.Polarity == app.NearTarget && hasTol:
		r.target, r.tol = app.RoundTo(*t.Target, d), tol
		tg := r.target
		bounds = [4]float64{tg - 2*tol, tg - tol, tg + tol, tg + 2*tol}
		nb = 4
	default:
		return r, false
	}
	// The jumps beside boundary b: half a unit below the first displayed
	// value at or above b, and half a unit above the last at or below it.
	unit := math.Pow(10, -float64(max(d, 0)))
	for _, b := range bounds[:nb] {
		up, down := math.Ceil(b/unit-1e-9)*unit, math.Floor(b/unit+1e-9)*unit
		r.jumps[r.nj], r.jumps[r.nj+1] = up-unit/2, down+unit/2
		r.nj += 2
	}
	slices.Sort(r.jumps[:r.nj])
	return r, true
}

// rate is app.Rating of a figure already at the displayed precision, with
// the target and floor rounded once for the year rather than for every
// figure: the GUI re-rates every figure on each toggle. It must agree
// with app.Rating exactly (TestRaterAgreesWithRating).
func (r *rater) rate(shown float64) app.RAG {
	if r.pol == app.HigherBetter || r.pol == app.LowerBetter {
		met, beyondFloor := shown >= r.target, shown >= r.floor
		if r.pol == app.LowerBetter {
			met, beyondFloor = shown <= r.target, shown <= r.floor
		}
		switch {
		case met:
			return app.Green
		case r.rule == app.RuleTarget:
			return app.Red
		case r.rule == app.RuleBand:
			if app.RoundTo(math.Abs(shown-r.target), r.decimals) <= r.tol {
				return app.Amber
			}
			return app.Red
		case beyondFloor:
			return app.Amber
		}
		return app.Red
	}
	switch d := app.RoundTo(math.Abs(shown-r.target), r.decimals); {
	case d <= r.tol:
		return app.Green
	case r.rule != app.RuleTarget && d <= 2*r.tol:
		return app.Amber
	}
	return app.Red
}

// next finds, for numerator num of denominator den (each child worth step
// in the figure's unit), the fewest children more (dir 1) or fewer (dir
// -1), up to limit, that change the rating the figure has at num. A zero
// ragStep means no number of children up to limit changes it that way.
func (r *rater) next(num, den, step float64, dir int, limit float64) ragStep {
	if r == nil {
		return ragStep{}
	}
	n := math.Round(num)
	rating := func(c float64) app.RAG { return r.rate(app.RoundTo(c*step, r.decimals)) }
	// The rating at num is needed only once a count within limit is tried.
	var now app.RAG
	changes := func(k float64) (app.RAG, bool) {
		if now == app.NoRAG {
			now = rating(n)
		}
		got := rating(k)
		return got, got != now
	}
	if dir > 0 {
		// The first count to reach jump x is ceil(x), or one less when
		// the figure's rounding snaps it up onto the jump.
		for _, j := range r.jumps[:r.nj] {
			m := math.Ceil(j / step)
			if m-1 > n+limit {
				break
			}
			for _, k := range [2]float64{m - 1, m} {
				if k > n && k <= den && k <= n+limit {
					if got, ok := changes(k); ok {
						return ragStep{int(k - n), got}
					}
				}
			}
		}
		return ragStep{}
	}
	// Going down, the last count short of jump x is ceil(x)-1, or one
	// less when ceil(x)-1 sits on the jump.
	for i := r.nj - 1; i >= 0; i-- {
		m := math.Ceil(r.jumps[i] / step)
		if m-1 < n-limit {
			break
		}
		for _, k := range [2]float64{m - 1, m - 2} {
			if k < n && k >= 0 && k >= n-limit {
				if got, ok := changes(k); ok {
					return ragStep{int(n - k), got}
				}
			}
		}
	}
	return ragStep{}
}

// childrenToNextRAG finds both ways the fewest children that change the
// rating of num of den against t.
func childrenToNextRAG(ind app.Indicator, t app.Target, num, den, step float64) (more, fewer ragStep) {
	r := newRater(ind, t)
	return r.next(num, den, step, 1, math.Inf(1)), r.next(num, den, step, -1, math.Inf(1))
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
