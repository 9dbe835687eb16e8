package app

// SourceCells says where a workbook holds what its import read: the
// cells of its figures, benchmarks, targets, floors and tolerances, and
// the columns read. The store keeps only the latest version of a
// benchmark or target, whose cell may be in a later import's file, and
// only the first version of a figure later files repeated, whose cell is
// in the first file, so an export into the workbook's own layout reads
// the workbook again for these (export.Options.Reread). The importer
// fills it; it is never stored.
type SourceCells struct {
	// Benchmarks are the benchmarks the workbook gives, each with the
	// cell it gives it in (Benchmark.Source).
	Benchmarks []Benchmark
	// Figures are the figures the workbook gives, each with the cell it
	// gives it in (Observation.Cell). A figure an earlier file gave just
	// as this one does keeps that file's version, and its cell, in the
	// store: only the workbook read again says where it holds it.
	Figures []Observation
	// Columns are, by sheet, the letters of the columns the import read
	// ("H"), whatever they held.
	Columns map[string][]string
	// Targets are the cells of an indicator sheet's target, floor and
	// tolerance columns headed with their year, on the rows its
	// indicators' figures for the sheet's own area were read from, in
	// the order of the sheets, their columns and the refs.
	Targets []TargetCell
	// TargetTables are the workbook's targets tables, in sheet order.
	TargetTables []TargetTable
}

// TargetPart is one of a year's target's figures.
type TargetPart string

// The figures of a year's target (Target.Target, Floor and Tolerance).
const (
	PartTarget    TargetPart = "target"
	PartFloor     TargetPart = "floor"
	PartTolerance TargetPart = "tolerance"
)

// Of returns t's figure for the part p: its target, floor or tolerance.
func (p TargetPart) Of(t Target) *float64 {
	switch p {
	case PartFloor:
		return t.Floor
	case PartTolerance:
		return t.Tolerance
	}
	return t.Target
}

// TargetCell is the cell of an indicator sheet giving an indicator's
// target, floor or tolerance for a year.
type TargetCell struct {
	Sheet string
	Col   string // the column's letters, "K"
	Row   int    // 1-based
	Ref   string
	Year  Period
	Part  TargetPart
}

// TargetTable is a sheet of targets, one row per indicator and year (and
// district, where it has an area column): the columns each holds, by
// letters ("" where it has none), and its first row of data.
type TargetTable struct {
	Sheet    string
	FirstRow int // 1-based
	Ref      string
	Year     string
	Area     string
	// Parts are the columns of the target, floor and tolerance, as the
	// table has them.
	Parts map[TargetPart]string
}
