package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Grid is a worksheet's cells as text, read raw (numbers unformatted,
// dates as serials, formulas as their cached values), with each cell's
// style index, the sheet's merged ranges and its hidden columns.
type Grid struct {
	// Rows holds the cells' text: row i is sheet row i+1, and a row
	// ends at its last cell with text.
	Rows [][]string
	// Styles is parallel to Rows: each cell's index into the
	// workbook's Styles.
	Styles [][]int32
	Merged []Range
	// Hidden marks the columns hidden from view, by 0-based column.
	Hidden []bool
	// Uncalculated lists the formula cells saved with no result, in
	// sheet order; their text is empty. Tools that write formulas but
	// do not calculate them (openpyxl, excelize) save them so, and
	// only Excel or another spreadsheet can give their figures.
	Uncalculated []Cell
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
}

// Scan reads a worksheet's XML: each cell's text (shared strings from
// sst looked up, numbers and formula results as written, errors as their
// text) and style index, rows padded so that row i of the grid is sheet
// row i+1, and the merged ranges.
func Scan(ctx context.Context, data []byte, sst []string, opt ScanOptions) (*Grid, error) {
	sc := newScanner(sst, opt)
	if err := sc.scan(ctx, data, opt.MaxRows); err != nil {
		return nil, err
	}
	g := sc.g
	// A row may end in styled blanks; trim them so that row lengths, like
	// excelize's, end at the last cell with text.
	for r := range g.Rows {
		n := trimmed(g.Rows[r])
		g.Rows[r] = g.Rows[r][:n]
		g.Styles[r] = g.Styles[r][:n]
	}
	return g, nil
}

// ScanRows reads a worksheet's XML as Scan does, but calls fn with each
// row the XML holds, numbered from 1, rather than keeping them all,
// until fn returns false; the cells are valid only until fn returns.
func ScanRows(data []byte, sst []string, opt ScanOptions, fn func(n int, cells []string) bool) error {
	sc := newScanner(sst, opt)
	sc.emit = fn
	return sc.scan(context.Background(), data, opt.MaxRows)
}

func newScanner(sst []string, opt ScanOptions) *sheetScanner {
	sc := &sheetScanner{g: &Grid{}, sst: sst, maxCells: opt.MaxCells, raw: opt.RawBooleans}
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

// endRow finishes the current row: its numbers made strings and, when
// rows are streamed, the row handed over and its memory kept for the
// next.
func (sc *sheetScanner) endRow(row int) error {
	sc.flush(row)
	if sc.emit == nil || row < 0 {
		return nil
	}
	g := sc.g
	cells := g.Rows[row]
	if !sc.emit(row+1, cells[:trimmed(cells)]) {
		return errStopped
	}
	sc.spare, sc.spareStyles = cells[:0], g.Styles[row][:0]
	g.Rows[row], g.Styles[row] = nil, nil
	return nil
}

// scan reads data's rows into sc.g, or hands each to sc.emit.
func (sc *sheetScanner) scan(ctx context.Context, data []byte, maxRows int) error {
	g := sc.g
	row, col := -1, -1
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
				n, err := strconv.Atoi(string(v))
				if err != nil || n < 1 || n > 1<<20 {
					return errors.New("a row number is out of range (the sheet is damaged)")
				}
				r = n - 1
			}
			if r <= row {
				r = row + 1
			}
			if maxRows > 0 && r >= maxRows {
				row = -1 // read no further, and hand over nothing more
				break scan
			}
			for len(g.Rows) <= r {
				if sc.cells++; sc.cells > sc.maxCells {
					return ErrTooManyCells
				}
				g.Rows = append(g.Rows, nil)
				g.Styles = append(g.Styles, nil)
			}
			if sc.emit != nil {
				g.Rows[r], g.Styles[r] = sc.spare, sc.spareStyles
			} else if n := min(len(g.Rows[max(r-1, 0)]), 256); r > 0 && n > 0 && g.Rows[r] == nil {
				// Rows of a sheet are mostly as wide as the one before.
				g.Rows[r] = make([]string, 0, n)
				g.Styles[r] = make([]int32, 0, n)
			}
			if len(g.Rows)%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			row, col = r, -1
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
					return fmt.Errorf("cell reference %q is not valid (the sheet is damaged)", ref)
				}
				c = n
			}
			if c <= col {
				c = col + 1
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
			var inner []byte
			if !selfClosing {
				end := bytes.Index(data[pos:], sc.closeC)
				if end < 0 && maxRows > 0 {
					// Reading a sheet's head, the data may stop mid-cell.
					break scan
				}
				if end < 0 {
					return errors.New("a cell is not closed (the sheet is damaged)")
				}
				inner = data[pos : pos+end]
				pos += end + len(sc.closeC)
			}
			if err := sc.cell(row, c, inner, typ, style); err != nil {
				return err
			}
		case "col":
			// <col min="3" max="5" hidden="1"/>: columns hidden from view.
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
		case "mergeCell":
			if v, ok := attr(attrs, "ref"); ok {
				if m, ok := parseRange(string(v)); ok {
					g.Merged = append(g.Merged, m)
				}
			}
		}
	}
	return nilIfStopped(sc.endRow(row))
}

func nilIfStopped(err error) error {
	if err == errStopped {
		return nil
	}
	return err
}

// sheetScanner holds scanSheet's state between cells. Numbers, most of
// a sheet, are gathered a row at a time into one buffer and made into
// strings together: one allocation per row rather than one per cell.
type sheetScanner struct {
	g           *Grid
	sst         []string
	cells       int
	maxCells    int
	raw         bool // booleans as stored, "1" and "0"
	prefix      string
	closeC      []byte // "</c>", with the sheet's namespace prefix
	runs        runTags
	openV       []byte
	closeV      []byte
	openF       []byte
	buf         []byte
	pending     []pendingText
	emit        func(n int, cells []string) bool // nil to keep every row in g
	spare       []string                         // a handed-over row's memory, for the next
	spareStyles []int32
}

// pendingText is a number in buf waiting to be made a string: the cell at
// column col of the current row, bytes buf[from:to].
type pendingText struct{ col, from, to int }

func (sc *sheetScanner) setPrefix(prefix string) {
	sc.prefix = prefix
	sc.closeC = []byte("</" + prefix + "c>")
	sc.openV = []byte("<" + prefix + "v")
	sc.closeV = []byte("</" + prefix + "v>")
	sc.openF = []byte("<" + prefix + "f")
	sc.runs = newRunTags(prefix)
}

// cell records the cell at row, column c, given the XML between <c ...>
// and </c> (nil for a self-closed cell).
func (sc *sheetScanner) cell(row, c int, inner, typ []byte, style int) error {
	g := sc.g
	text, deferred := "", false
	if inner != nil {
		v := elementBytes(inner, sc.openV, sc.closeV)
		switch string(typ) {
		case "", "n", "e", "str":
			if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
				text = unescape(v)
			} else if len(v) > 0 {
				sc.pending = append(sc.pending, pendingText{c, len(sc.buf), len(sc.buf) + len(v)})
				sc.buf = append(sc.buf, v...)
				deferred = true
			}
		default:
			text = cellText(inner, v, typ, sc.runs, sc.sst, sc.raw)
		}
		// A formula with no <v>, or an empty one where its result is
		// not text (Excel saves a formula giving "" as t="str" and an
		// empty <v>), was never calculated.
		if !deferred && text == "" && (v == nil || string(typ) != "str") && hasElement(inner, sc.openF) {
			sc.g.Uncalculated = append(sc.g.Uncalculated, Cell{row, c})
		}
	}
	if text == "" && !deferred && style == 0 {
		return nil
	}
	if sc.cells += c - len(g.Rows[row]) + 1; sc.cells > sc.maxCells {
		return ErrTooManyCells
	}
	for len(g.Rows[row]) < c {
		g.Rows[row] = append(g.Rows[row], "")
		g.Styles[row] = append(g.Styles[row], 0)
	}
	g.Rows[row] = append(g.Rows[row], text)
	g.Styles[row] = append(g.Styles[row], int32(style))
	return nil
}

// flush makes the current row's numbers strings.
func (sc *sheetScanner) flush(row int) {
	if len(sc.pending) == 0 {
		return
	}
	all := string(sc.buf)
	for _, p := range sc.pending {
		sc.g.Rows[row][p.col] = all[p.from:p.to]
	}
	sc.buf, sc.pending = sc.buf[:0], sc.pending[:0]
}

// cellText returns the text of a shared-string, inline-string or boolean
// cell, given the XML between <c ...> and </c> and its <v> content.
func cellText(inner, v, typ []byte, runs runTags, sst []string, raw bool) string {
	switch string(typ) {
	case "inlineStr":
		return textRuns(inner, runs)
	case "s":
		n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || n < 0 || n >= len(sst) {
			return ""
		}
		return sst[n]
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
		if b[0] != '>' && b[0] != ' ' {
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
		if len(b) > 0 && (b[0] == '>' || b[0] == '/' || b[0] == ' ') {
			return true
		}
	}
}

// readTag reads a tag starting just after its '<': its local name (any
// namespace prefix dropped), its attribute bytes, whether it closes
// itself, and where scanning resumes. Closing tags, comments and
// declarations come back with a name starting '/', '!' or '?'.
func readTag(data []byte, pos int) (name, prefix string, attrs []byte, selfClosing bool, next int, ok bool) {
	if pos >= len(data) {
		return "", "", nil, false, pos, false
	}
	if bytes.HasPrefix(data[pos:], []byte("!--")) {
		end := bytes.Index(data[pos:], []byte("-->"))
		if end < 0 {
			return "", "", nil, false, pos, false
		}
		return "!", "", nil, true, pos + end + 3, true
	}
	gt := bytes.IndexByte(data[pos:], '>')
	if gt < 0 {
		return "", "", nil, false, pos, false
	}
	tag := data[pos : pos+gt]
	next = pos + gt + 1
	if len(tag) > 0 && tag[len(tag)-1] == '/' {
		selfClosing = true
		tag = tag[:len(tag)-1]
	}
	// The name ends at the first white space. It is a few letters, so a
	// loop finds that end sooner than bytes.IndexAny, which first builds
	// a set of the bytes to look for: this runs for every tag.
	n := 0
	for n < len(tag) && tag[n] != ' ' && tag[n] != '\t' && tag[n] != '\r' && tag[n] != '\n' {
		n++
	}
	full := tag[:n]
	if c := bytes.IndexByte(full, ':'); c >= 0 && (len(full) == 0 || full[0] != '/') {
		prefix = string(full[:c+1])
		full = full[c+1:]
	}
	return string(full), prefix, tag[n:], selfClosing, next, true
}

// attr finds an attribute's value in a tag's attribute bytes.
func attr(attrs []byte, name string) ([]byte, bool) {
	for len(attrs) > 0 {
		i := bytes.Index(attrs, []byte(name+"="))
		if i < 0 {
			return nil, false
		}
		if i > 0 && attrs[i-1] != ' ' && attrs[i-1] != '\t' && attrs[i-1] != '\n' && attrs[i-1] != '\r' {
			attrs = attrs[i+len(name)+1:]
			continue
		}
		rest := attrs[i+len(name)+1:]
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return nil, false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return nil, false
		}
		return rest[1 : 1+end], true
	}
	return nil, false
}

// cellAttrs reads a cell's r, t and s attributes in one pass over its
// attribute bytes: this runs for every cell of a workbook.
func cellAttrs(attrs []byte) (ref, typ, style []byte) {
	for i := 0; i < len(attrs); i++ {
		if attrs[i] != '=' || i == 0 || i+1 >= len(attrs) {
			continue
		}
		q := attrs[i+1]
		if q != '"' && q != '\'' {
			continue
		}
		end := bytes.IndexByte(attrs[i+2:], q)
		if end < 0 {
			return
		}
		val := attrs[i+2 : i+2+end]
		if i >= 2 && attrs[i-2] > ' ' {
			// A longer name ending in r, t or s, such as xr:uid.
			i += 1 + end + 1
			continue
		}
		switch attrs[i-1] {
		case 'r':
			ref = val
		case 't':
			typ = val
		case 's':
			style = val
		}
		i += 1 + end + 1
	}
	return ref, typ, style
}

// attrInt reads a whole-number attribute.
func attrInt(attrs []byte, name string) (int, error) {
	v, ok := attr(attrs, name)
	if !ok {
		return 0, errors.New("missing")
	}
	return strconv.Atoi(string(v))
}

// ColumnOf returns the 0-based column of a cell reference such as
// "AB12".
func ColumnOf(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		ch := ref[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			n = n*26 + int(ch-'A') + 1
		case ch >= 'a' && ch <= 'z':
			n = n*26 + int(ch-'a') + 1
		default:
			goto done
		}
		if n > 16384 {
			return 0, false
		}
	}
done:
	return n - 1, n > 0
}

// unescape decodes XML character and entity references.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 10 {
			sb.WriteByte('&')
			b = b[1:]
			continue
		}
		ent := string(b[1:semi])
		b = b[semi+1:]
		switch {
		case ent == "amp":
			sb.WriteByte('&')
		case ent == "lt":
			sb.WriteByte('<')
		case ent == "gt":
			sb.WriteByte('>')
		case ent == "quot":
			sb.WriteByte('"')
		case ent == "apos":
			sb.WriteByte('\'')
		case strings.HasPrefix(ent, "#x"), strings.HasPrefix(ent, "#X"):
			if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				sb.WriteRune(rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil && utf8.ValidRune(rune(n)) {
				sb.WriteRune(rune(n))
			}
		default:
			sb.WriteString("&" + ent + ";")
		}
	}
	return strings.ReplaceAll(sb.String(), "\r\n", "\n")
}

// Range is a merged range of cells, 0-based and inclusive.
type Range struct{ Row0, Col0, Row1, Col1 int }

// parseRange reads "A1:AL1".
func parseRange(s string) (Range, bool) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		b = a
	}
	r0, c0, ok1 := parseCell(a)
	r1, c1, ok2 := parseCell(b)
	if !ok1 || !ok2 || r1 < r0 || c1 < c0 {
		return Range{}, false
	}
	return Range{r0, c0, r1, c1}, true
}

// parseCell reads "AB12" as 0-based row and column.
func parseCell(s string) (r, c int, ok bool) {
	c, ok = ColumnOf([]byte(s))
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > 1<<20 {
		return 0, 0, false
	}
	return n - 1, c, true
}

// ColumnName writes a 0-based column as letters: 0 is "A", 27 is "AB".
func ColumnName(c int) string { return string(AppendColumn(nil, c)) }

// AppendColumn appends a 0-based column's letters to b.
func AppendColumn(b []byte, c int) []byte {
	var letters [4]byte
	i := len(letters)
	for n := c + 1; n > 0 && i > 0; n = (n - 1) / 26 {
		i--
		letters[i] = byte('A' + (n-1)%26)
	}
	return append(b, letters[i:]...)
}
