package main

import (
	"bytes"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPeriodArgFinancialQuarter: --period takes a quarter as a
// scorecard heads it by the financial year, and says which months it
// read (QA23b L2: "Q2 2025/26" was "not a period" though the importer
// reads that heading), while the contract's forms read as before.
func TestPeriodArgFinancialQuarter(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	tests := []struct {
		arg  string
		want app.Period
		note string // "" for none
	}{
		{"Q2 2025/26", q(2025, 3), "note: --period Q2 2025/26 read as Jul-Sep 2025 (2025-Q3): quarters numbered by the financial year, Q1 April to June"},
		{"2025/26 Q2", q(2025, 3), "read as Jul-Sep 2025 (2025-Q3)"},
		{"Q4 2024/25", q(2025, 1), "read as Jan-Mar 2025 (2025-Q1)"},
		{"q1 2025-26", q(2025, 2), "read as Apr-Jun 2025 (2025-Q2)"},
		{"2025-Q3", q(2025, 3), ""},
		{"Jul-Sep 2025", q(2025, 3), ""},
		{"2024/25", app.Period{Kind: app.FinancialYear, Year: 2024}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			var said bytes.Buffer
			e := &env{period: tt.arg, errOut: &said}
			got, err := parsePeriodArg(e)
			if err != nil || got != tt.want {
				t.Fatalf("parsePeriodArg(%q) = %s, %v; want %s", tt.arg, got, err, tt.want)
			}
			if tt.note == "" && said.Len() > 0 || !strings.Contains(said.String(), tt.note) {
				t.Errorf("parsePeriodArg(%q) said %q, want %q", tt.arg, said.String(), tt.note)
			}
		})
	}
	for _, bad := range []string{"Q5 2025/26", "Q2 2025/27", "Q2"} {
		if p, err := parsePeriodArg(&env{period: bad, errOut: &bytes.Buffer{}}); err == nil {
			t.Errorf("parsePeriodArg(%q) = %s, want an error", bad, p)
		}
	}
}

// TestPeriodArgCalendarNumberedQuarter: a quarter numbered without the
// year that says whose numbering it is, "Q1 2025", is refused naming
// both readings and how to ask for each (QA24a D10: it was read silently
// as Jan-Mar 2025, the quarter before the Apr-Jun an officer of a council
// numbering quarters from April means, while "Q1 2025/26" said its
// reading). The contract's 2025-Q1 and a quarter named by its months or
// by its financial year read as before.
func TestPeriodArgCalendarNumberedQuarter(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	tests := []struct {
		arg  string
		want app.Period // the zero period: refused
		says string     // in the refusal, or the note
	}{
		{"Q1 2025", app.Period{}, "--period Q1 2025: quarter 1 of 2025 could be the calendar year's (Jan-Mar 2025) or the financial year's, numbered from April " +
			"(Apr-Jun 2025, quarter 1 of 2025/26): give 2025-Q1 or Jan-Mar 2025 for Jan-Mar 2025, or Q1 2025/26 for Apr-Jun 2025"},
		{"Q3 2024", app.Period{}, "(Jul-Sep 2024) or the financial year's, numbered from April (Oct-Dec 2024, quarter 3 of 2024/25): give 2024-Q3 or Jul-Sep 2024 for Jul-Sep 2024, or Q3 2024/25 for Oct-Dec 2024"},
		{"Q4-24", app.Period{}, "(Oct-Dec 2024) or the financial year's, numbered from April (Jan-Mar 2025, quarter 4 of 2024/25): give 2024-Q4 or Oct-Dec 2024 for Oct-Dec 2024, or Q4 2024/25 for Jan-Mar 2025"},
		{"2025 Q1", app.Period{}, "quarter 1 of 2025 could be"},
		{"2025-Q1", q(2025, 1), ""},
		{"2025-q1", q(2025, 1), ""},
		{"Jan-Mar 2025", q(2025, 1), ""},
		{"Q1 2025/26", q(2025, 2), "read as Apr-Jun 2025 (2025-Q2)"},
		{"Q4 2024/25", q(2025, 1), "read as Jan-Mar 2025 (2025-Q1)"},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			var said bytes.Buffer
			got, err := parsePeriodArg(&env{period: tt.arg, errOut: &said})
			if tt.want.IsZero() {
				if err == nil || !strings.Contains(err.Error(), tt.says) {
					t.Fatalf("parsePeriodArg(%q) = %s, %v; want refused saying %q", tt.arg, got, err, tt.says)
				}
				if _, usage := err.(usageError); !usage {
					t.Errorf("parsePeriodArg(%q): %T, want a usage error (exit 2)", tt.arg, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("parsePeriodArg(%q) = %s, %v; want %s", tt.arg, got, err, tt.want)
			}
			if tt.says == "" && said.Len() > 0 || !strings.Contains(said.String(), tt.says) {
				t.Errorf("parsePeriodArg(%q) said %q, want %q", tt.arg, said.String(), tt.says)
			}
		})
	}
}
