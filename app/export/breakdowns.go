package export

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// writeDistricts writes each indicator's figure in the period for the
// authority and each district, rated against the county's target: once for all children
// and, when cohorts are excluded, again without them.
func (b *book) writeDistricts(ctx context.Context) error {
	s := DistrictsSheet
	if streamSheets {
		b.buffer(s)
	}
	title, targetHead, rated := b.districtWords()
	key := "Each figure's fill and letter give its RAG rating (G green, A amber, R red) against " + rated
	if len(b.opt.Exclude) > 0 {
		key += " Printed: the figures " + exclusionPhrase(b.opt.Exclude) + "; all children's are above them, on screen only."
	}
	r, err := b.titleBlock(s, title, key)
	if err != nil {
		return err
	}
	areas := b.districtAreas()
	widths := []float64{6, 30, 7}
	for range areas {
		widths = append(widths, 8)
	}
	if err := b.widths(s, widths...); err != nil {
		return err
	}
	names := []string{"Ref", "Indicator", targetHead}
	for _, a := range areas {
		names = append(names, string(a))
	}
	blocks := []struct {
		title string
		h     *app.History
	}{{"All children", b.base}}
	if len(b.opt.Exclude) > 0 {
		blocks = append(blocks, struct {
			title string
			h     *app.History
		}{exclusionWords(b.opt.Exclude), b.h})
	}
	head, printed := r, r
	for _, bl := range blocks {
		printed = r
		if err := b.set(s, 1, r, bl.title, look{bold: true, size: 11, color: headerFill}); err != nil {
			return err
		}
		r++
		if err := b.header(s, r, names...); err != nil {
			return err
		}
		if err := b.fitRow(s, r, 2); err != nil {
			return err
		}
		for _, ind := range b.inCirculation() {
			if err := ctx.Err(); err != nil {
				return err
			}
			r++
			if err := b.districtRow(s, r, bl.h, ind, areas); err != nil {
				return fmt.Errorf("%s: %w", ind.Ref, err)
			}
		}
		r += 3
	}
	for range b.rows {
		b.step()
	}
	if err := b.freeze(s, 3, head+2); err != nil {
		return err
	}
	// One page: the figures as circulated, under the sheet's title.
	if err := b.printSetup(s, page{wide: 1, tall: 1, titleRows: [2]int{1, 2}, scale: 0.6,
		area: fmt.Sprintf("$A$%d:$%s$%d", printed, colName(len(names)), r-3)}); err != nil {
		return err
	}
	if streamSheets {
		b.streamLater(s, nil)
	}
	return nil
}

// districtWords are the districts table's title, the heading of its
// column of targets, and what its ratings are against, for a key. An
// authority with no districts (a city or a London borough) has its own
// figures there alone: the words speak of neither districts nor a
// county it has not got (QA23b L1).
func (b *book) districtWords() (title, targetHead, rated string) {
	name := b.opt.authority().Name
	noun := periodNoun(b.period.Kind)
	rated = name + "'s target and floor for the year, and the milestone for the " + noun + " where the year has them."
	if len(b.opt.authority().Districts()) == 0 {
		return fmt.Sprintf("%s has no districts: its own figures for %s, rated against its target", name, periodName(b.period)), "Target", rated
	}
	rated = name + "'s target and floor for the year, or a district's own where it has one, and the milestone for the " + noun + " where the year has them."
	return fmt.Sprintf("Districts: %s, rated against the %s target", periodName(b.period), name), name + " target", rated
}

// districtAreas are the columns of the districts table: the authority,
// its districts, and the pseudo-areas where the history has figures for
// them.
func (b *book) districtAreas() []app.Area {
	areas := b.opt.authority().Areas()
	has := map[app.Area]bool{}
	for _, k := range b.heldKeys() {
		has[k.Area] = true
	}
	for _, a := range []app.Area{app.OutOfCounty, app.UASCService} {
		if has[a] {
			areas = append(areas, a)
		}
	}
	return areas
}

// districtRow writes one indicator's row of the districts table.
func (b *book) districtRow(s string, r int, h *app.History, ind app.Indicator, areas []app.Area) error {
	if err := b.set(s, 1, r, ind.Ref, look{border: true}); err != nil {
		return err
	}
	if err := b.set(s, 2, r, ind.Name, look{border: true, wrap: true}); err != nil {
		return err
	}
	if err := b.fitRow(s, r, lines(ind.Name, 30)); err != nil {
		return err
	}
	t, hasTarget := h.TargetFor(ind, b.period)
	if hasTarget {
		if err := b.figure(s, 3, r, ind, t.Target, app.OK, look{border: true}); err != nil {
			return err
		}
	}
	if reason, from, to, ok := cannotExcludeRun(h, ind.Ref, areas, b.period); ok {
		// Said once across the areas with a figure, not in every area's
		// cell, nor over an area with none (as on the Scorecard sheet).
		first, last := 4+from, 4+to
		if err := b.merge(s, cell(first, r), cell(last, r)); err != nil {
			return err
		}
		l := look{border: true, italic: true, color: grey, align: "center"}
		if err := b.set(s, first, r, app.CannotExclude.String()+": "+reason, l); err != nil {
			return err
		}
		id, err := b.style(l)
		if err != nil {
			return err
		}
		if err := b.styleRow(s, r, first, last, id); err != nil {
			return err
		}
		return b.explain(s, first, r, app.CannotExclude, reason)
	}
	for i, a := range areas {
		o, ok := h.Observation(app.SeriesKey{Ref: ind.Ref, Area: a}, b.period)
		if !ok {
			continue
		}
		l := look{border: true}
		if o.StandIn {
			// Last year's outturn standing in: italic and noted as on the
			// Scorecard sheet, and never rated against this year's target
			// (QA23c D1).
			l.italic = true
			if err := b.figure(s, 4+i, r, ind, o.Value, o.Status, l); err != nil {
				return err
			}
			if err := b.note(s, 4+i, r, standInNote); err != nil {
				return err
			}
			continue
		}
		v, isFigure := o.Figure()
		if isFigure && o.Status == app.OK && hasTarget {
			// A district with a target of its own is rated against it.
			ta, _ := h.TargetIn(ind, a, b.period)
			rag := app.Rating(ind.Polarity, v, ta, ind.Decimals)
			if rag != app.NoRAG {
				l.fill, l.color = ragLook(rag)
				// The letter rides in the number format, so the cell stays a
				// number and the rating survives black-and-white printing.
				l.numFmt = numFmt(ind) + `" ` + rag.Letter() + `"`
				l.align = "right"
				if err := b.set(s, 4+i, r, cellNumber(ind, v), l); err != nil {
					return err
				}
				continue
			}
		}
		if err := b.figure(s, 4+i, r, ind, o.Value, o.Status, l); err != nil {
			return err
		}
	}
	return nil
}

// cannotExcludeRun returns the reason, and the areas by index from..to,
// when every area's figure for ref in p cannot exclude the cohorts, for
// one reason, and the areas with a figure, at least two, stand together:
// an area with no figure is not said to be one that cannot exclude.
func cannotExcludeRun(h *app.History, ref string, areas []app.Area, p app.Period) (reason string, from, to int, ok bool) {
	n := 0
	for i, a := range areas {
		o, ok := h.Observation(app.SeriesKey{Ref: ref, Area: a}, p)
		if !ok {
			continue
		}
		if o.Status != app.CannotExclude || n > 0 && (o.Raw != reason || to != i-1) {
			return "", 0, 0, false
		}
		if n == 0 {
			from = i
		}
		reason, to = o.Raw, i
		n++
	}
	return reason, from, to, n >= 2
}

// writeBreakdowns writes the child-level aggregates held for the period
// (each measure's latest by then): counts by category, for all children
// and for each split the import drew.
func (b *book) writeBreakdowns(ctx context.Context) error {
	s := BreakdownsSheet
	r, err := b.titleBlock(s, "Breakdowns: "+periodName(b.period),
		"Counts of children by category, aggregated at import; no child-level data is held or exported.")
	if err != nil {
		return err
	}
	if err := b.widths(s, 28, 10, 18, 26, 18, 36, 9, 9, 9); err != nil {
		return err
	}
	rows := b.breakdowns()
	if len(rows) == 0 {
		if err := b.set(s, 1, r, "No breakdowns are held for this period.", look{italic: true}); err != nil {
			return err
		}
		return b.printSetup(s, page{wide: 1, tall: 1})
	}
	if err := b.header(s, r, "Measure", "Period", "Area", "Children", "Dimension", "Category", "Count", "Total", "Share"); err != nil {
		return err
	}
	head := r
	withheld, totalWithheld := disclosure.Protect(rows, b.opt.Suppress)
	for i, bd := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		r++
		cells := []any{bd.Measure, bd.Period.Label(), string(bd.Area), bd.Split.Label(), bd.Dimension, bd.Category}
		for i, v := range cells {
			if err := b.set(s, i+1, r, v, look{border: true}); err != nil {
				return err
			}
		}
		if withheld[i] {
			b.sum.Suppressed++
			if err := b.figure(s, 7, r, app.Indicator{}, nil, app.Suppressed, look{border: true}); err != nil {
				return err
			}
		} else if err := b.set(s, 7, r, bd.Count, look{border: true, numFmt: "#,##0"}); err != nil {
			return err
		}
		if totalWithheld[i] {
			if err := b.figure(s, 8, r, app.Indicator{}, nil, app.Suppressed, look{border: true}); err != nil {
				return err
			}
		} else if err := b.set(s, 8, r, bd.Total, look{border: true, numFmt: "#,##0"}); err != nil {
			return err
		}
		if bd.Total > 0 && !withheld[i] && !totalWithheld[i] {
			if err := b.set(s, 9, r, bd.Count/bd.Total, look{border: true, numFmt: "0.0%"}); err != nil {
				return err
			}
		}
	}
	if err := b.freeze(s, 1, head+1); err != nil {
		return err
	}
	return b.printSetup(s, page{wide: 1, titleRows: [2]int{head, head}})
}

// breakdowns returns, for each measure, the breakdowns of its latest
// period begun by the end of the export's month, sorted by measure, area,
// split and dimension, keeping the import's order of categories.
func (b *book) breakdowns() []app.Breakdown {
	end := b.period.End()
	latest := map[string]app.Period{}
	for _, bd := range b.base.Breakdowns() {
		if bd.Period.Start().After(end) {
			continue
		}
		if p, ok := latest[bd.Measure]; !ok || bd.Period.Compare(p) > 0 {
			latest[bd.Measure] = bd.Period
		}
	}
	var out []app.Breakdown
	for _, bd := range b.base.Breakdowns() {
		if p, ok := latest[bd.Measure]; ok && bd.Period == p {
			out = append(out, bd)
		}
	}
	slices.SortStableFunc(out, func(x, y app.Breakdown) int {
		return cmp.Or(cmp.Compare(x.Measure, y.Measure), cmp.Compare(areaOrder(x.Area), areaOrder(y.Area)),
			cmp.Compare(splitOrder(x.Split), splitOrder(y.Split)), cmp.Compare(x.Split, y.Split),
			cmp.Compare(x.Dimension, y.Dimension))
	})
	return out
}

// areaOrder puts the authority first, then its districts in scorecard
// order, then any other area.
func areaOrder(a app.Area) int {
	if i, ok := app.AreaOrder(a); ok {
		return i
	}
	return math.MaxInt32
}

// splitOrder puts all children first, then the excluding splits, then
// the cohorts alone.
func splitOrder(s app.Split) int {
	switch {
	case s == app.All:
		return 0
	case len(s.Excluded()) > 0:
		return 1
	}
	return 2
}

// standInNote is the note on a cell holding the previous year's outturn
// standing in for the month's figure, in the Scorecard sheet's words.
const standInNote = "The previous year's outturn, standing in until this month's figure is available."
