package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// quarterlyWorkbook writes QA23c's q04.xlsx: a Scorecard export's Data,
// Definitions and Targets sheets giving Q04, a quarterly percentage (Data
// period Q), in the months quarters end, Dec-24 to Sep-26 (40% rising by
// 3 points a quarter to 61%), against a target of 70% and a floor of 55%.
func quarterlyWorkbook(t *testing.T) string {
	t.Helper()
	return quarterWorkbook(t, "Q04", "Care leavers in suitable accommodation (%)",
		"2024-12", "2025-03", "2025-06", "2025-09", "2025-12", "2026-03", "2026-06", "2026-09")
}

// quarterWorkbook writes, as quarterlyWorkbook does, indicator ref
// (name) with its figures in months, the first 40%, rising by 3 points
// each month given.
func quarterWorkbook(t *testing.T, ref, name string, months ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheets := map[string][][]any{
		"Data": {{"Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value", "Status"}},
		"Definitions": {{"Ref", "Indicator", "Section", "Polarity", "Unit", "Decimals", "Measure", "Data Period", "Target Year", "How it is calculated", "Cohorts not counted", "Owner"},
			{ref, name, "Placements", "H", "%", 1, "proportion", "Q", "Financial",
				"Numerator: care leavers in suitable accommodation. Denominator: care leavers.", "", "QA owner"}},
		"Targets": {{"Ref", "Year", "Target", "Floor", "Tolerance"}, {ref, "2024/25", 70, 55}, {ref, "2025/26", 70, 55}, {ref, "2026/27", 70, 55}},
	}
	for i, p := range months {
		n := 40 + 3*i
		sheets["Data"] = append(sheets["Data"], []any{ref, p, "Kent", "All", n, 100, float64(n)})
	}
	for i, name := range []string{"Data", "Definitions", "Targets"} {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			if err := f.SetSheetRow(name, fmt.Sprintf("A%d", r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), strings.ToLower(ref)+".xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOffCycleSaid: with the demo's months to Oct-26 and Q04's quarters
// to Jul-Sep 2026, `flags` notes, and `brief` says, Q04's latest quarter
// as the pack says it under its scorecard, labelled as the quarter's and
// not as Oct-26's; for Sep-26, when its quarter ends, neither says it
// (QA23c D10).
func TestOffCycleSaid(t *testing.T) {
	db := demoStore(t)
	mustRun(t, db, "import", quarterlyWorkbook(t))
	const oct = "Q04 Care leavers in suitable accommodation (%): quarterly: Jul-Sep 2026 = 61.0% AMBER; next due Dec-26, so October 2026 has no figure, rating or direction of it."
	for _, tt := range []struct {
		args         []string
		stdout, note string // "" for none: what brief says, what flags notes
	}{
		{[]string{"flags"}, "", "note: " + oct + "\n"},
		{[]string{"flags", "--json"}, "", "note: " + oct + "\n"},
		{[]string{"flags", "--period", "2026-09"}, "", ""},
		{[]string{"brief"}, "\n" + oct + "\n", ""},
		{[]string{"brief", "--period", "2026-09"}, "", ""},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := scorecard(t, db, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if tt.stdout != "" && !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout does not say %q:\n%s", tt.stdout, r.stdout)
			}
			if tt.note != "" && !strings.Contains(r.stderr, tt.note) {
				t.Errorf("stderr does not note %q:\n%s", tt.note, r.stderr)
			}
			if tt.stdout == "" && tt.note == "" && strings.Contains(r.stdout+r.stderr, "quarterly:") {
				t.Errorf("says the quarter off cycle in its own month:\n%s%s", r.stdout, r.stderr)
			}
			if strings.Contains(r.stdout, `"Q04"`) && strings.Contains(r.stdout, `"2026-10"`) {
				t.Errorf("flags Q04 in Oct-26:\n%s", r.stdout)
			}
		})
	}
}
