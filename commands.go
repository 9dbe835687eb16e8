package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"scorecard/app"
	"scorecard/app/cohort"
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
		{name: "import", args: "FILE...", about: "import workbooks (.xlsx, .xlsm) and CSVs", run: runImport},
		{name: "demo", about: "load the embedded demo scorecards", run: runDemo},
		{name: "list", args: "[--json]", about: "the indicators known", flags: jsonFlag, run: runList},
		{name: "show", args: "REF [--area A] [--exclude C,...] [--json]", about: "one indicator's history, rated and analysed", flags: showFlags, run: runShow},
		{name: "flags", args: "[--period P] [--exclude C,...] [--json]", about: "what changed in the latest (or given) period", flags: flagsFlags, run: runFlags},
		{name: "export", args: "--out FILE.xlsx [--period P] [--exclude C,...] [--area A] [--suppress N] [--original FILE]", about: "write the revised workbook for circulation", flags: exportFlags, run: runExport},
		{name: "imports", args: "[--json]", about: "the import history", flags: jsonFlag, run: runImports},
		{name: "undo", args: "IMPORT-ID", about: "remove one import and everything it added", run: runUndo},
		{name: "backup", args: "--out FILE", about: "a consistent copy of the store", flags: outFlag, run: runBackup},
	}
}

func jsonFlag(fs *flag.FlagSet, e *env) { fs.BoolVar(&e.json, "json", false, "print JSON") }

func showFlags(fs *flag.FlagSet, e *env) {
	jsonFlag(fs, e)
	fs.StringVar(&e.area, "area", string(app.Kent), "the `area`: Kent or a district")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
}

func flagsFlags(fs *flag.FlagSet, e *env) {
	jsonFlag(fs, e)
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
}

func exportFlags(fs *flag.FlagSet, e *env) {
	outFlag(fs, e)
	fs.StringVar(&e.period, "period", "", "the `period`, e.g. 2025-03 (default: the latest)")
	fs.StringVar(&e.exclude, "exclude", "", "`cohorts` to exclude, e.g. uasc,ola")
	fs.StringVar(&e.area, "area", string(app.Kent), "the `area`: Kent or a district")
	fs.IntVar(&e.suppress, "suppress", 0, "suppress counts below `N` (5 hides 1-4); 0 = none")
	fs.StringVar(&e.original, "original", "", "write into a copy of this imported `workbook`'s own layout")
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
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
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
func loadDemo(e *env, st *store.Store) error {
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
func importFile(e *env, st *store.Store, path, name, kind string) error {
	res, err := importer.Read(e.ctx, path, importer.Options{Known: knownIndicators(st)})
	if err != nil {
		return err
	}
	if kind == "file" {
		kind = res.Format
	}
	rec, err := st.Import(store.Source{Name: name, Kind: kind, SHA256: res.SHA256, Note: res.Format, Warnings: res.Warnings}, res.Dataset)
	if errors.Is(err, store.ErrAlreadyImported) {
		fmt.Fprintf(e.out, "%s: already imported as %s on %s; nothing added\n", name, rec.ID, rec.Time.Local().Format("2 Jan 2006 15:04"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	printImportSummary(e, name, res, rec)
	return nil
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
	h, err := loadHistory(e)
	if err != nil {
		return err
	}
	inds := h.Indicators()
	if e.json {
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
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.Imports()
	if err != nil {
		return err
	}
	if e.json {
		if recs == nil {
			recs = []app.Import{}
		}
		return writeJSON(e, recs)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tKIND\tSOURCE\tOBSERVATIONS\tWARNINGS\tSTATE")
	for _, r := range recs {
		state := ""
		if r.Undone != nil {
			state = "undone " + r.Undone.Local().Format("2 Jan 2006 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", r.ID, r.Time.Local().Format("2 Jan 2006 15:04"), r.Kind, r.Source, r.Counts.Observations, len(r.Warnings), state)
	}
	return tw.Flush()
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
	fmt.Fprintf(e.out, "undid %s (%s): removed %d observations, %d targets, %d benchmarks\n", rec.ID, rec.Source, rec.Counts.Observations, rec.Counts.Targets, rec.Counts.Benchmarks)
	return nil
}

func runBackup(e *env, args []string) error {
	if len(args) != 0 || e.outPath == "" {
		return usagef("name the backup file with --out")
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.BackupFile(e.outPath); err != nil {
		return fmt.Errorf("backup to %s: %w", e.outPath, err)
	}
	fmt.Fprintln(e.out, e.outPath)
	return nil
}

// loadHistory opens the store, reads it whole and closes it again, so a
// read-only command holds the lock only briefly.
func loadHistory(e *env) (*app.History, error) {
	st, err := openStore(e)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Load()
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// view is the history as the options ask to see it: the store's figures
// with the cohorts excluded, and the period and area chosen.
type view struct {
	h        *app.History
	excluded []app.Cohort
	area     app.Area
	period   app.Period
}

// loadView reads the store and applies --exclude, --area and --period.
func loadView(e *env) (*view, error) {
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return nil, usagef("--exclude: %v", err)
	}
	v := &view{excluded: excluded, area: app.Kent}
	if v.area, err = parseArea(e.area); err != nil {
		return nil, err
	}
	if e.period != "" {
		p, err := app.ParsePeriod(e.period)
		if err != nil {
			return nil, usagef("--period: %v", err)
		}
		v.period = p
	}
	h, err := loadHistory(e)
	if err != nil {
		return nil, err
	}
	if len(h.Indicators()) == 0 {
		return nil, fmt.Errorf("%s: the store holds no data yet (scorecard import FILE, or scorecard demo)", e.db)
	}
	v.h, _ = cohort.Exclude(h, excluded)
	return v, nil
}

func areaNames() string {
	names := make([]string, len(app.Areas))
	for i, a := range app.Areas {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}

// showReport is the contract's show --json object.
type showReport struct {
	Ref      string        `json:"ref"`
	Name     string        `json:"name"`
	Polarity app.Polarity  `json:"polarity"`
	Unit     app.Unit      `json:"unit"`
	Area     app.Area      `json:"area"`
	Excluded []app.Cohort  `json:"excluded"`
	Points   []trend.Point `json:"points"`
}

func runShow(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name one indicator, e.g. scorecard show CIC05 (scorecard list shows them)")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	ind, ok := v.h.Indicator(args[0])
	if !ok {
		return fmt.Errorf("%s: no indicator %q (scorecard list shows them)", e.db, args[0])
	}
	points := trend.Analyse(v.h, app.SeriesKey{Ref: ind.Ref, Area: v.area, Split: app.All}, analysisOptions())
	if len(points) == 0 {
		return fmt.Errorf("%s: %s has no figures for %s", e.db, ind.Ref, v.area)
	}
	r := showReport{Ref: ind.Ref, Name: ind.Name, Polarity: ind.Polarity, Unit: ind.Unit, Area: v.area,
		Excluded: append([]app.Cohort{}, v.excluded...), Points: points}
	if e.json {
		return writeJSON(e, r)
	}
	fmt.Fprintf(e.out, "%s %s (%s, polarity %s, %s)\n", ind.Ref, ind.Name, v.area, orDash(ind.Polarity.String()), ind.Unit)
	if len(v.excluded) > 0 {
		fmt.Fprintf(e.out, "%s\n", app.Excluding(v.excluded...).Label())
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tVALUE\tNUM\tDEN\tTARGET\tFLOOR\tRAG\tDOT\tCHANGE\tSIGNAL\tFLAGS")
	for _, p := range points {
		value := number(p.Value, ind.Decimals)
		if p.Status != app.OK {
			value = string(p.Status)
		}
		change := number(p.Change, ind.Decimals)
		if p.Change != nil && p.ChangeUnit != "" {
			change += " " + p.ChangeUnit
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Period, value,
			number(p.Numerator, 0), number(p.Denominator, 0), number(p.Target, ind.Decimals), number(p.Floor, ind.Decimals),
			orDash(string(p.RAG)), orDash(string(p.DoT)), change, orDash(string(p.Signal)), strings.Join(p.Flags, ","))
	}
	return tw.Flush()
}

func runFlags(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("flags takes no arguments")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	flags := trend.Flags(v.h, v.period, analysisOptions())
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
		return usagef("name the workbook to write with --out FILE.xlsx")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return usagef("--exclude: %v", err)
	}
	opt := export.Options{Exclude: excluded, Suppress: e.suppress, Original: e.original, AppVersion: version}
	if opt.Area, err = parseArea(e.area); err != nil {
		return err
	}
	if e.period != "" {
		if opt.Period, err = app.ParsePeriod(e.period); err != nil {
			return usagef("--period: %v", err)
		}
	}
	h, err := loadHistory(e)
	if err != nil {
		return err
	}
	sum, err := export.Write(e.ctx, e.outPath, h, opt)
	if err != nil {
		return fmt.Errorf("export to %s: %w", e.outPath, err)
	}
	what := "all children"
	if len(excluded) > 0 {
		what = strings.ToLower(app.Excluding(excluded...).Label())
	}
	fmt.Fprintln(e.out, sum.Path)
	fmt.Fprintf(e.out, "%s; %s\n", sum, what)
	for _, w := range sum.Warnings {
		fmt.Fprintf(e.out, "  warning: %s\n", w)
	}
	return nil
}

// parseArea reads --area: Kent or a district, by any of its names.
func parseArea(s string) (app.Area, error) {
	if s == "" {
		return app.Kent, nil
	}
	a, ok := app.ParseArea(s)
	if !ok {
		return "", fmt.Errorf("--area %q: not Kent or one of its districts (%s)", s, areaNames())
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

// knownIndicators reports whether the store already defines an indicator,
// so a DfE file feeding it does not replace a scorecard's definition. The
// store is read only if the importer asks.
func knownIndicators(st *store.Store) func(ref string) bool {
	var h *app.History
	return func(ref string) bool {
		if h == nil {
			var err error
			if h, err = st.Load(); err != nil {
				h = app.NewHistory()
			}
		}
		_, ok := h.Indicator(ref)
		return ok
	}
}
