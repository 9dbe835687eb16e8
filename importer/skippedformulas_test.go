package importer

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSkippedRowFormulas: an Excel table's Totals row (XlsxWriter and
// Excel write its sums as formulas, in a workbook asking to be
// recalculated on opening) is skipped, said once at its label; its
// formulas' results were not read, so nothing is said of them, where
// twelve warnings "formula's saved result read" buried the one that
// matters (QA27b 9). A formula on a row that is read is still said.
func TestSkippedRowFormulas(t *testing.T) {
	const stale = "formula's saved result read, but the workbook asks to be recalculated when opened"
	for _, tt := range []struct {
		name     string
		label    []any  // the Totals row's Ref and name
		skipped  string // the cell its skip is said at
		formulas []string
	}{
		{"Total in the Ref column", []any{"Total", nil}, "A4", []string{"R1", "R2"}},
		{"Totals under a name", []any{nil, "Total"}, "B4", []string{"R1", "R2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Indicator", "Polarity", "Apr-24", "May-24", "Jun-24")
			b.row(s, "A2", "R1", "Referrals", "-", 400, 401, nil)
			b.row(s, "A3", "R2", "Assessments", "-", 300, 301, 302)
			b.row(s, "A4", tt.label...)
			for _, c := range []struct{ cell, formula string }{
				{"F2", "400+2"}, {"D4", "SUBTOTAL(109,D2:D3)"}, {"E4", "SUBTOTAL(109,E2:E3)"}, {"F4", "SUBTOTAL(109,F2:F3)"},
			} {
				v := map[string]int{"F2": 402, "D4": 700, "E4": 702, "F4": 704}[c.cell]
				if err := b.f.SetCellValue(s, c.cell, v); err != nil {
					t.Fatal(err)
				}
				if err := b.f.SetCellFormula(s, c.cell, c.formula); err != nil {
					t.Fatal(err)
				}
			}
			recalc := true
			if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &recalc}); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, b.save("table.xlsx"))
			for _, f := range []struct {
				ref, period string
				v           float64
			}{{"R1", "2024-04", 400}, {"R1", "2024-06", 402}, {"R2", "2024-06", 302}} {
				if o, ok := findObs(res.Dataset, f.ref, app.Kent, app.All, f.period); !ok || !approx(o.Value, f.v) {
					t.Errorf("%s %s = %+v, %v; want %g", f.ref, f.period, o, ok, f.v)
				}
			}
			if _, ok := findInd(res.Dataset, "Total"); ok {
				t.Errorf("the Totals row was read as an indicator")
			}
			var skips, formulas []string
			for _, w := range res.Warnings {
				switch {
				case strings.Contains(w.Message, "row skipped"):
					skips = append(skips, w.Cell)
				case strings.HasPrefix(w.Message, stale):
					formulas = append(formulas, w.Cell)
				}
			}
			if !slices.Equal(skips, []string{tt.skipped}) {
				t.Errorf("rows said skipped at %v, want at %s", skips, tt.skipped)
			}
			if !slices.Equal(formulas, []string{"F2"}) {
				t.Errorf("formulas said read at %v, want only at F2, the one on a row read; all warnings: %v", formulas, res.Warnings)
			}
		})
	}
}
