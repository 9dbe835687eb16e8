package importer

import (
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTidyPeriodsInWords: a tidy table's Period column skipped every row
// of "Q1 2024/25" (the README's own form), "Quarter 1 2024/25", "Q3
// FY24/25", "Q4 (Jan-Mar 25)" and "FY 2024/25" as "not a period", though
// the same words as column headings are read (QA24a D9). Each is read as
// the heading is, each form said once at its first row; a quarter of a
// plain year is skipped saying why and how to write it.
func TestTidyPeriodsInWords(t *testing.T) {
	tests := []struct {
		name    string
		periods []string
		want    string // Kent's figures, "period=value"
		warned  map[string][]string
		quiet   []string
	}{
		{"quarters as the README writes them", []string{"Q1 2024/25", "Q2 2024/25"}, "[2024-Q2=10 2024-Q3=11]", nil, []string{"B2", "B3"}},
		{"quarters in words", []string{"Quarter 1 2024/25", "Quarter 2 2024/25", "Q3 FY24/25"}, "[2024-Q2=10 2024-Q3=11 2024-Q4=12]", map[string][]string{
			"B2": {`period "Quarter 1 2024/25" read as Apr-Jun 2024, quarter 1 of the financial year 2024/25, quarters numbered from April; 2 more rows write periods so, read alike`},
		}, []string{"B3", "B4"}},
		{"quarter by its months", []string{"Q4 (Jan-Mar 25)"}, "[2025-Q1=10]", map[string][]string{
			"B2": {`period "Q4 (Jan-Mar 25)" read as Jan-Mar 2025, its months, which are quarter 4 of the financial year 2024/25 as its number says`},
		}, nil},
		{"FY year beside a quarter", []string{"FY 2024/25", "Quarter 1 2025/26"}, "[2024/25=10 2025-Q2=11]", map[string][]string{
			"B2": {`period "FY 2024/25" read as the financial year 2024/25, April 2024 to March 2025`},
			"B3": {`period "Quarter 1 2025/26" read as Apr-Jun 2025`, "quarters numbered from April"},
		}, nil},
		{"quarter of a plain year", []string{"Quarter 1 2025", "Q2 2024/25"}, "[2024-Q3=11]", map[string][]string{
			"B2": {`Q01: row skipped: "Quarter 1 2025" not read: quarter 1 of 2025 could be the calendar year's (Jan-Mar 2025) or the financial year's`},
		}, []string{"B3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Data")
			f.SetSheetRow("Data", "A1", &[]any{"Ref", "Period", "Area", "Value"})
			for i, p := range tt.periods {
				f.SetSheetRow("Data", fmt.Sprintf("A%d", i+2), &[]any{"Q01", p, "Kent", 10 + i})
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
				}
			}
			slices.Sort(got)
			if fmt.Sprint(got) != tt.want {
				t.Errorf("figures %v, want %s", got, tt.want)
			}
			checkWarned(t, res, "Data", tt.warned)
			for _, cell := range tt.quiet {
				if w := warnedAt(res, "Data", cell); len(w) > 0 {
					t.Errorf("warned at %s %q, want nothing", cell, w)
				}
			}
		})
	}
}
