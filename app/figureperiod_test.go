package app

import "testing"

// TestFigurePeriod: which quarter or year a quarterly or annual measure's
// figure in a month's column is for (QA23b D6, D10).
func TestFigurePeriod(t *testing.T) {
	q := Indicator{Ref: "Q1", DataPeriod: QuarterPeriod}
	fin := Indicator{Ref: "A1", DataPeriod: Annual}
	acad := Indicator{Ref: "A2", DataPeriod: Annual, YearType: AcademicYear}
	snap := Indicator{Ref: "M1", DataPeriod: Snapshot}
	tests := []struct {
		ind  Indicator
		m    Period
		want string // "" for none
	}{
		{q, MonthOf(2025, 6), "2025-Q2"},
		{q, MonthOf(2025, 3), "2025-Q1"},
		{q, MonthOf(2025, 4), ""}, // January to March's, or April to June's so far?
		{fin, MonthOf(2025, 3), "2024/25"},
		{fin, MonthOf(2025, 8), ""},
		{fin, MonthOf(2024, 12), ""},
		{acad, MonthOf(2025, 8), "2024/25AY"},
		{acad, MonthOf(2025, 3), ""},
		{snap, MonthOf(2025, 4), "2025-04"},
		{fin, Period{Kind: FinancialYear, Year: 2024}, "2024/25"},
		// A year in a scorecard of quarters, in the quarter it ends in.
		{fin, Period{Kind: Quarter, Year: 2025, N: 1}, "2024/25"},
		{fin, Period{Kind: Quarter, Year: 2025, N: 2}, ""},
		{fin, Period{Kind: Quarter, Year: 2024, N: 4}, ""},
		{acad, Period{Kind: Quarter, Year: 2025, N: 3}, "2024/25AY"},
		{acad, Period{Kind: Quarter, Year: 2025, N: 1}, ""},
		{q, Period{Kind: Quarter, Year: 2025, N: 2}, "2025-Q2"},
		{snap, Period{Kind: Quarter, Year: 2025, N: 2}, "2025-Q2"},
	}
	for _, tt := range tests {
		p, ok := tt.ind.FigurePeriod(tt.m)
		if got := p.String(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s %s: %q %v, want %q", tt.ind.DataPeriod, tt.m, got, ok, tt.want)
		}
	}
	for _, tt := range []struct {
		ind          Indicator
		months, each string
	}{{q, "Jun, Sep, Dec or Mar", "quarter"}, {fin, "March", "financial year"}, {acad, "August", "academic year"}, {snap, "", ""}} {
		if m, e := tt.ind.FigureMonths(); m != tt.months || e != tt.each {
			t.Errorf("%s: %q %q, want %q %q", tt.ind.Ref, m, e, tt.months, tt.each)
		}
	}
	for _, tt := range []struct {
		ind  Indicator
		want string
	}{{fin, "Jan-Mar"}, {acad, "Jul-Sep"}, {q, ""}, {snap, ""}} {
		if got := tt.ind.FigureQuarter(); got != tt.want {
			t.Errorf("%s: quarter %q, want %q", tt.ind.Ref, got, tt.want)
		}
	}
}
