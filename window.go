package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"scorecard/app/heap"
	"scorecard/app/store"
	"scorecard/views"
)

// openWindow opens the desktop window on the store at db. On first launch,
// with nothing imported yet, it loads the demo scorecards so there is
// something to see. A store that cannot be opened is explained in a small
// window offering another store, a backup or quitting (and on stderr):
// an officer who double-clicked the program sees why, not nothing.
func openWindow(db string, opt views.Options, stderr io.Writer) (code int) {
	defer func() {
		// Without a display (none set, or Xvfb not yet or no longer
		// serving it) the GL driver panics once GLFW has failed to start:
		// that was the rare exit with status 2 and a crash dump at
		// start-up. Say so in one line instead.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "scorecard: cannot open the window (is there a display?): %s\n", oneLine(fmt.Errorf("%v", r)))
			code = 1
		}
	}()
	heap.SetUp()
	// A cohort toggle recomputes the whole history without the cohort,
	// which allocates freely while a large history stays live; collecting
	// less often keeps a toggle quick, at a memory cost a desktop can carry.
	debug.SetGCPercent(400)
	views.Version = version
	st := views.RunPath(db, func(path string) (store.Store, error) {
		st, err := openForWindow(path, stderr)
		if err != nil {
			fmt.Fprintln(stderr, oneLine(err))
		}
		return st, err
	}, opt)
	if st == nil {
		return 1
	}
	st.Close()
	return 0
}

// windowNote writes what the window did not do of what the command line
// asked (an --exclude no figure is split by) on stderr, as a command's
// notes are: the window says it too, but a shortcut's log keeps this.
func windowNote(stderr io.Writer) func(string) {
	return func(s string) { fmt.Fprintf(stderr, "note: %s\n", s) }
}

// openForWindow opens the store at path for the window, loading the demo
// into a store file with nothing imported yet (never into a team store,
// whose first import is the team's own).
func openForWindow(path string, stderr io.Writer) (store.Store, error) {
	st, err := openDB(path, 0)
	if err != nil {
		return nil, err
	}
	recs, err := st.Imports()
	if err != nil {
		st.Close()
		return nil, err
	}
	if len(recs) == 0 && !isTeamStore(path) {
		e := newEnv(io.Discard, stderr)
		e.db = path
		if err := loadDemo(e, st); err != nil {
			fmt.Fprintln(stderr, oneLine(err))
		}
	}
	return st, nil
}
