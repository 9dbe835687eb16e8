package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"scorecard/app"
	"scorecard/importer/csvfile"
)

// readCSVRows reads up to max records of a CSV (all when max is 0), as
// csvfile.Read does.
func readCSVRows(ctx context.Context, path string, max int) ([][]string, error) {
	t, err := readCSVTable(ctx, path, max)
	return t.Rows, err
}

// readCSVTable is readCSVRows, giving also how the file wrote them.
func readCSVTable(ctx context.Context, path string, max int) (csvfile.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return csvfile.Table{}, unwrapPathError(err)
	}
	defer f.Close()
	return csvfile.Read(ctx, f, max)
}

// csvBytes writes rows as a comma-separated CSV, for a reader that takes
// only that (the DfE reader) where the file gave them otherwise.
func csvBytes(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("rewriting as CSV: %w", err)
	}
	return b.Bytes(), nil
}

// readCSV reads a tidy CSV: figures, or targets.
func readCSV(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	t, err := readCSVTable(ctx, s.Path, 0)
	rows, comma := t.Rows, t.Comma
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
	}
	formulaNote, formulaCell := readFormulaTexts(rows)
	g := &grid{rows: rows}
	l, ok := opt.Layouts[""]
	if ok {
		l.Unsure = nil
		if err := l.resolve(); err != nil {
			return nil, &app.SourceError{Location: app.Location{File: base}, Err: fmt.Errorf("saved layout: %w", err)}
		}
	} else if l, err = detect("", g); err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base, Cell: "line 1"}, Err: err}
	}
	var euroNote string
	if comma == ';' {
		if euroNote, err = readEuroFigures(g, &l, base); err != nil {
			return nil, err
		}
	}
	areas := newAreaCheck(opt.authority(), opt.AreaNames)
	areaWarns := areas.settle(base, &l, nil)
	if err := areas.refusal(base); err != nil {
		return nil, err
	}
	// A CSV has no title but its file's name: one naming another council
	// ("leeds_cic_2024.csv"), with no area of the store's in it, is
	// refused as a workbook so titled is.
	areas.fileName(base)
	areas.authorityColumn(base, &l, g.rows, "table")
	if err := areas.titleRefusal(); err != nil {
		return nil, err
	}
	areaWarns = append(areaWarns, areas.titleWarnings()...)
	l.defined = opt.Defined
	l.nameFilings = csvNameFilings(g, &l, opt.Indicators, opt.Retired) // a table keyed by names (tidynamed.go)
	sr := &sheetReader{out: newSheetLog(base, l.Sheet), l: l, g: g}
	if note := csvfile.EncodingNote(t.Encoding); note != "" {
		sr.out.warn(l.Sheet, place("", 0, 0), "%s", note)
	}
	if formulaNote != "" {
		sr.out.warn(l.Sheet, formulaCell, "%s", formulaNote)
	}
	if euroNote != "" {
		sr.out.warn(l.Sheet, cellName(max(l.HeaderRow-1, 0), 0), "%s", euroNote)
	}
	for _, w := range areaWarns {
		sr.out.warn(w.Sheet, w.Cell, "%s", w.Message)
	}
	lim := newIndicatorLimit(opt)
	sr.out.limit, sr.out.newRefs = lim, newNewRefs(lim.knownFunc())
	progress := func(done int) {
		if opt.Progress != nil {
			opt.Progress(done, len(rows))
		}
	}
	format := ""
	switch l.Kind {
	case TidySheet:
		err = sr.readTidy(ctx, progress)
	case TargetSheet:
		err = sr.readTargets(ctx)
	case IndicatorSheet:
		// A scorecard saved as CSV: its Ref and Indicator columns and
		// months across read as the workbook's sheet would, without the
		// cells' formats (a CSV keeps what they showed, "11.7%").
		if !l.has(RoleName) && !l.has(RolePeriod) && !l.has(RoleArea) {
			return nil, &app.SourceError{Location: app.Location{File: base, Cell: "line " + strconv.Itoa(l.HeaderRow)},
				Err: errors.New("no Indicator, month or area columns beside Ref")}
		}
		if l.Area == "" {
			sr.l.Area = l.authority().Area()
		}
		sr.lookAhead()
		err = sr.readScorecard(ctx)
		sr.warnAhead()
		format = "scorecard (CSV)"
	default:
		return nil, &app.SourceError{Location: app.Location{File: base, Cell: "line 1"},
			Err: fmt.Errorf("a CSV must be a tidy table (expected Ref and Period columns, or Ref, Year and Target), found a %s layout", l.Kind)}
	}
	if err != nil {
		var se *app.SourceError
		if !errors.As(err, &se) && ctx.Err() == nil {
			err = &app.SourceError{Location: app.Location{File: base}, Err: err}
		}
		return nil, err
	}
	c := newCollector(base)
	c.csv = true
	c.knownDefinitions(opt)
	c.replay(sr.out)
	// A CSV has no sheets or cells: report lines, as a spreadsheet user
	// would count them.
	d := c.dataset()
	var refused *app.SourceError
	if errors.As(c.refusal, &refused) {
		refused.Location.Sheet, refused.Location.Cell = "", csvLine(refused.Location.Cell)
		return nil, refused
	}
	if l.Kind == IndicatorSheet && len(d.Observations) == 0 {
		// A scorecard's figures are its months': with none read the
		// import would be recorded holding nothing, to be undone.
		why := "its month columns hold no figures"
		if !l.has(RolePeriod) {
			why = "none of its headings is a month the importer reads (head them as Apr-25, 2025-04 or 01/04/2025)"
		}
		return nil, &app.SourceError{Location: app.Location{File: base, Cell: "line " + strconv.Itoa(l.HeaderRow)},
			Err: fmt.Errorf("no month figures read from the scorecard whose header row is line %d: %s", l.HeaderRow, why)}
	}
	for i := range c.warnings {
		c.warnings[i].Cell = csvLine(c.warnings[i].Cell)
	}
	for i := range d.Observations {
		d.Observations[i].Cell = csvLine(d.Observations[i].Cell)
	}
	unknown := append(areas.unknown, sr.out.unknown...)
	for i := range unknown {
		unknown[i].Location.Cell = csvLine(unknown[i].Location.Cell)
	}
	return &Result{Format: format, Sheets: []string{base}, Layouts: []Layout{l}, Dataset: d, Warnings: c.warnings, UnknownAreas: unknown}, nil
}

// csvLine rewrites a cell reference ("!C12" or "C12") as the CSV line it
// came from ("line 12").
func csvLine(cell string) string {
	_, cell = splitCell(cell)
	for i := 0; i < len(cell); i++ {
		if cell[i] >= '0' && cell[i] <= '9' {
			return "line " + cell[i:]
		}
	}
	return cell
}
