package export

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestMarchFigureBesideTheYearsOwn: an annual measure's Mar-25 figure
// (9.9%) stands in its column, analysed as 2024/25 and compared with the
// store's 2023/24 (11.2%); where the store gives 2024/25 itself another
// figure (DfE's 11.7%, 221 / 1896), the cell's note names both, so the
// sheet does not show one and hide the other (QA24a D11). Where the two
// agree, or the store has no figure for the year, nothing is said.
func TestMarchFigureBesideTheYearsOwn(t *testing.T) {
	kent, ok := app.LookupAuthority("Kent")
	if !ok {
		t.Fatal("no authority Kent")
	}
	const name = "Percentage of children in care with 3 or more placements in the year"
	years := func(y2425 []any) [][]any {
		rows := [][]any{{"Ref", "Indicator", "Unit", "Polarity", "Period", "Area", "Numerator", "Denominator", "Value"},
			{"CIC05", name, "%", "L", "2022/23", "Kent", 240, 1938, 12.4},
			{"CIC05", name, "%", "L", "2023/24", "Kent", 219, 1956, 11.2}}
		if y2425 != nil {
			rows = append(rows, append([]any{"CIC05", name, "%", "L", "2024/25", "Kent"}, y2425...))
		}
		return rows
	}
	march := [][]any{
		{"Ref", "Indicator", "Polarity", "Data period", "Feb-25", "Mar-25"},
		{"CIC05", name, "L", "A", nil, 9.9},
	}
	tests := []struct {
		name string
		year []any // the store's own 2024/25: numerator, denominator, value
		note string
	}{
		{"DfE's 2024/25 disagrees", []any{221, 1896, 11.7}, "Check this figure: the figure in Mar-25's column (I0002, Scorecard!F2), 9.9%, is analysed as 2024/25; " +
			"the figure given for 2024/25 itself (I0001, Years!I4) is 11.7% (221 / 1896): they disagree"},
		{"DfE's 2024/25 agrees", []any{nil, nil, 9.9}, ""},
		{"no year of its own", nil, ""},
	}
	for _, tt := range tests {
		for _, streamed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, streamed %v", tt.name, streamed), func(t *testing.T) {
				dir := t.TempDir()
				h := storeFor(t, kent, sheetWorkbook(t, dir, "Years", years(tt.year)), sheetWorkbook(t, t.TempDir(), "Scorecard", march))
				f, _ := written(t, h, Options{Authority: kent, Area: kent.Area(), Produced: produced, AppVersion: "1.0-test"}, streamed)
				r := sheetRow(t, f, ScorecardSheet, "CIC05")
				at := cell(headerCol(t, f, "Mar-25"), r)
				if got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true}); got != "0.099" {
					t.Errorf("CIC05 Mar-25 (%s) = %q, want 0.099", at, got)
				}
				dot, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "DoT"), r))
				if dot != "↓ improved" {
					t.Errorf("CIC05's DoT %q, want improved on 2023/24's 11.2%%", dot)
				}
				if tt.note != "" && !hasComment(f, ScorecardSheet, at, tt.note) {
					t.Errorf("CIC05 Mar-25 (%s): no note saying %q", at, tt.note)
				}
				if tt.note == "" && hasComment(f, ScorecardSheet, at, "Check this figure") {
					t.Errorf("CIC05 Mar-25 (%s): a note of a disagreement, where none is due", at)
				}
			})
		}
	}
}
