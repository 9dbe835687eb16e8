package export

import (
	"math"
	"strings"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/export/pdf"
	"scorecard/app/trend"
)

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
		d.Para("RAG: GREEN target met, AMBER floor met, RED below the floor. DoT compares the "+periodNoun(b.period.Kind)+" with the one before, by polarity"+b.lastYearDoT()+"; "+
			"the change is in the figure's own unit (pp: percentage points). SPC: the Making Data Count reading of the XmR chart at the "+periodNoun(b.period.Kind)+
			": its variation, Improving or Concern (special cause), Higher or Lower (special cause where neither way is better) or Normal (common cause), "+
			"filled in the icon's colour (blue, orange, purple, grey); Too few (points for a chart) or Not charted (year to date); "+
			"then its assurance against the target: pass or fail (consistently), or hit/miss; see the guidance at the end.", 8)
		var left, counts []string
		standIn := false
		for _, ro := range b.rows {
			if ro.leftOut > 0 {
				left = append(left, ro.ind.Ref)
			}
			// Every c counted, the source's too, and said which, as
			// the Trend sheet's Note says it.
			if n := leftOutNote(ro.leftOut, b.sourceWithheld(ro)); n != "" {
				counts = append(counts, ro.ind.Ref+": "+n+".")
			}
			standIn = standIn || ro.at != nil && ro.at.StandIn
		}
		if standIn {
			d.Para(standInFootnote, 8)
		}
		if notes := b.offCycleNotes(); len(notes) > 0 {
			d.Para(strings.Join(notes, " "), 8)
		}
		var withheld string
		if len(left) > 0 {
			withheld = "Small numbers: the trend, change and SPC of " + strings.Join(left, ", ") + " are worked out from the figures shown, leaving out figures withheld (c), " +
				"so that none can be worked out from them; they may differ from the app's, which uses every figure. "
		}
		if len(counts) > 0 {
			d.Para(withheld+strings.Join(counts, " "), 8)
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
			return pdf.Cell{Text: st.String(), Color: grey}
		}
		return pdf.Cell{}
	}
	at := func(ro *row, f func(p *trend.Point) pdf.Cell) pdf.Cell {
		if ro.at == nil {
			return pdf.Cell{}
		}
		return f(ro.at)
	}
	cols := []packColumn{
		{pdf.Column{Head: "Ref", Width: 15}, func(ro *row) pdf.Cell { return text(ro.ind.Ref) }},
		{pdf.Column{Head: "Indicator", Width: 52}, func(ro *row) pdf.Cell { return text(ro.ind.Name) }},
		{pdf.Column{Head: "Pol", Width: 8, Align: "C"}, func(ro *row) pdf.Cell { return text(ro.ind.Polarity.String()) }},
		{pdf.Column{Head: "Period", Width: 11, Align: "C"}, func(ro *row) pdf.Cell { return text(string(ro.ind.DataPeriod)) }},
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
			if ro.at == nil {
				if o, ok := ro.series.OffCycleAt(b.period); ok {
					return pdf.Cell{Text: o.Word(b.period) + " (below)", Color: grey}
				}
			}
			return at(ro, func(p *trend.Point) pdf.Cell {
				c := fig(ro.ind, p.Value, p.Status)
				if p.StandIn && c.Text != "" {
					// Not the month's own figure (QA23c D1): marked and
					// footnoted, not in bold as a figure of the month.
					c.Text += " " + standInMark
					c.Color = grey
					return c
				}
				c.Bold = true
				return c
			})
		}},
		{pdf.Column{Head: "RAG", Width: 14, Align: "C"}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell {
				return pdf.Cell{Text: p.RAG.String(), Fill: ragFill(p.RAG), Bold: true}
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
			return at(ro, func(p *trend.Point) pdf.Cell {
				if p.LastYear != nil {
					return fig(ro.ind, p.LastYear, app.OK)
				}
				// Its status where it has no figure ("cannot exclude",
				// "c"), as the workbook's lastYear gives it, not a blank
				// that reads as no figure at all (QA23c D9).
				before := b.period
				before.Year--
				if o, ok := b.h.Observation(ro.key, before); ok && o.Status != app.OK {
					return fig(ro.ind, nil, o.Status)
				}
				return pdf.Cell{}
			})
		}},
		{pdf.Column{Head: "England" + b.allChildren(), Width: 15, Align: "R"}, func(ro *row) pdf.Cell {
			if ro.hasBM && ro.shown.England != nil {
				return fig(ro.shown.England.Shown(ro.ind), ro.shown.England.Value, ro.shown.England.Status)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Stat neighbours" + b.allChildren(), Width: 17, Align: "R"}, func(ro *row) pdf.Cell {
			if ro.hasBM && ro.shown.NeighbourMean != nil {
				return fig(ro.ind, ro.shown.NeighbourMean.Value, ro.shown.NeighbourMean.Status)
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "Rank (quartile)", Width: 13, Align: "C"}, func(ro *row) pdf.Cell {
			if ro.hasBM {
				return text(rankWords(ro.shown.Rank))
			}
			return pdf.Cell{}
		}},
		{pdf.Column{Head: "SPC", Width: 17}, func(ro *row) pdf.Cell {
			return at(ro, func(p *trend.Point) pdf.Cell {
				return pdf.Cell{Text: spcWords(p), Fill: pdf.RGB(iconFills[p.Variation.Colour()])}
			})
		}},
		{pdf.Column{Head: "Last " + spanWords(b.period.Kind, len(b.months)), Width: 15}, func(ro *row) pdf.Cell {
			vals := sparkValues(ro, b.months)
			return pdf.Cell{Draw: func(d *pdf.Doc, x, y, w, h float64) { d.Spark(vals, x, y, w, h) }}
		}},
	}
	return b.packRegion(cols, func(ro *row) pdf.Cell {
		if r := ro.shown.Region; ro.hasBM && r != nil {
			return fig(r.Shown(ro.ind), r.Value, r.Status)
		}
		return pdf.Cell{}
	})
}

// allChildren is " (all children)" where the figures exclude a cohort,
// to follow the name of a benchmark, which always counts all children.
func (b *book) allChildren() string {
	if len(b.opt.Exclude) == 0 {
		return ""
	}
	return " " + allChildrenLabel
}

// sparkValues are the figures of ro's sparkline by month, NaN for a gap:
// no figure, a status, or last year's outturn standing in, which is not
// the month's point (QA23c D1).
func sparkValues(ro *row, months []app.Period) []float64 {
	vals := make([]float64, len(months))
	for i, m := range months {
		vals[i] = math.NaN()
		if p := ro.point(m); p != nil && p.Value != nil && p.Status == app.OK && !p.StandIn {
			vals[i] = *p.Value
		}
	}
	return vals
}

// offCycleNotes say, under the scorecard, each off-cycle row's latest
// figure and rating, labelled by its own period, and when the next is
// due (trend.OffCycle.Note): a quarterly indicator is a blank row two
// months in three, which without a word reads as a figure missing
// (QA23c D10). The workbook says the same in a note on the month's cell;
// the pack, with one month's column, says it below. A measure shown as
// published excluding the cohorts says so, as page 1 does.
func (b *book) offCycleNotes() []string {
	var notes []string
	for _, ro := range b.rows {
		if ro.at != nil {
			continue
		}
		if o, ok := ro.series.OffCycleAt(b.period); ok {
			o.As = cohort.Published(b.h, ro.ind, b.opt.Area, b.opt.Exclude)
			notes = append(notes, o.Note(ro.ind, b.period))
		}
	}
	return notes
}

// lastYearDoT names the rows whose DoT and change compare with the same
// period last year (trend.Point.ChangeLag: a year-to-date measure), which
// the footnote would otherwise say compare with the one before (QA23c
// D6): ", and for ED03 (year to date) with the same month last year".
func (b *book) lastYearDoT() string {
	var refs []string
	for _, ro := range b.rows {
		if ro.at != nil && ro.at.ChangeLag > 0 {
			refs = append(refs, ro.ind.Ref)
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return ", and for " + strings.Join(refs, ", ") + " (year to date) with the same " + periodNoun(b.period.Kind) + " last year"
}

// spcWords says a point's Making Data Count icons in the pack's SPC
// column, read from trend as the workbook's Trend and SPC cell and the
// window's Signal column read them: the variation icon in a word, then
// the assurance icon against the target; or why there is no chart. The
// pack had no such column, so an unflagged indicator's SPC reading was
// nowhere in it (QA23c D7).
func spcWords(p *trend.Point) string {
	v := p.Variation.Word()
	switch {
	case v != "":
	case p.Signal == trend.TooFewPoints:
		v = "Too few"
	case p.Signal == trend.NotCharted:
		v = "Not charted"
	}
	if a := assuranceWords[p.Assurance]; a != "" {
		v += "\n" + a // a line each: "Improving," overfills the cell
	}
	return v
}

// assuranceWords say the assurance icons short enough for the cell: a
// consistent pass or fail of the target, or hit and miss.
var assuranceWords = map[trend.Assurance]string{
	trend.ConsistentlyMet:  "pass",
	trend.ConsistentlyMiss: "fail",
	trend.HitAndMiss:       "hit/miss",
}
