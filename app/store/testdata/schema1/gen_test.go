package store

// This file is not built where it lies (testdata is outside the package):
// make.sh copies it, with story_test.go and dump_test.go, into the store
// package of the Scorecard that writes schema 1 stores, and runs it there.

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// TestGenSchema1 writes $SCHEMA1_OUT/schema1.db.gz, a store holding the
// story writeStory tells, and schema1.load.txt.gz, the dump of its Load by
// the Scorecard that wrote it.
func TestGenSchema1(t *testing.T) {
	out := os.Getenv("SCHEMA1_OUT")
	if out == "" {
		t.Skip("SCHEMA1_OUT is not set")
	}
	path := filepath.Join(out, "schema1.db")
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	writeStory(t, s)
	h, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	gzipFile(t, path, nil)
	gzipFile(t, filepath.Join(out, "schema1.load.txt"), []byte(dumpHistory(h)))
}

// gzipFile writes data, or the file at path when data is nil, to path.gz,
// and removes path.
func gzipFile(t *testing.T, path string, data []byte) {
	if data == nil {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(path + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
}
