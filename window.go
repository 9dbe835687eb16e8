package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"scorecard/app/store"
	"scorecard/views"
)

// openWindow opens the desktop window on the store at db. On first launch,
// with nothing imported yet, it loads the demo scorecards so there is
// something to see.
func openWindow(db string, opt views.Options, stderr io.Writer) int {
	// A cohort toggle recomputes the whole history without the cohort,
	// which allocates freely while a large history stays live; collecting
	// less often keeps a toggle quick, at a memory cost a desktop can carry.
	debug.SetGCPercent(400)
	views.Version = version
	st, err := store.Open(db)
	if err != nil {
		fmt.Fprintln(stderr, oneLine(err))
		return 1
	}
	defer st.Close()
	recs, err := st.Imports()
	if err != nil {
		fmt.Fprintln(stderr, oneLine(err))
		return 1
	}
	if len(recs) == 0 {
		e := newEnv(io.Discard, stderr)
		e.db = db
		if err := loadDemo(e, st); err != nil {
			fmt.Fprintln(stderr, oneLine(err))
		}
	}
	views.Run(st, opt)
	return 0
}
