// Command scorecard is the Scorecard desktop app for children's services
// performance scorecards. With no arguments it opens the window; with a
// subcommand it runs headless, so the monthly run can be scripted and
// every capability checked without a screen. See shared/docs/contract.md
// and the README for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"scorecard/app"
	// Set up before the packages that fill the heap, it advises the
	// heap into huge pages and holds the collector off while they set
	// up: run ends the hold.
	"scorecard/app/heap"
	"scorecard/app/store"
	"scorecard/importer"
	"scorecard/views"
)

// version is the app's version, as FyneApp.toml gives it (a test keeps the
// two in step); exports record it in their provenance.
const version = "0.1.0"

// usageError marks a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// command is one subcommand: its flags are parsed before run is called.
type command struct {
	name  string
	args  string // the positional arguments, for usage
	about string
	flags func(fs *flag.FlagSet, e *env)
	run   func(env *env, args []string) error
	// collect, if set, paces the garbage collector for the whole
	// command, from before the first collection (see run).
	collect func() (stop func())
}

// env is what every subcommand gets: the store's path, the output, and
// the options common to the contract's commands.
type env struct {
	db       string
	out      io.Writer
	errOut   io.Writer // where per-file errors go when a command goes on past them
	json     bool
	area     string
	exclude  string
	period   string
	outPath  string
	suppress int
	original string
	asAt     time.Time // import --as-at: a child-level list's snapshot date
	// acceptDefinitions lets an import change the unit or polarity of
	// an indicator the store holds; without it the stored one stands.
	acceptDefinitions bool
	marking           string
	// from, to, at and note are the chart settings' flags.
	from, to, at, note string
	all                bool // flags --all: every flag, unranked
	ctx                context.Context
	// allowMany and allowFuture confirm an import past two limits.
	allowMany, allowFuture bool
	force                  bool // authority --force: change a store holding figures
	reinstate              bool // retire --undo: put a retired indicator back
	// districts are authority --districts: the officer's own; nil when
	// the flag is not given.
	districts []string
	// rag are rag's --rule and --tolerance.
	rag ragFlags
	// copyFrom and copyTo are copy's stores.
	copyFrom, copyTo string
	// st, when not nil, is a store already open that the reading
	// commands read, named db, instead of opening db: copy proves a copy
	// through the transaction or file it is still writing.
	st store.Store
	// batch are the imports this command made, by ID, with their files'
	// names: a file of the same import taking back one's figures is
	// refused (batchTakeBack).
	batch map[string]string
	// areaNames are import --area NAME=AREA: the officer's readings of
	// area names the store's authority does not have.
	areaNames map[string]app.Area
	// readWith are the files an import has read with another named
	// before them (an SSDA903 return's other tables), by absolute path,
	// each with the name of the file it was read with.
	readWith map[string]string
	// refusedWith are, as readWith, the files an import has refused
	// with another named before them.
	refusedWith map[string]string
	// opening is the one file an import names, its reading begun as
	// the command starts (importer.Open); nil otherwise.
	opening *importer.Opening
}

// newEnv returns the env for a command writing to stdout and stderr.
func newEnv(stdout, stderr io.Writer) *env {
	return &env{db: defaultDB(), out: stdout, errOut: stderr, ctx: context.Background()}
}

func main() {
	// Before anything prints: a GUI-subsystem Windows binary has no
	// console until it attaches to the prompt it was started from.
	attachConsole()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status: 0 on
// success, 1 on a user-facing error, 2 on wrong usage.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A last resort: a bug must not show an officer a Go crash dump.
		// The store recovers bbolt's panics itself; this catches the rest.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "scorecard: internal error: %s\n", oneLine(fmt.Errorf("%v", r)))
			code = 1
		}
	}()
	// Names and cells come from files anyone may have written.
	stdout, stderr = escaper{stdout}, escaper{stderr}
	e := newEnv(stdout, stderr)
	global := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&e.db, "db", e.db, "the store `file`, or a team store's postgres:// URL")
	var screen, ref, exclude string
	var imports files
	global.StringVar(&screen, "screen", "", "open the window on this `screen` (scorecard, detail, districts, import, history, export, authority, rag)")
	global.StringVar(&ref, "ref", "", "the indicator the detail screen shows, e.g. CIC05")
	global.StringVar(&exclude, "exclude", "", "`cohorts` the window starts excluding, e.g. uasc,ola")
	global.Var(&imports, "import", "a `file` to import as the window opens (repeatable)")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			// Asked for, not wrong usage: the usage goes where the
			// officer's pipe or pager reads it, and the command succeeds.
			printUsage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		printUsage(stderr)
		return 2
	}
	if err := checkStoreName(e.db); err != nil {
		fmt.Fprintf(stderr, "scorecard: --db: %v\n", err.(usageError).msg)
		return 2
	}
	e.db = storeName(e.db)
	if global.NArg() == 0 {
		excluded, err := app.ParseCohorts(exclude)
		if err != nil {
			fmt.Fprintf(stderr, "scorecard: --exclude: %v\n", err)
			return 2
		}
		chosen := false
		global.Visit(func(f *flag.Flag) { chosen = chosen || f.Name == "db" })
		return openWindow(e.db, views.Options{Screen: screen, Ref: ref, Import: imports, Exclude: excluded, StoreChosen: chosen, Note: windowNote(stderr)}, stderr)
	}
	name := global.Arg(0)
	if name == "help" || name == "-h" || name == "--help" {
		printUsage(stdout)
		return 0
	}
	cmd, ok := commandNamed(name)
	if !ok && isWorkbookPath(name) {
		// A file dropped on the program's icon arrives as its first
		// argument: open the window and import it.
		return openWindow(e.db, views.Options{Screen: screen, Import: global.Args()}, stderr)
	}
	if !ok {
		fmt.Fprintf(stderr, "scorecard: unknown command %q\n", name)
		printUsage(stderr)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.db, "db", e.db, "the store `file`, or a team store's postgres:// URL")
	if cmd.flags != nil {
		cmd.flags(fs, e)
	}
	positional, err := parseInterleaved(fs, global.Args()[1:])
	if errors.Is(err, flag.ErrHelp) {
		printCommandUsage(stdout, cmd, fs)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "scorecard %s: %v\nusage: scorecard %s %s\n", name, err, name, cmd.args)
		return 2
	}
	if err := checkStoreName(e.db); err != nil {
		fmt.Fprintf(stderr, "scorecard %s: --db: %s\nusage: scorecard %s %s\n", name, err.(usageError).msg, name, cmd.args)
		return 2
	}
	e.db = storeName(e.db)
	// The collector has been held off since the packages set up
	// (app/heap): a command that paces it takes over from the hold, so
	// that its first collection comes at its pace, not at Go's first
	// goal of 4 MB, which the packages' set-up has already filled.
	if cmd.collect != nil {
		defer cmd.collect()()
	}
	heap.SetUp()
	leaveMainThread()
	if err := cmd.run(e, positional); err != nil {
		if errors.Is(err, errAlreadyReported) {
			return 1
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "scorecard %s: %s\nusage: scorecard %s %s\n", name, ue.msg, name, cmd.args)
			return 2
		}
		// The store is closed by now, so a damaged one can be read for
		// what restoring its backup would give up.
		fmt.Fprintf(stderr, "%s\n", oneLine(store.WithLoss(err)))
		return 1
	}
	return 0
}

// isWorkbookPath reports whether s names an existing file the importer
// reads, rather than a mistyped command.
func isWorkbookPath(s string) bool {
	switch strings.ToLower(filepath.Ext(s)) {
	case ".xlsx", ".xlsm", ".csv":
		_, err := os.Stat(s)
		return err == nil
	}
	return false
}

// files collects a repeatable flag's values.
type files []string

func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(s string) error { *f = append(*f, s); return nil }

// parseInterleaved parses flags wherever they stand among the positional
// arguments, so that "show CIC05 --json" works as well as "show --json
// CIC05".
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// oneLine keeps an error to the single line the contract promises.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// defaultDB is the per-user store: %AppData%\Scorecard\scorecard.db on
// Windows, ~/.config/Scorecard/scorecard.db on Linux.
func defaultDB() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Scorecard", "scorecard.db")
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: scorecard [--db FILE|URL] [COMMAND [ARGS]]")
	fmt.Fprintln(w, "With no command, opens the Scorecard window.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %-40s %s\n", c.name, c.args, c.about)
	}
}

// printCommandUsage is one command's help, for scorecard COMMAND --help:
// its usage line, what it does, and its options with their defaults.
func printCommandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: scorecard %s %s\n%s\n\nOptions:\n", c.name, c.args, c.about)
	// Written as the usage line writes them (--json), not as the flag
	// package's PrintDefaults does (-json); both are accepted.
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  %s\n      %s", strings.TrimSpace("--"+f.Name+" "+arg), usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// openStore opens the store for a subcommand; an "already open" store is
// reported in the contract's one line.
func openStore(e *env) (store.Store, error) {
	st, err := openDB(e.db, 0)
	noteInterrupted(e, st, err)
	return st, err
}

// openStoreFor opens the store to import the files at paths, with room
// mapped for what they add (see store.OpenSized).
func openStoreFor(e *env, paths []string) (store.Store, error) {
	st, err := openDB(e.db, store.ImportRoom(paths...))
	noteInterrupted(e, st, err)
	return st, err
}

// noteInterrupted says, of a store opened to change it, each change
// stopped before it finished (store.Bolt.Interrupted): nothing of it was
// stored, and an officer who did not see the window close or the
// command killed had nothing telling them to make it again.
func noteInterrupted(e *env, st store.Store, err error) {
	if b, ok := st.(*store.Bolt); ok && err == nil {
		for _, t := range b.Interrupted() {
			fmt.Fprintf(e.errOut, "note: a change to %s begun at %s (an import or undo) was stopped before it finished: nothing of it was stored; make it again if it is still wanted (scorecard imports lists what was)\n",
				e.db, t.Local().Format("2 Jan 2006 15:04"))
		}
	}
}
