package app

import (
	"slices"
	"testing"
	"time"
)

// TestReportedIn: which column of a scorecard a figure stands in.
func TestReportedIn(t *testing.T) {
	fy := func(y int) Period { return Period{Kind: FinancialYear, Year: y} }
	cy := func(y int) Period { return Period{Kind: CalendarYear, Year: y} }
	ay := func(y int) Period { return Period{Kind: AcademicYear, Year: y} }
	tests := []struct {
		name string
		p, m Period
		want bool
	}{
		{"the month itself", MonthOf(2025, 3), MonthOf(2025, 3), true},
		{"a financial year in its March", fy(2024), MonthOf(2025, 3), true},
		{"a financial year not in December", fy(2024), MonthOf(2024, 12), false},
		{"a quarter in its last month", Period{Kind: Quarter, Year: 2025, N: 1}, MonthOf(2025, 3), true},
		{"a calendar year in its December", cy(2024), MonthOf(2024, 12), true},
		// The workforce census's calendar year 2024 ends within 2024/25.
		{"a calendar year in the financial year it ends in", cy(2024), fy(2024), true},
		{"a calendar year not in the financial year before", cy(2024), fy(2023), false},
		{"a financial year in the calendar year it ends in", fy(2024), cy(2025), true},
		{"an academic year in the financial year it ends in", ay(2024), fy(2025), true},
		{"another financial year", fy(2023), fy(2024), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReportedIn(tt.p, tt.m); got != tt.want {
				t.Errorf("ReportedIn(%s, %s) = %v, want %v", tt.p, tt.m, got, tt.want)
			}
		})
	}
}

// TestCalendarYearsFrom finds the imports of a format holding calendar
// years for the refs asked about: not another format's, not another
// kind of year, not an undone import's.
func TestCalendarYearsFrom(t *testing.T) {
	const dfe = "DfE statistics (explore-education-statistics)"
	cy := func(y int) Period { return Period{Kind: CalendarYear, Year: y} }
	h := NewHistory()
	undone := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	h.Imports = []Import{
		{ID: "I0001", Source: "la_cla_placement_stability.csv", Note: dfe},
		{ID: "I0002", Source: "scorecard.xlsx", Note: "scorecard workbook"},
		{ID: "I0003", Source: "cla_number_and_rate_per_10k_children.csv", Note: dfe},
		{ID: "I0004", Source: "csww_indicators_2017_to_2025.csv", Note: dfe},
		{ID: "I0005", Source: "d3_cpps_subsequent_plan_2013_to_2025.csv", Note: dfe, Undone: &undone},
	}
	for _, o := range []Observation{
		{Ref: "CIC05", Period: cy(2023), Import: "I0001"},
		{Ref: "CIC05", Period: cy(2025), Import: "I0001"},
		{Ref: "CIC06", Period: cy(2024), Import: "I0001"},
		{Ref: "CIC09", Period: cy(2025), Import: "I0002"},
		{Ref: "CIC01", Period: Period{Kind: FinancialYear, Year: 2024}, Import: "I0003"},
		{Ref: "SCS05", Period: cy(2025), Import: "I0004"},
		{Ref: "SCS02", Period: cy(2025), Import: "I0005"},
	} {
		o.Area, o.Value = Kent, Float(1)
		h.Add(o)
	}
	want := func(ref string) bool { return ref != "SCS05" }
	got := h.CalendarYearsFrom(dfe, want)
	if len(got) != 1 || got[0].Import.ID != "I0001" || !slices.Equal(got[0].Refs, []string{"CIC05", "CIC06"}) ||
		got[0].First != cy(2023) || got[0].Last != cy(2025) {
		t.Errorf("CalendarYearsFrom = %+v, want I0001's CIC05, CIC06 for 2023 to 2025 alone", got)
	}
}
