package store

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestRestoreLoss damages or changes a store after its newest automatic
// backup and checks that the damage message, and what restore says, name
// the imports and undos the backup lacks, to be made again: restoring
// once dropped them without a word (QA23a D3).
func TestRestoreLoss(t *testing.T) {
	for _, tc := range []struct {
		name string
		// change makes the store differ from its newest backup and
		// returns the error the store then gives (nil where it is sound).
		change func(t *testing.T, s *Bolt) error
		want   []string
		not    []string
		// held keeps the store open, as another window or command
		// would, while what restoring gives up is read.
		held bool
	}{
		{
			name: "a figure of the last import changed on disk",
			change: func(t *testing.T, s *Bolt) error {
				mustImport(t, s, "mar.xlsx", smallMonthly(2))
				if err := s.db.Update(func(tx *bolt.Tx) error {
					c := tx.Bucket(kindBuckets[kindObservation]).Cursor()
					k, v := c.Last()
					v = bytes.Clone(v)
					v[len(v)-1] ^= 1
					return tx.Bucket(kindBuckets[kindObservation]).Put(bytes.Clone(k), v)
				}); err != nil {
					t.Fatal(err)
				}
				_, err := s.Load()
				return err
			},
			want: []string{"holds imports I0001-I0002; I0003 (mar.xlsx, ", ") is not in it: import it again after restoring"},
			not:  []string{"I0001 (", "I0002 ("},
		},
		{
			name: "an undo after the backup",
			change: func(t *testing.T, s *Bolt) error {
				if _, err := s.Undo("I0002"); err != nil {
					t.Fatal(err)
				}
				return nil
			},
			want: []string{"holds imports I0001-I0002; the undo of I0002 (feb.xlsx, ", ") is not in it: undo it again after restoring"},
			not:  []string{"import it again"},
		},
		{
			name: "two imports after the backup, one undone",
			change: func(t *testing.T, s *Bolt) error {
				s.SetAutoBackups(0) // the backup before I0003 stays the newest
				mustImport(t, s, "mar.xlsx", smallMonthly(2))
				mustImport(t, s, "apr.xlsx", smallMonthly(3))
				mustImport(t, s, "may.xlsx", smallMonthly(4))
				if _, err := s.Undo("I0004"); err != nil {
					t.Fatal(err)
				}
				return nil
			},
			// The newest backup is the one before feb's import.
			want: []string{"holds import I0001; I0002 (feb.xlsx, ", "), I0003 (mar.xlsx, ", "), I0005 (may.xlsx, ", ") are not in it: import them again after restoring"},
			not:  []string{"apr.xlsx", "undo"},
		},
		{
			// Its list cannot be read, but it is not damaged: the
			// message once said it was.
			name: "the store held by another Scorecard",
			change: func(t *testing.T, s *Bolt) error {
				mustImport(t, s, "mar.xlsx", smallMonthly(2))
				return nil
			},
			held: true,
			want: []string{"holds imports I0001-I0002; the store is in use by another Scorecard (a window, or a command such as an import), so what it has that the backup lacks cannot be read until that is closed"},
			not:  []string{"damaged", "I0003"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			mustImport(t, s, "feb.xlsx", smallMonthly(1))
			changeErr := tc.change(t, s)
			path := s.Path()
			s.Close()
			newest, _ := NewestBackup(path)
			if newest == "" {
				t.Fatal("no automatic backup")
			}
			if tc.held {
				other, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer other.Close()
			}
			said := RestoreLoss(path, newest)
			if changeErr != nil {
				wantDamaged(t, tc.name, changeErr)
				said = WithLoss(changeErr).Error()
				if strings.Contains(said, "\n") || !strings.Contains(said, " restore ") {
					t.Errorf("damage message not one line offering the backup: %q", said)
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(said, w) {
					t.Errorf("said %q\nwant it to contain %q", said, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(said, w) {
					t.Errorf("said %q\nwant it not to contain %q", said, w)
				}
			}
		})
	}
}

// TestRestoreLossCutStore: a store cut short names what its backup lacks
// where its list of imports still reads; where it does not, the message
// says what the backup holds and that anything after it is lost, rather
// than nothing.
func TestRestoreLossCutStore(t *testing.T) {
	for _, tc := range []struct {
		name string
		cut  func(t *testing.T, data []byte) int
		want []string
	}{
		{"past its list of imports", pastImportList, []string{"holds imports I0001-I0002; I0003 (filec.xlsx, ", ") is not in it: import it again after restoring"}},
		{"to 16 KB", func(*testing.T, []byte) int { return 16 << 10 }, []string{"holds imports I0001-I0002; the damaged store's own list of imports cannot be read", "made at or after ", "is not in the backup: make it again after restoring"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, data, _ := closedStore(t, smallMonthly, 3)
			writeFile(path, data[:tc.cut(t, data)])
			_, err := openAndLoad(path, false)
			wantDamaged(t, tc.name, err)
			said := WithLoss(err).Error()
			for _, w := range tc.want {
				if !strings.Contains(said, w) {
					t.Errorf("said %q\nwant it to contain %q", said, w)
				}
			}
		})
	}
}

// pastImportList is where to cut the store data short and leave its list
// of imports whole: just past the page of its root bucket, which holds
// the list of a store this small (inline), wherever bbolt placed it.
func pastImportList(t *testing.T, data []byte) int {
	t.Helper()
	at := latestMeta(t, data)
	m := readMeta(data[at:])
	root := binary.NativeEndian.Uint64(data[at+pageHeaderLen+16:])
	end := int(root+1) * int(m.pageSize)
	if end >= int(m.pgid)*int(m.pageSize) {
		t.Fatalf("the root bucket is the store's last page (%d of %d): no cut leaves it whole and the store short", root, m.pgid)
	}
	return end
}

// TestRestoreNeverLeavesNoStore stops Restore between keeping the store
// it replaces and putting the backup in place, where a crash once left no
// store file at all (QA23a D8): the store must be there, as it was, and
// kept; afterwards the store is the backup. A second restore within the
// second keeps the first's replaced store.
func TestRestoreNeverLeavesNoStore(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthly, 3)
	newest, _ := NewestBackup(path)
	backup, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		before     []byte // the store as Restore finds it
		wantStored []byte // the store as it is after
	}{
		{"the store replaced", data, backup},
		{"again, within the second", backup, backup},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stopped := false
			restoreKept = func() {
				stopped = true
				if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, tc.before) {
					t.Errorf("between keeping the store and restoring: store file %d bytes, %v; want it as it was", len(got), err)
				}
			}
			defer func() { restoreKept = func() {} }()
			kept, err := Restore(path, newest)
			if err != nil {
				t.Fatal(err)
			}
			if !stopped {
				t.Fatal("Restore did not reach the point between the two steps")
			}
			if got, _ := os.ReadFile(kept); !bytes.Equal(got, tc.before) {
				t.Errorf("kept %s is not the store replaced", kept)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, tc.wantStored) {
				t.Errorf("the store is not the backup after restoring")
			}
		})
	}
	replaced, _ := filepath.Glob(path + ".replaced-*")
	if len(replaced) != 2 {
		t.Errorf("replaced stores kept: %q, want one from each restore", replaced)
	}
}

// TestRestoreLossIDsIssuedAgain: import IDs are issued again after a
// restore, so the store's import of an ID the backup also holds may be
// another file. Matched by ID alone, restoring the store it replaced said
// it held "every import and undo the store has", and the later file's
// figures were lost with no word (QA24b D6). The same file made again
// under its ID is in the backup.
func TestRestoreLossIDsIssuedAgain(t *testing.T) {
	for _, tc := range []struct {
		name  string
		wrong string // imported after the backup, then restored away
		again string // imported after the restore, under wrong's ID
		want  []string
		not   []string
	}{
		{"another file under the ID", "mar-wrong.xlsx", "apr.xlsx",
			[]string{"holds imports I0001-I0003; the store's I0003 (apr.xlsx, ", "; the backup's I0003 is mar-wrong.xlsx) is not in it", ") is not in it: import it again after restoring"},
			[]string{"every import", "I0001 (", "I0002 ("}},
		{"the same file made again", "mar.xlsx", "mar.xlsx",
			[]string{"holds imports I0001-I0003, every import and undo the store has"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			path := s.Path()
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			mustImport(t, s, "feb.xlsx", smallMonthly(1))
			backup := filepath.Join(t.TempDir(), "b.db")
			if err := s.BackupFile(backup); err != nil {
				t.Fatal(err)
			}
			mustImport(t, s, tc.wrong, smallMonthly(2))
			s.Close()
			kept, err := Restore(path, backup)
			if err != nil {
				t.Fatal(err)
			}
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if rec := mustImport(t, s, tc.again, smallMonthly(3)); rec.ID != "I0003" {
				t.Fatalf("import after restoring is %s, want I0003", rec.ID)
			}
			s.Close()
			// Restoring the store replaced, e.g. for its older state:
			// the store's I0003 is not the kept file's.
			said := RestoreLoss(path, kept)
			for _, w := range tc.want {
				if !strings.Contains(said, w) {
					t.Errorf("said %q\nwant it to contain %q", said, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(said, w) {
					t.Errorf("said %q\nwant it not to contain %q", said, w)
				}
			}
		})
	}
}

// TestRestoreThroughALink: a store named by a symbolic link is restored
// where the link points (QA24b L9): the backup had been renamed over the
// link, leaving the store every other command opens as it was, and the
// "kept" store a link to the live one.
func TestRestoreThroughALink(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthly, 3)
	newest, _ := NewestBackup(path)
	backup, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	kept, err := Restore(link, newest)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, backup) {
		t.Errorf("the store the link names is not the backup after restoring")
	}
	if fi, err := os.Lstat(kept); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		t.Errorf("kept %s is a link, not the store replaced (%v)", kept, err)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, data) {
		t.Errorf("kept %s is not the store replaced", kept)
	}
}

// TestRestoreFromNotAStore: a file named to restore from that is no
// store is refused with advice for the backup named, not for --db, which
// names the store (QA24b L3); the store is as it was.
func TestRestoreFromNotAStore(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthly, 1)
	notes := filepath.Join(t.TempDir(), "j.db")
	if err := os.WriteFile(notes, []byte("not a store at all, but some notes an officer kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Restore(path, notes)
	if err == nil {
		t.Fatal("restored from a file that is no store")
	}
	for _, want := range []string{"restore from " + notes + ": " + notes + " is not a Scorecard store", "nothing was changed", "name a backup of the store to restore from"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q, want it to say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "--db") {
		t.Errorf("error %q advises --db, which names the store", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("the store changed")
	}
}
