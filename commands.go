package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"scorecard/app"
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
	fs.IntVar(&e.suppress, "suppress", disclosure.DefaultThreshold, "suppress counts below `N` (the default 5 hides 1-4); 0 = none")
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
	if res.Dataset == nil || res.Dataset.Empty() {
		return &app.SourceError{Location: app.Location{File: name}, Err: fmt.Errorf("no figures, targets or definitions found in it (%s)", res.Format)}
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

// loadHistory opens the store read-only, reads it whole and closes it
// again, so a reading command shares the store and holds it only briefly.
// A store not yet created reads as empty.
func loadHistory(e *env) (*app.History, error) {
	st, err := openReader(e)
	if errors.Is(err, errNoStore) {
		return app.NewHistory(), nil
	}
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Load()
}

// errNoStore is what openReader says of a store file that does not exist
// yet: reading commands show it as empty rather than creating it.
var errNoStore = errors.New("no store yet")

// openReader opens the store for a command that only reads: several may
// read at once, and a store the user may only read can still be viewed.
func openReader(e *env) (*store.Store, error) {
	if _, err := os.Stat(e.db); errors.Is(err, os.ErrNotExist) {
		return nil, errNoStore
	}
	return store.OpenReadOnly(e.db)
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
	for _, c := range excluded {
		if !knownCohort(h, c) {
			return nil, fmt.Errorf("--exclude %s: no figures are split by that cohort (known: %s)", c, cohortNames(h))
		}
	}
	v.h, _ = cohort.Exclude(h, excluded)
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

func areaNames() string {
	names := make([]string, len(app.Areas))
	for i, a := range app.Areas {
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
	Area       app.Area        `json:"area"`
	Excluded   []app.Cohort    `json:"excluded"`
	Points     []showPoint     `json:"points"`
	Annual     []showPoint     `json:"annual,omitempty"`
	Benchmarks []app.Benchmark `json:"benchmarks"`
}

// showPoint is an analysed point and, for a figure that could not be
// recomputed without the excluded cohorts, the reason why.
type showPoint struct {
	trend.Point
	Reason string `json:"reason,omitempty"`
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
	key := app.SeriesKey{Ref: ind.Ref, Area: v.area, Split: app.All}
	r := showReport{Ref: ind.Ref, Name: ind.Name, Polarity: ind.Polarity, Unit: ind.Unit, Area: v.area,
		Excluded: append([]app.Cohort{}, v.excluded...), Benchmarks: v.h.Benchmarks(ind.Ref)}
	if r.Benchmarks == nil {
		r.Benchmarks = []app.Benchmark{}
	}
	for _, p := range trend.Analyse(v.h, key, analysisOptions()) {
		r.Points = append(r.Points, v.explained(key, p))
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
		return writeJSON(e, r)
	}
	fmt.Fprintf(e.out, "%s %s (%s, polarity %s, %s)\n", ind.Ref, ind.Name, v.area, orDash(ind.Polarity.String()), ind.Unit)
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
		fmt.Fprintln(e.out, "\nBenchmarks:")
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
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Period, b.Group, value, rank)
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
		if v.period.Kind != app.Month {
			return usagef("--period: flags are raised month by month; give a month such as 2025-03")
		}
		ps := v.h.Periods()
		if len(ps) == 0 {
			return fmt.Errorf("%s: no monthly figures to flag", e.db)
		}
		if v.period.Compare(ps[0]) < 0 || v.period.Compare(ps[len(ps)-1]) > 0 {
			return fmt.Errorf("%s: no figures for %s (the store holds %s to %s)", e.db, v.period.Label(), ps[0].Label(), ps[len(ps)-1].Label())
		}
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
		return err
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
