package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/export"
	"scorecard/app/store"
	"scorecard/app/trend"
	"scorecard/importer"
)

// commands are the contract's subcommands, in the order usage lists them.
var commands []command

func init() {
	commands = []command{
		{name: "import", args: "[--as-at YYYY-MM-DD] [--accept-definitions] [--allow-many] [--allow-future] [--area NAME=AREA]... FILE...", about: "import workbooks (.xlsx, .xlsm) and CSVs", flags: importFlags, run: runImport,
			collect: func() func() { return collectLess(importHeapFloor) }},
		{name: "demo", about: "load the embedded demo scorecards", run: runDemo},
		{name: "list", args: "[--json]", about: "the indicators known", flags: jsonFlag, run: runList},
		{name: "show", args: "REF [--area A] [--exclude C,...] [--suppress N] [--json]", about: "one indicator's history, rated and analysed", flags: showFlags, run: runShow},
		{name: "flags", args: "[--period P] [--exclude C,...] [--suppress N] [--all] [--json]", about: "what changed in the latest (or given) period, most important first", flags: flagsFlags, run: runFlags},
		{name: "export", args: "--out FILE.xlsx|FILE.pdf [--period P] [--exclude C,...] [--area A] [--suppress N] [--original FILE] [--marking TEXT]", about: "write the revised workbook for circulation, or the committee pack as a PDF", flags: exportFlags, run: runExport},
		{name: "brief", args: "[--period P] [--exclude C,...] [--area A] [--suppress N]", about: "the exceptions brief: what is red, worsened, special cause or newly flagged", flags: briefFlags, run: runBrief},
		{name: "imports", args: "[--json]", about: "the import history", flags: jsonFlag, run: runImports},
		{name: "undo", args: "IMPORT-ID", about: "remove one import and everything it added", run: runUndo},
		{name: "baseline", args: "REF --from P [--to P] [--note TEXT]", about: "set the periods an indicator's SPC limits come from", flags: baselineFlags, run: runBaseline},
		{name: "rebase", args: "REF --at P --note TEXT", about: "start a new SPC chart where the process changed", flags: rebaseFlags, run: runRebase},
		{name: "retire", args: "REF [--from P] | --undo REF", about: "leave an indicator no longer reported out of what is circulated, keeping its history; --undo puts it back", flags: retireFlags, run: runRetire},
		{name: "window", args: "REF N|P", about: "set the trend window: N periods, or since period P", run: runWindow},
		{name: "rag", args: "[--rule floor|target|band] [--tolerance 5%|2]", about: "the rule the authority rates RAG by: print it, or set it", flags: ragRuleFlags, run: runRAG},
		{name: "authority", args: "[NAME-OR-CODE] [--force] [--districts \"A, B, ...\"]", about: "the local authority the store holds figures for: print it, or set it", flags: authorityFlags, run: runAuthority},
		{name: "backup", args: "--out FILE [--force]", about: "a consistent copy of the store (--force replaces a file already at FILE)", flags: backupFlags, run: runBackup},
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
	suppressFlag(fs, e)
}

func flagsFlags(fs *flag.FlagSet, e *env) {
	jsonFlag(fs, e)
	fs.BoolVar(&e.all, "all", false, "every flag in scorecard order, unranked and ungrouped")
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.BoolVar(&e.allowFuture, "allow-future", false, "confirm a --period more than a year after today")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
	suppressFlag(fs, e)
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
	fs.IntVar(&e.suppress, "suppress", disclosure.DefaultThreshold, "withhold counts below `N`, as the export does (the default 5 hides 1-4); 0 = none")
}

// parsePeriodArg reads --period, refusing one more than a year after
// today unless --allow-future confirms it: "2205-03" is a typo.
func parsePeriodArg(e *env) (app.Period, error) {
	p, err := app.ParsePeriod(e.period)
	if why := calendarNumberedQuarter(e.period, p); err == nil && why != "" {
		return p, usagef("%s", why)
	}
	if q, ok := importer.FinancialQuarter(e.period); err != nil && ok {
		p, err = q, nil
		fmt.Fprintln(e.errOut, financialQuarterNote(e.period, q))
	}
	if err != nil {
		return p, usagef("--period: %v", err)
	}
	if !e.allowFuture && p.Start().After(time.Now().AddDate(importer.FutureYears, 0, 0)) {
		return p, fmt.Errorf("--period %s: more than %d year after today, a typo? (--allow-future if it is meant)", p, importer.FutureYears)
	}
	return p, nil
}

func outFlag(fs *flag.FlagSet, e *env) { fs.StringVar(&e.outPath, "out", "", "the output `file`") }

// backupFlags are backup's --out and --force: a file already at --out is
// replaced only when asked, since a slip (the store and a backup named
// the wrong way round) lost the store it replaced (QA23a D2).
func backupFlags(fs *flag.FlagSet, e *env) {
	outFlag(fs, e)
	fs.BoolVar(&e.force, "force", false, "replace the file already at --out")
}

func commandNamed(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func runList(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("list takes no arguments")
	}
	inds, err := loadIndicators(e)
	if err != nil {
		return err
	}
	retired, err := loadRetired(e, inds)
	if err != nil {
		return err
	}
	if e.json {
		out := make([]listedIndicator, 0, len(inds))
		for _, ind := range inds {
			out = append(out, listedIndicator{Indicator: ind, Retired: retired[ind.Ref]})
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	// The column is there only when an indicator is retired, so that a
	// store with none lists as it always has.
	head := "REF\tINDICATOR\tSECTION\tPOLARITY\tUNIT"
	if len(retired) > 0 {
		head += "\tCIRCULATION"
	}
	fmt.Fprintln(tw, head)
	for _, ind := range inds {
		pol := ind.Polarity.String()
		if pol == "" {
			pol = "-"
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s", ind.Ref, ind.Name, ind.Section, pol, ind.Unit)
		if p := retired[ind.Ref]; p != nil {
			line += "\tretired from " + p.Label()
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}

// listedIndicator is one entry of list --json: the definition, with the
// period it was retired from (scorecard retire), as show --json gives it,
// so that a script does not take a retired indicator for one circulated.
type listedIndicator struct {
	app.Indicator
	Retired *app.Period `json:"retired,omitempty"`
}

// loadRetired reads the period each retired indicator of inds was
// retired from (store.Retirements); none when no indicator is there yet.
func loadRetired(e *env, inds []app.Indicator) (map[string]*app.Period, error) {
	out := map[string]*app.Period{}
	if len(inds) == 0 {
		return out, nil
	}
	_, err := readStore(e, func(st store.Store) (*app.History, error) {
		retired, err := store.Retirements(st, inds)
		for ref, p := range retired {
			out[ref] = &p
		}
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func runImports(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("imports takes no arguments")
	}
	var recs []app.Import
	st, err := openReader(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if recs, err = st.Imports(); err != nil {
		return err
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
		source := r.Source
		if r.Source == "edit" && r.Note != "" {
			// Every edit's source is "edit"; what it changed tells an
			// officer which to undo.
			source = r.Note
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", r.ID, r.Time.Local().Format("2 Jan 2006 15:04"), r.Kind, source, r.Counts.Observations, len(r.Warnings), state, madeBy(r))
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

// inUseSaid says of a change refused because another Scorecard has the
// store open what was not done and what to do: the store's own words
// ("s.db is in use by another Scorecard (...)") said neither.
func inUseSaid(err error, what, again string) error {
	if !errors.Is(err, store.ErrInUse) {
		return err
	}
	return fmt.Errorf("%s: %w; nothing was changed: close it, or let it finish, then %s again", what, err, again)
}

func runUndo(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name one import, e.g. scorecard undo I0003 (see scorecard imports)")
	}
	st, err := openStore(e)
	if err != nil {
		return inUseSaid(err, args[0]+": not undone", "undo it")
	}
	defer st.Close()
	// Read before and after, to say which of its figures the undo removed
	// and which stay because a later import gave them too.
	before, err := st.Load()
	if err != nil {
		return err
	}
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
	h, err := st.Load()
	if err != nil {
		return fmt.Errorf("undid %s, but could not read the store back: %w", rec.ID, err)
	}
	effect := undoEffectOf(before, h, rec.ID)
	fmt.Fprintf(e.out, "undid %s (%s): of %s %s; its %d targets and %d benchmarks taken out (any a later import also gave stay)\n",
		rec.ID, rec.Source, effect.of(rec.Counts.Observations), effect, rec.Counts.Targets, rec.Counts.Benchmarks)
	sayDefinitionsUndone(e, h, rec)
	warnUndefined(e, h, rec)
	return nil
}

// warnUndefined says which figures undoing rec left with no definition:
// kept, as later imports gave them, but out of list, show and export
// until a file defining them is imported.
func warnUndefined(e *env, h *app.History, rec app.Import) {
	if refs := h.Undefined(); len(refs) > 0 {
		fmt.Fprintf(e.out, "  warning: no import in force defines %s, whose figures later imports gave: they are kept, but list, show and export leave them out until a file defining them is imported: %s again, or the latest scorecard stating them, its import undone and the file imported again\n",
			strings.Join(refs, ", "), rec.Source)
	}
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
	if err := store.CopyFile(e.db, e.outPath, e.force); err != nil {
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
	// Read before the store is replaced: what the backup lacks is in the
	// store, which the restore moves aside.
	loss := store.RestoreLoss(e.db, args[0])
	kept, err := store.Restore(e.db, args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "restored %s from %s\n", e.db, args[0])
	if kept != "" {
		fmt.Fprintf(e.out, "the store it replaced is kept as %s\n", kept)
	}
	if loss != "" {
		fmt.Fprintln(e.out, loss)
	}
	return nil
}

// loadHistory opens the store read-only, reads it whole and closes it
// again, so a reading command shares the store and holds it only briefly.
func loadHistory(e *env) (*app.History, error) {
	return readStore(e, store.Store.Load)
}

// readStore opens the store read-only, reads it with read and closes it,
// so a reading command holds the store only briefly. A store file that
// does not exist is a noStoreError, not an empty history: a mistyped
// path or a drive not connected must not read as "all our history has
// gone".
func readStore[T any](e *env, read func(store.Store) (T, error)) (T, error) {
	st, err := openReader(e)
	if err != nil {
		var zero T
		return zero, err
	}
	defer st.Close()
	return read(st)
}

// loadIndicators reads the indicators' definitions alone.
func loadIndicators(e *env) ([]app.Indicator, error) {
	return readStore(e, store.Store.Indicators)
}

// showReadsOne has show read its indicator's records alone
// (store.LoadIndicator), which proves them against the checksums each
// import keeps per indicator, so show never prints a damaged figure
// without a word. A test keeps both paths saying the same.
var showReadsOne = true

// errNoStore is what openReader says of a store file that does not exist
// yet (a noStoreError): reading commands say so rather than creating it.
var errNoStore = errors.New("no store yet")

// noStoreError is errNoStore for the store file db. A store that exists
// but holds nothing lists as empty; no file at all is said, naming the
// path, since it is most often a mistyped --db or a mapped drive not
// connected.
type noStoreError struct{ db string }

func (e noStoreError) Error() string {
	return fmt.Sprintf("no store at %s (nothing imported there yet): check --db, or make one there with scorecard import FILE or scorecard demo", e.db)
}

func (noStoreError) Is(target error) bool { return target == errNoStore }

// openReader opens the store for a command that only reads: several may
// read at once, and a store the user may only read can still be viewed.
func openReader(e *env) (store.Store, error) {
	if e.st != nil {
		return kept{e.st}, nil
	}
	return openDBReader(e.db)
}

// kept is a store its opener closes: a command reading it leaves it open.
type kept struct{ store.Store }

func (kept) Close() error { return nil }

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
