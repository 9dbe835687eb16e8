package trend

import (
	"sync"

	"scorecard/app"
)

// slab hands out room in one backing array after another, so that the
// points of many series cost a few allocations rather than several each:
// the GUI recomputes every series on each toggle, and every allocation
// costs the allocator and the garbage collector. Room that was kept is
// never handed out again; what a point refers to keeps the whole array
// alive, which is why only a batch of series kept together (AnalyseKeys)
// shares arrays.
type slab[T any] struct {
	buf []T
	min int // the least room a new array holds; 0 allocates only what is asked
}

// room returns an empty slice with room for n, to be appended to and then
// passed to keep.
func (s *slab[T]) room(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(n, s.min))
	}
	return s.buf[len(s.buf) : len(s.buf) : len(s.buf)+n]
}

// keep marks what was appended to the last room as taken, so that the
// rest is handed out again. An append that outgrew the room moved to an
// array of its own, and takes nothing.
func (s *slab[T]) keep(used []T) {
	end := len(s.buf) + len(used)
	if len(used) > 0 && end <= cap(s.buf) && &s.buf[:end][end-1] == &used[len(used)-1] {
		s.buf = s.buf[:end]
	}
}

// one returns a new zero T.
func (s *slab[T]) one() *T {
	r := s.room(1)[:1]
	s.keep(r)
	return &r[0]
}

// results holds what the series analysed together refer to.
type results struct {
	points slab[point]
	years  slab[*targetYear]
	held   slab[targetYear]
	charts slab[Chart]
	raters slab[rater]
	// last are the target years looked up for the indicator analysed
	// last: its areas and splits come one after another, and share them.
	last []*targetYear
}

// targetYear is an indicator's target for one year, and its rater.
type targetYear struct {
	ref    string
	year   app.Period
	target app.Target
	rater  *rater // nil when the target gives no RAG
	// from is the milestone's period when the target is one of the
	// year's milestones (app.Target.For); profiled is set when the year
	// has milestones or district targets, so that each period looks its
	// target up.
	from     app.Period
	profiled bool
}

// targetFor returns the target year y of ind, whose target is the one in
// force for area's figure in period p, with its rater. Series of one
// indicator share it where the target is the same.
func (r *results) targetFor(h *app.History, ind app.Indicator, area app.Area, y, p app.Period) *targetYear {
	if len(r.last) > 0 && r.last[0].ref != ind.Ref {
		r.last = r.last[:0]
	}
	year, _ := h.TargetYearOf(ind, p)
	eff, from := year.For(area, p)
	for _, t := range r.last {
		if t.year == y && t.from == from && sameTarget(t.target, eff) {
			return t
		}
	}
	t := r.held.one()
	*t = targetYear{ref: ind.Ref, year: y, target: eff, from: from, profiled: len(year.Levels) > 0}
	if rt, ok := makeRater(ind, t.target); ok {
		t.rater = r.raters.one()
		*t.rater = rt
	}
	r.last = append(r.last, t)
	return t
}

// sameTarget reports whether a and b give the same levels.
func sameTarget(a, b app.Target) bool {
	eq := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return eq(a.Target, b.Target) && eq(a.Floor, b.Floor) && eq(a.Tolerance, b.Tolerance) && a.Milestone == b.Milestone
}

// newResults returns results for the series of one call: shared (true)
// for a batch of series kept together, carving each kind from blocks; or
// sized to one series, allocating only what it needs.
func newResults(shared bool) *results {
	r := new(results)
	if shared {
		r.points.min, r.years.min, r.held.min, r.charts.min, r.raters.min = 8192, 1024, 256, 256, 256
	}
	return r
}

// scratch is the working space of one series' analysis, reused from
// series to series: the full Points are worked out here, and only their
// compact form (point) is kept.
type scratch struct {
	vals  []float64
	shown []float64 // vals as displayed, at the indicator's decimals
	has   []bool    // slot holds a figure the maths may use
	side  []int8    // the chart's judgement of each slot
	rule  []rule
	high  []rule    // the strongest rule finding each slot high
	low   []rule    // the strongest rule finding each slot low
	idx   []int32   // the slots holding figures, in order
	mrs   []float64 // the moving ranges of a chart's baseline
	seg   []uint8   // the chart (segment) of each slot
	segs  []segment
	at    []int32  // the observation of each slot; -1 for a missing period
	flags []uint8  // the bits of flagKinds each slot raises
	year  []uint16 // the target year in force at each slot, in Series.years
	pts   []Point
	nums  []float64  // what the points' number pointers point to
	kids  []Children // what the points' Children point to
}

// scratches holds scratch spaces whose Points are all zero.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release clears s's Points, which point into the history and the kept
// series, so that a pooled scratch keeps neither alive, and pools it.
func (s *scratch) release() {
	clear(s.pts)
	clear(s.segs)
	s.segs = s.segs[:0]
	scratches.Put(s)
}

// reset sizes s for n slots, all empty.
func (s *scratch) reset(n int) {
	if cap(s.vals) < n {
		s.vals, s.shown = make([]float64, n), make([]float64, n)
		s.has, s.side, s.rule = make([]bool, n), make([]int8, n), make([]rule, n)
		s.high, s.low, s.idx = make([]rule, n), make([]rule, n), make([]int32, 0, n)
		s.seg = make([]uint8, n)
		s.at, s.flags, s.year = make([]int32, n), make([]uint8, n), make([]uint16, n)
		s.pts, s.kids = make([]Point, n), make([]Children, n)
		s.nums = make([]float64, numsPerPoint*n)
	}
	s.vals, s.shown, s.has, s.side, s.rule = s.vals[:n], s.shown[:n], s.has[:n], s.side[:n], s.rule[:n]
	s.high, s.low, s.seg = s.high[:n], s.low[:n], s.seg[:n]
	s.at, s.flags, s.year, s.pts = s.at[:n], s.flags[:n], s.year[:n], s.pts[:n]
	clear(s.vals)
	clear(s.shown)
	clear(s.has)
	clear(s.side)
	clear(s.rule)
	clear(s.high)
	clear(s.low)
	clear(s.flags)
	// s.pts is clear already: see release.
	// Appended to as the points need them; never beyond capacity, so
	// that what a point points to stays put.
	s.nums, s.kids = s.nums[:0], s.kids[:0]
}
