package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// TestOutturnWithheld: a small count in a scorecard's "Previous year
// outturn" column is withheld in the house layout and in the original
// revised (QA22 F3: both printed 4 under "counts of 1 to 4 are
// suppressed"), while a larger one beside it is shown.
func TestOutturnWithheld(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	const sheet = "CYPE Scorecard"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Children in Care Scorecard - September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "2024/25 Outturn", "Target 2025/26", "Floor 2025/26", "Aug-25", "Sep-25"},
		{"CIC20", "Number of children adopted in the last 12 months", "H", "R12M", 4, 10, 8, 6, 7},
		{"CIC21", "Number of children in care", "-", "MS", 50, nil, nil, 52, 55},
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	orig := filepath.Join(dir, "wide.xlsx")
	if err := f.SaveAs(orig); err != nil {
		t.Fatal(err)
	}
	f.Close()
	h := imported(t, orig, "I0001")
	for _, tt := range []struct {
		name  string
		opt   Options
		sheet string
		col   int // the outturn's column
	}{
		{"house layout", Options{Suppress: 5}, ScorecardSheet, 5},
		{"house layout, an indicator at a time", Options{Suppress: 5}, ScorecardSheet, 5},
		{"the original revised", Options{Suppress: 5, Original: orig, Reread: importer.Reread}, sheet, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out *excelize.File
			switch {
			case strings.HasSuffix(tt.name, "at a time"):
				path := filepath.Join(t.TempDir(), "out.xlsx")
				if _, err := WriteFrom(context.Background(), path, &pieces{h: h}, tt.opt); err != nil {
					t.Fatal(err)
				}
				var err error
				if out, err = excelize.OpenFile(path); err != nil {
					t.Fatal(err)
				}
				defer out.Close()
			case tt.opt.Original == "":
				out, _ = export(t, h, tt.opt)
			default:
				// The original has no Data sheet for export's audit to read.
				path := filepath.Join(t.TempDir(), "out.xlsx")
				if _, err := Write(context.Background(), path, h, tt.opt); err != nil {
					t.Fatal(err)
				}
				var err error
				if out, err = excelize.OpenFile(path); err != nil {
					t.Fatal(err)
				}
				defer out.Close()
			}
			for ref, want := range map[string]string{"CIC20": string(app.Suppressed), "CIC21": "50"} {
				at := cell(tt.col, sheetRow(t, out, tt.sheet, ref))
				if got, _ := out.GetCellValue(tt.sheet, at); got != want {
					t.Errorf("%s outturn at %s!%s = %q, want %q", ref, tt.sheet, at, got, want)
				}
			}
		})
	}
}
