package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// declareDimensions sets the dimension of every sheet not streamed (a
// streamed sheet declares its own before its rows) to the cells it holds.
// The library writing the workbook leaves each sheet declaring A1 alone,
// and a reader that trusts the declaration, as openpyxl's read-only mode
// and pandas do, then reads a single column.
func (b *book) declareDimensions() error {
	for _, s := range b.f.GetSheetList() {
		if b.streamed[s] {
			continue
		}
		ref, err := usedRange(b.f, s)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s, err)
		}
		if err := b.f.SetSheetDimension(s, ref); err != nil {
			return fmt.Errorf("sheet %q: dimension %s: %w", s, ref, err)
		}
	}
	return nil
}

// usedRange is the range from A1 to the last row and column holding a
// value or a merged cell on sheet; "A1" for an empty sheet.
func usedRange(f *excelize.File, sheet string) (string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return "", err
	}
	lastCol, lastRow := 1, 1
	for r := 1; rows.Next(); r++ {
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return "", err
		}
		// Columns leaves out the empty cells at a row's end.
		if len(cols) > 0 {
			lastCol, lastRow = max(lastCol, len(cols)), r
		}
	}
	if err := rows.Close(); err != nil {
		return "", err
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return "", err
	}
	for _, m := range merged {
		c, r, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			return "", err
		}
		lastCol, lastRow = max(lastCol, c), max(lastRow, r)
	}
	if lastCol == 1 && lastRow == 1 {
		return "A1", nil
	}
	return "A1:" + cell(lastCol, lastRow), nil
}
