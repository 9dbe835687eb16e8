package store

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// gunzip returns the contents of the gzipped file at path.
func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

// schema1Store copies the schema 1 fixture into a new directory and
// returns its path, with the dump of its Load as the Scorecard that wrote
// it made it.
func schema1Store(t *testing.T) (path string, want []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "scorecard.db")
	if err := os.WriteFile(path, gunzip(t, "testdata/schema1/schema1.db.gz"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, gunzip(t, "testdata/schema1/schema1.load.txt.gz")
}

// sameDump fails t where got differs from want, naming the first line.
func sameDump(t *testing.T, what string, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range min(len(wl), len(gl)) {
		if !bytes.Equal(wl[i], gl[i]) {
			t.Fatalf("%s: line %d differs:\nwant %s\n got %s", what, i+1, wl[i], gl[i])
		}
	}
	t.Fatalf("%s: %d lines, want %d", what, len(gl), len(wl))
}

// TestUpgradeSchema1 opens the store the Scorecard of schema 1 wrote:
// it is backed up as it was, upgraded to schema 2, and loads as that
// Scorecard loaded it, then and when opened again.
func TestUpgradeSchema1(t *testing.T) {
	path, want := schema1Store(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sameDump(t, "the upgraded store", want, []byte(dumpHistory(mustLoad(t, s))))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	bs, err := Backups(path)
	if err != nil || len(bs) != 1 {
		t.Fatalf("backups %v (%v), want the one made before upgrading", bs, err)
	}
	if got := schemaOf(t, bs[0]); got != "1" {
		t.Errorf("the backup before upgrading holds schema %q, want 1", got)
	}
	if got := schemaOf(t, path); got != "2" {
		t.Errorf("the upgraded store holds schema %q, want 2", got)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "the upgraded store opened again", want, []byte(dumpHistory(mustLoad(t, s))))
	if bs, _ := Backups(path); len(bs) != 1 {
		t.Errorf("opening an upgraded store backed it up again: %v", bs)
	}
}

// TestUpgradeThenImport: the import that opens a schema 1 store upgrades
// it, and the backup made before the upgrade, holding the same history,
// serves as the import's: one backup, not two.
func TestUpgradeThenImport(t *testing.T) {
	path, _ := schema1Store(t)
	s, err := OpenSized(path, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustImport(t, s, "may.xlsx", quarter(5, 2))
	if bs, _ := Backups(path); len(bs) != 1 {
		t.Errorf("backups %v, want the one made before upgrading", bs)
	}
}

// TestUpgradeDamaged: a schema 1 store whose figures fail their checksum
// is refused as damaged, left as it was, and not backed up.
func TestUpgradeDamaged(t *testing.T) {
	path, _ := schema1Store(t)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(schema1Buckets[kindObservation])
		k, v := b.Cursor().Last()
		v = bytes.Clone(v)
		v[len(v)-1] ^= 1
		return b.Put(bytes.Clone(k), v)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err = Open(path); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "I0005") {
		t.Errorf("opening a schema 1 store with a changed figure of I0005: %v", err)
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("the damaged store was backed up: %v", bs)
	}
	if _, err = OpenReadOnly(path); !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "upgrade") {
		t.Errorf("reading a schema 1 store with a changed figure: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("opening the damaged store changed it")
	}
}

// schemaOf reads the schema version the store at path records.
func schemaOf(t *testing.T, path string) string {
	t.Helper()
	db, err := bolt.Open(path, 0, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return v
}

// TestUpgradedUndo tells the fixture's story again to a new store and
// checks the upgraded store against it, after each further undo and
// import: both hold the same history, apart from when (and by whom)
// each import was made.
func TestUpgradedUndo(t *testing.T) {
	path, _ := schema1Store(t)
	up, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	fresh := openTemp(t)
	writeStory(t, fresh)
	same := func(what string) {
		t.Helper()
		sameHistory(t, what, timeless(mustLoad(t, fresh)), timeless(mustLoad(t, up)))
	}
	same("as upgraded")
	for _, step := range []func(s *Bolt) error{
		func(s *Bolt) error { _, err := s.Undo("I0005"); return err }, // April, which January again restated
		func(s *Bolt) error { _, err := s.Undo("I0002"); return err }, // January, which it restated too
		func(s *Bolt) error {
			_, err := s.Import(Source{Name: "may.xlsx", SHA256: "may"}, quarter(5, 2))
			return err
		},
		func(s *Bolt) error { _, err := s.Undo("I0003"); return err },
	} {
		if err := step(fresh); err != nil {
			t.Fatal(err)
		}
		if err := step(up); err != nil {
			t.Fatal(err)
		}
		same("after a further step")
	}
}

// timeless clears what two tellings of one story differ in: when each
// import was made and undone, and by whom, and the periods each reached,
// which an upgraded store's imports do not keep.
func timeless(h *app.History) *app.History {
	for i := range h.Imports {
		r := &h.Imports[i]
		r.Time, r.Undone, r.Officer, r.Machine, r.UndoneBy, r.Reach = time.Time{}, nil, "", "", "", nil
	}
	return h
}

// TestReadSchema1 opens the schema 1 store read-only: it reads as its
// Scorecard read it, and the file is left byte for byte as it was.
func TestReadSchema1(t *testing.T) {
	path, want := schema1Store(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	sameDump(t, "the schema 1 store read", want, []byte(dumpHistory(mustLoad(t, s))))
	h, err := s.LoadIndicator("CIC05")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Series(app.SeriesKey{Ref: "CIC05", Area: app.Kent})) == 0 {
		t.Error("LoadIndicator of a schema 1 store read no figures")
	}
	if _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Errorf("a writer opened the store being read: %v", err)
	}
	tmp := s.tmp
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the upgraded copy %s is left after Close: %v", tmp, err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("reading a schema 1 store changed its file")
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("reading a schema 1 store backed it up: %v", bs)
	}
}
