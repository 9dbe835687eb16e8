package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/xuri/excelize/v2"
)

// The Trend sheet of a large export holds some 14,000 cells: a row of
// figures per indicator and a chart's figures per flagged one. Held by the
// library as a sheet in memory they took 7 MB of the export's peak
// memory. Its cells, and the Scorecard and Districts sheets', are instead
// held compactly while the sheet is laid out (a sheetBuffer: the sheets'
// helpers, book.set and the rest, write into it) and written through the
// library's stream writer once it is done. The Scorecard sheet, held by
// the library to the end, took some 0.8 MB of the large export's peak;
// the empty text it writes to give a cell its look is held as a blank
// cell of that look (book.set), as the library writes it from memory.
//
// The stream writer holds a sheet's XML in memory until the workbook is
// saved (the Trend sheet's is some 0.6 MB, in a buffer grown by doubling
// to 1 MB). Written as each sheet was laid out, that XML sat beside the
// figures and their analysis, kept to lay the later sheets out, at the
// large export's peak memory. So each sheet is held in its buffer once
// laid out (streamLater) and streamed when every sheet is laid out and
// the figures are let go (streamLaidOut), in the order laid out.
//
// The stream writer leaves out a sheet's extension list, where the Trend
// sheet's sparklines are, and the library writes streamed sheets' parts
// in no set order. So the zip writer (dataZip) holds these sheets' parts
// as they are written, puts the extension list the library writes for
// the same sparklines (sparklineExt) before the Trend sheet's end, and
// writes them, in the sheets' order, after the Data sheet's part: the
// workbook is the same every time. They are held in a temporary file, not
// in memory, where they were a second copy of the library's (some 0.9 MB
// for the large export) at its peak memory.

// streamSheets has the Scorecard, Trend and Districts sheets written
// through the stream writer. A test holds them to the sheets the library
// writes from memory.
var streamSheets = true

// sheetBuffer holds the cells of a sheet being laid out.
type sheetBuffer struct {
	rows   map[int]*bufRow
	merges [][2]string
	// ext is the extension list to put before the sheet's end (see
	// heldPart), once the sheet is laid out.
	ext []byte
}

type bufRow struct {
	height float64
	cells  []bufCell // by column, from 1
}

type bufCell struct {
	style int
	value any // a string, a number, or nil for none
}

func newSheetBuffer() *sheetBuffer { return &sheetBuffer{rows: map[int]*bufRow{}} }

// cell returns the cell at col and row, making it.
func (s *sheetBuffer) cell(col, row int) *bufCell {
	r := s.rows[row]
	if r == nil {
		r = &bufRow{}
		s.rows[row] = r
	}
	if len(r.cells) < col {
		r.cells = slices.Grow(r.cells, col-len(r.cells))[:col]
	}
	return &r.cells[col-1]
}

// usedRange is usedRange of the sheet the buffer holds.
func (s *sheetBuffer) usedRange() (string, error) {
	lastCol, lastRow := 1, 1
	for r, row := range s.rows {
		for c := len(row.cells); c > 0; c-- {
			if v := row.cells[c-1].value; v != nil && v != "" {
				lastCol, lastRow = max(lastCol, c), max(lastRow, r)
				break
			}
		}
	}
	for _, m := range s.merges {
		c, r, err := excelize.CellNameToCoordinates(m[1])
		if err != nil {
			return "", err
		}
		lastCol, lastRow = max(lastCol, c), max(lastRow, r)
	}
	if lastCol == 1 && lastRow == 1 {
		return "A1", nil
	}
	return "A1:" + cell(lastCol, lastRow), nil
}

// buffer has the sheet's cells held until streamSheet writes them.
func (b *book) buffer(sheet string) {
	if b.buffers == nil {
		b.buffers = map[string]*sheetBuffer{}
	}
	b.buffers[sheet] = newSheetBuffer()
}

// streamLater has the cells held for sheet, laid out, streamed with the
// extension list ext by streamLaidOut.
func (b *book) streamLater(sheet string, ext []byte) {
	b.buffers[sheet].ext = ext
	b.laidOut = append(b.laidOut, sheet)
}

// streamLaidOut streams the sheets held by streamLater, in the order they
// were laid out.
func (b *book) streamLaidOut() error {
	for _, s := range b.laidOut {
		if err := b.streamSheet(s); err != nil {
			return fmt.Errorf("sheet %q: %w", s, err)
		}
	}
	b.laidOut = nil
	return nil
}

// streamSheet writes the cells held for sheet through the library's
// stream writer, with the settings made on the sheet (widths, panes,
// print setup, notes, charts), its dimension declared first, and has its
// part held to be written after the Data sheet's with its extension list.
func (b *book) streamSheet(sheet string) error {
	buf := b.buffers[sheet]
	delete(b.buffers, sheet)
	name, err := b.sheetPart(sheet)
	if err != nil {
		return err
	}
	b.held = append(b.held, &heldPart{name: name, ext: buf.ext})
	ref, err := buf.usedRange()
	if err != nil {
		return err
	}
	if err := b.f.SetSheetDimension(sheet, ref); err != nil {
		return err
	}
	b.streamed[sheet] = true
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	rows := make([]int, 0, len(buf.rows))
	for r := range buf.rows {
		rows = append(rows, r)
	}
	slices.Sort(rows)
	var vals []any
	for _, r := range rows {
		row := buf.rows[r]
		delete(buf.rows, r)
		if row.height == 0 && !slices.ContainsFunc(row.cells, func(c bufCell) bool { return c.value != nil || c.style != 0 }) {
			continue // the library leaves a row of nothing out
		}
		vals = vals[:0]
		for _, c := range row.cells {
			if c.value == nil && c.style == 0 {
				vals = append(vals, nil)
				continue
			}
			vals = append(vals, excelize.Cell{StyleID: c.style, Value: c.value})
		}
		if err := sw.SetRow(cell(1, r), vals, excelize.RowOpts{Height: row.height}); err != nil {
			return fmt.Errorf("row %d: %w", r, err)
		}
	}
	for _, m := range buf.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sheetPart is the name of sheet's part in the workbook's zip: the
// library names a sheet's part by its ID.
func (b *book) sheetPart(sheet string) (string, error) {
	for id, name := range b.f.GetSheetMap() {
		if name == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id), nil
		}
	}
	return "", fmt.Errorf("no sheet %q", sheet)
}

// sparklineExt returns the extension list the library writes on sheet for
// the sparklines opt, as it writes it on a sheet held in memory. The
// workbook is saved through partCatcher, which keeps that sheet's part
// and compresses nothing: zipped, the workbook took a deflater at the
// library's default level (some 0.8 MB, kept in the zip package's pool)
// at the point of the large export's peak memory.
func sparklineExt(sheet string, opt *excelize.SparklineOptions) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	if err := f.AddSparkline(sheet, opt); err != nil {
		return nil, err
	}
	c := &partCatcher{name: "xl/worksheets/sheet1.xml"}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return c })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return nil, err
	}
	if !c.found {
		return nil, errors.New("the library wrote no sheet for the sparklines")
	}
	part := c.buf.Bytes()
	i, j := bytes.Index(part, []byte("<extLst>")), bytes.LastIndex(part, []byte("</extLst>"))
	if i < 0 || j < i {
		return nil, errors.New("the library wrote no extension list for the sparklines")
	}
	return part[i : j+len("</extLst>")], nil
}

// partCatcher is a zip writer for the library that keeps the part name
// as it is written and lets the rest go.
type partCatcher struct {
	name  string
	buf   bytes.Buffer
	found bool
}

func (c *partCatcher) Create(name string) (io.Writer, error) {
	if name != c.name {
		return io.Discard, nil
	}
	c.found = true
	c.buf.Reset()
	return &c.buf, nil
}

func (c *partCatcher) AddFS(fs.FS) error { return nil }
func (c *partCatcher) Close() error      { return nil }

// heldPart is a streamed sheet's part, held in a temporary file while the
// library writes the workbook's parts, and written, with its extension
// list, after the Data sheet's part.
type heldPart struct {
	name string
	ext  []byte // the extension list, put before the part's end
	// in holds the part, n bytes from off.
	in     *os.File
	off, n int64
	closed bool // the library has written it all
	done   bool // written to the zip
}

// Write holds p, the part's next bytes.
func (p *heldPart) Write(b []byte) (int, error) {
	n, err := p.in.Write(b)
	p.n += int64(n)
	return n, err
}

// write writes the part held to the zip.
func (p *heldPart) write(zw *zip.Writer) error {
	end := []byte("</worksheet>")
	body := p.n - int64(len(end))
	tail := make([]byte, len(end))
	if body >= 0 {
		if _, err := p.in.ReadAt(tail, p.off+body); err != nil {
			return err
		}
	}
	if body < 0 || !bytes.Equal(tail, end) {
		return fmt.Errorf("%s: the streamed sheet does not end as a worksheet", p.name)
	}
	w, err := zw.Create(p.name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(p.in, p.off, body)); err != nil {
		return err
	}
	for _, b := range [][]byte{p.ext, end} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	p.done = true
	return nil
}
