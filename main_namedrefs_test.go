package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestNamedIndicatorsAcrossMonths: a scorecard with row numbers but no
// Ref is imported month by month; April's producer inserted a row, so
// every number below it moved, yet each indicator's April figure lands
// on its March history, by its name (QA19 D6). Such a file had been
// refused: "no header row found".
func TestNamedIndicatorsAcrossMonths(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leeds.db")
	mustRun(t, db, "authority", "Leeds")
	head := []any{"No.", "Indicator", "Polarity", "Feb-25", "Mar-25"}
	out := mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "march.xlsx", [][]any{head,
		{1, "Number of children looked after", "-", 1360, 1372},
		{2, "Children with 3+ placements (%)", "L", 10.1, 9.5}}))
	for _, want := range []string{`Scorecard!A1: column A "No." not read as refs`, `Scorecard!B1: no Ref column`, `NCLA-4384 "Number of children looked after"`} {
		if !strings.Contains(out, want) {
			t.Errorf("March's import does not say %q:\n%s", want, out)
		}
	}
	mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "april.xlsx", [][]any{
		{"No.", "Indicator", "Polarity", "Mar-25", "Apr-25"},
		{1, "Number of children looked after", "-", 1372, 1380},
		{2, "Children in care for 2.5 years in the same placement (%)", "H", 67.0, 68.0},
		{3, "Children with 3+ placements (%)", "L", 9.5, 9.7}}))
	tests := []struct {
		ref, name string
		points    []string // "PERIOD VALUE"
	}{
		{"NCLA-4384", "Number of children looked after", []string{"2025-02 1360", "2025-03 1372", "2025-04 1380"}},
		{"C3P-7503", "Children with 3+ placements (%)", []string{"2025-02 10.1", "2025-03 9.5", "2025-04 9.7"}},
		{"CC25YS-3512", "Children in care for 2.5 years in the same placement (%)", []string{"2025-03 67", "2025-04 68"}},
	}
	for _, tt := range tests {
		var show struct {
			Name   string
			Points []struct {
				Period string
				Value  float64
			}
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", tt.ref, "--json")), &show); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range show.Points {
			got = append(got, p.Period+" "+strconv.FormatFloat(p.Value, 'g', -1, 64))
		}
		if show.Name != tt.name || !slices.Equal(got, tt.points) {
			t.Errorf("%s: %q %q, want %q %q", tt.ref, show.Name, got, tt.name, tt.points)
		}
	}
	if list := mustRun(t, db, "list"); strings.Count(list, "\n") != 4 {
		t.Errorf("want 3 indicators listed:\n%s", list)
	}
}
