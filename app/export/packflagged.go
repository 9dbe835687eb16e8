package export

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/brief"
	"scorecard/app/cohort"
	"scorecard/app/export/pdf"
	"scorecard/app/trend"
)

// packFlagged writes a page for each flagged indicator: what was flagged,
// its figures in words, and its SPC chart over two years. Under an
// exclusion, an indicator whose figure for the month cannot be worked out
// without the cohorts has no flags excluding them; where its figures
// without the exclusion are flagged, as page 1 lists them, it has a page
// of those figures, labelled so, rather than none (QA R6): a committee
// reading page 1's red EHCP figure would look for its chart.
func (b *book) packFlagged(d *pdf.Doc) func() error {
	return func() error {
		var months []app.Period
		for i := trendSpan(b.period.Kind) - 1; i >= 0; i-- {
			months = append(months, b.period.Add(-i))
		}
		for _, pg := range b.chartPages(true) {
			b.flaggedPage(d, pg, months)
			if pg.unexcluded {
				b.sum.FlaggedUnexcluded++
			}
		}
		return nil
	}
}

// chartPage is a page of the pack's flagged indicators: its row, and the
// words over its chart.
type chartPage struct {
	ro           *row
	sub, flagged string
	// unexcluded marks the page of an indicator that cannot exclude the
	// cohorts, of its figures without the exclusion.
	unexcluded bool
	// src counts the source's own c among ro's figures up to the month
	// (sourceWithheldIn), of the history ro was analysed from.
	src int
}

// chartPages are the pages packFlagged writes, in order, so that page 1
// promises a chart page only for an indicator that has one (QA23c D2);
// step advances the progress a row at a time, as the pages are written.
func (b *book) chartPages(step bool) []chartPage {
	var pages []chartPage
	var allLeftOut map[string]int
	for _, ro := range b.rows {
		if step {
			b.step()
		}
		if ro.flagged() {
			// A measure of schools or staff is shown as published: its
			// page says so, as page 1 does.
			pages = append(pages, chartPage{ro: ro, flagged: "Flagged in " + periodName(b.period) + ": " + strings.Join(ro.at.Flags, ", ") + ". " + exclusionWords(b.opt.Exclude) + ".",
				sub: cohort.Published(b.h, ro.ind, b.opt.Area, b.opt.Exclude), src: b.sourceWithheld(ro)})
			continue
		}
		if len(b.opt.Exclude) == 0 || ro.at == nil || ro.at.Status != app.CannotExclude {
			continue
		}
		if allLeftOut == nil {
			allLeftOut = map[string]int{}
			countLeftOut(allLeftOut, b.all, b.base, b.opt.Area, b.period)
		}
		all := &row{ind: ro.ind, key: ro.key, series: trend.AnalyseSeries(b.base, ro.key, trend.Options{Until: b.base.AnalysedUntil(ro.key, b.period)}),
			shown: ro.shown, hasBM: ro.hasBM, leftOut: allLeftOut[ro.ind.Ref]}
		if all.at = all.point(b.period); all.at == nil || len(all.at.Flags) == 0 {
			continue
		}
		pages = append(pages, chartPage{ro: all, unexcluded: true, sub: "Cannot be worked out excluding " + brief.CohortWords(b.opt.Exclude) + ": " + brief.AllLabel(ro.ind, b.opt.Exclude),
			flagged: b.unexcludedWords(ro, all.at.Flags), src: sourceWithheldIn(b.base, all, b.period)})
	}
	return pages
}

// noChartPage says, after an item of page 1 with no chart page, why it
// has none: its figure is withheld, so the pack has no figure of the
// month to chart, or it is listed for being red or worse than before
// with no flag raised on it, which "no flag is raised on it" beside
// "RED, worsened" read as a contradiction (QA24b L7), or its figure is
// overdue, with no point to chart.
func noChartPage(it brief.Item) string {
	if it.Point.Missing {
		// A quarter overdue (brief.Overdue): its flag is on a period
		// with no point, so there is nothing of it to chart.
		return " No chart page: it has no figure for " + it.Point.Period.Label() + " to chart; the scorecard gives its earlier figures."
	}
	if it.Withheld || it.Point.Status != app.OK {
		return " No chart page: its figure for the " + periodNoun(it.Point.Period.Kind) + " is not shown (" + it.Point.Status.String() + "), and the pack charts only the figures it shows."
	}
	return " No chart page: no new flag this " + periodNoun(it.Point.Period.Kind) + "; the scorecard gives its figures."
}

// unexcludedWords says, on the page of an indicator that cannot be
// worked out excluding the cohorts but is flagged without the exclusion,
// which figures the page shows and why: all children's, the cohorts
// counted, or for a measure of schools or pupils (app.Indicator.Counts),
// which no cohort split applies to, the figures as published.
func (b *book) unexcludedWords(ro *row, flags []string) string {
	why := ""
	if o, ok := b.h.FiledFor(ro.key, ro.at.Period); ok && o.Raw != "" {
		why = " Why it cannot: " + o.Raw + "."
	}
	whose := "all children's figures, " + brief.CohortWords(b.opt.Exclude) + " counted"
	if ro.ind.Counts().NotChildren {
		whose = "its figures as published"
	}
	return "Flagged in " + periodName(b.period) + ", " + brief.AllLabel(ro.ind, b.opt.Exclude) + ": " + strings.Join(flags, ", ") + "." + why +
		" This page shows " + whose + ", as page 1 does; the scorecard shows it as cannot exclude."
}

// flaggedPage writes the page of pg's row, headed by its flagged (and
// sub, in bold under the title, where it is not ""): its figures in
// words, the judgement, any small-numbers note, how many withheld
// figures (c) its chart leaves out and whose, and its SPC chart.
func (b *book) flaggedPage(d *pdf.Doc, pg chartPage, months []app.Period) {
	ro, sub, flagged := pg.ro, pg.sub, pg.flagged
	ind, p := ro.ind, ro.at
	d.Page()
	d.Title(ind.Ref + " " + ind.Name)
	if sub != "" {
		d.Heading(sub)
	}
	d.Para(flagged, 9)
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
	if n := leftOutNote(ro.leftOut, pg.src); n != "" && pg.src > 0 {
		// The source's own c are left out too: counted with those
		// withheld here, as the Trend sheet's Note counts them.
		d.Para(n+".", 9)
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
	// The officer's rebase and baseline, with their notes, on the chart
	// and in words, so the limits starting mid-chart are explained
	// (QA23c D5).
	var said []string
	plan := b.h.ChartPlan(ind.Ref)
	note := func(from app.Period, text string) {
		said = append(said, text)
		for i, m := range months {
			if app.ReportedIn(from, m) {
				c.Notes = append(c.Notes, pdf.ChartNote{At: i, Text: text})
			}
		}
	}
	for _, r := range plan.Rebases {
		text := "Rebased from " + r.From.Label()
		if r.Note != "" {
			text += ": " + r.Note
		}
		note(r.From, text)
	}
	if bl := plan.Baseline; bl != nil {
		text := "Baseline from " + bl.From.Label()
		if !bl.To.IsZero() {
			text += " to " + bl.To.Label()
		}
		if bl.Note != "" {
			text += ": " + bl.Note
		}
		note(bl.From, text)
	}
	if len(said) > 0 {
		d.Para("SPC limits: "+strings.Join(said, "; ")+".", 9)
	}
	d.Gap(2)
	d.Chart(c, d.Width(), 105)
	b.sum.Charts++
}

// facts says an indicator's figure for the month in words: the figure
// and rating, the change, the same month last year, what one child is
// worth, and the benchmarks.
func (b *book) facts(ro *row) string {
	ind, p := ro.ind, ro.at
	var parts []string
	switch {
	case p.StandIn && p.Value != nil:
		// Last year's outturn stands in: no figure of the month, as its
		// "missing" flag says, and never given as the month's (QA26b S1).
		parts = append(parts, periodName(b.period)+": no figure yet (last year's "+app.FormatValue(ind, *p.Value)+" stands in)")
	case p.Value != nil && p.Status == app.OK:
		s := app.FormatValue(ind, *p.Value)
		if p.RAG != app.NoRAG {
			s += " (" + p.RAG.String() + ")"
		}
		parts = append(parts, periodName(b.period)+": "+s)
	default:
		parts = append(parts, periodName(b.period)+": "+p.Status.String())
	}
	if t, ok := b.target(ind); ok {
		if tt := trend.RatedAgainst(ind, t); tt != "" {
			parts = append(parts, tt)
		}
	}
	// The point's own kind: a quarterly measure's figures, and a rolling
	// year's reported each quarter, are compared a quarter apart.
	noun := periodNoun(p.Period.Kind)
	if c := signedChange(ind, p.Change); c != "" {
		on := "change on the " + noun + " before "
		if p.ChangeLag > 0 {
			on = "change on the same " + noun + " last year (year to date) " // QA23c D6
		}
		parts = append(parts, on+c)
	}
	if p.LastYear != nil {
		parts = append(parts, "same "+noun+" last year "+app.FormatValue(ind, *p.LastYear))
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
// screen does: England, the region by its name, the neighbours with
// their model, and the authority's rank and quartile, with the year they
// relate to.
func benchmarkWords(ind app.Indicator, s benchmark.Shown, auth *app.Authority) string {
	var parts []string
	for _, bm := range []*app.Benchmark{s.England, s.Region, s.NeighbourMean} {
		if bm == nil {
			continue
		}
		v := bm.Status.String()
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
