package export

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// pivotFormulas removes the saved result of every formula over a pivot
// table's cells (its table or its page fields), directly or through
// another such formula, keeping the formula to be worked out again on
// opening, after the pivot table: =Pivot!B6, or GETPIVOTDATA("Sum of
// Value", Pivot!$A$3, "Area", "Dartford"), saved the figure the pivot
// table last laid out there, which the export may withhold, though the
// cell itself is blanked. Each is warned of at its cell.
func (o *originalWriter) pivotFormulas(tables []pivotTable) error {
	type area struct {
		sheet          string
		c1, r1, c2, r2 int
	}
	var areas []area
	for _, t := range tables {
		first, last, ok := strings.Cut(t.ref, ":")
		if !ok {
			last = first
		}
		c1, r1, err := excelize.CellNameToCoordinates(first)
		if err != nil {
			return fmt.Errorf("pivot table %s: %w", t.name, err)
		}
		c2, r2, err := excelize.CellNameToCoordinates(last)
		if err != nil {
			return fmt.Errorf("pivot table %s: %w", t.name, err)
		}
		// Its page fields are in the rows above it but one, a column
		// group of three to each (blankPageCells).
		rows, cols := pageLayout(o.part(t.part))
		if rows > 0 {
			r1, c2 = max(1, r1-1-rows), max(c2, c1+3*cols-2)
		}
		areas = append(areas, area{t.sheet, c1, r1, c2, r2})
	}
	inPivot := func(at cellAt) bool {
		c, r, err := excelize.CellNameToCoordinates(at.ref)
		if err != nil {
			return false
		}
		return slices.ContainsFunc(areas, func(a area) bool {
			return a.sheet == at.sheet && c >= a.c1 && c <= a.c2 && r >= a.r1 && r <= a.r2
		})
	}
	cleared := map[cellAt]bool{}
	cells := slices.SortedFunc(maps.Keys(o.formulasBefore), func(a, b cellAt) int {
		return strings.Compare(a.sheet+"!"+a.ref, b.sheet+"!"+b.ref)
	})
	for more := true; more; {
		more = false
		for _, at := range cells {
			fm := o.formulasBefore[at]
			if cleared[at] || o.written[at.sheet+"!"+at.ref] || inPivot(at) {
				continue
			}
			if now, _ := o.f.GetCellFormula(at.sheet, at.ref); now != fm {
				continue // withheld or blanked already (formulas)
			}
			if !slices.ContainsFunc(formulaCells(at.sheet, fm), func(u cellAt) bool { return inPivot(u) || cleared[u] }) {
				continue
			}
			cleared[at], more = true, true
		}
	}
	if len(cleared) == 0 {
		return nil
	}
	for _, at := range cells {
		if !cleared[at] {
			continue
		}
		fm := o.formulasBefore[at]
		if err := o.f.SetCellValue(at.sheet, at.ref, nil); err != nil {
			return err
		}
		if err := o.f.SetCellFormula(at.sheet, at.ref, fm); err != nil {
			return err
		}
		if err := o.warnAt(at.sheet, at.ref,
			fmt.Sprintf("Worked out again when the workbook is opened: its formula, =%s, uses a pivot table's cells, whose numbers this export blanks; the result saved with the original, which the pivot table last laid out, is removed.", fm),
			fmt.Sprintf("formula =%s uses a pivot table's cells, which the export blanks: its saved result is removed, to be worked out again when opened", fm)); err != nil {
			return err
		}
	}
	on := true
	return o.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
}

// pageLayout is how many rows and groups of columns a pivot table's page
// fields take above it (its location's rowPageCount and colPageCount),
// none where it has none.
func pageLayout(def []byte) (rows, cols int) {
	fields := len(pageFieldCount().FindAll(def, -1))
	if fields == 0 {
		return 0, 0
	}
	loc := locationTag().Find(def)
	rows, cols = fields, 1
	if m := pageRows().FindSubmatch(loc); m != nil {
		rows, _ = strconv.Atoi(string(m[1]))
	}
	if m := pageColumns().FindSubmatch(loc); m != nil {
		cols, _ = strconv.Atoi(string(m[1]))
	}
	return rows, cols
}
