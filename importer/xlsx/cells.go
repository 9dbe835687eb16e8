package xlsx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
)

// readCell reads a cell whose start tag ends at pos, in the given row,
// after the cell at column col: its r, t and s attributes are ref, typ
// and styleAttr. It returns where scanning resumes and the cell's
// column; done when the data stops mid-cell while reading a sheet's
// head (maxRows set).
func (sc *sheetScanner) readCell(data []byte, pos, row, col int, ref, typ, styleAttr []byte, selfClosing bool, maxRows int) (next, c int, done bool, err error) {
	c = col + 1
	if ref != nil {
		n, ok := ColumnOf(ref)
		if !ok {
			return pos, col, false, damagedError(fmt.Sprintf("cell reference %q is not valid (the sheet is damaged)", ref))
		}
		c = n
	}
	if c > 16383 {
		return pos, col, false, damagedError("a cell is beyond column XFD (the sheet is damaged)")
	}
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
		if val, n, _ := sc.plainCell(data[pos:]); n > 0 {
			inner, v = data[pos:pos+n-len(sc.closeC)], val
			pos += n
		} else {
			end := bytes.Index(data[pos:], sc.closeC)
			if end < 0 && maxRows > 0 && !sc.whole {
				// Reading a sheet's head, the data may stop mid-cell.
				return pos, c, true, nil
			}
			if end < 0 {
				return pos, c, false, damagedError("a cell is not closed (the sheet is damaged)")
			}
			inner = data[pos : pos+end]
			pos += end + len(sc.closeC)
			if v, err = sc.value(inner); err != nil {
				return pos, c, false, err
			}
		}
	}
	if !sc.cell(row, c, inner, v, typ, style) {
		// Not a damagedError: excelize would read the cell as
		// empty, without a word.
		return pos, c, false, fmt.Errorf("cell %s%d refers to shared string %s, which the workbook does not have (the workbook is damaged)",
			ColumnName(c), row+1, bytes.TrimSpace(elementBytes(inner, sc.openV, sc.closeV)))
	}
	return pos, c, false, nil
}

func (sc *sheetScanner) setPrefix(prefix string) {
	sc.prefix = prefix
	sc.closeC = []byte("</" + prefix + "c>")
	sc.openV = []byte("<" + prefix + "v")
	sc.plainOpen = []byte("<" + prefix + "v>")
	sc.plainClose = []byte("</" + prefix + "v></" + prefix + "c>")
	sc.closeV = []byte("</" + prefix + "v>")
	sc.openF = []byte("<" + prefix + "f")
	sc.openC = []byte(prefix + "c ")
	sc.openIS = []byte("<" + prefix + "is><" + prefix + "t>")
	sc.closeIS = []byte("</" + prefix + "t></" + prefix + "is></" + prefix + "c>")
}

// plainCell reads the cell most cells are, b starting just after its
// start tag: a value and nothing else, "<v>text</v></c>", the text
// without markup. It returns the text and the length of all that, or 0
// for any other cell, and whether the text is literal: no references
// or carriage returns to decode. Such a cell needs no search for its end
// tag and then for its value within: a seventh of the scanner's time on
// the large workbook.
func (sc *sheetScanner) plainCell(b []byte) (v []byte, n int, literal bool) {
	if len(sc.prefix) == 0 {
		// The common case, compared as words rather than by memequal.
		if len(b) < 3 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
			return nil, 0, false
		}
	} else if !bytes.HasPrefix(b, sc.plainOpen) {
		return nil, 0, false
	}
	text := b[len(sc.plainOpen):]
	end, literal := valueEnd(text)
	if end < 0 {
		return nil, 0, false
	}
	if len(sc.prefix) == 0 {
		if len(text)-end < 8 || binary.LittleEndian.Uint64(text[end:]) != closeVC {
			return nil, 0, false
		}
	} else if !bytes.HasPrefix(text[end:], sc.plainClose) {
		return nil, 0, false
	}
	return text[:end], len(sc.plainOpen) + end + len(sc.plainClose), literal
}

// closeVC is "</v></c>" read as a little-endian word.
var closeVC = binary.LittleEndian.Uint64([]byte("</v></c>"))

// valueEnd finds the '<' that ends a value's text, -1 if none, and
// whether the text before it is literal: no references or carriage
// returns to decode. A value is a few bytes: eight are looked at a time
// for any of the three, a loop of IndexByte's and needsDecoding's would
// cost more.
func valueEnd(text []byte) (end int, literal bool) {
	const lsb = 0x0101010101010101
	// zero has the high bit set in the first zero byte of x and maybe
	// in bytes after it: the lowest bit set is the first zero byte.
	zero := func(x uint64) uint64 { return (x - lsb) &^ x & (lsb << 7) }
	literal = true
	for end < len(text) {
		if end+8 <= len(text) {
			x := binary.LittleEndian.Uint64(text[end:])
			m := zero(x^(lsb*'<')) | zero(x^(lsb*'&')) | zero(x^(lsb*'\r'))
			if m == 0 {
				end += 8
				continue
			}
			end += bits.TrailingZeros64(m) >> 3
		} else if !markup[text[end]] {
			end++
			continue
		}
		if text[end] == '<' {
			return end, literal
		}
		literal = false
		end++
	}
	return -1, false
}

// markup marks the bytes that end a value's text or need decoding (see
// needsDecoding).
var markup = [256]bool{'<': true, '&': true, '\r': true}

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
			if string(typ) == "str" && exponentNumber(v) {
				sc.g.ExponentText = append(sc.g.ExponentText, Cell{row, c})
			}
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
		if (len(typ) == 1 && typ[0] == 's' || string(typ) == "inlineStr") && exponentNumber(text) {
			sc.g.ExponentText = append(sc.g.ExponentText, Cell{row, c})
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
	sc.put(c, text, int32(style), deferred)
	return true
}

// put places a cell's text and style at column c of the current row;
// deferred is a number in sc.buf, its text given when the row ends.
func (sc *sheetScanner) put(c int, text string, style int32, deferred bool) {
	if text == "" && !deferred {
		if style == 0 {
			return
		}
		if c < len(sc.cur) {
			sc.curStyles[c] = style
		} else {
			sc.blanks = append(sc.blanks, blank{c, style})
		}
		return
	}
	if c < len(sc.cur) {
		// Out of order: at its column all the same.
		sc.cur[c], sc.curStyles[c] = text, style
		return
	}
	if len(sc.blanks) > 0 {
		sc.placeBlanks(c)
	}
	for len(sc.cur) < c {
		sc.cur = append(sc.cur, "")
		sc.curStyles = append(sc.curStyles, 0)
	}
	sc.cur = append(sc.cur, text)
	sc.curStyles = append(sc.curStyles, style)
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
