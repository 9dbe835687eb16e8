package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// BenchmarkImportScaling imports into a new store a grid of figures grown
// by months and by indicators, 1x, 2x, 4x and 8x, reporting the time, the
// bytes allocated and the store's bytes per figure: each flat along a
// curve when the import is linear in figures. The base is 16 indicators x
// 13 areas x 3 cohorts x 60 months (37,440 figures).
func BenchmarkImportScaling(b *testing.B) {
	const indicators, nMonths = 16, 60
	for _, grow := range []string{"months", "indicators"} {
		for _, x := range []int{1, 2, 4, 8} {
			inds, ms := indicators, nMonths
			if grow == "months" {
				ms *= x
			} else {
				inds *= x
			}
			b.Run(fmt.Sprintf("%s=%dx", grow, x), func(b *testing.B) {
				ds := gridDataset(inds, ms, app.MonthOf(2025, 3), 0)
				n := float64(len(ds.Observations))
				// The grid's making leaves as much garbage as the grid,
				// and the import's first collections would mark and sweep
				// it: the 8x grid's, over the two imports timed, took its
				// time per figure to three times the 1x's.
				runtime.GC()
				var size int64
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					path := filepath.Join(b.TempDir(), "s.db")
					s, err := Open(path)
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if _, err := s.Import(Source{Name: "grid.xlsx"}, ds); err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					s.Close()
					size = storeBytes(b, path)
					b.StartTimer()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/figure")
				b.ReportMetric(float64(size)/n, "store-B/figure")
				b.ReportMetric(n, "figures")
			})
		}
	}
}

// storeBytes is the bytes of the store's pages in use: those its latest
// transaction counts, less those bbolt has freed.
func storeBytes(b *testing.B, path string) int64 {
	s, err := OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	free := int64(s.db.Stats().FreePageN+s.db.Stats().PendingPageN) * int64(s.db.Info().PageSize)
	var size int64
	s.db.View(func(tx *bolt.Tx) error {
		size = tx.Size()
		return nil
	})
	return size - free
}

// TestWriteHistoryStores writes, when $SCORECARD_HISTORY_DIR is set,
// stores whose history grows 1, 2, 4 and 8 times, each import 60 months
// of 100 indicators (234,000 figures), for scripts/bench-cold.sh to time
// list and show against imports on them, two ways:
//
//	m1.db ... m8.db: monthly files, each the 60 months to a month after
//	the last's, restating all but the new month, as a store grows in use;
//	y1.db ... y8.db: each file the 60 months before the last's, so that
//	the months held grow (and with them what show prints).
func TestWriteHistoryStores(t *testing.T) {
	dir := os.Getenv("SCORECARD_HISTORY_DIR")
	if dir == "" {
		t.Skip("SCORECARD_HISTORY_DIR is not set")
	}
	for _, kind := range []struct {
		name string
		step int // months from one file's last month to the next's
	}{{"m", 1}, {"y", -60}} {
		for _, x := range []int{1, 2, 4, 8} {
			path := filepath.Join(dir, kind.name+strconv.Itoa(x)+".db")
			os.Remove(path)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.SetAutoBackups(0)
			for i := range x {
				last := app.MonthOf(2025, 3).Add(kind.step * i)
				name := fmt.Sprintf("to-%s.xlsx", last)
				if _, err := s.Import(Source{Name: name, Kind: "workbook", SHA256: name}, gridDataset(100, 60, last, 0)); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func BenchmarkImport(b *testing.B) {
	ds := largeDataset(0)
	b.ReportMetric(float64(len(ds.Observations)), "observations")
	benchmarkImportInto(b, ds)
}

// benchmarkImportInto times importing ds into a new store, leaving the
// store's creation and closing out of the time.
func benchmarkImportInto(b *testing.B, ds *app.Dataset) {
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Import(Source{Name: "large.xlsx"}, ds); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkReimport is the monthly case: a file restating every figure of
// a large store, a few revised.
func BenchmarkReimport(b *testing.B) {
	s := openTemp(b)
	mustImport(b, s, "feb.xlsx", largeDataset(0))
	ds := largeDataset(0)
	for i := 0; i < len(ds.Observations); i += 1000 {
		ds.Observations[i].Value = app.Float(*ds.Observations[i].Value + 0.1)
	}
	for b.Loop() {
		rec, err := s.Import(Source{Name: "mar.xlsx"}, ds)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := s.Undo(rec.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkLoad loads the sizing case, then the same after a second file
// restated every figure and revised one in a thousand: the restatements
// are passed over, the revisions kept.
func BenchmarkLoad(b *testing.B) {
	s := openTemp(b)
	mustImport(b, s, "feb.xlsx", largeDataset(0))
	load := func(b *testing.B) {
		for b.Loop() {
			h, err := s.Load()
			if err != nil {
				b.Fatal(err)
			}
			if len(h.Keys()) != 100*13*3 {
				b.Fatalf("%d series", len(h.Keys()))
			}
		}
	}
	b.Run("one import", load)
	ds := largeDataset(0)
	for i := 0; i < len(ds.Observations); i += 1000 {
		ds.Observations[i].Value = app.Float(*ds.Observations[i].Value + 0.1)
	}
	mustImport(b, s, "mar.xlsx", ds)
	b.Run("restated", load)
}

// BenchmarkImportWorkbookOrder is BenchmarkImport with the figures in the
// order a workbook gives them, area by area.
func BenchmarkImportWorkbookOrder(b *testing.B) {
	benchmarkImportInto(b, workbookOrder(largeDataset(0)))
}
