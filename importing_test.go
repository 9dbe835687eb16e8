package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/store"
)

// staleFor is a store that refuses its first stale imports as a team
// store refuses an import a colleague's import made stale.
type staleFor struct {
	store.Store
	stale int
}

func (s *staleFor) Import(src store.Source, ds *app.Dataset) (app.Import, error) {
	if s.stale > 0 {
		s.stale--
		return app.Import{}, fmt.Errorf("import %s: team store postgres://ann@db/mi: import %s: %w", src.Name, src.Name, store.ErrStale)
	}
	return s.Store.Import(src, ds)
}

// TestImportRetriesStale: an import a busy team store keeps refusing as
// stale is read and reviewed again after growing, jittered waits, enough
// of them to outlast a dozen colleagues importing at once; when every try
// is stale the message names the file once, says how often it was tried
// and that nothing was stored.
func TestImportRetriesStale(t *testing.T) {
	dir := t.TempDir()
	csv := tidyCSV(t, dir, "QS", 3, 0)
	for _, tt := range []struct {
		stale    int
		imported bool
	}{
		{0, true},
		{6, true}, // five tries gave up here
		{staleTries - 1, true},
		{staleTries, false},
	} {
		t.Run(fmt.Sprint(tt.stale, " stale"), func(t *testing.T) {
			var waits []time.Duration
			defer func(s func(time.Duration)) { sleep = s }(sleep)
			sleep = func(d time.Duration) { waits = append(waits, d) }
			b, err := store.Open(filepath.Join(t.TempDir(), "x.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			b.SetAutoBackups(0)
			var out bytes.Buffer
			e := newEnv(&out, &out)
			err = importFile(e, &staleFor{Store: b, stale: tt.stale}, csv, filepath.Base(csv), "file")
			recs, _ := b.Imports()
			if tt.imported != (err == nil) || len(recs) != map[bool]int{true: 1, false: 0}[tt.imported] {
				t.Fatalf("after %d stale tries: err = %v, %d imports", tt.stale, err, len(recs))
			}
			if len(waits) != min(tt.stale, staleTries-1) {
				t.Errorf("waited %d times after %d stale tries", len(waits), tt.stale)
			}
			var total time.Duration
			for i, w := range waits {
				if ceiling := min(200*time.Millisecond<<i, 3*time.Second); w < ceiling/2 || w > ceiling {
					t.Errorf("wait %d is %v, want between %v and %v", i+1, w, ceiling/2, ceiling)
				}
				total += w
			}
			if tt.imported {
				return
			}
			if total < 8*time.Second {
				t.Errorf("the tries span %v: too short for a dozen officers importing at once", total)
			}
			msg := oneLine(err)
			if !errors.Is(err, store.ErrStale) || strings.Count(msg, "QS-0.csv") != 1 || !strings.Contains(msg, fmt.Sprintf("tried %d times", staleTries)) || !strings.Contains(msg, "nothing was stored") {
				t.Errorf("the message is %q", msg)
			}
		})
	}
	// The waits are jittered: officers who collided do not collide again.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[staleWait(3)] = true
	}
	if len(seen) < 10 {
		t.Errorf("20 waits after a third stale try took %d distinct values", len(seen))
	}
}
