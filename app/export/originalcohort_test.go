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
