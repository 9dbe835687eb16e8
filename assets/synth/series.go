package synth

import (
	"math"

	"scorecard/app"
)

// districtProfile holds each district's population aged 0-17 (ONS mid-2024
// estimates, rounded) and a deprivation factor that scales how many of its
// children need services; Thanet, Swale and the coastal districts need
// most.
var districtProfile = map[app.Area]struct{ pop, need float64 }{
	"Ashford": {29800, 1.0}, "Canterbury": {29600, 0.95}, "Dartford": {28900, 0.9},
	"Dover": {22300, 1.35}, "Folkestone and Hythe": {21700, 1.35}, "Gravesham": {25400, 1.15},
	"Maidstone": {37900, 0.9}, "Sevenoaks": {27600, 0.5}, "Swale": {34800, 1.45},
	"Thanet": {30100, 1.8}, "Tonbridge and Malling": {31900, 0.6}, "Tunbridge Wells": {25100, 0.5},
}

var excl = app.Excluding(app.UASC)
var uascOnly = app.Only(app.UASC)

// series generates every figure of one indicator.
func (g *generator) series(s spec) {
	r := g.rng(s.ind.Ref)
	ref := s.ind.Ref
	v := path(r, g.n, s.level, s.noise, s.pattern)
	// Each district sits its own distance from the county's figure, and
	// wobbles around it month by month.
	factor := map[app.Area]float64{}
	for _, d := range g.buckets {
		factor[d] = math.Exp(0.12 * r.NormFloat64())
	}
	weights := func(t int) []float64 {
		w := make([]float64, len(g.buckets))
		var sum float64
		for i, d := range app.Districts {
			p := districtProfile[d]
			w[i] = p.pop * math.Pow(p.need, s.need) * math.Exp(0.03*r.NormFloat64())
			sum += w[i]
		}
		w[len(w)-1] = sum * s.ooc / (1 - s.ooc)
		return w
	}
	share := path(r, g.n, s.uasc, s.uasc*0.03, drift)
	switch s.ind.Measure {
	case app.Count:
		for t := range g.n {
			all := math.Round(math.Max(v[t], 0))
			g.put(ref, app.Kent, app.All, t, count(all))
			rest := all
			if s.uasc > 0 {
				u := math.Round(all * share[t])
				rest = all - u
				g.put(ref, app.Kent, excl, t, count(rest))
				g.put(ref, app.Kent, uascOnly, t, count(u))
				g.put(ref, app.UASCService, app.All, t, count(u))
			}
			for i, n := range allocate(rest, weights(t), nil) {
				if g.buckets[i] != app.OutOfCounty || s.ooc > 0 {
					g.put(ref, g.buckets[i], app.All, t, count(n))
				}
			}
		}
	case app.Proportion, app.Mean:
		uv := path(r, g.n, s.uascLevel, s.noise*2, flat)
		size := path(r, g.n, s.size, s.size*0.006, drift)
		for t := range g.n {
			den := map[app.Area]float64{}
			var denAll, denU float64
			if s.denOf != "" {
				a, _ := g.get(s.denOf, app.Kent, app.All, t)
				u, _ := g.get(s.denOf, app.Kent, uascOnly, t)
				denAll, denU = a.num, u.num
				for _, b := range g.buckets {
					f, _ := g.get(s.denOf, b, app.All, t)
					den[b] = f.num
				}
			} else {
				denAll = math.Round(size[t])
				denU = math.Round(denAll * s.uasc)
				for i, n := range allocate(denAll-denU, weights(t), nil) {
					den[g.buckets[i]] = n
				}
			}
			numAll := math.Round(denAll * v[t])
			if s.ind.Measure == app.Proportion {
				numAll = math.Min(math.Max(math.Round(denAll*v[t]/100), 0), denAll)
			}
			g.put(ref, app.Kent, app.All, t, ratio(numAll, denAll, s.ind.Measure))
			numRest := numAll
			if s.uasc > 0 {
				numU := math.Round(denU * uv[t] / 100)
				numU = min(max(numU, numAll-(denAll-denU), 0), numAll, denU)
				numRest = numAll - numU
				g.put(ref, app.Kent, excl, t, ratio(numRest, denAll-denU, s.ind.Measure))
				g.put(ref, app.Kent, uascOnly, t, ratio(numU, denU, s.ind.Measure))
				g.put(ref, app.UASCService, app.All, t, ratio(numU, denU, s.ind.Measure))
			}
			w := make([]float64, len(g.buckets))
			var caps []float64
			if s.ind.Measure == app.Proportion {
				caps = make([]float64, len(g.buckets))
			}
			for i, b := range g.buckets {
				w[i] = den[b] * factor[b] * math.Exp(0.04*r.NormFloat64())
				if caps != nil {
					caps[i] = den[b]
				}
			}
			for i, n := range allocate(numRest, w, caps) {
				if b := g.buckets[i]; b != app.OutOfCounty || den[b] > 0 {
					g.put(ref, b, app.All, t, ratio(n, den[b], s.ind.Measure))
				}
			}
		}
	case app.Rate:
		pop := map[app.Area]float64{}
		w := make([]float64, len(app.Districts))
		for i, d := range app.Districts {
			w[i] = districtProfile[d].pop
		}
		for i, n := range allocate(s.size, w, nil) {
			pop[app.Districts[i]] = n
		}
		for t := range g.n {
			if s.numOf != "" {
				for _, sp := range []app.Split{app.All, excl} {
					f, ok := g.get(s.numOf, app.Kent, sp, t)
					if ok {
						g.put(ref, app.Kent, sp, t, rate(f.num, s.size))
					}
				}
				for _, d := range app.Districts {
					f, _ := g.get(s.numOf, d, app.All, t)
					g.put(ref, d, app.All, t, rate(f.num, pop[d]))
				}
				continue
			}
			all := math.Round(math.Max(v[t], 0))
			g.put(ref, app.Kent, app.All, t, rate(all, s.size))
			wt := weights(t)[:len(app.Districts)]
			for i, n := range allocate(all, wt, nil) {
				d := app.Districts[i]
				g.put(ref, d, app.All, t, rate(n, pop[d]))
			}
		}
	case app.Median:
		for t := range g.n {
			k := app.RoundTo(v[t], s.ind.Decimals)
			g.put(ref, app.Kent, app.All, t, fig{val: k, hasVal: true})
			for _, d := range app.Districts {
				dv := app.RoundTo(v[t]*factor[d]*math.Exp(0.03*r.NormFloat64()), s.ind.Decimals)
				g.put(ref, d, app.All, t, fig{val: dv, hasVal: true})
			}
		}
	default:
		// A change on the same month last year in the count numOf names.
		base := s.numOf
		for _, a := range append([]app.Area{app.Kent}, app.Districts...) {
			for t := 12; t < g.n; t++ {
				now, _ := g.get(base, a, app.All, t)
				then, _ := g.get(base, a, app.All, t-12)
				g.put(ref, a, app.All, t, fig{val: now.num - then.num, hasVal: true})
			}
		}
	}
}

func count(n float64) fig { return fig{num: n, hasNum: true, val: n, hasVal: true} }

func ratio(num, den float64, m app.Measure) fig {
	f := fig{num: num, den: den, hasNum: true, hasDen: true}
	if den > 0 {
		f.val, f.hasVal = num/den, true
		if m == app.Proportion {
			f.val = num / den * 100
		}
	}
	return f
}

func rate(num, pop float64) fig {
	return fig{num: num, den: pop, hasNum: true, hasDen: true, val: num / pop * 10000, hasVal: true}
}
