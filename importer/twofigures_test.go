package importer

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTwoFiguresForOnePeriod: a row of a quarterly or annual measure that
// gives a quarter's or year's figure twice, in the column of the month
// ending it and in its own "Q4 2024/25" or "2024/25" column (QA24a D11,
// qdup: QD02 Mar-25 55 beside 2024/25 58), keeps both as read and says
// the disagreement at the period's own cell, since the analysis takes
// the month's figure. Figures that agree are not said.
func TestTwoFiguresForOnePeriod(t *testing.T) {
	months := []any{"Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	head := append(append([]any{"Ref", "Indicator", "Polarity", "Data period"}, months...), "Q4 2024/25", "2024/25")
	blank := func(n int) []any { return make([]any, n) }
	q4, fy := app.Period{Kind: app.Quarter, Year: 2025, N: 1}, app.Period{Kind: app.FinancialYear, Year: 2024}
	mar := app.MonthOf(2025, 3)
	for _, tc := range []struct {
		name   string
		row    []any
		stored map[app.Period]float64
		warn   string // "" for none
	}{
		{"a quarter's figure twice, disagreeing",
			append([]any{"QD01", "Re-referrals within 12 months (%)", "L", "Q", nil, nil, 20, nil, nil, 21, nil, nil, 22, nil, nil, 23}, 24, nil),
			map[app.Period]float64{app.MonthOf(2024, 6): 20, app.MonthOf(2024, 9): 21, app.MonthOf(2024, 12): 22, mar: 23, q4: 24},
			"book.xlsx: Scorecard!Q2: QD01: its figure for Jan-Mar 2025 here, 24, disagrees with its figure in Mar-25's column (P2), 23, " +
				"which is analysed as Jan-Mar 2025: both are kept, and show and flags set this one beside it; correct the one that is wrong"},
		{"a year's figure twice, disagreeing",
			append(append([]any{"QD02", "Care leavers in EET (%)", "H", "A"}, blank(11)...), 55, nil, 58),
			map[app.Period]float64{mar: 55, fy: 58},
			"book.xlsx: Scorecard!R2: QD02: its figure for 2024/25 here, 58, disagrees with its figure in Mar-25's column (P2), 55, " +
				"which is analysed as 2024/25: both are kept, and show and flags set this one beside it; correct the one that is wrong"},
		{"a year's figure twice, agreeing",
			append(append([]any{"QD02", "Care leavers in EET (%)", "H", "A"}, blank(11)...), 55, nil, 55),
			map[app.Period]float64{mar: 55, fy: 55}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(t.Context(), writeBook(t, "Scorecard", [][]any{head, tc.row}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[app.Period]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got[o.Period] = *o.Value
				}
			}
			if len(got) != len(tc.stored) {
				t.Errorf("stored %v, want %v", got, tc.stored)
			}
			for p, v := range tc.stored {
				if got[p] != v {
					t.Errorf("%s: stored %v, want %v", p.Label(), got[p], v)
				}
			}
			var said []string
			for _, w := range res.Warnings {
				if s := w.String(); strings.Contains(s, "disagrees") {
					said = append(said, s)
				}
			}
			var want []string
			if tc.warn != "" {
				want = []string{tc.warn}
			}
			if !slices.Equal(said, want) {
				t.Errorf("warnings %q,\nwant %q", said, want)
			}
		})
	}
}
