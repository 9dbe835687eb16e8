package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestShowYearToDateQuarters: a year-to-date row under quarter columns
// (Essex's starters, 151, 298 and 452 under Q1 to Q3 2024/25) is listed
// by show with the months each figure takes in, "2024-Q3 (Apr-Sep 2024)
// 298", not the quarter's own months, which had 298 read as July to
// September's; a quarter's own figure keeps its quarter's months.
func TestShowYearToDateQuarters(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	book := writeScorecard(t, dir, "essex.xlsx", [][]any{
		{"Ref", "Indicator", "Polarity", "Data period", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"},
		{"E03", "Number of children starting to be looked after", "-", "YTD", 151, 298, 452},
		{"E04", "Number of children starting to be looked after in the quarter", "-", "Q", 151, 147, 154},
	})
	mustRun(t, db, "authority", "Essex")
	mustRun(t, db, "import", book)
	for _, tc := range []struct {
		ref  string
		want []string
	}{
		{"E03", []string{"2024-Q2 (Apr-Jun 2024)", "2024-Q3 (Apr-Sep 2024)", "2024-Q4 (Apr-Dec 2024)"}},
		{"E04", []string{"2024-Q2 (Apr-Jun 2024)", "2024-Q3 (Jul-Sep 2024)", "2024-Q4 (Oct-Dec 2024)"}},
	} {
		out := mustRun(t, db, "show", tc.ref)
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("show %s lists no %q:\n%s", tc.ref, w, out)
			}
		}
	}
	// The contract's form is what --json says, as before.
	if out := mustRun(t, db, "show", "--json", "E03"); !strings.Contains(out, `"period": "2024-Q3"`) && !strings.Contains(out, `"period":"2024-Q3"`) {
		t.Errorf("show --json E03 gives no period 2024-Q3:\n%s", out)
	}
}

// TestShowRollingYearsByQuarter: a rolling year reported each quarter
// (Hampshire's H03, "12 months to Sep-24 | Dec-24 | Mar-25", 19.1, 20.0,
// 23.1 against a floor of 22) is shown a quarter apart, each named by its
// twelve months, with no month between missing; the year to March is
// worse by 3.1 pp and RED, and flags says AMBER to RED, where it had
// listed four missing months, no direction of travel and no RAG change;
// flags --all names the quarter by its year too.
func TestShowRollingYearsByQuarter(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	book := writeScorecard(t, dir, "hants.xlsx", [][]any{
		{"Ref", "Indicator", "Polarity", "Data period", "Target", "Floor", "12 months to Sep-24", "12 months to Dec-24", "12 months to Mar-25"},
		{"H03", "% of children becoming subject of a CP plan for a second or subsequent time", "L", "R12M", 18, 22, 19.1, 20.0, 23.1},
	})
	mustRun(t, db, "authority", "Hampshire")
	mustRun(t, db, "import", book)
	out := mustRun(t, db, "show", "H03")
	for _, w := range []string{"2024-Q3 (Oct 2023-Sep 2024)", "2024-Q4 (Jan 2024-Dec 2024)", "2025-Q1 (Apr 2024-Mar 2025)"} {
		if !strings.Contains(out, w) {
			t.Errorf("show H03 lists no %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "missing") || !strings.Contains(out, "worsened  3.1 pp") {
		t.Errorf("show H03: want no month missing and the year to March worse by 3.1 pp:\n%s", out)
	}
	if out := mustRun(t, db, "flags"); !strings.Contains(out, "AMBER to RED") || strings.Contains(out, "missing") {
		t.Errorf("flags: want AMBER to RED and nothing missing:\n%s", out)
	}
	if out := mustRun(t, db, "flags", "--all"); !strings.Contains(out, "2025-Q1 (Apr 2024-Mar 2025)  rag-change") {
		t.Errorf("flags --all: want the RAG change by the year to March:\n%s", out)
	}
}
