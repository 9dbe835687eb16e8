package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// backup --out does not write over a file already there unless --force
// asks: an officer meaning to restore, naming the old backup as --db and
// the live store as --out, replaced the live store and lost every import
// since, with exit 0 and no word (QA23a D2). Refused, the file is left as
// it was, exit 1, and the one line names it and, for a store, what it
// holds that the store lacks and the restore that may have been meant.
func TestBackupOverAFileThere(t *testing.T) {
	const jan = "Ref,Indicator,Polarity,Unit,Period,Area,Value\nCIC05,Children in care with 3 or more placements (%),L,%,2026-01,Kent,10.5\n"
	const feb = "Ref,Indicator,Polarity,Unit,Period,Area,Value\nCIC05,Children in care with 3 or more placements (%),L,%,2026-02,Kent,10.9\n"
	for _, tc := range []struct {
		name  string
		there string // "store": the live store, with February's import; "notes": a text file; "": none
		force bool
		code  int
		says  string // in stderr when refused; OUT is --out, SRC --db
	}{
		{"the live store, the backup named as --db", "store", false, 1,
			"OUT is already there, a Scorecard store holding I0002 (feb.csv, *), which the store does not; name a new file, or give --force to replace it (if you meant instead to restore SRC over OUT, keeping it beside, use: scorecard --db OUT restore SRC)"},
		{"a file of another kind", "notes", false, 1, "OUT is already there, a file; name a new file, or give --force to replace it"},
		{"the live store, --force", "store", true, 0, ""},
		{"no file there", "", false, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			live, old := filepath.Join(dir, "scorecard.db"), filepath.Join(dir, "old.db")
			mustRun(t, live, "import", writeFile(t, "jan.csv", jan))
			mustRun(t, live, "backup", "--out", old)
			mustRun(t, live, "import", writeFile(t, "feb.csv", feb))
			out := live
			switch tc.there {
			case "notes":
				out = filepath.Join(dir, "notes.txt")
				if err := os.WriteFile(out, []byte("notes\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			case "":
				out = filepath.Join(dir, "new.db")
			}
			before, _ := os.ReadFile(out)
			args := []string{"backup", "--out", out}
			if tc.force {
				args = append(args, "--force")
			}
			r := scorecard(t, old, args...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tc.code, r.stderr)
			}
			if tc.code != 0 {
				says := strings.NewReplacer("OUT", out, "SRC", old).Replace(tc.says)
				// * stands for the import's time.
				for _, part := range strings.Split(says, "*") {
					if !strings.Contains(r.stderr, part) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
						t.Errorf("stderr %q, want one line with %q", r.stderr, part)
					}
				}
				if got, _ := os.ReadFile(out); !bytes.Equal(got, before) {
					t.Errorf("%s was changed", out)
				}
				if tc.there == "store" && !strings.Contains(mustRun(t, live, "show", "CIC05"), "2026-02") {
					t.Error("the live store lost February's import")
				}
				return
			}
			// Written: the backup is the old store's, January's alone.
			if got := mustRun(t, out, "show", "CIC05"); !strings.Contains(got, "2026-01") || strings.Contains(got, "2026-02") {
				t.Errorf("%s after the backup shows:\n%s", out, got)
			}
		})
	}
}

// TestInterruptedChangeSaid: an import killed mid-way leaves its
// automatic backup's copy half made beside the store; the next change
// says a change was stopped before it finished and nothing of it was
// stored, where nothing had told the officer it was not made.
func TestInterruptedChangeSaid(t *testing.T) {
	db := demoStore(t)
	left := filepath.Join(filepath.Dir(db), "."+filepath.Base(db)+".backup-20261207-170000.tmp-4242")
	if err := os.WriteFile(left, []byte("half a copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scorecard(t, db, "import", filepath.Join("assets", "demo.xlsx"))
	if r.code != 0 || !strings.Contains(r.stderr, "note: a change to "+db+" begun at ") || !strings.Contains(r.stderr, "was stopped before it finished: nothing of it was stored") {
		t.Errorf("exit %d, stderr %q; want the interrupted change said", r.code, r.stderr)
	}
	if r := scorecard(t, db, "import", filepath.Join("assets", "demo.xlsx")); strings.Contains(r.stderr, "stopped before it finished") {
		t.Errorf("said again once the leftover was removed: %q", r.stderr)
	}
}
