package childlevel

import (
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/importer/xlsx"
)

// rowSource calls fn with each row of a sheet, numbered from 1, until fn
// returns false. It returns the rows it gave that are hidden from view,
// by hand or by a filter, numbered as fn's are.
type rowSource func(sheet string, fn func(n int, cells []string) bool) (hidden []int, err error)

// A list of 100,000 children must import in under 3 s, and excelize's
// row iterator, which decodes every cell through encoding/xml, takes
// several times that. fastRows reads the cells with importer/xlsx's byte
// scanner instead; anything it does not understand is an error, and
// ReadAnnexA then reads the workbook with excelize.

// errLayout is a workbook the fast reader does not understand.
var errLayout = errors.New("worksheet XML not understood by the fast reader")

// openBook opens a workbook for fastRows, its booleans read as stored,
// as excelize's RawCellValue gives them.
func openBook(path string) (*xlsx.Workbook, error) {
	return xlsx.Open(path, xlsx.Options{RawBooleans: true, DatesAs1900: true})
}

// fastRows reads rows with the byte scanner.
func fastRows(b *xlsx.Workbook) rowSource {
	return func(sheet string, fn func(n int, cells []string) bool) ([]int, error) {
		hidden, err := b.Rows(sheet, fn)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w: %w", sheet, errLayout, err)
		}
		return hidden, nil
	}
}

// excelizeRows reads rows with excelize: slower than fastRows, but it
// reads whatever Excel can.
func excelizeRows(f *excelize.File) rowSource {
	return func(sheet string, fn func(n int, cells []string) bool) (hidden []int, err error) {
		rows, err := f.Rows(sheet)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns()
			if err != nil {
				return nil, fmt.Errorf("row %d: %w", n, err)
			}
			// A row the XML leaves out (a gap) is given with the options
			// of the row after it, which excelize has read ahead to.
			if rows.GetRowOpts().Hidden && len(cells) > 0 {
				hidden = append(hidden, n)
			}
			if !fn(n, cells) {
				return hidden, nil
			}
		}
		return hidden, rows.Error()
	}
}

// memoryRows reads rows already in memory: a CSV's, which has one
// "sheet", named "".
func memoryRows(rows [][]string) rowSource {
	return func(_ string, fn func(n int, cells []string) bool) ([]int, error) {
		for i, cells := range rows {
			if !fn(i+1, cells) {
				return nil, nil
			}
		}
		return nil, nil
	}
}

// blank reports whether a row holds nothing but spaces: a gap between
// children, not a child.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
