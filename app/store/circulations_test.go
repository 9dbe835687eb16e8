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

// TestBackupAfterCirculation: an automatic backup that held the store
// as it was (one made before a change that then did not land) no longer
// does once an output is recorded as circulated, so the next import
// copies the store again, and its backup keeps the record.
func TestBackupAfterCirculation(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	if err := s.autoBackup(); err != nil { // as a refused change leaves it
		t.Fatal(err)
	}
	if _, err := s.RecordCirculation(app.Circulation{Output: app.CirculatedBrief, Period: app.MonthOf(2025, 1), Imports: []string{"I0001"}}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "feb.xlsx", smallMonthly(1))
	newest, err := NewestBackup(s.Path())
	if err != nil || newest == "" {
		t.Fatalf("no backup: %v", err)
	}
	b, err := OpenReadOnly(newest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if cs, err := b.Circulations(); err != nil || len(cs) != 1 {
		t.Fatalf("the backup before the import holds circulations %+v, %v; want the one recorded", cs, err)
	}
}
