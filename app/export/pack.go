package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"scorecard/app"
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
	// A pack of an area with no figures for the period would open on
	// "Nothing is red" above an empty scorecard: an all-clear for no data
	// (QA23c D12).
	if !HasFigures(b.h, b.opt.Area, b.period) {
		return Summary{}, fmt.Errorf("%w: %s", ErrNoData, NoFigures(b.h, b.opt.Area, b.period))
	}
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

// HasFigures reports whether h holds any figure or status for area in
// period p, counting a quarter's or a year's that ends with p: a brief or
// pack of an area and period with none would read as an all-clear. Last
// year's outturn standing in for the month is not the month's figure: a
// month of stand-ins alone was given the all-clear (QA24b D7).
func HasFigures(h *app.History, area app.Area, p app.Period) bool {
	for _, k := range h.Keys() {
		if k.Area != area {
			continue
		}
		for _, o := range h.Series(k) {
			if o.StandIn {
				continue
			}
			if o.Period == p || o.Period.Kind != p.Kind && o.Period.End().Equal(p.End()) {
				return true
			}
		}
	}
	return false
}

// NoFigures says why area has no figures for p (HasFigures is false):
// "Kent has no figures for Mar-25", and where last year's outturns stand
// in for them, that they are all it has.
func NoFigures(h *app.History, area app.Area, p app.Period) string {
	for _, k := range h.Keys() {
		if k.Area != area {
			continue
		}
		for _, o := range h.Series(k) {
			if o.StandIn && o.Period == p {
				return fmt.Sprintf("%s has no figures for %s: every figure given for it is last year's outturn standing in (import the month's own figures)", area, p.Label())
			}
		}
	}
	return fmt.Sprintf("%s has no figures for %s", area, p.Label())
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
		opt := brief.Options{Period: b.period, Area: b.opt.Area, Shown: b.h, Suppress: b.opt.Suppress,
			Excluded: b.opt.Exclude, All: b.all, AllShown: b.base}
		items := brief.Items(figures, opt)
		left := brief.Assessed(figures, opt)
		d.Page()
		d.Title(left.Heading(brief.Heading(b.opt.Area, b.period, CohortPhrase(b.opt.Exclude), items)))
		intro := "Every indicator that is " + brief.Listed(items) + " in " + periodName(b.period) +
			", most serious first."
		paged := map[string]bool{}
		for _, pg := range b.chartPages(false) {
			paged[pg.ro.ind.Ref] = true
		}
		pages := " The scorecard follows; each flagged indicator has a page with its SPC chart, and one listed here without a page says why."
		if len(left.Indicators) > 0 {
			intro += " Then those that cannot be worked out " + exclusionPhrase(b.opt.Exclude) + ", with what their figures without the exclusion say, labelled as such."
			// packFlagged gives each of them flagged without the
			// exclusion a page of those figures: say so, so that no
			// reader takes a missing chart for a missing figure.
			pages = " The scorecard follows; each flagged indicator has a page with its SPC chart, and so has each that cannot be worked out " +
				exclusionPhrase(b.opt.Exclude) + " but is flagged without the exclusion, its page labelled so; one listed here without a page says why."
		}
		blocks := []pageBlock{{role: roleText, text: intro + pages}}
		if len(items) == 0 {
			blocks = append(blocks, pageBlock{role: roleLead, text: left.Empty()})
		}
		item := func(it brief.Item, group int) pageBlock {
			text := it.Text() + "."
			if !paged[it.Ref] {
				text += noChartPage(it)
			}
			label := it.Ref
			if it.RAG != app.NoRAG {
				label += " (" + it.RAG.String() + ")"
			}
			return pageBlock{role: roleItem, text: text, mark: it.RAG.Letter(), fill: ragFill(it.RAG), group: group, label: label}
		}
		const (
			listed     = iota + 1 // the items, most serious first
			leftListed            // those that cannot exclude, flagged for all children
			offCycle              // the quarterly figures without one this month
			revised               // figures and definitions changed since last circulated
		)
		for _, it := range items {
			blocks = append(blocks, item(it, listed))
		}
		// What could not be assessed without the cohorts, and all
		// children's figures for it, labelled so: never left unsaid.
		if intro := left.Intro(); intro != "" {
			blocks = append(blocks, pageBlock{role: roleText, text: intro})
			for _, it := range left.Flagged() {
				blocks = append(blocks, item(it, leftListed))
			}
			if q := left.Quiet(); q != "" {
				blocks = append(blocks, pageBlock{role: roleText, text: q})
			}
		}
		// What changed in figures already circulated, so that last
		// month's readers see why a figure or rating moved.
		if lines := brief.Revisions(figures, opt); len(lines) > 0 {
			blocks = append(blocks, pageBlock{role: roleText, text: brief.RevisionsHeading})
			if against := brief.RevisionsAgainst(figures, opt); against != "" {
				blocks = append(blocks, pageBlock{role: roleFoot, text: against, group: revised})
			}
			for _, l := range lines {
				blocks = append(blocks, pageBlock{role: roleFoot, text: l + ".", group: revised})
			}
		}
		for _, n := range brief.OffCycleNotes(figures, opt) {
			blocks = append(blocks, pageBlock{role: roleFoot, text: n, group: offCycle})
		}
		// A retired indicator has no line: said, so that its absence is
		// not read as nothing to report.
		if r := brief.Retired(figures, opt); r != "" {
			for _, l := range strings.Split(r, "\n") {
				blocks = append(blocks, pageBlock{role: roleFoot, text: l})
			}
		}
		if foot := brief.Foot(figures, opt); foot != "" {
			blocks = append(blocks, pageBlock{role: roleFoot, text: foot})
		}
		fitFirstPage(d, blocks, map[int]listMore{
			listed:     moreItems("less serious", "each has its row on the scorecard, from page 2, and a chart page where it is flagged"),
			leftListed: moreItems("of these", "each has its row on the scorecard, from page 2"),
			offCycle:   moreNotes(periodName(b.period)),
			revised:    moreRevisions,
		})
		b.step()
		return nil
	}
}

// packDistricts writes the districts table: the figures as circulated,
// rated against the county's target.
func (b *book) packDistricts(d *pdf.Doc) func() error {
	return func() error {
		d.Page()
		title, targetHead, rated := b.districtWords()
		d.Title(title)
		d.Para(exclusionWords(b.opt.Exclude)+". Each figure's fill and letter give its RAG rating (G green, A amber, R red) against "+rated, 8.5)
		// Only the areas with figures for the month get a column, so that
		// names are wide enough to read whole (QA23c D4); those left out
		// are named under the table.
		var areas []app.Area
		var none []string
		for i, a := range b.districtAreas() {
			if i == 0 || HasFigures(b.h, a, b.period) {
				areas = append(areas, a)
			} else {
				none = append(none, string(a))
			}
		}
		fixed := 15.0 + 56 + 14
		w := (d.Width() - fixed) / float64(len(areas))
		t := pdf.Table{Size: 7, Columns: []pdf.Column{{Head: "Ref", Width: 15}, {Head: "Indicator", Width: 56}, {Head: targetHead, Width: 14, Align: "R"}}}
		for _, a := range areas {
			t.Columns = append(t.Columns, pdf.Column{Head: string(a), Width: w, Align: "R"})
		}
		standIns := 0
		for _, ind := range b.inCirculation() {
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
				case o.StandIn && o.Value != nil:
					// Last year's outturn standing in is not the month's
					// figure: marked, and never rated against this year's
					// target (QA23c D1).
					c = pdf.Cell{Text: app.FormatValue(ind, *o.Value) + " " + standInMark, Color: grey}
					standIns++
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
					c = pdf.Cell{Text: o.Status.String(), Color: grey}
				}
				r.Cells = append(r.Cells, c)
			}
			t.Rows = append(t.Rows, r)
		}
		d.Table(t)
		if standIns > 0 {
			d.Para(standInFootnote, 8)
		}
		if len(none) > 0 {
			d.Para("No figures for "+periodName(b.period)+", so no column: "+strings.Join(none, ", ")+".", 8)
		}
		b.step()
		return nil
	}
}

// standInMark follows a figure in the pack that is the previous year's
// outturn standing in for the period's (Observation.StandIn), as show
// marks it: the pack's font has no italic, and a mark survives
// black-and-white printing.
const standInMark = "(s)"

// standInFootnote explains standInMark under a table that uses it.
const standInFootnote = standInMark + " the previous year's outturn, standing in until this month's figure is available: not the month's own figure, so it is not rated nor plotted as the month's point."

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
		d.Para(ragRules(b.period.Kind, b.h.RAGRule()), 9)
		d.Heading("Direction of travel, trend and signals (SPC)")
		d.Para(trend.Guidance, 9)
		d.Heading("Exclusions")
		d.Para(b.exclusionNotes(), 9)
		if b.opt.Suppress > 0 {
			d.Heading("Small-number suppression")
			d.Para(fmt.Sprintf("Counts of 1 to %d children, and figures built on them, are shown as c, consistently on every page, so that no child can be identified. ", b.opt.Suppress-1)+
				b.leftOutWords("pack", "under the scorecard, and on its page where it is flagged"), 9)
		}
		if w := b.retiredWords(); w != "" {
			d.Heading("Retired indicators")
			d.Para(w, 9)
		}
		var codes [][2]string
		for _, st := range []app.Status{app.Suppressed, app.Low, app.NotAvailable, app.NotApplicable, app.LowReliability, app.CannotExclude} {
			codes = append(codes, [2]string{st.String(), st.Describe()})
		}
		d.Heading("Status codes")
		d.Para(pairs(codes), 9)
		if changed := b.definitionsChanged(); len(changed) > 0 {
			d.Heading(definitionsChangedHeading)
			d.Para(strings.Join(changed, " "), 9)
		}
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
