package trend

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"scorecard/app"
)

// Options set the windows and thresholds of the analysis. A zero field
// takes its default, so Options{} is DefaultOptions().
type Options struct {
	Window   int // points in the trend period, default 12
	Baseline int // SPC baseline: the first Baseline figures set the mean and limits; 0 = all (needs >= MinBaseline)
	// Band is the "no clear trend" band: a fitted line that moves by less
	// than Band × the window's mean level is no clear trend. Default 0.05.
	Band        float64
	RunLength   int // points on one side of the mean that make a shift, default 7
	TrendLength int // points rising or falling in a row that make a trend, default 7
	// ReversalRun is how many improvements (or deteriorations) in a row a
	// move the other way must follow to be flagged as a reversal. Default 3.
	ReversalRun int
	// SmallNumbers flags a figure when this many children or fewer would
	// change its RAG rating. Default 2.
	SmallNumbers int
	// Until, when set, ends the analysis at this period, as it stood then:
	// limits, runs and trends use nothing later.
	Until app.Period
	// Details fills Point.FlagDetails, the words of each flag. Writing
	// them takes longer than all the arithmetic, so a view that recomputes
	// every series and shows only the flags' kinds leaves it off.
	Details bool
}

// DefaultOptions returns the defaults: a 12-point trend window, SPC on
// all points, the Making Data Count run and trend lengths of 7.
func DefaultOptions() Options {
	return Options{Window: 12, Band: 0.05, RunLength: 7, TrendLength: 7, ReversalRun: 3, SmallNumbers: 2}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Window <= 0 {
		o.Window = d.Window
	}
	if o.Band <= 0 {
		o.Band = d.Band
	}
	if o.RunLength <= 0 {
		o.RunLength = d.RunLength
	}
	if o.TrendLength <= 0 {
		o.TrendLength = d.TrendLength
	}
	if o.ReversalRun <= 0 {
		o.ReversalRun = d.ReversalRun
	}
	if o.SmallNumbers <= 0 {
		o.SmallNumbers = d.SmallNumbers
	}
	return o
}

// Analyse analyses one series (indicator k.Ref, area, split) point by
// point, oldest first. A period missing inside the series gets a Point of
// its own with Missing set, so that nothing is bridged silently. A series
// holding periods of more than one kind (say months and a year's outturn)
// is analysed at its most common kind.
func Analyse(h *app.History, k app.SeriesKey, opt Options) []Point {
	s := AnalyseSeries(h, k, opt)
	return s.Points()
}

// AnalyseSeries is Analyse, held as a Series: for a view that shows one
// point of each series, such as the scorecard's row for a month.
func AnalyseSeries(h *app.History, k app.SeriesKey, opt Options) Series {
	return analyse(h, k, opt, opt.explain(), newResults(false))
}

// Which points of a series get their flags' words.
const (
	explainNone = iota
	explainAll
	explainLast
)

// explain says which points' flags get words, as o.Details asks.
func (o Options) explain() int {
	if o.Details {
		return explainAll
	}
	return explainNone
}

// analyse analyses series k, carving what its points refer to from res.
func analyse(h *app.History, k app.SeriesKey, opt Options, explain int, res *results) Series {
	opt = opt.withDefaults()
	ind, ok := h.Indicator(k.Ref)
	if !ok {
		ind = app.Indicator{Ref: k.Ref}
	}
	all := upTo(h.Series(k), yearsQuarter(ind, opt.Until))
	obs, kind := seriesUntil(all, app.Period{})
	obs, kind, stray, _ := asDataPeriod(ind, all, obs, kind)
	if len(obs) == 0 {
		return Series{Key: k}
	}
	s := scratches.Get().(*scratch)
	defer s.release()
	a := analysis{h: h, key: k, ind: ind, opt: opt, res: res, scratch: s, plan: h.ChartPlan(k.Ref), since: -1}
	if stray >= 0 {
		a.stray = &obs[stray]
	}
	a.run(obs, kind, explain)
	ser := a.keep(obs)
	// The officer's chart window (a.plan) may shorten a.opt's; how long
	// a missing figure stays flagged is flags' own window, not the chart's.
	ser.recent = opt.Window
	return ser
}

// seriesUntil returns the observations of a series that end by until
// (all of them for a zero until) and the period kind to analyse them at:
// the finest kind the series has, as History.Cadence chooses for a whole
// history (months before quarters before years, and of the kinds of year
// the most common), keeping only that. A count of kinds would not do: the
// first scorecard of a year gives two years' outturns beside one month,
// and the month is the scorecard's figure. Where the ends are of that
// kind, a figure of another between them (a year's outturn among months)
// stays in the slice and the analysis skips it: most series are of one
// kind, and need no copy.
func seriesUntil(obs []app.Observation, until app.Period) ([]app.Observation, app.PeriodKind) {
	obs = upTo(obs, until)
	if len(obs) == 0 {
		return nil, 0
	}
	if obs[0].Period.Kind == app.Month && obs[len(obs)-1].Period.Kind == app.Month {
		return obs, app.Month
	}
	var counts [app.CalendarYear + 1]int
	for _, o := range obs {
		if o.Period.Kind <= app.CalendarYear {
			counts[o.Period.Kind]++
		}
	}
	var kind app.PeriodKind
	switch {
	case counts[app.Month] > 0:
		kind = app.Month
	case counts[app.Quarter] > 0:
		kind = app.Quarter
	default:
		for _, k := range []app.PeriodKind{app.FinancialYear, app.AcademicYear, app.CalendarYear} {
			if counts[k] > counts[kind] {
				kind = k
			}
		}
	}
	if obs[0].Period.Kind == kind && obs[len(obs)-1].Period.Kind == kind {
		return obs, kind
	}
	var kept []app.Observation
	for _, o := range obs {
		if o.Period.Kind == kind {
			kept = append(kept, o)
		}
	}
	return kept, kind
}

// upTo returns the observations of a series that end by until: all of
// them for a zero until. A series is in order of start, so a year that
// ends after until may stand before months that end by it: it is left
// out too, in a copy, for its figure was not known at until.
func upTo(obs []app.Observation, until app.Period) []app.Observation {
	if until.IsZero() {
		return obs
	}
	end := until.End()
	n := len(obs)
	for n > 0 && obs[n-1].Period.End().After(end) {
		n--
	}
	obs = obs[:n]
	for i, o := range obs {
		if o.Period.End().After(end) {
			kept := slices.Clone(obs[:i])
			for _, o := range obs[i+1:] {
				if !o.Period.End().After(end) {
					kept = append(kept, o)
				}
			}
			return kept
		}
	}
	return obs
}

// analysis holds what one series' analysis shares between its steps.
type analysis struct {
	h   *app.History
	key app.SeriesKey
	ind app.Indicator
	opt Options
	*scratch
	c     chart
	chart *Chart // the chart's lines, shared by the points; nil without one

	// res holds what the kept series refer to, so that a series costs an
	// allocation or two rather than one per point: a toggle may
	// recompute every series (AnalyseAll).
	res *results

	year   app.Period // the target year last looked up, its target and rater
	target app.Target
	rater  *rater // nil when the year's target gives no RAG
	// profiled is set when that year has milestones or district targets.
	profiled bool
	// years are the target years met so far, in order: Series.years.
	years []*targetYear

	explainFrom int // the first slot whose flags get words

	win window
	// plan is the officer's settings for the indicator; since is the
	// slot a "since a date" trend window starts at, or -1.
	plan     app.ChartPlan
	since    int
	halfUnit float64 // half a unit of the last displayed decimal: a smaller change shows as none
	// ytd is set for a year-to-date measure's months or quarters: each
	// figure takes in the months before it until the year restarts, so
	// direction of travel is against the same month (quarter) last year,
	// and there is no SPC chart or fitted trend of the cumulative figures.
	// Against the quarter before, the year's first quarter would read as a
	// large improvement and a reversal (QA23b D3).
	ytd bool
	// stray is the first figure of a quarterly or annual measure that
	// stands in a month ending no quarter or year, which leaves its
	// figures analysed as months (asDataPeriod); a missing month says so
	// (strayWords). nil for any other series.
	stray *app.Observation
}

func (a *analysis) num(v float64) *float64 {
	a.nums = append(a.nums, v)
	return &a.nums[len(a.nums)-1]
}

// numsPerPoint is the most numbers a point refers to of its own: the
// change, relative change, change on last year and Wilson interval.
const numsPerPoint = 5

// run works out the full Points of the series in a.pts.
func (a *analysis) run(obs []app.Observation, kind app.PeriodKind, explain int) {
	first := obs[0].Period
	n := obs[len(obs)-1].Period.Index() - first.Index() + 1
	switch explain {
	case explainNone:
		a.explainFrom = n
	case explainLast:
		a.explainFrom = n - 1
	}
	a.scratch.reset(n)
	a.years = a.res.years.room(8)
	a.ytd = (kind == app.Month || kind == app.Quarter) && a.ind.DataPeriod == app.YearToDate
	d := a.ind.Decimals
	j := 0
	for i := range a.pts {
		p := &a.pts[i]
		p.Period = first.Add(i)
		for j < len(obs) && obs[j].Period.Kind != kind {
			j++
		}
		if j < len(obs) && obs[j].Period == p.Period {
			o := &obs[j]
			a.at[i] = int32(j)
			j++
			p.Value, p.Numerator, p.Denominator = o.Value, o.Numerator, o.Denominator
			p.Status, p.Import, p.Revision = o.Status, o.Import, int(o.Revision)
			p.StandIn, p.SourceArrow, p.SourceRAG = o.StandIn, o.SourceArrow, o.SourceRAG
			p.SourceDoT = sourceDoT(a.ind.Polarity, o.SourceArrow)
			if o.Value != nil && !o.StandIn && !math.IsNaN(*o.Value) && !math.IsInf(*o.Value, 0) {
				a.vals[i], a.has[i] = *o.Value, true
				a.shown[i] = app.RoundTo(*o.Value, d)
			}
			continue
		}
		a.at[i] = -1
		p.Missing = true
	}

	a.charts(first, n)
	a.window(first)
	seg := 0
	a.c, a.chart = a.segs[0].c, a.segs[0].chart
	lag := lagOf(first.Kind)
	step := 1 // the point direction of travel compares with, this many before
	if a.ytd {
		step = lag
	}
	unit := app.ChangeUnit(a.ind.Unit)
	pol := a.ind.Polarity
	a.halfUnit = 0.5 * math.Pow(10, -float64(max(d, 0)))
	run, runDoT := 0, app.NoDoT
	for i := range a.pts {
		if seg+1 < len(a.segs) && i == a.segs[seg+1].lo {
			seg++
			a.c, a.chart = a.segs[seg].c, a.segs[seg].chart
		}
		a.scratch.seg[i] = uint8(seg)
		a.slide(i)
		p := &a.pts[i]
		t := a.targetFor(p.Period)
		a.scratch.year[i] = uint16(len(a.years) - 1)
		p.Target, p.Floor, p.Tolerance = t.Target, t.Floor, t.Tolerance
		if !a.has[i] {
			run, runDoT = 0, app.NoDoT
			a.flag(i, t, 0, app.NoDoT)
			continue
		}
		v, shown := a.vals[i], a.shown[i]
		if a.rater != nil {
			p.RAG = a.rater.rate(shown)
		}
		if i >= step && a.has[i-step] {
			prev := a.vals[i-step]
			p.DoT = direction(pol, a.shown[i-step], shown, d, t.Target)
			change := app.RoundTo(shown-a.shown[i-step], d)
			p.Change, p.ChangeUnit = a.num(change), unit
			// The arrow follows the change shown: the figures as displayed
			// went up, down or nowhere.
			switch {
			case change > 0:
				p.Movement = app.Up
			case change < 0:
				p.Movement = app.Down
			default:
				p.Movement = app.Across
			}
			if prev != 0 {
				p.RelativeChange = a.num(app.RoundTo((v-prev)/math.Abs(prev)*100, 1))
			}
		}
		if i >= lag && a.has[i-lag] {
			// The figure a year before is the history's own, as Value is.
			p.LastYear = a.pts[i-lag].Value
			p.LastYearChange = a.num(app.RoundTo(shown-a.shown[i-lag], d))
			p.LastYearDoT = direction(pol, a.shown[i-lag], shown, d, t.Target)
		}
		if a.ytd {
			p.Signal = NotCharted
		} else {
			p.Trend = a.trend(i, t)
			p.Signal = a.c.signal(i, pol, t.Target)
			if p.Signal.IsSpecial() {
				p.Rule = a.c.describe(i)
			}
			p.Chart = a.chart
			p.Assurance = a.c.assurance(pol, t)
		}
		a.children(p)
		a.flag(i, t, run, runDoT)

		switch {
		case p.DoT != app.Improved && p.DoT != app.Worsened:
			run, runDoT = 0, app.NoDoT
		case p.DoT == runDoT:
			run++
		default:
			run, runDoT = 1, p.DoT
		}
	}
}

// targetFor returns the target in force for period p, until the next
// call: a point's steps share it rather than copy it. It is looked up only
// when the target year changes. Slots are visited month by month, and a
// financial or academic year starts only in April or September, so other
// months skip the date arithmetic.
//
// A year with milestones or district targets (app.Target.Levels) is
// looked up period by period, its target changing with the milestone in
// force.
func (a *analysis) targetFor(p app.Period) *app.Target {
	if !a.year.IsZero() && !a.profiled && p.Kind == app.Month && p.N != 4 && p.N != 9 {
		return &a.target
	}
	y := a.ind.TargetYear(p)
	if y != a.year || len(a.years) == 0 || a.profiled {
		t := a.res.targetFor(a.h, a.ind, a.key.Area, y, p)
		if len(a.years) == 0 || t != a.years[len(a.years)-1] {
			a.target, a.rater, a.profiled = t.target, t.rater, t.profiled
			a.years = append(a.years, t)
		}
		a.year = y
	}
	return &a.target
}

// children fills what one child is worth in p's figure and the Wilson
// interval of a percentage; how many children would change its rating is
// worked out when asked (Children.More and Fewer).
func (a *analysis) children(p *Point) {
	if p.Numerator == nil || p.Denominator == nil {
		return
	}
	num, den := *p.Numerator, *p.Denominator
	step, ok := perChild(a.ind.Unit, den)
	if !ok || num < 0 || num > den && a.ind.Unit == app.Percent {
		return
	}
	a.kids = append(a.kids, Children{PerChild: step, num: num, den: den})
	c := &a.kids[len(a.kids)-1]
	p.Children = c
	if a.ind.Unit == app.Percent {
		lo, hi := wilson(num, den)
		c.WilsonLow, c.WilsonHigh = a.num(lo), a.num(hi)
	}
	if p.RAG != app.NoRAG {
		c.rate = a.rater
	}
}

// AnalyseAll analyses every series of h, spreading the work over the
// machine's processors: a whole directorate's history, recomputed as a
// cohort toggle or a changed option asks. h must not change while it
// runs, nor while the series are read.
func AnalyseAll(h *app.History, opt Options) map[app.SeriesKey]*Series {
	keys := h.Keys()
	all := AnalyseKeys(h, keys, opt)
	m := make(map[app.SeriesKey]*Series, len(keys))
	for i, k := range keys {
		m[k] = &all[i]
	}
	return m
}

// AnalyseKeys analyses the series keys of h in parallel, returning each
// at its index: for a view that shows only some series, such as one
// split. h must not change while it runs, nor while the series are read.
func AnalyseKeys(h *app.History, keys []app.SeriesKey, opt Options) []Series {
	out := make([]Series, len(keys))
	explain := opt.explain()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(keys)) {
		wg.Go(func() {
			res := newResults(true)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(keys) {
					return
				}
				out[i] = analyse(h, keys[i], opt, explain, res)
			}
		})
	}
	wg.Wait()
	return out
}
