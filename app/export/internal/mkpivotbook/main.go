// Command mkpivotbook writes the officer's workbooks with pivot tables
// that the export --original tests read, into a folder (testdata):
//
//   - orig_pivot.xlsx: district figures on a tidy sheet, and a sheet of
//     two pivot tables over them, each district's figure and how many
//     districts had each figure;
//   - orig_pivot_scorecard.xlsx: the same figures, laid out as a
//     district summary by a pivot table under a title, which the import
//     reads as a scorecard.
//
// Each is saved as LibreOffice saves it: the pivot cache holds its
// records (every figure of its source as last refreshed) and the pivot
// tables' cells the figures as last laid out, as in a workbook Excel or
// LibreOffice saved. excelize's AddPivotTable writes the pivot tables
// with their caches empty; LibreOffice works them out and saves them.
//
// Run it from app/export (go generate does):
//
//	go run ./internal/mkpivotbook testdata
//
// It needs soffice (LibreOffice) on PATH; the tests read the files it
// wrote, committed, and need none.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// districts are Kent's districts, and starts the children starting to be
// looked after in May 2026 in each: several under 5, which an export
// suppressing counts of 1 to 4 withholds (QA31's orig_chart.xlsx).
var (
	districts = []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	starts = []int{2, 2, 1, 5, 6, 7, 3, 7, 5, 0, 7, 5}
)

const (
	dataSheet  = "District data"
	pivotSheet = "Pivot"
)

// book is a workbook to write: its name, the title on its pivot
// tables' sheet, the pivot tables, a chart of their cells, and a cell of
// theirs with what LibreOffice must have laid out there.
type book struct {
	name, title string
	tables      []excelize.PivotTableOptions
	chart       *excelize.Chart
	cell, want  string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("mkpivotbook: ")
	if len(os.Args) != 2 {
		log.Fatal("usage: mkpivotbook DIR")
	}
	dir, err := os.MkdirTemp("", "mkpivotbook")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	source := fmt.Sprintf("%s!A1:E%d", dataSheet, len(districts)+1)
	for _, b := range []book{
		{name: "orig_pivot.xlsx", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A3:B16",
				Rows: []excelize.PivotTableField{{Data: "Area"}},
				Data: []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
			{DataRange: source, PivotTableRange: pivotSheet + "!D3:E11",
				Rows: []excelize.PivotTableField{{Data: "Value"}},
				Data: []excelize.PivotTableField{{Data: "Area", Name: "Districts", Subtotal: "Count"}}},
		}, chart: &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{
			Name: pivotSheet + "!$B$3", Categories: pivotSheet + "!$A$4:$A$15", Values: pivotSheet + "!$B$4:$B$15",
		}}}, cell: "B6", want: "1"}, // Dartford's sum
		{name: "orig_pivot_scorecard.xlsx", title: "District summary - May 2026", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A4:O7",
				Rows:    []excelize.PivotTableField{{Data: "Ref"}, {Data: "Indicator"}},
				Columns: []excelize.PivotTableField{{Data: "Area"}},
				Data:    []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
		}, cell: "E6", want: "1"}, // Dartford's
	} {
		raw := filepath.Join(dir, b.name)
		if err := write(raw, b); err != nil {
			log.Fatalf("%s: %v", b.name, err)
		}
		saved, err := refresh(raw, dir)
		if err != nil {
			log.Fatal(err)
		}
		if err := check(saved, b); err != nil {
			log.Fatalf("%s: %v", saved, err)
		}
		data, err := os.ReadFile(saved)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(os.Args[1], b.name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// write writes workbook b: a tidy sheet of the districts' figures, and a
// sheet of b's pivot tables over it.
func write(path string, b book) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return err
	}
	rows := [][]any{{"Ref", "Indicator", "Period", "Area", "Value"}}
	for i, d := range districts {
		rows = append(rows, []any{"N01", "Number of children starting to be looked after in the month", "2026-05", d, starts[i]})
	}
	for r, row := range rows {
		if err := f.SetSheetRow(dataSheet, fmt.Sprintf("A%d", r+1), &row); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(pivotSheet); err != nil {
		return err
	}
	if b.title != "" {
		if err := f.SetCellStr(pivotSheet, "A1", b.title); err != nil {
			return err
		}
	}
	for _, p := range b.tables {
		p.RowGrandTotals, p.ColGrandTotals, p.ShowRowHeaders, p.ShowColHeaders = true, true, true, true
		if err := f.AddPivotTable(&p); err != nil {
			return err
		}
	}
	if b.chart != nil {
		if err := f.AddChart(pivotSheet, "G3", b.chart); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// refresh has LibreOffice open the workbook at path, work its pivot
// tables out and save it, into dir/lo, with a private profile.
func refresh(path, dir string) (string, error) {
	out := filepath.Join(dir, "lo")
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("soffice --convert-to xlsx: %v\n%s", err, b)
	}
	return filepath.Join(out, filepath.Base(path)), nil
}

// check makes sure the saved workbook is what the tests need: its pivot
// caches with their records (LibreOffice saves one cache for tables
// whose source is the same), and the pivot tables laid out.
func check(path string, b book) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	records := 0
	for _, zf := range z.File {
		if m, _ := filepath.Match("xl/pivotCache/pivotCacheRecords*.xml", zf.Name); !m {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte("<r>")); n != len(districts) {
			return fmt.Errorf("%s holds %d records, want %d", zf.Name, n, len(districts))
		}
		records++
	}
	if records == 0 {
		return fmt.Errorf("no pivot cache with records")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	laid, err := f.GetCellValue(pivotSheet, b.cell)
	if err != nil {
		return err
	}
	if laid != b.want {
		return fmt.Errorf("%s!%s is %q, want %s: LibreOffice did not lay the pivot table out", pivotSheet, b.cell, laid, b.want)
	}
	return nil
}
