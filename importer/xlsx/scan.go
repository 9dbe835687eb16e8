package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
// Rows come in the order the XML has them.
func ScanRows(data []byte, sst []string, opt ScanOptions, fn func(n int, cells []string) bool) error {
	sc := newScanner(sst, opt)
	sc.emit = fn
	return sc.scan(context.Background(), data, opt.MaxRows)
}

func newScanner(sst []string, opt ScanOptions) *sheetScanner {
	sc := &sheetScanner{g: &Grid{}, sst: sst, maxCells: opt.MaxCells, raw: opt.RawBooleans,
		date1904: opt.Date1904 && !opt.DatesAs1900, dateStyles: opt.DateStyles, whole: opt.whole,
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
		i := bytes.IndexByte(data[pos:], '<')
		if i < 0 {
			break
		}
		pos += i + 1
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
			c := col + 1
			ref, typ, styleAttr := cellAttrs(attrs)
			if ref != nil {
				n, ok := ColumnOf(ref)
				if !ok {
					return damagedError(fmt.Sprintf("cell reference %q is not valid (the sheet is damaged)", ref))
				}
				c = n
			}
			if c > 16383 {
				return damagedError("a cell is beyond column XFD (the sheet is damaged)")
			}
			col = c
			style := 0
			for _, d := range styleAttr {
				if d < '0' || d > '9' || style > 1<<20 {
					style = 0
					break
				}
				style = style*10 + int(d-'0')
			}
			var inner, v []byte
			if !selfClosing {
				if val, n := sc.plainCell(data[pos:]); n > 0 {
					inner, v = data[pos:pos+n-len(sc.closeC)], val
					pos += n
				} else {
					end := bytes.Index(data[pos:], sc.closeC)
					if end < 0 && maxRows > 0 && !sc.whole {
						// Reading a sheet's head, the data may stop mid-cell.
						break scan
					}
					if end < 0 {
						return damagedError("a cell is not closed (the sheet is damaged)")
					}
					inner = data[pos : pos+end]
					pos += end + len(sc.closeC)
					var err error
					if v, err = sc.value(inner); err != nil {
						return err
					}
				}
			}
			if !sc.cell(row, c, inner, v, typ, style) {
				// Not a damagedError: excelize would read the cell as
				// empty, without a word.
				return fmt.Errorf("cell %s%d refers to shared string %s, which the workbook does not have (the workbook is damaged)",
					ColumnName(c), row+1, bytes.TrimSpace(elementBytes(inner, sc.openV, sc.closeV)))
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
	whole      bool
	recalc     bool // the workbook asks to be recalculated on opening
	prefix     string
	closeC     []byte // "</c>", with the sheet's namespace prefix
	openV      []byte
	plainOpen  []byte // "<v>"
	plainClose []byte // "</v></c>"
	closeV     []byte
	openF      []byte
	cur        []string
	curStyles  []int32
	// blanks are the styled cells without content past the current
	// row's last cell with content: they count only if content follows,
	// so a styled blank at column XFD does not make a row 16,384 wide.
	blanks  []blank
	buf     []byte
	pending []pendingText
	emit    func(n int, cells []string) bool // nil to keep every row in g
}

type blank struct {
	col   int
	style int32
}

// pendingText is a number in buf waiting to be made a string: the cell at
// column col of the current row, bytes buf[from:to].
type pendingText struct{ col, from, to int }

func (sc *sheetScanner) setPrefix(prefix string) {
	sc.prefix = prefix
	sc.closeC = []byte("</" + prefix + "c>")
	sc.openV = []byte("<" + prefix + "v")
	sc.plainOpen = []byte("<" + prefix + "v>")
	sc.plainClose = []byte("</" + prefix + "v></" + prefix + "c>")
	sc.closeV = []byte("</" + prefix + "v>")
	sc.openF = []byte("<" + prefix + "f")
}

// plainCell reads the cell most cells are, b starting just after its
// start tag: a value and nothing else, "<v>text</v></c>", the text
// without markup. It returns the text and the length of all that, or 0
// for any other cell. Such a cell needs no search for its end tag and
// then for its value within: a seventh of the scanner's time on the large
// workbook.
func (sc *sheetScanner) plainCell(b []byte) (v []byte, n int) {
	if !bytes.HasPrefix(b, sc.plainOpen) {
		return nil, 0
	}
	text := b[len(sc.plainOpen):]
	end := bytes.IndexByte(text, '<')
	if end < 0 || !bytes.HasPrefix(text[end:], sc.plainClose) {
		return nil, 0
	}
	return text[:end], len(sc.plainOpen) + end + len(sc.plainClose)
}

// value returns the content of a cell's <v> given the XML between <c ...>
// and </c>; nil if it has none. A <v> not closed by "</v>" (legal XML
// may write "</v >") is damage to the scanner, so that the sheet is read
// by excelize rather than the figure taken for a blank.
func (sc *sheetScanner) value(inner []byte) ([]byte, error) {
	v := elementBytes(inner, sc.openV, sc.closeV)
	if v == nil && bytes.IndexByte(inner, ':') >= 0 {
		// Children with a prefix other than the cell's own.
		v = elementLocal(inner, "v")
	}
	if v == nil && hasElement(inner, sc.openV) {
		return nil, damagedError("a cell's value is not closed (the sheet is damaged)")
	}
	return v, nil
}

// cell records the cell at row, column c, given the XML between <c ...>
// and </c> (nil for a self-closed cell) and its <v>'s content (nil for
// none); false if it refers to a shared string the workbook does not
// have.
func (sc *sheetScanner) cell(row, c int, inner, v, typ []byte, style int) bool {
	text, deferred := "", false
	if inner != nil {
		formula := sc.recalc && hasElement(inner, sc.openF)
		if formula && placeholder(v, typ) {
			v = nil
		}
		switch string(typ) {
		case "", "n", "e", "str":
			if sc.shift != 0 && (len(typ) == 0 || typ[0] == 'n') && sc.isDate(style) {
				text = shiftSerial(unescape(v), sc.shift)
			} else if needsDecoding(v, false) {
				text = unescape(v)
			} else if len(v) > 0 {
				sc.pending = append(sc.pending, pendingText{c, len(sc.buf), len(sc.buf) + len(v)})
				sc.buf = append(sc.buf, v...)
				deferred = true
			}
		case "d":
			text = isoSerial(unescape(v), sc.date1904)
		case "s":
			n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
			if err != nil || n < 0 || n >= len(sc.sst) {
				// An empty <v/> is a blank, as excelize reads it.
				if len(bytes.TrimSpace(v)) > 0 {
					return false
				}
			} else {
				text = sc.sst[n]
			}
		default:
			text = cellText(inner, v, typ, sc.raw)
		}
		// A formula with no <v>, or an empty one where its result is
		// not text (Excel saves a formula giving "" as t="str" and an
		// empty <v>), was never calculated.
		if !deferred && text == "" && (v == nil || string(typ) != "str") && hasElement(inner, sc.openF) {
			sc.g.Uncalculated = append(sc.g.Uncalculated, Cell{row, c})
		} else if formula {
			sc.g.Unverified = append(sc.g.Unverified, Cell{row, c})
		}
	}
	if text == "" && !deferred {
		if style == 0 {
			return true
		}
		if c < len(sc.cur) {
			sc.curStyles[c] = int32(style)
		} else {
			sc.blanks = append(sc.blanks, blank{c, int32(style)})
		}
		return true
	}
	if c < len(sc.cur) {
		// Out of order: at its column all the same.
		sc.cur[c], sc.curStyles[c] = text, int32(style)
		return true
	}
	if len(sc.blanks) > 0 {
		sc.placeBlanks(c)
	}
	for len(sc.cur) < c {
		sc.cur = append(sc.cur, "")
		sc.curStyles = append(sc.curStyles, 0)
	}
	sc.cur = append(sc.cur, text)
	sc.curStyles = append(sc.curStyles, int32(style))
	return true
}

// placeholder reports whether a formula's saved result, its <v>'s
// content v, is what a tool that does not calculate formulas saves in
// place of one (see ScanOptions.RecalcOnLoad): nothing, or 0, as a
// number (XlsxWriter) or as text (excelize types every formula's
// result t="str").
func placeholder(v, typ []byte) bool {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return true
	}
	if t := string(typ); t != "" && t != "n" && t != "str" {
		return false
	}
	f, err := strconv.ParseFloat(string(v), 64)
	return err == nil && f == 0
}

// placeBlanks puts the styled blanks before column c into the row,
// content having come after them.
func (sc *sheetScanner) placeBlanks(c int) {
	kept := sc.blanks[:0]
	for _, b := range sc.blanks {
		switch {
		case b.col < len(sc.cur):
			sc.curStyles[b.col] = b.style
		case b.col < c:
			for len(sc.cur) < b.col {
				sc.cur = append(sc.cur, "")
				sc.curStyles = append(sc.curStyles, 0)
			}
			sc.cur = append(sc.cur, "")
			sc.curStyles = append(sc.curStyles, b.style)
		default:
			kept = append(kept, b)
		}
	}
	sc.blanks = kept
}

func (sc *sheetScanner) isDate(style int) bool {
	return style < len(sc.dateStyles) && sc.dateStyles[style]
}

// endRow finishes the current row: its numbers made strings, and the
// row kept in the grid at its number or, when rows are streamed, handed
// over.
func (sc *sheetScanner) endRow(row int) error {
	if row < 0 {
		return nil
	}
	sc.flush()
	sc.blanks = sc.blanks[:0]
	n := trimmed(sc.cur)
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

// cellText returns the text of an inline-string or boolean cell, given the XML between <c ...> and </c> and its <v> content.
func cellText(inner, v, typ []byte, raw bool) string {
	switch string(typ) {
	case "inlineStr":
		return textRuns(inner)
	case "b":
		if raw {
			return unescape(v)
		}
		switch string(bytes.TrimSpace(v)) {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
		return ""
	}
	return unescape(v)
}

// elementBytes returns the content of the first element opened by open
// ("<v") and closed by closing ("</v>") in b; nil if there is none.
func elementBytes(b, open, closing []byte) []byte {
	for {
		i := bytes.Index(b, open)
		if i < 0 {
			return nil
		}
		b = b[i+len(open):]
		if len(b) == 0 {
			return nil
		}
		if b[0] != '>' && !isSpace(b[0]) && b[0] != '/' {
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return nil
		}
		if gt > 0 && b[gt-1] == '/' {
			return []byte{}
		}
		b = b[gt+1:]
		end := bytes.Index(b, closing)
		if end < 0 {
			return nil
		}
		return b[:end]
	}
}

// hasElement reports whether b holds an element opened by open ("<f"),
// and not merely one whose name starts the same.
func hasElement(b, open []byte) bool {
	for {
		i := bytes.Index(b, open)
		if i < 0 {
			return false
		}
		b = b[i+len(open):]
		if len(b) > 0 && (b[0] == '>' || b[0] == '/' || isSpace(b[0])) {
			return true
		}
	}
}
