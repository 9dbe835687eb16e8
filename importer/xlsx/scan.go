package xlsx

import (
	"bytes"
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
)

// Grid is a worksheet's cells as text, read raw (numbers unformatted,
// dates as serials, formulas as their cached values), with each cell's
// style index, the sheet's merged ranges and its hidden columns.
type Grid struct {
	// Rows holds the cells' text: row i is sheet row i+1, and a row
	// ends at its last cell with text. Rows after the last with text
	// are left out.
	Rows [][]string
	// Styles is parallel to Rows: each cell's index into the
	// workbook's Styles.
	Styles [][]int32
	Merged []Range
	// Hidden marks the columns hidden from view, by 0-based column.
	Hidden []bool
	// HiddenRows lists the rows hidden from view, 0-based, in sheet
	// order.
	HiddenRows []int
	// Uncalculated lists the formula cells saved with no result, in
	// sheet order; their text is empty. Tools that write formulas but
	// do not calculate them (openpyxl, excelize) save them so, and
	// only Excel or another spreadsheet can give their figures.
	Uncalculated []Cell
	// Unverified lists the formula cells of a workbook that asks to be
	// recalculated on opening (ScanOptions.RecalcOnLoad) whose saved
	// result is read all the same, in sheet order: it may be out of
	// date.
	Unverified []Cell
	// ExponentText lists the text cells (a shared or inline string, or
	// a formula's text result) whose text is a number in scientific
	// notation, "1e3" or "1.2E+03", in sheet order. Typed into a cell a
	// spreadsheet stores that as a number, so one kept as text was typed
	// into a cell formatted as text, after an apostrophe, or pasted: a
	// reader taking it as a figure says so. A number cell's value
	// written so ("1.2E-05", as Excel saves small numbers) is not listed.
	ExponentText []Cell
}

// Cell is a cell's place on a sheet, 0-based.
type Cell struct{ Row, Col int }

// ScanOptions says how much of a sheet Scan reads and how.
type ScanOptions struct {
	// MaxRows stops at that many rows, for reading a sheet's head from
	// the start of its XML, which may stop mid-cell; 0 reads them all.
	MaxRows int
	// MaxCells and RawBooleans are as in Options.
	MaxCells    int
	RawBooleans bool
	// Date1904 is a sheet of a workbook that counts dates from 1904:
	// an ISO date cell (t="d") becomes a serial of that system, unless
	// DatesAs1900, which also moves every serial shown as a date (by a
	// style of DateStyles) to the 1900 system.
	Date1904    bool
	DatesAs1900 bool
	// DateStyles marks the style indexes whose number format shows a
	// date or time.
	DateStyles []bool
	// FilledStyles marks the style indexes with a fill colour: a blank
	// cell so styled at the end of its row is kept (keepFilledBlanks),
	// as a RAG shown by its fill alone is.
	FilledStyles []bool
	// RecalcOnLoad is a sheet of a workbook that declares calcPr
	// fullCalcOnLoad: it asks the spreadsheet to recalculate every
	// formula on opening, because the results saved with them are not
	// to be trusted. Tools that write formulas without calculating them
	// set it: XlsxWriter saves each formula's result as 0 unless told
	// the value, openpyxl saves none, and scripts that change a
	// workbook's cells in place set it because the saved results no
	// longer follow. Excel and LibreOffice do not write it when they
	// save a workbook, its formulas calculated (LibreOffice's calcPr
	// holds only iteration settings, Excel's its calcId), so their
	// workbooks are read as ever.
	//
	// Under it a formula whose saved result is empty or the number 0 is
	// read as having no result (Uncalculated): 0 is XlsxWriter's
	// placeholder, and a true 0 cannot be told from it. Any other saved
	// result is read, and listed in Unverified: it may be the figure a
	// script gave with the formula, or one left from before an edit, and
	// reading it with a warning loses nothing the user gave. Neither
	// calcMode="manual" nor forceFullCalc says the results are stale
	// (Excel recalculates before saving by default, and forceFullCalc
	// is a setting it saves with calculated results), so neither counts.
	RecalcOnLoad bool
	// whole is data holding the whole part though MaxRows is set: a cell
	// not closed is then damage, not the end of what was inflated.
	whole bool
}

// Scan reads a worksheet's XML: each cell's text (shared strings from
// sst looked up, numbers and formula results as written, errors as their
// text) and style index, each row and cell placed at the number its r
// attribute gives, and the merged ranges.
func Scan(ctx context.Context, data []byte, sst []string, opt ScanOptions) (*Grid, error) {
	sc := newScanner(sst, opt)
	if err := sc.scan(ctx, data, opt.MaxRows); err != nil {
		return nil, err
	}
	return sc.g, nil
}

// ScanRows reads a worksheet's XML as Scan does, but calls fn with each
// row the XML holds, numbered from 1, rather than keeping them all,
// until fn returns false; the cells are valid only until fn returns.
// Rows come in the order the XML has them. It returns the rows scanned
// that are hidden from view, numbered as fn's are: hidden by hand, or by
// a filter, which Excel saves as rows hidden.
func ScanRows(data []byte, sst []string, opt ScanOptions, fn func(n int, cells []string) bool) (hidden []int, err error) {
	sc := newScanner(sst, opt)
	sc.emit = fn
	err = sc.scan(context.Background(), data, opt.MaxRows)
	for _, r := range sc.g.HiddenRows {
		hidden = append(hidden, r+1)
	}
	return hidden, err
}

func newScanner(sst []string, opt ScanOptions) *sheetScanner {
	sc := &sheetScanner{g: &Grid{}, sst: sst, maxCells: opt.MaxCells, raw: opt.RawBooleans,
		date1904: opt.Date1904 && !opt.DatesAs1900, dateStyles: opt.DateStyles, filledStyles: opt.FilledStyles, whole: opt.whole,
		recalc: opt.RecalcOnLoad}
	if opt.Date1904 && opt.DatesAs1900 {
		sc.shift = date1904Offset
	}
	if sc.maxCells <= 0 {
		sc.maxCells = math.MaxInt
	}
	sc.setPrefix("")
	return sc
}

// trimmed is the length of cells without its trailing blanks.
func trimmed(cells []string) int {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return n
}

// errStopped ends a scan whose caller wants no more rows.
var errStopped = errors.New("stopped")

// scan reads data's rows into sc.g, or hands each to sc.emit.
func (sc *sheetScanner) scan(ctx context.Context, data []byte, maxRows int) error {
	row, col, rows := -1, -1, 0
scan:
	for pos := 0; ; {
		if pos < len(data) && data[pos] == '<' {
			// Cells follow each other without a byte between: no
			// search needed.
			pos++
		} else {
			i := bytes.IndexByte(data[pos:], '<')
			if i < 0 {
				break
			}
			pos += i + 1
		}
		if row >= 0 && !sc.general {
			if next, c, ok := sc.canonicalCell(data, pos); ok {
				pos, col = next, c
				continue
			}
			var t cellTag
			if sc.readCellTag(data, pos, &t) {
				if next, c, ok := sc.quickCell(data, &t, col); ok {
					pos, col = next, c
					continue
				}
				var done bool
				var err error
				if pos, col, done, err = sc.readCell(data, t.end, row, col, t.ref.of(data), t.typ.of(data), t.style.of(data), t.selfClosing, maxRows); err != nil {
					return err
				} else if done {
					break scan
				}
				continue
			}
		}
		name, prefix, attrs, selfClosing, next, ok := readTag(data, pos)
		if !ok {
			break
		}
		pos = next
		switch name {
		case "row":
			if err := sc.endRow(row); err != nil {
				return nilIfStopped(err)
			}
			r := row + 1
			if v, ok := attr(attrs, "r"); ok {
				n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
				if err != nil || n < 1 || n > 1<<20 {
					return damagedError("a row number is out of range (the sheet is damaged)")
				}
				r = n - 1
			}
			if maxRows > 0 && r >= maxRows {
				// Read no further, and hand over nothing more; the
				// rows before are all there are up to maxRows.
				for sc.emit == nil && len(sc.g.Rows) < maxRows {
					sc.g.Rows = append(sc.g.Rows, nil)
					sc.g.Styles = append(sc.g.Styles, nil)
				}
				row = -1
				break scan
			}
			if rows++; rows%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			row, col = r, -1
			if v, ok := attr(attrs, "hidden"); ok && (string(v) == "1" || string(v) == "true") {
				sc.g.HiddenRows = append(sc.g.HiddenRows, r)
			}
		case "c":
			if row < 0 {
				continue
			}
			if prefix != sc.prefix {
				sc.setPrefix(prefix)
			}
			ref, typ, style := cellAttrs(attrs)
			var done bool
			var err error
			if pos, col, done, err = sc.readCell(data, pos, row, col, ref, typ, style, selfClosing, maxRows); err != nil {
				return err
			} else if done {
				break scan
			}
		case "col":
			sc.hiddenCols(attrs)
		case "mergeCell":
			if v, ok := attr(attrs, "ref"); ok {
				if m, ok := parseRange(string(v)); ok {
					sc.g.Merged = append(sc.g.Merged, m)
				}
			}
		}
	}
	return nilIfStopped(sc.endRow(row))
}

// hiddenCols reads <col min="3" max="5" hidden="1"/>: columns hidden
// from view.
func (sc *sheetScanner) hiddenCols(attrs []byte) {
	g := sc.g
	if v, ok := attr(attrs, "hidden"); ok && (string(v) == "1" || string(v) == "true") {
		lo, err1 := attrInt(attrs, "min")
		hi, err2 := attrInt(attrs, "max")
		if err1 == nil && err2 == nil && lo >= 1 && hi >= lo && hi <= 16384 {
			for c := lo - 1; c < hi; c++ {
				for len(g.Hidden) <= c {
					g.Hidden = append(g.Hidden, false)
				}
				g.Hidden[c] = true
			}
		}
	}
}

func nilIfStopped(err error) error {
	if err == errStopped {
		return nil
	}
	return err
}

// sheetScanner holds scan's state between cells. A row is gathered in
// cur, reused from row to row, and copied out at its end at its final
// length. Numbers, most of a sheet, are gathered a row at a time into
// one buffer and made into strings together: one allocation per row
// rather than one per cell.
type sheetScanner struct {
	g          *Grid
	sst        []string
	cells      int
	maxCells   int
	raw        bool // booleans as stored, "1" and "0"
	date1904   bool // ISO dates as serials of the 1904 system
	shift      float64
	dateStyles []bool
	// filledStyles and widest keep a row's filled blanks past its last
	// content (keepFilledBlanks): widest is the most columns any row
	// with content has had so far.
	filledStyles []bool
	widest       int
	whole        bool
	recalc       bool // the workbook asks to be recalculated on opening
	prefix       string
	closeC       []byte // "</c>", with the sheet's namespace prefix
	openC        []byte // "c ", following '<'
	openIS       []byte // "<is><t>"
	closeIS      []byte // "</t></is></c>"
	openV        []byte
	plainOpen    []byte // "<v>"
	plainClose   []byte // "</v></c>"
	closeV       []byte
	openF        []byte
	cur          []string
	curStyles    []int32
	// blanks are the styled cells without content past the current
	// row's last cell with content: they count only if content follows,
	// so a styled blank at column XFD does not make a row 16,384 wide.
	blanks  []blank
	buf     []byte
	pending []pendingText
	emit    func(n int, cells []string) bool // nil to keep every row in g
	// general reads every tag by the general path, for tests that
	// compare it with the shortcuts taken for the common cells.
	general bool
}

type blank struct {
	col   int
	style int32
}

// pendingText is a number in buf waiting to be made a string: the cell at
// column col of the current row, bytes buf[from:to].
type pendingText struct{ col, from, to int }

// endRow finishes the current row: its numbers made strings, and the
// row kept in the grid at its number or, when rows are streamed, handed
// over.
func (sc *sheetScanner) endRow(row int) error {
	if row < 0 {
		return nil
	}
	sc.flush()
	n := trimmed(sc.cur)
	if n > 0 {
		sc.widest = max(sc.widest, n)
		n = sc.keepFilledBlanks(n)
	}
	sc.blanks = sc.blanks[:0]
	cells, styles := sc.cur[:n], sc.curStyles[:n]
	sc.cur, sc.curStyles = sc.cur[:0], sc.curStyles[:0]
	if sc.cells += n + 1; sc.cells > sc.maxCells {
		return ErrTooManyCells
	}
	if sc.emit != nil {
		if !sc.emit(row+1, cells) {
			return errStopped
		}
		return nil
	}
	if n == 0 {
		return nil
	}
	g := sc.g
	for len(g.Rows) <= row {
		g.Rows = append(g.Rows, nil)
		g.Styles = append(g.Styles, nil)
	}
	if g.Rows[row] == nil {
		g.Rows[row], g.Styles[row] = slices.Clone(cells), slices.Clone(styles)
		return nil
	}
	// A row number given twice: the cells of both, the later winning.
	for c := range cells {
		if cells[c] == "" && styles[c] == 0 {
			continue
		}
		for len(g.Rows[row]) <= c {
			g.Rows[row] = append(g.Rows[row], "")
			g.Styles[row] = append(g.Styles[row], 0)
		}
		g.Rows[row][c], g.Styles[row][c] = cells[c], styles[c]
	}
	return nil
}

// keepFilledBlanks keeps in the current row, whose content ends before
// column n, the blank cells past it that carry a fill colour, up to the
// widest row with content so far: a RAG column shown by its fill alone,
// last on its row, is read as one with a Comments column after it is.
// Beyond the widest row they are styling (a fill run out to column XFD)
// and are not kept, lest every row become 16,384 cells wide. It returns
// the row's length with them.
func (sc *sheetScanner) keepFilledBlanks(n int) int {
	if sc.filledStyles == nil {
		return n
	}
	filled := func(style int32) bool {
		return style > 0 && int(style) < len(sc.filledStyles) && sc.filledStyles[style]
	}
	end := n
	for c := n; c < len(sc.cur) && c < sc.widest; c++ {
		if filled(sc.curStyles[c]) {
			end = c + 1
		}
	}
	for _, b := range sc.blanks {
		if b.col < sc.widest && filled(b.style) {
			for len(sc.cur) <= b.col {
				sc.cur = append(sc.cur, "")
				sc.curStyles = append(sc.curStyles, 0)
			}
			sc.curStyles[b.col] = b.style
			end = max(end, b.col+1)
		}
	}
	return end
}

// flush makes the current row's numbers strings.
func (sc *sheetScanner) flush() {
	if len(sc.pending) == 0 {
		return
	}
	all := string(sc.buf)
	for _, p := range sc.pending {
		sc.cur[p.col] = all[p.from:p.to]
	}
	sc.buf, sc.pending = sc.buf[:0], sc.pending[:0]
}
