package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"scorecard/app"
)

// TestOpenSizedDoesNotRemap imports the sizing case into a new store and
// counts bbolt's copies of the transaction's nodes, which it makes only
// to remap the file: a store opened with room for the import makes none,
// and its file is no larger than one opened without room.
func TestOpenSizedDoesNotRemap(t *testing.T) {
	ds := largeDataset(0)
	// The sizing case as a workbook would take about 9 bytes a figure,
	// as the large generated scorecard does; room is what ImportRoom
	// gives for such a file.
	const perObservation = 9
	room := int64(len(ds.Observations)) * perObservation * workbookGrowth
	tests := []struct {
		name       string
		room       int64
		wantRemaps bool
	}{
		{"without room", 0, true},
		{"with room", room, false},
	}
	sizes := map[string]int64{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			s, err := OpenSized(path, tt.room)
			if err != nil {
				t.Fatal(err)
			}
			st0 := s.db.Stats()
			before := st0.TxStats.GetNodeDeref()
			if _, err := s.Import(Source{Name: "large.xlsx", Kind: "workbook"}, ds); err != nil {
				t.Fatal(err)
			}
			st1 := s.db.Stats()
			derefs := st1.TxStats.GetNodeDeref() - before
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := derefs > 0; got != tt.wantRemaps {
				t.Errorf("%d nodes copied to remap the file during the import, want remapping %v", derefs, tt.wantRemaps)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			sizes[tt.name] = fi.Size()
			// The store opens and reads back whole.
			r, err := OpenReadOnly(path)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			h, err := r.Load()
			if err != nil {
				t.Fatal(err)
			}
			if n := countObservations(h); n != len(ds.Observations) {
				t.Errorf("store holds %d observations, want %d", n, len(ds.Observations))
			}
		})
	}
	if sizes["with room"] > sizes["without room"] {
		t.Errorf("a store opened with room is %d bytes, more than the %d without", sizes["with room"], sizes["without room"])
	}
}

func countObservations(h *app.History) int {
	n := 0
	for _, k := range h.Keys() {
		n += len(h.Series(k))
	}
	return n
}

func TestImportRoom(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, n), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	xlsx, csv := write("a.xlsx", 1000), write("b.csv", 1000)
	tests := []struct {
		paths []string
		want  int64
	}{
		{nil, 0},
		{[]string{xlsx}, 1000 * workbookGrowth},
		{[]string{csv}, 1000 * textGrowth},
		{[]string{xlsx, csv, filepath.Join(dir, "missing.xlsx"), dir}, 1000 * (workbookGrowth + textGrowth)},
	}
	for _, tt := range tests {
		if got := ImportRoom(tt.paths...); got != tt.want {
			t.Errorf("ImportRoom(%q) = %d, want %d", tt.paths, got, tt.want)
		}
	}
}

// TestIndicatorsAfterImport reads the definitions alone, as an import
// does before reading its file, from a store holding imports: they are
// the ones Load gives.
func TestIndicatorsAfterImport(t *testing.T) {
	s := openTemp(t)
	ds := largeDataset(0)
	ds.Observations = ds.Observations[:1000]
	mustImport(t, s, "feb.xlsx", ds)
	got, err := s.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := h.Indicators(); !reflect.DeepEqual(got, want) {
		t.Errorf("Indicators() = %d indicators, Load gives %d: %+v", len(got), len(want), got)
	}
}

// TestBackupNamesWithinASecond makes many automatic backups' names within
// one second: each sorts after the one before, and none grows long.
func TestBackupNamesWithinASecond(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scorecard.db")
	now := time.Date(2026, time.March, 14, 9, 30, 12, 0, time.UTC)
	prev := ""
	for i := range 250 {
		name := nextBackupName(path, now)
		if name <= prev {
			t.Fatalf("backup %d is named %q, not after %q", i, name, prev)
		}
		if len(name) > len(path)+len(backupInfix)+len(backupTimeLayout)+9 {
			t.Fatalf("backup %d is named %q", i, name)
		}
		if err := os.WriteFile(name, nil, 0o600); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		prev = name
	}
	if bs, _ := Backups(path); len(bs) != 250 || bs[249] != prev {
		t.Errorf("%d backups, the newest %q; want 250, the newest %q", len(bs), bs[len(bs)-1], prev)
	}
}
