package importer

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"scorecard/assets/synth"
)

// perDistrictBook writes the demo model with Kent and each district on a
// sheet of its own: thirteen sheets, read at once.
func perDistrictBook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "per-district.xlsx")
	if err := synth.Write(path, synth.Demo(), synth.Layout{Name: "per-district", Kind: synth.PerArea}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadSheetsInAnyNumber reads a workbook of many sheets with one
// processor and with several: the sheets are read at once but merged in
// sheet order, so the result must not depend on how many there are.
func TestReadSheetsInAnyNumber(t *testing.T) {
	path := perDistrictBook(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want *Result
	for _, procs := range []int{1, 2, 5} {
		runtime.GOMAXPROCS(procs)
		res, err := Read(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Sheets) < 13 {
			t.Fatalf("read %d sheets, want Kent's and the 12 districts'", len(res.Sheets))
		}
		if want == nil {
			want = res
			continue
		}
		if !reflect.DeepEqual(res.Dataset, want.Dataset) || !reflect.DeepEqual(res.Warnings, want.Warnings) ||
			!reflect.DeepEqual(res.Layouts, want.Layouts) {
			t.Errorf("with %d processors the import differs from with 1", procs)
		}
	}
}

// TestCancelledPartWay cancels an import from its progress callback,
// with sheets still being read in the background: Read must stop and say
// so, not hang or return what it had.
func TestCancelledPartWay(t *testing.T) {
	path := perDistrictBook(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res, err := Read(ctx, path, Options{Progress: func(done, total int) {
		if done == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("Read = %v, %v; want context.Canceled", res, err)
	}
}
