package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripFootnote removes the markers scorecards hang on names and
// headings to point at a note below the table ("*", "**", "(1)", "[2]",
// "¹", "†") and tidies spaces.
func stripFootnote(s string) string {
	if plainText(s) {
		return s
	}
	return footnotesStripped.of(s, stripFootnoteText)
}

// footnotesStripped remembers stripFootnote's text for the names and
// refs that are not plain text ("Rate per 10,000 (variant 3)"): a
// workbook repeats its names on every district's sheet.
var footnotesStripped = &textMemo[string]{}

// stripFootnoteText is stripFootnote for text that is not plain.
func stripFootnoteText(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	for {
		t := strings.TrimRight(s, " ")
		switch {
		case strings.HasSuffix(t, "*"):
			t = strings.TrimRight(t, "*")
		case strings.HasSuffix(t, ")"), strings.HasSuffix(t, "]"):
			open := map[byte]byte{')': '(', ']': '['}[t[len(t)-1]]
			i := strings.LastIndexByte(t, open)
			if i < 0 || len(t)-i-2 < 1 || len(t)-i-2 > 2 || !allDigits(t[i+1:len(t)-1]) {
				return t
			}
			t = t[:i]
		default:
			r, size := utf8.DecodeLastRuneInString(t)
			if !strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰†‡", r) || size == 0 {
				return t
			}
			t = t[:len(t)-size]
		}
		s = strings.TrimRight(t, " ")
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNumber reports whether a word of a name is a number: "90", "10.5".
func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != '.' && w[i] != ',' {
			return false
		}
	}
	return true
}

// nameWords splits a lower-case name into its words: runs of letters and
// digits, so "(days)" and "days:" are the word "days". "#" is kept, as
// "# of" says a count.
func nameWords(n string) []string {
	return strings.FieldsFunc(n, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '#'
	})
}

// hasWord reports whether ws holds any of words.
func hasWord(ws []string, words ...string) bool {
	for _, w := range ws {
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// countsByName reports whether a name's words say it counts: "Number of
// ...", "No. of ...", "Count of ...", "# of ...", "Total number of ...".
// "Number of days ..." counts days, not children.
func countsByName(ws []string) bool {
	if len(ws) > 0 && ws[0] == "total" {
		ws = ws[1:]
	}
	if len(ws) < 3 || ws[1] != "of" {
		return false
	}
	switch ws[0] {
	case "number", "no", "nos", "count", "#":
	default:
		return false
	}
	switch ws[2] {
	case "days", "weeks", "months", "hours", "day", "week":
		return false
	}
	return true
}

// footnoteMarks are the characters a footnote's note begins with.
const footnoteMarks = "*([¹²³†‡#"

// isFootnote reports whether a row's only text is a note below the table
// or a legend rather than a section heading.
func isFootnote(s string) bool {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	// The first rune, not byte: "¹ excluding UASC" is a note.
	first, _ := utf8.DecodeRuneInString(t)
	switch {
	case t == "":
		return false
	case strings.ContainsRune(footnoteMarks, first), t[0] >= '0' && t[0] <= '9':
		return true
	case len(t) > 80:
		return true
	case low == "rag", strings.HasPrefix(low, "legend"):
		// A RAG key alone in the Ref column, under which its codes
		// are spelled out (QA24a D2), heads no section.
		return true
	}
	for _, p := range []string{"note", "source", "footnote", "key", "italic", "previous reporting year", "data as at", "data from", "produced by", "rag ", "please", "n.b", "nb "} {
		if strings.HasPrefix(low, p) || strings.Contains(low, "italic") {
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII, so that its lower case is
// found byte by byte.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether the ASCII text s holds the lower-case
// ASCII word sub in any case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s begins with prefix, both lower-cased
// as strings.ToLower does; ASCII text, as refs are, is compared in
// place rather than lower-cased into copies.
func hasPrefixFold(s, prefix string) bool {
	if !isASCII(s) || !isASCII(prefix) {
		return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
	}
	if len(prefix) > len(s) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != lowerASCII(prefix[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// plainText reports whether s is ASCII with single inner spaces and ends
// in a letter or digit, so has no footnote marker or stray space to strip:
// most refs and names.
func plainText(s string) bool {
	if s == "" {
		return true
	}
	last := s[len(s)-1]
	if !(last >= 'a' && last <= 'z' || last >= 'A' && last <= 'Z' || last >= '0' && last <= '9') || s[0] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < ' ' || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// isTotalLabel reports whether text in a Ref column names a total of the
// rows above ("Total", "Sub-total", "Grand Total") rather than an
// indicator: read as one, it would become an indicator called "Total".
func isTotalLabel(s string) bool {
	if !containsFoldASCII(s, "total") {
		// Every total's label has the word: most rows' refs are
		// passed over without splitting them into words.
		return false
	}
	t := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == ':' || r == '.' || r == '\u00a0'
	}), " ")
	switch t {
	case "total", "totals", "sub total", "subtotal", "grand total", "overall total", "total all":
		return true
	}
	return false
}
