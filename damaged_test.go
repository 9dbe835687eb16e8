package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app/store"
)

// TestDamagedStoreEveryCommand cuts a store short, and flips a bit of its
// header page, and runs every command on it: each exits 1 with at most
// three lines, no crash dump, offering the newest automatic backup, and
// leaves the file as it was; restore then brings the backup back.
func TestDamagedStoreEveryCommand(t *testing.T) {
	db := demoStore(t)
	// The second change is backed up first: the backup holds the demo.
	mustRun(t, db, "undo", "I0001")
	good, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := store.NewestBackup(db)
	if err != nil || backup == "" {
		t.Fatalf("no automatic backup beside %s: %v", db, err)
	}
	workbook := filepath.Join(t.TempDir(), "demo.xlsx")
	out := filepath.Join(t.TempDir(), "out")
	commands := [][]string{
		{"list"}, {"list", "--json"}, {"show", "CIC05"}, {"show", "CIC05", "--json"}, {"flags"},
		{"export", "--out", out + ".xlsx"}, {"imports"}, {"undo", "I0001"}, {"import", workbook},
		{"demo"}, {"backup", "--out", out + ".db"},
	}
	os.WriteFile(workbook, []byte("PK"), 0o600)
	flipped := append([]byte(nil), good...)
	flipped[16+16] ^= 1 // meta page 0's root page id
	flipped[4096+16+16] ^= 1
	for _, damage := range []struct {
		name string
		data []byte
	}{
		{"cut to 8 KB", good[:8<<10]},
		{"cut to 16 KB", good[:16<<10]},
		{"cut in half", good[:len(good)/2]},
		{"header bits flipped", flipped},
	} {
		os.WriteFile(db, damage.data, 0o600)
		for _, args := range commands {
			r := scorecard(t, db, args...)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || len(lines) > 3 || strings.Contains(r.stderr, "goroutine") || !strings.Contains(r.stderr, " restore ") || !strings.Contains(r.stderr, backup) {
				t.Errorf("%s: scorecard %v: exit %d, stderr:\n%s\nwant exit 1 and at most 3 lines offering %s", damage.name, args, r.code, r.stderr, backup)
			}
			// The backup, made before the undo, lacks it (QA23a D3).
			if !strings.Contains(r.stderr, "the backup of ") || !strings.Contains(r.stderr, " holds import I0001") {
				t.Errorf("%s: scorecard %v: %s\nwant it to say what the backup holds and lacks", damage.name, args, r.stderr)
			}
			if got, _ := os.ReadFile(db); string(got) != string(damage.data) {
				t.Fatalf("%s: scorecard %v changed the damaged store", damage.name, args)
			}
		}
	}
	r := mustRun(t, db, "restore", backup)
	if !strings.Contains(r, "restored") || !strings.Contains(r, "holds import I0001;") {
		t.Errorf("restore said %q, want it to say what the backup holds and lacks", r)
	}
	if out := mustRun(t, db, "show", "CIC05"); !strings.Contains(out, "CIC05") {
		t.Errorf("after restore, show CIC05 said %q", out)
	}
	if r := scorecard(t, db, "restore", db); r.code != 1 {
		t.Errorf("restore from the store itself: exit %d, %s", r.code, r.stderr)
	}
	if r := scorecard(t, db, "backup", "--out", db); r.code != 1 || !strings.Contains(r.stderr, "store itself") {
		t.Errorf("backup --out the store itself: exit %d, %s", r.code, r.stderr)
	}
}
