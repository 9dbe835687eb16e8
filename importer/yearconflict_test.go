package importer

import (
	"context"
	"fmt"
	"testing"

	"scorecard/app"
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
			sheet.check(t, tt.want, tt.warned, tt.quiet)
		})
	}
}

// TestAcademicTargetHeading: an academic-year indicator's "Target
// 2024/25" was read as 2024/25 AY with no warning, where its figures'
// years were said (QA23b L6). The reading is said once, at the row's
// first target cell, whether the row or the store says it runs by
// academic year; a financial row's target is not.
func TestAcademicTargetHeading(t *testing.T) {
	tests := []struct {
		name   string
		head   []any // after Ref, Indicator, Polarity
		row    []any
		stored bool // the store defines the ref as academic
		want   string
		warned map[string][]string
		quiet  []string
	}{
		{"the row says academic", []any{"Year type", "Target 2024/25", "Floor 2024/25", "2023/24", "2024/25"},
			[]any{"CAM03", "Key stage 4 attainment 8 of children in care", "H", "Academic", 25, 20, 26, 19}, false,
			"2024/25AY target 25 floor 20", map[string][]string{
				"E2": {`CAM03 runs by academic year: its target for 2024/25 (column E "Target 2024/25") read as for the academic year 2024/25 AY, as are its other targets' years not said to be academic`},
			}, []string{"F2"}},
		{"the store says academic", []any{"Target 2024/25", "2023/24", "2024/25"},
			[]any{"CAM03", "Key stage 4 attainment 8 of children in care", "H", 25, 26, 19}, true,
			"2024/25AY target 25 floor -", map[string][]string{
				"A2": {"CAM03 runs by academic year, as the store holds it: its target for 2024/25 read as for the academic year 2024/25 AY"},
			}, []string{"D2"}},
		// Its figures under "FY" headings are refused; its target under
		// one was read as the academic year (QA24a D7): refused alike.
		{"the row says academic, the heading financial", []any{"Year type", "Target FY 2025/26", "FY 2022/23", "FY 2023/24"},
			[]any{"CAM03", "Key stage 4 attainment 8 of children in care", "H", "Academic", 25, 30, 28}, false,
			"", map[string][]string{
				"E2": {`CAM03: target under "Target FY 2025/26" not read: its heading says financial year but CAM03 runs by academic year, and which is meant cannot be told`, `"Target 2025/26 AY"`},
				"F2": {"CAM03: figures under financial year headings", "not read"},
			}, nil},
		{"a financial row", []any{"Year type", "Target 2024/25", "2023/24", "2024/25"},
			[]any{"CAM02", "Care leavers in education, employment or training (%)", "H", "Financial", 60, 57, 54}, false,
			"2024/25 target 60 floor -", nil, []string{"A2", "E2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Annual")
			b.row("Annual", "A1", append([]any{"Ref", "Indicator", "Polarity"}, tt.head...)...)
			b.row("Annual", "A2", tt.row...)
			opt := Options{}
			if tt.stored {
				opt.Defined = func(ref string) (app.Indicator, bool) {
					return app.Indicator{Ref: ref, YearType: app.AcademicYear}, ref == "CAM03"
				}
			}
			res, err := Read(context.Background(), b.save("annual.xlsx"), opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tg := range res.Dataset.Targets {
				got = append(got, fmt.Sprintf("%s target %s floor %s", tg.Year, num(tg.Target), num(tg.Floor)))
			}
			if fmt.Sprint(got) != "["+tt.want+"]" {
				t.Errorf("targets %v, want [%s]", got, tt.want)
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
