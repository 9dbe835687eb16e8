// Package importer reads the performance scorecards MI officers already
// have (Excel workbooks in the house layout, district sheets, cohort twin
// rows and breakdown blocks) and tidy tables in Excel or CSV, detecting
// each sheet's layout from its header wording, and turns them into an
// app.Dataset with a validation report of everything it skipped. Through
// Formats it also reads child-level lists (an Ofsted Annex A list 8, an
// SSDA903 return's three CSVs; see importer/childlevel), the DfE's
// explore-education-statistics CSVs (importer/dfe) and the app's own
// export, and refuses the DfE's reference files saying what they are.
package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/cohort"
	"scorecard/importer/dfe"
	"scorecard/importer/refclash"
)

// Options adjust an import.
type Options struct {
	// Layouts are per-sheet layouts overriding detection (a saved
	// profile), keyed by sheet name; may be nil.
	Layouts map[string]Layout
	// Progress is called now and then for a progress bar; may be nil.
	Progress func(done, total int)
	// MaxUnzipSize caps the uncompressed size of a workbook, so a zip bomb
	// or a giant sheet is refused rather than filling memory or disk; zero
	// means DefaultMaxUnzipSize.
	MaxUnzipSize int64
	// Known reports whether the store already holds an indicator, so
	// that a DfE file does not replace a scorecard's definition of it;
	// nil means none is known.
	Known func(ref string) bool
	// Defined returns the store's definition of an indicator, so that
	// a tidy table's per-row targets are dated by the year type the
	// store holds for it when the file does not say, and so that a DfE
	// file's figures are not filed under a ref the store defines as
	// another measure; may be nil.
	Defined func(ref string) (app.Indicator, bool)
	// Held returns the figures the store holds now for an indicator,
	// of every area and split, so that a file's figure the file alone
	// leaves in doubt is judged beside them: a lone 0.25 of a
	// percentage held as 21.5 to 24.0, a bare year of an indicator held
	// by academic year only; may be nil.
	Held func(ref string) []app.Observation
	// Indicators are the store's indicators, so that a name on a sheet
	// with no Ref column is filed under the one indicator of the same
	// name the store holds under a Ref; may be nil.
	Indicators []app.Indicator
	// Retired are the periods the store's retired indicators were
	// retired from (scorecard retire), by ref, so that a name without
	// a Ref that is a retired indicator's and its successor's is filed
	// under the one in circulation; may be nil.
	Retired map[string]app.Period
	// DfEMapping overrides the default mapping of DfE
	// explore-education-statistics CSVs to indicators (an officer's saved
	// mapping); nil means dfe.DefaultMapping.
	DfEMapping *dfe.Mapping
	// AsAt is the snapshot date of a child-level list (an Annex A list,
	// an SSDA903 return): the day its children are counted on. Zero means
	// the list's own date: its extract date, or a 903 return's collection
	// year. Other formats date their own figures and ignore it.
	AsAt time.Time
	// AllowMany confirms an import adding more than MaxNewIndicators.
	AllowMany bool
	// AllowFuture confirms figures dated more than FutureYears after
	// today.
	AllowFuture bool
	// Authority is the store's authority: areas are read as its, a
	// workbook whose areas are all another's is refused, and a table
	// without areas is filed under it. Nil means app.DefaultAuthority.
	Authority *app.Authority
	// RAGRule is the rule the store's authority rates RAG by: a
	// workbook's RAG column beside a target without a floor is said to
	// get no rating of the app's only under the floor rule, which needs
	// one.
	RAGRule app.RAGRule
	// AreaNames are the officer's readings of area names the authority
	// does not have, as Layout.AreaNames (which come first) for every
	// sheet: `import --area "Shepway=Folkestone and Hythe"`.
	AreaNames map[string]app.Area
	// Model is the statistical-neighbour model the store keeps (one
	// imported, see Result.Model); nil means the DfE's built-in model.
	Model *benchmark.Model
	// Opening is the file's reading begun while these options were
	// gathered (Open): Read takes it over where it is of the file read,
	// and begins afresh where not, or where it was taken before.
	Opening *Opening
}

// unzipLimit is MaxUnzipSize, or DefaultMaxUnzipSize where it is unset.
func (o Options) unzipLimit() int64 {
	if o.MaxUnzipSize <= 0 {
		return DefaultMaxUnzipSize
	}
	return o.MaxUnzipSize
}

// DefaultMaxUnzipSize is the largest uncompressed workbook read: many
// times the largest real scorecard workbook (100+ indicators, 13 areas,
// 60 months is about 10 MB of XML).
const DefaultMaxUnzipSize = 256 << 20

// Result is one file's import.
type Result struct {
	File string
	// SHA256 fingerprints what was read, for the store's duplicate
	// check: the file's bytes or, for a set of files read as one (an
	// SSDA903 return's three tables), the set's, whichever was named.
	SHA256  string
	Format  string   // the Format's name: "scorecard workbook", "tidy table", "Annex A list 8 (child-level)", ...
	Sheets  []string // sheets read
	Layouts []Layout // what was detected, per sheet: showable, correctable, savable as a profile (JSON)
	Dataset *app.Dataset
	// Warnings is the validation report: counts read, every skipped row
	// or cell and every suspect value, each with file, sheet and cell.
	Warnings []app.Warning
	// UnknownAreas are the area names the file gives that the store's
	// authority does not have, each where first found, with what its
	// figures were filed under: for the officer to map in the review.
	UnknownAreas []UnknownArea
	// UnreadFigures are the first figure of each column a sheet's reader
	// left unread, having said why at its heading: for the import to
	// refuse a file of which it read no figure at all
	// (app.CheckFiguresRead).
	UnreadFigures []app.Location
	// Model is the statistical-neighbour model a model file gives (its
	// Dataset is empty): for the store to keep in place of the built-in
	// one, and to pass as Options.Model to later imports.
	Model *benchmark.Model
}

// Sure reports whether every sheet's layout was detected without doubt
// (see Layout.Unsure); a fixed format (a DfE CSV, a child-level list)
// always is.
func (r *Result) Sure() bool {
	for _, l := range r.Layouts {
		if len(l.Unsure) > 0 {
			return false
		}
	}
	return true
}

// Summary writes the import's counts in one line for the command line.
func (r *Result) Summary() string {
	d := r.Dataset
	return fmt.Sprintf("%s: %s, %d sheets read (%s); %d indicators, %d observations, %d targets, %d benchmarks, %d comments; %d warnings",
		filepath.Base(r.File), r.Format, len(r.Sheets), strings.Join(r.Sheets, ", "), len(d.Indicators), len(d.Observations),
		len(d.Targets), len(d.Benchmarks), len(d.Comments), len(r.Warnings))
}

// Sample is the start of a file, opened once so that every format can be
// tried against the same header wording.
type Sample struct {
	Path string
	Ext  string // lower case: ".xlsx", ".xlsm", ".csv"
	// Heads are the first rows of each sheet (for a CSV, one unnamed
	// sheet), raw: numbers unformatted, dates as serials.
	Heads []Head
	book  *workbook // the open workbook; nil for a CSV
	opt   Options
	// wholes are the sheets detectSheet read whole, kept for
	// readWorkbook so that it does not read them again; shared by
	// copies of the Sample.
	wholes *wholeSheets
}

// wholeSheets are sheets read whole, by name.
type wholeSheets struct {
	mu sync.Mutex
	m  map[string]*grid
}

func (w *wholeSheets) get(name string) *grid {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.m[name]
}

func (w *wholeSheets) put(name string, g *grid) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.m[name] = g
}

// drop forgets every sheet, for the garbage collector.
func (w *wholeSheets) drop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	clear(w.m)
}

// Head is the first rows of one sheet.
type Head struct {
	Sheet string
	Rows  [][]string
	// Partial is set when Rows stop short of the first rows the importer
	// looks for a header in (a very wide sheet): a Detect that finds
	// nothing in them should not conclude the sheet has nothing.
	Partial bool
}

// Format is one kind of file the importer reads: Detect looks at the
// header wording of a Sample, Read reads the whole file. Formats are
// tried in order; add a reader by adding a line to Formats.
type Format struct {
	Name   string
	Detect func(*Sample) bool
	Read   func(context.Context, *Sample, Options) (*Result, error)
}

// Formats are the readers Read tries, most specific first. Sniffing by
// header wording lives here and in the Detect functions, nowhere else.
var Formats = []Format{
	{Name: FormatAnnexA, Detect: isAnnexA, Read: readAnnexA},
	{Name: Format903, Detect: is903, Read: read903},
	{Name: "DfE statistics (explore-education-statistics)", Detect: isDfE, Read: readDfE},
	{Name: FormatNeighbours, Detect: isNeighbourModel, Read: readNeighbourModel},
	{Name: "Scorecard export", Detect: isExport, Read: readExport},
	{Name: "tidy table", Detect: isTidyCSV, Read: readCSV},
	{Name: "LAIT / ChAT tables", Detect: isYearTables, Read: readYearTables},
	{Name: "scorecard workbook", Detect: hasScorecardSheet, Read: readWorkbook},
}

// Read imports one file (.xlsx, .xlsm, .csv), detecting its format and
// layout. A failed read returns an error whose message is one line naming
// the file and, where it applies, the sheet and cell and what was
// expected.
func Read(ctx context.Context, path string, opt Options) (res *Result, err error) {
	base := filepath.Base(path)
	defer func() {
		// A last resort: the fuzzer hunts the causes, but no input may
		// bring the app down.
		if p := recover(); p != nil {
			res, err = nil, internalError(base, p)
		}
	}()
	limit := opt.unzipLimit()
	b, ok := opt.Opening.take(path, limit)
	if !ok {
		b = begin(ctx, path, limit)
	}
	if b.err != nil {
		return nil, b.err
	}
	fi, s, sum := b.fi, b.s, b.sum
	if s.book != nil {
		defer s.book.Close()
	}
	s.opt = opt
	for _, f := range Formats {
		if !f.Detect(s) {
			continue
		}
		res, err := f.Read(ctx, s, opt)
		if err != nil {
			if ref := referenceRefusal(s); ref != nil && strings.Contains(ref.Error(), laitDictionary) {
				// Its "Measure_code" reads as a Ref column, and the
				// sheet as a scorecard of definitions with no months:
				// what the file is says more than why it did not read.
				return nil, ref
			}
			return nil, err
		}
		if err := stillSame(path, fi); err != nil {
			return nil, err
		}
		now := time.Now()
		// cohort.Review, the longest of these checks, only reads the
		// dataset, as the others do: it runs beside them. A file they
		// refuse discards what it found, panic included, as it never ran.
		var cohortWarnings []app.Warning
		reviewed := startWorkers(1, func(int) { cohortWarnings = cohort.Review(base, res.Dataset, opt.Authority) })
		if err := checkFigures(base, res.Dataset, opt, now); err != nil {
			reviewed.abandon()
			return nil, err
		}
		res.Warnings = append(res.Warnings, futureMonths(base, res.Dataset, now)...)
		reviewed.wait()
		res.Warnings = append(res.Warnings, cohortWarnings...)
		if res.Dataset != nil {
			res.Warnings = append(res.Warnings, respelledRefs(base, res.Dataset, opt.Known)...)
			seen := newNewRefs(opt.Known)
			seen.addAll(res.Dataset.Indicators)
			if err := tooManyIndicators(app.Location{File: base}, seen.count(), opt); err != nil {
				return nil, err
			}
		}
		res.File = path
		if res.SHA256 == "" {
			res.SHA256 = sum
		}
		if res.Format == "" {
			res.Format = f.Name
		}
		if !opt.AsAt.IsZero() && res.ChildLevel() {
			res.SHA256 = asAtSHA256(res.SHA256, opt.AsAt)
		}
		return res, nil
	}
	return nil, unrecognised(s)
}

// unrecognised explains why no format took a file, at the first sheet.
func unrecognised(s *Sample) error {
	base := filepath.Base(s.Path)
	if len(s.Heads) == 0 {
		return &app.SourceError{Location: app.Location{File: base}, Err: errors.New("has no sheets with data")}
	}
	if err := dfeMissingColumn(s); err != nil {
		return err
	}
	if err := referenceRefusal(s); err != nil {
		return err
	}
	if s.book == nil {
		return &app.SourceError{Location: app.Location{File: base, Cell: "line 1"}, Err: errNoHeader}
	}
	return noHeaderError(base, s.Heads[0].Sheet)
}

// referenceRefusal refuses a file that referenceData recognises, at its
// first sheet that is, saying what it is; nil for any other file.
func referenceRefusal(s *Sample) error {
	base := filepath.Base(s.Path)
	for _, h := range s.Heads {
		if what, row, ok := referenceData(h.Rows); ok {
			loc := app.Location{File: base, Sheet: h.Sheet, Cell: "A" + strconv.Itoa(row+1)}
			if s.book == nil {
				loc = app.Location{File: base, Cell: "line " + strconv.Itoa(row+1)}
			}
			return &app.SourceError{Location: loc, Err: fmt.Errorf("reference data: %s, not figures to import", what)}
		}
	}
	return nil
}

// laitDictionary is what referenceData calls LAIT's data dictionary.
const laitDictionary = "the DfE's LAIT data dictionary"

// referenceData recognises the DfE reference files officers may pick by
// mistake, so the refusal can say what the file is: lists of local
// authorities, their statistical neighbours, and LAIT's data dictionary.
func referenceData(rows [][]string) (what string, row int, ok bool) {
	for r, cells := range rows {
		var la, sn, measure, polarity bool
		for _, c := range cells {
			if strings.IndexFunc(c, unicode.IsLetter) < 0 {
				// A figure, most cells of a scorecard's first rows: no
				// heading, and not worth normalising to be sure.
				continue
			}
			switch h := normHeader(c); {
			case h == "la name" || h == "la number" || h == "la code" || h == "la num" ||
				h == "new la code" || h == "old la code" || h == "local authority":
				la = true
			case h == "sn1" || h == "sn 1" || strings.HasPrefix(h, "statistical neighbour 1"):
				sn = true
			case h == "measure code":
				measure = true
			case h == "polarity":
				polarity = true
			}
		}
		switch {
		case la && sn:
			return "a table of statistical neighbour groups", r, true
		case la:
			return "a list of local authorities", r, true
		case measure && polarity:
			return laitDictionary + " (the DfE mapping already gives each measure's polarity and unit)", r, true
		}
	}
	return "", 0, false
}

// unwrapPathError drops the path from an os error, since the message
// already names the file.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sample opens a file and reads the first rows of each sheet.
func sample(ctx context.Context, path string, opt Options) (*Sample, error) {
	base := filepath.Base(path)
	s := &Sample{Path: path, Ext: strings.ToLower(filepath.Ext(path)), opt: opt}
	switch s.Ext {
	case ".csv":
		rows, err := readCSVRows(ctx, path, headerSearchRows)
		if err != nil {
			return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
		}
		if len(rows) > 0 {
			s.Heads = []Head{{Rows: rows}}
		}
		return s, nil
	case ".xlsx", ".xlsm":
	case ".xls":
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: errors.New("is an Excel 97-2003 workbook (.xls): save it as .xlsx in Excel and import that")}
	default:
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: errors.New("not a workbook or CSV (expected .xlsx, .xlsm or .csv)")}
	}
	book, err := openWorkbook(path, opt.unzipLimit())
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
	}
	s.book, s.wholes = book, &wholeSheets{m: map[string]*grid{}}
	names := book.SheetNames()
	heads := make([]*grid, len(names))
	complete := make([]bool, len(names))
	errs := make([]error, len(names))
	inParallel(len(names), func(i int) {
		heads[i], complete[i], errs[i] = book.head(ctx, names[i], headerSearchRows)
	})
	for i, name := range names {
		if err := errs[i]; err != nil {
			book.Close()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &app.SourceError{Location: app.Location{File: base, Sheet: name}, Err: err}
		}
		s.Heads = append(s.Heads, Head{Sheet: name, Rows: heads[i].rows, Partial: !complete[i]})
	}
	return s, nil
}

// internalError is Read's last word on a panic recovered while reading
// file, its stack printed where SCORECARD_DEBUG is set.
func internalError(file string, p any) error {
	debugPanic()
	return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf("could not be read (internal error: %v)", p)}
}

// debugPanic prints the stack of a panic being recovered, where
// SCORECARD_DEBUG is set: the fuzzer hunts the causes.
func debugPanic() {
	if os.Getenv("SCORECARD_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "%s\n", debug.Stack())
	}
}

// hasScorecardSheet reports whether any sheet of a workbook has a layout
// the importer reads (or a saved profile says how to read it).
func hasScorecardSheet(s *Sample) bool {
	if s.book == nil {
		return false
	}
	for _, h := range s.Heads {
		if l, ok := s.opt.Layouts[h.Sheet]; ok && l.Kind != Skip {
			return true
		}
		// A layout refused at a cell is a scorecard's, refused there
		// rather than said to have no header.
		var refused *layoutRefusal
		if _, err := s.detectSheet(context.Background(), h); err == nil || errors.As(err, &refused) {
			return true
		}
	}
	return false
}

// detectSheet detects a sheet's layout from its head, or from the whole
// sheet where the head is partial and shows no header.
func (s *Sample) detectSheet(ctx context.Context, h Head) (Layout, error) {
	l, err := detect(h.Sheet, &grid{rows: h.Rows})
	if err == nil || !h.Partial || s.book == nil {
		return l, err
	}
	g := s.wholes.get(h.Sheet)
	if g == nil {
		var gerr error
		if g, gerr = s.book.readSheet(ctx, h.Sheet); gerr != nil {
			return l, err
		}
		s.wholes.put(h.Sheet, g)
	}
	return detect(h.Sheet, g)
}

// isTidyCSV reports whether a CSV's header is a tidy table's.
func isTidyCSV(s *Sample) bool {
	if s.book != nil || len(s.Heads) == 0 {
		return false
	}
	l, err := detect("", &grid{rows: s.Heads[0].Rows})
	// A scorecard saved as CSV (Ref, Indicator, months across) is read
	// as its sheet would be.
	return err == nil && (l.Kind == TidySheet || l.Kind == TargetSheet || l.Kind == IndicatorSheet)
}

// respelledRefs warns of each indicator new to the store whose ref is
// likely one the store holds written another way ("cic05" or "CIC 05"
// for CIC05): its figures start a new indicator, apart from the series
// they continue, so the warning names the ref meant and where the file
// wrote it.
func respelledRefs(base string, d *app.Dataset, known func(string) bool) []app.Warning {
	if known == nil {
		return nil
	}
	var out []app.Warning
	for _, ind := range d.Indicators {
		// Asking the store loads it whole: only a ref in lower case,
		// or with spaces or punctuation, is asked about, as the usual
		// file's refs (CIC05) are not.
		if strings.ToUpper(ind.Ref) == ind.Ref && !strings.ContainsAny(ind.Ref, " -_./") || known(ind.Ref) {
			continue
		}
		for _, r := range refclash.Respellings(ind.Ref) {
			if !known(r) {
				continue
			}
			at := d.Stated[ind.Ref].Name
			if at.Cell == "" {
				at = app.Location{}
			}
			at.File = base
			out = append(out, app.Warning{Location: at, Message: fmt.Sprintf(
				"%s: not a ref the store holds, but the store holds %s, which it likely is, written another way: its figures are filed as a new indicator %s, apart from %s's; if it is %s, write the ref as %s and import again",
				ind.Ref, r, ind.Ref, r, r, r)})
			break
		}
	}
	return out
}
