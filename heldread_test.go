package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app/store"
)

// TestReadingWhileWindowHoldsStore holds a bbolt store open to write, as
// the window does all day, and runs the reading commands on it: each
// reads a consistent copy, as backup does, and says what the store says
// once it is let go; a change is still turned away, and no copy is left
// in the temporary folder (QA32 finding 5: every one was refused, "in
// use by another Scorecard").
func TestReadingWhileWindowHoldsStore(t *testing.T) {
	db := demoStore(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	out := filepath.Join(t.TempDir(), "held.xlsx")
	reads := [][]string{{"show", "CIC05", "--json"}, {"list", "--json"}, {"imports", "--json"}, {"flags", "--json"}, {"brief"}}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]string{}
	for _, args := range reads {
		held[strings.Join(args, " ")] = mustRun(t, db, args...)
	}
	mustRun(t, db, "export", "--out", out)
	if r := scorecard(t, db, "undo", "I0001"); r.code != 1 || !strings.Contains(r.stderr, "in use by another Scorecard") {
		t.Errorf("undo while the store is held: exit %d, stderr %q; want it turned away", r.code, r.stderr)
	}
	st.Close()
	for _, args := range reads {
		if got := mustRun(t, db, args...); got != held[strings.Join(args, " ")] {
			t.Errorf("scorecard %v read while the store was held differs from the store let go", args)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the temporary folder keeps %v after reading commands", left)
	}
}
