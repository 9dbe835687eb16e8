package importer

import (
	"fmt"
	"testing"
)

// TestHeadingYearKindAgainstRow: columns headed "AY 2020/21" filed a
// row whose Year type says Financial as academic years with no warning
// (QA23b D5), while the indicator stayed financial. A heading and a row
// naming different kinds of year leave the row's figures under it
// unread, said at the first with both; rows agreeing, or saying no kind,
// read as before, and a plain "2020/21" is still the row's own kind.
func TestHeadingYearKindAgainstRow(t *testing.T) {
	tests := []struct {
		name   string
		head   []any // after Ref, Indicator, Polarity, Year type
		rows   [][]any
		want   map[string]string // by ref, its figures
		warned map[string][]string
		quiet  []string
	}{
		{"AY headings, a financial row", []any{"AY 2022/23", "AY 2023/24", "AY 2024/25"}, [][]any{
			{"YF", "Care leavers in suitable accommodation (%)", "H", "Financial", 80, 81, 82},
			{"YA", "Key stage 2 expected standard, children in care (%)", "H", "Academic", 30, 31, 32},
			{"YN", "Persistent absence, children in care (%)", "L", nil, 20, 21, 22},
		}, map[string]string{
			"YF": "[]",
			"YA": "[2022/23AY=30 2023/24AY=31 2024/25AY=32]",
			"YN": "[2022/23AY=20 2023/24AY=21 2024/25AY=22]",
		}, map[string][]string{
			"E2": {"YF: figures under academic year headings (columns E to G, 2022/23 AY to 2024/25 AY) not read",
				"their headings say academic years but its year type at D2 says it runs by financial year",
				"set its year type to Academic if they are school years, or head its columns with financial years, such as 2022/23"},
		}, []string{"E3", "E4"}},
		{"FY headings, an academic row", []any{"FY 2022/23", "FY 2023/24"}, [][]any{
			{"YA", "Key stage 2 expected standard, children in care (%)", "H", "Academic", 30, 31},
			{"YF", "Care leavers in suitable accommodation (%)", "H", "Financial", 80, 81},
		}, map[string]string{
			"YA": "[]",
			"YF": "[2022/23=80 2023/24=81]",
		}, map[string][]string{
			"E2": {"YA: figures under financial year headings (columns E to F, 2022/23 to 2023/24) not read",
				"its year type at D2 says it runs by academic year", "head its columns with academic years, such as 2022/23 AY"},
		}, []string{"E3"}},
		{"plain years, an academic row", []any{"2022/23", "2023/24"}, [][]any{
			{"YA", "Key stage 2 expected standard, children in care (%)", "H", "Academic", 30, 31},
		}, map[string]string{
			"YA": "[2022/23AY=30 2023/24AY=31]",
		}, map[string][]string{
			"E2": {"YA runs by academic year: its figure for 2022/23 read as the academic year 2022/23 AY"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := guessSheet{"Annual", nil, append([]any{"Ref", "Indicator", "Polarity", "Year type"}, tt.head...), tt.rows}
			var res *Result
			for ref, want := range tt.want {
				var got []string
				got, res = sheet.read(t, ref)
				if fmt.Sprint(got) != want {
					t.Errorf("%s's figures %v, want %s", ref, got, want)
				}
			}
			checkWarned(t, res, "Annual", tt.warned)
			for _, cell := range tt.quiet {
				if w := warnedAt(res, "Annual", cell); len(w) > 0 {
					t.Errorf("warned at %s %q, want nothing", cell, w)
				}
			}
		})
	}
}
