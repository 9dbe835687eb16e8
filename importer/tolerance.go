package importer

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"scorecard/app"
)

// A tolerance is the distance from target still rated green. domain.md
// words councils' rule as "green within 10% of target": a tolerance
// written as a percentage is a share of the target on an indicator that
// is not itself a percentage (10% of a caseload target of 18 is 1.8, not
// 10 caseloads). On a percentage indicator a "5%" is most often written
// as its targets are, in its own unit, percentage points, and is read so
// and said to be doubtful unless the heading settles it: "pp" or
// "points" for points, "of target" or "relative" for a share. Which an
// indicator is, is known only once every sheet is read (its unit may be
// stated on another sheet, or be the store's), so a tolerance that may
// be a share is kept as a pendingShare and settled by the collector
// (settleShares).

// pendingShare is a tolerance cell that may be a share of the target.
type pendingShare struct {
	sheet, cell string
	ref         string
	year        app.Period
	area        app.Area // a district's own tolerance; "" for the authority's
	pct         float64
	// stated marks a heading saying the tolerance is a share of the
	// target; percentCell one written as a percentage ("5%", or 0.05
	// formatted as one).
	stated, percentCell bool
}

// mayBeShare reports whether a tolerance under heading header, its cell
// written as a percentage or not, may be a share of the target, and
// whether the heading says it is. A heading saying points keeps the
// indicator's unit.
func mayBeShare(header string, percentCell bool) (maybe, stated bool) {
	n := " " + normHeader(header) + " "
	switch {
	case strings.Contains(n, " pp ") || strings.Contains(n, " points ") || strings.Contains(n, " pts "):
		return false, false
	case strings.Contains(n, " of target ") || strings.Contains(n, " relative "):
		return true, true
	}
	return percentCell || strings.Contains(n, " % ") || strings.Contains(n, " percent "), false
}

// settleShares sets the tolerances that may be shares of their targets,
// now that every indicator's unit is known: on an indicator not a
// percentage, or where the heading says so, the share of the year's
// target; on a percentage, the points as written. Each share read is
// said at its cell, as is a percentage's tolerance written with a %.
func (c *collector) settleShares(units map[string]app.Indicator) {
	for _, p := range c.shares {
		i, ok := c.targets[targetKey{p.ref, p.year}]
		if !ok {
			c.warn(p.sheet, p.cell, "%s %s: tolerance %g%% skipped: no target for the year is read", p.ref, p.year, p.pct)
			continue
		}
		t := &c.targetList[i]
		target, tol := t.Target, &t.Tolerance
		if p.area != "" {
			j := slices.IndexFunc(t.Levels, func(l app.Level) bool { return l.Area == p.area && l.Period.IsZero() })
			if j < 0 {
				t.Levels = append(t.Levels, app.Level{Area: p.area})
				j = len(t.Levels) - 1
			}
			l := &t.Levels[j]
			target, tol = cmp.Or(l.Target, t.Target), &l.Tolerance
		}
		if *tol != nil {
			c.warn(p.sheet, p.cell, "%s %s: tolerance %g skipped: another column gave %g", p.ref, p.year, p.pct, **tol)
			continue
		}
		percent := units[p.ref].Unit == app.Percent
		switch {
		case percent && !p.stated:
			*tol = app.Float(p.pct)
			if p.percentCell && target != nil {
				c.warn(p.sheet, p.cell, "%s %s: tolerance %g%% read as %g percentage points, %s being a percentage; if it is %g%% of the target (%g here), head the column \"Tolerance (%% of target)\"",
					p.ref, p.year, p.pct, p.pct, p.ref, p.pct, shareOf(p.pct, *target))
			}
		case target == nil:
			c.warn(p.sheet, p.cell, "%s %s: tolerance %g%% skipped: a share of the target, and no target for the year is read", p.ref, p.year, p.pct)
		default:
			v := shareOf(p.pct, *target)
			*tol = &v
			c.warn(p.sheet, p.cell, "%s %s: tolerance %g%% read as %g%% of the target %g: green within %g of it, amber within %g",
				p.ref, p.year, p.pct, p.pct, *target, v, 2*v)
		}
	}
}

// shareOf is pct per cent of target, either side of it, rounded clear of
// the float noise that 10% of 18 leaves (1.8000000000000003).
func shareOf(pct, target float64) float64 {
	return math.Round(math.Abs(target)*pct/100*1e9) / 1e9
}
