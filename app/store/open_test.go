package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// TestOpenInUse opens the same file twice in one process: bbolt's flock
// is per open file description, so the second Open waits for the lock as
// another process would.
func TestOpenInUse(t *testing.T) {
	s := openTemp(t)
	start := time.Now()
	_, err := Open(s.Path())
	took := time.Since(start)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if want := s.Path() + " is in use by another Scorecard (a window, or a command such as an import)"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if took > 2*time.Second {
		t.Errorf("second Open took %v, want under 2 s", took)
	}
	s.Close()
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

func TestSchemaMismatch(t *testing.T) {
	for _, tc := range []struct {
		version string
		want    []string
	}{
		{"3", []string{"schema version 3", "schema version 2", "newer Scorecard"}},
		{"0", []string{"schema version 0", "schema version 2", "older Scorecard"}},
	} {
		t.Run(tc.version, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte(tc.version)) })
			s.Close()
			_, err = Open(path)
			if err == nil {
				t.Fatal("Open accepted a store of another schema version")
			}
			for _, w := range append(tc.want, path) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestOpenNotAStore(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		setup func(path string) error
	}{
		{"workbook", func(path string) error {
			return writeFile(path, bytes.Repeat([]byte("PK\x03\x04 not a database "), 500))
		}},
		{"empty csv", func(path string) error { return writeFile(path, nil) }},
		{"short csv", func(path string) error { return writeFile(path, []byte("Ref,Period,Area\n")) }},
		{"other bbolt file", func(path string) error {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				return err
			}
			db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
			return db.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := tc.setup(path); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Open(path)
			if err == nil || !strings.Contains(err.Error(), "not a Scorecard store") || !strings.Contains(err.Error(), path) {
				t.Errorf("Open(%s) = %v, want not a Scorecard store", tc.name, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Errorf("Open(%s) changed the file", tc.name)
			}
		})
	}
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", monthly(months(app.MonthOf(2025, 1), 12), 0))
	mustImport(t, s, "feb.xlsx", monthly(months(app.MonthOf(2025, 2), 12), 1))
	if err := s.Put("recent", "files", []string{"feb.xlsx", "jan.xlsx"}); err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s)

	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup = %d, %v (wrote %d)", n, err, buf.Len())
	}
	dir := t.TempDir()
	fromWriter := filepath.Join(dir, "writer.db")
	if err := writeFile(fromWriter, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	fromFile := filepath.Join(dir, "file.db")
	if err := s.BackupFile(fromFile); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fromWriter, fromFile} {
		b, err := Open(path)
		if err != nil {
			t.Fatalf("open backup %s: %v", path, err)
		}
		sameHistory(t, "backup "+filepath.Base(path), want, mustLoad(t, b))
		var recent []string
		if ok, err := b.Get("recent", "files", &recent); !ok || err != nil || len(recent) != 2 {
			t.Errorf("backup settings: %v %v %v", recent, ok, err)
		}
		b.Close()
	}
	// The live store carries on after a backup.
	mustImport(t, s, "mar.xlsx", monthly(months(app.MonthOf(2025, 3), 1), 2))
}

// TestOpenReadOnly: a store the user may only read opens for reading,
// twice at once, loads what was imported and is left byte for byte as it
// was; a writer waits for the readers and is told the store is in use.
func TestOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "mar.xlsx", monthly(months(app.MonthOf(2025, 3), 6), 0))
	want := mustLoad(t, s)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	r1, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	defer r1.Close()
	r2, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("second OpenReadOnly while the first is open: %v", err)
	}
	defer r2.Close()
	sameHistory(t, "read-only", want, mustLoad(t, r1))
	sameHistory(t, "second reader", want, mustLoad(t, r2))
	if _, err := r1.Import(Source{Name: "apr.xlsx"}, monthly(months(app.MonthOf(2025, 4), 1), 0)); err == nil {
		t.Error("Import on a read-only store succeeded")
	}
	// Writable again, so that only the readers' lock keeps a writer out.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Errorf("Open while readers hold the store: %v, want ErrInUse", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("reading changed the file")
	}
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("OpenReadOnly of a missing file succeeded")
	}
}
