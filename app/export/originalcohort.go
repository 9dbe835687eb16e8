package export

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
)

// labelAllChildren labels what the original says of all children where
// its rows now hold figures excluding cohorts, as the house layout does
// (book.scorecardRow, book.benchmarkCaption): a comment on all children's
// figures is led by "(all children)", with a note where it quotes all
// children's figure rather than the row's, and the headings of its
// benchmark columns, which count all children, end with it. Without
// them a reader takes "Numbers rose as arrivals of unaccompanied
// children increased" or "England 2024/25" to be about the figures
// beside them.
//
// Whatever is excluded, a comment quoting a figure the release withheld
// is withheld (commentQuotesWithheld).
func (o *originalWriter) labelAllChildren(ctx context.Context, ids map[string]bool) error {
	if err := o.labelComments(ids); err != nil {
		return err
	}
	if len(o.opt.Exclude) == 0 {
		return nil
	}
	if err := o.labelAllChildrenCaptions(); err != nil {
		return err
	}
	return o.labelBenchmarkHeadings(ctx, ids)
}

// allRow notes a cell of all children's figures written, for
// labelAllChildrenCaptions.
func (o *originalWriter) allRow(sheet, ref string) {
	c, r, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return
	}
	if o.allRows == nil {
		o.allRows = map[string]map[int]int{}
	}
	if o.allRows[sheet] == nil {
		o.allRows[sheet] = map[int]int{}
	}
	if first, ok := o.allRows[sheet][c]; !ok || r < first {
		o.allRows[sheet][c] = r
	}
}

// labelAllChildrenCaptions relabels a caption naming all children alone
// ("All children") over the headings of columns whose figures now
// exclude the cohorts: a scorecard giving its months for all children
// and again excluding UASC, each run under such a caption, kept "All
// children" over the figures excluding them. It says what they now
// count ("Excluding UASC").
func (o *originalWriter) labelAllChildrenCaptions() error {
	label := app.Excluding(o.opt.Exclude...).Label()
	for _, sheet := range slices.Sorted(maps.Keys(o.allRows)) {
		if _, tidy := o.tidy[sheet]; tidy {
			continue
		}
		cols := o.allRows[sheet]
		merged, err := o.f.GetMergeCells(sheet)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		done := map[string]bool{}
		for _, c := range slices.Sorted(maps.Keys(cols)) {
			headed := false // the column's own heading passed, the first words above its figures
			for r := cols[c] - 1; r >= 1; r-- {
				at, ok := mergedOrigin(merged, cell(c, r), cols)
				if !ok {
					break // a heading over other columns too
				}
				text, err := o.f.GetCellValue(sheet, at)
				if err != nil {
					return fmt.Errorf("sheet %q: %w", sheet, err)
				}
				if strings.TrimSpace(text) == "" {
					continue
				}
				if !headed {
					headed = true
					continue
				}
				if !done[at] && allChildrenCaption(text) {
					if err := o.f.SetCellStr(sheet, at, label); err != nil {
						return fmt.Errorf("sheet %q: %w", sheet, err)
					}
				}
				done[at] = true
				break
			}
		}
	}
	return nil
}

// allChildrenCaption reports whether a caption names all children and
// nothing else.
func allChildrenCaption(text string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(text), " ")) {
	case "all children", "all", "all cla", "all children looked after", "all young people", "all children and young people":
		return true
	}
	return false
}

// commentRow is a row of the original holding a series' figures, with
// the periods it holds them for.
type commentRow struct {
	key     app.SeriesKey
	periods []app.Period
}

// labelComments labels the comments the original's import read (each
// on the row of its indicator's figures for all children, which now
// show them excluding the cohorts), and withholds any that quotes a
// figure the release withheld: found by their text on those rows, since
// the history keeps a comment's words but not its cell.
func (o *originalWriter) labelComments(ids map[string]bool) error {
	label := len(o.opt.Exclude) > 0
	rows := map[string]map[int]*commentRow{}
	for _, k := range o.base.Keys() {
		if k.Split != app.All {
			continue
		}
		for _, cur := range o.base.Series(k) {
			was, ok := fromOriginal(o.base, k, cur, ids)
			if !ok {
				continue
			}
			sheet, ref, ok := splitCell(was.Cell)
			if _, tidy := o.tidy[sheet]; !ok || tidy {
				continue
			}
			_, r, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				continue
			}
			if rows[sheet] == nil {
				rows[sheet] = map[int]*commentRow{}
			}
			cr := rows[sheet][r]
			if cr == nil {
				cr = &commentRow{key: k}
				rows[sheet][r] = cr
			}
			if cr.key == k {
				cr.periods = append(cr.periods, was.Period)
			}
		}
	}
	for _, sheet := range slices.Sorted(maps.Keys(rows)) {
		texts, err := o.f.GetRows(sheet)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		for _, r := range slices.Sorted(maps.Keys(rows[sheet])) {
			if r > len(texts) {
				continue
			}
			cr := rows[sheet][r]
			ind, _ := o.h.Indicator(cr.key.Ref)
			for _, p := range cr.periods {
				c, ok := o.base.Comment(cr.key.Ref, cr.key.Area, p)
				if !ok || c.Text == "" {
					continue
				}
				for i, text := range texts[r-1] {
					if strings.TrimSpace(text) != c.Text {
						continue
					}
					at := cell(i+1, r)
					now := text
					if label {
						now = allChildrenLabel + " " + text
					}
					q, qp, withheld := o.commentQuotesWithheld(cr.key, c.Text, cr.periods)
					if withheld {
						now = withheldComment(q, qp)
						o.sum.Warnings = append(o.sum.Warnings, app.Warning{Location: app.Location{Sheet: sheet, Cell: at},
							Message: withheldCommentWarning(ind.Ref, p, q, qp)})
					}
					if now == text {
						continue
					}
					if err := o.f.SetCellStr(sheet, at, now); err != nil {
						return fmt.Errorf("sheet %q: %w", sheet, err)
					}
					texts[r-1][i] = now // labelled once
					if withheld {
						continue
					}
					shown, _ := o.h.Observation(cr.key, p)
					other, _ := o.base.Observation(cr.key, p)
					if w := cohort.Misquoted(ind, c.Text, shown, other); w != "" {
						if err := o.noteAt(sheet, at, "Check this comment: "+w+"."); err != nil {
							return err
						}
						o.sum.Warnings = append(o.sum.Warnings, app.Warning{Location: app.Location{Sheet: sheet, Cell: at},
							Message: fmt.Sprintf("%s %s commentary: %s", ind.Ref, p.Label(), w)})
					}
				}
			}
		}
	}
	return nil
}

// labelBenchmarkHeadings ends the heading of each of the original's
// benchmark columns (England's, the neighbours') with "(all children)":
// the nearest text above the column's first figure, and above the
// sheet's first row of figures, so that it is a heading and not another
// indicator's cell. A heading merged across columns is labelled once.
func (o *originalWriter) labelBenchmarkHeadings(ctx context.Context, ids map[string]bool) error {
	first := map[string]map[int]int{} // by sheet and column, the benchmarks' first row
	for _, ind := range o.inds {
		for _, bm := range o.base.Benchmarks(ind.Ref) {
			if bm.Group == app.OutturnGroup {
				continue // the authority's own figure, excluding the cohorts where it can be
			}
			at, err := o.benchmarkCell(ctx, bm, ids)
			if err != nil {
				return err
			}
			sheet, ref, ok := splitCell(at)
			if !ok || !sheetExists(o.f, sheet) {
				continue
			}
			if _, tidy := o.tidy[sheet]; tidy {
				continue // its rows say whose figures they are
			}
			c, r, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				continue
			}
			if first[sheet] == nil {
				first[sheet] = map[int]int{}
			}
			if f, ok := first[sheet][c]; !ok || r < f {
				first[sheet][c] = r
			}
		}
	}
	top := map[string]int{} // by sheet, the first row of figures
	for at := range o.written {
		if sheet, ref, ok := splitCell(at); ok {
			if _, r, err := excelize.CellNameToCoordinates(ref); err == nil && (top[sheet] == 0 || r < top[sheet]) {
				top[sheet] = r
			}
		}
	}
	for _, sheet := range slices.Sorted(maps.Keys(first)) {
		merged, err := o.f.GetMergeCells(sheet)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		done := map[string]bool{}
		for _, c := range slices.Sorted(maps.Keys(first[sheet])) {
			from := first[sheet][c]
			if t := top[sheet]; t > 0 && t < from {
				from = t
			}
			for r := from - 1; r >= 1; r-- {
				at, ok := mergedOrigin(merged, cell(c, r), first[sheet])
				if !ok {
					continue // a section's heading across the sheet, say
				}
				text, err := o.f.GetCellValue(sheet, at)
				if err != nil {
					return fmt.Errorf("sheet %q: %w", sheet, err)
				}
				if strings.TrimSpace(text) == "" {
					continue
				}
				if !done[at] && !strings.Contains(strings.ToLower(text), "all children") {
					if err := o.f.SetCellStr(sheet, at, strings.TrimRight(text, " ")+" "+allChildrenLabel); err != nil {
						return fmt.Errorf("sheet %q: %w", sheet, err)
					}
				}
				done[at] = true
				break
			}
		}
	}
	return nil
}

// mergedOrigin returns the top-left cell of the merged range holding ref,
// which holds the range's text, or ref itself. A range reaching columns
// other than cols (the benchmarks') heads more than them, and is no
// heading of theirs: ok is false.
func mergedOrigin(merged []excelize.MergeCell, ref string, cols map[int]int) (at string, ok bool) {
	c, r, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return ref, true
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c < c1 || c > c2 || r < r1 || r > r2 {
			continue
		}
		for col := c1; col <= c2; col++ {
			if _, ok := cols[col]; !ok {
				return "", false
			}
		}
		return m.GetStartAxis(), true
	}
	return ref, true
}
