package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

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

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nextAttr reads the attribute starting at or after attrs[i], white
// space allowed around its '=' as XML allows: its name and value, and
// where the next begins; ok is false when there are no more.
func nextAttr(attrs []byte, i int) (name, val []byte, next int, ok bool) {
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	start := i
	for i < len(attrs) && attrs[i] != '=' && !isSpace(attrs[i]) {
		i++
	}
	name = attrs[start:i]
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	if i >= len(attrs) || attrs[i] != '=' {
		return nil, nil, i, false
	}
	i++
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
		return nil, nil, i, false
	}
	end := bytes.IndexByte(attrs[i+1:], attrs[i])
	if end < 0 {
		return nil, nil, i, false
	}
	return name, attrs[i+1 : i+1+end], i + end + 2, true
}

// attr finds an attribute's value in a tag's attribute bytes.
func attr(attrs []byte, name string) ([]byte, bool) {
	for i := 0; ; {
		k, v, next, ok := nextAttr(attrs, i)
		if !ok {
			return nil, false
		}
		if string(k) == name {
			return v, true
		}
		i = next
	}
}

// cellAttrs reads a cell's r, t and s attributes in one pass over its
// attribute bytes: this runs for every cell of a workbook.
func cellAttrs(attrs []byte) (ref, typ, style []byte) {
	for i := 0; ; {
		k, v, next, ok := nextAttr(attrs, i)
		if !ok {
			return ref, typ, style
		}
		if len(k) == 1 {
			switch k[0] {
			case 'r':
				ref = v
			case 't':
				typ = v
			case 's':
				style = v
			}
		}
		i = next
	}
}

// elementLocal returns the content of the first element in b whose
// local name is local, whatever its prefix; nil if there is none. It is
// the slow path for a cell whose children carry a prefix other than its
// own.
func elementLocal(b []byte, local string) []byte {
	for pos := 0; pos < len(b); {
		i := bytes.IndexByte(b[pos:], '<')
		if i < 0 {
			return nil
		}
		pos += i + 1
		name, prefix, _, selfClosing, next, ok := readTag(b, pos)
		if !ok {
			return nil
		}
		pos = next
		if name != local {
			continue
		}
		if selfClosing {
			return []byte{}
		}
		end := closingTag(b[pos:], []byte(prefix+local))
		if end < 0 {
			return nil
		}
		return b[pos : pos+end]
	}
	return nil
}
