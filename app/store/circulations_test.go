package store

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"scorecard/app"
)

// TestOpenCurrentLeavesSchema1: recording a circulation opens the store
// to write, but a store an earlier Scorecard wrote is refused and left
// byte for byte as it was, as the reading commands leave it, rather than
// upgraded for a record; a current store opens and takes one.
func TestOpenCurrentLeavesSchema1(t *testing.T) {
	path, _ := schema1Store(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := OpenCurrent(path); !errors.Is(err, ErrEarlierSchema) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("OpenCurrent of a schema 1 store: %v, want ErrEarlierSchema", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("OpenCurrent changed the schema 1 store")
	}
	s, err := Open(path) // an import's open upgrades it
	if err != nil {
		t.Fatal(err)
	}
	s.SetAutoBackups(0)
	s.Close()
	s, err = OpenCurrent(path)
	if err != nil {
		t.Fatalf("OpenCurrent of the upgraded store: %v", err)
	}
	defer s.Close()
	if _, err := s.RecordCirculation(app.Circulation{Output: app.CirculatedBrief, Period: app.MonthOf(2025, 3)}); err != nil {
		t.Fatal(err)
	}
}
