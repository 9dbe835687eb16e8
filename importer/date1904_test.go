package importer

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestPeriodInA1904Workbook: a tidy table's Period cell holding a plain
// number (no date format) is a date serial of the workbook's own date
// system, as a date-formatted one is; 43921 is 1 April 2024 counted from
// 1904, 31 March 2020 counted from 1900.
func TestPeriodInA1904Workbook(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name      string
		date1904  bool
		formatted bool
		want      string
	}{
		{"1904, plain number", true, false, "2024-04"},
		{"1904, date format", true, true, "2024-04"},
		{"1900, plain number", false, false, "2020-03"},
		{"1900, date format", false, true, "2020-03"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &tt.date1904}); err != nil {
				t.Fatal(err)
			}
			f.SetSheetName("Sheet1", "Data")
			f.SetSheetRow("Data", "A1", &[]any{"Ref", "Indicator", "Period", "Area", "Value"})
			f.SetSheetRow("Data", "A2", &[]any{"QA03", "Tidy measure", 43921, "Kent", 10})
			if tt.formatted {
				style, err := f.NewStyle(&excelize.Style{NumFmt: 17}) // mmm-yy
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle("Data", "C2", "C2", style)
			}
			path := filepath.Join(dir, tt.name+".xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, path)
			if _, ok := findObs(res.Dataset, "QA03", app.Kent, app.All, tt.want); !ok {
				t.Errorf("no QA03 figure for %s: read %+v", tt.want, res.Dataset.Observations)
			}
		})
	}
}

// TestPeriodHeadingInA1904Workbook: a month column headed by a plain
// number in a 1904 workbook is the month of that workbook's date system.
func TestPeriodHeadingInA1904Workbook(t *testing.T) {
	date1904 := true
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
		t.Fatal(err)
	}
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetSheetRow("Scorecard", "A1", &[]any{"Ref", "Indicator", "Polarity", "Unit", 43921, 43952})
	f.SetSheetRow("Scorecard", "A2", &[]any{"QA01", "Number of visits", "Low", "count", 100, 102})
	path := filepath.Join(t.TempDir(), "wide1904.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	for p, want := range map[string]float64{"2024-04": 100, "2024-05": 102} {
		if o, ok := findObs(res.Dataset, "QA01", app.Kent, app.All, p); !ok || *o.Value != want {
			t.Errorf("QA01 %s: found %v, want %v (read %+v)", p, ok, want, res.Dataset.Observations)
		}
	}
}
