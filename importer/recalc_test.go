package importer

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// formulaBook writes a scorecard whose CIC05 figures for January to March
// 2025 are formulas, saved with results as given (nil: none), asking to be
// recalculated on opening if recalc. A Go script's workbook saving its
// formulas uncalculated is formulaBook(t, true, 0, 0, 0), as XlsxWriter's
// is but for the result's type.
func formulaBook(t *testing.T, recalc bool, results ...any) string {
	t.Helper()
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Kent performance scorecard")
	b.row(s, "A3", "Ref", "Indicator", "Polarity", "Unit", "Target", "Floor",
		time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	b.style(s, "G3", "I3", &excelize.Style{NumFmt: 17})
	b.row(s, "A4", "CIC05", "Children in care with 3+ placements (number)", "L", "count", 200, 220)
	for i, formula := range []string{"200+21", "200+25", "SUM(230,1)"} {
		cell := string(rune('G'+i)) + "4"
		if results[i] != nil {
			// excelize keeps a cell's value as its formula's result.
			if err := b.f.SetCellValue(s, cell, results[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.f.SetCellFormula(s, cell, formula); err != nil {
			t.Fatal(err)
		}
	}
	if recalc {
		if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &recalc}); err != nil {
			t.Fatal(err)
		}
	}
	return b.save("scorecard.xlsx")
}

// libreOfficeSave has LibreOffice open a workbook and save it as .xlsx,
// with a private profile so that parallel runs do not fight over one.
func libreOfficeSave(t *testing.T, path string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice) is not installed, and CI must have it (scripts/setup.sh test)")
		}
		t.Skip("soffice (LibreOffice) is not installed: apt-get install -y libreoffice-calc-nogui, or run scripts/setup.sh test")
	}
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to xlsx: %v\n%s", err, out)
	}
	return filepath.Join(dir, "out", filepath.Base(path))
}

// TestFormulasRecalculatedOnLoad reads formulas as the tools that write
// them save them. A workbook that asks to be recalculated on opening
// (calcPr fullCalcOnLoad) saves no result it vouches for: XlsxWriter's
// placeholder 0s must not become figures, rated against the target, but
// warnings at their cells; a result a script gave is read, with a
// warning that it may be out of date. LibreOffice calculates the formulas
// and saves them without the flag: its figures are read with nothing to
// say.
func TestFormulasRecalculatedOnLoad(t *testing.T) {
	const (
		none  = "formula with no saved result: open and save the workbook in Excel to calculate it"
		stale = "formula's saved result read, but the workbook asks to be recalculated when opened, so it may be out of date: open and save the workbook in Excel to be sure"
	)
	months := []string{"2025-01", "2025-02", "2025-03"}
	cells := []string{"Scorecard!G4", "Scorecard!H4", "Scorecard!I4"}
	for _, tt := range []struct {
		name    string
		book    func(t *testing.T) string
		figures []float64 // CIC05's, by month; nil: none read
		warning string    // at each formula's cell; "" for none
	}{
		{"XlsxWriter's placeholder 0s", func(t *testing.T) string {
			// XlsxWriter saves <c r="G4"><f>200+21</f><v>0</v></c>;
			// excelize types the result t="str".
			return rewriteParts(t, formulaBook(t, true, 0, 0, 0), func(name, xml string) string {
				return strings.ReplaceAll(xml, ` t="str"`, "")
			})
		}, nil, none},
		{"excelize's placeholder 0s", func(t *testing.T) string { return formulaBook(t, true, 0, 0, 0) }, nil, none},
		{"results the script gave", func(t *testing.T) string { return formulaBook(t, true, 221, 225, 231) }, []float64{221, 225, 231}, stale},
		{"saved by LibreOffice", func(t *testing.T) string { return libreOfficeSave(t, formulaBook(t, false, nil, nil, nil)) }, []float64{221, 225, 231}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, tt.book(t))
			for i, m := range months {
				o, ok := findObs(res.Dataset, "CIC05", app.Kent, app.All, m)
				switch {
				case tt.figures == nil && ok:
					t.Errorf("CIC05 %s read as %v from a formula's placeholder", m, *o.Value)
				case tt.figures != nil && (!ok || !approx(o.Value, tt.figures[i])):
					t.Errorf("CIC05 %s = %+v, %v; want %v", m, o, ok, tt.figures[i])
				}
			}
			var at []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "formula") {
					if w.Message != tt.warning || w.Location.File != "scorecard.xlsx" {
						t.Errorf("warning %v, want %q in scorecard.xlsx", w, tt.warning)
					}
					at = append(at, w.Location.Sheet+"!"+w.Location.Cell)
				}
			}
			want := cells
			if tt.warning == "" {
				want = nil
			}
			if !slices.Equal(at, want) {
				t.Errorf("warnings about formulas at %v, want at %v; all warnings: %v", at, want, res.Warnings)
			}
		})
	}
}
