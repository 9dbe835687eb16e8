package importer

import (
	"fmt"
	"testing"
)

// TestPlainYearsBesideMonths: "Jan-25 | Feb-25 | Mar-25 | 2025 | 2026"
// (targets) stored 2024/25 = 1250 and 2025/26 = 1200 as figures beside
// Mar-25 (QA21 M2). A run of plain years with one ending after the
// sheet's latest month, and plain years under a Target caption, are
// refused at their headings; past years before the months are read, said
// to be taken for outturns. With no months, the title's month bounds
// them the same way.
func TestPlainYearsBesideMonths(t *testing.T) {
	tests := []struct {
		name   string
		above  [][]any
		head   []any // after Ref, Indicator, Polarity
		want   []string
		warned map[string][]string
	}{
		{"years after the months", nil, []any{"Jan-25", "Feb-25", "Mar-25", 2025, 2026},
			[]string{"2025-01=1", "2025-02=2", "2025-03=3"},
			map[string][]string{
				"G1": {`column G "2025" not read`, "plain years beside month columns", `column H "2026", read as 2025/26, would end after Mar-25 (column F), the sheet's latest month`, "head a target Target 2025/26"},
				"H1": {`column H "2026" not read`, "would end after Mar-25"},
			}},
		{"calendar years after the months", [][]any{{"Calendar year scorecard"}}, []any{2024, 2025, "Jan-25", "Feb-25"},
			[]string{"2025-01=3", "2025-02=4"},
			map[string][]string{"D2": {`column D "2024" not read`, `column E "2025", read as 2025, would end after Feb-25 (column G)`}}},
		{"past years before the months", nil, []any{2023, 2024, "Jan-25", "Feb-25", "Mar-25"},
			[]string{"2022/23=1", "2023/24=2", "2025-01=3", "2025-02=4", "2025-03=5"},
			map[string][]string{"D1": {"read as financial years", "beside month columns (the latest Mar-25, column H) they are taken for years' outturns", "head them Target 2024/25"}}},
		{"under a Target caption", [][]any{{nil, nil, nil, nil, nil, "Targets", "Targets"}}, []any{2023, 2024, 2025, 2026},
			[]string{"2022/23=1", "2023/24=2"},
			map[string][]string{
				"D2": {"columns D to E headed by plain years (2023 to 2024) read as financial years"},
				"F2": {`column F "2025" not read`, `a plain year under "Targets" at F1 gives a target, not the year's figure`, "head it Target 2024/25"},
				"G2": {`column G "2026" not read`, `under "Targets" at G1`},
			}},
		// No months, but a title dating the report: a year not ended
		// by it cannot have a figure (filed 2024/25 in a December 2024
		// report, before the year had ended).
		{"years beyond the title's month", [][]any{{"Kent Scorecard - December 2024"}}, []any{2022, 2023, 2024, 2025},
			nil,
			map[string][]string{"G2": {`column G "2025" not read`, "plain years in a report dated by its month", `read as 2024/25, would end after Dec-24, the report's date as the title "Kent Scorecard - December 2024" at A1 gives it`}}},
		{"years up to the title's month", [][]any{{"Kent Scorecard - June 2025"}}, []any{2023, 2024, 2025},
			[]string{"2022/23=1", "2023/24=2", "2024/25=3"},
			map[string][]string{"D2": {"read as financial years"}}},
		{"under an Ambition caption beside months", [][]any{{nil, nil, nil, nil, nil, nil, "Ambition", "Ambition"}}, []any{"Jan-25", "Feb-25", "Mar-25", 2025, 2026},
			[]string{"2025-01=1", "2025-02=2", "2025-03=3"},
			map[string][]string{"G2": {`column G "2025" not read`, `under "Ambition" at G1`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity"}, tt.head...)
			row := []any{"YM01", "Number of children looked after", "-"}
			for i := range tt.head {
				row = append(row, i+1)
			}
			got, res := guessSheet{"Scorecard", tt.above, head, [][]any{row}}.read(t, "YM01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("YM01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, "Scorecard", tt.warned)
		})
	}
}
