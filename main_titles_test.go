package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// titledScorecard writes a one-sheet scorecard, as QA11's g5 did: no area
// column and no district sheet, so only its title says whose it is.
func titledScorecard(t *testing.T, name, title string, figures ...any) string {
	t.Helper()
	rows := [][]any{
		{title},
		nil,
		{"Ref", "Indicator", "Polarity", "Data Period", "Target", "Floor", "Jan-25", "Feb-25", "Mar-25"},
		append([]any{"CLA01", "Percentage of children in care with 3 or more placements in the year", "L", "R12M", 10, 12}, figures...),
	}
	return writeScorecard(t, t.TempDir(), name, rows)
}

// TestImportTitledForAnotherCouncil: a scorecard titled for Kent County
// Council is refused by an Essex store, naming the cell and how to go on,
// and leaves Essex's figures as they were (QA11 D5); Essex's own titled
// scorecard revises them.
func TestImportTitledForAnotherCouncil(t *testing.T) {
	db := filepath.Join(t.TempDir(), "essex.db")
	mustRun(t, db, "authority", "Essex")
	mustRun(t, db, "import", titledScorecard(t, "essex_feb.xlsx", "Essex County Council - Children's Services Performance Scorecard - February 2025", 9.1, 9.3, 9.6))
	before := mustRun(t, db, "show", "CLA01", "--json")
	r := scorecard(t, db, "import", titledScorecard(t, "kent_mar.xlsx", "Kent County Council - Children's Services Performance Scorecard - March 2025", 11.1, 11.3, 11.6))
	if r.code != 1 {
		t.Fatalf("Kent's scorecard into an Essex store: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"kent_mar.xlsx: Scorecard!A1:", `names Kent ("Kent County Council"), not Essex`, `scorecard authority "Kent County Council"`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("refusal does not say %q: %s", want, r.stderr)
		}
	}
	if after := mustRun(t, db, "show", "CLA01", "--json"); after != before {
		t.Errorf("Essex's CLA01 changed by a refused import:\n%s\nwas\n%s", after, before)
	}
	out := mustRun(t, db, "import", titledScorecard(t, "essex_mar.xlsx", "ECC Children's Services Performance Scorecard - March 2025", 9.1, 9.4, 9.6))
	if !strings.Contains(out, "(1 revised)") {
		t.Errorf("Essex's own scorecard did not revise Feb-25:\n%s", out)
	}
}
