package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scorecard/assets/synth"
	"scorecard/importer"
)

// BenchmarkReviewHeld reviews the large workbook against a store already
// holding it: the monthly re-import's review (ReviewHeld), which the
// officer waits on between the file's reading and its import.
// $SCORECARD_LARGE_XLSX names the workbook where it is written already.
func BenchmarkReviewHeld(b *testing.B) {
	path := os.Getenv("SCORECARD_LARGE_XLSX")
	if path == "" {
		path = filepath.Join(b.TempDir(), "large.xlsx")
		if err := synth.Write(path, synth.Large(1), synth.LargeLayout); err != nil {
			b.Fatal(err)
		}
	}
	res, err := importer.Read(context.Background(), path, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := openTemp(b)
	mustImport(b, s, "large.xlsx", res.Dataset)
	imports, err := s.Imports()
	if err != nil {
		b.Fatal(err)
	}
	inds, err := s.Indicators()
	if err != nil {
		b.Fatal(err)
	}
	again, err := importer.Read(context.Background(), path, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReviewHeld(s, again.Dataset, "again.xlsx", imports, inds); err != nil {
			b.Fatal(err)
		}
	}
}
