package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCalendarQuarterSaid: a quarter written "Q3 2024" is kept as the
// calendar year's (July to September), as the contract's 2024-Q3 is, but
// a council numbering quarters by the financial year means October to
// December by it; the reading is said once, at the first, on a
// scorecard's headings and in a tidy table's Period column alike. The
// forms that say which (2024-Q3, Q3 2024/25, Jul-Sep 2024) are not.
func TestCalendarQuarterSaid(t *testing.T) {
	tests := []struct {
		name    string
		tidy    bool
		periods []any
		at      string // where the warning is, "" for none
		want    string
	}{
		{"scorecard headings", false, []any{"Q1 2025", "Q2 2025"}, "E3", `column E "Q1 2025" read as Jan-Mar 2025, the calendar year's quarter 1; a financial year's is written with the year, e.g. Q1 2025/26 (Apr-Jun 2025) (and 1 more columns like it)`},
		{"scorecard headings as the contract writes them", false, []any{"2025-Q1", "2025-Q2"}, "", ""},
		{"scorecard headings of a financial year", false, []any{"Q1 2025/26", "Q2 2025/26"}, "", ""},
		{"scorecard headings by months", false, []any{"Apr-Jun 2025", "Jul-Sep 2025"}, "", ""},
		{"tidy periods", true, []any{"Q3 2024", "Q4-24"}, "B2", `"Q3 2024" read as Jul-Sep 2024, the calendar year's quarter 3; a financial year's is written with the year, e.g. Q3 2024/25 (Oct-Dec 2024); 1 more rows write quarters so, read alike`},
		{"tidy periods as the contract writes them", true, []any{"2024-Q3", "2024-Q4"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			if tt.tidy {
				sheet = "Data"
				f.SetSheetName("Scorecard", sheet)
				f.SetSheetRow(sheet, "A1", &[]any{"Ref", "Period", "Area", "Value"})
				for i, p := range tt.periods {
					f.SetSheetRow(sheet, "A"+string(rune('2'+i)), &[]any{"Q01", p, "Kent", 7 + i})
				}
			} else {
				f.SetSheetRow(sheet, "A1", &[]any{"Quarterly scorecard"})
				head := append([]any{"Ref", "Indicator", "Polarity", "Unit"}, tt.periods...)
				f.SetSheetRow(sheet, "A3", &head)
				f.SetSheetRow(sheet, "A4", &[]any{"Q01", "Visits", "H", "count", 7, 8})
			}
			res := readFile(t, f)
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "calendar year's quarter") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.at == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing", said)
			case tt.at != "" && (len(said) != 1 || said[0] != tt.at+": "+tt.want):
				t.Errorf("warned %q, want\n%q", said, tt.at+": "+tt.want)
			}
			if n := len(res.Dataset.Observations); n != 2 {
				t.Errorf("%d figures read, want 2", n)
			}
		})
	}
}
