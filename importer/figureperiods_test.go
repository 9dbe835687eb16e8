package importer

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestFigurePeriodWarnings: a quarterly or annual measure's figures in a
// monthly scorecard's columns are stored as the months they stand in,
// and the import says how they will be analysed, once, at the cell that
// decides it (QA23b D6, D10): an annual measure's figures all in March
// (August for an academic year) as the years they end; a figure in a
// month that ends no quarter or year leaves them months, said at that
// figure with the months to give them in. Quarterly figures all at
// quarter ends are analysed as quarters, as always, with nothing said.
func TestFigurePeriodWarnings(t *testing.T) {
	mar23 := app.MonthOf(2023, 3)
	var months []any
	for i := range 32 { // Mar-23 to Oct-25
		months = append(months, mar23.Add(i).Label())
	}
	col := func(m app.Period) int { return 4 + m.Index() - mar23.Index() } // Mar-23 in E
	at := func(y, m int) app.Period { return app.MonthOf(y, 3).Add(m - 3) }
	for _, tc := range []struct {
		name    string
		dp, yt  string
		figures map[app.Period]float64
		warn    string // the warning on row 3, "" for none
		cell    app.Period
	}{
		{"annual in March", "A", "", map[app.Period]float64{at(2023, 3): 80, at(2024, 3): 85, at(2025, 3): 70},
			"LAN06: Data period A, and its figures stand in March: each is analysed as the financial year it ends (2022/23 to 2024/25), compared with the year before", at(2023, 3)},
		{"one annual figure in March", "A", "", map[app.Period]float64{at(2025, 3): 70},
			"LAN06: Data period A, and its figures stand in March: each is analysed as the financial year it ends (2024/25), compared with the year before", at(2025, 3)},
		{"academic years in August", "A", "Academic", map[app.Period]float64{at(2023, 8): 80, at(2024, 8): 85, at(2025, 8): 70},
			"LAN06: Data period A, and its figures stand in August: each is analysed as the academic year it ends (2022/23 AY to 2024/25 AY), compared with the year before", at(2023, 8)},
		{"annual, one in September", "A", "", map[app.Period]float64{at(2023, 3): 80, at(2024, 3): 85, at(2024, 9): 83, at(2025, 3): 70},
			"LAN06: Data period A, but the figure for Sep-24 stands in a month that ends no financial year: its figures are analysed as months, not years, none compared with the year before; " +
				"to have them analysed as years, give each year's figure in the column of the month it ends (March)", at(2024, 9)},
		{"quarterly in the quarters' first months", "Q", "", map[app.Period]float64{at(2024, 4): 70, at(2024, 7): 72, at(2024, 10): 68, at(2025, 1): 74, at(2025, 4): 75, at(2025, 7): 77, at(2025, 10): 60},
			"LAN06: Data period Q, but the figure for Apr-24 stands in a month that ends no quarter: its figures are analysed as months, not quarters, none compared with the quarter before; " +
				"to have them analysed as quarters, give each quarter's figure in the column of the month it ends (Jun, Sep, Dec or Mar)", at(2024, 4)},
		{"quarterly at quarter ends", "Q", "", map[app.Period]float64{at(2024, 6): 70, at(2024, 9): 72, at(2024, 12): 68}, "", app.Period{}},
		{"monthly snapshot in March", "MS", "", map[app.Period]float64{at(2024, 3): 85, at(2025, 3): 70}, "", app.Period{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity", "Data period"}, months...)
			lan01 := []any{"LAN01", "Number of children looked after", "-", "MS"}
			lan06 := []any{"LAN06", "Care leavers in suitable accommodation (%)", "H", tc.dp}
			yearCol := 0
			if tc.yt != "" {
				head = slices.Insert(head, 4, any("Year type"))
				lan01, lan06 = append(lan01, ""), append(lan06, tc.yt)
				yearCol = 1
			}
			for i := range months {
				lan01 = append(lan01, 2100+i)
				if v, ok := tc.figures[mar23.Add(i)]; ok {
					lan06 = append(lan06, v)
				} else {
					lan06 = append(lan06, nil)
				}
			}
			res, err := Read(t.Context(), writeBook(t, "Scorecard", [][]any{head, lan01, lan06}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[app.Period]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Ref == "LAN06" && o.Value != nil {
					got[o.Period] = *o.Value
				}
			}
			if len(got) != len(tc.figures) {
				t.Errorf("stored %v, want %v", got, tc.figures)
			}
			for p, v := range tc.figures {
				if got[p] != v {
					t.Errorf("%s: stored %v, want %v as the month it stands in", p.Label(), got[p], v)
				}
			}
			var said []string
			for _, w := range res.Warnings {
				if s := w.String(); strings.Contains(s, "Scorecard!") && strings.Contains(s, "Data period") {
					said = append(said, s)
				}
			}
			var want []string
			if tc.warn != "" {
				want = []string{"book.xlsx: Scorecard!" + cellName(2, col(tc.cell)+yearCol) + ": " + tc.warn}
			}
			if !slices.Equal(said, want) {
				t.Errorf("warnings %q,\nwant %q", said, want)
			}
		})
	}
}

// TestAnnualInQuartersWarnings: an annual measure's figures in a
// quarterly scorecard's columns are stored as the quarters they stand in,
// and the import says once, at the cell that decides it, how they will
// be analysed: all in Jan-Mar (Jul-Sep for an academic year) as the
// years they end; one in another quarter leaves them quarters, said at
// that figure with the quarter to give them in. A quarterly measure's
// quarters are quarters, with nothing said.
func TestAnnualInQuartersWarnings(t *testing.T) {
	heads := []any{"Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23", "Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24",
		"Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"}
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	first := q(2022, 2)                                                    // Apr-Jun 2022, in E
	col := func(p app.Period) int { return 4 + p.Index() - first.Index() } // 0-based
	for _, tc := range []struct {
		name    string
		dp, yt  string
		figures map[app.Period]float64
		warn    string
		cell    app.Period
	}{
		{"financial years in Jan-Mar", "A", "", map[app.Period]float64{q(2023, 1): 80, q(2024, 1): 85, q(2025, 1): 70},
			"LAN06: Data period A, and its figures stand in Jan-Mar quarters: each is analysed as the financial year it ends (2022/23 to 2024/25), compared with the year before", q(2023, 1)},
		{"academic years in Jul-Sep", "A", "Academic", map[app.Period]float64{q(2022, 3): 80, q(2023, 3): 85, q(2024, 3): 70},
			"LAN06: Data period A, and its figures stand in Jul-Sep quarters: each is analysed as the academic year it ends (2021/22 AY to 2023/24 AY), compared with the year before", q(2022, 3)},
		{"financial years, one in Apr-Jun", "A", "", map[app.Period]float64{q(2023, 1): 80, q(2024, 1): 85, q(2024, 2): 83, q(2025, 1): 70},
			"LAN06: Data period A, but the figure for Apr-Jun 2024 stands in a quarter that ends no financial year: its figures are analysed as quarters, not years, none compared with the year before; " +
				"to have them analysed as years, give each year's figure in the column of the quarter it ends in (Jan-Mar)", q(2024, 2)},
		{"quarterly", "Q", "", map[app.Period]float64{q(2024, 2): 70, q(2024, 3): 72, q(2024, 4): 68}, "", app.Period{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity", "Data period"}, heads...)
			lan01 := []any{"LAN01", "Number of children looked after", "-", "Q"}
			lan06 := []any{"LAN06", "Care leavers in suitable accommodation (%)", "H", tc.dp}
			yearCol := 0
			if tc.yt != "" {
				head = slices.Insert(head, 4, any("Year type"))
				lan01, lan06 = append(lan01, ""), append(lan06, tc.yt)
				yearCol = 1
			}
			for i := range heads {
				lan01 = append(lan01, 2100+i)
				if v, ok := tc.figures[first.Add(i)]; ok {
					lan06 = append(lan06, v)
				} else {
					lan06 = append(lan06, nil)
				}
			}
			res, err := Read(t.Context(), writeBook(t, "Scorecard", [][]any{head, lan01, lan06}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[app.Period]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Ref == "LAN06" && o.Value != nil {
					got[o.Period] = *o.Value
				}
			}
			if !maps.Equal(got, tc.figures) {
				t.Errorf("stored %v, want %v as the quarters they stand in", got, tc.figures)
			}
			var said []string
			for _, w := range res.Warnings {
				if s := w.String(); strings.Contains(s, "Scorecard!") && strings.Contains(s, "Data period") {
					said = append(said, s)
				}
			}
			var want []string
			if tc.warn != "" {
				want = []string{"book.xlsx: Scorecard!" + cellName(2, col(tc.cell)+yearCol) + ": " + tc.warn}
			}
			if !slices.Equal(said, want) {
				t.Errorf("warnings %q,\nwant %q", said, want)
			}
		})
	}
}
