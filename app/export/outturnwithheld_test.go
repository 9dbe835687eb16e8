package export

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// sheetWorkbook writes a one-sheet workbook of rows, as a council's Excel
// leaves them, to dir and returns its path.
func sheetWorkbook(t *testing.T, dir, sheet string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "scorecard.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// written exports h as opt asks, from the whole history or (streamed) an
// indicator at a time, and opens the workbook. Unlike export it does not
// audit the Data sheet, which an original revised has not.
func written(t *testing.T, h *app.History, opt Options, streamed bool) (*excelize.File, Summary) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.xlsx")
	var sum Summary
	var err error
	if streamed {
		sum, err = WriteFrom(context.Background(), path, &pieces{h: h}, opt)
	} else {
		sum, err = Write(context.Background(), path, h, opt)
	}
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, sum
}

// suppressedExport is one way a workbook is circulated, counts below 5
// suppressed: sheet is where its scorecard's rows are.
type suppressedExport struct {
	name     string
	opt      Options
	streamed bool
	sheet    string
}

// suppressedExports are the three ways the original at orig (its
// scorecard on sheet) is circulated: the house layout read whole, read
// an indicator at a time, and the original revised.
func suppressedExports(orig, sheet string) []suppressedExport {
	return []suppressedExport{
		{"house layout", Options{Suppress: 5}, false, ScorecardSheet},
		{"house layout, an indicator at a time", Options{Suppress: 5}, true, ScorecardSheet},
		{"the original revised", Options{Suppress: 5, Original: orig, Reread: importer.Reread}, false, sheet},
	}
}

// TestOutturnWithheld: a small count in a scorecard's "Previous year
// outturn" column is withheld in the house layout and in the original
// revised (QA22 F3: both printed 4 under "counts of 1 to 4 are
// suppressed"), while a larger one beside it is shown.
func TestOutturnWithheld(t *testing.T) {
	const sheet = "CYPE Scorecard"
	orig := sheetWorkbook(t, t.TempDir(), sheet, [][]any{
		{"Children in Care Scorecard - September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "2024/25 Outturn", "Target 2025/26", "Floor 2025/26", "Aug-25", "Sep-25"},
		{"CIC20", "Number of children adopted in the last 12 months", "H", "R12M", 4, 10, 8, 6, 7},
		{"CIC21", "Number of children in care", "-", "MS", 50, nil, nil, 52, 55},
	})
	h := imported(t, orig, "I0001")
	for _, tt := range suppressedExports(orig, sheet) {
		t.Run(tt.name, func(t *testing.T) {
			out, _ := written(t, h, tt.opt, tt.streamed)
			for ref, want := range map[string]string{"CIC20": app.Suppressed.String(), "CIC21": "50"} {
				at := cell(5, sheetRow(t, out, tt.sheet, ref))
				if got, _ := out.GetCellValue(tt.sheet, at); got != want {
					t.Errorf("%s outturn at %s!%s = %q, want %q", ref, tt.sheet, at, got, want)
				}
			}
		})
	}
	// The house layout's suppression, audited.
	export(t, h, Options{Suppress: 5})
}
