package postgres_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
)

// TestImportWaitsBounded: an import behind a colleague's that stalled
// holding the team store (a laptop asleep mid-import) is told on stderr
// that it waits, and after a bounded wait is refused, saying another
// import holds the store and nothing was stored; behind one that finishes
// within the wait, it lands.
func TestImportWaitsBounded(t *testing.T) {
	for _, tc := range []struct {
		name   string
		hold   time.Duration // how long the colleague's import holds the store
		refuse string        // what the import is refused with; "" if it lands
	}{
		{"stalled colleague", 10 * time.Second, "another import holds the team store (in use by another officer's import or undo for over 2 s); nothing was stored; try again"},
		{"colleague finishing", 1200 * time.Millisecond, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn := pgtest.DSN(t)
			ann, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer ann.Close()
			bob, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer bob.Close()
			var note bytes.Buffer
			postgres.ShortLockWait(t, 2*time.Second, 500*time.Millisecond, &note)
			// Ann's import, stalled: her transaction holds the lock until
			// released or hold has passed.
			holding, release := make(chan struct{}), make(chan struct{})
			done := make(chan error, 1)
			go func() {
				done <- ann.InOne(context.Background(), func(*postgres.Store) error {
					close(holding)
					select {
					case <-release:
					case <-time.After(tc.hold):
					}
					return nil
				})
			}()
			<-holding
			start := time.Now()
			_, err = bob.Import(source("kent-2026-02.xlsx"), twoYears(1))
			took := time.Since(start)
			close(release)
			if err := <-done; err != nil {
				t.Fatalf("ann's transaction: %v", err)
			}
			if !strings.Contains(note.String(), "waiting for another officer's import to finish (0 s)") &&
				!strings.Contains(note.String(), "waiting for another officer's import to finish (1 s)") {
				t.Errorf("stderr while waiting: %q, want \"waiting for another officer's import to finish (N s)\"", note.String())
			}
			recs, ierr := bob.Imports()
			if ierr != nil {
				t.Fatal(ierr)
			}
			if tc.refuse == "" {
				if err != nil || len(recs) != 1 {
					t.Fatalf("import behind a finishing colleague: %v, %d imports stored; want it landed", err, len(recs))
				}
				return
			}
			if err == nil || !strings.HasSuffix(err.Error(), tc.refuse) || !strings.HasPrefix(err.Error(), "import kent-2026-02.xlsx: team store ") {
				t.Fatalf("import behind a stalled colleague: %v\nwant \"import kent-2026-02.xlsx: team store ...: %s\"", err, tc.refuse)
			}
			if took < 2*time.Second || took > 8*time.Second {
				t.Errorf("refused after %s, want after the 2 s wait", took.Round(time.Millisecond))
			}
			if len(recs) != 0 {
				t.Errorf("%d imports stored after the refusal, want none", len(recs))
			}
		})
	}
}
