package app

import (
	"maps"
	"slices"
)

// Calendar is what the figures of a history say of its periods, gathered
// from histories of one indicator each (Add), so that a caller reading a
// store an indicator at a time (an export) asks it what it would ask
// the whole history: Cadence, Periods, Latest, Shortfall, After
// and ReportingPeriod give what History's methods of those names give for
// the history holding every indicator added.
type Calendar struct {
	n    [CalendarYear + 1]int      // figures by kind of period
	held map[string]map[Period]bool // by ref, the periods of its figures
	inds []Indicator                // defined, in the order imported
}

// AddIndicators gives the indicators defined, in the order imported, as
// History.AddIndicators does: After lists them in scorecard order.
func (c *Calendar) AddIndicators(inds []Indicator) {
	c.inds = append(c.inds, inds...)
}

// Add gathers the periods of every figure h holds. Each indicator's
// figures must be added once, whole: in one history, or split between
// histories by series.
func (c *Calendar) Add(h *History) {
	for k, s := range h.series {
		ps := c.periodsOf(k.Ref)
		for _, o := range s {
			c.count(ps, o.Period)
		}
	}
}

// AddSeries gathers the periods of one series' figures, each once, as
// Add does of a history's series: for a reader that has the periods
// without the figures (an export settling its period).
func (c *Calendar) AddSeries(k SeriesKey, periods []Period) {
	ps := c.periodsOf(k.Ref)
	for _, p := range periods {
		c.count(ps, p)
	}
}

// periodsOf returns the set of ref's periods held, making it.
func (c *Calendar) periodsOf(ref string) map[Period]bool {
	if c.held == nil {
		c.held = map[string]map[Period]bool{}
	}
	ps := c.held[ref]
	if ps == nil {
		ps = map[Period]bool{}
		c.held[ref] = ps
	}
	return ps
}

// count gathers one figure's period p into ps, its indicator's set.
func (c *Calendar) count(ps map[Period]bool, p Period) {
	if p.Kind <= CalendarYear {
		c.n[p.Kind]++
	}
	ps[p] = true
}

// Cadence is History.Cadence.
func (c *Calendar) Cadence() PeriodKind { return cadenceOf(c.n) }

// Periods is History.Periods.
func (c *Calendar) Periods() []Period {
	kind := c.Cadence()
	seen := map[Period]bool{}
	for _, ps := range c.held {
		for p := range ps {
			if p.Kind == kind {
				seen[p] = true
			}
		}
	}
	ps := slices.AppendSeq(make([]Period, 0, len(seen)), maps.Keys(seen))
	slices.SortFunc(ps, Period.Compare)
	return ps
}

// Latest is History.Latest.
func (c *Calendar) Latest() Period {
	ps := c.Periods()
	if len(ps) == 0 {
		return Period{}
	}
	return ps[len(ps)-1]
}

// Shortfall is History.Shortfall for a period p of the cadence, such as
// Latest. The period before p it compares with is the latest of p's kind
// before p in any series, and an indicator has figures for a period when
// any of its series does: History's walk back along each series from its
// end meets both, since no figure of the cadence or a longer kind ends
// earlier than a period of the cadence it follows.
func (c *Calendar) Shortfall(p Period) (before Period, note string) {
	if p.IsZero() {
		return Period{}, ""
	}
	for _, ps := range c.held {
		for q := range ps {
			if q.Kind == p.Kind && q.Compare(p) < 0 && (before.IsZero() || q.Compare(before) > 0) {
				before = q
			}
		}
	}
	if before.IsZero() {
		return Period{}, ""
	}
	in, inBefore := 0, 0
	var off []offCycle
	for ref, ps := range c.held {
		if ps[p] {
			in++
		}
		if ps[before] {
			inBefore++
			if !ps[p] {
				if o, ok := cycleAt(ref, slices.Collect(maps.Keys(ps)), p); ok {
					off = append(off, o)
				}
			}
		}
	}
	return shortfallWords(p, before, in, inBefore, off)
}

// After is History.After.
func (c *Calendar) After(p Period) []RefPeriod {
	latest := map[string]Period{}
	for ref, ps := range c.held {
		var last Period
		for q := range ps {
			if q.End().After(p.End()) && !ReportedIn(q, p) && (last.IsZero() || endsLater(q, last)) {
				last = q
			}
		}
		if !last.IsZero() {
			latest[ref] = last
		}
	}
	return afterInOrder(latest, ScorecardOrder(c.inds))
}

// ReportingPeriod is History.ReportingPeriod.
func (c *Calendar) ReportingPeriod(p Period) (Period, bool) {
	return reportingPeriod(c.Cadence(), p)
}

// Gather adds to h the records of the indicator ref from from, a history
// read for that indicator (a store's LoadIndicator): the figures of its
// series that keep accepts, with their revisions, and all its targets,
// benchmarks, commentary and chart settings, and the RAG rule they are
// rated by, leaving from's definitions,
// imports and breakdowns. What it adds is copied, so that from can be
// let go. h must hold none of ref's records before.
func (h *History) Gather(from *History, ref string, keep func(Observation) bool) {
	for k, s := range from.series {
		if k.Ref != ref {
			continue
		}
		n := 0
		for _, o := range s {
			if keep(o) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		// Sized to what is kept: an export gathers every indicator's
		// series for the whole of its run, and appending grew each to
		// up to twice its figures.
		kept := make([]Observation, 0, n)
		for _, o := range s {
			if keep(o) {
				kept = append(kept, o)
				if rs := from.revisions[figureKey{k, o.Period}]; len(rs) > 0 {
					h.revisions[figureKey{k, o.Period}] = slices.Clone(rs)
				}
			}
		}
		if len(kept) > 0 {
			ownFloats(kept)
			h.series[k] = kept
		}
	}
	if ts := from.targets[ref]; len(ts) > 0 {
		h.targets[ref] = slices.Clone(ts)
	}
	// The store's rule rates them, and the whole export gathered.
	h.ragRule = from.ragRule
	if bs := from.benchmarks[ref]; len(bs) > 0 {
		h.benchmarks[ref] = slices.Clone(bs)
	}
	for k, c := range from.comments {
		if k.Ref == ref {
			h.comments[k] = c
		}
	}
	if cs := from.chartSettings[ref]; len(cs) > 0 {
		if h.chartSettings == nil {
			h.chartSettings = map[string][]ChartSetting{}
		}
		h.chartSettings[ref] = slices.Clone(cs)
	}
}

// ownFloats points the figures of s at a block of their own: a reader's
// figures point into blocks it shares between many, which a figure kept
// from them would otherwise keep whole.
func ownFloats(s []Observation) {
	n := 0
	for i := range s {
		for _, v := range [...]*float64{s[i].Value, s[i].Numerator, s[i].Denominator} {
			if v != nil {
				n++
			}
		}
	}
	block := make([]float64, 0, n)
	own := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		block = append(block, *v)
		return &block[len(block)-1]
	}
	for i := range s {
		o := &s[i]
		o.Value, o.Numerator, o.Denominator = own(o.Value), own(o.Numerator), own(o.Denominator)
	}
}
