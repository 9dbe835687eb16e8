package importer

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// Reread reads an imported workbook again, as `scorecard import` read it,
// for where it holds what it gave (app.SourceCells): an export into the
// workbook's own layout (export.Options.Reread) revises the benchmarks
// and targets a later import changed in their cells there. inds are the
// store's definitions, which file a sheet's names under the store's refs
// as its import did (Options.Indicators), and auth is the store's
// authority.
func Reread(ctx context.Context, path string, inds []app.Indicator, auth *app.Authority) (*app.SourceCells, error) {
	defined := make(map[string]app.Indicator, len(inds))
	for _, ind := range inds {
		defined[ind.Ref] = ind
	}
	res, err := Read(ctx, path, Options{
		Known:      func(ref string) bool { _, ok := defined[ref]; return ok },
		Defined:    func(ref string) (app.Indicator, bool) { ind, ok := defined[ref]; return ind, ok },
		Indicators: inds,
		Authority:  auth,
		// It was imported: what it holds was confirmed then.
		AllowMany: true, AllowFuture: true,
	})
	if err != nil {
		return nil, err
	}
	return res.SourceCells(), nil
}

// SourceCells returns where the file holds what r read: its figures' and
// benchmarks' cells, each sheet's columns read, and the cells of its
// targets.
func (r *Result) SourceCells() *app.SourceCells {
	sc := &app.SourceCells{Columns: map[string][]string{}}
	d := r.Dataset
	if d == nil {
		d = &app.Dataset{}
	}
	for _, bm := range d.Benchmarks {
		if bm.Source != "" {
			sc.Benchmarks = append(sc.Benchmarks, bm)
		}
	}
	for _, o := range d.Observations {
		if o.Cell != "" {
			sc.Figures = append(sc.Figures, o)
		}
	}
	for _, l := range r.Layouts {
		for _, c := range l.Columns {
			sc.Columns[l.Sheet] = append(sc.Columns[l.Sheet], c.Col)
		}
		switch l.Kind {
		case IndicatorSheet:
			sc.Targets = append(sc.Targets, targetCells(d, l)...)
		case TargetSheet:
			sc.TargetTables = append(sc.TargetTables, targetTable(l))
		}
	}
	return sc
}

// targetParts are the target, floor and tolerance columns' roles.
var targetParts = map[Role]app.TargetPart{RoleTarget: app.PartTarget, RoleFloor: app.PartFloor, RoleTolerance: app.PartTolerance}

// targetCells returns the cells of an indicator sheet's target, floor and
// tolerance columns headed with their year, on each indicator's row: the
// row its figures for the sheet's area were read from. Where tables stand
// side by side (sideTables), a target column's rows are its own table's:
// the rows of that table's figures, or where it has none (a block of
// Ref, Target and Floor beside the figures) the rows its targets were
// read from.
func targetCells(d *app.Dataset, l Layout) []app.TargetCell {
	spans := l.sideTables()
	rows := make([]map[string]int, len(spans))
	for i := range rows {
		rows[i] = map[string]int{}
	}
	table := func(at string) (row, i int, ok bool) {
		sheet, cell := splitCell(at)
		if strings.Trim(sheet, "'") != l.Sheet {
			return 0, 0, false
		}
		col, row, ok := cellColRow(cell)
		if !ok {
			return 0, 0, false
		}
		i = slices.IndexFunc(spans, func(sp colSpan) bool { return sp.has(col) })
		return row, i, i >= 0
	}
	for _, ob := range d.Observations {
		if ob.Area != l.Area || ob.Split != app.All {
			continue
		}
		if row, i, ok := table(ob.Cell); ok {
			rows[i][ob.Ref] = row
		}
	}
	for src, at := range d.TargetsAt {
		if row, i, ok := table(at.Sheet + "!" + at.Cell); ok && src.Area == "" {
			if _, has := rows[i][src.Ref]; !has {
				rows[i][src.Ref] = row
			}
		}
	}
	var cells []app.TargetCell
	for _, c := range l.Columns {
		part, ok := targetParts[c.Role]
		i := slices.IndexFunc(spans, func(sp colSpan) bool { return sp.has(c.index) })
		if c.Period.IsZero() || !ok || spans[i].refless {
			continue // a table with no Ref of its own is not read
		}
		rows := rows[i]
		for _, ref := range slices.Sorted(maps.Keys(rows)) {
			cells = append(cells, app.TargetCell{Sheet: l.Sheet, Col: c.Col, Row: rows[ref], Ref: ref, Year: c.Period, Part: part})
		}
	}
	return cells
}

// cellColRow reads "J6" as its 0-based column and 1-based row.
func cellColRow(cell string) (col, row int, ok bool) {
	col, ok = xlsx.ColumnOf([]byte(cell))
	j := strings.IndexAny(cell, "0123456789")
	if !ok || j <= 0 {
		return 0, 0, false
	}
	row, err := strconv.Atoi(cell[j:])
	return col, row, err == nil && row >= 1
}

// cellRow splits "CYPE Scorecard!J6" into its sheet and 1-based row.
func cellRow(at string) (sheet string, row int, ok bool) {
	i := strings.LastIndexByte(at, '!')
	if i <= 0 || i == len(at)-1 {
		return "", 0, false
	}
	ref := at[i+1:]
	j := strings.IndexAny(ref, "0123456789")
	if j <= 0 {
		return "", 0, false
	}
	row, err := strconv.Atoi(ref[j:])
	if err != nil || row < 1 {
		return "", 0, false
	}
	return strings.Trim(at[:i], "'"), row, true
}

// targetTable returns the columns of a targets table that say whose
// target a row gives and its figures: the first of each role.
func targetTable(l Layout) app.TargetTable {
	t := app.TargetTable{Sheet: l.Sheet, FirstRow: l.FirstRow, Parts: map[app.TargetPart]string{}}
	for _, c := range l.Columns {
		var at *string
		switch c.Role {
		case RoleRef:
			at = &t.Ref
		case RoleYear:
			at = &t.Year
		case RoleArea:
			at = &t.Area
		default:
			if part, ok := targetParts[c.Role]; ok {
				if _, dup := t.Parts[part]; !dup {
					t.Parts[part] = c.Col
				}
			}
			continue
		}
		if *at == "" {
			*at = c.Col
		}
	}
	return t
}
