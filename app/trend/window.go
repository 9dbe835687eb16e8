package trend

import (
	"math"

	"scorecard/app"
)

// TrendDirection is the direction of the least-squares line over the
// trend window, written "improving", "worsening", "no clear trend",
// "rising", "falling", or "" with too few figures.
type TrendDirection uint8

// The trend directions. Rising and Falling are for indicators with no
// polarity (or a NearTarget indicator with no target).
const (
	NoTrend TrendDirection = iota
	Improving
	Worsening
	NoClearTrend
	Rising
	Falling
)

var trendWords = words{"", "improving", "worsening", "no clear trend", "rising", "falling"}

func (d TrendDirection) String() string { return trendWords.text(uint8(d)) }

// MarshalText writes the direction's words.
func (d TrendDirection) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the direction's words.
func (d *TrendDirection) UnmarshalText(b []byte) error {
	v, err := trendWords.parse("trend", b)
	*d = TrendDirection(v)
	return err
}

// Trend is the least-squares line through the figures of the window that
// ends at a point.
type Trend struct {
	Direction TrendDirection `json:"direction"`
	Points    int32          `json:"points"` // figures in the window
	Slope     float64        `json:"slope"`  // change per period
	// Change is how far the line moves from the window's first figure to
	// its last, in the unit's terms (pp for a percentage).
	Change float64 `json:"change"`
}

// window holds the sums of a least-squares fit over the slots of the
// trend window, slid along the series one slot at a time rather than
// summed afresh for every point. x is the slot, so a gap keeps its width.
type window struct {
	n, sx, sy, sxx, sxy float64
}

func (w *window) add(x, y, sign float64) {
	w.n += sign
	w.sx += sign * x
	w.sy += sign * y
	w.sxx += sign * x * x
	w.sxy += sign * x * y
}

// slide moves the window to end at slot i.
func (a *analysis) slide(i int) {
	if a.since >= 0 {
		// A window since a date only grows.
		if i >= a.since && a.has[i] {
			a.win.add(float64(i), a.vals[i], 1)
		}
		return
	}
	if a.has[i] {
		a.win.add(float64(i), a.vals[i], 1)
	}
	if j := i - a.opt.Window; j >= 0 && a.has[j] {
		a.win.add(float64(j), a.vals[j], -1)
	}
}

// window applies the officer's trend window, if any, to a series whose
// first slot is period first.
func (a *analysis) window(first app.Period) {
	w := a.plan.Window
	switch {
	case w == nil:
	case w.Periods > 0:
		a.opt.Window = w.Periods
	case w.From.Kind == first.Kind:
		a.since = max(0, w.From.Index()-first.Index())
	}
}

// trend fits the least-squares line through the figures of the window
// ending at slot i.
func (a *analysis) trend(i int, t *app.Target) Trend {
	w := a.win
	n := math.Round(w.n)
	size, first := a.opt.Window, max(0, i-a.opt.Window+1)
	if a.since >= 0 {
		if i < a.since {
			return Trend{}
		}
		size, first = i-a.since+1, a.since
	}
	// A line through a handful of points in a long window says little:
	// at least half the window must hold figures.
	if n < 3 || n*2 < float64(size) {
		return Trend{Points: int32(n)}
	}
	for !a.has[first] {
		first++
	}
	sx, sy := w.sx, w.sy
	den := n*w.sxx - sx*sx
	if den <= 0 {
		return Trend{Points: int32(n)}
	}
	slope := (n*w.sxy - sx*sy) / den
	change := slope * float64(i-first)
	tr := Trend{Points: int32(n), Slope: slope, Change: change}
	mean := sy / n
	if math.Abs(change) < a.opt.Band*math.Abs(mean) || math.Abs(change) < a.halfUnit {
		tr.Direction = NoClearTrend
		return tr
	}
	switch a.ind.Polarity {
	case app.HigherBetter, app.LowerBetter:
		if (change > 0) == (a.ind.Polarity == app.HigherBetter) {
			tr.Direction = Improving
		} else {
			tr.Direction = Worsening
		}
		return tr
	case app.NearTarget:
		if t.Target != nil {
			intercept := (sy - slope*sx) / n
			start := intercept + slope*float64(first)
			end := intercept + slope*float64(i)
			if math.Abs(end-*t.Target) < math.Abs(start-*t.Target) {
				tr.Direction = Improving
			} else {
				tr.Direction = Worsening
			}
			return tr
		}
	}
	if change > 0 {
		tr.Direction = Rising
	} else {
		tr.Direction = Falling
	}
	return tr
}
