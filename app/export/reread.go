package export

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
)

// A figure a later import revised keeps the cell the original's import
// read it from among its earlier versions (see fromOriginal), but a
// benchmark or a target keeps only its latest version, whose cell, if it
// has one, is in the later import's file. For those the original is read
// again, as its import read it, to find where it holds them.

// readAgain reads the original again with opt.Reread, as `scorecard
// import` read it, the first time it is asked.
func (o *originalWriter) readAgain(ctx context.Context) (*app.SourceCells, error) {
	if o.again != nil {
		return o.again, nil
	}
	if o.opt.Reread == nil {
		return nil, errors.New("reading it again for the cells of figures a later import revised: no reader given (Options.Reread)")
	}
	cells, err := o.opt.Reread(ctx, o.opt.Original, o.base.Indicators(), o.opt.authority())
	if err != nil {
		return nil, fmt.Errorf("reading it again for the cells of figures a later import revised: %w", err)
	}
	if cells == nil {
		cells = &app.SourceCells{}
	}
	o.again = cells
	return cells, nil
}

// benchmarks revises the original's benchmark cells: its previous-year
// outturns, England's and its neighbours' figures. When cohorts are
// excluded each outturn is given the year's figure excluding them, or
// says it cannot be: the original shows all children's, which must not
// stand under an excluding title (see book.outturn). Each is revised for
// its own year, which for an academic-year indicator may not be the year
// book.outturn looks for. A benchmark a later import revised is written
// into the original's cell, excluding or not.
func (o *originalWriter) benchmarks(ctx context.Context, ids map[string]bool) error {
	for _, ind := range o.inds {
		for _, bm := range o.base.Benchmarks(ind.Ref) {
			// An outturn is the authority's own figure, for all children.
			// One no excluded cohort can be counted in stands as it is.
			recompute := bm.Group == app.OutturnGroup && len(o.opt.Exclude) > 0 && cohort.Affects(o.h, ind, o.opt.Area, o.opt.Exclude)
			// A figure for the outturn's year a later import gave (a
			// correction of the year) supersedes the outturn, as the
			// house layout's outturn column has it (book.outturn).
			var later *app.Observation
			if f, ok := o.yearFigure(ind, bm.Period); ok && bm.Group == app.OutturnGroup && !recompute && app.ImportAfter(f.Import, bm.Import) {
				later = &f
			}
			// An outturn the release withholds (a small count, or one
			// that would give a withheld figure away) is withheld in the
			// original's cell too.
			if ids[bm.Import] && !recompute && later == nil && bm.Status != app.Suppressed {
				continue // the original's own figure
			}
			at, err := o.benchmarkCell(ctx, bm, ids)
			if err != nil {
				return err
			}
			sheet, ref, ok := splitCell(at)
			if !ok || !sheetExists(o.f, sheet) || o.written[at] {
				continue
			}
			now := app.Observation{Ref: ind.Ref, Period: bm.Period, Value: bm.Value, Status: bm.Status}
			note := ""
			if recompute {
				now, note, _ = o.excludedYear(ind, bm.Period, &bm)
			} else if later != nil {
				now = *later
			}
			if err := o.revise(sheet, ref, ind, now); err != nil {
				return fmt.Errorf("%s %s %s: %w", ind.Ref, bm.Group, bm.Period, err)
			}
			if note != "" {
				if err := o.noteAt(sheet, ref, note); err != nil {
					return fmt.Errorf("%s %s %s: %w", ind.Ref, bm.Group, bm.Period, err)
				}
			}
			o.written[at] = true
		}
	}
	return nil
}

// benchmarkAt names a benchmark as the store versions it.
type benchmarkAt struct {
	ref, group, model string
	period            app.Period
}

func benchmarkOf(bm app.Benchmark) benchmarkAt {
	return benchmarkAt{bm.Ref, bm.Group, bm.Model, bm.Period}
}

// benchmarkCell is where the original holds benchmark bm. One a later
// import revised has a cell of that import's file as its Source, and
// the store keeps no earlier version of a benchmark to say where the
// original had it, so the original is read again as its import read it
// (once, kept in benchCells).
func (o *originalWriter) benchmarkCell(ctx context.Context, bm app.Benchmark, ids map[string]bool) (string, error) {
	if ids[bm.Import] {
		return bm.Source, nil
	}
	if o.benchCells == nil {
		res, err := o.readAgain(ctx)
		if err != nil {
			return "", err
		}
		o.benchCells = benchmarkCells(res)
	}
	return o.benchCells[benchmarkOf(bm)], nil
}

// benchmarkCells returns the cells of the benchmarks the original holds.
func benchmarkCells(sc *app.SourceCells) map[benchmarkAt]string {
	cells := map[benchmarkAt]string{}
	for _, bm := range sc.Benchmarks {
		if bm.Source != "" {
			cells[benchmarkOf(bm)] = bm.Source
		}
	}
	return cells
}

// targetAt is an indicator's target for a year.
type targetAt struct {
	ref  string
	year app.Period
}

// targets writes the targets a later import revised into the original's
// cells for them: its scorecard's Target, Floor and Tolerance columns
// for a year, and its targets table's rows for the authority. The figures
// are rated against the revised targets, and the original's own would
// stand beside ratings they did not give. A district's target and an
// in-year milestone are left as they are.
func (o *originalWriter) targets(ctx context.Context, ids map[string]bool) error {
	revised := map[targetAt]app.Target{}
	for _, ind := range o.inds {
		for _, t := range o.base.Targets(ind.Ref) {
			if !ids[t.Import] {
				revised[targetAt{t.Ref, t.Year}] = t
			}
		}
	}
	if len(revised) == 0 {
		return nil
	}
	sc, err := o.readAgain(ctx)
	if err != nil {
		return err
	}
	for _, tc := range sc.Targets {
		if !sheetExists(o.f, tc.Sheet) {
			continue
		}
		t, ok := revised[targetAt{tc.Ref, tc.Year}]
		if !ok {
			continue
		}
		col, err := excelize.ColumnNameToNumber(tc.Col)
		if err != nil {
			continue
		}
		if err := o.reviseTarget(tc.Sheet, cell(col, tc.Row), t, tc.Part); err != nil {
			return fmt.Errorf("sheet %q: %s %s %s: %w", tc.Sheet, tc.Ref, t.Year, tc.Part, err)
		}
	}
	for _, tt := range sc.TargetTables {
		if !sheetExists(o.f, tt.Sheet) {
			continue
		}
		if err := o.tableTargets(tt, revised); err != nil {
			return fmt.Errorf("sheet %q: %w", tt.Sheet, err)
		}
	}
	return nil
}

// tableTargets writes the revised targets into the rows of a targets
// table that give the authority's target for a year.
func (o *originalWriter) tableTargets(tt app.TargetTable, revised map[targetAt]app.Target) error {
	grid, err := o.f.GetRows(tt.Sheet)
	if err != nil {
		return err
	}
	number := func(letters string) int {
		col, err := excelize.ColumnNameToNumber(letters)
		if err != nil {
			return 0
		}
		return col
	}
	text := func(r []string, letters string) string {
		c := number(letters)
		if c == 0 || c > len(r) {
			return ""
		}
		return strings.TrimSpace(r[c-1])
	}
	auth := o.opt.authority()
	for i := max(tt.FirstRow, 1) - 1; i < len(grid); i++ {
		r := grid[i]
		year, err := app.ParsePeriod(text(r, tt.Year))
		if err != nil {
			continue
		}
		if a := text(r, tt.Area); a != "" {
			if area, ok := auth.ParseArea(a); !ok || area != auth.Area() {
				continue // a district's own target
			}
		}
		t, ok := revised[targetAt{text(r, tt.Ref), year}]
		if !ok {
			continue
		}
		for _, part := range []app.TargetPart{app.PartTarget, app.PartFloor, app.PartTolerance} {
			col := number(tt.Parts[part])
			if col == 0 {
				continue
			}
			if err := o.reviseTarget(tt.Sheet, cell(col, i+1), t, part); err != nil {
				return fmt.Errorf("%s %s %s: %w", t.Ref, t.Year, part, err)
			}
		}
	}
	return nil
}

// reviseTarget writes a revised target's target, floor or tolerance into
// a cell, blank where the revised target has none.
func (o *originalWriter) reviseTarget(sheet, at string, t app.Target, part app.TargetPart) error {
	v := part.Of(t)
	if v == nil {
		return o.f.SetCellValue(sheet, at, nil)
	}
	ind, _ := o.h.Indicator(t.Ref)
	return o.revise(sheet, at, ind, app.Observation{Ref: t.Ref, Period: t.Year, Value: v})
}

// figureOf returns series k's figure for period p as the original's
// import read it, with the cell it holds it in, when the store cannot
// say: a figure an earlier file gave just as the original does keeps
// that file's version and cell (the quarters of the year so far in each
// quarter's workbook). The original is read again for them once
// (figureCells).
func (o *originalWriter) figureOf(ctx context.Context, k app.SeriesKey, p app.Period) (app.Observation, bool, error) {
	if o.figureCells == nil {
		res, err := o.readAgain(ctx)
		if err != nil {
			return app.Observation{}, false, err
		}
		o.figureCells = map[figureAt]app.Observation{}
		for _, f := range res.Figures {
			o.figureCells[figureAt{f.Key(), f.Period}] = f
		}
	}
	f, ok := o.figureCells[figureAt{k, p}]
	return f, ok, nil
}

// unmapped says which of the original's figures, read again, the export
// wrote no figure into: the store holds none for their series and
// period, so the cell shows what the original had, which is not a figure
// of the release. Excluding cohorts, such a cell would be all children's
// under the exclusions' title: it says it cannot exclude them. Each is
// noted in its cell and warned of. Where the original was not read
// again every figure it gave has its version in the store, and was
// written.
func (o *originalWriter) unmapped() error {
	var left []app.Observation
	for _, f := range o.figureCells {
		sheet, _, ok := splitCell(f.Cell)
		if _, tidy := o.tidy[sheet]; !ok || tidy || o.written[f.Cell] || !sheetExists(o.f, sheet) {
			continue
		}
		left = append(left, f)
	}
	slices.SortFunc(left, func(a, b app.Observation) int { return strings.Compare(a.Cell, b.Cell) })
	for _, f := range left {
		sheet, ref, _ := splitCell(f.Cell)
		note := fmt.Sprintf("Left as the original has it: the store holds no figure of %s %s %s to revise it with.", f.Ref, f.Area, f.Period.Label())
		if len(o.opt.Exclude) > 0 {
			ind, _ := o.h.Indicator(f.Ref)
			cannot := app.Observation{Ref: f.Ref, Area: f.Area, Period: f.Period, Status: app.CannotExclude,
				Raw: fmt.Sprintf("the store holds no figure of %s %s %s", f.Ref, f.Area, f.Period.Label())}
			if err := o.revise(sheet, ref, ind, cannot); err != nil {
				return fmt.Errorf("%s %s: %w", f.Key(), f.Period, err)
			}
			o.written[f.Cell] = true
			note = "Cannot exclude: " + cannot.Raw + "; the original's figure, for all children, is removed."
		}
		if err := o.warnAt(sheet, ref, note, fmt.Sprintf("%s %s %s: %s", f.Ref, f.Area, f.Period.Label(), strings.TrimSuffix(note, "."))); err != nil {
			return fmt.Errorf("%s %s: %w", f.Key(), f.Period, err)
		}
	}
	return nil
}
