package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNameOfRetiredAndSuccessor: the officer renumbered SG07 as SG17 and
// retired SG07 (scorecard retire), so the store holds the name under
// both. Next month's workbook with no Ref column had filed the name
// under a ref made from it, a third indicator. It is filed under SG17,
// the one in circulation, said at its cell, and joins its history.
func TestNameOfRetiredAndSuccessor(t *testing.T) {
	const name = "Number of strategy meetings"
	db := filepath.Join(t.TempDir(), "kent.db")
	dir := t.TempDir()
	mustRun(t, db, "import", writeScorecard(t, dir, "mar.xlsx", [][]any{
		{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"}, {"SG07", name, "H", 10, 11, 12},
		{"SG01", "Percentage of assessments in 45 days", "H", 80, 81, 82}}))
	mustRun(t, db, "import", writeScorecard(t, dir, "may.xlsx", [][]any{
		{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"}, {"SG17", name, "H", 13, 14},
		{"SG01", "Percentage of assessments in 45 days", "H", 83, 84}}))
	mustRun(t, db, "retire", "SG07")
	out := mustRun(t, db, "import", writeScorecard(t, dir, "jun.xlsx", [][]any{
		{"Indicator", "Polarity", "Jun-25"}, {name, "H", 15}, {"Percentage of assessments in 45 days", "H", 85}}))
	if want := `Scorecard!A2: "Number of strategy meetings" filed under SG17, the indicator of the same name in the store that is in circulation, not under SG07 (retired from Apr-25, scorecard retire)`; !strings.Contains(out, want) {
		t.Errorf("the import does not say %q:\n%s", want, out)
	}
	var inds []struct{ Ref string }
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, ind := range inds {
		refs = append(refs, ind.Ref)
	}
	if !slices.Equal(refs, []string{"SG07", "SG01", "SG17"}) {
		t.Errorf("the store lists %v, want SG07, SG01 and SG17 alone", refs)
	}
	var show struct {
		Points []struct{ Period string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", "SG17", "--json")), &show); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range show.Points {
		got = append(got, p.Period)
	}
	if !slices.Equal(got, []string{"2025-04", "2025-05", "2025-06"}) {
		t.Errorf("SG17's months %v, want Apr-25 to Jun-25", got)
	}
}
