package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPreparedBackup: a backup copied ahead of an import (PrepareBackup)
// is the automatic backup only while it holds the store as it is when
// the import writes; any copy not used leaves no file behind.
func TestPreparedBackup(t *testing.T) {
	tests := []struct {
		name string
		// between runs after PrepareBackup, before the import.
		between func(t *testing.T, s *Bolt)
		// setting is the "prepared" setting the newest backup must hold,
		// "" for none.
		setting string
	}{
		{name: "used as the import's backup", between: func(*testing.T, *Bolt) {}},
		{
			// A change that makes no backup of its own: the copy no longer
			// holds the store, so the import copies it anew.
			name: "stale after a setting changed",
			between: func(t *testing.T, s *Bolt) {
				if err := s.Put("settings", "prepared", "after"); err != nil {
					t.Fatal(err)
				}
			},
			setting: "after",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			s.PrepareBackup()
			tt.between(t, s)
			want := mustLoad(t, s)
			mustImport(t, s, "feb.xlsx", smallMonthly(1))
			newest, err := NewestBackup(s.Path())
			if err != nil || newest == "" {
				t.Fatalf("no backup before the second import: %v", err)
			}
			b, err := OpenReadOnly(newest)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			got, err := b.Load()
			if err != nil {
				t.Fatal(err)
			}
			sameHistory(t, "backup", want, got)
			var setting string
			if _, err := b.Get("settings", "prepared", &setting); err != nil {
				t.Fatal(err)
			}
			if setting != tt.setting {
				t.Errorf("backup's setting %q, want %q: it is not the store as the import found it", setting, tt.setting)
			}
			if bs, _ := Backups(s.Path()); len(bs) != 1 {
				t.Errorf("backups %q, want one", bs)
			}
			noTemporaryFiles(t, filepath.Dir(s.Path()))
		})
	}
}

// TestPreparedBackupUnused: a copy made ahead of an import that writes
// nothing (a file already imported, a store with nothing to copy) is no
// backup and leaves no file.
func TestPreparedBackupUnused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// A new store holds nothing to back up.
	s.PrepareBackup()
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("backups of an empty store: %q", bs)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	noTemporaryFiles(t, filepath.Dir(path))

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.PrepareBackup()
	if _, err := s.Import(Source{Name: "jan.xlsx", Kind: "workbook", SHA256: "sha-jan.xlsx"}, smallMonthly(0)); !errors.Is(err, ErrAlreadyImported) {
		t.Fatalf("repeat import: %v, want ErrAlreadyImported", err)
	}
	<-s.prepared.done // the copy is made, for Close to remove
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("a repeat import left backups: %q", bs)
	}
	noTemporaryFiles(t, filepath.Dir(path))
}

// noTemporaryFiles fails t where dir holds a temporary file.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			names = append(names, e.Name())
		}
	}
	if len(names) > 0 {
		t.Errorf("temporary files left: %q", slices.Sorted(slices.Values(names)))
	}
}

// TestBackupLeftoversRemoved: a backup's temporary file left by a process
// stopped while copying is removed when the store is next opened to
// write; the officer's own files beside the store are not.
func TestBackupLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	s.Close()
	left := filepath.Join(dir, ".scorecard.db.backup-20261203-101500.tmp-123456")
	kept := []string{
		filepath.Join(dir, "scorecard.db.backup-20261203-101500"),    // a backup
		filepath.Join(dir, ".other.db.backup-20261203-101500.tmp-1"), // another store's
		filepath.Join(dir, "notes.tmp-1"),
	}
	for _, p := range append(kept, left) {
		writeFile(p, []byte("x"))
	}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("a reader, which holds no exclusive lock, removed the leftover: %v", err)
	}
	begun := time.Date(2026, 12, 3, 10, 15, 0, 0, time.Local)
	if err := os.Chtimes(left, begun, begun); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the leftover temporary backup is still there: %v", err)
	}
	// Its change was stopped before it finished: said, when it began.
	if got := s.Interrupted(); len(got) != 1 || !got[0].Equal(begun) {
		t.Errorf("Interrupted() = %v, want the one change begun %v", got, begun)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Interrupted(); len(got) != 0 {
		t.Errorf("opened again, Interrupted() = %v, want none", got)
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
}
