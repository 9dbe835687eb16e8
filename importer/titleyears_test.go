package importer

import (
	"fmt"
	"slices"
	"testing"
)

// TestTitleYearsOverYearHeadings: an education sheet titled
// "(academic years)" with columns 2021/22 to 2023/24 was filed under
// financial years, silently (QA30 finding 6), and its indicators were
// then "missing" in every quarterly brief. The title's kind of year
// reads headings naming none, said once at the title cell; a heading
// naming another kind than the title keeps its own and is warned; a
// title naming no kind, or two, changes nothing.
func TestTitleYearsOverYearHeadings(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "2021/22", "2022/23", "2023/24", "Target 2024/25"}
	rows := [][]any{
		{"ED01", "Pupils meeting the expected standard in reading, writing and maths at KS2 (%)", "H", 66.0, 68.0, 67.0, 70.0},
		{"ED02", "Pupils persistently absent (%)", "L", 24.1, 22.0, 20.3, 18.0},
	}
	southwark := "Kent County Council - Education Performance Scorecard (academic years)"
	tests := []struct {
		name       string
		above      [][]any
		head       []any
		want       string // ED02's figures
		wantTarget string // ED02's target's year
		warned     map[string][]string
		quiet      []string
	}{
		{"the title says academic years", [][]any{{southwark}, {"Published annually"}, {}}, head,
			"[2021/22AY=24.1 2022/23AY=22 2023/24AY=20.3]", "2024/25AY",
			map[string][]string{"A1": {"says the sheet's years are academic years", `D4 "2021/22"`, `G4 "Target 2024/25"`, "read as academic years, not financial"}},
			[]string{"D4", "E4", "F4"}},
		{"the sheet's name says AY", nil, head,
			"[2021/22AY=24.1 2022/23AY=22 2023/24AY=20.3]", "2024/25AY",
			map[string][]string{"A1": {"the sheet's name", "read as academic years"}}, nil},
		{"a heading says financial under an academic title", [][]any{{southwark}, {}}, []any{"Ref", "Indicator", "Polarity", "2021/22", "2022/23", "FY 2023/24"},
			"[2021/22AY=24.1 2022/23AY=22 2023/24=20.3]", "",
			map[string][]string{
				"A1": {`D3 "2021/22"`, `E3 "2022/23"`},
				"F3": {`column "FY 2023/24"`, "its heading says financial year", `A1 "Kent County Council - Education Performance Scorecard (academic years)" says the sheet's years are academic years`, "head it 2023/24 AY"},
			}, nil},
		{"a heading says academic under a financial title", [][]any{{"Social care scorecard (financial years)"}, {}}, []any{"Ref", "Indicator", "Polarity", "2021/22", "2022/23", "2023/24 AY"},
			"[2021/22=24.1 2022/23=22 2023/24AY=20.3]", "",
			map[string][]string{"F3": {"its heading says academic year", "says the sheet's years are financial years"}},
			[]string{"A1", "D3", "E3"}},
		{"no title", nil, head,
			"[2021/22=24.1 2022/23=22 2023/24=20.3]", "2024/25", nil, []string{"A1", "D1"}},
		{"a title naming both kinds", [][]any{{"Scorecard: financial and academic years"}, {}}, head,
			"[2021/22=24.1 2022/23=22 2023/24=20.3]", "2024/25", nil, []string{"A1", "D3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := make([][]any, len(rows))
			for i, r := range rows {
				rs[i] = r[:len(tt.head)]
			}
			name := "Education"
			if tt.name == "the sheet's name says AY" {
				name = "Education AY"
			}
			sheet := guessSheet{name, tt.above, tt.head, rs}
			got, res := sheet.read(t, "ED02")
			if fmt.Sprint(got) != tt.want {
				t.Errorf("ED02's figures %v, want %s", got, tt.want)
			}
			if tt.wantTarget != "" {
				var years []string
				for _, tg := range res.Dataset.Targets {
					if tg.Ref == "ED02" {
						years = append(years, tg.Year.String())
					}
				}
				if !slices.Contains(years, tt.wantTarget) {
					t.Errorf("ED02's targets for %v, want %s", years, tt.wantTarget)
				}
			}
			checkWarned(t, res, name, tt.warned)
			for _, cell := range tt.quiet {
				for _, w := range warnedAt(res, name, cell) {
					t.Errorf("warned at %s %q, want nothing", cell, w)
				}
			}
		})
	}
}
