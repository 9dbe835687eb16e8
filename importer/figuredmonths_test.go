package importer

import "testing"

// TestFiguredMonthHeadings: months headed "202404" (a warehouse's
// YYYYMM key), "04/24" (MM/YY) or "01-Apr-24" (dd-mmm-yy saved as text)
// were each "not one the importer knows", and the scorecard imported no
// figures, while "30/04/2024" was read (QA27b 8); "Oct-24*" was not read
// for its footnote's mark (QA27b 9). YYYYMM and MM/YY are read only in a
// row of such headings running a month apart, said once at the first;
// alone, out of turn, or a year ("11/12"), each is refused at its
// heading saying how to head it; a named month's first or last day is
// its month, and a day within it refused.
func TestFiguredMonthHeadings(t *testing.T) {
	cla := func(vs ...any) [][]any {
		return [][]any{append([]any{"CLA", "Number of children looked after", "-"}, vs...)}
	}
	tests := []struct {
		name   string
		head   []any // after Ref, Indicator, Polarity
		rows   [][]any
		want   string // CLA's figures
		warned map[string][]string
		quiet  []string // cells with no warning
	}{
		{"YYYYMM as text", []any{"202403", "202404", "202405"}, cla(1470, 1480, 1492),
			"[2024-03=1470 2024-04=1480 2024-05=1492]", map[string][]string{
				"D1": {`columns D to F, headed "202403" to "202405", read as Mar-24 to May-24, months written year then month (YYYYMM), as every such heading in the row is one and they run a month apart`},
			}, []string{"E1", "F1"}},
		{"YYYYMM as numbers, latest first", []any{202505, 202504, 202503}, cla(1570, 1562, 1550),
			"[2025-03=1550 2025-04=1562 2025-05=1570]", map[string][]string{
				"D1": {`headed "202505" to "202503", read as May-25 to Mar-25, months written year then month (YYYYMM)`},
			}, []string{"E1", "F1"}},
		{"YYYYMM alone", []any{"202404"}, cla(1480), "[]", map[string][]string{
			"D1": {`column D "202404" not read: "202404" could be Apr-24 written year then month (YYYYMM), but is read so only in a row of such headings that run a month apart: head it Apr-24`},
		}, nil},
		{"MM/YY across a year's turn", []any{"11/24", "12/24", "01/25", "2/25"}, cla(1530, 1528, 1541, 1550),
			"[2024-11=1530 2024-12=1528 2025-01=1541 2025-02=1550]", map[string][]string{
				"D1": {`columns D to G, headed "11/24" to "2/25", read as Nov-24 to Feb-25, months written month/year (MM/YY), as every such heading in the row is one and they run a month apart`},
			}, []string{"E1", "F1", "G1"}},
		// "11/12" alone is the year 2011/12; among months it is Nov-12.
		{"MM/YY with a heading that is also a year", []any{"10/12", "11/12", "12/12"}, cla(1, 2, 3),
			"[2012-10=1 2012-11=2 2012-12=3]", map[string][]string{
				"D1": {`read as Oct-12 to Dec-12, months written month/year (MM/YY)`, `("11/12" is not the year 2011/12)`},
			}, []string{"E1", "F1"}},
		{"MM/YY not a month apart", []any{"04/24", "06/24"}, cla(1480, 1499), "[]", map[string][]string{
			"D1": {`column D "04/24" not read: "04/24" could be Apr-24 written month/year (MM/YY), but is read so only in a row where every heading so written is a month and they run a month apart: head it Apr-24 or 04/2024`},
			"E1": {`"06/24" could be Jun-24 written month/year`},
		}, nil},
		{"years written short", []any{"11/12", "12/13"}, cla(1, 2), "[]", map[string][]string{
			"D1": {`"11/12" could be the year 2011/12 or Nov-12 written month/year (MM/YY)`, "head a year such as 2011/12, a month such as Nov-12 or 11/2012"},
		}, nil},
		// A year written short where it can be no month (24 is none)
		// beside MM/YY months: last year's outturn is read and said;
		// the months' own year, not ended by the latest of them, may
		// be a year to date, a forecast or a target, and is refused.
		// Both had left every month refused (QA27b).
		{"last year written short beside MM/YY months", []any{"24/25", "04/25", "05/25", "06/25"}, cla(1450, 1480, 1492, 1500),
			"[2024/25=1450 2025-04=1480 2025-05=1492 2025-06=1500]", map[string][]string{
				"D1": {`column D "24/25" read as the year 2024/25, its outturn, not a month written month/year (MM/YY) as the months beside it are: 24 is no month, and the year ended by Jun-25, the latest month beside it`},
				"E1": {`columns E to G, headed "04/25" to "06/25", read as Apr-25 to Jun-25, months written month/year (MM/YY)`},
			}, []string{"F1", "G1"}},
		{"the months' own year written short is refused", []any{"04/25", "05/25", "25/26"}, cla(1480, 1492, 1450),
			"[2025-04=1480 2025-05=1492]", map[string][]string{
				"D1": {`columns D to E, headed "04/25" to "05/25", read as Apr-25 to May-25`},
				"F1": {`column F "25/26" not read: "25/26" is the year 2025/26 (25 being no month), which ends after May-25, the latest month beside it: its figure could be a year to date, a forecast or a target, which its heading does not tell apart; head it Target 2025/26 if it is the year's target`},
			}, []string{"E1"}},
		{"a month's first day, dd-mmm-yy", []any{"01-Apr-24", "01-May-24", "1 June 2024"}, cla(1480, 1492, 1501),
			"[2024-04=1480 2024-05=1492 2024-06=1501]", map[string][]string{
				"D1": {`columns D to F, headed "01-Apr-24" to "1 June 2024", read as Apr-24 to Jun-24, the months whose first or last day each names`},
			}, []string{"E1", "F1"}},
		{"a month's last day, and a day within one", []any{"30-Apr-24", "15-May-24"}, cla(1480, 1492),
			"[2024-04=1480]", map[string][]string{
				"D1": {`column D "30-Apr-24" read as Apr-24, the month whose first or last day it names`},
				"E1": {`column E "15-May-24" not read: "15-May-24" is a day, not a month's first or last day: head the column by its month, such as May-24`},
			}, nil},
		{"a month marked for a footnote", []any{"Sep-24", "Oct-24*", "Nov-24 (1)"}, cla(1523, 1530, 1528),
			"[2024-09=1523 2024-10=1530 2024-11=1528]", map[string][]string{
				"E1": {`column E "Oct-24*" read as Oct-24, its footnote's mark "*" set aside: the note it marks is not read; check it does not qualify the column's figures`},
				"F1": {`column F "Nov-24 (1)" read as Nov-24, its footnote's mark "(1)" set aside`},
			}, []string{"D1"}},
		// A heading broken over two lines carries no mark (QA probe 6:
		// each was said to have its mark "" set aside).
		{"months on two lines", []any{"Sep\n2024", "Oct\n2024"}, cla(1523, 1530),
			"[2024-09=1523 2024-10=1530]", nil, []string{"D1", "E1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := guessSheet{"Scorecard", nil, append([]any{"Ref", "Indicator", "Polarity"}, tt.head...), tt.rows}
			sheet.check(t, map[string]string{"CLA": tt.want}, tt.warned, tt.quiet)
		})
	}
}
