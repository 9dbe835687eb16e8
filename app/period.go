package app

import (
	"encoding/json"
	"fmt"
	"time"
)

// PeriodKind says what span of time a Period covers.
//
// It is a whole word, not a byte, so that a Period has no padding: Go
// hashes and compares a struct without padding as one block of memory,
// and one with padding field by field. Periods key the maps a release's
// withholding asks of every figure, and "show" on forty years of history
// spent a fifth of its time there; as a word it is some 4% faster.
type PeriodKind int

// The kinds of period a scorecard reports on.
const (
	Month         PeriodKind = iota + 1 // a calendar month: "2025-03"
	Quarter                             // a calendar quarter: "2024-Q4" is October to December 2024
	FinancialYear                       // April to March: "2024/25"
	AcademicYear                        // September to August: "2024/25AY"
	CalendarYear                        // January to December: "2025"
)

// Period is a month, quarter or year. The zero Period is "no period".
//
// Year is the calendar year the period starts in; N is the month (1-12) for
// a Month and the quarter (1-4) for a Quarter, and zero otherwise.
type Period struct {
	Kind PeriodKind
	Year int
	N    int
}

// MonthOf returns the Month period for a calendar month.
func MonthOf(year int, month time.Month) Period {
	return Period{Kind: Month, Year: year, N: int(month)}
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// String writes p in the contract's form: 2025-03, 2024-Q4, 2024/25,
// 2024/25AY, 2025.
func (p Period) String() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case FinancialYear:
		return fmt.Sprintf("%04d/%02d", p.Year, (p.Year+1)%100)
	case AcademicYear:
		return fmt.Sprintf("%04d/%02dAY", p.Year, (p.Year+1)%100)
	case CalendarYear:
		return fmt.Sprintf("%04d", p.Year)
	}
	return ""
}

// Label writes p the way scorecards head their columns: "Mar-25",
// "Jul-Sep 2024", "2024/25", "2024/25 AY", "2025". A quarter is named by
// its months: English councils number quarters by the financial year, so
// "Q3 2024" for July to September 2024 (the contract's 2024-Q3) would be
// read as October to December.
func (p Period) Label() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%s-%02d", time.Month(p.N).String()[:3], p.Year%100)
	case Quarter:
		first := time.Month(3*p.N - 2)
		return fmt.Sprintf("%s-%s %d", first.String()[:3], (first + 2).String()[:3], p.Year)
	case AcademicYear:
		return fmt.Sprintf("%04d/%02d AY", p.Year, (p.Year+1)%100)
	}
	return p.String()
}

// Start returns the first day of p.
func (p Period) Start() time.Time {
	switch p.Kind {
	case Month:
		return time.Date(p.Year, time.Month(p.N), 1, 0, 0, 0, 0, time.UTC)
	case Quarter:
		return time.Date(p.Year, time.Month(3*p.N-2), 1, 0, 0, 0, 0, time.UTC)
	case FinancialYear:
		return time.Date(p.Year, time.April, 1, 0, 0, 0, 0, time.UTC)
	case AcademicYear:
		return time.Date(p.Year, time.September, 1, 0, 0, 0, 0, time.UTC)
	case CalendarYear:
		return time.Date(p.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// IsYear reports whether p is a financial, academic or calendar year.
func (p Period) IsYear() bool {
	return p.Kind == FinancialYear || p.Kind == AcademicYear || p.Kind == CalendarYear
}

// Months returns how many calendar months p spans.
func (p Period) Months() int {
	switch p.Kind {
	case Month:
		return 1
	case Quarter:
		return 3
	case FinancialYear, AcademicYear, CalendarYear:
		return 12
	}
	return 0
}

// End returns the last day of p.
func (p Period) End() time.Time {
	return p.Start().AddDate(0, p.Months(), -1)
}

// Index numbers periods of one kind consecutively, so that p.Index()-1 is
// the period before p and a gap in a series shows as a jump in Index.
func (p Period) Index() int {
	switch p.Kind {
	case Month:
		return p.Year*12 + p.N - 1
	case Quarter:
		return p.Year*4 + p.N - 1
	}
	return p.Year
}

// Add returns the period n periods of the same kind after p (before, for
// negative n).
func (p Period) Add(n int) Period {
	switch p.Kind {
	case Month:
		i := p.Index() + n
		return Period{Kind: Month, Year: i / 12, N: i%12 + 1}
	case Quarter:
		i := p.Index() + n
		return Period{Kind: Quarter, Year: i / 4, N: i%4 + 1}
	case 0:
		return p
	}
	return Period{Kind: p.Kind, Year: p.Year + n}
}

// Compare orders periods by start date, then by length (shorter first), so
// that sorting a mixed slice reads naturally.
func (p Period) Compare(q Period) int {
	if c := p.StartMonth() - q.StartMonth(); c != 0 {
		return c
	}
	return p.Months() - q.Months()
}

// StartMonth is the month p starts in, counted from January of year 0:
// the order of Start, as an integer. Imports and analyses compare
// periods once per figure, where building a time.Time each time costs
// more than the rest of the comparison.
func (p Period) StartMonth() int {
	switch p.Kind {
	case Month:
		return 12*p.Year + p.N - 1
	case Quarter:
		return 12*p.Year + 3*p.N - 3
	case FinancialYear:
		return 12*p.Year + 3
	case AcademicYear:
		return 12*p.Year + 8
	case CalendarYear:
		return 12 * p.Year
	}
	return 12 // the zero Period starts at the zero time.Time, January of year 1
}

// Contains reports whether month m falls within p.
func (p Period) Contains(m Period) bool {
	s := m.Start()
	return !s.Before(p.Start()) && !s.After(p.End())
}

// FinancialYearOf returns the financial year (April to March) p starts in.
// Targets for most indicators are set per financial year.
func (p Period) FinancialYearOf() Period {
	if p.IsZero() {
		// The zero time's year 1 would give "0000/01".
		return Period{}
	}
	s := p.Start()
	y := s.Year()
	if s.Month() < time.April {
		y--
	}
	return Period{Kind: FinancialYear, Year: y}
}

// AcademicYearOf returns the academic year (September to August) p starts
// in. Education targets are set per academic year.
func (p Period) AcademicYearOf() Period {
	if p.IsZero() {
		return Period{}
	}
	s := p.Start()
	y := s.Year()
	if s.Month() < time.September {
		y--
	}
	return Period{Kind: AcademicYear, Year: y}
}

// MarshalJSON writes p as its String form.
func (p Period) MarshalJSON() ([]byte, error) { return json.Marshal(p.String()) }

// UnmarshalJSON reads p from its String form.
func (p *Period) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*p = Period{}
		return nil
	}
	q, err := ParsePeriod(s)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

var periodKindNames = [...]string{"", "month", "quarter", "financial", "academic", "calendar"}

// String names the kind in lower-case words: "financial", "academic".
func (k PeriodKind) String() string {
	if k >= 0 && int(k) < len(periodKindNames) {
		return periodKindNames[k]
	}
	return fmt.Sprintf("PeriodKind(%d)", k)
}

// Noun names one period of the kind: "month", "quarter", "financial
// year", "academic year", "calendar year".
func (k PeriodKind) Noun() string {
	switch k {
	case Month, Quarter:
		return k.String()
	case FinancialYear, AcademicYear, CalendarYear:
		return k.String() + " year"
	}
	return "period"
}

// Word names one period of the kind as a sentence says it in short:
// "month", "quarter", and "year" for a year of any kind ("this year",
// "the 3rd year running").
func (k PeriodKind) Word() string {
	switch k {
	case Month, Quarter:
		return k.String()
	}
	return "year"
}

// MarshalJSON writes the kind as its name, so stored indicators and JSON
// output read "financial" rather than a number.
func (k PeriodKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.String()) }

// UnmarshalJSON reads the kind from its name.
func (k *PeriodKind) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("period kind %s: %w", b, err)
	}
	for i, n := range periodKindNames {
		if n == s {
			*k = PeriodKind(i)
			return nil
		}
	}
	return fmt.Errorf("period kind %q is not month, quarter, financial, academic or calendar", s)
}
