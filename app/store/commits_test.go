package store

import (
	"bytes"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// committed is the ID of the store's latest committed write transaction:
// each commit adds one, and each costs the officer two or three syncs.
func committed(t *testing.T, s *Bolt) int {
	t.Helper()
	var id int
	if err := s.db.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestImportCommitsOnce: an import is one commit, into a new store and
// into one holding figures, the mark that the store is open included;
// closing it is one more. Marking the store open in a commit of its own
// before the import's was two syncs the officer waited on.
func TestImportCommitsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	for i, held := range []string{"a new store", "a store holding figures"} {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		before := committed(t, s)
		mustImport(t, s, "file"+string(rune('a'+i))+".xlsx", smallMonthly(i))
		if n := committed(t, s) - before; n != 1 {
			t.Errorf("import into %s: %d commits, want 1", held, n)
		}
		// Marked open by the import's commit: a kill now is an unclean
		// close, whose pages the next open checks.
		var open []byte
		s.db.View(func(tx *bolt.Tx) error { open = bytes.Clone(tx.Bucket(bucketMeta).Get(keyOpen)); return nil })
		if !bytes.Equal(open, []byte{1}) {
			t.Errorf("after the import into %s the store reads open=%v, want [1]", held, open)
		}
		// A second change in the session marks nothing again.
		before = committed(t, s)
		if err := s.Put("settings", "k", "v"); err != nil {
			t.Fatal(err)
		}
		if n := committed(t, s) - before; n != 1 {
			t.Errorf("a setting after the import into %s: %d commits, want 1", held, n)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		raw, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		raw.View(func(tx *bolt.Tx) error { open = bytes.Clone(tx.Bucket(bucketMeta).Get(keyOpen)); return nil })
		raw.Close()
		if !bytes.Equal(open, []byte{0}) {
			t.Errorf("closed after the import into %s, the store reads open=%v, want [0]", held, open)
		}
	}
}
