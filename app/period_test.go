package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
	}{
		{"2025-03", Period{Month, 2025, 3}},
		{"Mar-25", Period{Month, 2025, 3}},
		{"mar-25", Period{Month, 2025, 3}},
		{"Mar 2025", Period{Month, 2025, 3}},
		{"March 2025", Period{Month, 2025, 3}},
		{"Sept-24", Period{Month, 2024, 9}},
		{"03/2025", Period{Month, 2025, 3}},
		{"2025/03", Period{Month, 2025, 3}},
		{"2024-Q4", Period{Quarter, 2024, 4}},
		{"Q4 2024", Period{Quarter, 2024, 4}},
		{"2024/25", Period{FinancialYear, 2024, 0}},
		{"2024-25", Period{FinancialYear, 2024, 0}},
		{"2024/2025", Period{FinancialYear, 2024, 0}},
		{"202425", Period{FinancialYear, 2024, 0}},
		{"2024/25AY", Period{AcademicYear, 2024, 0}},
		{"2024/25 AY", Period{AcademicYear, 2024, 0}},
		{"AY 2024/25", Period{AcademicYear, 2024, 0}},
		{"Academic year 2024-25", Period{AcademicYear, 2024, 0}},
		{"2024/25 (academic year)", Period{AcademicYear, 2024, 0}},
		{"1999/00", Period{FinancialYear, 1999, 0}},
		{"2025", Period{CalendarYear, 2025, 0}},
		{" Mar\u00a025 ", Period{Month, 2025, 3}},
		// Two-digit years as Excel reads them: 00-29 this century,
		// 30-99 the last, so a column headed Mar-85 is 1985.
		{"Dec-29", Period{Month, 2029, 12}},
		{"Jan-30", Period{Month, 1930, 1}},
		{"Mar-85", Period{Month, 1985, 3}},
		{"Q4 99", Period{Quarter, 1999, 4}},
		// The year first, as ONS writes it; "May" ends as "AY" does
		// (QA probe 7: "2025 MAY" alone of the months was not read).
		{"2025 APR", Period{Month, 2025, 4}},
		{"2025 MAY", Period{Month, 2025, 5}},
		{"2025 May", Period{Month, 2025, 5}},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2024/26", "13/2025", "Marchish 25", "Q5 2024", "Kent", "2025-13", "123456"} {
		if p, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		}
	}
}

func TestPeriodStringRoundTrip(t *testing.T) {
	for _, p := range []Period{{Month, 2025, 3}, {Quarter, 2024, 4}, {FinancialYear, 2024, 0}, {AcademicYear, 2024, 0}, {CalendarYear, 2025, 0}} {
		q, err := ParsePeriod(p.String())
		if err != nil || q != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), q, err, p)
		}
	}
}

func TestPeriodArithmetic(t *testing.T) {
	mar25 := Period{Month, 2025, 3}
	if got := mar25.Add(-3); got != (Period{Month, 2024, 12}) {
		t.Errorf("Mar-25 less 3 months = %v", got)
	}
	if got := mar25.Add(10); got != (Period{Month, 2026, 1}) {
		t.Errorf("Mar-25 plus 10 months = %v", got)
	}
	if got := mar25.FinancialYearOf(); got != (Period{FinancialYear, 2024, 0}) {
		t.Errorf("financial year of Mar-25 = %v, want 2024/25", got)
	}
	if got := (Period{Month, 2025, 4}).FinancialYearOf(); got != (Period{FinancialYear, 2025, 0}) {
		t.Errorf("financial year of Apr-25 = %v, want 2025/26", got)
	}
	if got := (Period{Month, 2025, 8}).AcademicYearOf(); got != (Period{AcademicYear, 2024, 0}) {
		t.Errorf("academic year of Aug-25 = %v, want 2024/25AY", got)
	}
	if got := (Period{Month, 2025, 9}).AcademicYearOf(); got != (Period{AcademicYear, 2025, 0}) {
		t.Errorf("academic year of Sep-25 = %v, want 2025/26AY", got)
	}
	fy := Period{FinancialYear, 2024, 0}
	if !fy.Contains(mar25) || fy.Contains(Period{Month, 2025, 4}) {
		t.Error("2024/25 should contain Mar-25 and not Apr-25")
	}
	if got := fy.End(); !got.Equal(time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("2024/25 ends %v", got)
	}
	if mar25.Compare(Period{Month, 2025, 4}) >= 0 || mar25.Compare(mar25) != 0 {
		t.Error("Compare disorders months")
	}
	if got := mar25.Label(); got != "Mar-25" {
		t.Errorf("Label = %q", got)
	}
}

// TestPeriodLabel: a label is read by people, so a quarter is named by
// its months, never "Q3 2024", which an English council reads as its
// financial year's third quarter (October to December); and each label
// reads back as the period it names.
func TestPeriodLabel(t *testing.T) {
	tests := []struct {
		p    Period
		want string
	}{
		{Period{Month, 2025, 3}, "Mar-25"},
		{Period{Quarter, 2024, 1}, "Jan-Mar 2024"},
		{Period{Quarter, 2024, 2}, "Apr-Jun 2024"},
		{Period{Quarter, 2024, 3}, "Jul-Sep 2024"},
		{Period{Quarter, 2024, 4}, "Oct-Dec 2024"},
		{Period{FinancialYear, 2024, 0}, "2024/25"},
		{Period{AcademicYear, 2024, 0}, "2024/25 AY"},
		{Period{CalendarYear, 2025, 0}, "2025"},
	}
	for _, tt := range tests {
		got := tt.p.Label()
		if got != tt.want {
			t.Errorf("%v.Label() = %q, want %q", tt.p, got, tt.want)
		}
		if back, err := ParsePeriod(got); err != nil || back != tt.p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", got, back, err, tt.p)
		}
	}
}

// TestQuarterOfMonths: a quarter written by its months reads as that
// quarter, and months that make up no calendar quarter are no period.
func TestQuarterOfMonths(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Period
	}{
		{"Jul-Sep 2024", Period{Quarter, 2024, 3}},
		{"jul-sep 24", Period{Quarter, 2024, 3}},
		{"Oct\u2013Dec 2024", Period{Quarter, 2024, 4}},
		{"January-March 2025", Period{Quarter, 2025, 1}},
	} {
		if got, err := ParsePeriod(tt.in); err != nil || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"Aug-Oct 2024", "Jul-Oct 2024", "Sep-Jul 2024", "Jul-Sep", "Jul-Sep 20245"} {
		if p, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		}
	}
}

func TestMonthFromExcelSerial(t *testing.T) {
	tests := []struct {
		serial float64
		want   Period
	}{
		{45717, Period{Month, 2025, 3}},    // 1 March 2025
		{45747, Period{Month, 2025, 3}},    // 31 March 2025
		{45748, Period{Month, 2025, 4}},    // 1 April 2025
		{45658.75, Period{Month, 2025, 1}}, // 1 January 2025, 18:00
		{36526, Period{Month, 2000, 1}},    // 1 January 2000
		// The 1st of the month less a float's error, as some producers
		// write it: Excel, rounding to the millisecond, shows the 1st
		// (QA probe 6).
		{45747.999999999, Period{Month, 2025, 4}},
		{45747.99999999, Period{Month, 2025, 3}}, // 23:59:59.999 on 31 March
		{45747.99999, Period{Month, 2025, 3}},    // 23:59:59.136
		{45748.000000001, Period{Month, 2025, 4}},
	}
	for _, tt := range tests {
		got, err := MonthFromExcelSerial(tt.serial)
		if err != nil || got != tt.want {
			t.Errorf("MonthFromExcelSerial(%v) = %v, %v; want %v", tt.serial, got, err, tt.want)
		}
	}
	for _, bad := range []float64{0, 12, 99999} {
		if _, err := MonthFromExcelSerial(bad); err == nil {
			t.Errorf("MonthFromExcelSerial(%v) should fail", bad)
		}
	}
}

func TestParseDfEPeriod(t *testing.T) {
	tests := []struct {
		tp, id string
		want   Period
	}{
		{"202425", "Financial year", Period{FinancialYear, 2024, 0}},
		{"202425", "Academic year", Period{AcademicYear, 2024, 0}},
		{"2025", "Reporting year", Period{CalendarYear, 2025, 0}},
	}
	for _, tt := range tests {
		got, err := ParseDfEPeriod(tt.tp, tt.id)
		if err != nil || got != tt.want {
			t.Errorf("ParseDfEPeriod(%q, %q) = %v, %v; want %v", tt.tp, tt.id, got, err, tt.want)
		}
	}
}

func TestPeriodKindJSON(t *testing.T) {
	for k := PeriodKind(0); k <= CalendarYear; k++ {
		b, err := json.Marshal(k)
		if err != nil {
			t.Fatal(err)
		}
		var back PeriodKind
		if err := json.Unmarshal(b, &back); err != nil || back != k {
			t.Errorf("%s: round trip gave %v, %v", b, back, err)
		}
	}
	if b, _ := json.Marshal(Indicator{YearType: AcademicYear}); !strings.Contains(string(b), `"year_type":"academic"`) {
		t.Errorf("indicator JSON = %s", b)
	}
}

// TestStartMonthOrdersAsStart checks that StartMonth, the integer Compare
// orders by, puts every kind of period where its Start time does.
func TestStartMonthOrdersAsStart(t *testing.T) {
	var ps []Period
	for y := 1998; y <= 2031; y++ {
		for n := 1; n <= 12; n++ {
			ps = append(ps, Period{Month, y, n})
		}
		for n := 1; n <= 4; n++ {
			ps = append(ps, Period{Quarter, y, n})
		}
		ps = append(ps, Period{FinancialYear, y, 0}, Period{AcademicYear, y, 0}, Period{CalendarYear, y, 0})
	}
	ps = append(ps, Period{})
	for _, p := range ps {
		for _, q := range []Period{{Month, 2024, 4}, {FinancialYear, 2024, 0}, {AcademicYear, 2023, 0}, {Quarter, 2025, 1}, {}} {
			byTime := p.Start().Compare(q.Start())
			byMonth := p.StartMonth() - q.StartMonth()
			if (byTime < 0) != (byMonth < 0) || (byTime == 0) != (byMonth == 0) {
				t.Errorf("%v against %v: Start compares %d, StartMonth %d", p, q, byTime, byMonth)
			}
		}
	}
}

func TestPeriodKindWord(t *testing.T) {
	for k, want := range map[PeriodKind]string{Month: "month", Quarter: "quarter", FinancialYear: "year", AcademicYear: "year", CalendarYear: "year"} {
		if got := k.Word(); got != want {
			t.Errorf("%v.Word() = %q, want %q", k, got, want)
		}
	}
}

// TestPeriodUnpadded finds a Period's fields filling it: padding would
// have Go hash and compare it field by field, not as one block, in every
// map a release's withholding keys by period (see PeriodKind).
func TestPeriodUnpadded(t *testing.T) {
	var p Period
	if size, fields := unsafe.Sizeof(p), unsafe.Sizeof(p.Kind)+unsafe.Sizeof(p.Year)+unsafe.Sizeof(p.N); size != fields {
		t.Errorf("a Period is %d bytes, its fields %d: %d bytes of padding", size, fields, size-fields)
	}
}
