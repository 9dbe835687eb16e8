package importer

import (
	"testing"
)

// TestWordedQuarterHeadings: "Quarter 1 2025/26", "Q1 FY25/26" and
// "Q1 (Apr-Jun 25)" were each "not one the importer knows", and the
// file imported its indicator with no figures; "FY 2020/21" refused the
// whole file, and a sheet of "2020/21 outturn" columns was refused with
// no cell named (QA23b D4). Each is read as the form it spells out,
// quarters numbered from April, said once at the first heading; a
// quarter whose number and months disagree, or a year FY leaves
// undecided, is refused at its heading, saying how to head it.
func TestWordedQuarterHeadings(t *testing.T) {
	tests := []struct {
		name   string
		head   []any // after Ref, Indicator, Polarity
		rows   [][]any
		want   map[string]string // by ref, its figures
		warned map[string][]string
		quiet  []string // cells with no warning
	}{
		{"quarter in words", []any{"Quarter 1 2025/26", "Quarter 2 2025/26"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21},
		}, map[string]string{"QH1": "[2025-Q2=20 2025-Q3=21]"}, map[string][]string{
			"D1": {`column D "Quarter 1 2025/26" read as Apr-Jun 2025, quarter 1 of the financial year 2025/26, quarters numbered from April (and 1 more columns like it)`},
		}, []string{"E1"}},
		// Calendar years in words were headings the importer did not
		// know: a Wigan scorecard of them had nothing to import.
		{"calendar years in words", []any{"CY 2022", "Jan-Dec 2023", "January to December 2024", "2025 CY"}, [][]any{
			{"CY1", "Number of children in care", "-", 545, 560, 571, 580},
		}, map[string]string{"CY1": "[2022=545 2023=560 2024=571 2025=580]"}, map[string][]string{
			"D1": {`column D "CY 2022" read as the calendar year 2022, January to December (and 3 more columns like it)`},
		}, []string{"E1", "F1", "G1"}},
		{"quarter after its year", []any{"2025/26 Quarter 3", "2025/26 Quarter 4"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21},
		}, map[string]string{"QH1": "[2025-Q4=20 2026-Q1=21]"}, map[string][]string{
			"D1": {"read as Oct-Dec 2025, quarter 3 of the financial year 2025/26"},
		}, nil},
		{"Q and FY", []any{"Q1 FY25/26", "Q2 FY 2025/26", "FY25/26 Q3"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21, 22},
		}, map[string]string{"QH1": "[2025-Q2=20 2025-Q3=21 2025-Q4=22]"}, map[string][]string{
			"D1": {"read as Apr-Jun 2025, quarter 1 of the financial year 2025/26, FY marking the financial year", "(and 2 more columns like it)"},
		}, []string{"E1", "F1"}},
		{"Q with its months", []any{"Q1 (Apr-Jun 25)", "Q2 (Jul-Sep 25)", "Q4 (Jan - Mar 2026)"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21, 23},
		}, map[string]string{"QH1": "[2025-Q2=20 2025-Q3=21 2026-Q1=23]"}, map[string][]string{
			"D1": {"read as Apr-Jun 2025, its months, which are quarter 1 of the financial year 2025/26 as its number says", "(and 2 more"},
		}, nil},
		// Numbered as the calendar's quarters, the months saying which:
		// each was refused as "disagreeing" (QA24a D8).
		{"Q numbered as the calendar's, with its months", []any{"Q1 (Jan-Mar 25)", "Q2 (Apr-Jun 25)", "Q3 (Jul-Sep 25)"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21, 22},
		}, map[string]string{"QH1": "[2025-Q1=20 2025-Q2=21 2025-Q3=22]"}, map[string][]string{
			"D1": {`column D "Q1 (Jan-Mar 25)" read as Jan-Mar 2025, its months, its number Q1 counting quarters from January as the calendar does (it is quarter 4 of the financial year 2024/25, numbered from April) (and 2 more columns like it)`},
		}, []string{"E1", "F1"}},
		{"Q matching neither numbering", []any{"Q3 (Jan-Mar 25)", "Q2 (Jan-Mar 26)"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21},
		}, map[string]string{"QH1": "[]"}, map[string][]string{
			"D1": {`column D "Q3 (Jan-Mar 25)" not read: its quarter number Q3 and its months, Jan-Mar 2025, disagree: Jan-Mar 2025 is quarter 4 of the financial year 2024/25, numbered from April, and quarter 1 of the calendar year`, "head it Q4 (Jan-Mar 25) or by its months alone, Jan-Mar 2025"},
			"E1": {`column E "Q2 (Jan-Mar 26)" not read: its quarter number Q2`},
		}, nil},
		// One note for both forms left quarters numbered from April
		// unsaid (QA24a D6): each form is said at its first column.
		{"FY years and quarters in words", []any{"FY 2022/23", "FY 2023/24", "Quarter 1 2024/25", "Quarter 2 2024/25"}, [][]any{
			{"DV01", "Re-referrals within 12 months (%)", "L", 20, 21, 22, 23},
		}, map[string]string{"DV01": "[2022/23=20 2023/24=21 2024-Q2=22 2024-Q3=23]"}, map[string][]string{
			"D1": {`column D "FY 2022/23" read as the financial year 2022/23, April 2022 to March 2023 (and 1 more columns like it)`},
			"F1": {`column F "Quarter 1 2024/25" read as Apr-Jun 2024, quarter 1 of the financial year 2024/25, quarters numbered from April (and 1 more columns like it)`},
		}, []string{"E1", "G1"}},
		{"quarter of a plain year", []any{"Quarter 1 2025", "Quarter 2 2025"}, [][]any{
			{"QH1", "Re-referrals within 12 months (%)", "L", 20, 21},
		}, map[string]string{"QH1": "[]"}, map[string][]string{
			"D1": {`"Quarter 1 2025" not read: quarter 1 of 2025 could be the calendar year's (Jan-Mar 2025) or the financial year's`, "such as Q1 2025/26"},
		}, nil},
		// Power BI's date hierarchy numbers its "Qtr" quarters from
		// January and has no financial quarters: both its orders were
		// refused as ambiguous, losing every column (QA27b 8).
		{"Power BI's Qtr before its year", []any{"Qtr 2 2024", "Qtr 3 2024", "Qtr 4 2024", "Qtr 1 2025"}, [][]any{
			{"QQ", "Number of children adopted", "H", 100, 110, 120, 130},
		}, map[string]string{"QQ": "[2024-Q2=100 2024-Q3=110 2024-Q4=120 2025-Q1=130]"}, map[string][]string{
			"D1": {`column D "Qtr 2 2024" read as Apr-Jun 2024, the calendar year's quarter 2, as Power BI numbers its "Qtr" quarters from January; a financial year's is written with the year, e.g. Q2 2024/25 (Jul-Sep 2024) (and 3 more columns like it)`},
		}, []string{"E1", "F1", "G1"}},
		{"Power BI's Qtr after its year", []any{"2024 Qtr 2", "2024 Qtr 3"}, [][]any{
			{"QQ", "Number of children adopted", "H", 100, 110},
		}, map[string]string{"QQ": "[2024-Q2=100 2024-Q3=110]"}, map[string][]string{
			"D1": {`column D "2024 Qtr 2" read as Apr-Jun 2024, the calendar year's quarter 2, as Power BI numbers`, "(and 1 more columns like it)"},
		}, []string{"E1"}},
		{"FY years", []any{"FY 2022/23", "FY2023/24", "FY 24/25"}, [][]any{
			{"YF", "Care leavers in suitable accommodation (%)", "H", 80, 81, 82},
		}, map[string]string{"YF": "[2022/23=80 2023/24=81 2024/25=82]"}, map[string][]string{
			"D1": {`column D "FY 2022/23" read as the financial year 2022/23, April 2022 to March 2023 (and 2 more columns like it)`},
		}, []string{"E1", "F1"}},
		{"FY with a plain year", []any{"FY 2024", "FY 2025"}, [][]any{
			{"YF1", "Care leavers in suitable accommodation (%)", "H", 80, 81},
		}, map[string]string{"YF1": "[]"}, map[string][]string{
			"D1": {`"FY 2024" does not say which financial year: the year to March 2024 (2023/24) or the year from April 2024 (2024/25)`},
		}, nil},
		{"outturn years", []any{"2022/23 outturn", "2023/24 outturn", "2024/25 outturn"}, [][]any{
			{"YF", "Care leavers in suitable accommodation (%)", "H", 80, 81, 82},
		}, map[string]string{"YF": "[2022/23=80 2023/24=81 2024/25=82]"}, map[string][]string{
			"D1": {`columns D to F, headed "2022/23 outturn" to "2024/25 outturn", read as the years' own figures, 2022/23 to 2024/25, as the sheet has no month, quarter or year columns`},
		}, []string{"E1", "F1"}},
		{"an outturn beside months stays last year's", []any{"2024/25 outturn", "Mar-25", "Apr-25"}, [][]any{
			{"YF1", "Care leavers in suitable accommodation (%)", "H", 80, 81, 82},
		}, map[string]string{"YF1": "[2025-03=81 2025-04=82]"}, nil, []string{"D1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := guessSheet{"Scorecard", nil, append([]any{"Ref", "Indicator", "Polarity"}, tt.head...), tt.rows}
			sheet.check(t, tt.want, tt.warned, tt.quiet)
		})
	}
}
