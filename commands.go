package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/brief"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
	"scorecard/app/export"
	"scorecard/app/store"
	"scorecard/app/trend"
	"scorecard/assets"
	"scorecard/importer"
)

// commands are the contract's subcommands, in the order usage lists them.
var commands []command

func init() {
	commands = []command{
		{name: "import", args: "[--as-at YYYY-MM-DD] [--accept-definitions] [--allow-many] [--allow-future] [--area NAME=AREA]... FILE...", about: "import workbooks (.xlsx, .xlsm) and CSVs", flags: importFlags, run: runImport},
		{name: "demo", about: "load the embedded demo scorecards", run: runDemo},
		{name: "list", args: "[--json]", about: "the indicators known", flags: jsonFlag, run: runList},
		{name: "show", args: "REF [--area A] [--exclude C,...] [--json]", about: "one indicator's history, rated and analysed", flags: showFlags, run: runShow},
		{name: "flags", args: "[--period P] [--exclude C,...] [--all] [--json]", about: "what changed in the latest (or given) period, most important first", flags: flagsFlags, run: runFlags},
		{name: "export", args: "--out FILE.xlsx|FILE.pdf [--period P] [--exclude C,...] [--area A] [--suppress N] [--original FILE] [--marking TEXT]", about: "write the revised workbook for circulation, or the committee pack as a PDF", flags: exportFlags, run: runExport},
		{name: "brief", args: "[--period P] [--exclude C,...] [--area A]", about: "the exceptions brief: what is red, worsened, special cause or newly flagged", flags: briefFlags, run: runBrief},
		{name: "imports", args: "[--json]", about: "the import history", flags: jsonFlag, run: runImports},
		{name: "undo", args: "IMPORT-ID", about: "remove one import and everything it added", run: runUndo},
		{name: "baseline", args: "REF --from P [--to P] [--note TEXT]", about: "set the periods an indicator's SPC limits come from", flags: baselineFlags, run: runBaseline},
		{name: "rebase", args: "REF --at P --note TEXT", about: "start a new SPC chart where the process changed", flags: rebaseFlags, run: runRebase},
		{name: "window", args: "REF N|P", about: "set the trend window: N periods, or since period P", run: runWindow},
		{name: "authority", args: "[NAME-OR-CODE] [--force] [--districts \"A, B, ...\"]", about: "the local authority the store holds figures for: print it, or set it", flags: authorityFlags, run: runAuthority},
		{name: "backup", args: "--out FILE", about: "a consistent copy of the store", flags: outFlag, run: runBackup},
		{name: "copy", args: "--from FILE|URL --to FILE|URL", about: "copy a whole store between engines (bbolt file, PostgreSQL team store), proved identical", flags: copyFlags, run: runCopy},
		{name: "restore", args: "FILE", about: "replace the store with a backup (the replaced store is kept beside it)", run: runRestore},
	}
}

func importFlags(fs *flag.FlagSet, e *env) {
	fs.Func("as-at", "the `date` (YYYY-MM-DD) a child-level list's children are counted on (default: the list's own date)",
		func(s string) error {
			t, err := importer.ParseAsAt(s, time.Now())
			e.asAt = t
			return err
		})
	fs.BoolVar(&e.acceptDefinitions, "accept-definitions", false,
		"let the files change the unit or polarity of indicators already held (default: the stored definition stands, with a warning)")
	fs.BoolVar(&e.allowMany, "allow-many", false, fmt.Sprintf("confirm a file adding more than %d new indicators", importer.MaxNewIndicators))
	fs.BoolVar(&e.allowFuture, "allow-future", false, "confirm figures dated more than a year after today")
	fs.Func("area", "read an area `NAME=AREA` the store's authority does not have as AREA (a district, a pseudo-area such as \"Out of County\", or \"pseudo\" to keep NAME as its own); repeatable, saved for files named like FILE",
		func(s string) error {
			name, area, ok := strings.Cut(s, "=")
			name, area = strings.TrimSpace(name), strings.TrimSpace(area)
			if !ok || name == "" || area == "" {
				return fmt.Errorf("%q: expected NAME=AREA, e.g. \"Shepway=Folkestone and Hythe\" or \"Out of Area=pseudo\"", s)
			}
			if e.areaNames == nil {
				e.areaNames = map[string]app.Area{}
			}
			e.areaNames[name] = app.Area(area)
			return nil
		})
}

func jsonFlag(fs *flag.FlagSet, e *env) { fs.BoolVar(&e.json, "json", false, "print JSON") }

func showFlags(fs *flag.FlagSet, e *env) {
	jsonFlag(fs, e)
	fs.StringVar(&e.area, "area", "", "the `area`: the store's authority (default) or one of its districts")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
}

func flagsFlags(fs *flag.FlagSet, e *env) {
	jsonFlag(fs, e)
	fs.BoolVar(&e.all, "all", false, "every flag in scorecard order, unranked and ungrouped")
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.BoolVar(&e.allowFuture, "allow-future", false, "confirm a --period more than a year after today")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
}

func exportFlags(fs *flag.FlagSet, e *env) {
	outFlag(fs, e)
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
	fs.StringVar(&e.area, "area", "", "the `area`: the store's authority (default) or one of its districts")
	fs.IntVar(&e.suppress, "suppress", disclosure.DefaultThreshold, "suppress counts below `N` (the default 5 hides 1-4); 0 = none")
	fs.StringVar(&e.original, "original", "", "write into a copy of this imported `workbook`'s own layout")
	fs.BoolVar(&e.allowFuture, "allow-future", false, "confirm a --period more than a year after today")
	fs.StringVar(&e.marking, "marking", export.DefaultMarking, "the protective `marking` on every printed page, e.g. OFFICIAL-SENSITIVE; none for none")
}

func briefFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
	fs.StringVar(&e.area, "area", "", "the `area`: the store's authority (default) or one of its districts")
}

// runBrief prints the exceptions brief, as text to paste into an e-mail.
func runBrief(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("brief takes no arguments")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	p := v.period
	if p.IsZero() {
		p = v.h.Latest()
	}
	asked := p
	var read bool
	if p, read = v.h.ReportingPeriod(asked); read {
		fmt.Fprintf(e.errOut, "note: --period %s read as %s, the %s ending in the same year, which the store's figures are for\n", asked, p.Label(), p.Kind.Noun())
	}
	k := v.h.Cadence()
	if p.IsZero() || k == 0 {
		return fmt.Errorf("%s: no figures for a brief", e.db)
	}
	if p.Kind != k {
		return usagef("--period: the store's figures are by %s; give a %s such as %s", k.Noun(), k.Noun(), v.h.Latest())
	}
	items := brief.Items(v.h, brief.Options{Period: p, Area: v.area, Trend: analysisOptions()})
	_, err = fmt.Fprint(e.out, brief.Text(brief.Heading(v.area, p, export.CohortPhrase(v.excluded), len(items)), items))
	return err
}

// parsePeriodArg reads --period, refusing one more than a year after
// today unless --allow-future confirms it: "2205-03" is a typo.
func parsePeriodArg(e *env) (app.Period, error) {
	p, err := app.ParsePeriod(e.period)
	if err != nil {
		return p, usagef("--period: %v", err)
	}
	if !e.allowFuture && p.Start().After(time.Now().AddDate(importer.FutureYears, 0, 0)) {
		return p, fmt.Errorf("--period %s: more than %d year after today, a typo? (--allow-future if it is meant)", p, importer.FutureYears)
	}
	return p, nil
}

func outFlag(fs *flag.FlagSet, e *env) { fs.StringVar(&e.outPath, "out", "", "the output `file`") }

func commandNamed(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func runImport(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one file to import")
	}
	defer collectLess(importHeapFloor)()
	st, err := openStoreFor(e, args)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkAreaNames(st, e.areaNames); err != nil {
		return err
	}
	var failed error
	for _, path := range args {
		if err := importFile(e, st, path, filepath.Base(path), "file"); err != nil {
			fmt.Fprintln(e.errOut, oneLine(err))
			failed = errors.Join(failed, err)
		}
	}
	if failed != nil {
		return errAlreadyReported
	}
	return nil
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
	// then refuses it (ErrStale) and the file is read and reviewed again.
	const attempts = 5
	for i := 1; ; i++ {
		err := importOnce(e, st, path, name, kind)
		if !errors.Is(err, store.ErrStale) || i == attempts {
			return err
		}
	}
}

// importOnce reads the file at path, reviews its definitions against the
// store's, and imports it: importFile's one attempt.
func importOnce(e *env, st store.Store, path, name, kind string) error {
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
	res, err := importer.Read(e.ctx, path, importer.Options{Known: func(ref string) bool { _, ok := known(ref); return ok }, Defined: known, AsAt: e.asAt,
		AllowMany: e.allowMany, AllowFuture: e.allowFuture, Authority: auth, AreaNames: names, Model: model})
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
	defs.Quiet = len(inds) == 0
	defs.Apply(res.Dataset, e.acceptDefinitions, true)
	res.Warnings = append(res.Warnings, defs.Warnings(name, e.acceptDefinitions, true)...)
	held, err := app.StoredTargets(res.Dataset, st.HeldTargets)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	res.Warnings = append(res.Warnings, app.ReviewTargets(res.Dataset, name, held, known)...)
	if err := app.CheckYield(name, res.Dataset, res.Warnings); err != nil {
		return err
	}
	if kind == "file" {
		kind = res.Format
	}
	rec, err := st.Import(store.Source{Name: name, Kind: kind, SHA256: res.SHA256, Note: res.Format, Warnings: res.Warnings,
		Basis: store.Basis(inForce)}, res.Dataset)
	if errors.Is(err, store.ErrAlreadyImported) {
		fmt.Fprintf(e.out, "%s: already imported as %s on %s; nothing added\n", name, rec.ID, rec.Time.Local().Format("2 Jan 2006 15:04"))
		if len(e.areaNames) > 0 {
			// The earlier import's areas stand: say how to read it anew.
			fmt.Fprintf(e.out, "  --area not applied to it: scorecard undo %s, then import it again with --area\n", rec.ID)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	printImportSummary(e, name, res, rec)
	return saveAreaNames(e, st, path, names, res.UnknownAreas)
}

// maxWarningsShown keeps a long validation report from burying the
// summary; the rest stay in the store (imports --json).
const maxWarningsShown = 40

func printImportSummary(e *env, name string, res *importer.Result, rec app.Import) {
	c := rec.Counts
	fmt.Fprintf(e.out, "%s: imported as %s (%s): %d sheets read %q, %d indicators, %d observations (%d revised), %d targets, %d benchmarks, %d warnings\n",
		name, rec.ID, res.Format, len(res.Sheets), res.Sheets, c.Indicators, c.Observations, c.Revisions, c.Targets, c.Benchmarks, len(res.Warnings))
	for i, w := range res.Warnings {
		if i == maxWarningsShown {
			fmt.Fprintf(e.out, "  ... and %d more warnings (scorecard imports --json lists them all)\n", len(res.Warnings)-i)
			break
		}
		fmt.Fprintf(e.out, "  warning: %s\n", w)
	}
}

func runList(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("list takes no arguments")
	}
	inds, err := loadIndicators(e)
	if err != nil {
		return err
	}
	if e.json {
		if inds == nil {
			inds = []app.Indicator{}
		}
		return writeJSON(e, inds)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tINDICATOR\tSECTION\tPOLARITY\tUNIT")
	for _, ind := range inds {
		pol := ind.Polarity.String()
		if pol == "" {
			pol = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ind.Ref, ind.Name, ind.Section, pol, ind.Unit)
	}
	return tw.Flush()
}

func runImports(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("imports takes no arguments")
	}
	var recs []app.Import
	st, err := openReader(e)
	switch {
	case errors.Is(err, errNoStore):
	case err != nil:
		return err
	default:
		defer st.Close()
		if recs, err = st.Imports(); err != nil {
			return err
		}
	}
	if e.json {
		if recs == nil {
			recs = []app.Import{}
		}
		return writeJSON(e, recs)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tKIND\tSOURCE\tOBSERVATIONS\tWARNINGS\tSTATE\tBY")
	for _, r := range recs {
		state := ""
		if r.Undone != nil {
			state = "undone " + r.Undone.Local().Format("2 Jan 2006 15:04")
			if r.UndoneBy != "" {
				state += " by " + r.UndoneBy
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", r.ID, r.Time.Local().Format("2 Jan 2006 15:04"), r.Kind, r.Source, r.Counts.Observations, len(r.Warnings), state, madeBy(r))
	}
	return tw.Flush()
}

// madeBy names who made an import and where, as officer@machine, or
// what of that was recorded ("" for an import from before either was).
func madeBy(r app.Import) string {
	switch {
	case r.Officer != "" && r.Machine != "":
		return r.Officer + "@" + r.Machine
	case r.Officer != "":
		return r.Officer
	}
	return r.Machine
}

func runUndo(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name one import, e.g. scorecard undo I0003 (see scorecard imports)")
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	rec, err := st.Undo(args[0])
	if err != nil {
		return err
	}
	if rec.Kind == "edit" && rec.Note != "" {
		// An edit may add none of the counted records (a chart setting):
		// say what it changed.
		fmt.Fprintf(e.out, "undid %s (edit: %s)\n", rec.ID, rec.Note)
		return nil
	}
	fmt.Fprintf(e.out, "undid %s (%s): removed %d observations, %d targets, %d benchmarks\n", rec.ID, rec.Source, rec.Counts.Observations, rec.Counts.Targets, rec.Counts.Benchmarks)
	return nil
}

func runBackup(e *env, args []string) error {
	if len(args) != 0 || e.outPath == "" {
		return usagef("name the backup file with --out")
	}
	if isTeamStore(e.db) {
		return backupTeam(e)
	}
	if _, err := os.Stat(e.db); err != nil {
		return fmt.Errorf("%s: no store to back up: %w", e.db, errors.Unwrap(err))
	}
	// CopyFile copies a consistent store even while the window, or an
	// import, holds it open.
	if err := store.CopyFile(e.db, e.outPath); err != nil {
		return fmt.Errorf("backup of %s to %s: %w", e.db, e.outPath, err)
	}
	fmt.Fprintln(e.out, e.outPath)
	return nil
}

func runRestore(e *env, args []string) error {
	if isTeamStore(e.db) {
		return fmt.Errorf("%s is a team store: restore replaces a store file; to start a team store from a backup, scorecard copy --from BACKUP --to URL", e.db)
	}
	if len(args) != 1 {
		if b, _ := store.NewestBackup(e.db); b != "" {
			return usagef("name the backup to restore; the newest is %s", b)
		}
		return usagef("name the backup to restore (automatic backups are named like %s)", e.db+".backup-20250314-093012")
	}
	kept, err := store.Restore(e.db, args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "restored %s from %s\n", e.db, args[0])
	if kept != "" {
		fmt.Fprintf(e.out, "the store it replaced is kept as %s\n", kept)
	}
	return nil
}

// loadHistory opens the store read-only, reads it whole and closes it
// again, so a reading command shares the store and holds it only briefly.
// A store not yet created reads as empty.
func loadHistory(e *env) (*app.History, error) {
	return readStore(e, app.NewHistory, store.Store.Load)
}

// readStore opens the store read-only, reads it with read and closes it,
// so a reading command holds the store only briefly; a store not yet
// created gives empty().
func readStore[T any](e *env, empty func() T, read func(store.Store) (T, error)) (T, error) {
	st, err := openReader(e)
	if errors.Is(err, errNoStore) {
		return empty(), nil
	}
	if err != nil {
		var zero T
		return zero, err
	}
	defer st.Close()
	return read(st)
}

// loadIndicators reads the indicators' definitions alone, none if there
// is no store yet.
func loadIndicators(e *env) ([]app.Indicator, error) {
	return readStore(e, func() []app.Indicator { return nil }, store.Store.Indicators)
}

// showReadsOne has show read its indicator's records alone
// (store.LoadIndicator), which proves them against the checksums each
// import keeps per indicator, so show never prints a damaged figure
// without a word. A test keeps both paths saying the same.
var showReadsOne = true

// loadIndicatorHistory reads every definition and ref's records alone, an
// empty history if there is no store yet.
func loadIndicatorHistory(e *env, ref string) (*app.History, error) {
	return readStore(e, app.NewHistory, func(st store.Store) (*app.History, error) { return st.LoadIndicator(ref) })
}

// loadAreaHistory is loadIndicatorHistory with ref's figures of area
// alone: a long history's other areas are most of its figures.
func loadAreaHistory(e *env, ref string, area app.Area) (*app.History, error) {
	return readStore(e, app.NewHistory, func(st store.Store) (*app.History, error) { return st.LoadIndicatorArea(ref, area) })
}

// errNoStore is what openReader says of a store file that does not exist
// yet: reading commands show it as empty rather than creating it.
var errNoStore = errors.New("no store yet")

// openReader opens the store for a command that only reads: several may
// read at once, and a store the user may only read can still be viewed.
func openReader(e *env) (store.Store, error) { return openDBReader(e.db) }

// writeJSON prints v as indented JSON, a newline after it, as a
// json.Encoder with SetIndent("", "  ") writes it. A non-finite number,
// which JSON cannot hold, is written as null rather than failing the
// command.
func writeJSON(e *env, v any) error {
	b, err := json.Marshal(v)
	var unsupported *json.UnsupportedValueError
	if errors.As(err, &unsupported) {
		b, err = json.Marshal(withoutNonFinite(v))
	}
	if err != nil {
		return err
	}
	return writeIndented(e, b)
}

// writeIndented prints b, compact JSON as json.Marshal writes it,
// indented.
func writeIndented(e *env, b []byte) error {
	out := indentJSON(make([]byte, 0, len(b)+len(b)/2), b)
	_, err := e.out.Write(append(out, '\n'))
	return err
}

// view is the history as the options ask to see it: the store's figures
// with the cohorts excluded, and the period and area chosen.
type view struct {
	h        *app.History
	excluded []app.Cohort
	area     app.Area
	period   app.Period
	auth     *app.Authority // the store's
}

// loadView reads the store and applies --exclude, --area and --period.
func loadView(e *env) (*view, error) { return loadViewOf(e, "") }

// loadViewOf is loadView reading, when ref is not empty, only that
// indicator's records and every definition; and of its figures, when no
// cohort is excluded, only the area's, which is all show prints.
// Excluding a cohort reads every area's: a district's figure excluding it
// is proved against the county's (cohort.ExcludeIn).
func loadViewOf(e *env, ref string) (*view, error) {
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return nil, usagef("--exclude: %v", err)
	}
	auth, err := loadAuthority(e)
	if err != nil {
		return nil, err
	}
	v := &view{excluded: excluded, auth: auth}
	// An area the authority does not have may be one an import kept
	// under its own name: the history, once read, says.
	var areaErr error
	v.area, areaErr = parseArea(auth, e.area)
	if e.period != "" {
		if v.period, err = parsePeriodArg(e); err != nil {
			return nil, err
		}
	}
	load := loadHistory
	switch {
	case ref != "" && len(excluded) == 0 && areaErr == nil:
		load = func(e *env) (*app.History, error) { return loadAreaHistory(e, ref, v.area) }
	case ref != "":
		// An area kept under its own name is found among the series read.
		load = func(e *env) (*app.History, error) { return loadIndicatorHistory(e, ref) }
	}
	h, err := load(e)
	if err != nil {
		return nil, err
	}
	if areaErr != nil {
		a, ok := heldArea(h, e.area)
		if !ok {
			return nil, areaErr
		}
		v.area = a
	}
	if len(h.Indicators()) == 0 {
		return nil, fmt.Errorf("%s: the store holds no data yet (scorecard import FILE, or scorecard demo)", e.db)
	}
	for _, c := range excluded {
		if !knownCohort(h, c) {
			if ref != "" {
				// The cohort may split other indicators' figures.
				return loadViewOf(e, "")
			}
			return nil, fmt.Errorf("--exclude %s: no figures are split by that cohort (known: %s)", c, cohortNames(h))
		}
	}
	v.h, _ = cohort.ExcludeIn(h, excluded, auth)
	return v, nil
}

// knownCohort reports whether c is a cohort members ask about or one the
// store's figures are split by, so a typo is not taken for a cohort nobody
// can exclude.
func knownCohort(h *app.History, c app.Cohort) bool {
	switch c {
	case app.UASC, app.OLA, app.Disability, app.FormerUASC:
		return true
	}
	return slices.Contains(h.Cohorts(), c)
}

func cohortNames(h *app.History) string {
	names := []string{string(app.UASC), string(app.OLA), string(app.Disability), string(app.FormerUASC)}
	for _, c := range h.Cohorts() {
		if !slices.Contains(names, string(c)) {
			names = append(names, string(c))
		}
	}
	return strings.Join(names, ", ")
}

func areaNames(auth *app.Authority) string {
	areas := auth.Areas()
	names := make([]string, len(areas))
	for i, a := range areas {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}

// showReport is the contract's show --json object, with the benchmarks
// and published annual figures beside the monthly points.
type showReport struct {
	Ref        string          `json:"ref"`
	Name       string          `json:"name"`
	Polarity   app.Polarity    `json:"polarity"`
	Unit       app.Unit        `json:"unit"`
	Owner      string          `json:"owner,omitempty"`
	Area       app.Area        `json:"area"`
	Excluded   []app.Cohort    `json:"excluded"`
	Points     []showPoint     `json:"points"`
	Annual     []showPoint     `json:"annual,omitempty"`
	Benchmarks []app.Benchmark `json:"benchmarks"`
}

// holdsNonFinite reports whether a number the report prints is infinite
// or not a number, which JSON cannot hold (a store written before imports
// refused them can hold such a figure), so that show clears them before
// marshalling rather than marshal most of a long history, fail and marshal
// it again. Every number it looks at is one json.Marshal writes
// (TestShowHoldsNonFinite); one it does not look at is still found by
// writeJSON's marshalling failing.
func (r *showReport) holdsNonFinite() bool {
	for _, pts := range [][]showPoint{r.Points, r.Annual} {
		for i := range pts {
			if pointHoldsNonFinite(&pts[i].Point) {
				return true
			}
		}
	}
	for _, b := range r.Benchmarks {
		if nonFinite(b.Value) {
			return true
		}
	}
	return false
}

func pointHoldsNonFinite(p *trend.Point) bool {
	for _, f := range [...]*float64{p.Value, p.Numerator, p.Denominator, p.Target, p.Floor, p.Change,
		p.Tolerance, p.RelativeChange, p.LastYear, p.LastYearChange} {
		if nonFinite(f) {
			return true
		}
	}
	if nonFinite(&p.Trend.Slope) || nonFinite(&p.Trend.Change) {
		return true
	}
	if c := p.Chart; c != nil && (nonFinite(&c.Mean) || nonFinite(&c.Upper) || nonFinite(&c.Lower)) {
		return true
	}
	c := p.Children
	return c != nil && (nonFinite(&c.PerChild) || nonFinite(c.WilsonLow) || nonFinite(c.WilsonHigh))
}

// nonFinite reports whether f points to an infinite number or NaN.
func nonFinite(f *float64) bool { return f != nil && (math.IsInf(*f, 0) || math.IsNaN(*f)) }

// showPoint is an analysed point and, for a figure that could not be
// recomputed without the excluded cohorts, the reason why.
type showPoint struct {
	trend.Point
	Reason string `json:"reason,omitempty"`
}

// showHeapFloor is the heap show may grow to before the garbage
// collector runs: printing eight times five years of monthly history
// makes a few megabytes of it.
const showHeapFloor = 32 << 20

func runShow(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name one indicator, e.g. scorecard show CIC05 (scorecard list shows them)")
	}
	// A long history's points make a heap of a few megabytes, which Go
	// would collect several times over before the command ends.
	defer collectLess(showHeapFloor)()
	one := ""
	if showReadsOne {
		one = args[0]
	}
	v, err := loadViewOf(e, one)
	if err != nil {
		return err
	}
	ind, ok := v.h.Indicator(args[0])
	if !ok {
		return fmt.Errorf("%s: no indicator %q (scorecard list shows them)", e.db, args[0])
	}
	key := app.SeriesKey{Ref: ind.Ref, Area: v.area, Split: app.All}
	r := showReport{Ref: ind.Ref, Name: ind.Name, Polarity: ind.Polarity, Unit: ind.Unit, Owner: ind.Owner, Area: v.area,
		Excluded: append([]app.Cohort{}, v.excluded...), Benchmarks: v.h.Benchmarks(ind.Ref)}
	if r.Benchmarks == nil {
		r.Benchmarks = []app.Benchmark{}
	}
	if points := trend.Analyse(v.h, key, analysisOptions()); len(points) > 0 {
		r.Points = make([]showPoint, len(points))
		for i, p := range points {
			r.Points[i] = v.explained(key, p)
		}
	}
	// Published annual figures (DfE's, say) beside a monthly series are
	// left out of its analysis; they are listed apart, analysed alone.
	if months := len(r.Points) > 0 && r.Points[0].Period.Kind == app.Month; months {
		annual := v.h.Clone()
		var yearly []app.Observation
		for _, o := range v.h.Series(key) {
			if o.Period.Kind != app.Month {
				yearly = append(yearly, o)
			}
		}
		annual.SetSeries(key, yearly)
		for _, p := range trend.Analyse(annual, key, analysisOptions()) {
			r.Annual = append(r.Annual, v.explained(key, p))
		}
	}
	if len(r.Points) == 0 {
		return fmt.Errorf("%s: %s has no figures for %s", e.db, ind.Ref, v.area)
	}
	if e.json {
		if r.holdsNonFinite() {
			return writeJSON(e, withoutNonFinite(r))
		}
		b, err := marshalShow(&r)
		if err != nil {
			return err
		}
		return writeIndented(e, b)
	}
	fmt.Fprintf(e.out, "%s %s (%s, polarity %s, %s)\n", ind.Ref, ind.Name, v.area, orDash(ind.Polarity.String()), ind.Unit)
	if ind.Owner != "" {
		fmt.Fprintf(e.out, "Owner: %s\n", ind.Owner)
	}
	if len(v.excluded) > 0 {
		fmt.Fprintf(e.out, "%s\n", app.Excluding(v.excluded...).Label())
	}
	if err := writePoints(e, ind, r.Points); err != nil {
		return err
	}
	if len(r.Annual) > 0 {
		fmt.Fprintln(e.out, "\nPublished annual figures:")
		if err := writePoints(e, ind, r.Annual); err != nil {
			return err
		}
	}
	if len(r.Benchmarks) > 0 {
		// Published benchmarks count all children; beside figures
		// excluding a cohort they would otherwise read as like for like.
		if len(v.excluded) > 0 {
			fmt.Fprintln(e.out, "\nBenchmarks (all children):")
		} else {
			fmt.Fprintln(e.out, "\nBenchmarks:")
		}
		tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "PERIOD\tGROUP\tVALUE\tRANK")
		for _, b := range r.Benchmarks {
			value := number(b.Value, ind.Decimals)
			if b.Status != app.OK {
				value = string(b.Status)
			}
			rank := "-"
			if b.Rank > 0 {
				rank = fmt.Sprintf("%d of %d (%s)", b.Rank, b.OutOf, b.Quartile)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Period, benchmark.Label(b, v.auth), value, rank)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	var notes []string
	for _, p := range r.Points {
		if p.Reason != "" {
			notes = append(notes, fmt.Sprintf("%s cannot be recomputed: %s", p.Period, p.Reason))
		}
	}
	for i, n := range notes {
		if i == 5 {
			fmt.Fprintf(e.out, "... and %d more that cannot be recomputed\n", len(notes)-i)
			break
		}
		fmt.Fprintln(e.out, n)
	}
	return nil
}

// explained adds to an analysed point the reason a figure could not be
// recomputed without the excluded cohorts.
func (v *view) explained(k app.SeriesKey, p trend.Point) showPoint {
	sp := showPoint{Point: p}
	if p.Status == app.CannotExclude {
		if o, ok := v.h.Observation(k, p.Period); ok {
			sp.Reason = o.Raw
		}
	}
	return sp
}

// writePoints prints analysed points as a table; a stand-in (last year's
// outturn shown in place of a figure not yet available) is marked.
func writePoints(e *env, ind app.Indicator, points []showPoint) error {
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tVALUE\tNUM\tDEN\tTARGET\tFLOOR\tRAG\tDOT\tCHANGE\tSIGNAL\tFLAGS")
	standIns := false
	for _, p := range points {
		value := number(p.Value, ind.Decimals)
		if p.Status != app.OK {
			value = string(p.Status)
		}
		if p.StandIn {
			value += " (s)"
			standIns = true
		}
		change := number(p.Change, ind.Decimals)
		if p.Change != nil && p.ChangeUnit != "" {
			change += " " + p.ChangeUnit
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Period, value,
			number(p.Numerator, 0), number(p.Denominator, 0), number(p.Target, ind.Decimals), number(p.Floor, ind.Decimals),
			orDash(string(p.RAG)), orDash(string(p.DoT)), change, orDash(p.Signal.String()), strings.Join(p.Flags, ","))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if standIns {
		fmt.Fprintln(e.out, "(s) last year's outturn standing in for a figure not yet available; not used in the analysis")
	}
	return nil
}

func runFlags(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("flags takes no arguments")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	if !v.period.IsZero() {
		ps := v.h.Periods()
		if len(ps) == 0 {
			return fmt.Errorf("%s: no figures to flag", e.db)
		}
		asked := v.period
		var read bool
		if v.period, read = v.h.ReportingPeriod(asked); read {
			fmt.Fprintf(e.errOut, "note: --period %s read as %s, the %s ending in the same year, which the store's figures are for\n", asked, v.period.Label(), v.period.Kind.Noun())
		}
		if k := ps[0].Kind; v.period.Kind != k {
			return usagef("--period: the store's figures are by %s; give a %s such as %s", k.Noun(), k.Noun(), ps[len(ps)-1])
		}
		if v.period.Compare(ps[0]) < 0 || v.period.Compare(ps[len(ps)-1]) > 0 {
			return fmt.Errorf("%s: no figures for %s (the store holds %s to %s)", e.db, v.period.Label(), ps[0].Label(), ps[len(ps)-1].Label())
		}
	}
	flags := trend.Flags(v.h, v.period, analysisOptions())
	if !e.all {
		return printRankedFlags(e, v.h, flags)
	}
	if e.json {
		if flags == nil {
			flags = []trend.Flag{}
		}
		return writeJSON(e, flags)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tAREA\tPERIOD\tKIND\tDETAIL")
	for _, f := range flags {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Ref, f.Area, f.Period, f.Kind, f.Detail)
	}
	return tw.Flush()
}

// number writes an optional figure at a precision, or "-" when absent.
func number(v *float64, decimals int) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(app.RoundTo(*v, decimals), 'f', decimals, 64)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runExport(e *env, args []string) error {
	if len(args) != 0 || e.outPath == "" {
		return usagef("name the workbook to write with --out FILE.xlsx, or the PDF pack with --out FILE.pdf")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	defer collectMore(exportGCPercent)()
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return usagef("--exclude: %v", err)
	}
	opt := export.Options{Exclude: excluded, Suppress: e.suppress, Original: e.original, AppVersion: version, Marking: e.marking}
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
	h, err := loadHistory(e)
	if err != nil {
		return err
	}
	for _, c := range excluded {
		if !knownCohort(h, c) {
			return fmt.Errorf("--exclude %s: no figures are split by that cohort (known: %s)", c, cohortNames(h))
		}
	}
	sum, err := export.Write(e.ctx, e.outPath, h, opt)
	if err != nil {
		return err
	}
	what := "all children"
	if len(excluded) > 0 {
		what = strings.ToLower(app.Excluding(excluded...).Label())
	}
	fmt.Fprintln(e.out, sum.Path)
	fmt.Fprintf(e.out, "%s; %s\n", sum, what)
	for _, n := range sum.Notes {
		fmt.Fprintf(e.out, "  note: %s\n", n)
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(e.out, "  warning: %s\n", w)
	}
	return nil
}

// heldArea finds an area h holds figures for by its name as written (any
// case): one an import kept under its own name (importer.UnknownArea).
func heldArea(h *app.History, s string) (app.Area, bool) {
	s = strings.TrimSpace(s)
	for _, k := range h.Keys() {
		if strings.EqualFold(string(k.Area), s) {
			return k.Area, true
		}
	}
	return "", false
}

// parseArea reads --area: the authority or one of its districts, by any
// of its names.
func parseArea(auth *app.Authority, s string) (app.Area, error) {
	if s == "" {
		return auth.Area(), nil
	}
	a, ok := auth.ParseArea(s)
	if !ok {
		return "", fmt.Errorf("--area %q: not %s or one of its districts (%s)", s, auth.Name, areaNames(auth))
	}
	return a, nil
}

// analysisOptions are the trend defaults with the flags' wording filled in,
// which the command line always prints.
func analysisOptions() trend.Options {
	opt := trend.DefaultOptions()
	opt.Details = true
	return opt
}

// indicatorLookup finds the store's definition of an indicator by ref:
// what an import's definitions are checked against, and what keeps a DfE
// file feeding an indicator from replacing a scorecard's definition.
func indicatorLookup(inds []app.Indicator) func(ref string) (app.Indicator, bool) {
	byRef := make(map[string]app.Indicator, len(inds))
	for _, ind := range inds {
		byRef[ind.Ref] = ind
	}
	return func(ref string) (app.Indicator, bool) {
		ind, ok := byRef[ref]
		return ind, ok
	}
}
