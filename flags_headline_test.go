package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFlagsHeadlineNamesPeriod: a quarterly store whose only flags
// were a yearly measure's missing 2024/25 figure headlined `flags
// --period 2025-Q1` as "4 flags for 2024/25" (QA30 finding 15), naming
// the first flag's period, not the one asked or, without --period, the
// latest the brief reports. The headline names the period flagged.
func TestFlagsHeadlineNamesPeriod(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"Ref", "Period", "Area", "Cohort", "Value"},
		{"ED02", "2022/23", "Kent", "All", 22.0},
		{"ED02", "2023/24", "Kent", "All", 20.3},
	}
	for _, q := range []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"} {
		rows = append(rows, []any{"CIC01", q, "Kent", "All", 1900})
	}
	f.SetSheetName("Sheet1", "Data")
	for r, row := range rows {
		if err := f.SetSheetRow("Data", fmt.Sprintf("A%d", r+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	f.NewSheet("Definitions")
	defs := [][]any{
		{"Ref", "Indicator", "Polarity", "Unit", "Decimals", "Data Period"},
		{"ED02", "Pupils persistently absent (%)", "L", "%", 1, "A"},
		{"CIC01", "Number of children in care", "", "number", 0, "Q"},
	}
	for r, row := range defs {
		f.SetSheetRow("Definitions", fmt.Sprintf("A%d", r+1), &row)
	}
	path := filepath.Join(t.TempDir(), "quarters.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, db, "import", path)
	for _, args := range [][]string{{"flags", "--period", "2025-Q1"}, {"flags"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out := mustRun(t, db, args...)
			first, _, _ := strings.Cut(out, "\n")
			if !strings.Contains(first, " for Jan-Mar 2025: ") || !strings.Contains(first, "missing") {
				t.Errorf("headline %q, want the flags of Jan-Mar 2025, ED02's missing year among them", first)
			}
		})
	}
}
