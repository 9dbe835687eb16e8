// Package xlsx reads the cells of Excel workbooks (.xlsx and .xlsm)
// straight from their zip: the sheet list, shared strings, cell formats
// and document properties up front, each sheet's cells on demand.
//
// Reading the parts directly, with a byte scanner for the sheet data, is
// several times faster than decoding them with encoding/xml (what
// excelize does), and gives each cell's style index alongside its text in
// one pass. Every size a file declares is checked against limits, so a
// zip bomb or a sheet of sparse cells at column XFD is refused rather
// than filling memory.
//
// It reads what every producer writes, not only Excel: parts found
// through their relationships, whatever their names' case; Transitional
// and Strict Open XML; any namespace prefix; white space around an
// attribute's '='; CDATA and _xHHHH_ escapes; ISO date cells; rows and
// cells placed by their numbers in whatever order they come; theme,
// tint and palette fill colours; the 1904 date system; parts in UTF-16
// or a single-byte encoding. A sheet the scanner finds damaged is read
// by excelize instead (see fallback.go). The differential test checks it
// cell by cell against excelize over workbooks from five producers.
package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// Options limits what a workbook may make the reader hold.
type Options struct {
	// MaxUnzipSize refuses a workbook whose parts would unpack to more
	// than this many bytes in all; 0 sets no limit.
	MaxUnzipSize int64
	// MaxCells refuses a sheet of more cells than this, blanks before
	// the last cell of each row included; 0 sets no limit.
	MaxCells int
	// RawBooleans gives a boolean cell as Excel stores it, "1" or "0",
	// as excelize's RawCellValue does, rather than "TRUE" or "FALSE".
	RawBooleans bool
	// DatesAs1900 gives the serials of a workbook in the 1904 date
	// system (see Workbook.Date1904) as serials of the 1900 system, so
	// that a reader converting serials to dates need not know: every
	// number shown as a date, and every ISO date cell. Without it a
	// serial is given as stored, as excelize's RawCellValue gives it.
	DatesAs1900 bool
}

// Workbook is an open workbook.
type Workbook struct {
	zr      *zip.ReadCloser
	parts   map[string]*zip.File // by lower-cased name
	sheets  []Sheet
	strings []string
	styles  []Style // by style index
	// category is the Category document property.
	category string
	date1904 bool
	strict   bool
	limit    int64
	scan     ScanOptions
	name     string
	// The fallback: excelize reads the workbook where the scanner
	// cannot (see fallback.go).
	xmu        sync.Mutex // guards xf and xerr
	xf         *excelize.File
	xerr       error
	byExcelize bool                // every sheet read by excelize
	mu         sync.Mutex          // guards pending
	pending    map[string]*pending // sheets being read, or read and not yet handed over
	wg         sync.WaitGroup      // the background readers
	smu        sync.Mutex          // guards started
	started    map[string]*started // parts whose head was read, by partKey
}

// started is a part whose first bytes Head inflated, its reader left
// open, so that reading the whole part goes on from there rather than
// inflating them again.
type started struct {
	raw []byte        // the bytes inflated, as stored
	rc  io.ReadCloser // the rest; nil if raw is the whole part
}

// Sheet describes a worksheet of a workbook.
type Sheet struct {
	Name string
	// Size is the uncompressed size of the sheet's XML in bytes.
	Size int64
	// Hidden is a sheet hidden from view (state hidden or veryHidden).
	Hidden bool
	path   string
}

// TooBigError is a workbook whose parts unpack beyond the limit.
type TooBigError struct{ Limit int64 }

// Error says the limit in megabytes and what to do.
func (e TooBigError) Error() string {
	return fmt.Sprintf("refused: it would unpack to more than %d MB (a zip bomb or a giant sheet); split the workbook or remove unused sheets", e.Limit>>20)
}

// ErrNotWorkbook is a file that is not a zip holding a workbook.
var ErrNotWorkbook = errors.New("not a valid Excel workbook (the file is damaged, or not really .xlsx)")

// ErrTooManyCells is a sheet beyond Options.MaxCells.
var ErrTooManyCells = errors.New("refused: the sheet has too many cells (a giant or damaged sheet)")

// Open opens a workbook. The sizes the zip declares are checked against
// opt.MaxUnzipSize first and the bytes actually inflated as each part
// is read, so a zip that lies about its sizes is caught too.
func Open(name string, opt Options) (*Workbook, error) {
	limit := opt.MaxUnzipSize
	if limit <= 0 {
		// One less than the largest, so that limit+1 does not overflow.
		limit = math.MaxInt64 - 1
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "zip") {
			return nil, notZip(name)
		}
		return nil, err
	}
	zr.RegisterDecompressor(zip.Deflate, inflater)
	w := &Workbook{zr: zr, name: name, parts: map[string]*zip.File{}, limit: limit,
		scan: ScanOptions{MaxCells: opt.MaxCells, RawBooleans: opt.RawBooleans, DatesAs1900: opt.DatesAs1900}}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) {
			zr.Close()
			return nil, TooBigError{limit}
		}
		w.parts[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	if err := w.readStructure(); err != nil {
		zr.Close()
		return nil, err
	}
	return w, nil
}

// Close waits for any sheets still being read and closes the file.
func (w *Workbook) Close() error {
	w.wg.Wait()
	for _, st := range w.started {
		if st.rc != nil {
			st.rc.Close()
		}
	}
	if w.xf != nil {
		w.xf.Close()
	}
	return w.zr.Close()
}

// part reads a part of the package by name, within the size limit; nil
// if there is no such part.
func (w *Workbook) part(name string) ([]byte, error) { return w.partInto(nil, name) }

// partInto reads a part into buf, reusing its memory: a sheet's XML is
// garbage once scanned, so one buffer serves every sheet a reader scans.
func (w *Workbook) partInto(buf []byte, name string) ([]byte, error) {
	key := partKey(name)
	f, ok := w.parts[key]
	if !ok {
		return nil, nil
	}
	if size := int64(f.UncompressedSize64); size <= w.limit && int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	var rc io.ReadCloser
	w.smu.Lock()
	st := w.started[key]
	delete(w.started, key)
	w.smu.Unlock()
	if st != nil {
		buf, rc = append(buf[:0], st.raw...), st.rc
	} else {
		var err error
		if rc, err = f.Open(); err != nil {
			return nil, ErrNotWorkbook
		}
	}
	b := bytes.NewBuffer(buf)
	if rc != nil {
		defer rc.Close()
		if _, err := b.ReadFrom(io.LimitReader(rc, w.limit+1-int64(b.Len()))); err != nil {
			return nil, ErrNotWorkbook
		}
	}
	if int64(b.Len()) > w.limit {
		return nil, TooBigError{w.limit}
	}
	return toUTF8(name, b.Bytes())
}

// Sheets lists the worksheets in workbook order.
func (w *Workbook) Sheets() []Sheet { return w.sheets }

// SheetNames lists the worksheets' names in workbook order.
func (w *Workbook) SheetNames() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.Name
	}
	return names
}

// Category is the workbook's Category document property.
func (w *Workbook) Category() string { return w.category }

// Styles are the workbook's cell formats, by the style index a Grid
// gives each cell.
func (w *Workbook) Styles() []Style { return w.styles }

// SharedStrings is the workbook's shared string table.
func (w *Workbook) SharedStrings() []string { return w.strings }

// Sheet finds the worksheet of that name.
func (w *Workbook) Sheet(name string) (Sheet, bool) {
	for _, s := range w.sheets {
		if s.Name == name {
			return s, true
		}
	}
	return Sheet{}, false
}

// SheetXML reads a worksheet's XML, within the size limit.
func (w *Workbook) SheetXML(name string) ([]byte, error) {
	s, ok := w.Sheet(name)
	if !ok {
		return nil, fmt.Errorf("no sheet %q", name)
	}
	return w.part(s.path)
}

// headBytes is how much of a sheet's XML is inflated to see its first
// rows for format detection: a title block and header take a few rows,
// and a row of a wide scorecard about two kilobytes.
const headBytes = 32 << 10

// Head reads a sheet's first rows (at most maxRows) from the start of
// its XML, without inflating the rest. It reports whether the rows are
// all there are up to maxRows; when not, detection that fails on them
// must look at the whole sheet.
func (w *Workbook) Head(ctx context.Context, name string, maxRows int) (g *Grid, complete bool, err error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	s, ok := w.Sheet(name)
	if !ok {
		return nil, false, fmt.Errorf("no sheet %q", name)
	}
	g, complete, err = w.head(ctx, s, maxRows)
	if fallsBack(err) {
		if g, xerr := w.fallbackGrid(s, err); xerr == nil {
			return g, true, nil
		}
	}
	return g, complete, err
}

func (w *Workbook) head(ctx context.Context, s Sheet, maxRows int) (g *Grid, complete bool, err error) {
	f, ok := w.parts[partKey(s.path)]
	if !ok {
		return &Grid{}, true, nil
	}
	data, err := w.start(partKey(s.path), f)
	if err != nil {
		return nil, false, err
	}
	whole := uint64(len(data)) >= f.UncompressedSize64
	if !whole && len(data)%2 == 1 && (data[0] == 0 || len(data) > 1 && data[1] == 0) {
		data = data[:len(data)-1] // not half a UTF-16 character
	}
	if data, err = toUTF8(s.path, data); err != nil {
		return nil, false, err
	}
	opt := w.scan
	opt.MaxRows, opt.whole = maxRows, whole
	g, err = Scan(ctx, data, w.strings, opt)
	if err != nil {
		return nil, false, err
	}
	return g, len(g.Rows) >= maxRows || whole, nil
}

// start inflates a part's first headBytes, or takes those inflated
// before, and keeps them with the part's reader for partInto.
func (w *Workbook) start(key string, f *zip.File) ([]byte, error) {
	w.smu.Lock()
	st := w.started[key]
	w.smu.Unlock()
	if st != nil {
		return st.raw, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, ErrNotWorkbook
	}
	raw := make([]byte, headBytes)
	n, err := io.ReadFull(rc, raw)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		rc.Close()
		return nil, ErrNotWorkbook
	}
	st = &started{raw: raw[:n], rc: rc}
	if n < headBytes {
		rc.Close()
		st.rc = nil
	}
	w.smu.Lock()
	defer w.smu.Unlock()
	if prev := w.started[key]; prev != nil {
		// Read at the same time by another caller.
		if st.rc != nil {
			st.rc.Close()
		}
		return prev.raw, nil
	}
	if w.started == nil {
		w.started = map[string]*started{}
	}
	w.started[key] = st
	return st.raw, nil
}

// partKey is the key of w.parts for a part's name.
func partKey(name string) string { return strings.ToLower(strings.TrimPrefix(name, "/")) }

// pending is a sheet being read in the background.
type pending struct {
	done chan struct{}
	g    *Grid
	err  error
}

// Prefetch reads the named sheets in the background, in order, as many
// at once as there are processors, so that the caller can work on the
// first sheet while the others are inflated and scanned.
func (w *Workbook) Prefetch(ctx context.Context, names []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.prefetch(ctx, names)
}

// prefetch is Prefetch with w.mu held.
func (w *Workbook) prefetch(ctx context.Context, names []string) {
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
					j.p.g, buf, j.p.err = w.scanSheet(ctx, j.name, buf)
				}
				close(j.p.done)
			}
		}()
	}
}

// Grid returns a sheet's cells with each cell's style index and the
// sheet's merged ranges, waiting for it if it is being read in the
// background, reading it now otherwise. It may be called from several
// goroutines at once. A sheet read in the background is handed over, not
// kept: the workbook holds no sheet's cells once the caller has them, and
// asked for again, reads them again.
func (w *Workbook) Grid(ctx context.Context, name string) (*Grid, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w.mu.Lock()
	p, ok := w.pending[name]
	if !ok {
		w.prefetch(ctx, []string{name})
		p = w.pending[name]
	}
	w.mu.Unlock()
	select {
	case <-p.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	w.mu.Lock()
	if w.pending[name] == p {
		delete(w.pending, name)
	}
	w.mu.Unlock()
	return p.g, p.err
}

// scanSheet reads one sheet's part into buf and scans it, returning the
// buffer for the next sheet.
func (w *Workbook) scanSheet(ctx context.Context, name string, buf []byte) (*Grid, []byte, error) {
	s, ok := w.Sheet(name)
	if !ok {
		return nil, buf, fmt.Errorf("no sheet %q", name)
	}
	data, err := w.partInto(buf, s.path)
	if err == nil {
		buf = data
		var g *Grid
		if g, err = Scan(ctx, data, w.strings, w.scan); err == nil {
			return g, buf, nil
		}
	}
	if fallsBack(err) {
		if g, xerr := w.fallbackGrid(s, err); xerr == nil {
			return g, buf, nil
		}
	}
	return nil, buf, err
}

// Rows calls fn with each row of a sheet that its XML holds, numbered
// from 1 as Excel numbers them, its cells' text placed by column and
// trailing blanks left out, until fn returns false. The cells are valid
// only until fn returns. Unlike Grid it holds one row at a time, and
// stops scanning where fn stops. It returns the rows scanned that are
// hidden from view, by hand or by a filter, numbered as fn's are.
//
// A sheet the scanner finds damaged is read by excelize, its rows not
// yet handed over then given in order.
func (w *Workbook) Rows(name string, fn func(n int, cells []string) bool) (hidden []int, err error) {
	data, err := w.SheetXML(name)
	if err != nil {
		return nil, err
	}
	last := 0
	hidden, err = ScanRows(data, w.strings, w.scan, func(n int, cells []string) bool {
		last = max(last, n)
		return fn(n, cells)
	})
	if !fallsBack(err) {
		return hidden, err
	}
	s, _ := w.Sheet(name)
	g, xerr := w.fallbackGrid(s, err)
	if xerr != nil {
		return nil, err
	}
	hidden = hidden[:0]
	for _, r := range g.HiddenRows {
		hidden = append(hidden, r+1)
	}
	for i := last; i < len(g.Rows); i++ {
		if !fn(i+1, g.Rows[i]) {
			break
		}
	}
	return hidden, nil
}

// inflater inflates a workbook's parts with klauspost/compress's flate
// reader, which inflated the large workbook's 5.5 MB of XML in some 15 ms
// to the standard library's 20 (ten rounds in one process): the import
// inflates every sheet, and the officer waits for it. Its readers are
// reused, as archive/zip reuses its own: each holds some 40 KB of window
// and tables, which a reader per part made afresh for every sheet.
func inflater(r io.Reader) io.ReadCloser {
	fr, ok := inflaters.Get().(io.ReadCloser)
	if ok {
		fr.(flate.Resetter).Reset(r, nil)
	} else {
		fr = flate.NewReader(r)
	}
	return &pooledInflater{fr: fr}
}

var inflaters sync.Pool

// pooledInflater gives its reader back to inflaters when closed, once:
// archive/zip may close a part's reader more than once.
type pooledInflater struct {
	mu sync.Mutex
	fr io.ReadCloser
}

func (p *pooledInflater) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fr == nil {
		return 0, errors.New("xlsx: read of a part after it was closed")
	}
	return p.fr.Read(b)
}

func (p *pooledInflater) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var err error
	if p.fr != nil {
		err = p.fr.Close()
		inflaters.Put(p.fr)
		p.fr = nil
	}
	return err
}
