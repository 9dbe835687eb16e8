package synth

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"scorecard/app"
	"scorecard/app/cohort"
)

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

// generate draws the model of specs' indicators over the months months
// to last.
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

// rng gives each indicator its own random stream, from the seed and its
// ref, so that its draws do not depend on how many the indicators before
// it took.
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
