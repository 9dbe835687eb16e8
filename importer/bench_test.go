package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scorecard/assets/synth"
)

// largeWorkbook returns the large generated workbook: at
// $SCORECARD_LARGE_XLSX when set (written there if missing, so that
// scripts/bench-import.sh can read the same file with openpyxl), else in
// a temporary directory.
func largeWorkbook(b *testing.B) string {
	b.Helper()
	path := os.Getenv("SCORECARD_LARGE_XLSX")
	if path == "" {
		path = filepath.Join(b.TempDir(), "large.xlsx")
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := synth.Write(path, synth.Large(1), synth.LargeLayout); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadLarge imports the large case: 124 indicators, Kent and
// its 12 districts each on its own sheet, 60 months. Issue 3's target is
// under 2 s, and 5x faster than openpyxl iterating every cell.
func BenchmarkReadLarge(b *testing.B) {
	path := largeWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(context.Background(), path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Dataset.Observations) < 100*13*60 {
			b.Fatalf("read %d observations", len(res.Dataset.Observations))
		}
	}
}
