package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CheckYield refuses a file whose reading, as the officer decided it,
// yields nothing to store: recording it would say the file was imported
// when nothing of it was. The refusal names the file and, where the
// reader warned, the first warning's cell and words, which are usually
// why (every row skipped). Both the command line and the window ask it
// before they store a file.
func CheckYield(file string, d *Dataset, warnings []Warning) error {
	return CheckYieldOf(file, nil, d, warnings)
}

// CheckYieldOf is CheckYield for a file whose reader read the sheets
// named: where the warnings are on more than one sheet, or a sheet read
// has none, the refusal says why of each sheet, on its one line (the
// contract's), with each sheet's count of warnings and the first, so
// that the officer sees every sheet that gave nothing, not only the
// first warning's.
func CheckYieldOf(file string, sheets []string, d *Dataset, warnings []Warning) error {
	if d.Yields() {
		return nil
	}
	groups := bySheet(sheets, warnings)
	if len(groups) > 1 {
		parts := make([]string, len(groups))
		for i, g := range groups {
			parts[i] = g.summary()
		}
		return &SourceError{Location: Location{File: file},
			Err: fmt.Errorf("nothing to import from any sheet: %s", strings.Join(parts, "; "))}
	}
	if len(warnings) == 0 {
		why := "nothing to import: no figures, targets, benchmarks, comments or definitions found in it"
		if d != nil && d.Stated == nil && len(d.Indicators) > 0 {
			refs := make([]string, len(d.Indicators))
			for i, ind := range d.Indicators {
				refs[i] = ind.Ref
			}
			why = fmt.Sprintf("nothing to import: no figures, targets, benchmarks or comments found in it, only the definitions its format gives (%s)",
				strings.Join(refs, ", "))
		}
		return &SourceError{Location: Location{File: file}, Err: errors.New(why)}
	}
	first := warnings[0]
	first.File = file
	why := "nothing to import: " + first.Message
	if n := len(warnings); n > 1 {
		why = fmt.Sprintf("nothing to import (the first of %d warnings): %s", n, first.Message)
	}
	return &SourceError{Location: first.Location, Err: errors.New(why)}
}

// sheetWarnings are one sheet's warnings ("" for those on no sheet).
type sheetWarnings struct {
	sheet string
	warns []Warning
}

// bySheet groups warnings by sheet, the sheets read first in their
// order, then any other in the order of its first warning. A file whose
// warnings name no sheet (a CSV, read as a sheet of its own name) is one
// group.
func bySheet(sheets []string, warnings []Warning) []sheetWarnings {
	if !slices.ContainsFunc(warnings, func(w Warning) bool { return w.Sheet != "" }) {
		sheets = nil
	}
	var out []sheetWarnings
	at := map[string]int{}
	add := func(sheet string) int {
		i, ok := at[sheet]
		if !ok {
			i = len(out)
			at[sheet] = i
			out = append(out, sheetWarnings{sheet: sheet})
		}
		return i
	}
	for _, s := range sheets {
		add(s)
	}
	for _, w := range warnings {
		i := add(w.Sheet)
		out[i].warns = append(out[i].warns, w)
	}
	return out
}

// summary says why a sheet gave nothing: its first warning, where, and
// how many more.
func (g sheetWarnings) summary() string {
	name := fmt.Sprintf("sheet %q", g.sheet)
	if g.sheet == "" {
		name = "the file"
	}
	switch len(g.warns) {
	case 0:
		return name + ": no figure, target, benchmark or comment read, and no warning"
	case 1:
		return fmt.Sprintf("%s%s: %s", name, cellOf(g.warns[0]), g.warns[0].Message)
	}
	return fmt.Sprintf("%s (%d warnings, the first%s): %s", name, len(g.warns), cellOf(g.warns[0]), g.warns[0].Message)
}

// cellOf is " at CELL" for a warning on a cell, or "".
func cellOf(w Warning) string {
	if w.Cell == "" {
		return ""
	}
	return " at " + w.Cell
}

// CheckFiguresRead is CheckYieldOf for a file of which no figure was
// read while figures were left unread (unread, the first of each column
// or sheet, said where it was dropped): stored, it was "imported, 0
// observations", exit 0, and a scripted monthly run took a scorecard
// whose every month went unread for one imported. The contract's exit 1
// is for no data, and a file's targets, benchmarks or comments beside
// figures all dropped are not its data either (hA F3: a target column
// read, every month under sub-columns dropped). Such a file is refused as
// yielding nothing, its line saying so. A file of definitions or targets
// alone, with no figure left unread, still imports.
func CheckFiguresRead(file string, sheets []string, d *Dataset, unread []Location, warnings []Warning) error {
	if err := CheckYieldOf(file, sheets, d, warnings); err != nil {
		return err
	}
	if len(unread) == 0 || len(d.Observations)+len(d.Breakdowns) > 0 {
		return nil
	}
	var refusal *SourceError
	if !errors.As(CheckYieldOf(file, sheets, &Dataset{}, warnings), &refusal) {
		return nil
	}
	cols := "a column"
	if n := len(unread); n > 1 {
		cols = fmt.Sprintf("%d columns", n)
	}
	kept := "the definitions of its rows are"
	if len(d.Targets)+len(d.Benchmarks)+len(d.Comments) > 0 {
		kept = "the definitions, targets, benchmarks and comments of its rows are"
	}
	refusal.Err = fmt.Errorf("%w; %s of figures not read, the first figure at %s!%s, and %s not stored without a figure",
		refusal.Err, cols, unread[0].Sheet, unread[0].Cell, kept)
	return refusal
}
