package importer

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"scorecard/app"
)

// sheetLog records what reading one sheet gives the import, in the order
// the reader gave it: figures, indicators, targets and warnings. Sheets
// are read into logs at once, each on its own, and the logs replayed
// into the collector in sheet order, so that the merge, which weighs each
// figure against what earlier sheets gave, comes out exactly as if the
// sheets had been read one after another.
type sheetLog struct {
	file, sheet string
	ops         []logOp
	// figs are the sheet's figures with series indexing keys and raw and
	// rule indexing texts, both the log's own.
	figs       []figure
	keys       []app.SeriesKey
	series     map[app.SeriesKey]int32
	last       app.SeriesKey // the key of the last figure, checked first
	lastID     int32
	texts      []string
	warnings   []app.Warning
	indicators []app.Indicator
	// stated is what each of indicators states, and where: noStatement
	// for the many that state nothing (the decimal places a row's cells
	// show), so that a row costs a pointer there rather than a copy of
	// eleven empty locations.
	stated  []*app.Stated
	targets []loggedTarget
	// What follows is read only once every sheet is in, so its order
	// among the rest does not matter.
	percent    map[string]bool
	placed     map[string]bool
	formatted  map[string]bool
	general    map[string]bool
	measured   map[string]bool
	declared   map[string]int
	benchmarks []app.Benchmark
	// benchFrom is the month each benchmark whose heading names no year
	// was dated from, by its index in benchmarks (readBenchmark).
	benchFrom  map[int]app.Period
	comments   []app.Comment
	rowTargets []rowTarget
	shares     []pendingShare
	// unknown are the area names of a tidy table's rows the authority
	// does not have, each with its first row and count.
	unknown []UnknownArea
	// unreadFigures are the first figure of each column the sheet's
	// reader said it left unread (noteUnreadFigures).
	unreadFigures []app.Location
	// limit, when set, stops the reading of a sheet that gives more new
	// indicators than it allows (newRefs), before the sheet's log costs
	// time and memory.
	limit   *indicatorLimit
	newRefs *newRefs

	// fractionUnits are the Unit cells saying an indicator's figures are
	// fractions of 1 ("Proportion"), by ref: the first of each.
	fractionUnits map[string]unitAt
}

// logOp is one step of a log: figures from..to, or one warning,
// indicator or target, by index into its slice.
type logOp struct {
	kind     opKind
	from, to int32
}

type opKind uint8

const (
	opFigures opKind = iota
	opWarning
	opIndicator
	opTarget
)

type loggedTarget struct {
	cell string
	t    app.Target
}

func newSheetLog(file, sheet string) *sheetLog {
	return &sheetLog{file: file, sheet: sheet, series: map[app.SeriesKey]int32{}, lastID: -1,
		percent: map[string]bool{}, placed: map[string]bool{}, formatted: map[string]bool{}, general: map[string]bool{}, measured: map[string]bool{}, declared: map[string]int{}}
}

// step records one item appended at index i of its slice.
func (l *sheetLog) step(kind opKind, i int) {
	l.ops = append(l.ops, logOp{kind, int32(i), int32(i + 1)})
}

// warn adds a line to the validation report.
func (l *sheetLog) warn(sheet, cell, format string, args ...any) {
	l.step(opWarning, len(l.warnings))
	l.warnings = append(l.warnings, app.Warning{
		Location: app.Location{File: l.file, Sheet: sheet, Cell: cell},
		Message:  fmt.Sprintf(format, args...),
	})
}

// indicator records what a row says of an indicator without defining
// it (decimal places a cell shows, an academic target year); see
// collector.indicator.
func (l *sheetLog) indicator(ind app.Indicator) {
	if l.limit != nil {
		l.newRefs.add(ind.Ref)
	}
	l.step(opIndicator, len(l.indicators))
	l.indicators = append(l.indicators, ind)
	l.stated = append(l.stated, &noStatement)
}

// noStatement is the statement of an indicator a row does not define;
// it is shared, and never written.
var noStatement app.Stated

// define records an indicator as a row defines it, with where it states
// each part (see app.Stated).
func (l *sheetLog) define(ind app.Indicator, st app.Stated) {
	if !st.Defines() {
		l.indicator(ind)
		return
	}
	if l.limit != nil {
		l.newRefs.add(ind.Ref)
	}
	l.step(opIndicator, len(l.indicators))
	l.indicators = append(l.indicators, ind)
	l.stated = append(l.stated, &st)
}

// target records a target; see collector.target.
func (l *sheetLog) target(cell string, t app.Target) {
	l.step(opTarget, len(l.targets))
	l.targets = append(l.targets, loggedTarget{cell, t})
}

// declareDecimals records the decimal places a Decimals column gives.
func (l *sheetLog) declareDecimals(ref string, n int) { l.declared[ref] = n }

// observe records o, read at row, col (0-based); the collector merges
// it with any figure already read for its series and period on replay.
// A row's figures follow one another, so they make one step.
func (l *sheetLog) observe(o *app.Observation, row, col int) {
	k := o.Key()
	if l.lastID < 0 || k != l.last {
		id, ok := l.series[k]
		if !ok {
			id = int32(len(l.keys))
			l.series[k] = id
			l.keys = append(l.keys, k)
		}
		l.last, l.lastID = k, id
	}
	n := len(l.figs)
	if last := len(l.ops) - 1; last >= 0 && l.ops[last].kind == opFigures && int(l.ops[last].to) == n {
		l.ops[last].to++
	} else {
		l.step(opFigures, n)
	}
	l.figs = append(l.figs, encode(o, l.lastID, 0, row, col, &l.texts))
}

// observation makes the observation a logged figure holds, as the
// reader gave it.
func (l *sheetLog) observation(f *figure) app.Observation {
	var o app.Observation
	fill(&o, f, l.keys, l.texts, nil, "")
	return o
}

// warnUncalculated reports the formulas of g saved with no result. Such a
// cell reads as a blank, which would otherwise show up only later, as a
// month missing from a series. It reports too the formulas read by a
// result that may be out of date, the workbook asking to be
// recalculated on opening.
func (l *sheetLog) warnUncalculated(g *grid) {
	for _, u := range g.uncalculated {
		l.warn(l.sheet, cellName(u.Row, u.Col), "formula with no saved result: open and save the workbook in Excel to calculate it")
	}
	skipped := l.skippedRows()
	for _, u := range g.unverified {
		if skipped[u.Row] {
			// Nothing of the row was read (an Excel table's Totals
			// row): its formulas' results were not read either, and
			// saying so would bury the one warning that matters.
			continue
		}
		l.warn(l.sheet, cellName(u.Row, u.Col), "formula's saved result read, but the workbook asks to be recalculated when opened, so it may be out of date: open and save the workbook in Excel to be sure")
	}
}

// skippedRows are the 0-based rows of the log's sheet said to be skipped
// whole ("row skipped: ..."), by the warning said at them.
func (l *sheetLog) skippedRows() map[int]bool {
	var rows map[int]bool
	for _, w := range l.warnings {
		if w.Location.Sheet != l.sheet || !strings.HasPrefix(w.Message, "row skipped") && !strings.Contains(w.Message, ": row skipped") {
			continue
		}
		if r := rowOfCell(w.Location.Cell); r >= 0 {
			if rows == nil {
				rows = map[int]bool{}
			}
			rows[r] = true
		}
	}
	return rows
}

// sheetReads reads a workbook's planned sheets into logs in the
// background, as many at once as there are processors, taking them in
// plan order.
type sheetReads struct {
	sheets []sheetRead
	cancel context.CancelFunc
	work   *workers
}

// sheetRead is one sheet's reading.
type sheetRead struct {
	done chan struct{}
	l    Layout // as detected again on the whole sheet
	// g is the sheet, kept only where out is nil, for it to be read
	// later, or where it is keyed by names, to be read again.
	g *grid
	// out is nil for a district sheet without a dated title, which can
	// be read only once the sheets before it are in (see readWorkbook).
	out      *sheetLog
	err      error
	panicked any
}

// readSheets starts reading the sheets of plan; stop ends it.
func readSheets(ctx context.Context, book *workbook, file string, plan []planned, lim *indicatorLimit) *sheetReads {
	ctx, cancel := context.WithCancel(ctx)
	r := &sheetReads{sheets: make([]sheetRead, len(plan)), cancel: cancel}
	for i := range r.sheets {
		r.sheets[i].done = make(chan struct{})
	}
	r.work = startWorkers(len(plan), func(i int) {
		r.sheets[i].read(ctx, book, file, plan[i], lim)
		// The collector, waiting for this sheet, is next to run on this
		// processor, but only once this reader blocks or its time slice
		// ends: yielding lets it take the sheet now, so that it keeps up
		// with the readers rather than taking the last sheets alone after
		// them.
		runtime.Gosched()
	})
	return r
}

// wait returns the reading of the i'th sheet of the plan once it is done.
func (r *sheetReads) wait(ctx context.Context, i int) (*sheetRead, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sh := &r.sheets[i]
	select {
	case <-sh.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if sh.panicked != nil {
		// For Read to recover, as it would had the sheet been read on
		// its own goroutine.
		panic(sh.panicked)
	}
	return sh, sh.err
}

// stop abandons the sheets not yet read and waits for the readers.
func (r *sheetReads) stop() {
	r.cancel()
	r.work.wait()
}

// read reads one sheet. A panic is kept, not left to the workers to
// raise, so that it is raised at the sheet's turn, as an error would be.
func (sh *sheetRead) read(ctx context.Context, book *workbook, file string, p planned, lim *indicatorLimit) {
	defer close(sh.done)
	defer func() {
		if v := recover(); v != nil {
			debugPanic()
			sh.panicked = v
		}
	}()
	g, err := p.g, error(nil)
	if g == nil {
		g, err = book.readSheet(ctx, p.l.Sheet)
	}
	if err != nil {
		if ctx.Err() != nil {
			sh.err = ctx.Err()
		} else {
			sh.err = &app.SourceError{Location: app.Location{File: file, Sheet: p.l.Sheet}, Err: err}
		}
		return
	}
	l := p.l
	if !p.profile {
		// Detect again on the whole sheet: its merged ranges, listed at
		// the end of its XML, carry the header's group captions.
		if again, err := detect(l.Sheet, g); err == nil && kindOrder(again.Kind) == kindOrder(l.Kind) {
			// Its areas were settled, and any not the authority's
			// reported, from the first rows: settle them again, quietly.
			again.AreaNames = l.AreaNames
			again.standInKey, again.italicsOther = l.standInKey, l.italicsOther
			again.split = l.split
			again.defined = l.defined
			if l.areaOfFile {
				again.Area, again.areaOfFile = l.Area, true
			}
			newAreaCheck(l.authority(), l.optNames).settle(file, &again, g.rows)
			l = again
		}
	}
	sh.l = l
	if l.Kind == DistrictSheet && l.Period.IsZero() {
		sh.g = g
		return
	}
	out, err := readSheetLog(ctx, file, l, g, func(int) {}, lim)
	if err != nil {
		sh.err = err
		return
	}
	out.warnUncalculated(g)
	out.warnHidden(l, g)
	sh.out = out
	if l.keyedByName() {
		// Kept to be read again should its names be filed otherwise
		// (settleNamedSheets).
		sh.g = g
	}
}

// datedFrom records that the benchmark at index i was dated from month,
// its heading naming no year; a zero month, that its heading dates it.
func (l *sheetLog) datedFrom(i int, month app.Period) {
	if month.IsZero() {
		delete(l.benchFrom, i)
		return
	}
	if l.benchFrom == nil {
		l.benchFrom = map[int]app.Period{}
	}
	l.benchFrom[i] = month
}
