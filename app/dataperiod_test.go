package app

import "testing"

// TestParseDataPeriodYear reads Data period codes as scorecards write
// them, a code explained in brackets among them: "M (snapshot)" had been
// refused and the indicator's data period left blank.
func TestParseDataPeriodYear(t *testing.T) {
	tests := []struct {
		in   string
		want DataPeriod
		year PeriodKind
		bad  bool
	}{
		{in: "MS", want: Snapshot},
		{in: "m", want: Monthly},
		{in: "Month end", want: Snapshot},
		{in: "M (snapshot)", want: Snapshot},
		{in: "M (month-end snapshot)", want: Snapshot},
		{in: "MS (snapshot)", want: Snapshot},
		{in: "R12M (rolling 12 months)", want: Rolling12},
		{in: "YTD (financial year to date)", want: YearToDate, year: FinancialYear},
		{in: "AY (academic year)", want: Annual, year: AcademicYear},
		{in: "M (monthly)", want: Monthly},
		{in: "R12M (snapshot)", bad: true},
		{in: "M (rolling 12 months)", bad: true},
		{in: "AY (financial year)", bad: true},
		{in: "(snapshot)", bad: true},
		{in: "M (as at)", bad: true},
		{in: "weekly", bad: true},
	}
	for _, tt := range tests {
		dp, year, err := ParseDataPeriodYear(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseDataPeriodYear(%q) = %q, %v; want an error", tt.in, dp, year)
			}
			continue
		}
		if err != nil || dp != tt.want || year != tt.year {
			t.Errorf("ParseDataPeriodYear(%q) = %q, %v, %v; want %q, %v", tt.in, dp, year, err, tt.want, tt.year)
		}
	}
}
