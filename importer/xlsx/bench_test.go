package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scorecard/assets/synth"
)

// BenchmarkReadLarge opens the large generated workbook and scans every
// sheet: the reader's whole cost for the importer's benchmark case. Set
// $SCORECARD_LARGE_XLSX to reuse one file across runs.
func BenchmarkReadLarge(b *testing.B) {
	path := os.Getenv("SCORECARD_LARGE_XLSX")
	if path == "" {
		path = filepath.Join(b.TempDir(), "large.xlsx")
	}
	if _, err := os.Stat(path); err != nil {
		if err := synth.Write(path, synth.Large(1), synth.LargeLayout); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		w, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range w.Sheets() {
			if _, err := w.Grid(context.Background(), s.Name); err != nil {
				b.Fatal(err)
			}
		}
		w.Close()
	}
}
