package csvfile

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Excel saves a CSV in UTF-8 only as "CSV UTF-8". Its plain "CSV (Comma
// delimited)" writes the Windows code page (1252 in England), so a "£"
// or an en dash in a name is one byte that is no UTF-8; its "Unicode
// Text" writes UTF-16 with a byte-order mark, tab-delimited, as report
// servers' exports often are too. Both are read, and said (EncodingNote)
// at the file's first line, rather than refused as not UTF-8.

// textEncoding names the text encoding a CSV's first bytes show it is in,
// "" for UTF-8 (or ASCII).
func textEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "UTF-16"
	case bytes.IndexByte(head, 0) >= 0:
		// NULs without a byte-order mark: no text file Excel writes.
		return ""
	case !utf8.Valid(TrimPartialRune(head)):
		return "Windows-1252"
	}
	return ""
}

// decoded returns a reader of br's text as UTF-8, for a CSV in the
// encoding textEncoding named.
func decoded(br *bufio.Reader, encoding string) io.Reader {
	switch encoding {
	case "UTF-16":
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(br)
	case "Windows-1252":
		return charmap.Windows1252.NewDecoder().Reader(br)
	}
	return br
}

// EncodingNote says how a CSV whose Table.Encoding is not UTF-8 was
// read, for a warning at its first line; "" for UTF-8.
func EncodingNote(encoding string) string {
	switch encoding {
	case "UTF-16":
		return "the file is UTF-16 text (as Excel's \"Unicode Text\" and report servers save it), not UTF-8: read as such"
	case "Windows-1252":
		return "the file is not UTF-8 text: read as Windows-1252 (Excel's plain \"CSV (Comma delimited)\" on an English Windows), so that \"£\" and \"–\" are themselves; if its names read wrongly, save it as \"CSV UTF-8\" and import that"
	}
	return ""
}

// TrimPartialRune drops a UTF-8 sequence cut off by the end of a sample.
func TrimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if r, _ := utf8.DecodeLastRune(b[:len(b)-i+1]); r != utf8.RuneError {
			return b[:len(b)-i+1]
		}
	}
	return b
}
