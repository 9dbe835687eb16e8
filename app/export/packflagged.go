package export

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/export/pdf"
	"scorecard/app/trend"
)

// packFlagged writes a page for each flagged indicator: what was flagged,
// its figures in words, and its SPC chart over two years.
func (b *book) packFlagged(d *pdf.Doc) func() error {
	return func() error {
		var months []app.Period
		for i := trendSpan(b.period.Kind) - 1; i >= 0; i-- {
			months = append(months, b.period.Add(-i))
		}
		for _, ro := range b.rows {
			b.step()
			if !ro.flagged() {
				continue
			}
			ind, p := ro.ind, ro.at
			d.Page()
			d.Title(ind.Ref + " " + ind.Name)
			d.Para("Flagged in "+periodName(b.period)+": "+strings.Join(p.Flags, ", ")+". "+exclusionWords(b.opt.Exclude)+".", 9)
			d.Para(b.facts(ro), 10)
			if j := judgement(ind, p); j != "" {
				d.Para(j, 9)
			}
			if ro.leftOut > 0 {
				figs := "1 figure"
				if ro.leftOut > 1 {
					figs = fmt.Sprintf("%d figures", ro.leftOut)
				}
				d.Para("Small numbers: the trend, change and SPC mean and limits here are worked out from the figures shown, leaving out "+figs+
					" withheld (c), so that none can be worked out from them; the app, using every figure, may show other limits and signals.", 9)
			}
			c := pdf.Chart{Format: func(v float64) string { return app.FormatValue(ind, v) }}
			for _, m := range months {
				c.Labels = append(c.Labels, m.Label())
				q := ro.point(m)
				val, mean, up, lo, tg, sp := math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), 0
				if q != nil {
					if q.Value != nil && q.Status == app.OK && !q.StandIn {
						val = *q.Value
					}
					if q.Chart != nil {
						mean, up, lo = q.Chart.Mean, q.Chart.Upper, q.Chart.Lower
					}
					if q.Target != nil {
						tg = *q.Target
					}
					switch q.Signal {
					case trend.SpecialImproving:
						sp = 1
					case trend.SpecialConcerning:
						sp = -1
					case trend.Special:
						sp = 2
					}
				}
				c.Values, c.Mean, c.Upper, c.Lower, c.Target = append(c.Values, val), append(c.Mean, mean), append(c.Upper, up), append(c.Lower, lo), append(c.Target, tg)
				c.Special = append(c.Special, sp)
			}
			d.Gap(2)
			d.Chart(c, d.Width(), 105)
			b.sum.Charts++
		}
		return nil
	}
}

// facts says an indicator's figure for the month in words: the figure
// and rating, the change, the same month last year, what one child is
// worth, and the benchmarks.
func (b *book) facts(ro *row) string {
	ind, p := ro.ind, ro.at
	var parts []string
	if p.Value != nil && p.Status == app.OK {
		s := app.FormatValue(ind, *p.Value)
		if p.RAG != app.NoRAG {
			s += " (" + string(p.RAG) + ")"
		}
		parts = append(parts, periodName(b.period)+": "+s)
	} else {
		parts = append(parts, periodName(b.period)+": "+string(p.Status))
	}
	if t, ok := b.target(ind); ok {
		if tt := targetWords(ind, t); tt != "" {
			parts = append(parts, tt)
		}
	}
	if c := signedChange(ind, p.Change); c != "" {
		parts = append(parts, "change on the month before "+c)
	}
	if p.LastYear != nil {
		parts = append(parts, "same month last year "+app.FormatValue(ind, *p.LastYear))
	}
	if c := p.Children; c != nil {
		s := "1 child = " + app.FormatPerChild(ind, c.PerChild)
		if n, rag := c.More(); n > 0 {
			s += fmt.Sprintf("; %d more would make it %s", n, rag)
		}
		if n, rag := c.Fewer(); n > 0 {
			s += fmt.Sprintf("; %d fewer would make it %s", n, rag)
		}
		parts = append(parts, s)
	}
	if ro.hasBM {
		w := benchmarkWords(ind, ro.shown, b.opt.authority())
		if len(b.opt.Exclude) > 0 {
			w += ", for all children"
		}
		parts = append(parts, w)
	}
	if p.Trend.Points > 0 {
		parts = append(parts, fmt.Sprintf("trend window: the last %d points", p.Trend.Points))
	}
	for i, s := range parts {
		parts[i] = capital(s)
	}
	return strings.Join(parts, ". ") + "."
}

// benchmarkWords says the benchmarks beside a figure as the detail
// screen does: England, the neighbours with their model, and the
// authority's rank and quartile, with the year they relate to.
func benchmarkWords(ind app.Indicator, s benchmark.Shown, auth *app.Authority) string {
	var parts []string
	for _, bm := range []*app.Benchmark{s.England, s.NeighbourMean} {
		if bm == nil {
			continue
		}
		v := string(bm.Status)
		if bm.Value != nil && bm.Status == app.OK {
			v = app.FormatValue(bm.Shown(ind), *bm.Value)
		}
		if bm.Model != "" {
			v += " (neighbour model " + bm.Model + ")"
		}
		parts = append(parts, bm.Group+" "+v)
	}
	if rk := rankWords(s.Rank); rk != "" {
		parts = append(parts, auth.Name+" ranks "+rk+", 1 = best")
	}
	return strings.Join(append(parts, s.Caption()), "; ")
}

// targetWords writes the target and floor in force.
func targetWords(ind app.Indicator, t app.Target) string {
	var parts []string
	if t.Target != nil {
		parts = append(parts, "target "+app.FormatValue(ind, *t.Target))
	}
	if t.Floor != nil && ind.Polarity != app.NearTarget {
		parts = append(parts, "floor "+app.FormatValue(ind, *t.Floor))
	}
	return strings.Join(parts, ", ")
}
