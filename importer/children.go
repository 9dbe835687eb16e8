package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/importer/childlevel"
	"scorecard/importer/csvfile"
)

// The names of the child-level formats, as Result.Format gives them.
const (
	FormatAnnexA = "Annex A list 8 (child-level)"
	Format903    = "SSDA903 return (child-level)"
)

// ChildLevel reports whether the result is of a child-level list, the
// only kind Options.AsAt dates.
func (r *Result) ChildLevel() bool { return r.Format == FormatAnnexA || r.Format == Format903 }

// ParseAsAt reads a snapshot date for Options.AsAt, written YYYY-MM-DD.
// It may not be after now's date: no list counts children on a day still
// to come.
func ParseAsAt(s string, now time.Time) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date written YYYY-MM-DD, e.g. 2026-10-05", s)
	}
	if y, m, d := now.Date(); t.After(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
		return time.Time{}, fmt.Errorf("%s is in the future: a list cannot count children on a day still to come", s)
	}
	return t, nil
}

// A Moved is a file FixedRefsLast read after a file named after it, and
// what it is, in words: "a child-level list".
type Moved struct {
	Path, What string
}

// FixedRefsLast orders the files of an import of several: those that
// file their figures under fixed refs, child-level lists (an Annex A
// list, an SSDA903 table) and DfE statistics files, after every other
// file, each kind in the order given. Such a file is refused the refs the
// store defines as other measures (leaveOutClashes, the DfE reader's
// clash guard); read after a council's workbook named with it, it is
// judged against the workbook's definitions, where read first it would
// define the refs itself and the workbook's figures would be filed under
// them. It returns the order and the files it moved after another. A
// file whose start cannot be read keeps its place: its import says why.
func FixedRefsLast(ctx context.Context, paths []string) (ordered []string, moved []Moved) {
	var others []string
	var fixed []Moved
	for _, p := range paths {
		if what := fixedRefs(ctx, p); what != "" {
			fixed = append(fixed, Moved{p, what})
			continue
		}
		// The fixed-ref files before this one are read after it.
		moved = append(moved, fixed[len(moved):]...)
		others = append(others, p)
	}
	for _, m := range fixed {
		others = append(others, m.Path)
	}
	return others, moved
}

// fixedRefs says what the file at path is, by its start alone, if it
// files its figures under fixed refs: "a child-level list", "a DfE
// statistics file"; or "".
func fixedRefs(ctx context.Context, path string) string {
	s, err := sample(ctx, path, Options{})
	if err != nil {
		return ""
	}
	if s.book != nil {
		defer s.book.Close()
	}
	switch {
	case isAnnexA(s) || is903(s):
		return "a child-level list"
	case isDfE(s):
		return "a DfE statistics file"
	}
	return ""
}

// isAnnexA reports whether a workbook or CSV has an Ofsted Annex A list
// of children in care: a header row, perhaps under title rows, naming
// the child, the date they started to be looked after and whether UASC.
// Case-management systems save the list as either.
func isAnnexA(s *Sample) bool {
	_, ok := annexASheet(s)
	return ok
}

// annexASheet is the sheet whose head holds an Annex A header that the
// list is read from (childlevel.ListFirst's order: one naming List 8,
// else the first); a CSV's one table is the sheet "".
func annexASheet(s *Sample) (string, bool) {
	heads := slices.Clone(s.Heads)
	slices.SortStableFunc(heads, func(a, b Head) int { return childlevel.ListFirst(a.Sheet, b.Sheet) })
	for _, h := range heads {
		for _, row := range h.Rows {
			if childlevel.DetectAnnexA(row) {
				return h.Sheet, true
			}
		}
	}
	return "", false
}

// readAnnexA reads an Annex A list into its aggregates; no child's
// details leave childlevel.
func readAnnexA(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sheet, _ := annexASheet(s)
	named, err := listCouncil(s, sheet, []string{s.Path}, opt)
	if err != nil {
		return nil, err
	}
	var d *app.Dataset
	var warns []app.Warning
	if s.book == nil {
		d, warns, err = readAnnexACSV(ctx, s.Path, opt)
		sheet = filepath.Base(s.Path)
	} else {
		d, warns, err = childlevel.ReadAnnexA(s.Path, opt.AsAt, opt.authority())
	}
	if err != nil {
		return nil, baseNamed(err, s.Path)
	}
	at := app.Location{File: filepath.Base(s.Path), Sheet: sheetOf(s, sheet)}
	filed, err := listAtCadence(d, at, opt)
	if err != nil {
		return nil, err
	}
	warns = append(warns, filed...)
	clashes, err := leaveOutClashes(d, at, opt.authority().Area(), opt.Defined)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	return &Result{Sheets: []string{sheet}, Dataset: d, Warnings: slices.Concat(named, warningsBaseNamed(warns, s.Path), clashes)}, nil
}

// sheetOf is the sheet a message about a list names: none for a CSV,
// whose Result names the file as its one sheet, as a tidy table's does.
func sheetOf(s *Sample, sheet string) string {
	if s.book == nil {
		return ""
	}
	return sheet
}

// readAnnexACSV reads an Annex A list saved as CSV, in whatever encoding
// and separator Excel or a case-management system saved it (readCSVTable),
// its cells named by line, as every CSV's are.
func readAnnexACSV(ctx context.Context, path string, opt Options) (*app.Dataset, []app.Warning, error) {
	t, err := readCSVTable(ctx, path, 0)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, &app.SourceError{Location: app.Location{File: path}, Err: err}
	}
	d, warns, err := childlevel.ReadAnnexARows(path, t.Rows, opt.AsAt, opt.authority())
	if err != nil {
		var se *app.SourceError
		if errors.As(err, &se) {
			se.Cell = csvLine(se.Cell)
		}
		return nil, nil, err
	}
	for i := range warns {
		warns[i].Cell = csvLine(warns[i].Cell)
	}
	if note := csvfile.EncodingNote(t.Encoding); note != "" {
		warns = append([]app.Warning{{Location: app.Location{File: path, Cell: "line 1"}, Message: note}}, warns...)
	}
	return d, warns, nil
}

// maxSiblings bounds the search for a 903 table's companions, so that
// pointing the app at a file in a crowded folder stays quick.
const maxSiblings = 200

// is903 reports whether a CSV is one of the SSDA903 return's tables.
func is903(s *Sample) bool {
	_, ok := table903(s)
	return ok
}

func table903(s *Sample) (string, bool) {
	if s.book != nil || len(s.Heads) == 0 || len(s.Heads[0].Rows) == 0 {
		return "", false
	}
	return childlevel.Detect903(s.Heads[0].Rows[0])
}

// ReturnRefused is the refusal of an SSDA903 return read from all its
// tables at once. Tables are their paths, so that an import naming the
// others too says they were refused with it: each read and refused the
// whole return again, and the one refusal was printed three times.
type ReturnRefused struct {
	Tables []string
	Err    error
}

func (e *ReturnRefused) Error() string { return e.Err.Error() }
func (e *ReturnRefused) Unwrap() error { return e.Err }

// read903 reads the SSDA903 table it was given with the other two of its
// set, found beside it: a return is three CSVs, and no figure can be
// drawn from one alone.
func read903(ctx context.Context, s *Sample, opt Options) (res *Result, err error) {
	base := filepath.Base(s.Path)
	table, _ := table903(s)
	found, err := siblings903(ctx, s.Path, table)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
	}
	tables := []string{childlevel.Table903Header, childlevel.Table903Episodes, childlevel.Table903UASC}
	var missing []string
	for _, t := range tables {
		if found[t] == "" {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		return nil, &app.SourceError{Location: app.Location{File: base},
			Err: fmt.Errorf("is the SSDA903 %s table, but the folder holds no %s table beside it (expected the return's Header, Episodes and UASC CSVs together in one folder)",
				table, strings.Join(missing, " or "))}
	}
	paths := make([]string, len(tables))
	sums := make([]string, len(tables))
	for i, t := range tables {
		paths[i] = found[t]
	}
	defer func() {
		if err != nil {
			err = &ReturnRefused{Tables: paths, Err: err}
		}
	}()
	named, err := listCouncil(s, "", paths, opt)
	if err != nil {
		return nil, err
	}
	for i := range tables {
		if sums[i], err = app.FileSHA256(paths[i]); err != nil {
			return nil, &app.SourceError{Location: app.Location{File: filepath.Base(paths[i])}, Err: unwrapPathError(err)}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, warns, err := childlevel.Read903(paths, opt.AsAt, opt.authority())
	if err != nil {
		return nil, baseNamed(err, paths...)
	}
	// The figures are the Episodes table's.
	at := app.Location{File: filepath.Base(paths[1])}
	filed, err := listAtCadence(d, at, opt)
	if err != nil {
		return nil, err
	}
	warns = append(warns, filed...)
	clashes, err := leaveOutClashes(d, at, opt.authority().Area(), opt.Defined)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return &Result{SHA256: setSHA256(sums), Sheets: names, Dataset: d, Warnings: slices.Concat(named, warningsBaseNamed(warns, paths...), clashes)}, nil
}

// asAtSHA256 fingerprints a child-level list read as at a given date: the
// same list counted on another day is another import, not a repeat.
func asAtSHA256(sum string, asAt time.Time) string {
	h := sha256.New()
	h.Write([]byte(sum))
	h.Write([]byte("\nas at " + asAt.Format(time.DateOnly)))
	return hex.EncodeToString(h.Sum(nil))
}

// setSHA256 fingerprints a set of files by their own fingerprints, sorted,
// so that the set is the same import whichever file of it was named.
func setSHA256(sums []string) string {
	sorted := slices.Sorted(slices.Values(sums))
	h := sha256.New()
	for _, s := range sorted {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// siblings903 finds the 903 tables in path's folder by their header rows,
// with path itself as its table. A folder holding two of a table (two
// years' returns) is refused rather than guessed at.
func siblings903(ctx context.Context, path, table string) (map[string]string, error) {
	found := map[string]string{table: path}
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("looking for the other SSDA903 tables: %w", unwrapPathError(err))
	}
	looked := 0
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".csv") || e.Name() == filepath.Base(path) {
			continue
		}
		if looked++; looked > maxSiblings {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := filepath.Join(dir, e.Name())
		rows, err := readCSVRows(ctx, p, 1)
		if err != nil || len(rows) == 0 {
			continue
		}
		t, ok := childlevel.Detect903(rows[0])
		if !ok {
			continue
		}
		if prev := found[t]; prev != "" {
			return nil, fmt.Errorf("the folder holds two SSDA903 %s tables, %s and %s: put each return's three CSVs in a folder of their own",
				t, filepath.Base(prev), e.Name())
		}
		found[t] = p
	}
	return found, nil
}

// baseNamed rewrites the full paths childlevel names files by as base
// names, as every other import message names them.
func baseNamed(err error, paths ...string) error {
	var se *app.SourceError
	if errors.As(err, &se) {
		for _, p := range paths {
			se.File = strings.ReplaceAll(se.File, p, filepath.Base(p))
		}
	}
	return err
}

func warningsBaseNamed(ws []app.Warning, paths ...string) []app.Warning {
	for i := range ws {
		for _, p := range paths {
			ws[i].File = strings.ReplaceAll(ws[i].File, p, filepath.Base(p))
		}
	}
	return ws
}
