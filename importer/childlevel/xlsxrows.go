package childlevel

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"path"
	"strconv"
	"strings"
)

// A list of 100,000 children must import in under 3 s, and excelize's
// row iterator, which decodes every cell through encoding/xml, takes
// several times that. book reads the little a list needs (sheet names,
// shared strings, the cells' raw values) with a byte scanner instead.
// It understands the worksheet XML that Excel, LibreOffice and excelize
// write; anything it does not understand is an error, and ReadAnnexA then
// reads the workbook with excelize.

// book is an open .xlsx package.
type book struct {
	zr     *zip.ReadCloser
	sheets []bookSheet
	shared []string
}

type bookSheet struct{ name, part string }

// errLayout is a worksheet the scanner does not understand.
var errLayout = errors.New("worksheet XML not understood by the fast reader")

func openBook(name string) (*book, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, err
	}
	b := &book{zr: zr}
	if err := b.readWorkbook(); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

func (b *book) Close() error { return b.zr.Close() }

func (b *book) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

func (b *book) part(name string) ([]byte, error) {
	for _, f := range b.zr.File {
		if strings.EqualFold(f.Name, name) {
			r, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer r.Close()
			return io.ReadAll(r)
		}
	}
	return nil, fmt.Errorf("%s: %w", name, errLayout)
}

// readWorkbook finds each sheet's name and worksheet part, and the shared
// strings.
func (b *book) readWorkbook() error {
	wb, err := b.part("xl/workbook.xml")
	if err != nil {
		return err
	}
	var w struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return fmt.Errorf("xl/workbook.xml: %w", err)
	}
	rels, err := b.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return err
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &r); err != nil {
		return fmt.Errorf("xl/_rels/workbook.xml.rels: %w", err)
	}
	targets := map[string]string{}
	for _, rel := range r.Rels {
		t := rel.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[rel.ID] = t
	}
	for _, s := range w.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				if t, ok := targets[a.Value]; ok {
					b.sheets = append(b.sheets, bookSheet{name: s.Name, part: t})
				}
			}
		}
	}
	if ss, err := b.part("xl/sharedStrings.xml"); err == nil {
		b.shared = sharedStrings(ss)
	}
	return nil
}

// sharedStrings reads the shared string table: each <si> is the text of
// its <t> elements, leaving out phonetic runs (<rPh>).
func sharedStrings(x []byte) []string {
	var out []string
	for {
		i := indexTag(x, "si")
		if i < 0 {
			return out
		}
		x = x[i:]
		end := indexEnd(x, "si")
		if end < 0 {
			return out
		}
		out = append(out, texts(x[:end]))
		x = x[end:]
	}
}

// texts joins the contents of the <t> elements in x, outside <rPh>.
func texts(x []byte) string {
	var sb strings.Builder
	for {
		i := indexTag(x, "t")
		if i < 0 {
			break
		}
		if p := indexTag(x, "rPh"); p >= 0 && p < i {
			e := indexEnd(x[p:], "rPh")
			if e < 0 {
				break
			}
			x = x[p+e:]
			continue
		}
		x = x[i:]
		gt := bytes.IndexByte(x, '>')
		if gt < 0 {
			break
		}
		if x[gt-1] == '/' { // <t/>
			x = x[gt+1:]
			continue
		}
		x = x[gt+1:]
		lt := bytes.IndexByte(x, '<')
		if lt < 0 {
			break
		}
		sb.WriteString(unescape(x[:lt]))
		x = x[lt:]
	}
	return sb.String()
}

// indexTag finds the start of the next element named name (with or
// without a namespace prefix), such as <t>, <t xml:space="preserve"> or
// <x:t>.
func indexTag(x []byte, name string) int {
	off := 0
	for {
		i := bytes.IndexByte(x[off:], '<')
		if i < 0 {
			return -1
		}
		i += off
		if string(tagName(x[i+1:])) == name {
			return i
		}
		off = i + 1
	}
}

// indexEnd returns the offset just past the end tag </name> in x.
func indexEnd(x []byte, name string) int {
	off := 0
	for {
		i := bytes.Index(x[off:], []byte("</"))
		if i < 0 {
			return -1
		}
		i += off
		if string(tagName(x[i+2:])) == name {
			gt := bytes.IndexByte(x[i:], '>')
			if gt < 0 {
				return -1
			}
			return i + gt + 1
		}
		off = i + 2
	}
}

// tagName reads the local name at the start of x (after "<" or "</").
func tagName(x []byte) []byte {
	end := 0
	for end < len(x) && x[end] != ' ' && x[end] != '>' && x[end] != '/' && x[end] != '\t' && x[end] != '\n' && x[end] != '\r' {
		end++
	}
	n := x[:end]
	if c := bytes.IndexByte(n, ':'); c >= 0 {
		n = n[c+1:]
	}
	return n
}

func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return html.UnescapeString(string(b))
}

// rows calls fn with each row of the sheet, numbered from 1 as Excel
// numbers them, its cells' raw values placed by column; fn returns false
// to stop. Empty rows may be skipped, as the file leaves them out.
func (b *book) rows(sheet string, fn func(n int, cells []string) bool) error {
	part := ""
	for _, s := range b.sheets {
		if s.name == sheet {
			part = s.part
		}
	}
	if part == "" {
		return fmt.Errorf("sheet %q: %w", sheet, errLayout)
	}
	x, err := b.part(part)
	if err != nil {
		return err
	}
	return b.scan(part, x, fn)
}

// scan reads the rows of worksheet XML x (the part named part).
func (b *book) scan(part string, x []byte, fn func(n int, cells []string) bool) error {
	var err error
	i := indexTag(x, "sheetData")
	if i < 0 {
		return fmt.Errorf("%s has no sheetData: %w", part, errLayout)
	}
	x = x[i:]
	var cells []string
	n := 0
	for {
		i := bytes.IndexByte(x, '<')
		if i < 0 {
			return nil
		}
		x = x[i+1:]
		closing := len(x) > 0 && x[0] == '/'
		name := tagName(x[boolInt(closing):])
		gt := bytes.IndexByte(x, '>')
		if gt < 0 {
			return fmt.Errorf("%s: unterminated tag: %w", part, errLayout)
		}
		tag := x[:gt]
		selfClosing := gt > 0 && x[gt-1] == '/'
		x = x[gt+1:]
		switch {
		case closing && string(name) == "sheetData":
			return nil
		case closing && string(name) == "row":
			if !fn(n, cells) {
				return nil
			}
		case string(name) == "row":
			if r, ok := attr(tag, "r"); ok {
				if n, err = strconv.Atoi(r); err != nil {
					return fmt.Errorf("%s: row number %q: %w", part, r, errLayout)
				}
			} else {
				n++
			}
			cells = cells[:0]
			if selfClosing && !fn(n, cells) {
				return nil
			}
		case string(name) == "c" && !closing:
			col := len(cells)
			if ref, ok := attr(tag, "r"); ok {
				if col, err = columnIndex(ref); err != nil {
					return fmt.Errorf("%s: cell %q: %w", part, ref, errLayout)
				}
			}
			for len(cells) <= col {
				cells = append(cells, "")
			}
			if selfClosing {
				continue
			}
			end := indexEnd(x, "c")
			if end < 0 {
				return fmt.Errorf("%s: unterminated cell: %w", part, errLayout)
			}
			typ, _ := attr(tag, "t")
			v, err := b.value(x[:end], typ)
			if err != nil {
				return fmt.Errorf("%s: cell %d of row %d: %w", part, col+1, n, err)
			}
			cells[col] = v
			x = x[end:]
		}
	}
}

// value is a cell's raw value: numbers and dates as written (a date is an
// Excel serial), strings looked up or read inline.
func (b *book) value(x []byte, typ string) (string, error) {
	if typ == "inlineStr" {
		return texts(x), nil
	}
	i := indexTag(x, "v")
	if i < 0 {
		return "", nil
	}
	x = x[i:]
	gt := bytes.IndexByte(x, '>')
	if gt < 0 || x[gt-1] == '/' {
		return "", nil
	}
	x = x[gt+1:]
	lt := bytes.IndexByte(x, '<')
	if lt < 0 {
		return "", errLayout
	}
	v := unescape(x[:lt])
	if typ == "s" {
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 || k >= len(b.shared) {
			return "", fmt.Errorf("shared string %q: %w", v, errLayout)
		}
		return b.shared[k], nil
	}
	return v, nil
}

// attr returns the value of attribute name in a start tag's text.
func attr(tag []byte, name string) (string, bool) {
	for off := 0; ; {
		i := bytes.Index(tag[off:], []byte(name+"="))
		if i < 0 {
			return "", false
		}
		i += off
		if i > 0 && tag[i-1] != ' ' && tag[i-1] != '\t' && tag[i-1] != '\n' && tag[i-1] != '\r' {
			off = i + 1
			continue
		}
		rest := tag[i+len(name)+1:]
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		q := rest[0]
		end := bytes.IndexByte(rest[1:], q)
		if end < 0 {
			return "", false
		}
		return string(rest[1 : end+1]), true
	}
}

// columnIndex reads the column of a cell reference: "A5" is 0, "AB12" 27.
func columnIndex(ref string) (int, error) {
	col := 0
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && col <= 16384 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || col > 16384 {
		return 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	return col - 1, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
