package export

import (
	"context"
	"fmt"
	"strconv"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// scorecardCols are the fixed columns before the months.
var scorecardCols = []struct {
	name  string
	width float64
}{
	{"Ref", 6}, {"Indicator", 24}, {"Polarity", 7.5}, {"Data period", 6},
	{"Previous year outturn", 8}, {"Target", 6.5}, {"Floor", 6.5},
}

// scorecardTail are the columns after the months: what the window's
// scorecard and detail say of the latest month.
var scorecardTail = []struct {
	name  string
	width float64
}{
	{"RAG", 8}, {"DoT", 10}, {"Change", 7}, {"Same month last year", 7}, {"Trend and SPC", 28},
	{"England", 7.5}, {"Stat neighbours", 8}, {"Rank (quartile)", 8}, {"Benchmark year", 7}, {"Comments", 28},
}

// regionCol names the region's column in a tailLayout: it stands only
// where a row shows a region's figure, headed with the region's name
// (book.regionHead).
const regionCol = "Region"

// tailLayout is where the tail columns stand on a book's scorecard: from
// column start, with the region's column after England's where the book
// shows one.
type tailLayout struct {
	start int
	names []string
	// region heads the region's column; "" where there is none.
	region string
}

// tailOf lays out the tail from column start, the region's column headed
// region, or left out where region is "".
func tailOf(start int, region string) tailLayout {
	t := tailLayout{start: start, region: region}
	for _, c := range scorecardTail {
		t.names = append(t.names, c.name)
		if c.name == "England" && region != "" {
			t.names = append(t.names, regionCol)
		}
	}
	return t
}

// col is the column of the tail column named name.
func (t tailLayout) col(name string) int {
	for i, n := range t.names {
		if n == name {
			return t.start + i
		}
	}
	panic("export: no scorecard column " + name)
}

// tailWidth is the width of the tail column named name: the region's is
// England's.
func tailWidth(name string) float64 {
	if name == regionCol {
		name = "England"
	}
	for _, c := range scorecardTail {
		if c.name == name {
			return c.width
		}
	}
	panic("export: no scorecard column " + name)
}

// scorecardMonthWidth is the width of each month's column.
const scorecardMonthWidth = 6.5

// headerRow is the scorecard's column header row; the caption row above
// it groups the columns.
const headerRow = 6

// scorecardPoints is the size of the Scorecard sheet's text: printed two
// A4 pages across, LibreOffice shrinks the sheet to about three quarters,
// and 11 point shrunk so still reads at 8 point or more.
const scorecardPoints = 11

// writeScorecard writes the scorecard sheet in the house layout.
func (b *book) writeScorecard(ctx context.Context) error {
	s := ScorecardSheet
	if streamSheets {
		b.buffer(s)
	}
	b.points = scorecardPoints
	defer func() { b.points = 0 }()
	produced := fmt.Sprintf("Produced %s by Scorecard %s", b.opt.Produced.Format("2 January 2006"), b.opt.AppVersion)
	if b.opt.Suppress > 0 {
		produced += fmt.Sprintf(". Small numbers: counts of 1 to %d are suppressed (c)", b.opt.Suppress-1)
	}
	if _, err := b.titleBlock(s, b.title(), exclusionWords(b.opt.Exclude), produced); err != nil {
		return err
	}
	first := len(scorecardCols) + 1
	tail := tailOf(first+len(b.months), b.regionHead())
	last := tail.start + len(tail.names) - 1
	var names []string
	var widths []float64
	for _, c := range scorecardCols {
		names, widths = append(names, c.name), append(widths, c.width)
	}
	for _, m := range b.months {
		names, widths = append(names, m.Label()), append(widths, scorecardMonthWidth)
	}
	for _, name := range tail.names {
		width := tailWidth(name)
		switch name {
		case "Same month last year":
			name = lastYearHead(b.period.Kind)
		case "Stat neighbours":
			name += b.neighbourModels()
		case regionCol:
			name = tail.region
		}
		names, widths = append(names, name), append(widths, width)
	}
	if err := b.widths(s, widths...); err != nil {
		return err
	}
	if err := b.header(s, headerRow, names...); err != nil {
		return err
	}
	if err := b.fitRow(s, headerRow, 4); err != nil {
		return err
	}
	if err := b.fitRow(s, headerRow-1, 2); err != nil {
		return err
	}
	captions := []struct {
		from, to int
		text     string
	}{
		{5, 5, b.outturnCaption()},
		{6, 7, b.targetCaption()},
		{first, tail.start - 1, figuresCaption(b.period.Kind)},
		{tail.start, tail.col("Trend and SPC"), "Latest: " + b.period.Label()},
		{tail.col("England"), tail.col("Benchmark year"), b.benchmarkCaption()},
	}
	capLook := look{bold: true, fill: sectionFill, align: "center", wrap: true, border: true}
	for _, c := range captions {
		if err := b.set(s, c.from, headerRow-1, c.text, capLook); err != nil {
			return err
		}
		if c.to > c.from {
			if err := b.merge(s, cell(c.from, headerRow-1), cell(c.to, headerRow-1)); err != nil {
				return err
			}
		}
	}
	r := headerRow + 1
	section := "\x00"
	for _, ro := range b.rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		if ro.ind.Section != section {
			section = ro.ind.Section
			if section != "" {
				if err := b.set(s, 1, r, section, look{bold: true, fill: sectionFill}); err != nil {
					return err
				}
				if err := b.merge(s, cell(1, r), cell(last, r)); err != nil {
					return err
				}
				r++
			}
		}
		if err := b.scorecardRow(s, r, first, tail, ro); err != nil {
			return fmt.Errorf("%s: %w", ro.ind.Ref, err)
		}
		r++
		b.step()
	}
	if err := b.freeze(s, 3, headerRow+1); err != nil {
		return err
	}
	// Two A4 pages across: the figures and ratings, then the words, each
	// headed by the column captions and led by the ref and name.
	if err := b.printSetup(s, page{wide: 2, titleRows: [2]int{headerRow - 1, headerRow}, titleCols: 2, scale: 0.76}); err != nil {
		return err
	}
	if streamSheets {
		b.streamLater(s, nil)
	}
	return nil
}

// lastYear writes the figure for the same period a year before at's: its
// value, or where it has none its status ("cannot exclude" beside
// figures excluding a cohort, "c"), with its note, rather than a blank
// that reads as no figure at all.
func (b *book) lastYear(s string, col, r int, ro *row, at *trend.Point, l look) error {
	if at.LastYear != nil {
		return b.figure(s, col, r, ro.ind, at.LastYear, app.OK, l)
	}
	before := b.period
	before.Year--
	o, ok := b.h.Observation(ro.key, before)
	if !ok || o.Status == app.OK {
		return nil
	}
	if o.Status == app.CannotExclude {
		b.sum.CannotExclude++
	}
	if err := b.figure(s, col, r, ro.ind, nil, o.Status, l); err != nil {
		return err
	}
	return b.explain(s, col, r, o.Status, o.Raw)
}

// target is the target that applies to ind's figure for the scorecard's
// area and period: the area's own where it has one, and the milestone for
// the period, as its RAG is rated (app.History.TargetIn).
func (b *book) target(ind app.Indicator) (app.Target, bool) {
	return b.h.TargetIn(ind, b.opt.Area, b.period)
}

// scorecardRow writes one indicator's row.
func (b *book) scorecardRow(s string, r, first int, tail tailLayout, ro *row) error {
	ind := ro.ind
	excluded := b.sum.CannotExclude
	base := look{wrap: true, border: true}
	fixed := []any{ind.Ref, ind.Name, ind.Polarity.String(), string(ind.DataPeriod)}
	for i, v := range fixed {
		l := base
		if i >= 2 {
			l.align = "center"
		}
		if err := b.set(s, i+1, r, v, l); err != nil {
			return err
		}
	}
	if o, note, ok := b.outturn(ind); ok {
		if err := b.figure(s, 5, r, ind, o.Value, o.Status, base); err != nil {
			return err
		}
		if note != "" {
			if err := b.note(s, 5, r, note); err != nil {
				return err
			}
		}
		if o.Status == app.CannotExclude {
			b.sum.CannotExclude++
			if err := b.explain(s, 5, r, o.Status, o.Raw); err != nil {
				return err
			}
		}
	}
	if t, ok := b.target(ind); ok {
		if err := b.figure(s, 6, r, ind, t.Target, app.OK, base); err != nil {
			return err
		}
		floor := t.Floor
		if ind.Polarity == app.NearTarget {
			floor = nil // a T indicator has a tolerance, not a floor
		}
		if err := b.figure(s, 7, r, ind, floor, app.OK, base); err != nil {
			return err
		}
	}
	cannot, err := b.cannotExcludeRow(s, r, first, ro, b.months, scorecardMonthWidth, base)
	if err != nil {
		return err
	}
	b.sum.CannotExclude += cannot.n
	for i, m := range b.months {
		p := ro.point(m)
		l := base
		if cannot.covers(i) {
			continue
		}
		if p == nil {
			// A quarterly indicator in a month no quarter ends says so in
			// the month's cell, its latest quarter in the cell's note, as
			// the pack says it under its scorecard (QA23c D10): a blank
			// reads as a figure missing.
			text, note := "", ""
			if m == b.period {
				if o, ok := ro.series.OffCycleAt(m); ok {
					text, note = o.Word(m), o.Note(ind, m)
					l.italic, l.color, l.align = true, grey, "right"
				}
			}
			if err := b.set(s, first+i, r, text, l); err != nil {
				return err
			}
			if note != "" {
				if err := b.note(s, first+i, r, note); err != nil {
					return err
				}
			}
			continue
		}
		l.italic = p.StandIn
		if p.Status == app.CannotExclude {
			b.sum.CannotExclude++
		}
		raw := ""
		if o, ok := b.h.FiledFor(ro.key, p.Period); ok {
			raw = o.Raw
		}
		if err := b.figure(s, first+i, r, ind, p.Value, p.Status, l); err != nil {
			return err
		}
		if p.Value == nil || p.Status != app.OK {
			if err := b.explain(s, first+i, r, p.Status, raw); err != nil {
				return err
			}
		} else if w := b.disagreement(ro.key, p.Period); w != "" {
			if err := b.note(s, first+i, r, w); err != nil {
				return err
			}
		}
		if p.Value != nil && p.Status == app.OK && len(b.opt.Exclude) == 0 {
			// Excluding cohorts, the figure shown is worked out, not
			// the one revised.
			if w := b.revisedNote(ro.key, p.Period); w != "" {
				if err := b.note(s, first+i, r, w); err != nil {
					return err
				}
			}
		}
		if p.StandIn {
			if err := b.note(s, first+i, r, standInNote); err != nil {
				return err
			}
		}
		if p.Period.Kind != m.Kind {
			// A quarter's or a year's figure stands in the column of the
			// month it ends (row.point): said, so that it is not read as
			// the month's own.
			if err := b.note(s, first+i, r, app.ShownInWords(p.Period, m)); err != nil {
				return err
			}
			if w := clashNote(b.h, ro.key, ind, p.Period); w != "" {
				if err := b.note(s, first+i, r, w); err != nil {
					return err
				}
			}
		}
	}
	at := ro.at
	ragL, dotL := base, base
	rag, dot := "", ""
	if at != nil {
		if at.RAG != app.NoRAG {
			rag = at.RAG.String()
			ragL.fill, ragL.color = ragLook(at.RAG)
			ragL.bold = true
		}
		dot = dotText(at)
		switch at.DoT {
		case app.Improved:
			dotL.color = favourable
		case app.Worsened:
			dotL.color = unfavoured
		default:
			dotL.color = grey
		}
		dotL.bold = true
	}
	ragL.align, dotL.align = "center", "center"
	if err := b.set(s, tail.start, r, rag, ragL); err != nil {
		return err
	}
	if err := b.set(s, tail.col("DoT"), r, dot, dotL); err != nil {
		return err
	}
	if at != nil {
		l := base
		l.align = "right"
		if err := b.set(s, tail.col("Change"), r, signedChange(ind, at.Change), l); err != nil {
			return err
		}
		if err := b.lastYear(s, tail.col("Same month last year"), r, ro, at, base); err != nil {
			return err
		}
	}
	words := judgement(ind, at)
	// The cell is tinted as Making Data Count colours its variation icon,
	// and its note names the icons, for those who know the terms.
	iconLook, iconTerms := iconCell(at, base)
	if err := b.set(s, tail.col("Trend and SPC"), r, words, iconLook); err != nil {
		return err
	}
	if iconTerms != "" {
		if err := b.note(s, tail.col("Trend and SPC"), r, iconTerms); err != nil {
			return err
		}
	}
	n := max(b.lines(ind.Name, scorecardCols[1].width), b.lines(words, tailWidth("Trend and SPC")))
	if b.sum.CannotExclude > excluded {
		n = max(n, 2) // "cannot exclude" wraps onto two lines
	}
	if ro.hasBM {
		type shownBM struct {
			name string
			bm   *app.Benchmark
		}
		shown := []shownBM{{"England", ro.shown.England}, {"Stat neighbours", ro.shown.NeighbourMean}}
		if tail.region != "" {
			shown = append(shown, shownBM{regionCol, ro.shown.Region})
		}
		for _, nb := range shown {
			name, bm := nb.name, nb.bm
			if bm == nil {
				continue
			}
			if err := b.figure(s, tail.col(name), r, bm.Shown(ind), bm.Value, bm.Status, base); err != nil {
				return err
			}
			if bm.Model != "" {
				if err := b.note(s, tail.col(name), r, bm.Group+", neighbour model "+bm.Model); err != nil {
					return err
				}
			}
			if w := regionNote(bm, tail.region); name == regionCol && w != "" {
				if err := b.note(s, tail.col(name), r, w); err != nil {
					return err
				}
			}
		}
		if rk := rankWords(ro.shown.Rank); rk != "" {
			l := base
			l.align = "center"
			if err := b.set(s, tail.col("Rank (quartile)"), r, rk, l); err != nil {
				return err
			}
			if err := b.note(s, tail.col("Rank (quartile)"), r, b.opt.authority().Name+"'s rank among "+strconv.Itoa(ro.shown.Rank.OutOf)+" authorities, 1 = best; quartile A (best) to D"); err != nil {
				return err
			}
		}
		l := base
		l.align = "center"
		l.italic = ro.shown.Older
		if err := b.set(s, tail.col("Benchmark year"), r, ro.shown.Year.Label(), l); err != nil {
			return err
		}
		note := ro.shown.Caption()
		if u := ro.shown.Unshown(); u != "" {
			// The region's column shows the year's figure: a newer
			// regional figure read is said where the year is (QA25 D4).
			note += ". " + u
		}
		if err := b.note(s, tail.col("Benchmark year"), r, note); err != nil {
			return err
		}
	}
	split := app.All
	if len(b.opt.Exclude) > 0 {
		split = app.Excluding(b.opt.Exclude...)
	}
	if c, own, ok := b.h.CommentFor(ind.Ref, b.opt.Area, split, b.period); ok {
		text := c.Text
		if !own {
			// Written about all children's figures, not these.
			text = allChildrenLabel + " " + text
		}
		at := cell(tail.col("Comments"), r)
		q, p, withheld := b.commentQuotesWithheld(ro.key, c.Text, b.months)
		if withheld {
			text = withheldComment(q, p)
			b.sum.Warnings = append(b.sum.Warnings, app.Warning{Location: app.Location{Sheet: ScorecardSheet, Cell: at},
				Message: withheldCommentWarning(ind.Ref, b.period, q, p)})
		}
		if err := b.set(s, tail.col("Comments"), r, text, base); err != nil {
			return err
		}
		n = max(n, b.lines(text, tailWidth("Comments")))
		shown, _ := b.h.Observation(ro.key, b.period)
		other, _ := b.base.Observation(app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}, b.period)
		if split != app.All && !withheld {
			if w := cohort.Misquoted(ind, c.Text, shown, other); w != "" {
				if err := b.note(s, tail.col("Comments"), r, "Check this comment: "+w+"."); err != nil {
					return err
				}
				b.sum.Warnings = append(b.sum.Warnings, app.Warning{Location: app.Location{Sheet: ScorecardSheet, Cell: at},
					Message: fmt.Sprintf("%s %s commentary: %s", ind.Ref, b.period.Label(), w)})
			}
		}
	}
	return b.fitRow(s, r, n)
}

// allChildrenLabel marks a comment written about all children's figures
// where it is shown beside figures excluding a cohort.
const allChildrenLabel = "(all children)"
