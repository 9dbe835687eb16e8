package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/brief"
	"scorecard/app/export/pdf"
	"scorecard/app/trend"
)

// PackSections are the committee pack's parts, in order.
var PackSections = []string{"Exceptions", ScorecardSheet, DistrictsSheet, "Flagged indicators", GuidanceSheet, ProvenanceSheet}

// writePack writes the committee pack as a PDF to path: the exceptions
// brief on the first page, then the scorecard with RAG and DoT in colour
// and in words, the districts, a page per flagged indicator with its SPC
// chart drawn as vectors, the guidance and the provenance; every page
// marked and footed as the printed workbook is. The figures are the
// workbook's: the same history, excluded and suppressed the same way.
func (b *book) writePack(ctx context.Context, path string) (Summary, error) {
	b.analyse()
	b.total = 2*len(b.rows) + 4
	foot := Footer(b.title(), b.opt)
	d := pdf.New(pdf.Footer{Lines: [2]string{foot.Left(), foot.Produced}, Marking: foot.Marking}, pdf.Info{
		Title: b.title(), Subject: exclusionWords(b.opt.Exclude), Creator: "Scorecard " + b.opt.AppVersion, Created: b.opt.Produced,
	})
	steps := []func() error{b.packBrief(d), b.packScorecard(d), b.packDistricts(d), b.packFlagged(d), b.packGuidance(d), b.packProvenance(d)}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return Summary{}, err
		}
		if err := step(); err != nil {
			return Summary{}, err
		}
	}
	b.sum.Sheets = PackSections
	b.sum.Pages = d.Pages()
	err := save(path, "PDF", func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := d.Output(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return Summary{}, err
	}
	b.sum.Path = path
	return b.sum, nil
}

// ragFill is a RAG's fill in the pack, as on the workbook.
func ragFill(r app.RAG) pdf.RGB {
	fill, _ := ragLook(r)
	return pdf.RGB(fill)
}

// packBrief writes the exceptions brief: the first page.
func (b *book) packBrief(d *pdf.Doc) func() error {
	return func() error {
		// The brief shows the pack's figures, and reads those before
		// suppression only for what it says in words of a withheld figure
		// (its rating), so that a red figure withheld does not read as an
		// all-clear.
		figures := b.figures
		if figures == nil {
			figures = b.h // read an indicator at a time: no figures before suppression are kept
		}
		opt := brief.Options{Period: b.period, Area: b.opt.Area, Shown: b.h, Suppress: b.opt.Suppress}
		items := brief.Items(figures, opt)
		d.Page()
		d.Title(brief.Heading(b.opt.Area, b.period, CohortPhrase(b.opt.Exclude), len(items)))
		d.Para("Every indicator that is red, worsened, special cause or newly flagged in "+periodName(b.period)+
			", most serious first. The scorecard follows; each flagged indicator has a page with its SPC chart.", 9)
		if len(items) == 0 {
			d.Para("Nothing is red, worsened, special cause or newly flagged.", 11)
		}
		for _, it := range items {
			d.Item(it.RAG.Letter(), ragFill(it.RAG), it.Text()+".", 10.5)
		}
		if foot := brief.Foot(figures, opt); foot != "" {
			d.Para(foot, 8.5)
		}
		b.step()
		return nil
	}
}

// packColumn is a column of the pack's scorecard: its heading, width and
// the cell it shows for a row.
type packColumn struct {
	pdf.Column
	cell func(ro *row) pdf.Cell
}

// packScorecard writes the scorecard table.
func (b *book) packScorecard(d *pdf.Doc) func() error {
	return func() error {
		d.Page()
		d.Title(b.title())
		d.Para(exclusionWords(b.opt.Exclude)+". "+b.outturnNote(), 8.5)
		cols := b.packColumns()
		t := pdf.Table{Size: 8}
		for _, c := range cols {
			t.Columns = append(t.Columns, c.Column)
		}
		section := "\x00"
		for _, ro := range b.rows {
			if ro.ind.Section != section {
				section = ro.ind.Section
				if section != "" {
					t.Rows = append(t.Rows, pdf.Row{Section: section})
				}
			}
			var r pdf.Row
			for _, c := range cols {
				r.Cells = append(r.Cells, c.cell(ro))
			}
			t.Rows = append(t.Rows, r)
			b.step()
		}
		d.Table(t)
		d.Para("RAG: GREEN target met, AMBER floor met, RED below the floor. DoT compares the "+periodNoun(b.period.Kind)+" with the one before, by polarity; "+
			"the change is in the figure's own unit (pp: percentage points). Trend and SPC: "+fmt.Sprintf("the trend over the last %d points and the Making Data Count XmR chart", trend.DefaultOptions().Window)+
			"; see the guidance at the end.", 8)
		var left []string
		for _, ro := range b.rows {
			if ro.leftOut > 0 {
				left = append(left, ro.ind.Ref)
			}
		}
		if len(left) > 0 {
			d.Para("Small numbers: the trend, change and SPC of "+strings.Join(left, ", ")+" are worked out from the figures shown, leaving out figures withheld (c), "+
				"so that none can be worked out from them; they may differ from the app's, which uses every figure.", 8)
		}
		return nil
	}
}

// outturnNote says which year the targets are for.
func (b *book) outturnNote() string {
	return "Targets and floors are for " + b.targetCaption()[len("Targets "):] + "."
}

// packColumns are the pack's scorecard columns, 277 mm across.
func (b *book) packColumns() []packColumn {
	text := func(s string) pdf.Cell { return pdf.Cell{Text: s} }
	grey := pdf.RGB(grey)
	fig := func(ind app.Indicator, v *float64, st app.Status) pdf.Cell {
		switch {
		case v != nil && st == app.OK:
			return pdf.Cell{Text: app.FormatValue(ind, *v)}
		case st != app.OK:
			return pdf.Cell{Text: string(st), Color: grey}
		}
		return pdf.Cell{}
	}
	at := func(ro *row, f func(p *trend.Point) pdf.Cell) pdf.Cell {
		if ro.at == nil {
			return pdf.Cell{}
		}
		return f(ro.at)
	}
	return []packColumn{
		{pdf.Column{Head: "Ref", Width: 15}, func(ro *row) pdf.Cell { return text(ro.ind.Ref) }},
		{pdf.Column{Head: "Indicator", Width: 56}, func(ro *row) pdf.Cell { return text(ro.ind.Name) }},
		{pdf.Column{Head: "Pol", Width: 9, Align: "C"}, func(ro *row) pdf.Cell { return text(ro.ind.Polarity.String()) }},
		{pdf.Column{Head: "Period", Width: 13, Align: "C"}, func(ro *row) pdf.Cell { return text(string(ro.ind.DataPeriod)) }},
		{pdf.Column{Head: "Target", Width: 15, Align: "R"}, func(ro *row) pdf.Cell {
			if t, ok := b.target(ro.ind); ok {
				return fig(ro.ind, t.Target, app.OK)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Floor", Width: 15, Align: "R"}, func(ro *row) pdf.Cell {
			if t, ok := b.target(ro.ind); ok && ro.ind.Polarity != app.NearTarget {
				return fig(ro.ind, t.Floor, app.OK)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: b.period.Label(), Width: 17, Align: "R"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell {
				c := fig(ro.ind, p.Value, p.Status)
				c.Bold = true
				return c
			})
		}},
		{pdf.Column{Head: "RAG", Width: 14, Align: "C"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell {
				return pdf.Cell{Text: string(p.RAG), Fill: ragFill(p.RAG), Bold: true}
			})
		}},
		{pdf.Column{Head: "DoT", Width: 20, Align: "C"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell {
				c := pdf.Cell{Text: dotText(p), Bold: true, Color: grey}
				switch p.DoT {
				case app.Improved:
					c.Color = favourable
				case app.Worsened:
					c.Color = unfavoured
				}
				return c
			})
		}},
		{pdf.Column{Head: "Change", Width: 16, Align: "R"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell { return text(signedChange(ro.ind, p.Change)) })
		}},
		{pdf.Column{Head: lastYearHead(b.period.Kind), Width: 17, Align: "R"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell { return fig(ro.ind, p.LastYear, app.OK) })
		}},
		{pdf.Column{Head: "England" + b.allChildren(), Width: 15, Align: "R"}, func(ro *row) pdf.Cell {
			if ro.hasBM && ro.shown.England != nil {
				return fig(ro.shown.England.Shown(ro.ind), ro.shown.England.Value, ro.shown.England.Status)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Stat neighbours" + b.allChildren(), Width: 19, Align: "R"}, func(ro *row) pdf.Cell {
			if ro.hasBM && ro.shown.NeighbourMean != nil {
				return fig(ro.ind, ro.shown.NeighbourMean.Value, ro.shown.NeighbourMean.Status)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Rank (quartile)", Width: 14, Align: "C"}, func(ro *row) pdf.Cell {
			if ro.hasBM {
				return text(rankWords(ro.shown.Rank))
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Last " + spanWords(b.period.Kind, len(b.months)), Width: 20}, func(ro *row) pdf.Cell {
			vals := make([]float64, len(b.months))
			for i, m := range b.months {
				vals[i] = math.NaN()
				if p := ro.point(m); p != nil && p.Value != nil && p.Status == app.OK {
					vals[i] = *p.Value
				}
			}
			return pdf.Cell{Draw: func(d *pdf.Doc, x, y, w, h float64) { d.Spark(vals, x, y, w, h) }}
		}},
	}
}

// allChildren is " (all children)" where the figures exclude a cohort,
// to follow the name of a benchmark, which always counts all children.
func (b *book) allChildren() string {
	if len(b.opt.Exclude) == 0 {
		return ""
	}
	return " " + allChildrenLabel
}

// signedChange writes a change with its sign: "+0.4 pp", "−1.3 pp",
// "no change".
func signedChange(ind app.Indicator, c *float64) string {
	switch {
	case c == nil:
		return ""
	case app.RoundTo(*c, ind.Decimals) > 0:
		return "+" + app.FormatChange(ind, *c)
	case app.RoundTo(*c, ind.Decimals) < 0:
		return "−" + app.FormatChange(ind, *c)
	}
	return "no change"
}

// packDistricts writes the districts table: the figures as circulated,
// rated against the county's target.
func (b *book) packDistricts(d *pdf.Doc) func() error {
	return func() error {
		d.Page()
		d.Title(fmt.Sprintf("Districts: %s, rated against the county target", periodName(b.period)))
		d.Para(exclusionWords(b.opt.Exclude)+". Each figure's fill and letter give its RAG rating (G green, A amber, R red) against "+b.opt.authority().Name+"'s target and floor for the year, or a district's own where it has one, and the milestone for the month where the year has them.", 8.5)
		areas := b.districtAreas()
		fixed := 15.0 + 56 + 14
		w := (d.Width() - fixed) / float64(len(areas))
		t := pdf.Table{Size: 7, Columns: []pdf.Column{{Head: "Ref", Width: 15}, {Head: "Indicator", Width: 56}, {Head: "County target", Width: 14, Align: "R"}}}
		for _, a := range areas {
			t.Columns = append(t.Columns, pdf.Column{Head: string(a), Width: w, Align: "R"})
		}
		for _, ind := range b.inds {
			r := pdf.Row{Cells: []pdf.Cell{{Text: ind.Ref}, {Text: ind.Name}, {}}}
			tg, hasTarget := b.h.TargetFor(ind, b.period)
			if hasTarget && tg.Target != nil {
				r.Cells[2].Text = app.FormatValue(ind, *tg.Target)
			}
			for _, a := range areas {
				o, ok := b.h.Observation(app.SeriesKey{Ref: ind.Ref, Area: a}, b.period)
				var c pdf.Cell
				switch v, isFigure := o.Figure(); {
				case !ok:
				case isFigure && o.Status == app.OK:
					c.Text = app.FormatValue(ind, v)
					if hasTarget {
						// A district with a target of its own is rated against it.
						ta, _ := b.h.TargetIn(ind, a, b.period)
						if rag := app.Rating(ind.Polarity, v, ta, ind.Decimals); rag != app.NoRAG {
							c.Text += " " + rag.Letter()
							c.Fill = ragFill(rag)
						}
					}
				case o.Status != app.OK:
					c = pdf.Cell{Text: string(o.Status), Color: grey}
				}
				r.Cells = append(r.Cells, c)
			}
			t.Rows = append(t.Rows, r)
		}
		d.Table(t)
		b.step()
		return nil
	}
}

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

// packGuidance writes the guidance: the codes, the rules, the method,
// the exclusions and each indicator's definition.
func (b *book) packGuidance(d *pdf.Doc) func() error {
	return func() error {
		d.Page()
		d.Title("Guidance notes")
		pairs := func(ps [][2]string) string {
			var s []string
			for _, p := range ps {
				s = append(s, p[0]+": "+p[1])
			}
			return strings.Join(s, "; ") + "."
		}
		d.Heading("Polarity")
		d.Para(pairs(polarityNotes), 9)
		d.Heading("Data period")
		d.Para(pairs(dataPeriodNotes), 9)
		d.Heading("RAG rating")
		d.Para(ragRules, 9)
		d.Heading("Direction of travel, trend and signals (SPC)")
		d.Para(trend.Guidance, 9)
		d.Heading("Exclusions")
		d.Para(b.exclusionNotes(), 9)
		if b.opt.Suppress > 0 {
			d.Heading("Small-number suppression")
			d.Para(fmt.Sprintf("Counts of 1 to %d children, and figures built on them, are shown as c, consistently on every page, so that no child can be identified. ", b.opt.Suppress-1)+
				b.leftOutWords("pack", "under the scorecard, and on its page where it is flagged"), 9)
		}
		var codes [][2]string
		for _, st := range []app.Status{app.Suppressed, app.Low, app.NotAvailable, app.NotApplicable, app.LowReliability, app.CannotExclude} {
			codes = append(codes, [2]string{string(st), st.Describe()})
		}
		d.Heading("Status codes")
		d.Para(pairs(codes), 9)
		d.Heading("Indicators")
		rules := b.rules()
		t := pdf.Table{Size: 7.5, Columns: []pdf.Column{{Head: "Ref", Width: 15}, {Head: "Indicator", Width: 60}, {Head: "Pol.", Width: 8, Align: "C"},
			{Head: "Unit", Width: 14}, {Head: "Period", Width: 11, Align: "C"}, {Head: "How it is calculated", Width: 119}, {Head: "Exclusion rule used", Width: 50}}}
		for _, ind := range b.inds {
			t.Rows = append(t.Rows, pdf.Row{Cells: []pdf.Cell{{Text: ind.Ref}, {Text: ind.Name}, {Text: ind.Polarity.String()}, {Text: string(ind.Unit)},
				{Text: string(ind.DataPeriod)}, {Text: calculation(ind)}, {Text: strings.Join(rules[ind.Ref], "; ")}}})
		}
		d.Table(t)
		b.step()
		return nil
	}
}

// packProvenance writes where every figure came from.
func (b *book) packProvenance(d *pdf.Doc) func() error {
	return func() error {
		d.Page()
		d.Title("Provenance")
		settings := [][2]string{
			{"Produced", b.opt.Produced.Format("2 January 2006 15:04 MST")},
			{"App version", "Scorecard " + b.opt.AppVersion},
			{"Period", b.period.Label()},
			{"Area", string(b.opt.Area)},
			{"Exclusions", exclusionWords(b.opt.Exclude)},
			{"Suppression", suppressionWords(b.opt.Suppress)},
		}
		t := pdf.Table{Size: 8.5, Columns: []pdf.Column{{Head: "Setting", Width: 40}, {Head: "Value", Width: 120}}}
		for _, kv := range settings {
			t.Rows = append(t.Rows, pdf.Row{Cells: []pdf.Cell{{Text: kv[0], Bold: true}, {Text: kv[1]}}})
		}
		d.Table(t)
		d.Heading("Imports")
		t = pdf.Table{Size: 7.5, Columns: []pdf.Column{{Head: "Import", Width: 16}, {Head: "Source", Width: 55}, {Head: "Kind", Width: 22},
			{Head: "SHA-256", Width: 90}, {Head: "Imported (UTC)", Width: 26}, {Head: "Indicators", Width: 15, Align: "R"},
			{Head: "Figures", Width: 15, Align: "R"}, {Head: "Revisions", Width: 15, Align: "R"}, {Head: "Undone", Width: 23}}}
		for _, im := range b.h.Imports {
			undone := ""
			if im.Undone != nil {
				undone = im.Undone.UTC().Format(time.DateTime)
			}
			t.Rows = append(t.Rows, pdf.Row{Cells: []pdf.Cell{{Text: im.ID}, {Text: im.Source}, {Text: im.Kind}, {Text: im.SHA256},
				{Text: im.Time.UTC().Format(time.DateTime)}, {Text: fmt.Sprint(im.Counts.Indicators)}, {Text: fmt.Sprint(im.Counts.Observations)},
				{Text: fmt.Sprint(im.Counts.Revisions)}, {Text: undone}}})
		}
		d.Table(t)
		if len(b.sum.Warnings) > 0 {
			d.Heading("Exclusion warnings")
			for _, w := range b.sum.Warnings {
				d.Para(w.String(), 8)
			}
		}
		b.step()
		return nil
	}
}
