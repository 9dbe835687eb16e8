package childlevel

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text string
		want time.Time // zero where it is no date
	}{
		{"01/04/2024", day(2024, time.April, 1)},
		{"1/4/2024", day(2024, time.April, 1)},
		{"2024-04-01", day(2024, time.April, 1)},
		{"45383", day(2024, time.April, 1)},
		// As Excel writes them, the list saved again as CSV.
		{"01/04/2024 00:00", day(2024, time.April, 1)},
		{"1/4/2024 0:00", day(2024, time.April, 1)},
		{"01/04/2024 13:45:10", day(2024, time.April, 1)},
		{"01/04/24", day(2024, time.April, 1)},
		{"1/4/08", day(2008, time.April, 1)},
		{"31/12/99", day(1999, time.December, 31)},
		// Excel's "d mmmm yyyy": read as "15 Mar 2025" is (QA hB F11).
		{"15 Mar 2025", day(2025, time.March, 15)},
		{"15 March 2025", day(2025, time.March, 15)},
		{"15 MARCH 2025", day(2025, time.March, 15)},
		{"1 May 2024", day(2024, time.May, 1)},
		{"30 June 2024", day(2024, time.June, 30)},
		{"4 Sept 2024", day(2024, time.September, 4)},
		{"4 September 2024", day(2024, time.September, 4)},
		{"04-September-2024", day(2024, time.September, 4)},
		{"15 Marchh 2025", time.Time{}},
		{"15 Mayday 2025", time.Time{}},
		// German Excel's short date (QA hB F12).
		{"01.04.2024", day(2024, time.April, 1)},
		{"1.4.2024", day(2024, time.April, 1)},
		{"01.04.24", day(2024, time.April, 1)},
		{"32.01.2024", time.Time{}},
		{"2025.03.01", time.Time{}},
		{"not known", time.Time{}},
		{"32/01/2024", time.Time{}},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.text)
		if tt.want.IsZero() {
			if err == nil {
				t.Errorf("parseDate(%q) = %v, want no date", tt.text, got)
			}
			continue
		}
		if err != nil || got.Year() != tt.want.Year() || got.YearDay() != tt.want.YearDay() {
			t.Errorf("parseDate(%q) = %v, %v, want %v", tt.text, got, err, tt.want.Format("2 Jan 2006"))
		}
	}
}
