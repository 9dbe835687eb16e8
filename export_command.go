package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"scorecard/app"
	"scorecard/app/export"
	"scorecard/app/heap"
	"scorecard/app/store"
	"scorecard/importer"
)

// runExport writes the revised workbook, or the committee pack as a PDF,
// to the file --out names.
func runExport(e *env, args []string) error {
	if len(args) != 0 || e.outPath == "" {
		return usagef("name the workbook to write with --out FILE.xlsx, or the PDF pack with --out FILE.pdf")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return usagef("--exclude: %v", err)
	}
	opt := export.Options{Exclude: excluded, Suppress: e.suppress, Original: e.original, Reread: importer.Reread, AppVersion: version, Marking: e.marking}
	auth, err := loadAuthority(e)
	if err != nil {
		return err
	}
	opt.Authority = auth
	if opt.Area, err = parseArea(auth, e.area); err != nil {
		return err
	}
	if e.period != "" {
		if opt.Period, err = parsePeriodArg(e); err != nil {
			return err
		}
	}
	noteCalendarDfEStored(e)
	sum, imports, err := exportFrom(e, opt)
	if err != nil {
		return err
	}
	what := "all children"
	if len(excluded) > 0 {
		what = strings.ToLower(app.Excluding(excluded...).Label())
	}
	fmt.Fprintln(e.out, sum.Path)
	fmt.Fprintf(e.out, "%s; %s\n", sum, what)
	// How the export read what it was asked (a period read as a quarter,
	// a month with few figures, figures after it) is noted on stderr, as
	// brief and flags note it (QA26b L4).
	for _, n := range sum.Notes {
		sayNote(e, n)
	}
	for _, w := range sum.FileWarnings() {
		fmt.Fprintf(e.out, "  warning: %s\n", w)
	}
	recordCirculation(e, app.NewCirculation(sum.Output(), absPath(sum.Path), sum.Period, sum.Area, excluded, imports))
	return nil
}

// exportFrom writes the export opt asks for from the store, and returns
// the live imports whose figures it wrote. The house layout's workbook
// of all children's figures is written reading the store an indicator at
// a time (export.WriteFrom); the rest, and a team store's, from the
// whole history.
func exportFrom(e *env, opt export.Options) (export.Summary, []app.Import, error) {
	// Collected often and kept small, the export's heap peaks higher in
	// huge pages, held whole, than in small: its peak memory is what the
	// export is measured by, more than its start.
	heap.SmallPages()
	if exportReadsPieces && export.Streams(e.outPath, opt) {
		st, err := openReader(e)
		if err != nil && !errors.Is(err, errNoStore) {
			return export.Summary{}, nil, err
		}
		if err == nil {
			b, ok := st.(*store.Bolt)
			if !ok {
				st.Close() // a team store: read whole, below
			} else {
				gc := collectFrom(exportHeapFloor, exportGCPercent)
				defer gc.stop()
				var once sync.Once
				closeStore := func() { once.Do(func() { st.Close() }) }
				defer closeStore()
				src, err := b.Piecewise()
				if err != nil {
					return export.Summary{}, nil, err
				}
				// Once read, the garbage reading made is done with: the
				// sheets are laid out in a heap sized to what they keep,
				// as the peak memory is theirs.
				read := func() { closeStore(); gc.dropFloor() }
				sum, err := export.WriteFrom(e.ctx, e.outPath, releasing{src, read}, opt)
				return sum, src.Imports(), err
			}
		}
	}
	// The whole history is kept to the end: collected often, the heap
	// grows little past it.
	defer collectMore(exportGCPercent)()
	h, err := loadHistory(e)
	if err != nil {
		return export.Summary{}, nil, err
	}
	for _, c := range opt.Exclude {
		if !knownCohort(h, c) {
			return export.Summary{}, nil, unknownCohort(h, c)
		}
	}
	sum, err := export.Write(e.ctx, e.outPath, h, opt)
	return sum, h.Imports, err
}

// exportReadsPieces has export read the store an indicator at a time
// where it can (exportFrom). A test keeps both paths writing the same
// workbook.
var exportReadsPieces = true

// releasing is a store read an indicator at a time that closes the store
// when the export has read it (export.Releaser), so that the store's
// mapped pages are not resident while the workbook is laid out, and
// lets the memory reading took go.
type releasing struct {
	*store.Pieces
	read func()
}

// Release closes the store and lets go of what reading it took.
func (r releasing) Release() { r.read() }
