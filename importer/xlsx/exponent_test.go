package xlsx

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExponentText lists the text cells holding a number in scientific
// notation, whichever way the text is stored, by the shortcuts and by the
// general path alike, and not a number cell whose value is written so,
// as Excel saves small numbers.
func TestExponentText(t *testing.T) {
	sst := []string{"1e3", "Ashford", "1.2E+03", "e3", "1e", "1.2.3e4", "Ref 1e3"}
	for _, tt := range []struct {
		name, cells string
		want        []Cell
	}{
		{"shared string", `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c>`, []Cell{{0, 0}, {0, 1}}},
		{"shared string with a style", `<c r="C1" s="3" t="s"><v>0</v></c>`, []Cell{{0, 2}}},
		{"inline string", `<c r="A1" t="inlineStr"><is><t>1.2E+03</t></is></c>`, []Cell{{0, 0}}},
		{"inline string with spaces", `<c r="A1" t="inlineStr"><is><t xml:space="preserve"> -4.5e-2 </t></is></c>`, []Cell{{0, 0}}},
		{"a formula's text result", `<c r="A1" t="str"><f>"1e3"</f><v>1e3</v></c>`, []Cell{{0, 0}}},
		{"number cell", `<c r="A1"><v>1.2E-05</v></c><c r="B1" t="n"><v>1E+20</v></c>`, nil},
		{"words and near misses", `<c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" t="s"><v>4</v></c><c r="D1" t="s"><v>5</v></c><c r="E1" t="s"><v>6</v></c>`, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xml := []byte(`<worksheet><sheetData><row r="1">` + tt.cells + `</row></sheetData></worksheet>`)
			for _, general := range []bool{false, true} {
				g, err := scanWith(xml, sst, ScanOptions{}, general)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(g.ExponentText, tt.want) {
					t.Errorf("general %v: ExponentText = %v, want %v", general, g.ExponentText, tt.want)
				}
			}
		})
	}
}

// TestExponentTextWorkbook reads a workbook excelize writes, a text
// "1e3" beside the number 1000, by the scanner and by excelize, its
// fallback, alike.
func TestExponentTextWorkbook(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "B2", "1e3")
	f.SetCellValue("Sheet1", "C2", 1000)
	f.SetCellValue("Sheet1", "D2", 1.2e-5)
	path := filepath.Join(t.TempDir(), "exp.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	g, err := w.Grid(context.Background(), "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := w.Sheet("Sheet1")
	xg, err := w.fallbackGrid(s, damagedError("forced"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{{1, 1}}
	for by, g := range map[string]*Grid{"scanner": g, "excelize": xg} {
		if !reflect.DeepEqual(g.ExponentText, want) {
			t.Errorf("by %s: ExponentText = %v, want %v", by, g.ExponentText, want)
		}
	}
}
