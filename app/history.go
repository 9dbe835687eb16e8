package app

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
)

// History is what the store holds, in memory and indexed: every
// indicator, each series' latest figures, the earlier versions of revised
// figures, targets, benchmarks, breakdowns and commentary. Trend, cohort
// and export work on a History, so they can be tested without a store.
//
// A History is built by applying datasets in import order; a later
// figure for the same series and period supersedes an earlier one and the
// earlier is kept as a revision.
type History struct {
	Imports []Import
	// Circulations are the outputs recorded as circulated, oldest first:
	// none in a store from before they were recorded, or whose officers
	// circulate their own files.
	Circulations []Circulation

	indicators []Indicator
	byRef      map[string]int
	series     map[SeriesKey][]Observation
	revisions  map[figureKey][]Observation
	// restated holds, by figure, the imports other than its version's
	// that stated its current figure unchanged (see Restated).
	restated   map[figureKey][]string
	targets    map[string][]Target
	benchmarks map[string][]Benchmark
	breakdowns []Breakdown
	comments   map[figureKey]Comment
	// chartSettings are the officer's trend and SPC settings by ref.
	chartSettings map[string][]ChartSetting
	// targetRestated holds, by ref and year, the imports other than its
	// version's that stated the year's target unchanged (TargetRestated).
	targetRestated map[targetKey][]string
	// ragRule is the store's RAG rule, which every target carries
	// (SetRAGRule).
	ragRule RAGRule
}

type figureKey struct {
	SeriesKey
	Period Period
}

// NewHistory returns an empty History.
func NewHistory() *History {
	return &History{
		byRef:      map[string]int{},
		series:     map[SeriesKey][]Observation{},
		revisions:  map[figureKey][]Observation{},
		targets:    map[string][]Target{},
		benchmarks: map[string][]Benchmark{},
		comments:   map[figureKey]Comment{},
	}
}

// Apply adds everything in d, tagging it with the import ID where the
// records carry none.
func (h *History) Apply(d *Dataset, importID string) {
	h.AddIndicators(d.Indicators)
	for _, o := range d.Observations {
		if o.Import == "" {
			o.Import = importID
		}
		h.Add(o)
	}
	for _, t := range d.Targets {
		if t.Import == "" {
			t.Import = importID
		}
		h.AddTarget(t)
	}
	for _, b := range d.Benchmarks {
		if b.Import == "" {
			b.Import = importID
		}
		h.AddBenchmark(b)
	}
	for _, b := range d.Breakdowns {
		if b.Import == "" {
			b.Import = importID
		}
		h.breakdowns = append(h.breakdowns, b)
	}
	for _, c := range d.Comments {
		if c.Import == "" {
			c.Import = importID
		}
		h.AddComment(c)
	}
	for _, c := range d.ChartSettings {
		if c.Import == "" {
			c.Import = importID
		}
		h.AddChartSetting(c)
	}
}

// AddIndicators adds each of inds in turn (AddIndicator), making room
// for them at once: a reader of a store an indicator at a time gives
// each piece the same hundred-odd definitions, and growing the list one
// by one made most of a large export's garbage of definitions.
func (h *History) AddIndicators(inds []Indicator) {
	h.indicators = slices.Grow(h.indicators, len(inds))
	if len(h.byRef) == 0 {
		h.byRef = make(map[string]int, len(inds))
	}
	for _, ind := range inds {
		h.AddIndicator(ind)
	}
}

// AddIndicator adds ind, or redefines the indicator with its ref while
// keeping its place in the scorecard order. What ind leaves unstated is
// kept from the earlier definition (Indicator.Supplement).
func (h *History) AddIndicator(ind Indicator) {
	if i, ok := h.byRef[ind.Ref]; ok {
		h.indicators[i] = ind.Supplement(h.indicators[i])
		return
	}
	h.byRef[ind.Ref] = len(h.indicators)
	h.indicators = append(h.indicators, ind)
}

// Add records o as the latest version of its figure. An earlier version
// that said something different is kept as a revision and o.Revision
// counts them; one that o only restates (Observation.Restates) stays,
// with its components, and o's import is a restatement of it
// (AddRestatement).
func (h *History) Add(o Observation) {
	k := o.Key()
	s := h.series[k]
	i, found := periodIndex(s, o.Period)
	if !found {
		h.series[k] = slices.Insert(s, i, o)
		return
	}
	old := s[i]
	if o.Restates(old) {
		// The figure stays its first import's, o's a restatement, as a
		// store holds them: credited to the latest, a figure revised
		// later kept it as its earlier version, and the release worked
		// out again as it was before that import (disclosure's asBefore)
		// found nobody had given it before.
		h.AddRestatement(k, o.Period, o.Import)
		return
	}
	fk := figureKey{k, o.Period}
	delete(h.restated, fk) // they stated the figure o replaces
	h.revisions[fk] = append(h.revisions[fk], old)
	o.Revision = int32(len(h.revisions[fk]))
	s[i] = o
}

// AddTarget records t, replacing any earlier target for the same
// indicator and year.
func (h *History) AddTarget(t Target) {
	t.Rule = h.ragRule
	ts := h.targets[t.Ref]
	for i := range ts {
		if ts[i].Year == t.Year {
			ts[i] = t
			delete(h.targetRestated, targetKey{t.Ref, t.Year}) // they stated the target t replaces
			return
		}
	}
	ts = append(ts, t)
	slices.SortFunc(ts, func(a, b Target) int { return a.Year.Compare(b.Year) })
	h.targets[t.Ref] = ts
}

// AddBenchmark records b, replacing an earlier figure for the same
// indicator, period, group and model.
func (h *History) AddBenchmark(b Benchmark) {
	bs := h.benchmarks[b.Ref]
	for i := range bs {
		if bs[i].Period == b.Period && bs[i].Group == b.Group && bs[i].Model == b.Model {
			bs[i] = b
			return
		}
	}
	bs = append(bs, b)
	slices.SortStableFunc(bs, func(a, b Benchmark) int { return a.Period.Compare(b.Period) })
	h.benchmarks[b.Ref] = bs
}

// AddComment records the commentary c, replacing any earlier text.
func (h *History) AddComment(c Comment) {
	h.comments[figureKey{SeriesKey{c.Ref, c.Area, c.Split}, c.Period}] = c
}

// Indicators returns every indicator in scorecard order (ScorecardOrder).
func (h *History) Indicators() []Indicator {
	return ScorecardOrder(h.indicators)
}

// ScorecardOrder returns inds, in the order imported, in scorecard order:
// by section as first met, then in the order imported.
func ScorecardOrder(inds []Indicator) []Indicator {
	out := slices.Clone(inds)
	sectionOrder := map[string]int{}
	for _, ind := range inds {
		if _, ok := sectionOrder[ind.Section]; !ok {
			sectionOrder[ind.Section] = len(sectionOrder)
		}
	}
	slices.SortStableFunc(out, func(a, b Indicator) int {
		return cmp.Compare(sectionOrder[a.Section], sectionOrder[b.Section])
	})
	return out
}

// Indicator returns the indicator with the given ref.
func (h *History) Indicator(ref string) (Indicator, bool) {
	i, ok := h.byRef[ref]
	if !ok {
		return Indicator{}, false
	}
	return h.indicators[i], true
}

// Series returns the latest version of each figure in a series, oldest
// period first. The slice is shared: do not modify it.
func (h *History) Series(k SeriesKey) []Observation { return h.series[k] }

// Keys returns every series held, sorted by ref, area and split.
func (h *History) Keys() []SeriesKey {
	ks := make([]SeriesKey, 0, len(h.series))
	for k := range h.series {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, SeriesKey.Compare)
	return ks
}

// Observation returns the latest figure for a series and period.
func (h *History) Observation(k SeriesKey, p Period) (Observation, bool) {
	s := h.series[k]
	if i, found := periodIndex(s, p); found {
		return s[i], true
	}
	return Observation{}, false
}

// FiledFor returns the figure analysed as period p: p's own, or where
// none is held, the one given in the month or quarter p ends, which trend
// analyses as p (a quarterly measure's figure in its quarter's last month,
// a rolling year reported each quarter, a year's figure in its last month
// or quarter). Looked up by p alone, such a quarter's figure was not found.
func (h *History) FiledFor(k SeriesKey, p Period) (Observation, bool) {
	if o, ok := h.Observation(k, p); ok {
		return o, true
	}
	end := p.End()
	for _, at := range []Period{MonthOf(end.Year(), end.Month()), {Kind: Quarter, Year: end.Year(), N: (int(end.Month()) + 2) / 3}} {
		if at == p {
			continue
		}
		if o, ok := h.Observation(k, at); ok {
			return o, true
		}
	}
	return Observation{}, false
}

// periodIndex is where p is, or would be inserted, in s, a series in
// period order, and whether it is there. It searches by index, since
// slices.BinarySearchFunc hands its comparison each observation probed
// by value: copying those of 168 bytes was most of the time an import's
// review spent finding the figures it restates rounded.
func periodIndex(s []Observation, p Period) (int, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i].Period.Compare(p) >= 0 })
	return i, i < len(s) && s[i].Period.Compare(p) == 0
}

// Revisions returns the earlier versions of a figure, oldest first; nil
// when it was never revised.
func (h *History) Revisions(k SeriesKey, p Period) []Observation {
	return h.revisions[figureKey{k, p}]
}

// Targets returns an indicator's targets, earliest year first.
func (h *History) Targets(ref string) []Target { return h.targets[ref] }

// TargetFor returns the target in force for ind's authority-wide figure
// in period p: the one for its financial or academic year, or that
// year's milestone for p (see Target.For).
func (h *History) TargetFor(ind Indicator, p Period) (Target, bool) {
	return h.TargetIn(ind, "", p)
}

// TargetIn returns the target in force for ind's figure for area in
// period p: its year's, the district's own where it has one, and the
// milestone for p where the year is profiled (see Target.For).
func (h *History) TargetIn(ind Indicator, area Area, p Period) (Target, bool) {
	y := ind.TargetYear(p)
	for _, t := range h.targets[ind.Ref] {
		if t.Year == y {
			t, _ = t.For(area, p)
			return t, true
		}
	}
	return Target{}, false
}

// TargetYearOf returns ind's target for the year of period p as held,
// with its levels (milestones and district targets).
func (h *History) TargetYearOf(ind Indicator, p Period) (Target, bool) {
	y := ind.TargetYear(p)
	for _, t := range h.targets[ind.Ref] {
		if t.Year == y {
			return t, true
		}
	}
	return Target{}, false
}

// Benchmarks returns an indicator's benchmarks, earliest period first.
func (h *History) Benchmarks(ref string) []Benchmark { return h.benchmarks[ref] }

// Breakdowns returns every child-level aggregate held.
func (h *History) Breakdowns() []Breakdown { return h.breakdowns }

// Comment returns the commentary on all children's figures for an
// indicator, area and period.
func (h *History) Comment(ref string, area Area, p Period) (Comment, bool) {
	c, ok := h.comments[figureKey{SeriesKey{ref, area, All}, p}]
	return c, ok
}

// CommentFor returns the commentary on the figures of split (a cohort set
// such as Excluding(UASC)) for an indicator, area and period; failing
// that, all children's, with own false, so that it can be labelled
// "(all children)" where it is shown beside other figures.
func (h *History) CommentFor(ref string, area Area, split Split, p Period) (c Comment, own, ok bool) {
	if c, ok := h.comments[figureKey{SeriesKey{ref, area, split}, p}]; ok {
		return c, true, true
	}
	c, ok = h.comments[figureKey{SeriesKey{ref, area, All}, p}]
	return c, split == All, ok
}

// Cohorts returns the cohorts any series is split by, sorted.
func (h *History) Cohorts() []Cohort {
	seen := map[Cohort]bool{}
	for k := range h.series {
		if c, ok := k.Split.Cohort(); ok {
			seen[c] = true
		}
		for _, c := range k.Split.Excluded() {
			seen[c] = true
		}
	}
	cs := make([]Cohort, 0, len(seen))
	for c := range seen {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	return cs
}

// Excludable reports whether a report excluding c means something: some
// series is split by c, or every indicator is defined not to count it
// (Indicator.Unaffected, a workforce scorecard's), so that every figure
// stands as it is. Otherwise no figure could be worked out without c,
// and the report would change nothing under an "excluding" title.
func (h *History) Excludable(c Cohort) bool {
	if slices.Contains(h.Cohorts(), c) {
		return true
	}
	inds := h.Indicators()
	return len(inds) > 0 && !slices.ContainsFunc(inds, func(ind Indicator) bool { return !slices.Contains(ind.Unaffected, c) })
}

// WhyNotExcludable says why a report excluding c would mean nothing,
// naming the cohorts the figures are split by, so that an officer who
// typed the wrong name sees the right one; "" when c is Excludable. The
// command line refuses such an --exclude with it and the window, which
// starts without the exclusion, says it.
func (h *History) WhyNotExcludable(c Cohort) string {
	if h.Excludable(c) {
		return ""
	}
	held := "no figure in the store is split by any cohort"
	if cs := h.Cohorts(); len(cs) > 0 {
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = string(c)
		}
		held = "the store's figures are split by " + strings.Join(names, ", ")
	}
	return "no figures are split by that cohort, so nothing could be excluded (" + held + ")"
}

// Clone returns a History that shares h's figures but whose series and
// revisions can be replaced (SetSeries, SetRevisions) without touching
// h: how a view excluding a cohort is built from the stored history.
func (h *History) Clone() *History {
	c := *h
	c.series = make(map[SeriesKey][]Observation, len(h.series))
	for k, s := range h.series {
		c.series[k] = s
	}
	// Its own revisions and benchmarks too, so that SetRevisions and
	// SetBenchmarks leave h's alone.
	c.revisions = maps.Clone(h.revisions)
	c.benchmarks = maps.Clone(h.benchmarks)
	return &c
}

// SetRevisions replaces the earlier versions of the figure of k for p,
// oldest first (none: nil), without touching the History h was cloned
// from: a figure excluding a cohort was revised when the figure worked
// out from the earlier versions differs, not when the all-children
// figure's did.
func (h *History) SetRevisions(k SeriesKey, p Period, revs []Observation) {
	fk := figureKey{k, p}
	if len(revs) == 0 && len(h.revisions[fk]) == 0 {
		return
	}
	if len(revs) == 0 {
		delete(h.revisions, fk)
		return
	}
	if h.revisions == nil {
		h.revisions = map[figureKey][]Observation{}
	}
	h.revisions[fk] = revs
}

// SetBenchmarks replaces an indicator's benchmarks, earliest period
// first, without touching the History h was cloned from: a release
// withholds an outturn whose year it withholds.
func (h *History) SetBenchmarks(ref string, bs []Benchmark) {
	if len(bs) == 0 {
		delete(h.benchmarks, ref)
		return
	}
	h.benchmarks[ref] = bs
}

// SetSeries replaces a whole series, e.g. with figures recomputed to
// exclude a cohort. s must be sorted by period.
func (h *History) SetSeries(k SeriesKey, s []Observation) {
	if len(s) == 0 {
		delete(h.series, k)
		return
	}
	h.series[k] = s
}
