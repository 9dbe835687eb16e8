package export

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/importer"
)

// TestOriginalPivotFormulasRecalculated: testdata/orig_pivot.xlsx with
// formulas beside its pivot tables, as an officer adds them: =B6 and
// GETPIVOTDATA for Dartford's sum, each saved with the 1 PivotTable1
// last laid out, which the export withholds, and =D20+10 over the
// first, saved as 11. The pivot table's cells are blanked, but the
// formulas' saved results gave the 1 away (11 less 10 too): each loses
// its saved result, keeps its formula, to be worked out again on
// opening, and is warned of at its cell. A formula over no pivot table's
// cells keeps its result.
func TestOriginalPivotFormulasRecalculated(t *testing.T) {
	dir := t.TempDir()
	orig, out := filepath.Join(dir, "orig_pivot.xlsx"), filepath.Join(dir, "out.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "orig_pivot.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	const beside = `<row r="20"><c r="D20"><f>B6</f><v>1</v></c><c r="E20" t="str"><f>GETPIVOTDATA("Sum of Value",$A$3,"Area","Dartford")</f><v>1</v></c>` +
		`<c r="F20"><f>D20+10</f><v>11</v></c><c r="G20"><f>1+1</f><v>2</v></c></row>`
	sheet := ""
	rewriteZip(t, string(b), orig, func(name string, b []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") || !strings.Contains(string(b), `r="A6"`) || !strings.Contains(string(b), "<sheetData>") {
			return b
		}
		sheet = name
		return []byte(strings.Replace(string(b), "</sheetData>", beside+"</sheetData>", 1))
	})
	if sheet == "" {
		t.Fatal("no sheet of the pivot tables to add formulas to")
	}
	h := imported(t, orig, "I0001")
	sum, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if withheld, _ := withheldFigures(t, orig, out, "District data"); !withheld["1"] {
		t.Fatalf("the export does not withhold Dartford's 1: %v", withheld)
	}
	part := string(zipParts(t, out)[sheet])
	for _, c := range []struct {
		ref, formula string
		saved        bool
	}{
		{"D20", "B6", false},
		{"E20", `GETPIVOTDATA(`, false},
		{"F20", "D20+10", false},
		{"G20", "1+1", true},
	} {
		m := regexp.MustCompile(`<c r="` + c.ref + `"[^>]*>(.*?)</c>`).FindStringSubmatch(part)
		if m == nil {
			t.Errorf("Pivot!%s is gone from the export", c.ref)
			continue
		}
		if !strings.Contains(m[1], "<f>"+c.formula) {
			t.Errorf("Pivot!%s lost its formula =%s: %s", c.ref, c.formula, m[0])
		}
		if saved := strings.Contains(m[1], "<v>"); saved != c.saved {
			t.Errorf("Pivot!%s keeps a saved result: %v, want %v: %s", c.ref, saved, c.saved, m[0])
		}
		warned := 0
		for _, w := range sum.Warnings {
			if w.Sheet == "Pivot" && w.Cell == c.ref && strings.Contains(w.Message, "uses a pivot table's cells") {
				warned++
			}
		}
		if want := map[bool]int{false: 1, true: 0}[c.saved]; warned != want {
			t.Errorf("Pivot!%s warned of %d times, want %d: %v", c.ref, warned, want, sum.Warnings)
		}
	}
}
