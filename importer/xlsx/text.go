package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// textRuns joins the text (<t>) elements of a string item, shared or
// inline, whatever their namespace prefix, leaving out phonetic guides
// (<rPh>), and decodes the _xHHHH_ escapes Excel writes for characters
// XML cannot hold, as excelize does.
func textRuns(si []byte) string {
	var first []byte
	var sb []byte
	runs := 0
	for pos := 0; pos < len(si); {
		i := bytes.IndexByte(si[pos:], '<')
		if i < 0 {
			break
		}
		pos += i + 1
		if pos < len(si) && (si[pos] == '/' || si[pos] == '!' || si[pos] == '?') {
			continue
		}
		gt := bytes.IndexByte(si[pos:], '>')
		if gt < 0 {
			break
		}
		tag := si[pos : pos+gt]
		pos += gt + 1
		selfClosing := len(tag) > 0 && tag[len(tag)-1] == '/'
		n := 0
		for n < len(tag) && tag[n] > ' ' && tag[n] != '/' {
			n++
		}
		full := tag[:n]
		local := full
		if c := bytes.IndexByte(full, ':'); c >= 0 {
			local = full[c+1:]
		}
		if selfClosing || (string(local) != "t" && string(local) != "rPh") {
			continue
		}
		end := closingTag(si[pos:], full)
		if end < 0 {
			break
		}
		content := si[pos : pos+end]
		pos += end + len(full) + 3
		if string(local) == "rPh" {
			continue
		}
		switch runs++; runs {
		case 1:
			first = content
		case 2:
			sb = append(sb, first...)
			fallthrough
		default:
			sb = append(sb, content...)
		}
	}
	if runs > 1 {
		first = sb
	}
	return decodeText(first, true)
}

// closingTag finds the end tag </name> in b, past any CDATA section that
// holds the same bytes; -1 if there is none.
func closingTag(b, name []byte) int {
	for pos := 0; ; {
		i := bytes.Index(b[pos:], []byte("</"))
		cd := bytes.Index(b[pos:], []byte("<![CDATA["))
		if cd >= 0 && (i < 0 || cd < i) {
			end := bytes.Index(b[pos+cd:], []byte("]]>"))
			if end < 0 {
				return -1
			}
			pos += cd + end + 3
			continue
		}
		if i < 0 {
			return -1
		}
		at := pos + i
		rest := b[at+2:]
		if bytes.HasPrefix(rest, name) && len(rest) > len(name) && rest[len(name)] == '>' {
			return at
		}
		pos = at + 2
	}
}

// needsDecoding reports whether text bytes hold anything but literal
// characters: references, CDATA, carriage returns or (where bstr) an
// _xHHHH_ escape.
func needsDecoding(b []byte, bstr bool) bool {
	for i, c := range b {
		switch c {
		case '&', '<', '\r':
			return true
		case '_':
			if bstr && i+1 < len(b) && b[i+1] == 'x' {
				return true
			}
		}
	}
	return false
}

// decodeText decodes an element's text as an XML parser would: character
// and entity references, CDATA sections kept literally, line ends
// normalised to "\n". Where bstr it also decodes the _xHHHH_ escapes of
// OOXML strings (_x000D_ is a carriage return, _x005F_ an underscore).
func decodeText(b []byte, bstr bool) string {
	if !needsDecoding(b, bstr) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		c := b[0]
		switch {
		case c == '\r':
			out = append(out, '\n')
			b = b[1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
		case c == '<' && bytes.HasPrefix(b, []byte("<![CDATA[")):
			b = b[len("<![CDATA["):]
			end := bytes.Index(b, []byte("]]>"))
			if end < 0 {
				end = len(b)
			}
			for i, d := range b[:end] {
				switch {
				case d != '\r':
					out = append(out, d)
				case i+1 == end || b[i+1] != '\n':
					out = append(out, '\n')
				}
			}
			b = b[min(end+3, len(b)):]
		case c == '<' && bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				end = len(b) - 3
			}
			b = b[end+3:]
		case c == '&':
			semi := bytes.IndexByte(b, ';')
			if semi < 0 || semi > 10 {
				out = append(out, '&')
				b = b[1:]
				continue
			}
			out = appendEntity(out, string(b[1:semi]))
			b = b[semi+1:]
		default:
			out = append(out, c)
			b = b[1:]
		}
	}
	if bstr && bytes.Contains(out, []byte("_x")) {
		out = unescapeBstr(out)
	}
	return string(out)
}

func appendEntity(out []byte, ent string) []byte {
	switch {
	case ent == "amp":
		return append(out, '&')
	case ent == "lt":
		return append(out, '<')
	case ent == "gt":
		return append(out, '>')
	case ent == "quot":
		return append(out, '"')
	case ent == "apos":
		return append(out, '\'')
	case strings.HasPrefix(ent, "#x"), strings.HasPrefix(ent, "#X"):
		if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
			return utf8.AppendRune(out, rune(n))
		}
		return out
	case strings.HasPrefix(ent, "#"):
		if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil && utf8.ValidRune(rune(n)) {
			return utf8.AppendRune(out, rune(n))
		}
		return out
	}
	return append(append(append(out, '&'), ent...), ';')
}

// unescapeBstr decodes _xHHHH_ escapes, each a UTF-16 code unit, left
// to right; _x005F_ is a literal underscore, so "_x005F_x000D_" reads
// "_x000D_".
func unescapeBstr(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		if len(b) >= 7 && b[0] == '_' && b[1] == 'x' && b[6] == '_' && isHex4(b[2:6]) {
			n, _ := strconv.ParseUint(string(b[2:6]), 16, 32)
			// Half a surrogate pair is dropped, as excelize drops it.
			if n < 0xD800 || n > 0xDFFF {
				out = utf8.AppendRune(out, rune(n))
			}
			b = b[7:]
			continue
		}
		out = append(out, b[0])
		b = b[1:]
	}
	return out
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// unescape decodes an element's text without the _xHHHH_ escapes: the
// value of a number, error, formula result or boolean.
func unescape(b []byte) string { return decodeText(b, false) }
