package childlevel

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// sheetRows reads every row of a sheet with a rowSource, and the rows
// it finds hidden.
func sheetRows(t *testing.T, rows rowSource, sheet string) (map[int]string, []int) {
	t.Helper()
	out := map[int]string{}
	hidden, err := rows(sheet, func(n int, cells []string) bool {
		// Trailing empty cells are not data: excelize and the scanner
		// may differ in how many they give.
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			out[n] = fmt.Sprintf("%q", cells)
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, hidden
}

// TestBookMatchesExcelize checks the fast reader gives the cells excelize
// gives, on workbooks written by excelize's stream writer (inline
// strings), by its cell API (shared strings, an ampersand, a formula) and
// by LibreOffice.
func TestBookMatchesExcelize(t *testing.T) {
	dir := t.TempDir()
	cellAPI := filepath.Join(dir, "cells.xlsx")
	f := excelize.NewFile()
	for cell, v := range map[string]any{"A1": "Tonbridge & Malling <district>", "B1": 3, "C1": 45747.0, "A3": "a) Male",
		"D3": true, "AB3": "far column", "B4": "  spaced  "} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellFormula("Sheet1", "C4", "B1*2"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetRowVisible("Sheet1", 3, false); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(cellAPI); err != nil {
		t.Fatal(err)
	}
	f.Close()
	books := map[string]string{
		"stream writer": writeAnnexA(t, dir, worked()),
		"cell API":      cellAPI,
		"LibreOffice":   filepath.Join("testdata", "annexa-libreoffice.xlsx"),
	}
	for name, path := range books {
		t.Run(name, func(t *testing.T) {
			b, err := openBook(path)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			x, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			if fmt.Sprint(b.SheetNames()) != fmt.Sprint(x.GetSheetList()) {
				t.Fatalf("sheets %v, excelize %v", b.SheetNames(), x.GetSheetList())
			}
			sheet := x.GetSheetList()[0]
			got, gotHidden := sheetRows(t, fastRows(b), sheet)
			want, wantHidden := sheetRows(t, excelizeRows(x), sheet)
			if len(got) != len(want) || len(want) == 0 {
				t.Errorf("%d rows, excelize %d", len(got), len(want))
			}
			if !slices.Equal(gotHidden, wantHidden) || name == "cell API" && !slices.Equal(gotHidden, []int{3}) {
				t.Errorf("rows hidden %v, excelize %v", gotHidden, wantHidden)
			}
			for n, w := range want {
				if got[n] != w {
					t.Errorf("row %d:\n got %s\nwant %s", n, got[n], w)
				}
			}
		})
	}
}

// TestAnnexAFromLibreOffice reads the worked example as LibreOffice saved
// it and checks the figures come out as they do from the original.
func TestAnnexAFromLibreOffice(t *testing.T) {
	ds, warns, err := ReadAnnexA(filepath.Join("testdata", "annexa-libreoffice.xlsx"), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	if warns := readColumns(warns); len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	for _, c := range []struct {
		ref      string
		split    app.Split
		num, den float64
	}{
		{RefChildrenInCare, app.All, 4, 0}, {RefChildrenInCare, app.Only(app.UASC), 2, 0},
		{RefThreePlacements, app.All, 2, 4}, {RefThreePlacements, app.Excluding(app.UASC), 1, 2},
		{RefAdopted, app.All, 1, 2},
	} {
		o := figure(t, ds, c.ref, app.Kent, c.split)
		if *o.Numerator != c.num || c.den != 0 && *o.Denominator != c.den {
			t.Errorf("%s %s = %v/%v, want %v/%v", c.ref, c.split.Label(), *o.Numerator, ptr(o.Denominator), c.num, c.den)
		}
	}
	if n, _, ok := breakdown(ds, MeasureInCare, DimDistrict, "Tonbridge and Malling", app.All); !ok || n != 1 {
		t.Errorf("Tonbridge and Malling (written with &) = %v (%v), want 1", n, ok)
	}
}

// FuzzBookScan feeds the worksheet scanner mangled XML: it must return
// rows or an error, never panic or loop.
func FuzzBookScan(f *testing.F) {
	b, err := openBook(filepath.Join("testdata", "annexa-libreoffice.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	defer b.Close()
	sheet, err := b.SheetXML(b.SheetNames()[0])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sheet)
	f.Add([]byte(`<sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c t="inlineStr"><is><t>a&amp;b</t></is></c></row></sheetData>`))
	f.Add([]byte(`<x:sheetData><x:row><x:c r="A1"><x:v>3</x:v></x:c></x:row></x:sheetData>`))
	f.Fuzz(func(t *testing.T, x []byte) {
		rows := 0
		_, _ = xlsx.ScanRows(x, b.SharedStrings(), xlsx.ScanOptions{RawBooleans: true}, func(n int, cells []string) bool {
			rows++
			return rows < 1e6
		})
	})
}
