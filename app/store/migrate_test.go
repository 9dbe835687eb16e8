package store

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
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

// TestSchema1Fixture reads the store the Scorecard of schema 1 wrote, as
// that Scorecard read it.
func TestSchema1Fixture(t *testing.T) {
	path, want := schema1Store(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "the schema 1 fixture", want, []byte(dumpHistory(mustLoad(t, s))))
}
