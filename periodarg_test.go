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
