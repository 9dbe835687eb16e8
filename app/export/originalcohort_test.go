package export

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/importer"
)

// TestOriginalLabelsAllChildren exports into the demo's own layout: its
// comments and benchmark headings speak of all children, so beside
// figures excluding UASC the comment is led by "(all children)" and the
// headings end with it, as the house layout labels them; with nothing
// excluded they stand as written, and a section heading merged across
// the sheet is no benchmark heading.
func TestOriginalLabelsAllChildren(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	const sheet = "CYPE Scorecard"
	h := imported(t, orig, "I0001")
	of, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer of.Close()
	row := sheetRow(t, of, sheet, "CIC01")
	cells := map[string]string{ // what each cell holds, by what it is
		"comment":    cell(headed(t, of, sheet, "Comments"), row),
		"England":    cell(headed(t, of, sheet, "England 2024/25"), 5),
		"neighbours": cell(headed(t, of, sheet, "Stat Neighbours 2024/25"), 5),
		"section":    cell(1, row-1),
	}
	was := map[string]string{}
	for what, at := range cells {
		was[what], _ = of.GetCellValue(sheet, at)
		if was[what] == "" {
			t.Fatalf("the demo's %s cell %s is empty", what, at)
		}
	}
	tests := []struct {
		name    string
		exclude []app.Cohort
		want    map[string]string
	}{
		{"all children", nil, was},
		{"excluding UASC", []app.Cohort{app.UASC}, map[string]string{
			"comment":    "(all children) " + was["comment"],
			"England":    was["England"] + " (all children)",
			"neighbours": was["neighbours"] + " (all children)",
			"section":    was["section"],
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, h, Options{Original: orig, Reread: importer.Reread, Exclude: tt.exclude})
			for what, at := range cells {
				if got, _ := f.GetCellValue(sheet, at); got != tt.want[what] {
					t.Errorf("%s %s = %q, want %q", what, at, got, tt.want[what])
				}
			}
		})
	}
}

// TestOriginalRelabelsAllChildrenCaption exports into a layout giving
// its months for all children and again excluding UASC, each run under
// a caption: excluding UASC, the first run's figures exclude them, and
// its caption says so rather than "All children"; the second's stands,
// and with nothing excluded both do.
func TestOriginalRelabelsAllChildrenCaption(t *testing.T) {
	orig := filepath.Join(t.TempDir(), "runs.xlsx")
	f := excelize.NewFile()
	for at, v := range map[string]any{
		"A1": "Kent CYPE Performance Scorecard - March 2026", "C3": "All children", "F3": "Excluding UASC",
		"A4": "Ref", "B4": "Indicator", "C4": "Jan-26", "D4": "Feb-26", "E4": "Mar-26", "F4": "Jan-26", "G4": "Feb-26", "H4": "Mar-26",
		"A5": "CIC01", "B5": "Number of children in care", "C5": 1905, "D5": 1920, "E5": 1931, "F5": 1524, "G5": 1528, "H5": 1533,
	} {
		if err := f.SetCellValue("Sheet1", at, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"C3", "E3"}, {"F3", "H3"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(orig); err != nil {
		t.Fatal(err)
	}
	f.Close()
	h := imported(t, orig, "I0001")
	tests := []struct {
		name    string
		exclude []app.Cohort
		first   string
	}{
		{"all children", nil, "All children"},
		{"excluding UASC", []app.Cohort{app.UASC}, "Excluding UASC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _ := export(t, h, Options{Original: orig, Reread: importer.Reread, Exclude: tt.exclude})
			if got, _ := out.GetCellValue("Sheet1", "C3"); got != tt.first {
				t.Errorf("C3 = %q, want %q", got, tt.first)
			}
			if got, _ := out.GetCellValue("Sheet1", "F3"); got != "Excluding UASC" {
				t.Errorf("F3 = %q, want it as written", got)
			}
			if got, _ := out.GetCellValue("Sheet1", "E5"); tt.exclude != nil && got != "1533" {
				t.Errorf("E5 = %q, want Mar-26's 1533 excluding UASC", got)
			}
		})
	}
}
