package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// workbook is an open .xlsx or .xlsm, read straight from its zip: the
// sheet list, shared strings and cell formats up front, each sheet's cells
// on demand. Reading the parts directly, with a byte scanner for the
// sheet data, is several times faster than decoding them with
// encoding/xml (what excelize does for styles and merged cells), and
// gives each cell's style index alongside its text in one pass.
type workbook struct {
	zr      *zip.ReadCloser
	parts   map[string]*zip.File // by lower-cased name
	sheets  []sheetPart
	strings []string
	looks   []look // by style index
	// category is the Category document property, which marks the app's
	// own export.
	category string
	limit    int64
	pending  map[string]*pending // sheets read or being read
	wg       sync.WaitGroup      // the background readers
}

type sheetPart struct {
	name, path string
}

// errTooBig is a workbook whose parts unpack beyond the limit.
type errTooBig struct{ limit int64 }

func (e errTooBig) Error() string {
	return fmt.Sprintf("refused: it would unpack to more than %d MB (a zip bomb or a giant sheet); split the workbook or remove unused sheets", e.limit>>20)
}

var errNotWorkbook = errors.New("not a valid Excel workbook (the file is damaged, or not really .xlsx)")

// openWorkbook opens a workbook, refusing one whose parts would unpack
// to more than limit bytes in all. The sizes the zip declares are checked
// first and the bytes actually inflated as each part is read, so a zip
// that lies about its sizes is caught too.
func openWorkbook(name string, limit int64) (*workbook, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "zip") {
			if isEncrypted(name) {
				return nil, errors.New("is password-protected: remove the password in Excel and import again")
			}
			return nil, errNotWorkbook
		}
		return nil, unwrapPathError(err)
	}
	w := &workbook{zr: zr, parts: map[string]*zip.File{}, limit: limit}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) {
			zr.Close()
			return nil, errTooBig{limit}
		}
		w.parts[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	if err := w.readStructure(); err != nil {
		zr.Close()
		return nil, err
	}
	return w, nil
}

// isEncrypted reports whether a file is an OLE compound document, which
// is how Excel saves a password-protected .xlsx.
func isEncrypted(name string) bool {
	b, err := readHead(name, 8)
	return err == nil && bytes.Equal(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

// Close waits for any sheets still being read and closes the file.
func (w *workbook) Close() error {
	w.wg.Wait()
	return w.zr.Close()
}

// readHead reads the first n bytes of a file.
func readHead(name string, n int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	m, err := io.ReadFull(f, b)
	return b[:m], err
}

// part reads a part of the package by name, within the size limit.
func (w *workbook) part(name string) ([]byte, error) { return w.partInto(nil, name) }

// partInto reads a part into buf, reusing its memory: a sheet's XML is
// garbage once scanned, so one buffer serves every sheet a reader scans.
func (w *workbook) partInto(buf []byte, name string) ([]byte, error) {
	f, ok := w.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errNotWorkbook
	}
	defer rc.Close()
	if size := int64(f.UncompressedSize64); size <= w.limit && int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	b := bytes.NewBuffer(buf[:0])
	if _, err := b.ReadFrom(io.LimitReader(rc, w.limit+1)); err != nil {
		return nil, errNotWorkbook
	}
	if int64(b.Len()) > w.limit {
		return nil, errTooBig{w.limit}
	}
	return b.Bytes(), nil
}

// readStructure reads the sheet list, shared strings and styles.
func (w *workbook) readStructure() error {
	wbXML, err := w.part("xl/workbook.xml")
	if err != nil {
		return err
	}
	if wbXML == nil {
		return errNotWorkbook
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wbXML, &wb); err != nil {
		return errNotWorkbook
	}
	relsXML, err := w.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if relsXML != nil {
		if err := xml.Unmarshal(relsXML, &rels); err != nil {
			return errNotWorkbook
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		if p, ok := targets[s.RID]; ok {
			w.sheets = append(w.sheets, sheetPart{name: s.Name, path: p})
		}
	}
	sst, err := w.part("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	if w.strings, err = sharedStrings(sst); err != nil {
		return err
	}
	st, err := w.part("xl/styles.xml")
	if err != nil {
		return err
	}
	w.looks = readStyles(st)
	core, err := w.part("docProps/core.xml")
	if err != nil {
		return err
	}
	w.category = docCategory(core)
	return nil
}

// sheetNames lists the sheets in workbook order.
func (w *workbook) sheetNames() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// headBytes is how much of a sheet's XML is inflated to see its first
// rows for format detection: a title block and header take a few rows,
// and a row of a wide scorecard about two kilobytes.
const headBytes = 32 << 10

// head reads a sheet's first rows (at most maxRows) from the start of
// its XML, without inflating the rest. It reports whether the rows are
// all there are up to maxRows; when not, detection that fails on them
// must look at the whole sheet.
func (w *workbook) head(ctx context.Context, name string, maxRows int) (g *grid, complete bool, err error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	p, ok := w.sheetPath(name)
	if !ok {
		return nil, false, fmt.Errorf("no sheet %q", name)
	}
	f, ok := w.parts[strings.ToLower(p)]
	if !ok {
		return &grid{}, true, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false, errNotWorkbook
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, headBytes))
	if err != nil {
		return nil, false, errNotWorkbook
	}
	g, err = scanSheet(ctx, data, w.strings, maxRows)
	if err != nil {
		return nil, false, err
	}
	g.looks = w.looks
	return g, len(g.rows) >= maxRows || uint64(len(data)) >= f.UncompressedSize64, nil
}

func (w *workbook) sheetPath(name string) (string, bool) {
	for _, s := range w.sheets {
		if s.name == name {
			return s.path, true
		}
	}
	return "", false
}

// sheetSize is the uncompressed size of a sheet's XML.
func (w *workbook) sheetSize(name string) int64 {
	p, _ := w.sheetPath(name)
	if f, ok := w.parts[strings.ToLower(p)]; ok {
		return int64(f.UncompressedSize64)
	}
	return 0
}

// pending is a sheet being read in the background.
type pending struct {
	done chan struct{}
	g    *grid
	err  error
}

// startReading reads the named sheets in the background, in order, as
// many at once as there are processors, so that the importer can work on
// the first sheet while the others are inflated and scanned.
func (w *workbook) startReading(ctx context.Context, names []string) {
	if w.pending == nil {
		w.pending = map[string]*pending{}
	}
	type job struct {
		name string
		p    *pending
	}
	queue := make(chan job, len(names))
	for _, name := range names {
		if _, ok := w.pending[name]; ok {
			continue
		}
		p := &pending{done: make(chan struct{})}
		w.pending[name] = p
		queue <- job{name, p}
	}
	close(queue)
	for range min(runtime.GOMAXPROCS(0), len(queue)) {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			var buf []byte
			for j := range queue {
				if j.p.err = ctx.Err(); j.p.err == nil {
					j.p.g, buf, j.p.err = w.scan(ctx, j.name, buf)
				}
				close(j.p.done)
			}
		}()
	}
}

// readSheet returns a sheet's cells with each cell's style index and
// the sheet's merged ranges, waiting for it if it is being read in the
// background, reading it now otherwise.
func (w *workbook) readSheet(ctx context.Context, name string) (*grid, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, ok := w.pending[name]
	if !ok {
		w.startReading(ctx, []string{name})
		p = w.pending[name]
	}
	select {
	case <-p.done:
		return p.g, p.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// scan reads one sheet's part into buf and scans it, returning the
// buffer for the next sheet.
func (w *workbook) scan(ctx context.Context, name string, buf []byte) (*grid, []byte, error) {
	p, ok := w.sheetPath(name)
	if !ok {
		return nil, buf, fmt.Errorf("no sheet %q", name)
	}
	data, err := w.partInto(buf, p)
	if err != nil {
		return nil, buf, err
	}
	g, err := scanSheet(ctx, data, w.strings, 0)
	if err != nil {
		return nil, data, err
	}
	g.looks = w.looks
	return g, data, nil
}

// sharedStrings reads the shared string table: each <si>'s text, the
// runs of rich text joined, phonetic guides (<rPh>) left out.
func sharedStrings(data []byte) ([]string, error) {
	var out []string
	for {
		i := bytes.Index(data, []byte("<si"))
		if i < 0 {
			return out, nil
		}
		data = data[i+3:]
		if len(data) > 0 && data[0] != '>' && data[0] != ' ' && data[0] != '/' {
			continue
		}
		end := bytes.Index(data, []byte("</si>"))
		var si []byte
		if bytes.HasPrefix(data, []byte("/>")) {
			si, data = nil, data[2:]
		} else if end < 0 {
			return nil, errNotWorkbook
		} else {
			si, data = data[:end], data[end+5:]
		}
		out = append(out, textRuns(si, ""))
	}
}

// textRuns joins the <t> elements of a string item, skipping phonetic
// runs.
func textRuns(si []byte, prefix string) string {
	if rph := bytes.Index(si, []byte("<"+prefix+"rPh")); rph >= 0 {
		si = si[:rph]
	}
	open, closing := []byte("<"+prefix+"t"), []byte("</"+prefix+"t>")
	var sb strings.Builder
	for {
		i := bytes.Index(si, open)
		if i < 0 {
			break
		}
		si = si[i+len(open):]
		if len(si) == 0 || (si[0] != '>' && si[0] != ' ' && si[0] != '/') {
			continue
		}
		gt := bytes.IndexByte(si, '>')
		if gt < 0 {
			break
		}
		if gt > 0 && si[gt-1] == '/' {
			si = si[gt+1:]
			continue
		}
		si = si[gt+1:]
		end := bytes.Index(si, closing)
		if end < 0 {
			break
		}
		sb.WriteString(unescape(si[:end]))
		si = si[end+len(closing):]
	}
	return sb.String()
}

// readStyles reads what each cell format (cellXfs) says about a figure:
// number format, italic and Wingdings fonts, and the fill colour.
func readStyles(data []byte) []look {
	if data == nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			Italic *struct {
				Val string `xml:"val,attr"`
			} `xml:"i"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"fonts>font"`
		Fills []struct {
			Pattern struct {
				Type string `xml:"patternType,attr"`
				Fg   struct {
					RGB string `xml:"rgb,attr"`
				} `xml:"fgColor"`
			} `xml:"patternFill"`
		} `xml:"fills>fill"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
			Font   int `xml:"fontId,attr"`
			Fill   int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(data, &st); err != nil {
		return nil
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	looks := make([]look, len(st.Xfs))
	for i, xf := range st.Xfs {
		lk := look{decimals: -1}
		if xf.Font >= 0 && xf.Font < len(st.Fonts) {
			f := st.Fonts[xf.Font]
			lk.italic = f.Italic != nil && f.Italic.Val != "0" && f.Italic.Val != "false"
			lk.wingdings = strings.HasPrefix(strings.ToLower(f.Name.Val), "wingdings")
		}
		if xf.Fill >= 0 && xf.Fill < len(st.Fills) {
			p := st.Fills[xf.Fill].Pattern
			if p.Type != "" && p.Type != "none" && p.Fg.RGB != "" {
				lk.fill = strings.ToUpper(p.Fg.RGB)
			}
		}
		if code, ok := codes[xf.NumFmt]; ok {
			lk.percent, lk.decimals = formatDecimals(code)
		} else {
			lk.percent, lk.decimals = builtinFormat(xf.NumFmt)
		}
		looks[i] = lk
	}
	return looks
}

// builtinFormat describes Excel's built-in number formats by id.
func builtinFormat(id int) (percent bool, decimals int) {
	switch id {
	case 1, 3, 37, 38:
		return false, 0
	case 2, 4, 39, 40:
		return false, 2
	case 9:
		return true, 0
	case 10:
		return true, 2
	}
	return false, -1
}

// scanSheet reads a worksheet's XML: each cell's text (shared strings
// looked up, numbers and formula results as written, errors as their
// text) and style index, rows padded so that row i of the grid is sheet
// row i+1, and the merged ranges.
func scanSheet(ctx context.Context, data []byte, sst []string, maxRows int) (*grid, error) {
	sc := sheetScanner{g: &grid{}, sst: sst}
	sc.setPrefix("")
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
			sc.flush(row)
			r := row + 1
			if v, ok := attr(attrs, "r"); ok {
				n, err := strconv.Atoi(string(v))
				if err != nil || n < 1 || n > 1<<20 {
					return nil, errors.New("a row number is out of range (the sheet is damaged)")
				}
				r = n - 1
			}
			if r <= row {
				r = row + 1
			}
			if maxRows > 0 && r >= maxRows {
				break scan
			}
			for len(g.rows) <= r {
				if sc.cells++; sc.cells > maxCells {
					return nil, errGiantSheet
				}
				g.rows = append(g.rows, nil)
				g.style = append(g.style, nil)
			}
			// Rows of a sheet are mostly as wide as the one before.
			if n := min(len(g.rows[max(r-1, 0)]), 256); r > 0 && n > 0 && g.rows[r] == nil {
				g.rows[r] = make([]string, 0, n)
				g.style[r] = make([]int32, 0, n)
			}
			if len(g.rows)%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
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
				n, ok := columnOf(ref)
				if !ok {
					return nil, fmt.Errorf("cell reference %q is not valid (the sheet is damaged)", ref)
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
					return nil, errors.New("a cell is not closed (the sheet is damaged)")
				}
				inner = data[pos : pos+end]
				pos += end + len(sc.closeC)
			}
			if err := sc.cell(row, c, inner, typ, style); err != nil {
				return nil, err
			}
		case "col":
			// <col min="3" max="5" hidden="1"/>: columns hidden from view.
			if v, ok := attr(attrs, "hidden"); ok && (string(v) == "1" || string(v) == "true") {
				lo, err1 := attrInt(attrs, "min")
				hi, err2 := attrInt(attrs, "max")
				if err1 == nil && err2 == nil && lo >= 1 && hi >= lo && hi <= 16384 {
					for c := lo - 1; c < hi; c++ {
						for len(g.hidden) <= c {
							g.hidden = append(g.hidden, false)
						}
						g.hidden[c] = true
					}
				}
			}
		case "mergeCell":
			if v, ok := attr(attrs, "ref"); ok {
				if m, ok := parseRange(string(v)); ok {
					g.merged = append(g.merged, m)
				}
			}
		}
	}
	sc.flush(row)
	// A row may end in styled blanks; trim them so that row lengths, like
	// excelize's, end at the last cell with text.
	for r := range g.rows {
		n := len(g.rows[r])
		for n > 0 && g.rows[r][n-1] == "" {
			n--
		}
		g.rows[r] = g.rows[r][:n]
		g.style[r] = g.style[r][:n]
	}
	return g, nil
}

// sheetScanner holds scanSheet's state between cells. Numbers, most of
// a sheet, are gathered a row at a time into one buffer and made into
// strings together: one allocation per row rather than one per cell.
type sheetScanner struct {
	g       *grid
	sst     []string
	cells   int
	prefix  string
	closeC  []byte // "</c>", with the sheet's namespace prefix
	openV   []byte
	closeV  []byte
	buf     []byte
	pending []pendingText
}

// pendingText is a number in buf waiting to be made a string: the cell at
// column col of the current row, bytes buf[from:to].
type pendingText struct{ col, from, to int }

func (sc *sheetScanner) setPrefix(prefix string) {
	sc.prefix = prefix
	sc.closeC = []byte("</" + prefix + "c>")
	sc.openV = []byte("<" + prefix + "v")
	sc.closeV = []byte("</" + prefix + "v>")
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
			text = cellText(inner, v, typ, sc.prefix, sc.sst)
		}
	}
	if text == "" && !deferred && style == 0 {
		return nil
	}
	if sc.cells += c - len(g.rows[row]) + 1; sc.cells > maxCells {
		return errGiantSheet
	}
	for len(g.rows[row]) < c {
		g.rows[row] = append(g.rows[row], "")
		g.style[row] = append(g.style[row], 0)
	}
	g.rows[row] = append(g.rows[row], text)
	g.style[row] = append(g.style[row], int32(style))
	return nil
}

// flush makes the current row's numbers strings.
func (sc *sheetScanner) flush(row int) {
	if len(sc.pending) == 0 {
		return
	}
	all := string(sc.buf)
	for _, p := range sc.pending {
		sc.g.rows[row][p.col] = all[p.from:p.to]
	}
	sc.buf, sc.pending = sc.buf[:0], sc.pending[:0]
}

// cellText returns the text of a shared-string, inline-string or boolean
// cell, given the XML between <c ...> and </c> and its <v> content.
func cellText(inner, v, typ []byte, prefix string, sst []string) string {
	switch string(typ) {
	case "inlineStr":
		return textRuns(inner, prefix)
	case "s":
		n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || n < 0 || n >= len(sst) {
			return ""
		}
		return sst[n]
	case "b":
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
	n := bytes.IndexAny(tag, " \t\r\n")
	if n < 0 {
		n = len(tag)
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

// columnOf returns the 0-based column of a cell reference such as
// "AB12".
func columnOf(ref []byte) (int, bool) {
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

// cellRange is a merged range, 0-based and inclusive.
type cellRange struct{ r0, c0, r1, c1 int }

// parseRange reads "A1:AL1".
func parseRange(s string) (cellRange, bool) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		b = a
	}
	r0, c0, ok1 := parseCell(a)
	r1, c1, ok2 := parseCell(b)
	if !ok1 || !ok2 || r1 < r0 || c1 < c0 {
		return cellRange{}, false
	}
	return cellRange{r0, c0, r1, c1}, true
}

// parseCell reads "AB12" as 0-based row and column.
func parseCell(s string) (r, c int, ok bool) {
	c, ok = columnOf([]byte(s))
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

// columnName writes a 0-based column as letters: 0 is "A", 27 is "AB".
func columnName(c int) string { return string(appendColumn(nil, c)) }

// appendColumn appends a 0-based column's letters to b.
func appendColumn(b []byte, c int) []byte {
	var letters [4]byte
	i := len(letters)
	for n := c + 1; n > 0 && i > 0; n = (n - 1) / 26 {
		i--
		letters[i] = byte('A' + (n-1)%26)
	}
	return append(b, letters[i:]...)
}
