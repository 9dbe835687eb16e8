package importer

import (
	"fmt"
	"testing"
)

// TestMarkedPlainYears: "2025 (provisional)" and "2025 YTD" beside plain
// years were "not one the importer knows" (QA21 y11, y12), where "Jun-25
// (provisional)" was read. A provisional or revised year is read as the
// plain year, said at its heading; a year to date only for an indicator
// whose data period is YTD, as a "YTD to Mar-25" column is, and refused
// at its heading for the others; a marked year another column heads too
// is refused.
func TestMarkedPlainYears(t *testing.T) {
	tests := []struct {
		name   string
		dp     string // the row's Data period
		years  []any
		want   []string
		warned map[string][]string
	}{
		{"provisional", "", []any{2022, 2023, 2024, "2025 (provisional)"},
			[]string{"2021/22=1", "2022/23=2", "2023/24=3", "2024/25=4"},
			map[string][]string{
				"E1": {"columns E to H headed by plain years (2022 to 2025) read as financial years"},
				"H1": {`column H "2025 (provisional)" read as 2024/25's provisional figures`, "they may be revised"},
			}},
		{"other marks", "", []any{"2023 (P)", "2024 rev", "2025 Prov."},
			[]string{"2022/23=1", "2023/24=2", "2024/25=3"},
			map[string][]string{"F1": {`column F "2024 rev" read as 2023/24's revised figures`}}},
		{"year to date of a YTD indicator", "YTD", []any{2022, 2023, 2024, "2025 YTD"},
			[]string{"2021/22=1", "2022/23=2", "2023/24=3", "2024/25=4"},
			map[string][]string{"H1": {`column H "2025 YTD" read as 2024/25`, "year-to-date figures within 2024/25", "not the whole year's own figures"}}},
		{"year to date of an indicator with no data period", "", []any{2022, 2023, 2024, "YTD 2025"},
			[]string{"2021/22=1", "2022/23=2", "2023/24=3"},
			map[string][]string{"H1": {`column H "YTD 2025" not read for YM01 (row 2, data period none given)`, "year-to-date figures to 2024/25", "give the data period YTD"}}},
		{"year to date of an annual indicator", "A", []any{2023, 2024, "2025 (year to date)"},
			[]string{"2022/23=1", "2023/24=2"},
			map[string][]string{"G1": {`not read for YM01 (row 2, data period A)`}}},
		{"a revised year beside its plain one", "", []any{2024, 2025, "2025 (revised)"},
			[]string{"2023/24=1", "2024/25=2"},
			map[string][]string{"G1": {`column G "2025 (revised)" not read`, `2025 heads column F "2025" too`, "2024/25 (revised)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity", "Data period"}, tt.years...)
			row := []any{"YM01", "Number of referrals", "-", tt.dp}
			for i := range tt.years {
				row = append(row, i+1)
			}
			got, res := guessSheet{"Scorecard", nil, head, [][]any{row}}.read(t, "YM01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("YM01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, "Scorecard", tt.warned)
		})
	}
}
