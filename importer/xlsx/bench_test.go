package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/assets/synth"
)

func largeBook(b *testing.B) string {
	path := os.Getenv("SCORECARD_LARGE_XLSX")
	if path == "" {
		path = filepath.Join(b.TempDir(), "large.xlsx")
	}
	if _, err := os.Stat(path); err != nil {
		if err := synth.Write(path, synth.Large(1), synth.LargeLayout); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkFallbackLarge reads the large workbook as the fallback reads
// one, every sheet with excelize; issue 13 allows it three times
// BenchmarkExcelizeLarge, excelize's own read.
func BenchmarkFallbackLarge(b *testing.B) {
	path := largeBook(b)
	b.ReportAllocs()
	for b.Loop() {
		w, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range w.Sheets() {
			if _, err := w.fallbackGrid(s, damagedError("forced")); err != nil {
				b.Fatal(err)
			}
		}
		w.Close()
	}
}

// BenchmarkExcelizeLarge is excelize's own read of every sheet's values.
func BenchmarkExcelizeLarge(b *testing.B) {
	path := largeBook(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			if _, err := f.GetRows(s, excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
		}
		f.Close()
	}
}

// BenchmarkReadLarge opens the large generated workbook and scans every
// sheet: the reader's whole cost for the importer's benchmark case. Set
// $SCORECARD_LARGE_XLSX to reuse one file across runs.
func BenchmarkReadLarge(b *testing.B) {
	path := largeBook(b)
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

// BenchmarkScanLarge scans the large workbook's sheets, inflated
// beforehand: the byte scanner's own part of BenchmarkReadLarge.
func BenchmarkScanLarge(b *testing.B) {
	w, err := Open(largeBook(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	var sheets [][]byte
	var size int64
	for _, s := range w.Sheets() {
		data, err := w.SheetXML(s.Name)
		if err != nil {
			b.Fatal(err)
		}
		sheets = append(sheets, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range sheets {
			if _, err := Scan(context.Background(), data, w.SharedStrings(), w.scan); err != nil {
				b.Fatal(err)
			}
		}
	}
}
