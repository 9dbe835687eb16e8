package importer

import (
	"context"
	"errors"
	"strings"

	"scorecard/importer/xlsx"
)

// workbook is an open .xlsx or .xlsm with what each of its cell formats
// says about a figure.
type workbook struct {
	*xlsx.Workbook
	looks []look // by style index
}

// openWorkbook opens a workbook, refusing one whose parts would unpack
// to more than limit bytes in all, or a sheet of more than maxCells.
func openWorkbook(name string, limit int64) (*workbook, error) {
	w, err := xlsx.Open(name, xlsx.Options{MaxUnzipSize: limit, MaxCells: maxCells, DatesAs1900: true})
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return &workbook{Workbook: w, looks: looksOf(w.Styles())}, nil
}

// head reads a sheet's first rows (at most maxRows), reporting whether
// they are all there are up to maxRows.
func (w *workbook) head(ctx context.Context, name string, maxRows int) (*grid, bool, error) {
	x, complete, err := w.Head(ctx, name, maxRows)
	if err != nil {
		return nil, false, sheetError(err)
	}
	return w.grid(x), complete, nil
}

// readSheet returns a whole sheet, waiting for it if it is being read in
// the background.
func (w *workbook) readSheet(ctx context.Context, name string) (*grid, error) {
	x, err := w.Grid(ctx, name)
	if err != nil {
		return nil, sheetError(err)
	}
	return w.grid(x), nil
}

// sheetSize is the uncompressed size of a sheet's XML.
func (w *workbook) sheetSize(name string) int64 {
	s, _ := w.Sheet(name)
	return s.Size
}

func (w *workbook) grid(x *xlsx.Grid) *grid {
	return &grid{rows: x.Rows, style: x.Styles, merged: x.Merged, hidden: x.Hidden, uncalculated: x.Uncalculated, looks: w.looks,
		date1904: w.Date1904()}
}

// sheetError says a sheet beyond maxCells in the importer's words.
func sheetError(err error) error {
	if errors.Is(err, xlsx.ErrTooManyCells) {
		return errGiantSheet
	}
	return err
}

// looksOf reads what each cell format says about a figure: number
// format, italic and Wingdings fonts, and the fill colour.
func looksOf(styles []xlsx.Style) []look {
	if styles == nil {
		return nil
	}
	looks := make([]look, len(styles))
	for i, s := range styles {
		lk := look{decimals: -1, italic: s.Italic, wingdings: strings.HasPrefix(strings.ToLower(s.Font), "wingdings"), fill: s.Fill, date: s.Date}
		if s.Custom {
			lk.percent, lk.decimals = formatDecimals(s.FormatCode)
		} else {
			lk.percent, lk.decimals = builtinFormat(s.NumFmt)
		}
		looks[i] = lk
	}
	return looks
}

// builtinFormat describes Excel's built-in number formats by id.
func builtinFormat(id int) (percent bool, decimals int) {
	switch id {
	case 1, 3, 37, 38:
		return false, 0
	case 2, 4, 39, 40:
		return false, 2
	case 9:
		return true, 0
	case 10:
		return true, 2
	}
	return false, -1
}
