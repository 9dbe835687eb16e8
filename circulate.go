package main

import (
	"errors"
	"fmt"
	"os"

	"scorecard/app"
	"scorecard/app/store"
)

// recordCirculation records in the store that c's output was written for
// circulation, so that the next brief and pack say what changed since
// the figures members had rather than since the import before. The
// output is written already, so a store that cannot take the record (a
// folder the officer may only read, a store a colleague's window or
// import holds beyond the lock's wait, a team store role without the
// table) fails nothing: a note on stderr says it was not recorded, and
// why.
func recordCirculation(e *env, c app.Circulation) {
	err := func() error {
		if e.st != nil {
			_, err := e.st.RecordCirculation(c)
			return err
		}
		if !isTeamStore(e.db) {
			if _, err := os.Stat(e.db); errors.Is(err, os.ErrNotExist) {
				return err // no store was read: nothing to record in
			}
		}
		st, err := openRecorder(e.db)
		if err != nil {
			return err
		}
		_, err = st.RecordCirculation(c)
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		return err
	}()
	if err != nil {
		fmt.Fprintf(e.errOut, "note: this %s was not recorded as circulated (%s): what the next brief and pack say changed is counted from the imports before it\n",
			c.Output, oneLine(err))
	}
}

// openRecorder opens the store db names to record a circulation in it:
// a team store, or a store file of this Scorecard's schema (an earlier
// one is left for an import to upgrade, as the reading commands leave
// it).
func openRecorder(db string) (store.Store, error) {
	if isTeamStore(db) {
		return openTeam(db)
	}
	st, err := store.OpenCurrent(db)
	if err != nil {
		return nil, err // A nil *store.Bolt must not become a non-nil Store.
	}
	return st, nil
}
