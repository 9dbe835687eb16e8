package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// The Data sheet holds a row for every figure exported: over 100,000 for
// five years of a county and its districts, some 26 MB of XML. Written
// through the library's stream writer, that XML was held in memory (up
// to 16 MB, the rest in a temporary file) until the workbook was saved,
// and the workbook itself, zipped, then buffered again. The rows are
// instead encoded as the sheet is compressed into the workbook's zip: the
// stream writer writes the sheet's settings and head rows, with a
// placeholder row where the figures go, and the zip writer (dataZip)
// writes the figures' rows in its place. They are encoded exactly as the
// stream writer encodes rows (TestDataRowsAsStreamed holds the two to the
// same bytes), so the workbook is the one the stream writer would write.

// dataRows are the Data sheet's rows from the placeholder on.
type dataRows struct {
	// placeholder is the placeholder row as the stream writer writes it.
	placeholder []byte
	write       func(w *rowWriter) error
	written     bool
}

// newPlaceholder returns a text no sheet can hold by chance, for the
// placeholder row's one cell.
func newPlaceholder() (string, error) {
	var nonce [16]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return "", fmt.Errorf("placeholder for the Data sheet's rows: %w", err)
	}
	return "scorecard-data-rows-" + hex.EncodeToString(nonce[:]), nil
}

// dataZip is the workbook's zip writer (see fastZip) writing the Data
// sheet's rows in place of their placeholder, and the content types part
// sorted (see typesWriter).
type dataZip struct {
	*zip.Writer
	rows  *dataRows
	open  *splicer     // the worksheet part being written, if any
	types *typesWriter // the content types part being written, if any
	// held are streamed sheets' parts to write after the Data sheet's
	// part, dataPart (see sheetbuf.go); current the part being written.
	held              []*heldPart
	dataPart, current string
	dataDone          bool
	// parts is the temporary file the held parts are held in, made for
	// the first.
	parts tempFile
}

// zipWriter is the zip writer the workbook is saved with. The library
// passes it a buffer to hold the whole workbook until it is written out
// (for the large export, 3 MB, grown by doubling); while the workbook is
// being saved (b.out is set) the zip goes to the file instead, and the
// buffer is left empty.
func (b *book) zipWriter(w io.Writer) excelize.ZipWriter {
	if b.out != nil {
		w = b.out
	}
	return &dataZip{Writer: fastZip(w).(*zip.Writer), rows: b.data, held: b.held, dataPart: b.dataPart}
}

func (z *dataZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	z.current = name
	for _, h := range z.held {
		if name == h.name {
			if h.closed {
				return nil, fmt.Errorf("%s written twice", name)
			}
			return h, z.hold(h)
		}
	}
	w, err := z.Writer.Create(name)
	if err == nil && name == contentTypesPart {
		z.types = &typesWriter{w: w}
		return z.types, nil
	}
	if err != nil || z.rows == nil || z.rows.written || !strings.HasPrefix(name, "xl/worksheets/") {
		return w, err
	}
	z.open = &splicer{w: w, rows: z.rows}
	return z.open, nil
}

func (z *dataZip) Close() error {
	defer z.parts.close()
	err := z.finish()
	for _, h := range z.held {
		if err == nil && !h.done {
			err = fmt.Errorf("%s was not written", h.name)
		}
	}
	return errors.Join(err, z.Writer.Close())
}

// hold has h, as the library writes it, held at the end of the held
// parts' file.
func (z *dataZip) hold(h *heldPart) error {
	if z.parts.f == nil {
		t, err := newTempFile()
		if err != nil {
			return fmt.Errorf("a temporary file for the sheets: %w", err)
		}
		z.parts = t
	}
	off, err := z.parts.f.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	h.in, h.off, h.n = z.parts.f, off, 0
	return nil
}

// finish writes what the part last created holds back, and the held
// parts once they and the Data sheet's part are written.
func (z *dataZip) finish() error {
	if err := z.finishPart(); err != nil {
		return err
	}
	closed := true
	for _, h := range z.held {
		if z.current == h.name {
			h.closed = true
		}
		closed = closed && h.closed
	}
	if z.current != "" && z.current == z.dataPart {
		z.dataDone = true
	}
	z.current = ""
	if !closed || !z.dataDone && z.dataPart != "" {
		return nil
	}
	// Every held part is written, in the sheets' order, once the library
	// has written them all and the Data sheet's.
	for _, h := range z.held {
		if !h.done {
			if err := h.write(z.Writer); err != nil {
				return err
			}
		}
	}
	return nil
}

// finishPart writes what the part last created holds back.
func (z *dataZip) finishPart() error {
	if t := z.types; t != nil {
		z.types = nil
		return t.finish()
	}
	if z.open == nil {
		return nil
	}
	s := z.open
	z.open = nil
	_, err := s.w.Write(s.held)
	return err
}

// splicer passes a worksheet part through to the zip, writing the Data
// sheet's rows in place of their placeholder row if it finds it.
type splicer struct {
	w    io.Writer
	rows *dataRows
	// held is the end of what was written so far that may begin the
	// placeholder, held back until the next write tells.
	held []byte
}

func (s *splicer) Write(p []byte) (int, error) {
	if s.rows.written {
		return s.w.Write(p)
	}
	buf := p
	if len(s.held) > 0 {
		buf = append(s.held, p...)
		s.held = nil
	}
	mark := s.rows.placeholder
	if i := bytes.Index(buf, mark); i >= 0 {
		if _, err := s.w.Write(buf[:i]); err != nil {
			return 0, err
		}
		rw := newRowWriter(s.w)
		if err := s.rows.write(rw); err != nil {
			return 0, err
		}
		if err := rw.Flush(); err != nil {
			return 0, err
		}
		s.rows.written = true
		if _, err := s.w.Write(buf[i+len(mark):]); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	keep := 0
	for k := min(len(mark)-1, len(buf)); k > 0; k-- {
		if bytes.HasPrefix(mark, buf[len(buf)-k:]) {
			keep = k
			break
		}
	}
	if _, err := s.w.Write(buf[:len(buf)-keep]); err != nil {
		return 0, err
	}
	s.held = append([]byte(nil), buf[len(buf)-keep:]...)
	return len(p), nil
}

// rowWriter encodes rows of text and number cells as the library's stream
// writer does (StreamWriter.SetRow without a style).
type rowWriter struct {
	*bufio.Writer
	texts   map[string]string     // each text's encoding: a sheet's texts repeat
	periods map[app.Period]string // each period's text, as texts
	num     []byte
	r       []byte // the number of the row being written
}

func newRowWriter(w io.Writer) *rowWriter {
	return &rowWriter{Writer: bufio.NewWriterSize(w, 64<<10), texts: map[string]string{}, periods: map[app.Period]string{}}
}

// dataCols are the Data sheet's column names.
var dataCols = func() []string {
	cs := make([]string, len(DataHeader))
	for i := range cs {
		cs[i] = colName(i + 1)
	}
	return cs
}()

// row writes row r of cells from column A: each a string, a float64 or
// nil for none.
func (w *rowWriter) row(r int, vals []any) {
	w.startRow(r)
	for i, v := range vals {
		switch v := v.(type) {
		case nil:
		case float64:
			w.number(i, v)
		case string:
			w.textCell(i, v)
		default:
			panic(fmt.Sprintf("export: a Data cell of type %T", v))
		}
	}
	w.WriteString(`</row>`)
}

// dataRow writes o as the Data sheet's row r, its Cohort column saying
// label: the cells row writes of the figure's texts and numbers,
// written without making any, as it is every figure's row.
func (w *rowWriter) dataRow(r int, o app.Observation, label string) {
	w.startRow(r)
	w.textCell(0, o.Ref)
	period, ok := w.periods[o.Period]
	if !ok {
		period = o.Period.String()
		w.periods[o.Period] = period
	}
	w.textCell(1, period)
	w.textCell(2, string(o.Area))
	w.textCell(3, label)
	for i, v := range [...]*float64{o.Numerator, o.Denominator, o.Value} {
		if v != nil {
			w.number(4+i, *v)
		}
	}
	// A figure with no status code leaves its Status cell out: an
	// empty string would be written as a cell of empty text.
	switch {
	case o.Status != app.OK:
		w.textCell(7, o.Status.String())
	case o.StandIn:
		w.textCell(7, app.StandInMark)
	}
	w.WriteString(`</row>`)
}

// startRow begins row r.
func (w *rowWriter) startRow(r int) {
	w.r = strconv.AppendInt(w.r[:0], int64(r), 10)
	w.WriteString(`<row r="`)
	w.Write(w.r)
	w.WriteString(`">`)
}

// cellRef begins the cell of column col (from 0) of the row begun.
func (w *rowWriter) cellRef(col int) {
	w.WriteString(`<c r="`)
	w.WriteString(dataCols[col])
	w.Write(w.r)
}

// textCell writes a text cell in column col (from 0) of the row begun.
func (w *rowWriter) textCell(col int, s string) {
	w.cellRef(col)
	w.text(s)
}

// number writes a number cell in column col (from 0) of the row begun;
// one that is not a number Excel holds, as text.
func (w *rowWriter) number(col int, v float64) {
	w.cellRef(col)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.text(fmt.Sprint(v))
		return
	}
	w.WriteString(`"><v>`)
	w.num = appendCellFloat(w.num[:0], v)
	w.Write(w.num)
	w.WriteString(`</v></c>`)
}

// text ends a text cell begun with its reference.
func (w *rowWriter) text(s string) {
	enc, ok := w.texts[s]
	if !ok {
		enc = inlineText(s)
		w.texts[s] = enc
	}
	w.WriteString(`" t="inlineStr">`)
	w.WriteString(enc)
	w.WriteString(`</c>`)
}

// inlineText is a text cell's content as the library encodes it: at most
// excelize.TotalCellChars UTF-16 units, escaped, its spaces preserved
// where it begins or ends with one, and any text that reads as an escaped
// character itself escaped (bstrMarshal).
func inlineText(s string) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
			s = s[:i]
			break
		}
	}
	open := `<is><t>`
	if s != "" {
		for _, c := range []byte{'\t', '\n', '\r', ' '} {
			if s[0] == c || s[len(s)-1] == c {
				open = `<is><t xml:space="preserve">`
				break
			}
		}
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		s = strings.ReplaceAll(b.String(), "&#xA;", "\n")
	}
	return open + bstrMarshal(s) + `</t></is>`
}

// appendCellFloat appends v as the library writes a number: Go's shortest
// decimal, cut to Excel's 15 significant digits (the library's
// formatCellFloat).
func appendCellFloat(dst []byte, v float64) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return dst
	}
	str := dst[start:]
	const maxPrec = 15
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(dst[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		dst = dst[:start+decimal]
		for ; idx < decimal; idx++ {
			dst[start+idx] = '0'
		}
		return dst
	}
	return dst
}

var (
	bstrExp = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	})
	bstrEscapeExp = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`x[a-fA-F\d]{4}_`)
	})
)

// bstrMarshal escapes text that would read as an escaped character
// (_xHHHH_), as the library does; it is the library's own function
// (excelize lib.go, BSD-3-Clause, the excelize Authors), kept to the
// letter so that the Data sheet's texts are the bytes it would write.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp().FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp().MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp().MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}
