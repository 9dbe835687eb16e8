// Package synth generates realistic Kent-style children's services
// performance scorecards: a truth model of indicators, figures, targets
// and benchmarks drawn from a seed, and workbooks that show it in the
// layouts and with the quirks that real scorecards have.
//
// The same model serves three purposes: the demo workbook the app loads on
// first launch (Demo), varied workbooks whose expected reading (Truth) the
// importer's tests compare against, and a large case for benchmarks
// (Large). Generation is deterministic: a seed always gives the same
// figures and the same workbook bytes.
package synth

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/app/cohort"
)

// Model is the truth a generated workbook is drawn from: every figure for
// every indicator, area, split and month, with its components.
type Model struct {
	// Title heads the scorecard: "Children, Young People and Education
	// Performance Scorecard".
	Title string
	// Months are the reporting months, oldest first; the last is the
	// scorecard's month.
	Months []app.Period
	// Dataset holds the indicators (names without footnote markers), the
	// figures, targets for every year the months touch, benchmarks and
	// commentary. Kent's figures are split three ways for the cohort
	// indicators (all children, excluding UASC, UASC only), and
	// Kent = districts + Out of County / Unknown + UASC Service for every
	// additive component.
	Dataset app.Dataset
	// Outturns are each indicator's figure for the year before the
	// scorecard's (Kent, all children), the "2025/26 Outturn" column; the
	// Period is that financial or academic year.
	Outturns []app.Observation
	// Markers are the footnote markers ("*", "(1)") the scorecard shows
	// after some indicators' names, by ref.
	Markers map[string]string
	// Footnotes explain the markers and the sheet's conventions, in the
	// order the footnote block lists them.
	Footnotes []string
	// Twins are the refs shown with an "(excluding UASC)" twin row.
	Twins map[string]bool
	// Owners are the lead officers, by ref, shown in a hidden column.
	Owners map[string]string

	index map[figureKey]int
}

type figureKey struct {
	app.SeriesKey
	Period app.Period
}

// Latest returns the scorecard's month.
func (m *Model) Latest() app.Period { return m.Months[len(m.Months)-1] }

// Indicator returns the indicator with the given ref.
func (m *Model) Indicator(ref string) (app.Indicator, bool) {
	for _, ind := range m.Dataset.Indicators {
		if ind.Ref == ref {
			return ind, true
		}
	}
	return app.Indicator{}, false
}

// Observation returns the model's figure for a series in a month. It
// looks figures up in an index built with the model; after changing
// Dataset.Observations, call Reindex.
func (m *Model) Observation(k app.SeriesKey, p app.Period) (app.Observation, bool) {
	if m.index == nil {
		m.Reindex()
	}
	i, ok := m.index[figureKey{k, p}]
	if !ok {
		return app.Observation{}, false
	}
	return m.Dataset.Observations[i], true
}

// Reindex rebuilds the index Observation uses. Generation builds it, so
// that a model can be read from several goroutines at once.
func (m *Model) Reindex() {
	m.index = make(map[figureKey]int, len(m.Dataset.Observations))
	for i, o := range m.Dataset.Observations {
		m.index[figureKey{o.Key(), o.Period}] = i
	}
}

// Target returns the target in force for ind in month p.
func (m *Model) Target(ind app.Indicator, p app.Period) (app.Target, bool) {
	y := ind.TargetYear(p)
	for _, t := range m.Dataset.Targets {
		if t.Ref == ind.Ref && t.Year == y {
			return t, true
		}
	}
	return app.Target{}, false
}

// Benchmark returns an indicator's benchmark for a group ("England",
// "Statistical neighbours").
func (m *Model) Benchmark(ref, group string) (app.Benchmark, bool) {
	for _, b := range m.Dataset.Benchmarks {
		if b.Ref == ref && b.Group == group {
			return b, true
		}
	}
	return app.Benchmark{}, false
}

// Outturn returns an indicator's previous-year outturn.
func (m *Model) Outturn(ref string) (app.Observation, bool) {
	for _, o := range m.Outturns {
		if o.Ref == ref {
			return o, true
		}
	}
	return app.Observation{}, false
}

// Comment returns the commentary for an indicator in the latest month.
func (m *Model) Comment(ref string) string {
	for _, c := range m.Dataset.Comments {
		if c.Ref == ref && c.Period == m.Latest() {
			return c.Text
		}
	}
	return ""
}

// DemoSeed is the seed of the embedded demo.
const DemoSeed = 20261031

// Demo returns the model behind the embedded demo workbook: 32 indicators
// in five sections, Kent and its 12 districts, the 24 months November 2024
// to October 2026. One series has a month not available (x), one district
// figure is suppressed (c), and one indicator's latest month is not yet
// published, so the previous year's outturn stands in for it.
func Demo() *Model {
	m := generate(DemoSeed, demoSpecs(), app.MonthOf(2026, time.October), 24)
	for _, lost := range []struct {
		ref   string
		month app.Period
	}{{"SCS05", app.MonthOf(2026, time.February)}, {"ED02", app.MonthOf(2025, time.August)}} {
		m.withhold(func(o app.Observation) bool { return o.Ref == lost.ref && o.Period == lost.month }, app.NotAvailable, "x")
	}
	m.withhold(func(o app.Observation) bool {
		return o.Ref == "CIC09" && o.Area == "Dover" && o.Period == m.Latest()
	}, app.Suppressed, "c")
	m.standIn("ED03", m.Latest())
	m.Footnotes = []string{
		"* Placements more than 20 miles from the child's home address; excludes children placed with parents.",
		"(1) Care leavers' activity is recorded around the young person's birthday; persistent absence is for the academic year to date.",
		"Figures in italics are previous reporting year",
		"UASC: unaccompanied asylum-seeking children. Rows marked (excluding UASC) leave them out; see the Data sheet for the UASC figures.",
		"Polarity: H higher is better, L lower is better, T close to target is better (within 2 is green, within 4 amber).",
		"c suppressed to protect confidentiality; x not available.",
		"Source: Liberi case management system, Synergy and the SEN database. OFFICIAL.",
	}
	return m
}

// Large returns a model for benchmarks: 128 indicators (the demo's four
// times over, each copy with new refs and its own figures), Kent and the 12
// districts, the 60 months November 2021 to October 2026.
func Large(seed uint64) *Model {
	base := demoSpecs()
	perPrefix := map[string]int{}
	for _, s := range base {
		perPrefix[refPrefix(s.ind.Ref)]++
	}
	// Copy r of CIC05 is CIC(05 + r*11): each copy keeps its section's
	// numbering and its links (a rate to its count) within the copy.
	renumber := func(ref string, round int) string {
		if ref == "" {
			return ""
		}
		p := refPrefix(ref)
		var n int
		fmt.Sscanf(ref[len(p):], "%d", &n)
		return fmt.Sprintf("%s%02d", p, n+round*perPrefix[p])
	}
	var specs []spec
	for round := range 4 {
		for _, s := range base {
			s.ind.Ref = renumber(s.ind.Ref, round)
			s.denOf = renumber(s.denOf, round)
			s.numOf = renumber(s.numOf, round)
			if round > 0 {
				s.ind.Name = fmt.Sprintf("%s (variant %d)", s.ind.Name, round+1)
				s.level *= 1 + 0.04*float64(round)
				s.comment = ""
			}
			specs = append(specs, s)
		}
	}
	return generate(seed, specs, app.MonthOf(2026, time.October), 60)
}

// refPrefix returns a ref's letters: "CIC" for "CIC05".
func refPrefix(ref string) string {
	return strings.TrimRight(ref, "0123456789")
}

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

// generator draws a model's figures. Series are generated over a year of
// prelude before the first month shown, so that year-on-year changes are
// defined from the first month.
type generator struct {
	seed    uint64
	n       int // months generated, prelude included
	pre     int
	months  []app.Period
	figs    map[app.SeriesKey][]fig
	order   []app.SeriesKey
	popOf   map[app.Area]float64
	byRef   map[string]spec
	buckets []app.Area // the districts then Out of County / Unknown
}

// fig is one generated figure. num and den are whole numbers (children,
// days, population); val is derived from them where there are any.
type fig struct {
	num, den float64
	hasNum   bool
	hasDen   bool
	val      float64
	hasVal   bool
}

func generate(seed uint64, specs []spec, last app.Period, months int) *Model {
	const pre = 12
	g := &generator{seed: seed, pre: pre, n: months + pre, figs: map[app.SeriesKey][]fig{},
		byRef: map[string]spec{}, popOf: map[app.Area]float64{}}
	for i := range g.n {
		g.months = append(g.months, last.Add(i-g.n+1))
	}
	g.buckets = append(slices.Clone(app.Districts), app.OutOfCounty)
	m := &Model{
		Title:   "Children, Young People and Education Performance Scorecard",
		Months:  g.months[pre:],
		Markers: map[string]string{},
		Twins:   map[string]bool{},
		Owners:  map[string]string{},
	}
	for _, s := range specs {
		g.byRef[s.ind.Ref] = s
		m.Dataset.Indicators = append(m.Dataset.Indicators, s.ind)
		if s.marker != "" {
			m.Markers[s.ind.Ref] = s.marker
		}
		if s.twin {
			m.Twins[s.ind.Ref] = true
		}
		m.Owners[s.ind.Ref] = s.owner
		g.series(s)
	}
	g.fill(m)
	for _, s := range specs {
		m.Dataset.Targets = append(m.Dataset.Targets, targets(s, m.Months)...)
		m.Dataset.Benchmarks = append(m.Dataset.Benchmarks, benchmarks(s, m.Latest())...)
		if s.comment != "" {
			m.Dataset.Comments = append(m.Dataset.Comments, app.Comment{Ref: s.ind.Ref, Area: app.Kent, Period: m.Latest(), Text: s.comment})
		}
	}
	m.Reindex()
	m.Outturns = outturns(m)
	return m
}

func (g *generator) rng(ref string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(ref))
	return rand.New(rand.NewPCG(g.seed, h.Sum64()))
}

func (g *generator) put(ref string, a app.Area, sp app.Split, t int, f fig) {
	k := app.SeriesKey{Ref: ref, Area: a, Split: sp}
	s, ok := g.figs[k]
	if !ok {
		s = make([]fig, g.n)
		g.figs[k] = s
		g.order = append(g.order, k)
	}
	s[t] = f
}

func (g *generator) get(ref string, a app.Area, sp app.Split, t int) (fig, bool) {
	s, ok := g.figs[app.SeriesKey{Ref: ref, Area: a, Split: sp}]
	if !ok {
		return fig{}, false
	}
	return s[t], true
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

// fill turns the generated figures (prelude dropped) into the model's
// observations, in scorecard order: indicator, area, split, month.
func (g *generator) fill(m *Model) {
	areaOrder := map[app.Area]int{}
	for i, a := range append(slices.Clone(app.Areas), app.OutOfCounty, app.UASCService) {
		areaOrder[a] = i
	}
	splitOrder := map[app.Split]int{app.All: 0, excl: 1, uascOnly: 2}
	refOrder := map[string]int{}
	for i, ind := range m.Dataset.Indicators {
		refOrder[ind.Ref] = i
	}
	keys := slices.Clone(g.order)
	slices.SortStableFunc(keys, func(a, b app.SeriesKey) int {
		if c := refOrder[a.Ref] - refOrder[b.Ref]; c != 0 {
			return c
		}
		if c := areaOrder[a.Area] - areaOrder[b.Area]; c != 0 {
			return c
		}
		return splitOrder[a.Split] - splitOrder[b.Split]
	})
	for _, k := range keys {
		s := g.byRef[k.Ref]
		rule := ""
		if k.Split != app.All {
			rule = cohort.SnapshotRule(app.UASC)
			if s.ind.DataPeriod != app.Snapshot {
				rule = cohort.PeriodRule(app.UASC)
			}
		}
		for t := g.pre; t < g.n; t++ {
			f := g.figs[k][t]
			if !f.hasVal && !f.hasNum {
				continue
			}
			o := app.Observation{Ref: k.Ref, Area: k.Area, Split: k.Split, Period: g.months[t], Rule: rule}
			if f.hasVal {
				o.Value = app.Float(f.val)
			} else {
				o.Status, o.Raw = app.NotApplicable, "-"
			}
			if f.hasNum {
				o.Numerator = app.Float(f.num)
			}
			if f.hasDen {
				o.Denominator = app.Float(f.den)
			}
			m.Dataset.Observations = append(m.Dataset.Observations, o)
		}
	}
}

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

// BenchmarkYear is the year the benchmarks describe for a scorecard of
// month latest: DfE publishes a year's figures in the autumn after it
// ends, so an October scorecard compares with the year before last.
func BenchmarkYear(latest app.Period) app.Period {
	return app.Period{Kind: app.FinancialYear, Year: latest.FinancialYearOf().Year - 2}
}

// The benchmark groups the scorecard shows.
const (
	England    = "England"
	Neighbours = "Statistical neighbours"
)

func benchmarks(s spec, latest app.Period) []app.Benchmark {
	var bs []app.Benchmark
	y := BenchmarkYear(latest)
	if s.england != 0 {
		bs = append(bs, app.Benchmark{Ref: s.ind.Ref, Period: y, Group: England, Value: app.Float(s.england)})
	}
	if s.neighbours != 0 {
		bs = append(bs, app.Benchmark{Ref: s.ind.Ref, Period: y, Group: Neighbours, Value: app.Float(s.neighbours)})
	}
	return bs
}

// OutturnYear is the year whose outturn the scorecard shows beside the
// months: the financial (or academic) year before the one in force.
func OutturnYear(ind app.Indicator, latest app.Period) app.Period {
	return ind.TargetYear(latest).Add(-1)
}

func outturns(m *Model) []app.Observation {
	var out []app.Observation
	for _, ind := range m.Dataset.Indicators {
		y := OutturnYear(ind, m.Latest())
		last := app.MonthOf(y.End().Year(), y.End().Month())
		o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, last)
		if !ok || o.Value == nil {
			continue
		}
		out = append(out, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: y, Value: app.Float(*o.Value),
			Numerator: o.Numerator, Denominator: o.Denominator})
	}
	return out
}

// withhold replaces the figures that match with a status code: a month
// lost in a system migration (x), or a small count suppressed (c).
func (m *Model) withhold(match func(app.Observation) bool, st app.Status, raw string) {
	for i := range m.Dataset.Observations {
		o := &m.Dataset.Observations[i]
		if match(*o) {
			o.Value, o.Numerator, o.Denominator, o.Status, o.Raw = nil, nil, nil, st, raw
		}
	}
}

// standIn replaces ref's figures in month p, not yet published, with the
// county's previous-year outturn shown in italics; districts show nothing.
func (m *Model) standIn(ref string, p app.Period) {
	out, ok := m.Outturn(ref)
	if !ok {
		return
	}
	kept := m.Dataset.Observations[:0]
	for _, o := range m.Dataset.Observations {
		if o.Ref == ref && o.Period == p {
			if o.Area != app.Kent || o.Split != app.All {
				continue
			}
			o.Value, o.Numerator, o.Denominator, o.StandIn = app.Float(*out.Value), nil, nil, true
		}
		kept = append(kept, o)
	}
	m.Dataset.Observations = kept
	m.Reindex()
}
