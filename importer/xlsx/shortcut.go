package xlsx

import "bytes"

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

// quickCell reads the content of a cell of the common kinds, its start
// tag t, after the cell at column col: a number, a shared string or an
// inline string, each without markup, or an empty or self-closed cell. It returns
// where scanning resumes and the cell's column; ok is false for any
// other cell, left unread for readCell, and for one that readCell
// reports (a bad reference, a shared string the workbook lacks).
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
	if t.selfClosing {
		sc.put(c, "", int32(style), false)
		return t.end, c, true
	}
	b := data[t.end:]
	typ := t.typ.of(data)
	if bytes.HasPrefix(b, sc.closeC) && (typ == nil || string(typ) == "s" || string(typ) == "inlineStr") && (sc.shift == 0 || !sc.isDate(style)) {
		// Nothing within: a blank, styled or not.
		sc.put(c, "", int32(style), false)
		return t.end + len(sc.closeC), c, true
	}
	switch string(typ) {
	case "":
		if typ != nil {
			return 0, 0, false // t="": as cell reads it, but rare
		}
		v, n, literal := sc.plainCell(b)
		if n == 0 || !literal || len(v) == 0 || sc.shift != 0 && sc.isDate(style) {
			return 0, 0, false
		}
		sc.pending = append(sc.pending, pendingText{c, len(sc.buf), len(sc.buf) + len(v)})
		sc.buf = append(sc.buf, v...)
		sc.put(c, "", int32(style), true)
		return t.end + n, c, true
	case "s":
		v, n, _ := sc.plainCell(b)
		if n == 0 || len(v) == 0 || len(v) > 9 {
			return 0, 0, false
		}
		i := 0
		for _, d := range v {
			if d < '0' || d > '9' {
				return 0, 0, false
			}
			i = i*10 + int(d-'0')
		}
		if i >= len(sc.sst) {
			return 0, 0, false
		}
		sc.put(c, sc.sst[i], int32(style), false)
		return t.end + n, c, true
	case "inlineStr":
		if !bytes.HasPrefix(b, sc.openIS) {
			return 0, 0, false
		}
		text := b[len(sc.openIS):]
		end := bytes.IndexByte(text, '<')
		if end < 0 || !bytes.HasPrefix(text[end:], sc.closeIS) {
			return 0, 0, false
		}
		sc.put(c, decodeText(text[:end], true), int32(style), false)
		return t.end + len(sc.openIS) + end + len(sc.closeIS), c, true
	}
	return 0, 0, false
}
