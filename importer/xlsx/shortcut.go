package xlsx

import (
	"bytes"
	"encoding/binary"
)

// The shortcuts: most of a sheet is cells of a few kinds, written alike
// by every producer: a start tag <c r="J5" s="4" t="s"> with its
// attributes quoted and separated by spaces, then a number, a shared
// string's index or an inline string, and nothing else. These are read
// in one pass each, without the general path's searches for the cell's
// end and for its value within. Anything else (other white space,
// spaces around '=', formulas, other types, references to decode) is
// left to the general path, which reads it as ever; TestShortcuts and
// FuzzScanSheet check that both read every cell alike.

// A span is data[lo:hi], or nothing where lo < 0.
type span struct{ lo, hi int }

func (s span) of(data []byte) []byte {
	if s.lo < 0 {
		return nil
	}
	return data[s.lo:s.hi]
}

// cellTag is a cell's start tag as readCellTag reads it: its r, t and s
// attributes, whether it closes itself, and where its content starts.
type cellTag struct {
	ref, typ, style span
	selfClosing     bool
	end             int
}

// readCellTag reads the start tag of a cell, data[pos:] following its
// '<', into t; false for any tag but the sheet's prefix and "c ", then
// attributes name="value" or name='value' separated by spaces. A value
// holding '>', which readTag takes for the tag's end, is left to
// readTag too, so that both read a tag alike.
func (sc *sheetScanner) readCellTag(data []byte, pos int, t *cellTag) bool {
	i := pos + len(sc.openC)
	if i > len(data) {
		return false
	}
	if len(sc.prefix) == 0 {
		if data[pos] != 'c' || data[pos+1] != ' ' {
			return false
		}
	} else if string(data[pos:i]) != string(sc.openC) {
		return false
	}
	*t = cellTag{ref: span{-1, -1}, typ: span{-1, -1}, style: span{-1, -1}}
	for i < len(data) {
		switch data[i] {
		case ' ':
			i++
			continue
		case '>':
			t.end = i + 1
			return true
		case '/':
			if i+1 < len(data) && data[i+1] == '>' {
				t.selfClosing, t.end = true, i+2
				return true
			}
			return false
		}
		start := i
		for i < len(data) && data[i] != '=' {
			if ch := data[i]; ch <= ' ' || ch == '>' || ch == '/' {
				return false
			}
			i++
		}
		if i == start || i+1 >= len(data) {
			return false
		}
		q := data[i+1]
		if q != '"' && q != '\'' {
			return false
		}
		name := i - start
		i += 2
		value := i
		for i < len(data) && data[i] != q {
			if data[i] == '>' {
				return false
			}
			i++
		}
		if i >= len(data) {
			return false
		}
		if name == 1 {
			switch data[start] {
			case 'r':
				t.ref = span{value, i}
			case 't':
				t.typ = span{value, i}
			case 's':
				t.style = span{value, i}
			}
		}
		i++
		if i < len(data) && data[i] != ' ' && data[i] != '>' && data[i] != '/' {
			return false
		}
	}
	return false
}

// canonicalCell reads a cell whose start tag follows data[pos-1]'s '<'
// if the tag is as Excel and most producers write it, the sheet's
// prefix and c, then r="J5", s="4" and t="s" in that order, s and t
// optional, each after one space, and the cell of a kind quickContent
// reads. The column and style are read as the tag is, without a second
// pass over their values. It returns where scanning resumes and the
// cell's column; ok is false for any other cell, left unread.
func (sc *sheetScanner) canonicalCell(data []byte, pos int) (next, c int, ok bool) {
	i := pos + len(sc.openC)
	if i+3 > len(data) {
		return 0, 0, false
	}
	if len(sc.prefix) == 0 {
		if data[pos] != 'c' || data[pos+1] != ' ' {
			return 0, 0, false
		}
	} else if string(data[pos:i]) != string(sc.openC) {
		return 0, 0, false
	}
	if data[i] != 'r' || data[i+1] != '=' || data[i+2] != '"' {
		return 0, 0, false
	}
	i += 3
	// The column's letters as ColumnOf reads them, upper case only,
	// then the row's digits, which ColumnOf does not read either.
	n := 0
	for i < len(data) && data[i]-'A' < 26 {
		if n = n*26 + int(data[i]-'A') + 1; n > 16384 {
			return 0, 0, false
		}
		i++
	}
	for i < len(data) && data[i]-'0' < 10 {
		i++
	}
	if n == 0 || i >= len(data) || data[i] != '"' {
		return 0, 0, false
	}
	i++
	style := 0
	if i+4 <= len(data) && data[i] == ' ' && binary.LittleEndian.Uint32(data[i:]) == spaceS {
		i += 4
		start := i
		for i < len(data) && data[i]-'0' < 10 {
			style = style*10 + int(data[i]-'0')
			i++
		}
		// Six digits at most: a style beyond 1<<20 reads as 0.
		if i == start || i-start > 6 || i >= len(data) || data[i] != '"' {
			return 0, 0, false
		}
		i++
	}
	kind := kindNumber
	if i+4 <= len(data) && data[i] == ' ' && binary.LittleEndian.Uint32(data[i:]) == spaceT {
		i += 4
		start := i
		for i < len(data) && data[i] != '"' && data[i] != '>' {
			i++
		}
		if i >= len(data) || data[i] != '"' {
			return 0, 0, false
		}
		if kind = kindOf(data[start:i]); kind == kindOther {
			return 0, 0, false
		}
		i++
	}
	if i >= len(data) {
		return 0, 0, false
	}
	selfClosing := false
	switch data[i] {
	case '>':
		i++
	case '/':
		if i+1 >= len(data) || data[i+1] != '>' {
			return 0, 0, false
		}
		selfClosing = true
		i += 2
	default:
		return 0, 0, false
	}
	next, ok = sc.quickContent(data, i, n-1, style, kind, selfClosing)
	return next, n - 1, ok
}

// spaceS and spaceT are ` s="` and ` t="` read as little-endian words.
var (
	spaceS = binary.LittleEndian.Uint32([]byte(` s="`))
	spaceT = binary.LittleEndian.Uint32([]byte(` t="`))
)

// The kinds of cell quickContent reads, by their t attribute.
const (
	kindNumber = iota // no t
	kindShared        // t="s"
	kindInline        // t="inlineStr"
	kindOther
)

func kindOf(typ []byte) int {
	switch {
	case typ == nil:
		return kindNumber
	case string(typ) == "s":
		return kindShared
	case string(typ) == "inlineStr":
		return kindInline
	}
	return kindOther
}

// quickCell reads a cell of the kinds quickContent reads, its start tag
// t, after the cell at column col. It returns where scanning resumes and
// the cell's column; ok is false for any other cell, left unread for
// readCell, and for one that readCell reports (a bad reference, a
// shared string the workbook lacks).
func (sc *sheetScanner) quickCell(data []byte, t *cellTag, col int) (next, c int, ok bool) {
	c = col + 1
	if t.ref.lo >= 0 {
		n, ok := ColumnOf(data[t.ref.lo:t.ref.hi])
		if !ok {
			return 0, 0, false
		}
		c = n
	}
	if c > 16383 {
		return 0, 0, false
	}
	style := 0
	if t.style.lo >= 0 {
		for _, d := range data[t.style.lo:t.style.hi] {
			if d < '0' || d > '9' || style > 1<<20 {
				style = 0
				break
			}
			style = style*10 + int(d-'0')
		}
	}
	kind := kindOf(t.typ.of(data))
	if kind == kindOther {
		return 0, 0, false
	}
	next, ok = sc.quickContent(data, t.end, c, style, kind, t.selfClosing)
	return next, c, ok
}

// quickContent reads the content of a cell at column c, starting at
// data[pos]: a number, a shared string or an inline string, each
// without markup, or nothing; selfClosing is a cell without content.
// It returns where scanning resumes; ok is false for any other content,
// left unread for readCell, and for a shared string the workbook lacks,
// which readCell reports.
func (sc *sheetScanner) quickContent(data []byte, pos, c, style, kind int, selfClosing bool) (next int, ok bool) {
	if selfClosing {
		sc.put(c, "", int32(style), false)
		return pos, true
	}
	b := data[pos:]
	if len(b) >= 4 && b[0] == '<' && b[1] == '/' && bytes.HasPrefix(b, sc.closeC) && (kind != kindNumber || sc.shift == 0 || !sc.isDate(style)) {
		// Nothing within: a blank, styled or not.
		sc.put(c, "", int32(style), false)
		return pos + len(sc.closeC), true
	}
	switch kind {
	case kindNumber:
		v, n, literal := sc.plainCell(b)
		if n == 0 || !literal || len(v) == 0 || sc.shift != 0 && sc.isDate(style) {
			return 0, false
		}
		sc.pending = append(sc.pending, pendingText{c, len(sc.buf), len(sc.buf) + len(v)})
		sc.buf = append(sc.buf, v...)
		if c == len(sc.cur) && len(sc.blanks) == 0 {
			// The next column, as most are: put's last case.
			sc.cur = append(sc.cur, "")
			sc.curStyles = append(sc.curStyles, int32(style))
		} else {
			sc.put(c, "", int32(style), true)
		}
		return pos + n, true
	case kindShared:
		v, n, _ := sc.plainCell(b)
		if n == 0 || len(v) == 0 || len(v) > 9 {
			return 0, false
		}
		i := 0
		for _, d := range v {
			if d < '0' || d > '9' {
				return 0, false
			}
			i = i*10 + int(d-'0')
		}
		if i >= len(sc.sst) || exponentNumber(sc.sst[i]) {
			// A figure in scientific notation as text is listed in
			// Grid.ExponentText by readCell, which knows the row.
			return 0, false
		}
		sc.put(c, sc.sst[i], int32(style), false)
		return pos + n, true
	case kindInline:
		if !bytes.HasPrefix(b, sc.openIS) {
			return 0, false
		}
		text := b[len(sc.openIS):]
		end := bytes.IndexByte(text, '<')
		if end < 0 || !bytes.HasPrefix(text[end:], sc.closeIS) || exponentNumber(text[:end]) {
			return 0, false
		}
		sc.put(c, decodeText(text[:end], true), int32(style), false)
		return pos + len(sc.openIS) + end + len(sc.closeIS), true
	}
	return 0, false
}
