package trend

import "scorecard/app"

// segment is one chart of a series: the slots from lo to the next
// segment's lo, and the chart's lines as points share them.
type segment struct {
	lo    int
	c     chart
	chart *Chart // nil without a chart
	note  string // the rebase's note
}

// charts builds the series' charts, one for each part between the
// officer's rebases, its mean and limits from the baseline the officer
// set (in the part holding its start) or else from all its figures (or
// the first opt.Baseline).
func (a *analysis) charts(first app.Period, n int) {
	a.segs = append(a.segs[:0], segment{})
	if a.ytd {
		return // no chart of cumulative figures
	}
	for _, r := range a.plan.Rebases {
		if r.From.Kind != first.Kind {
			continue
		}
		// A point holds its segment in a byte.
		if at := r.From.Index() - first.Index(); at > a.segs[len(a.segs)-1].lo && at < n && len(a.segs) < 256 {
			a.segs = append(a.segs, segment{lo: at, note: r.Note})
		}
	}
	bLo, bHi := -1, -1
	if b := a.plan.Baseline; b != nil && b.From.Kind == first.Kind {
		bLo, bHi = max(0, b.From.Index()-first.Index()), n
		if !b.To.IsZero() && b.To.Kind == first.Kind {
			bHi = b.To.Index() - first.Index() + 1
		}
	}
	nat := natural(a.ind, a.vals[:n], a.has[:n])
	for k := range a.segs {
		g := &a.segs[k]
		hi := n
		if k+1 < len(a.segs) {
			hi = a.segs[k+1].lo
		}
		from, to, count := g.lo, hi, a.opt.Baseline
		if bLo >= g.lo && bLo < hi {
			from, to, count = bLo, min(bHi, hi), 0
		}
		g.c = xmr(a.scratch, nat, g.lo, hi, from, to, count, a.opt.RunLength, a.opt.TrendLength)
		g.chart = nil
		if g.c.ok {
			g.chart = a.res.charts.one()
			*g.chart = Chart{Mean: g.c.mean, Upper: g.c.upper, Lower: g.c.lower, Baseline: g.c.baseline, Note: g.note}
		}
	}
}
