package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app/store"
)

// TestReadingNoStoreSaysSo runs the reading commands on a store path where
// there is no file (a mistyped --db, a mapped drive not connected): each
// exits 1 with one line naming the path, and creates nothing; on a store
// that exists but holds nothing, imports and list print their empty
// table and exit 0, as they always have (QA32 finding 3: an empty
// history, exit 0, read as "all our history has gone").
func TestReadingNoStoreSaysSo(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "MI", "scorecard.db")
	out := filepath.Join(dir, "out.xlsx")
	for _, args := range [][]string{
		{"imports"}, {"imports", "--json"}, {"list"}, {"list", "--json"},
		{"show", "CIC05"}, {"flags"}, {"brief"}, {"export", "--out", out},
	} {
		r := scorecard(t, missing, args...)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 1 || len(lines) != 1 || !strings.Contains(lines[0], "no store at "+missing+" ") || !strings.Contains(lines[0], "check --db") {
			t.Errorf("scorecard %v on a path with no store: exit %d, stdout %q, stderr %q; want exit 1 and one line naming %s", args, r.code, r.stdout, r.stderr, missing)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("reading commands made %s (%v)", filepath.Dir(missing), err)
	}

	empty := filepath.Join(dir, "empty.db")
	st, err := store.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"imports"}, "ID  WHEN  KIND"},
		{[]string{"imports", "--json"}, "[]"},
		{[]string{"list"}, "REF  INDICATOR"},
		{[]string{"list", "--json"}, "[]"},
	} {
		if got := mustRun(t, empty, c.args...); !strings.HasPrefix(got, c.want) || strings.Count(got, "\n") != 1 {
			t.Errorf("scorecard %v on an empty store printed %q, want %q alone", c.args, got, c.want)
		}
	}
}
