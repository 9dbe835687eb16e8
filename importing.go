package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/assets"
	"scorecard/importer"
)

func runImport(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one file to import")
	}
	// Each import records who made it (store.Operator), and the user
	// database's answer (some 0.4 ms, through the C library) is kept
	// once asked (os/user.Current): asked now, it is there before the
	// first file is read, rather than asked as the import is stored.
	go store.Operator()
	if len(args) == 1 {
		// The file is checked, fingerprinted and sampled while the
		// store is opened (or made, some 4 ms) and the definitions the
		// reading needs are read from it, rather than after.
		e.opening = importer.Open(e.ctx, args[0])
		defer e.opening.Close()
	}
	st, err := openStoreFor(e, args)
	if err != nil {
		names := make([]string, len(args))
		for i, a := range args {
			names[i] = filepath.Base(a)
		}
		return inUseSaid(err, strings.Join(names, ", ")+": not imported", "import it")
	}
	defer st.Close()
	if err := checkAreaNames(st, e.areaNames); err != nil {
		return err
	}
	var failed error
	paths, moved := args, []importer.Moved(nil)
	if len(args) > 1 {
		opt, err := batchOptions(st)
		if err != nil {
			return err
		}
		var said string
		paths, moved, said = importer.BatchOrder(e.ctx, args, opt)
		if said != "" {
			fmt.Fprintln(e.out, said)
		}
	}
	for _, path := range paths {
		if with, ok := e.readWith[absPath(path)]; ok {
			fmt.Fprintf(e.out, "%s: read with %s above, as one SSDA903 return\n", filepath.Base(path), with)
			continue
		}
		if with, ok := e.refusedWith[absPath(path)]; ok {
			fmt.Fprintf(e.errOut, "%s: refused with %s above, as one SSDA903 return\n", filepath.Base(path), with)
			continue
		}
		if i := slices.IndexFunc(moved, func(m importer.Moved) bool { return m.Path == path }); i >= 0 {
			// Said, since the summaries no longer follow the order given.
			fmt.Fprintf(e.out, "%s: %s: read after the other files named, so that its figures are checked against their definitions\n", filepath.Base(path), moved[i].What)
		}
		err := importFile(e, st, path, filepath.Base(path), "file")
		if lock := (*importer.LockFileError)(nil); errors.As(err, &lock) {
			// Said, not failed: a colleague has the workbook open.
			fmt.Fprintln(e.out, lock.Error())
			continue
		}
		if err != nil {
			fmt.Fprintln(e.errOut, oneLine(err))
			printRefusalWarnings(e, err)
			failed = errors.Join(failed, err)
			noteRefusedWith(e, path, err)
		}
	}
	if failed != nil {
		return errAlreadyReported
	}
	return nil
}

// batchOptions are what the files of an import of several are first read
// with, to order them (importer.BatchOrder): the store's authority and
// definitions, as each file's import reads it.
func batchOptions(st store.Store) (importer.Options, error) {
	inds, err := st.Indicators()
	if err != nil {
		return importer.Options{}, err
	}
	known := indicatorLookup(inds)
	auth, err := st.Authority()
	if err != nil {
		return importer.Options{}, err
	}
	model, err := store.NeighbourModel(st)
	if err != nil {
		return importer.Options{}, err
	}
	retired, err := store.Retirements(st, inds)
	if err != nil {
		return importer.Options{}, err
	}
	return importer.Options{Known: func(ref string) bool { _, ok := known(ref); return ok }, Defined: known, Indicators: inds, Retired: retired,
		Authority: auth, Model: model}, nil
}

// errAlreadyReported ends a command with status 1 after it has printed its
// own error lines.
var errAlreadyReported = errors.New("errors reported above")

func runDemo(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("demo takes no arguments")
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	return loadDemo(e, st)
}

// loadDemo imports the embedded demo workbook. The importer reads files,
// so the demo is written to a temporary one first.
func loadDemo(e *env, st store.Store) error {
	dir, err := os.MkdirTemp("", "scorecard-demo")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(path, assets.Demo, 0o600); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return importFile(e, st, path, "demo.xlsx (embedded demo)", "demo")
}

// importFile reads one file and records it as one import, printing the
// contract's summary: sheets read, indicators, observations and warnings
// with sheet!cell.
//
// Definitions the store holds stand where the file states them
// differently, unless --accept-definitions, and are left alone where the
// file does not define them; each difference is a warning. An indicator
// the store does not hold is added, with a warning where the file only
// cites it.
func importFile(e *env, st store.Store, path, name, kind string) error {
	// On a team store another officer's import can change the
	// definitions between this file's review and its import; the store
	// then refuses it (ErrStale) and the file is read and reviewed again,
	// after a wait (staleWait) that spreads colleagues importing at once.
	start := time.Now()
	for try := 1; ; try++ {
		err := importOnce(e, st, path, name, kind)
		if !errors.Is(err, store.ErrStale) {
			return err
		}
		if try == staleTries {
			return staleError{name: name, tries: try, took: time.Since(start)}
		}
		sleep(staleWait(try))
	}
}

// staleTries bounds how often import reads and reviews a file that
// colleagues' imports or undos keep making stale. With staleWait's waits
// the tries span nine to eighteen seconds: a dozen officers importing into a
// team store at once each land in a second or so, so every one gets in.
const staleTries = 10

// staleWait is how long to wait after try n was stale: a random time
// between half and all of a ceiling that doubles from 200 ms to 3 s, so
// that officers whose imports collided try again at different moments
// rather than colliding again.
func staleWait(n int) time.Duration {
	ceiling := min(200*time.Millisecond<<min(n-1, 8), 3*time.Second)
	return ceiling/2 + rand.N(ceiling/2+1)
}

// sleep is time.Sleep; a test counts the waits instead.
var sleep = time.Sleep

// staleError is import's last word on a file that colleagues' changes to
// the store made stale every time it was read: it names the file once
// and says how often it was tried. It wraps store.ErrStale.
type staleError struct {
	name  string
	tries int
	took  time.Duration
}

func (e staleError) Error() string {
	return fmt.Sprintf("%s: not imported, nothing was stored: tried %d times over %s, and each time a colleague's import or undo changed the team store while the file was read; import it again", e.name, e.tries, e.took.Round(time.Second))
}

func (e staleError) Unwrap() error { return store.ErrStale }

// importOnce reads the file at path, reviews its definitions against the
// store's, and imports it: importFile's one attempt.
func importOnce(e *env, st store.Store, path, name, kind string) error {
	if b, ok := st.(store.BackupPreparer); ok {
		// The automatic backup is copied while the file is read.
		b.PrepareBackup()
	}
	// Taken first, so that anything landing while the file is read and
	// reviewed makes the store refuse the import as stale.
	inForce, err := st.Imports()
	if err != nil {
		return err
	}
	inds, err := st.Indicators()
	if err != nil {
		return err
	}
	known := indicatorLookup(inds)
	auth, err := st.Authority()
	if err != nil {
		return err
	}
	names, err := areaNamesFor(st, path, e.areaNames)
	if err != nil {
		return err
	}
	model, err := store.NeighbourModel(st)
	if err != nil {
		return err
	}
	retired, err := store.Retirements(st, inds)
	if err != nil {
		return err
	}
	rule, err := store.RAGRuleIn(st)
	if err != nil {
		return err
	}
	res, err := importer.Read(e.ctx, path, importer.Options{RAGRule: rule, Known: func(ref string) bool { _, ok := known(ref); return ok }, Defined: known, Held: store.HeldFigures(st), Indicators: inds, Retired: retired, AsAt: e.asAt,
		AllowMany: e.allowMany, AllowFuture: e.allowFuture, Authority: auth, AreaNames: names, Model: model, Opening: e.opening})
	if err != nil {
		return err
	}
	if res.Model != nil {
		return keepModel(e, st, name, auth, res.Model, model)
	}
	if !e.asAt.IsZero() && !res.ChildLevel() {
		// Said, not silently dropped: the officer asked for a date.
		fmt.Fprintf(e.out, "%s: --as-at ignored: it dates child-level lists only, and this is a %s, which dates its own figures\n", name, res.Format)
	}
	if res.Dataset == nil {
		res.Dataset = &app.Dataset{}
	}
	defs := app.ReviewDefinitions(res.Dataset, known)
	// Quiet only for a store that holds nothing yet: one whose figures
	// an undo left undefined is told of each indicator a file adds.
	defs.Quiet = len(inds) == 0 && !slices.ContainsFunc(inForce, func(imp app.Import) bool { return imp.Undone == nil })
	defs.Apply(res.Dataset, e.acceptDefinitions, true)
	res.Warnings = append(res.Warnings, defs.Warnings(name, e.acceptDefinitions, true)...)
	held, err := app.StoredTargets(res.Dataset, st.HeldTargets)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	res.Warnings = append(res.Warnings, app.ReviewTargets(res.Dataset, name, held, known, heldFigures(st, auth.Area()))...)
	res.Warnings = append(res.Warnings, app.ReviewRAGRule(res.Dataset, name, auth.Name, rule, held, known)...)
	// A store no import has written holds no figure to keep or to take
	// back: into a fresh store, the two passes over every figure (a few
	// milliseconds of a large import, on one processor) are skipped.
	if len(inForce) > 0 {
		// One reader for every pass, shared with the window's review.
		review, err := store.ReviewHeld(st, res.Dataset, name, inForce, inds)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := batchTakeBack(e, name, review.Taken); err != nil {
			return err
		}
		res.Warnings = append(res.Warnings, review.Warnings()...)
	}
	if err := app.CheckFiguresRead(name, res.Sheets, res.Dataset, res.UnreadFigures, res.Warnings); err != nil {
		return nothingError{err: err, warnings: res.Warnings}
	}
	if kind == "file" {
		kind = res.Format
	}
	rec, err := st.Import(store.Source{Name: name, Kind: kind, SHA256: res.SHA256, Note: res.Format, Warnings: res.Warnings,
		Basis: store.Basis(inForce)}, res.Dataset)
	if err == nil || errors.Is(err, store.ErrAlreadyImported) {
		noteReadWith(e, path, name, res)
	}
	if errors.Is(err, store.ErrAlreadyImported) {
		fmt.Fprintf(e.out, "%s: already imported as %s on %s; nothing added\n", name, rec.ID, rec.Time.Local().Format("2 Jan 2006 15:04"))
		if len(e.areaNames) > 0 {
			// The earlier import's areas stand: say how to read it anew.
			fmt.Fprintf(e.out, "  --area not applied to it: scorecard undo %s, then import it again with --area\n", rec.ID)
		}
		if e.acceptDefinitions {
			// Its definitions were reviewed when it was imported; the
			// stored ones stand until it is read anew.
			fmt.Fprintf(e.out, "  --accept-definitions not applied to it: scorecard undo %s, then import it again with --accept-definitions\n", rec.ID)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if e.batch == nil {
		e.batch = map[string]string{}
	}
	e.batch[rec.ID] = name
	added := 0
	if rec.Counts.Revisions > 0 {
		if added, err = countsAdded(st, res.Dataset, rec.ID); err != nil {
			// The import is made, and stands: only its summary's count
			// of revisions is at stake, said as the store counts it.
			fmt.Fprintf(e.errOut, "note: %s: its figures revised are counted with those whose counts alone were added: %v\n", name, err)
			added = 0
		}
	}
	printImportSummary(e, name, res, rec, added)
	return saveAreaNames(e, st, path, names, res.UnknownAreas)
}

// nothingError is a file refused as storing nothing (app.CheckFiguresRead),
// with every warning its reading gave: the refusal's one line names the
// first, or each sheet's first, and the rest say which rows and columns
// were passed over, figures among them, that the officer must see to
// mend the file.
type nothingError struct {
	err      error
	warnings []app.Warning
}

func (e nothingError) Error() string { return e.err.Error() }

func (e nothingError) Unwrap() error { return e.err }

// printRefusalWarnings prints, after a refused file's one line, every
// warning its reading gave, one a line as an import's summary does: a
// refused file is no import, so imports --json cannot list them later.
// A refusal of one warning has said it all.
func printRefusalWarnings(e *env, err error) {
	var n nothingError
	if !errors.As(err, &n) || len(n.warnings) < 2 {
		return
	}
	for _, w := range n.warnings {
		fmt.Fprintf(e.errOut, "  warning: %s\n", w)
	}
}

// batchTakeBack refuses a file that would take back figures a file named
// in the same import gave (app.TakenBack's warnings, taken): the files
// were ordered oldest first (importer.BatchOrder), so one still taking
// back a later file's figures gives some indicator's figures to an
// earlier period than that file while reaching as far or further with
// others, and which of the two is right is the officer's to say, not the
// order they were named in.
func batchTakeBack(e *env, name string, taken []app.Warning) error {
	for _, w := range taken {
		for id, other := range e.batch {
			if !strings.Contains(w.Message, "but "+id+" (") {
				continue
			}
			return fmt.Errorf("%s: not imported, nothing was stored: it would take back figures that %s, named in the same import and imported as %s, gave later (%s); import the file that is right on its own, or the two one at a time in the order they were issued",
				name, other, id, w)
		}
	}
	return nil
}

// noteReadWith records the files an SSDA903 return was read from beside
// path, its tables found in path's folder, so that naming them in the
// same import says they were read with it rather than "already imported".
func noteReadWith(e *env, path, name string, res *importer.Result) {
	if res.Format != importer.Format903 {
		return
	}
	if e.readWith == nil {
		e.readWith = map[string]string{}
	}
	self := absPath(path)
	for _, table := range res.Sheets {
		if p := absPath(filepath.Join(filepath.Dir(path), table)); p != self {
			e.readWith[p] = name
		}
	}
}

// noteRefusedWith notes, of an SSDA903 return refused (err), its other
// tables, for the import to say they were refused with path rather than
// read and refuse the return again.
func noteRefusedWith(e *env, path string, err error) {
	var rr *importer.ReturnRefused
	if !errors.As(err, &rr) {
		return
	}
	if e.refusedWith == nil {
		e.refusedWith = map[string]string{}
	}
	self := absPath(path)
	for _, table := range rr.Tables {
		if p := absPath(table); p != self {
			e.refusedWith[p] = filepath.Base(path)
		}
	}
}

// absPath is path made absolute, or path cleaned where it cannot be.
func absPath(path string) string {
	if p, err := filepath.Abs(path); err == nil {
		return p
	}
	return filepath.Clean(path)
}

// maxWarningsShown keeps a long validation report from burying the
// summary; the rest stay in the store (imports --json).
const maxWarningsShown = 40

// printImportSummary writes the contract's summary of import rec of the
// file called name, read as res. added of the figures the store
// counted revised only added the counts behind a figure held (countsAdded):
// said apart, "(1 revised, 1 with counts added)", as they revise nothing.
func printImportSummary(e *env, name string, res *importer.Result, rec app.Import, added int) {
	c := rec.Counts
	revised := fmt.Sprintf("%d revised", c.Revisions-added)
	if added > 0 {
		revised += fmt.Sprintf(", %d with counts added", added)
	}
	fmt.Fprintf(e.out, "%s: imported as %s (%s): %d sheets read %q, %d indicators, %d observations (%s), %d targets, %d benchmarks, %d warnings\n",
		name, rec.ID, res.Format, len(res.Sheets), res.Sheets, c.Indicators, c.Observations, revised, c.Targets, c.Benchmarks, len(res.Warnings))
	for i, w := range res.Warnings {
		if i == maxWarningsShown {
			more, noun := len(res.Warnings)-i, "warnings"
			if more == 1 {
				noun = "warning"
			}
			fmt.Fprintf(e.out, "  ... and %d more %s (scorecard imports --json lists them all)\n", more, noun)
			break
		}
		fmt.Fprintf(e.out, "  warning: %s\n", w)
	}
}

// heldFigures gives an indicator's figures held in st for an area, the
// authority's (auth) for "", for the ratings a restated target changes
// (app.ReviewTargets); an indicator st cannot read has none.
func heldFigures(st store.Store, auth app.Area) func(ref string, area app.Area) []app.Observation {
	return func(ref string, area app.Area) []app.Observation {
		if area == "" {
			area = auth
		}
		h, err := st.LoadIndicatorArea(ref, area)
		if err != nil {
			return nil
		}
		return h.Series(app.SeriesKey{Ref: ref, Area: area, Split: app.All})
	}
}
