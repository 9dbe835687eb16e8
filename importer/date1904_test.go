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

// TestMonthHeadingAHairBeforeMidnight: a month's heading dated the 1st
// less a float's error (45747.999999999, some 86 microseconds short of
// 1 April 2025), as some producers write a date, is the month Excel
// shows, April, not March; every figure under it was filed a month
// early, unsaid (QA probe 6). A date a second before midnight is the
// day it names.
func TestMonthHeadingAHairBeforeMidnight(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetSheetRow("Scorecard", "A1", &[]any{"Ref", "Indicator", "Polarity", "Unit", 45747.999999999, 45777.999999999, 45838 - 1.0/86400})
	f.SetSheetRow("Scorecard", "A2", &[]any{"QA01", "Number of visits", "Low", "count", 100, 102, 104})
	style, err := f.NewStyle(&excelize.Style{NumFmt: 17}) // mmm-yy
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("Scorecard", "E1", "G1", style)
	path := filepath.Join(t.TempDir(), "hair.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	// 23:59:59 on 30 June is June's: a date, not an error.
	for p, want := range map[string]float64{"2025-04": 100, "2025-05": 102, "2025-06": 104} {
		if o, ok := findObs(res.Dataset, "QA01", app.Kent, app.All, p); !ok || *o.Value != want {
			t.Errorf("QA01 %s: found %v, want %v (read %+v)", p, ok, want, res.Dataset.Observations)
		}
	}
}
