package trend

import (
	"math"

	"scorecard/app"
)

// bounds is the range a measure's figures can take, which an XmR chart's
// process limits are cut to: a limit past it would promise a signal no
// figure can give. NHSRplotthedots cuts nothing unless told a floor; the
// app cuts where the measure itself cannot go.
type bounds struct{ lo, hi float64 }

// natural returns the range the figures of indicator ind can take, given
// the figures its series holds (vals where has): 0 to 100 for a
// percentage, nothing below 0 for a count, rate or duration, no bound for
// anything else. A measure that can fall below zero (a change, a
// difference, a gap, a net figure) has no floor, and a signed percentage
// (a change in percentage points) only -100. Without this, the demo's
// change in children in care since last year, its figures -35 to 0 and
// its mean -16, had its lower limit cut to 0, above its own mean, and 23
// of its 24 months were flagged below the lower limit.
//
// Figures below zero show a measure is signed only when there are two or
// more of them and its name does not say it counts or shares out children
// ("Number of ...", "(children)", "(% of children)"): one negative figure
// in a count is far likelier a keying error than a change, and unclipping
// for it would give every later month of a count of children a negative
// lower limit. Left clipped, the figure stands below the lower limit and
// is flagged as special cause, which is where an error should show. A
// figure past 100 (a percentage of a plan, which can exceed it) lifts the
// ceiling.
func natural(ind app.Indicator, vals []float64, has []bool) bounds {
	lo, hi := math.Inf(-1), math.Inf(1)
	switch u := ind.Unit; {
	case u == app.Percent:
		lo, hi = 0, 100
	case u == app.Number, u == app.Per10k, u == app.Days, u == app.Weeks, u.OtherRate():
		lo = 0
	}
	if math.IsInf(lo, -1) && math.IsInf(hi, 1) {
		return bounds{lo, hi}
	}
	least, most, negatives := math.Inf(1), math.Inf(-1), 0
	for i, ok := range has {
		if ok {
			least, most = min(least, vals[i]), max(most, vals[i])
			if vals[i] < 0 {
				negatives++
			}
		}
	}
	if ind.Signed() || (negatives >= 2 && !ind.NamedAsCount()) {
		if ind.Unit == app.Percent {
			lo = -100
		} else {
			lo = math.Inf(-1)
		}
		// A signed percentage past -100 is not a percentage at all.
		if least < lo {
			lo = math.Inf(-1)
		}
	}
	if most > hi {
		hi = math.Inf(1)
	}
	return bounds{lo, hi}
}
