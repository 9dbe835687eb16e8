package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRestoreFromMissing: restore from a file that does not exist (a
// mistyped backup name, a folder not there) says there is no such file
// and that nothing was changed, not that the file is "not a sound
// Scorecard store", and leaves the store as it was.
func TestRestoreFromMissing(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	path := s.path
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	for _, from := range []string{
		filepath.Join(dir, "scorecard.db.backup-20261205-013221"),
		filepath.Join(dir, "full2", "nonexist.db"),
	} {
		t.Run(filepath.Base(from), func(t *testing.T) {
			kept, err := Restore(path, from)
			want := "restore from " + from + ": there is no such file; nothing was changed; name a backup of the store to restore from (its automatic backups are scorecard.db.backup-*)"
			if err == nil || err.Error() != want {
				t.Fatalf("restore: %v\nwant %s", err, want)
			}
			if kept != "" {
				t.Errorf("kept %s, want nothing replaced", kept)
			}
			after, err := os.ReadFile(path)
			if err != nil || string(after) != string(before) {
				t.Errorf("the store changed: %v", err)
			}
		})
	}
}
