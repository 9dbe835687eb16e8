package export

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// totalRows deals with totals of columns of figures: a row the import
// did not read (a "Total" row) holding, under figures the export changed,
// the sum of the figures just above it, which is restated, withheld or
// blanked as the row's own year to date would be. A number there that is
// no such sum is left: its meaning is unknown, and it is no total of the
// figures shown.
func (o *originalWriter) totalRows(deps map[cellAt]dependence) error {
	for _, sheet := range slices.Sorted(maps.Keys(o.figures)) {
		if _, tidy := o.tidy[sheet]; tidy {
			continue
		}
		at := map[[2]int]rowFigure{} // by column and row
		changedCols := map[int]bool{}
		first := 0
		for row, figs := range o.figures[sheet] {
			if first == 0 || row < first {
				first = row
			}
			for _, f := range figs {
				at[[2]int{f.col, row}] = f
				changedCols[f.col] = changedCols[f.col] || f.changed()
			}
		}
		grid, err := o.f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		for r := first + 1; r <= len(grid); r++ {
			if _, read := o.figures[sheet][r]; read {
				continue
			}
			for c := range grid[r-1] {
				col := c + 1
				ref := cell(col, r)
				text := strings.TrimSpace(grid[r-1][c])
				if !changedCols[col] || text == "" || o.written[sheet+"!"+ref] {
					continue
				}
				if fm, _ := o.f.GetCellFormula(sheet, ref); fm != "" {
					continue // see formulas
				}
				v, err := strconv.ParseFloat(text, 64)
				if err != nil {
					continue
				}
				// The figures just above, as many as sum to it.
				var run, parts []rowFigure
				sum := 0.0
				for up := r - 1; up >= first; up-- {
					f, ok := at[[2]int{col, up}]
					if figs := o.figures[sheet][up]; !ok && len(figs) > 0 && col <= len(grid[up-1]) {
						// A number the export left as it was, on a row
						// of figures: a year to date of unchanged months.
						t := strings.TrimSpace(grid[up-1][col-1])
						f, ok = rowFigure{col: col, ind: figs[0].ind, old: t, now: t}, t != ""
					}
					if !ok || !countLike(f.ind) {
						break
					}
					old, err := strconv.ParseFloat(f.old, 64)
					if err != nil {
						break
					}
					run, sum = append(run, f), sum+old
					if len(run) >= 2 && math.Abs(sum-v) <= 1e-9*math.Max(1, math.Abs(v)) {
						parts = slices.Clone(run)
					}
				}
				if parts == nil {
					continue
				}
				d, err := o.columnTotal(sheet, ref, parts)
				if err != nil {
					return fmt.Errorf("sheet %q cell %s: %w", sheet, ref, err)
				}
				deps[cellAt{sheet, ref}] = d
			}
		}
	}
	return nil
}

// columnTotal restates, withholds or blanks the total at sheet!ref of
// the figures parts above it.
func (o *originalWriter) columnTotal(sheet, ref string, parts []rowFigure) (dependence, error) {
	worst := unchanged
	now := 0.0
	for _, p := range parts {
		if p.changed() {
			worst = max(worst, dependenceOf(p))
		}
		v, _ := strconv.ParseFloat(p.now, 64)
		now += v
	}
	span := fmt.Sprintf("the %d figures above it", len(parts))
	switch worst {
	case unchanged:
		return unchanged, nil
	case hidden:
		if err := o.f.SetCellStr(sheet, ref, app.Suppressed.String()); err != nil {
			return 0, err
		}
		return hidden, o.warnAt(sheet, ref,
			fmt.Sprintf("Withheld (c) by this export: the total of %s, one of which is withheld, and which it would let be worked out.", span),
			fmt.Sprintf("withheld (c): the total of %s, in a row the import did not read, would give away a figure withheld", span))
	case unknown:
		if err := o.f.SetCellValue(sheet, ref, nil); err != nil {
			return 0, err
		}
		return unknown, o.warnAt(sheet, ref,
			fmt.Sprintf("Blanked by this export: the total of %s, which cannot all be given %s.", span, o.whose()),
			fmt.Sprintf("blanked: the total of %s, in a row the import did not read, cannot be given (%s)", span, o.whose()))
	}
	if err := o.f.SetCellFloat(sheet, ref, now, -1, 64); err != nil {
		return 0, err
	}
	return restated, o.warnAt(sheet, ref,
		fmt.Sprintf("Restated by this export: the total of %s, %s.", span, o.whose()),
		fmt.Sprintf("restated as the total of %s (%s): the import did not read this row", span, o.whose()))
}
