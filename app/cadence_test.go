package app

import (
	"strings"
	"testing"
)

// A store of published yearly or quarterly figures alone reports on its
// years or quarters; one with any monthly figure stays monthly, with its
// annual figures beside the months.
func TestHistoryCadence(t *testing.T) {
	cy := func(y int) Period { return Period{Kind: CalendarYear, Year: y} }
	fy := func(y int) Period { return Period{Kind: FinancialYear, Year: y} }
	q := func(y, n int) Period { return Period{Kind: Quarter, Year: y, N: n} }
	tests := []struct {
		name    string
		periods []Period
		cadence PeriodKind
		first   Period
		latest  Period
		n       int
	}{
		{"DfE reporting years", []Period{cy(2021), cy(2025), cy(2023), cy(2024), cy(2022)}, CalendarYear, cy(2021), cy(2025), 5},
		{"financial years", []Period{fy(2023), fy(2024)}, FinancialYear, fy(2023), fy(2024), 2},
		{"mostly financial years", []Period{fy(2023), fy(2024), cy(2025)}, FinancialYear, fy(2023), fy(2024), 2},
		{"quarters and years", []Period{q(2024, 3), q(2024, 4), fy(2024), q(2023, 4)}, Quarter, q(2023, 4), q(2024, 4), 3},
		{"months and years", []Period{MonthOf(2025, 3), fy(2024), q(2024, 4), MonthOf(2025, 2)}, Month, MonthOf(2025, 2), MonthOf(2025, 3), 2},
		{"empty", nil, 0, Period{}, Period{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHistory()
			d := &Dataset{}
			for i, p := range tt.periods {
				d.Observations = append(d.Observations, obs("CIC01", p, float64(1000+i)))
			}
			h.Apply(d, "I0001")
			if got := h.Cadence(); got != tt.cadence {
				t.Errorf("Cadence = %v, want %v", got, tt.cadence)
			}
			ps := h.Periods()
			if len(ps) != tt.n {
				t.Fatalf("Periods = %v, want %d of them", ps, tt.n)
			}
			if tt.n > 0 && ps[0] != tt.first {
				t.Errorf("first period = %v, want %v", ps[0], tt.first)
			}
			if got := h.Latest(); got != tt.latest {
				t.Errorf("Latest = %v, want %v", got, tt.latest)
			}
		})
	}
}

// "2024/25" asked of a store of DfE reporting years is the reporting year
// 2025, the collection year ending 31 March 2025; said, not silent.
func TestHistoryReportingPeriod(t *testing.T) {
	years := NewHistory()
	years.Apply(&Dataset{Observations: []Observation{obs("CIC01", Period{Kind: CalendarYear, Year: 2025}, 1896)}}, "I0001")
	months := NewHistory()
	months.Apply(&Dataset{Observations: []Observation{obs("CIC01", MonthOf(2025, 3), 1896)}}, "I0001")
	quarters := NewHistory()
	quarters.Apply(&Dataset{Observations: []Observation{obs("CIC01", Period{Kind: Quarter, Year: 2025, N: 1}, 1896)}}, "I0001")
	fys := NewHistory()
	fys.Apply(&Dataset{Observations: []Observation{obs("CIC01", Period{Kind: FinancialYear, Year: 2024}, 1896)}}, "I0001")
	tests := []struct {
		h      *History
		asked  string
		want   string
		readAs bool
	}{
		{years, "2024/25", "2025", true},
		{years, "2024/25AY", "2025", true},
		{years, "2025", "2025", false},
		{years, "2024-Q4", "2024-Q4", false},
		{months, "2024/25", "2024/25", false},
		{months, "2025-03", "2025-03", false},
		{NewHistory(), "2024/25", "2024/25", false},
		// A month of a store of quarters or years: the one ending in it.
		{quarters, "2025-03", "2025-Q1", true},
		{quarters, "2024-12", "2024-Q4", true},
		{quarters, "2025-02", "2025-02", false}, // in Jan-Mar, but which?
		{fys, "2025-03", "2024/25", true},
		{fys, "2025-08", "2025-08", false},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.asked)
		if err != nil {
			t.Fatal(err)
		}
		got, readAs := tt.h.ReportingPeriod(p)
		if got.String() != tt.want || readAs != tt.readAs {
			t.Errorf("ReportingPeriod(%s) = %s, %v; want %s, %v", tt.asked, got, readAs, tt.want, tt.readAs)
		}
	}
}

// With no period (an empty store, a window before its first import) the
// target year is no year, not "0000/01".
func TestTargetYearOfNoPeriod(t *testing.T) {
	for _, ind := range []Indicator{{Ref: "CIC05"}, {Ref: "ED01", YearType: AcademicYear}} {
		if y := ind.TargetYear(Period{}); !y.IsZero() || y.String() != "" || y.Label() != "" {
			t.Errorf("%s: TargetYear of no period = %+v, %q; want no period", ind.Ref, y, y.Label())
		}
	}
	if y := (Indicator{}).TargetYear(Period{Kind: CalendarYear, Year: 2025}); y.String() != "2024/25" {
		t.Errorf("target year of DfE reporting year 2025 = %s, want 2024/25 (the collection year to 31 March 2025)", y)
	}
}

// A year-to-date figure accumulates from April for a financial-year
// measure and from September for an academic-year one, and says so.
func TestYearToDateStart(t *testing.T) {
	fin := Indicator{Ref: "CIC10", DataPeriod: YearToDate}
	aca := Indicator{Ref: "ED03", DataPeriod: YearToDate, YearType: AcademicYear}
	tests := []struct {
		ind  Indicator
		p    Period
		want string
	}{
		{fin, MonthOf(2025, 3), "2024-04"},
		{fin, MonthOf(2025, 4), "2025-04"},
		{fin, MonthOf(2025, 10), "2025-04"},
		{aca, MonthOf(2025, 3), "2024-09"},
		{aca, MonthOf(2025, 8), "2024-09"},
		{aca, MonthOf(2025, 9), "2025-09"},
		{aca, Period{Kind: Quarter, Year: 2025, N: 4}, "2025-09"},
		{fin, Period{}, ""},
	}
	for _, tt := range tests {
		if got := tt.ind.YearToDateStart(tt.p).String(); got != tt.want {
			t.Errorf("%s YTD for %s starts %q, want %q", tt.ind.Ref, tt.p, got, tt.want)
		}
	}
	for _, tt := range []struct {
		ind  Indicator
		says string
	}{
		{fin, "from 1 April"}, {aca, "from 1 September"},
	} {
		if got := tt.ind.YearToDateWords(); !strings.Contains(got, tt.says) {
			t.Errorf("%s: %q, want it to say %q", tt.ind.Ref, got, tt.says)
		}
	}
	if got := (Indicator{DataPeriod: Rolling12}).YearToDateWords(); got != "" {
		t.Errorf("a rolling measure says %q of a year to date", got)
	}
}

// TestRollingYearLabel: a rolling year's quarter (a rolling year reported
// each quarter is analysed so) is named by the twelve months to its end.
func TestRollingYearLabel(t *testing.T) {
	ind := Indicator{Ref: "H03", DataPeriod: Rolling12}
	for _, tt := range []struct {
		p    Period
		want string
	}{
		{Period{Kind: Quarter, Year: 2024, N: 3}, "Oct 2023-Sep 2024"},
		{Period{Kind: Quarter, Year: 2024, N: 4}, "Jan 2024-Dec 2024"},
		{Period{Kind: Quarter, Year: 2025, N: 1}, "Apr 2024-Mar 2025"},
		{MonthOf(2025, 3), "Mar-25"},
	} {
		if got := ind.PeriodLabel(tt.p); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestYearToDateLabel: a year-to-date figure of a quarter is labelled with the
// months it takes in, from the start of its year, not the quarter's own
// (Essex's starters: 298 in Q2 2024/25 is April to September's); every
// other figure keeps Period.Label.
func TestYearToDateLabel(t *testing.T) {
	fin := Indicator{Ref: "E03", DataPeriod: YearToDate}
	aca := Indicator{Ref: "ED03", DataPeriod: YearToDate, YearType: AcademicYear}
	quarterly := Indicator{Ref: "E04", DataPeriod: QuarterPeriod}
	q := func(y, n int) Period { return Period{Kind: Quarter, Year: y, N: n} }
	tests := []struct {
		ind  Indicator
		p    Period
		want string
	}{
		{fin, q(2024, 2), "Apr-Jun 2024"},
		{fin, q(2024, 3), "Apr-Sep 2024"},
		{fin, q(2024, 4), "Apr-Dec 2024"},
		{fin, q(2025, 1), "Apr 2024-Mar 2025"},
		{aca, q(2024, 4), "Sep-Dec 2024"},
		{aca, q(2025, 2), "Sep 2024-Jun 2025"},
		{aca, q(2025, 3), "Sep 2025"}, // September starts the next school year
		{fin, MonthOf(2024, 9), "Sep-24"},
		{quarterly, q(2024, 3), "Jul-Sep 2024"},
		{Indicator{}, q(2024, 3), "Jul-Sep 2024"},
	}
	for _, tt := range tests {
		if got := tt.ind.PeriodLabel(tt.p); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.ind.Ref, tt.p, got, tt.want)
		}
	}
}

// TestMonthAdvice: what a refusal of a month of a store of quarters or
// years tells the officer to ask for.
func TestMonthAdvice(t *testing.T) {
	q := Period{Kind: Quarter, Year: 2025, N: 3}
	tests := []struct {
		kind   PeriodKind
		asked  Period
		latest Period
		want   string
	}{
		{Quarter, MonthOf(2025, 2), q, "Feb-25 ends no quarter: give 2025-Q1 for Jan-Mar 2025, the quarter it falls in, or 2024-Q4 for Oct-Dec 2024, the last to end before it"},
		{Quarter, MonthOf(2025, 4), q, "Apr-25 ends no quarter: give 2025-Q2 for Apr-Jun 2025, the quarter it falls in, or 2025-Q1 for Jan-Mar 2025, the last to end before it"},
		{FinancialYear, MonthOf(2025, 2), Period{Kind: FinancialYear, Year: 2024}, "Feb-25 ends no financial year: give 2024/25, the financial year it falls in, or 2023/24, the last to end before it"},
		{Quarter, Period{Kind: FinancialYear, Year: 2024}, q, "give a quarter such as 2025-Q3"},
	}
	for _, tt := range tests {
		if got := MonthAdvice(tt.kind, tt.asked, tt.latest); got != tt.want {
			t.Errorf("MonthAdvice(%s, %s) = %q, want %q", tt.kind, tt.asked, got, tt.want)
		}
	}
	if got := ReadAsWords(MonthOf(2025, 3), Period{Kind: Quarter, Year: 2025, N: 1}); got != "the quarter ending in Mar-25: the store's figures are by quarter" {
		t.Errorf("ReadAsWords: %q", got)
	}
}
