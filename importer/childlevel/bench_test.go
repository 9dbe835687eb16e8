package childlevel

import (
	"testing"
)

// The target: a child-level list of 100,000 rows imports and aggregates
// in under 3 s.
const benchRows = 100000

// BenchmarkReadAnnexA reads and aggregates a 100,000-row Annex A List 8
// workbook.
func BenchmarkReadAnnexA(b *testing.B) {
	path := writeAnnexA(b, b.TempDir(), population(benchRows, snapshot))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadAnnexA(path, snapshot, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRows), "rows/op")
}

// BenchmarkRead903 reads and aggregates the 903 tables of 100,000
// children (about 250,000 episodes).
func BenchmarkRead903(b *testing.B) {
	paths := write903(b, b.TempDir(), population(benchRows, snapshot))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read903(paths, snapshot, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRows), "children/op")
}
