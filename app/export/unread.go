package export

import (
	"context"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// The original may hold, beside the figures its import read, cells the
// import did not read: a "YTD 2025/26" column, a total, a formula summing
// the months. The export rewrites the figures (withheld, or excluding a
// cohort) but knows nothing of those cells, and left as they were they
// would give a withheld figure away by subtraction (the year to date less
// the months shown) or show all children's total under a title excluding
// a cohort. So once the figures are written, every such cell that depends
// on a figure the export changed is restated when its meaning is plain
// (a sum of the row's months), and otherwise withheld or blanked, with a
// note in the cell and a warning naming it.

// rowFigure is a figure the export wrote into the original: where, what
// the cell held before, and what it holds now.
type rowFigure struct {
	col      int
	period   app.Period
	ind      app.Indicator
	old, now string // raw cell values
	withheld bool   // shows a code (c, cannot exclude), not a figure
	status   app.Status
}

// changed reports whether the export changed what the cell shows.
func (f rowFigure) changed() bool {
	if f.withheld {
		return true
	}
	a, err1 := strconv.ParseFloat(f.old, 64)
	b, err2 := strconv.ParseFloat(f.now, 64)
	if err1 != nil || err2 != nil {
		return f.old != f.now
	}
	return math.Abs(a-b) > 1e-9*math.Max(1, math.Abs(a))
}

// rawValue returns a cell's value as stored, unformatted.
func (o *originalWriter) rawValue(sheet, ref string) string {
	v, _ := o.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	return v
}

// record notes a figure written into sheet!ref, which held old before.
func (o *originalWriter) record(sheet, ref string, p app.Period, ind app.Indicator, old string, now app.Observation) {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return
	}
	o.add(sheet, row, rowFigure{col: col, period: p, ind: ind, old: old,
		now: o.rawValue(sheet, ref), withheld: now.Status != app.OK || now.Value == nil, status: now.Status})
}

// keep notes a figure left in sheet!ref as the original has it, shown
// there as shown (see shownValue): unchanged.
func (o *originalWriter) keep(sheet, ref string, p app.Period, ind app.Indicator, shown string) {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return
	}
	o.add(sheet, row, rowFigure{col: col, period: p, ind: ind, old: shown, now: shown})
}

// add adds f to the figures of a row of sheet.
func (o *originalWriter) add(sheet string, row int, f rowFigure) {
	if o.figures == nil {
		o.figures = map[string]map[int][]rowFigure{}
	}
	if o.figures[sheet] == nil {
		o.figures[sheet] = map[int][]rowFigure{}
	}
	o.figures[sheet][row] = append(o.figures[sheet][row], f)
}

// cellAt is a cell of the workbook.
type cellAt struct{ sheet, ref string }

// dependence is how a cell depends on the figures the export changed.
type dependence uint8

const (
	unchanged dependence = iota
	restated             // on figures restated, all of them shown
	unknown              // on a figure the export cannot give (cannot exclude), or blanked
	hidden               // on a figure withheld (c)
)

// dependenceOf is how a cell depends on figure f, which changed.
func dependenceOf(f rowFigure) dependence {
	switch {
	case f.status == app.Suppressed:
		return hidden
	case f.withheld:
		return unknown
	}
	return restated
}

// unread restates, withholds or blanks the original's cells that the
// import did not read and that depend on figures the export changed.
func (o *originalWriter) unread(ctx context.Context) error {
	deps := map[cellAt]dependence{}
	for sheet, rows := range o.figures {
		for row, figs := range rows {
			for _, f := range figs {
				if !f.changed() {
					continue
				}
				deps[cellAt{sheet, cell(f.col, row)}] = dependenceOf(f)
			}
		}
	}
	if len(deps) == 0 {
		return o.formulas(deps) // shared formulas the figures took
	}
	if err := o.unreadColumns(ctx, deps); err != nil {
		return err
	}
	if err := o.totalRows(deps); err != nil {
		return err
	}
	return o.formulas(deps)
}

// warnAt warns about a cell of the original and notes it in the cell.
func (o *originalWriter) warnAt(sheet, ref, note, warning string) error {
	o.sum.Warnings = append(o.sum.Warnings, app.Warning{
		Location: app.Location{File: filepath.Base(o.opt.Original), Sheet: sheet, Cell: ref}, Message: warning})
	return o.noteAt(sheet, ref, note)
}

// whose says whose figures the export shows, for notes.
func (o *originalWriter) whose() string {
	if len(o.opt.Exclude) == 0 {
		return "as revised"
	}
	return exclusionPhrase(o.opt.Exclude)
}

// unreadColumns deals with the numbers in columns the import did not
// read on the rows of figures the export changed: a sum of the row's
// months (a year to date, a total) is restated from the figures as
// written, or withheld when one of them is; any other number, whose
// meaning the export cannot know, is blanked where the export excludes
// a cohort it may count, and otherwise stands.
func (o *originalWriter) unreadColumns(ctx context.Context, deps map[cellAt]dependence) error {
	// The numbers beside changed figures, found before the original is
	// read again to say which columns its import read.
	type candidate struct {
		ref  string
		v    float64
		col  int
		figs []rowFigure
	}
	found := map[string][]candidate{}
	grids := map[string][][]string{}
	for _, sheet := range slices.Sorted(maps.Keys(o.figures)) {
		if _, tidy := o.tidy[sheet]; tidy {
			continue // rewritten row by row
		}
		rows := o.figures[sheet]
		grid, err := o.f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		grids[sheet] = grid
		for _, row := range slices.Sorted(maps.Keys(rows)) {
			figs := rows[row]
			changed := slices.ContainsFunc(figs, rowFigure.changed)
			if !changed && !o.countsWithheld(figs) || row > len(grid) {
				continue
			}
			for c, text := range grid[row-1] {
				ref := cell(c+1, row)
				if o.written[sheet+"!"+ref] || strings.TrimSpace(text) == "" {
					continue
				}
				if fm, _ := o.f.GetCellFormula(sheet, ref); fm != "" {
					continue // see formulas
				}
				v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
				if err != nil || !changed && !o.smallCount(v, figs) {
					continue // words, not a figure, or a figure nothing changed
				}
				found[sheet] = append(found[sheet], candidate{ref, v, c + 1, figs})
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	sc, err := o.readAgain(ctx)
	if err != nil {
		return err
	}
	read := map[string]map[int]bool{}
	for sheet, cols := range sc.Columns {
		read[sheet] = map[int]bool{}
		for _, letters := range cols {
			if col, err := excelize.ColumnNameToNumber(letters); err == nil {
				read[sheet][col] = true
			}
		}
	}
	for _, sheet := range slices.Sorted(maps.Keys(found)) {
		for _, c := range found[sheet] {
			if read[sheet][c.col] {
				continue // a target, an outturn, a benchmark: revised in its own right
			}
			d, err := o.unreadCell(sheet, c.ref, c.v, c.figs, grids[sheet])
			if err != nil {
				return fmt.Errorf("sheet %q cell %s: %w", sheet, c.ref, err)
			}
			deps[cellAt{sheet, c.ref}] = d
			// A total row below sums it with the column's others.
			_, row, _ := excelize.CellNameToCoordinates(c.ref)
			f := rowFigure{col: c.col, ind: c.figs[0].ind, old: strconv.FormatFloat(c.v, 'f', -1, 64),
				now: o.rawValue(sheet, c.ref), withheld: d >= unknown}
			if d == hidden {
				f.status = app.Suppressed
			}
			o.figures[sheet][row] = append(o.figures[sheet][row], f)
		}
	}
	return nil
}

// unreadCell restates, withholds or blanks one number v at sheet!ref in
// an unread column beside the row's figures figs.
func (o *originalWriter) unreadCell(sheet, ref string, v float64, figs []rowFigure, grid [][]string) (dependence, error) {
	head := heading(grid, ref)
	parts := sumOf(v, figs)
	if parts == nil && o.smallCount(v, figs) && !notCountHeading(head) {
		// Whatever it counts, a count of so few children beside the
		// row's counts is withheld as the row's own would be.
		note := fmt.Sprintf("Withheld (c) by this export: a count from 1 to %d, in a column the import did not read%s.", o.opt.Suppress-1, head)
		if err := o.f.SetCellStr(sheet, ref, app.Suppressed.String()); err != nil {
			return 0, err
		}
		return hidden, o.warnAt(sheet, ref, note,
			fmt.Sprintf("withheld (c): a count from 1 to %d in a column the import did not read%s", o.opt.Suppress-1, head))
	}
	if parts == nil && (len(o.opt.Exclude) == 0 || aimHeading(head)) {
		// Not a sum of the row's figures, it gives none of them away by
		// subtraction, and only a cohort's exclusion can have made it
		// wrong: a same-month-last-year, a regional average or a rank
		// beside a withheld month stands, as does a stretch target,
		// which no exclusion changes.
		return unchanged, nil
	}
	if parts == nil {
		note := fmt.Sprintf("Blanked by this export: the import did not read this column%s, so the figure here could not be restated with the row's figures (%s).", head, o.whose())
		if err := o.f.SetCellValue(sheet, ref, nil); err != nil {
			return 0, err
		}
		return unknown, o.warnAt(sheet, ref, note,
			fmt.Sprintf("blanked: a figure in a column the import did not read%s, beside figures this export changed, could not be restated", head))
	}
	span := parts[0].period.Label() + " to " + parts[len(parts)-1].period.Label()
	worst := unchanged
	for _, p := range parts {
		worst = max(worst, dependenceOf(p))
	}
	if worst == unknown {
		note := fmt.Sprintf("Blanked by this export: the sum of the row's figures %s, which cannot all be given %s.", span, o.whose())
		if err := o.f.SetCellValue(sheet, ref, nil); err != nil {
			return 0, err
		}
		return unknown, o.warnAt(sheet, ref, note,
			fmt.Sprintf("blanked: the sum of the row's %s%s, which cannot all be given (%s)", span, head, o.whose()))
	}
	if worst == hidden {
		note := fmt.Sprintf("Withheld (c) by this export: the sum of the row's figures %s, one of which is withheld, and which it would let be worked out.", span)
		if err := o.f.SetCellStr(sheet, ref, app.Suppressed.String()); err != nil {
			return 0, err
		}
		return hidden, o.warnAt(sheet, ref, note,
			fmt.Sprintf("withheld (c): the sum of the row's %s%s, which would give away a figure withheld", span, head))
	}
	sum := 0.0
	for _, p := range parts {
		now, _ := strconv.ParseFloat(p.now, 64)
		sum += now
	}
	if err := o.f.SetCellFloat(sheet, ref, sum, -1, 64); err != nil {
		return 0, err
	}
	note := fmt.Sprintf("Restated by this export: the sum of the row's figures %s, %s.", span, o.whose())
	return restated, o.warnAt(sheet, ref, note,
		fmt.Sprintf("restated as the sum of the row's %s (%s)%s: the import did not read this column", span, o.whose(), head))
}

// nearest text above it, or "".
func heading(grid [][]string, ref string) string {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return ""
	}
	for r := min(row-1, len(grid)) - 1; r >= 0; r-- {
		if col <= len(grid[r]) {
			t := strings.TrimSpace(grid[r][col-1])
			if _, err := strconv.ParseFloat(t, 64); t != "" && err != nil {
				return fmt.Sprintf(" (column headed %q)", t)
			}
		}
	}
	return ""
}

// aimHeading reports whether a column heading (as heading gives it)
// names an aim the council set, a target, floor or tolerance, which
// stands whoever the figures count. A figure's distance from its aim
// ("Variance to target", "Gap to floor") is worked out from the figure,
// and is no aim.
func aimHeading(head string) bool {
	h := strings.ToLower(head)
	for _, w := range []string{"variance", "gap", "difference", "diff", "distance", "vs", "versus", "against", "shortfall", "above", "below", "over", "under"} {
		if slices.Contains(strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }), w) {
			return false
		}
	}
	for _, w := range []string{"target", "stretch", "ambition", "aim", "goal", "floor", "tolerance", "threshold"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// notCountHeading reports whether a column heading names a figure that
// counts no children, whatever the row counts: a rank, a quartile, an
// average or a rate.
func notCountHeading(head string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(head), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "rank", "ranking", "position", "quartile", "percentile", "band", "average", "mean", "median", "rate", "ratio", "percent", "percentage", "score", "target", "floor":
			return true
		}
	}
	return strings.Contains(head, "%")
}

// countsWithheld reports whether the export withholds small counts on a
// row of figures figs: it suppresses, and they are counts.
func (o *originalWriter) countsWithheld(figs []rowFigure) bool {
	return o.opt.Suppress > 1 && len(figs) > 0 && countLike(figs[0].ind)
}

// smallCount reports whether v, beside the row's figures figs, is a
// count the export withholds: a whole number from 1 to below the
// threshold, on a row of counts.
func (o *originalWriter) smallCount(v float64, figs []rowFigure) bool {
	return o.countsWithheld(figs) && v == math.Trunc(v) && v >= 1 && v < float64(o.opt.Suppress)
}

// sumOf returns the run of a row's monthly counts that v is the sum of,
// as the original had them: consecutive months from the row's first, or
// from the start of a year or quarter (January, April, July, September
// or October), to a year to date, quarter or total. It is nil when v is
// no such sum, or the row's figures are not counts, which do not add up.
func sumOf(v float64, figs []rowFigure) []rowFigure {
	var months []rowFigure
	for _, f := range figs {
		if f.period.Kind != app.Month {
			continue
		}
		if !countLike(f.ind) || len(months) > 0 && f.ind.Ref != months[0].ind.Ref {
			return nil
		}
		months = append(months, f)
	}
	slices.SortFunc(months, func(a, b rowFigure) int { return a.period.Compare(b.period) })
	var best []rowFigure
	for i := range months {
		if i > 0 && !slices.Contains([]int{1, 4, 7, 9, 10}, months[i].period.N) {
			continue
		}
		sum := 0.0
		for j := i; j < len(months); j++ {
			if j > i && months[j].period != months[j-1].period.Add(1) {
				break
			}
			old, err := strconv.ParseFloat(months[j].old, 64)
			if err != nil {
				break // withheld by the source: the sum is unknown
			}
			sum += old
			if j > i && math.Abs(sum-v) <= 1e-9*math.Max(1, math.Abs(v)) && j+1-i > len(best) {
				best = months[i : j+1]
			}
		}
	}
	return best
}

// countLike reports whether ind's figures are counts, which add up over
// months.
func countLike(ind app.Indicator) bool {
	return ind.Measure == app.Count || ind.Measure == app.Other && ind.Unit == app.Number
}
