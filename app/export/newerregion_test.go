package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestNewerRegionKeepsEnglandShown: a scorecard whose regional column is
// a year newer than England's ("Region 2024-25" beside "England
// 2023/24") circulates England's and the benchmark year 2023/24, in the
// workbook and the PDF pack, not blanks under 2024/25 (QA25 D4); the
// region's newer figure, which neither shows, is said in the note at the
// benchmark year.
func TestNewerRegionKeepsEnglandShown(t *testing.T) {
	auth, ok := app.LookupAuthority("Kent")
	if !ok {
		t.Fatal("no authority Kent")
	}
	tests := []struct {
		name, head string
		year, note string // the Benchmark year cell, and what its note says
	}{
		{"a newer region", "Region 2024-25", "2023/24",
			"South East's figure for 2024/25, later than 2023/24's, is in the store (scorecard show CIC05) but not shown here"},
		{"a region of England's year", "Region 2023/24", "2023/24", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			h := storeFor(t, auth, sheetWorkbook(t, dir, "Scorecard", [][]any{
				{"Kent CYPE Performance Scorecard - March 2025"},
				{},
				{"Ref", "Indicator", "Polarity", "Unit", "Jan-25", "Feb-25", "Mar-25", "England 2023/24", tt.head},
				{"CIC05", "Children in care with 3+ placements", "L", "%", 10.4, 10.5, 10.6, 10.0, 9.2},
			}))
			opt := Options{Authority: auth, Area: auth.Area(), Produced: produced, AppVersion: "1.0-test"}
			f, _ := written(t, h, opt, false)
			r := sheetRow(t, f, ScorecardSheet, "CIC05")
			england, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "England"), r))
			yearCol := headerCol(t, f, "Benchmark year")
			year, _ := f.GetCellValue(ScorecardSheet, cell(yearCol, r))
			if england == "" || year != tt.year {
				t.Errorf("Scorecard CIC05: England %q, benchmark year %q; want England's 10.0%% and %s", england, year, tt.year)
			}
			cs, err := f.GetComments(ScorecardSheet)
			if err != nil {
				t.Fatal(err)
			}
			note := ""
			for _, c := range cs {
				if c.Cell == cell(yearCol, r) {
					note = noteText(c)
				}
			}
			if tt.note != "" && !strings.Contains(note, tt.note) || tt.note == "" && strings.Contains(note, "not shown here") {
				t.Errorf("note at the benchmark year %q, want it to say %q", note, tt.note)
			}
			pdf := filepath.Join(dir, "pack.pdf")
			if _, err := Write(context.Background(), pdf, h, opt); err != nil {
				t.Fatal(err)
			}
			// The pack's scorecard row: its figure, and England's beside.
			shown := false
			for _, line := range strings.Split(strings.Join(pdfText(t, pdf), "\n"), "\n") {
				if f := strings.Fields(line); len(f) > 0 && f[0] == "CIC05" && strings.Contains(line, "10.6%") && strings.Contains(line, "10.0%") {
					shown = true
				}
			}
			if !shown {
				t.Errorf("the pack's scorecard shows no England figure beside CIC05's 10.6%%")
			}
		})
	}
}
