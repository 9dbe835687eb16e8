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
		// QA23b D2: the officer's 2024/25 AY stands under their 2024/25,
		// not a column late under 2025/26, the financial year it ends in.
		{"an academic year in the financial year of its name", ay(2024), fy(2024), true},
		{"an academic year not in the financial year it ends in", ay(2024), fy(2025), false},
		{"a financial year in the academic year of its name", fy(2024), ay(2024), true},
		{"an academic year in the calendar year it ends in", ay(2024), cy(2025), true},
		{"another financial year", fy(2023), fy(2024), false},
		// QA23b D1: an academic year ends on 31 August, inside Jul-Sep.
		{"an academic year in the quarter it ends in", ay(2024), Period{Kind: Quarter, Year: 2025, N: 3}, true},
		{"an academic year not in the quarter before", ay(2024), Period{Kind: Quarter, Year: 2025, N: 2}, false},
		{"an academic year not in the quarter after", ay(2024), Period{Kind: Quarter, Year: 2025, N: 4}, false},
		{"an academic year in its August", ay(2024), MonthOf(2025, 8), true},
		{"an academic year not in September", ay(2024), MonthOf(2025, 9), false},
		{"a financial year in the quarter it ends", fy(2024), Period{Kind: Quarter, Year: 2025, N: 1}, true},
		{"a calendar year in Oct-Dec", cy(2024), Period{Kind: Quarter, Year: 2024, N: 4}, true},
		{"a month not in its quarter unless it ends it", MonthOf(2025, 8), Period{Kind: Quarter, Year: 2025, N: 3}, false},
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

// TestShownInWords: the note on a figure standing in a column of another
// kind says which period it is for and why it stands there.
func TestShownInWords(t *testing.T) {
	fy := func(y int) Period { return Period{Kind: FinancialYear, Year: y} }
	ay := func(y int) Period { return Period{Kind: AcademicYear, Year: y} }
	tests := []struct {
		name string
		p, m Period
		want string
	}{
		{"a financial year in the quarter it ends", fy(2024), Period{Kind: Quarter, Year: 2025, N: 1},
			"The figure for 2024/25 (financial year), shown in the quarter it ends."},
		{"an academic year within a quarter", ay(2024), Period{Kind: Quarter, Year: 2025, N: 3},
			"The figure for 2024/25 AY (academic year, to 31 August 2025), shown in the quarter it ends in."},
		{"an academic year in the financial year of its name", ay(2024), fy(2024),
			"The figure for 2024/25 AY (academic year, September 2024 to August 2025), shown in the financial year of the same name."},
		{"a calendar year within a financial year", Period{Kind: CalendarYear, Year: 2024}, fy(2024),
			"The figure for 2024 (calendar year, to 31 December 2024), shown in the financial year it ends in."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ShownInWords(tt.p, tt.m); got != tt.want {
				t.Errorf("ShownInWords(%s, %s) = %q, want %q", tt.p, tt.m, got, tt.want)
			}
		})
	}
}

// TestYearReportedInColumn: an academic year shown in the financial
// year of its name is analysed to its own end for that column, rated
// against its own year's target, and is not "after" the column.
func TestYearReportedInColumn(t *testing.T) {
	fy := func(y int) Period { return Period{Kind: FinancialYear, Year: y} }
	ay := func(y int) Period { return Period{Kind: AcademicYear, Year: y} }
	h := NewHistory()
	acad := Indicator{Ref: "CAM03", YearType: AcademicYear}
	h.AddIndicators([]Indicator{{Ref: "CAM02"}, acad, {Ref: "CAM04", YearType: AcademicYear}})
	for _, o := range []Observation{
		{Ref: "CAM02", Period: fy(2023)}, {Ref: "CAM02", Period: fy(2024)},
		{Ref: "CAM03", Period: ay(2023)}, {Ref: "CAM03", Period: ay(2024)},
		{Ref: "CAM04", Period: ay(2025)},
	} {
		o.Area, o.Value = Kent, Float(1)
		h.Add(o)
	}
	tests := []struct {
		name      string
		ref       string
		p         Period
		until     Period
		targetFor Period
	}{
		{"a financial year's own", "CAM02", fy(2024), fy(2024), ay(2024)},
		{"the academic year of the same name", "CAM03", fy(2024), ay(2024), ay(2024)},
		{"the year before", "CAM03", fy(2023), ay(2023), ay(2023)},
		{"a quarter the academic year ends in", "CAM03", Period{Kind: Quarter, Year: 2025, N: 3}, Period{Kind: Quarter, Year: 2025, N: 3}, ay(2024)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.AnalysedUntil(SeriesKey{Ref: tt.ref, Area: Kent}, tt.p); got != tt.until {
				t.Errorf("AnalysedUntil(%s, %s) = %s, want %s", tt.ref, tt.p, got, tt.until)
			}
			if got := acad.TargetYear(tt.p); got != tt.targetFor {
				t.Errorf("an academic measure's TargetYear(%s) = %s, want %s", tt.p, got, tt.targetFor)
			}
		})
	}
	got := h.After(fy(2024))
	if len(got) != 1 || got[0] != (RefPeriod{"CAM04", ay(2025)}) {
		t.Errorf("After(2024/25) = %v, want CAM04's 2025/26 AY alone: 2024/25 AY is in 2024/25's report", got)
	}
}
