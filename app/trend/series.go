package trend

import (
	"slices"

	"scorecard/app"
)

// Series is one series analysed: every figure of every point worked out,
// and held compactly until its Points are asked for. Across a
// directorate's every series (AnalyseAll) a view shows a few points of
// each at most, and the full Points of them all would be four times the
// memory, full of pointers for the garbage collector to chase.
type Series struct {
	Key   app.SeriesKey
	first app.Period
	obs   []app.Observation // the history's figures, which points share
	years []*targetYear     // the target years in force, as points index them
	chart *Chart
	// charts are the charts of a series the officer rebased, as points'
	// seg index them; nil for one chart.
	charts []*Chart
	unit   string // what a change is counted in: Point.ChangeUnit
	lag    int    // periods in a year: the last-year comparison's step
	// changeLag is Point.ChangeLag: 0 where the change is on the period
	// before.
	changeLag int
	ind       app.Indicator // for the words of a point not charted
	// polarity reads the source's arrows as Point.SourceDoT.
	polarity app.Polarity

	runLength, trendLen int // the Options the rules' words name
	// recent is Options.Window as asked: how many periods after its last
	// point a figure not in is still flagged missing (OffCycle.Overdue).
	recent int

	pts []point
	// details are the FlagDetails of the points from explainFrom on.
	details     [][]string
	explainFrom int
}

// point is a Point held compactly: no pointers, and the figures it shares
// with the history or its series held as indexes.
type point struct {
	at   int32  // the observation, in Series.obs; -1 for a missing period
	year uint16 // the target year in force, in Series.years

	rag              app.RAG
	movement         app.Arrow
	dot, lastYearDoT uint8 // indexes in dots
	signal           Signal
	assurance        Assurance
	flags            uint8 // bits of flagKinds
	seg              uint8 // the chart, in Series.charts
	rule             rule  // why a special-cause point is special
	has              has   // which of the optional figures are present

	change, relativeChange, lastYearChange float64
	perChild, wilsonLow, wilsonHigh        float64
	trend                                  Trend
}

// has says which of a point's optional figures are present.
type has uint8

const (
	hasChange has = 1 << iota
	hasRelativeChange
	hasLastYear
	hasChart
	hasChildren
	hasWilson
	ruleHigh // the special cause is above the mean
)

// The directions of travel, which points hold as indexes.
var dots = [...]app.DoT{app.NoDoT, app.Improved, app.Worsened, app.Same}

// dotIndex returns a direction's index in dots. A switch rather than a
// search of the table: keep meets two a point, for every point of every
// series on each toggle. TestIndexesMatchTables keeps it in step with the
// table.
func dotIndex(d app.DoT) uint8 {
	switch d {
	case app.Improved:
		return 1
	case app.Worsened:
		return 2
	case app.Same:
		return 3
	}
	return 0
}

// lagOf returns how many periods of kind k make a year.
func lagOf(k app.PeriodKind) int {
	switch k {
	case app.Month:
		return 12
	case app.Quarter:
		return 4
	}
	return 1
}

// keep returns the points worked out in a.pts, of the observations obs,
// as a Series, carving its compact points from a.res.
func (a *analysis) keep(obs []app.Observation) Series {
	n := len(a.pts)
	a.res.years.keep(a.years)
	s := Series{
		Key: a.key, first: a.pts[0].Period, obs: obs, years: a.years, chart: a.segs[0].chart,
		unit: app.ChangeUnit(a.ind.Unit), polarity: a.ind.Polarity, lag: lagOf(a.pts[0].Period.Kind),
		runLength: a.opt.RunLength, trendLen: a.opt.TrendLength,
		explainFrom: a.explainFrom,
	}
	if a.ytd {
		s.changeLag, s.ind = s.lag, a.ind
	}
	if len(a.segs) > 1 {
		s.charts = make([]*Chart, len(a.segs))
		for k, g := range a.segs {
			s.charts[k] = g.chart
		}
	}
	s.pts = a.res.points.room(n)[:n]
	a.res.points.keep(s.pts)
	for i := range a.pts {
		p, q := &a.pts[i], &s.pts[i]
		*q = point{
			at: a.at[i], year: a.scratch.year[i],
			rag: p.RAG, dot: dotIndex(p.DoT),
			lastYearDoT: dotIndex(p.LastYearDoT), movement: p.Movement,
			signal: p.Signal, assurance: p.Assurance, flags: a.flags[i], trend: p.Trend,
			seg: a.scratch.seg[i],
		}
		if p.Change != nil {
			q.has |= hasChange
			q.change = *p.Change
		}
		if p.RelativeChange != nil {
			q.has |= hasRelativeChange
			q.relativeChange = *p.RelativeChange
		}
		if p.LastYearChange != nil {
			q.has |= hasLastYear
			q.lastYearChange = *p.LastYearChange
		}
		if p.Chart != nil {
			q.has |= hasChart
		}
		if p.Rule != "" {
			// From the scratch, not a.c: a rebased series' last chart
			// may have too few points to hold any.
			q.rule = a.scratch.rule[i]
			if a.scratch.side[i] > 0 {
				q.has |= ruleHigh
			}
		}
		if c := p.Children; c != nil {
			q.has |= hasChildren
			q.perChild = c.PerChild
			if c.WilsonLow != nil {
				q.has |= hasWilson
				q.wilsonLow, q.wilsonHigh = *c.WilsonLow, *c.WilsonHigh
			}
		}
	}
	if a.explainFrom < n {
		s.details = make([][]string, n-a.explainFrom)
		for i := range s.details {
			s.details[i] = a.pts[a.explainFrom+i].FlagDetails
		}
	}
	return s
}

// Len returns the number of points: one for each period from the first
// figure to the last.
func (s *Series) Len() int { return len(s.pts) }

// Period returns the period of point i, without writing the point out.
func (s *Series) Period(i int) app.Period { return s.first.Add(i) }

// Point returns point i, oldest first.
func (s *Series) Point(i int) Point {
	var w written
	return s.point(i, &w)
}

// Points returns every point, oldest first; nil for a series with no
// figures.
func (s *Series) Points() []Point {
	if len(s.pts) == 0 {
		return nil
	}
	var w written
	w.nums.min, w.kids.min = numsPerPoint*len(s.pts), len(s.pts)
	out := make([]Point, len(s.pts))
	for i := range out {
		out[i] = s.point(i, &w)
	}
	return out
}

// At returns the point for period p, or for a period of another kind,
// the point reported in it (a quarterly measure's quarter in the month it
// ends), and false when the series has none: p is before its first
// figure or after its last, or no period of the series' kind is reported
// in it.
func (s *Series) At(p app.Period) (Point, bool) {
	if len(s.pts) == 0 {
		return Point{}, false
	}
	if p.Kind != s.first.Kind {
		q, ok := reportedIn(s.first.Kind, p)
		if !ok {
			return Point{}, false
		}
		p = q
	}
	i := p.Index() - s.first.Index()
	if i < 0 || i >= len(s.pts) {
		return Point{}, false
	}
	return s.Point(i), true
}

// observation returns the figure of point i, or nil for a missing period.
func (s *Series) observation(i int) *app.Observation {
	if at := s.pts[i].at; at >= 0 {
		return &s.obs[at]
	}
	return nil
}

// written holds what written-out points refer to of their own.
type written struct {
	nums slab[float64]
	kids slab[Children]
	// figs are the figures of chart figsSeg, and figsAt each point's
	// place among them (see figures).
	figs    []float64
	figsAt  []int32
	figsSeg uint8
}

func (w *written) num(v float64) *float64 {
	p := w.nums.one()
	*p = v
	return p
}

// point writes out point i, carving what it refers to from w.
func (s *Series) point(i int, w *written) Point {
	q := &s.pts[i]
	p := Point{
		Period: s.first.Add(i),
		RAG:    q.rag, DoT: dots[q.dot], LastYearDoT: dots[q.lastYearDoT], Movement: q.movement,
		Signal: q.signal, Assurance: q.assurance, Flags: flagSets()[q.flags], Trend: q.trend,
	}
	y := s.years[q.year]
	p.Target, p.Floor, p.Tolerance = y.target.Target, y.target.Floor, y.target.Tolerance
	if o := s.observation(i); o != nil {
		p.Value, p.Numerator, p.Denominator = o.Value, o.Numerator, o.Denominator
		p.Status, p.Import, p.Revision = o.Status, o.Import, int(o.Revision)
		p.StandIn, p.SourceArrow, p.SourceRAG = o.StandIn, o.SourceArrow, o.SourceRAG
		p.SourceDoT = sourceDoT(s.polarity, o.SourceArrow)
	} else {
		p.Missing = true
	}
	if q.has&hasChange != 0 {
		p.Change, p.ChangeUnit, p.ChangeLag = w.num(q.change), s.unit, s.changeLag
	}
	if q.has&hasRelativeChange != 0 {
		p.RelativeChange = w.num(q.relativeChange)
	}
	if q.has&hasLastYear != 0 {
		p.LastYear = s.observation(i - s.lag).Value
		p.LastYearChange = w.num(q.lastYearChange)
	}
	if q.has&hasChart != 0 {
		p.Chart = s.chart
		if s.charts != nil {
			p.Chart = s.charts[q.seg]
		}
	}
	if q.rule != noRule {
		p.Rule = ruleText(q.rule, q.has&ruleHigh != 0, s.runLength, s.trendLen)
	}
	p.Variation = variationOf(q.signal, q.has&ruleHigh != 0)
	p.VariationReading = s.reading(i, p.Variation, q.rule, p.Chart, w)
	p.AssuranceReading = q.assurance.Reading()
	if q.has&hasChildren != 0 {
		c := w.kids.one()
		*c = Children{PerChild: q.perChild, num: *p.Numerator, den: *p.Denominator}
		if q.has&hasWilson != 0 {
			c.WilsonLow, c.WilsonHigh = w.num(q.wilsonLow), w.num(q.wilsonHigh)
		}
		if p.RAG != app.NoRAG {
			c.rate = y.rater
		}
		p.Children = c
	}
	if i >= s.explainFrom && s.details != nil {
		// Clipped, so that a caller's append cannot write into what
		// another call returns.
		p.FlagDetails = slices.Clip(s.details[i-s.explainFrom])
	}
	return p
}
