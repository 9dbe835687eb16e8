package importer

import (
	"testing"
)

// TestRowNamesItsKindOfYear: "Number of referrals (calendar year)"
// under plain years 2022..2024, on a sheet saying nothing of the kind of
// year, was filed as the financial years 2021/22..2023/24 (QA21 M1). A
// row's own words decide its kind of year, said at its name; rows that
// say nothing keep the sheet's, and a name naming two kinds leaves its
// plain-year figures unread.
func TestRowNamesItsKindOfYear(t *testing.T) {
	tests := []struct {
		name   string
		sheet  string
		above  [][]any
		head   []any // after Ref, Indicator, Polarity; 2022, 2023, 2024 if nil
		rows   [][]any
		want   map[string]string // by ref, its figures
		warned map[string][]string
		quiet  []string // cells with no warning
	}{
		{"a calendar row on a sheet saying nothing", "Scorecard", nil, nil, [][]any{
			{"YK01", "Number of referrals (calendar year)", "-", 5000, 5100, 5200},
			{"YK02", "Number of children looked after at 31 March", "-", 1300, 1350, 1380},
		}, map[string]string{
			"YK01": "[2022=5000 2023=5100 2024=5200]",
			"YK02": "[2021/22=1300 2022/23=1350 2023/24=1380]",
		}, map[string][]string{
			"B2": {"YK01: figures under plain years (columns D to F, 2022 to 2024) read as calendar years, 2022 to 2024, not as financial years",
				`its name "Number of referrals (calendar year)" says calendar years`, "a row's own words decide its kind of year"},
		}, []string{"B3"}},
		{"a financial row on an academic sheet", "Scorecard", [][]any{{"Outcomes by academic year"}}, nil, [][]any{
			{"YK01", "Spend per child (financial year)", "-", 5000, 5100, 5200},
			{"YK02", "Key stage 4 attainment 8", "H", 46, 47, 48},
		}, map[string]string{
			"YK01": "[2021/22=5000 2022/23=5100 2023/24=5200]",
			"YK02": "[2021/22AY=46 2022/23AY=47 2023/24AY=48]",
		}, map[string][]string{
			"B3": {"read as financial years, 2021/22 to 2023/24, not as academic years", `"Spend per child (financial year)" says financial years`},
			// Its only warning is its unit's, a score (nameunits.go).
			"B4": {`YK02: no Unit column states its unit, and the word "attainment 8" in its name`},
		}, nil},
		{"an academic row on a calendar sheet", "Calendar years", nil, nil, [][]any{
			{"YK01", "Persistent absence (academic years)", "L", 20, 21, 22},
		}, map[string]string{
			"YK01": "[2021/22AY=20 2022/23AY=21 2023/24AY=22]",
		}, map[string][]string{
			"B2": {"read as academic years, 2021/22 AY to 2023/24 AY, not as calendar years", "says academic years"},
		}, nil},
		{"a row agreeing with the sheet", "Scorecard", [][]any{{"Calendar year figures"}}, nil, [][]any{
			// Named as a count: "Adoptions ..." alone is a count guessed,
			// said at B3 (nameunits.go).
			{"YK01", "Number of adoptions in the calendar year", "-", 80, 85, 90},
		}, map[string]string{"YK01": "[2022=80 2023=85 2024=90]"}, nil, []string{"B3"}},
		{"a name naming two kinds", "Scorecard", nil, nil, [][]any{
			{"YK01", "Adoptions (calendar year; financial year from 2024)", "-", 80, 85, 90},
			{"YK02", "Number of children looked after at 31 March", "-", 1300, 1350, 1380},
		}, map[string]string{
			"YK01": "[]",
			"YK02": "[2021/22=1300 2022/23=1350 2023/24=1380]",
		}, map[string][]string{
			"B2": {"YK01: figures under plain years (columns D to F) not read", "names calendar years and financial years", "name one kind of year"},
		}, nil},
		{"a calendar year not ended by the latest month", "Scorecard", nil, []any{2023, 2024, 2025, "Jan-25", "Feb-25", "Mar-25"}, [][]any{
			{"YK01", "Number of referrals (calendar year)", "-", 5100, 5200, 1300, 400, 420, 480},
			{"YK02", "Number of children looked after at 31 March", "-", 1350, 1380, 1400, 1390, 1395, 1400},
		}, map[string]string{
			"YK01": "[2023=5100 2024=5200 2025-01=400 2025-02=420 2025-03=480]",
			"YK02": "[2022/23=1350 2023/24=1380 2024/25=1400 2025-01=1390 2025-02=1395 2025-03=1400]",
		}, map[string][]string{
			"B2": {"YK01: figure under plain year 2025 (column F) not read", "2025 would end after Mar-25, the sheet's latest month"},
		}, nil},
		// A table of calendar years below another table, whose row's
		// Data period "AY" (C1) is no title of this one: its caption is.
		{"a caption below another table's row", "Scorecard", [][]any{
			{"LS11", "Good level of development (%)", "AY", 65, 66, 67},
			{"Calendar year measures"},
		}, nil, [][]any{
			{"YK01", "Number of private fostering notifications", "-", 41, 38, 45},
		}, map[string]string{
			"YK01": "[2022=41 2023=38 2024=45]",
		}, map[string][]string{
			"D3": {`read as calendar years (2022 to 2024), as the title A2 "Calendar year measures" says calendar years`},
		}, nil},
		// A Data period naming the kind of year, on each row, was left
		// blank (not a code the importer knew) and the calendar years
		// filed as financial ones, nine months off.
		{"a Calendar year Data period", "Scorecard", nil, []any{"Data period", 2022, 2023, 2024}, [][]any{
			{"YK01", "Number of children in care", "-", "Calendar year", 545, 560, 571},
			{"YK02", "Number of referrals", "-", "", 5000, 5100, 5200},
			{"YK03", "Number of pupils permanently excluded", "-", "School year", 12, 15, 11},
			{"YK04", "Number of care leavers", "-", "FY", 300, 310, 320},
		}, map[string]string{
			"YK01": "[2022=545 2023=560 2024=571]",
			"YK02": "[2021/22=5000 2022/23=5100 2023/24=5200]",
			"YK03": "[2021/22AY=12 2022/23AY=15 2023/24AY=11]",
			"YK04": "[2021/22=300 2022/23=310 2023/24=320]",
		}, map[string][]string{
			"D2": {"YK01: figures under plain years (columns E to G, 2022 to 2024) read as calendar years, 2022 to 2024, not as financial years",
				`its data period "Calendar year" says calendar years`},
		}, []string{"D3", "D5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := tt.head
			if head == nil {
				head = []any{2022, 2023, 2024}
			}
			sheet := guessSheet{tt.sheet, tt.above, append([]any{"Ref", "Indicator", "Polarity"}, head...), tt.rows}
			sheet.check(t, tt.want, tt.warned, tt.quiet)
		})
	}
}
