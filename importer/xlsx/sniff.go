package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// notZip says what a file that is not a zip is, where it can tell: a
// password-protected workbook, an Excel 97-2003 .xls, a CSV or web page
// renamed. Such a file is refused naming what it is, not as a damaged
// workbook.
func notZip(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return ErrNotWorkbook
	}
	defer f.Close()
	// An OLE compound document's directory, which names its streams,
	// is usually near its start.
	head, _ := io.ReadAll(io.LimitReader(f, 1<<20))
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		switch {
		case bytes.Contains(head, utf16le("EncryptedPackage")), bytes.Contains(head, utf16le("EncryptionInfo")):
			return errors.New("is password-protected: remove the password in Excel and import again")
		case bytes.Contains(head, utf16le("Workbook")), bytes.Contains(head, utf16le("Book")):
			return errors.New("is an Excel 97-2003 .xls file, not an .xlsx workbook, whatever its name: open it in Excel and save it as .xlsx")
		}
		return errors.New("is an Office 97-2003 document, not an .xlsx workbook: open it in Excel and save it as .xlsx")
	case bytes.HasPrefix(head, []byte("PK")):
		return ErrNotWorkbook // a damaged zip
	case len(head) == 0:
		return errors.New("is empty (0 bytes): not an Excel workbook")
	}
	text := head
	if bytes.HasPrefix(text, []byte{0xFF, 0xFE}) || bytes.HasPrefix(text, []byte{0xFE, 0xFF}) {
		return errors.New("is a UTF-16 text file, not an Excel workbook, whatever its name: if it is a CSV, rename it .csv")
	}
	text = bytes.TrimPrefix(text, []byte{0xEF, 0xBB, 0xBF})
	if bytes.IndexByte(text, 0) < 0 {
		t := bytes.ToLower(bytes.TrimSpace(text[:min(len(text), 512)]))
		switch {
		case bytes.HasPrefix(t, []byte("<!doctype html")), bytes.HasPrefix(t, []byte("<html")), bytes.Contains(t, []byte("<table")):
			return errors.New("is a web page (HTML), not an Excel workbook, whatever its name: open it in Excel and save it as .xlsx")
		case bytes.HasPrefix(t, []byte("<?xml")):
			return errors.New("is an XML file (perhaps an Excel 2003 XML spreadsheet), not an .xlsx workbook: open it in Excel and save it as .xlsx")
		case utf8.Valid(text) || mostlyText(text):
			return errors.New("is a text file (a CSV?), not an Excel workbook, whatever its name: if it is a CSV, rename it .csv and import that")
		}
	}
	return ErrNotWorkbook
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// mostlyText reports whether bytes look like text in a single-byte
// encoding: few control characters.
func mostlyText(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			ctl++
		}
	}
	return ctl*100 < len(b)
}

// refuseOthers says what a zip is that holds no workbook: an
// OpenDocument spreadsheet, a Word or PowerPoint document.
func (w *Workbook) refuseOthers() error {
	if mt, _ := w.part("mimetype"); mt != nil {
		switch m := string(bytes.TrimSpace(mt)); {
		case strings.Contains(m, "opendocument.spreadsheet"):
			return errors.New("is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx (Excel 2007-365) and import that")
		case strings.Contains(m, "opendocument"):
			return fmt.Errorf("is an OpenDocument file (%s), not an Excel workbook", m)
		}
	}
	if _, ok := w.parts["xl/workbook.bin"]; ok {
		return errors.New("is an Excel Binary Workbook (.xlsb), not an .xlsx workbook: save it as .xlsx (Excel Workbook) and import that")
	}
	if _, ok := w.parts["word/document.xml"]; ok {
		return errors.New("is a Word document, not an Excel workbook")
	}
	if _, ok := w.parts["ppt/presentation.xml"]; ok {
		return errors.New("is a PowerPoint presentation, not an Excel workbook")
	}
	return nil
}

// EncodingError is a part in a character encoding the reader does not
// decode.
type EncodingError struct{ Part, Encoding string }

// Error names the part and its encoding.
func (e EncodingError) Error() string {
	return fmt.Sprintf("part %s is in the %s character encoding, which Scorecard does not read: open the workbook in Excel and save it again", e.Part, e.Encoding)
}

// toUTF8 gives a part's XML as UTF-8 without a byte order mark: UTF-16
// (by its byte order mark or declaration) and the single-byte encodings
// Western European tools declare (ISO-8859-1, Windows-1252, ASCII)
// decoded, the declaration dropped so that no parser reads it again.
// UTF-8, the usual case, comes back as it is.
func toUTF8(part string, b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte("<\x00?\x00")):
		return dropDecl(fromUTF16(bytes.TrimPrefix(b, []byte{0xFF, 0xFE}), false)), nil
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}), bytes.HasPrefix(b, []byte("\x00<\x00?")):
		return dropDecl(fromUTF16(bytes.TrimPrefix(b, []byte{0xFE, 0xFF}), true)), nil
	case !bytes.HasPrefix(b, []byte("<?xml")):
		return b, nil
	}
	end := bytes.Index(b[:min(len(b), 256)], []byte("?>"))
	if end < 0 {
		return b, nil
	}
	enc, ok := attr(b[5:end], "encoding")
	if !ok {
		return b, nil
	}
	switch strings.ToLower(string(enc)) {
	case "utf-8", "utf8":
		return b, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "us-ascii", "ascii":
		return dropDecl(fromSingleByte(b, nil)), nil
	case "windows-1252", "cp1252", "x-cp1252":
		return dropDecl(fromSingleByte(b, &cp1252)), nil
	case "utf-16", "utf-16le", "utf-16be":
		// Declared UTF-16 but written as ASCII-compatible bytes: the
		// declaration is wrong, and UTF-8 the likely truth.
		return dropDecl(b), nil
	}
	// Any other encoding excelize's decoder knows.
	r, err := charsetReader()(string(enc), bytes.NewReader(b))
	if err != nil {
		return nil, EncodingError{part, string(enc)}
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, EncodingError{part, string(enc)}
	}
	return dropDecl(out), nil
}

// dropDecl removes an XML declaration.
func dropDecl(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("<?xml")) {
		if end := bytes.Index(b, []byte("?>")); end >= 0 {
			return b[end+2:]
		}
	}
	return b
}

func fromUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// fromSingleByte decodes ISO-8859-1, or Windows-1252 where high gives
// its characters for 0x80 to 0x9F.
func fromSingleByte(b []byte, high *[32]rune) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case c < 0xA0 && high != nil:
			out = utf8.AppendRune(out, high[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}

// cp1252 is Windows-1252 from 0x80 to 0x9F; the five bytes it leaves
// undefined keep their Latin-1 code points, as browsers do.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}
