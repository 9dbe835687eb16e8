package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app/store/postgres/pgtest"
)

// demoRefs lists the indicators the store db holds.
func demoRefs(t *testing.T, db string) []string {
	t.Helper()
	var list []struct {
		Ref string `json:"ref"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, ind := range list {
		refs = append(refs, ind.Ref)
	}
	if len(refs) == 0 {
		t.Fatalf("%s holds no indicators", db)
	}
	return refs
}

// sameShows fails t unless show --json of every indicator, all children
// and with UASC excluded, is byte for byte the same from stores a and b.
func sameShows(t *testing.T, a, b string) {
	t.Helper()
	refs := demoRefs(t, a)
	if got := demoRefs(t, b); strings.Join(got, " ") != strings.Join(refs, " ") {
		t.Fatalf("the stores list %v and %v", refs, got)
	}
	for _, ref := range refs {
		for _, args := range [][]string{{"show", ref, "--json"}, {"show", ref, "--json", "--exclude", "uasc"}} {
			if x, y := mustRun(t, a, args...), mustRun(t, b, args...); x != y {
				t.Fatalf("%v differs between the bbolt store and the team store:\n%s\n---\n%s", args, x, y)
			}
		}
	}
	if x, y := mustRun(t, a, "flags", "--json"), mustRun(t, b, "flags", "--json"); x != y {
		t.Fatal("flags --json differs between the stores")
	}
}

// TestDemoSameOnBothEngines: the demo loaded into a bbolt file and into a
// PostgreSQL team store gives identical show --json for every indicator.
func TestDemoSameOnBothEngines(t *testing.T) {
	team := pgtest.DSN(t)
	file := demoStore(t)
	mustRun(t, team, "demo")
	sameShows(t, file, team)
}

// TestCopyBetweenEngines: copy moves a whole store, an undone import and
// a setting included, from a bbolt file to a team store and back, and each
// copy shows what the original showed. Neither output nor error shows the
// team store's password.
func TestCopyBetweenEngines(t *testing.T) {
	team := pgtest.DSN(t)
	dir := t.TempDir()
	file, back := filepath.Join(dir, "officer.db"), filepath.Join(dir, "offline.db")
	mustRun(t, file, "demo")
	mustRun(t, file, "undo", "I0001")
	mustRun(t, file, "demo")
	mustRun(t, file, "authority", "Kent", "--districts", "Ashford,Thanet")
	// copy itself compares show --json of every indicator in both stores.
	out := mustRun(t, file, "copy", "--from", file, "--to", team)
	if !strings.Contains(out, "copied 2 imports") || !strings.Contains(out, "identical for all 32 indicators") || strings.Contains(out, "scorecard-test") {
		t.Fatalf("copy to the team store said %q", out)
	}
	sameShow(t, file, team, "CIC05")
	if x, y := mustRun(t, file, "authority"), mustRun(t, team, "authority"); x != y {
		t.Fatalf("authority: %q from the file, %q from the team store", x, y)
	}
	if out := mustRun(t, file, "copy", "--from", team, "--to", back); !strings.Contains(out, "identical for all 32 indicators") {
		t.Fatalf("copy to a file said %q", out)
	}
	sameShow(t, file, back, "SCS02")
	if x, y := mustRun(t, file, "imports", "--json"), mustRun(t, back, "imports", "--json"); x != y {
		t.Fatalf("imports --json differs after a round trip:\n%s\n---\n%s", x, y)
	}
	// Into a store that holds imports: refused, and it is left as it was.
	r := scorecard(t, file, "copy", "--from", file, "--to", team)
	if r.code != 1 || !strings.Contains(r.stderr, "already holds 2 imports") || strings.Contains(r.stderr, "scorecard-test") {
		t.Fatalf("copy into a store holding imports: exit %d, %q", r.code, r.stderr)
	}
	backup := filepath.Join(dir, "team-backup.db")
	mustRun(t, team, "backup", "--out", backup)
	sameShow(t, file, backup, "EH01")
	if x, y := mustRun(t, file, "imports", "--json"), mustRun(t, backup, "imports", "--json"); x != y {
		t.Fatalf("imports --json differs in the team store's backup:\n%s\n---\n%s", x, y)
	}
}

// sameShow fails t unless show --json of ref is the same from a and b.
func sameShow(t *testing.T, a, b, ref string) {
	t.Helper()
	if x, y := mustRun(t, a, "show", ref, "--json"), mustRun(t, b, "show", ref, "--json"); x != y {
		t.Fatalf("show %s --json differs between %s and %s", ref, a, b)
	}
}

// TestWindowLeavesAnEmptyTeamStoreEmpty: the window loads the demo into a
// new store file, but not into a new team store, which is the team's.
func TestWindowLeavesAnEmptyTeamStoreEmpty(t *testing.T) {
	team := pgtest.DSN(t)
	st, err := openForWindow(storeName(team), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, err := st.Imports()
	if err != nil || len(recs) != 0 {
		t.Fatalf("a new team store opened by the window holds %d imports (%v)", len(recs), err)
	}
	if strings.Contains(st.Path(), "scorecard-test") {
		t.Fatalf("the window's store is named %q, password and all", st.Path())
	}
}

// TestConnectionStringLookalikes: a --db meant as a connection string but
// not a postgres:// URL is refused as wrong usage, without its password
// and without making a store; a file path, a Windows one included, is a
// store file.
func TestConnectionStringLookalikes(t *testing.T) {
	const secret = "Hunter2pw"
	csv, err := filepath.Abs(filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		db      string
		refused bool
	}{
		{"postgress://officer:" + secret + "@dbserver/scorecard", true},
		{"postgres:/officer:" + secret + "@dbserver/scorecard", true},
		{"https://officer:" + secret + "@dbserver/scorecard", true},
		{"host=dbserver user=officer password=" + secret + " dbname=scorecard", true},
		{"dbname=scorecard password='" + secret + "'", true},
		{"C:/Users/ann/scorecard.db", false},
		{"team=blue/scorecard.db", false},
	} {
		t.Run(tt.db, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			r := scorecard(t, tt.db, "import", csv)
			made, _ := filepath.Glob(filepath.Join(dir, "*"))
			if !tt.refused {
				if r.code != 0 || len(made) == 0 {
					t.Fatalf("a store file path: exit %d, made %v\n%s", r.code, made, r.stderr)
				}
				return
			}
			if r.code != 2 || !strings.Contains(r.stderr, "is not a store file nor a team store's URL") {
				t.Errorf("exit %d, stderr %q; want 2 and the reason", r.code, r.stderr)
			}
			if strings.Contains(r.stdout+r.stderr, secret) {
				t.Errorf("the password is shown: %q", r.stderr)
			}
			if len(made) != 0 {
				t.Errorf("made %v", made)
			}
		})
	}
}
