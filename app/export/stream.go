package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// Source is a store an export reads an indicator at a time (WriteFrom):
// *store.Bolt. It must not change while the export reads it, as a store
// open to read cannot (store.OpenReadOnly).
type Source interface {
	// Load reads the whole history, for a store with no figures.
	Load() (*app.History, error)
	// Indicators reads the definitions, in scorecard order.
	Indicators() ([]app.Indicator, error)
	// FigureRefs names every indicator with figures, defined or not.
	FigureRefs() ([]string, error)
	// LoadIndicator reads one indicator's records, every definition and
	// the imports.
	LoadIndicator(ref string) (*app.History, error)
	// Periods reads the periods each of one indicator's series holds a
	// figure for, in order: what LoadIndicator gives of them.
	Periods(ref string) (map[app.SeriesKey][]app.Period, error)
	// LoadBreakdowns reads the breakdowns, which LoadIndicator leaves out.
	LoadBreakdowns() ([]app.Breakdown, error)
}

// Releaser is a Source that can let its store go once read: WriteFrom
// calls Release, once, when it has read every figure it needs and before
// it lays the workbook out. A store read through a memory map keeps the
// pages it read resident while it is open (some 2 MB for five years of a
// county and its districts), which would otherwise stay beside the
// memory the sheets then take, at the export's peak.
type Releaser interface {
	Release()
}

// release lets src's store go, if it can.
func release(src Source) {
	if r, ok := src.(Releaser); ok {
		r.Release()
	}
}

// Streams reports whether WriteFrom writes what opt asks for into path:
// the house layout's workbook, of all children's figures. The PDF pack,
// an original's layout and figures excluding cohorts read the whole
// history (Write): a cohort's exclusion proves a rate's district figures
// with other indicators' counts, so it is not worked out an indicator at
// a time.
func Streams(path string, opt Options) bool {
	return strings.EqualFold(filepath.Ext(path), ".xlsx") && opt.Original == "" && len(opt.Exclude) == 0
}

// WriteFrom is Write for the house layout's workbook of all children's
// figures (Streams), reading them from src an indicator at a time rather
// than holding the whole history: the figures the sheets lay out (the
// scorecard area's series, and every area's figure for the period) are
// kept, and the Data sheet's rows, every figure, are written to a
// temporary file as each indicator is read. Each indicator is released
// (disclosure.ReleaseIn) alone, a change beside its count
// (circulatedAlone), as Write releases the whole history an indicator at
// a time, so the workbook is the one Write writes from
// src's whole history.
func WriteFrom(ctx context.Context, path string, src Source, opt Options) (Summary, error) {
	sum, err := writeFrom(ctx, path, src, opt)
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

func writeFrom(ctx context.Context, path string, src Source, opt Options) (Summary, error) {
	if !Streams(path, opt) {
		if !IsPDF(path) && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			return Summary{}, ErrNotXLSX
		}
		return Summary{}, errors.New("the PDF pack, an original's layout and figures excluding cohorts are written from the whole history")
	}
	b, err := streamBook(ctx, src, opt)
	if errors.Is(err, errNoFigures) {
		// Nothing to read an indicator at a time: what the store holds
		// besides (imports, definitions) is exported as Write would.
		h, err := src.Load()
		if err != nil {
			return Summary{}, err
		}
		release(src)
		return write(ctx, path, h, opt)
	}
	if err != nil {
		return Summary{}, err
	}
	release(src)
	defer b.f.Close()
	defer b.spool.close()
	return b.write(ctx, path)
}

// streamBook reads src twice, an indicator at a time: first for the
// periods and series held, which settle the period to export; then for
// the figures, released, keeping what the sheets lay out and spooling the
// Data sheet's rows.
func streamBook(ctx context.Context, src Source, opt Options) (*book, error) {
	inds, err := src.Indicators()
	if err != nil {
		return nil, err
	}
	refs, err := src.FigureRefs()
	if err != nil {
		return nil, err
	}
	for _, ind := range inds {
		refs = append(refs, ind.Ref)
	}
	// The order of the Data sheet's series (app.History.Keys).
	slices.Sort(refs)
	refs = slices.Compact(refs)
	if len(refs) == 0 {
		return nil, errNoFigures
	}

	// The periods alone settle the period; the figures are read once.
	var cal app.Calendar
	cal.AddIndicators(inds)
	var keys []app.SeriesKey
	for _, ref := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		held, err := src.Periods(ref)
		if err != nil {
			return nil, err
		}
		first := len(keys)
		for k, ps := range held {
			cal.AddSeries(k, ps)
			keys = append(keys, k)
		}
		slices.SortFunc(keys[first:], app.SeriesKey.Compare)
	}
	opt, notes, defaulted, err := settle(opt, &cal)
	if err != nil {
		return nil, err
	}
	breakdowns, err := src.LoadBreakdowns()
	if err != nil {
		return nil, err
	}

	kept := app.NewHistory()
	kept.AddIndicators(inds)
	months, quotes := monthsTo(nil, opt.Period, opt.Months), map[string]withheldQuote{}
	kept.Apply(&app.Dataset{Breakdowns: breakdowns}, "")
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	suppressed := 0
	var unprotected []disclosure.Unprotected
	var warns []app.Warning
	leftOut := map[string]int{}
	rd := disclosure.NewReader(src.LoadIndicator)
	for _, ref := range refs {
		h, err := rd.Load(ref)
		if err != nil {
			sp.close()
			return nil, err
		}
		if kept.Imports == nil {
			kept.Imports = h.Imports
		}
		base, alone, warned, err := circulatedAlone(rd, ref, h, opt.Suppress, opt.authority())
		if err != nil {
			sp.close()
			return nil, err
		}
		unprotected = append(unprotected, alone...)
		for _, w := range warned {
			// A figure released beside another indicator's is released
			// again with its own: warned of once.
			if !slices.Contains(warns, w) {
				warns = append(warns, w)
			}
		}
		countLeftOut(leftOut, h, base, opt.Area, opt.Period)
		suppressed += suppressedOn(base, base, h, h, base.Keys(), nil, opt.Period)
		err = dataFigures(ctx, base, base, base.Keys(), nil, opt.Period, func(o app.Observation, label string, _ bool) error {
			sp.rows++
			sp.w.dataRow(sp.rows+2, o, label)
			return nil
		}, func() { sp.series++ })
		if err != nil {
			sp.close()
			return nil, err
		}
		// The sheets lay out all children's series for the area and every
		// figure for the period; the Data sheet's rows are written.
		kept.Gather(base, ref, func(o app.Observation) bool {
			return o.Area == opt.Area && o.Split == app.All || o.Period == opt.Period
		})
		if q, ok := commentQuoting(h, base, app.SeriesKey{Ref: ref, Area: opt.Area}, opt.Period, months, opt.authority()); ok {
			quotes[ref] = q
		}
	}
	if err := sp.w.Flush(); err != nil {
		sp.close()
		return nil, fmt.Errorf("the Data sheet's rows: %w", err)
	}
	b := &book{
		f: excelize.NewFile(), opt: opt, base: kept, h: kept, period: opt.Period,
		inds: kept.Indicators(), styles: map[look]int{}, streamed: map[string]bool{},
		keys: keys, spool: sp, leftOut: leftOut, quotesWithheld: quotes,
	}
	b.sum = Summary{Period: opt.Period, Area: opt.Area, Suppressed: suppressed, Warnings: warns, Notes: notes}
	b.sum.addUnprotected(unprotected)
	b.periodDefaulted = defaulted
	b.setPeriod(opt.Period)
	sp.steps = func() {
		for range sp.series {
			b.step()
		}
	}
	return b, nil
}

// errNoFigures says a store holds no indicators to read one at a time.
var errNoFigures = errors.New("no indicators")

// spool holds the Data sheet's rows, encoded, in a temporary file until
// the workbook is saved.
type spool struct {
	tempFile
	w      *rowWriter
	rows   int // figures
	series int // series
	steps  func()
}

// newSpool makes the spool.
func newSpool() (*spool, error) {
	t, err := newTempFile()
	if err != nil {
		return nil, fmt.Errorf("a temporary file for the Data sheet's rows: %w", err)
	}
	return &spool{tempFile: t, w: newRowWriter(t.f)}, nil
}

// tempFile is a temporary file an export holds what it has written in
// (the Data sheet's rows, the streamed sheets' parts) until the workbook
// is saved.
type tempFile struct {
	f *os.File
	// named is whether the file still has its name in the temporary
	// folder, to be removed on close (see newTempFile).
	named bool
}

// spoolPattern names the temporary files in the temporary folder.
const spoolPattern = "scorecard-data-*.xml"

// newTempFile makes a temporary file. A killed export never reaches
// close, and its files (megabytes) stayed in the temporary folder for
// good, so the file is unlinked as soon as it is made: on Linux and macOS
// an open file reads and writes on without a name, and nothing is left
// whenever the process ends. Windows refuses to remove an open file (and
// os offers no FILE_FLAG_DELETE_ON_CLOSE), so there the file keeps its
// name until close, and each export sweeps the files that earlier exports
// left: those a day old, and, where an open file cannot be removed, every
// one the system lets go of, since an export still writing holds its own
// open.
func newTempFile() (tempFile, error) {
	f, err := os.CreateTemp("", spoolPattern)
	if err != nil {
		return tempFile{}, err
	}
	named := os.Remove(f.Name()) != nil
	sweepLeftovers(os.TempDir(), spoolPattern, f.Name(), named)
	return tempFile{f: f, named: named}, nil
}

// copyTo writes the rows spooled to w.
func (s *spool) copyTo(w *rowWriter) error {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := w.ReadFrom(s.f); err != nil {
		return fmt.Errorf("the Data sheet's rows: %w", err)
	}
	if s.steps != nil {
		s.steps()
	}
	return nil
}

// close removes the spool's file.
func (s *spool) close() {
	if s != nil {
		s.tempFile.close()
	}
}

// close removes the temporary file.
func (t *tempFile) close() {
	if t.f == nil {
		return
	}
	t.f.Close()
	// An unlinked file's name may since be another export's.
	if t.named {
		os.Remove(t.f.Name())
	}
	t.f = nil
}

// heldKeys are every series held, as circulated.
func (b *book) heldKeys() []app.SeriesKey {
	if b.keys != nil {
		return b.keys
	}
	return b.base.Keys()
}

// dataSeries counts the Data sheet's series.
func (b *book) dataSeries() int {
	if b.spool != nil {
		return b.spool.series
	}
	return len(b.dataKeys())
}
