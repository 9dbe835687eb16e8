package importer

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHiddenRowsAndColumnsSaid: figures in a hidden row or column are
// read, as a hidden sheet's are, but said at the row or column: a hidden
// Jun-25 of 99 drove the trend unseen. A run of hidden rows is said once,
// not a warning a row burying the rest.
func TestHiddenRowsAndColumnsSaid(t *testing.T) {
	tests := []struct {
		name       string
		hideRows   []int
		hideCols   []string
		wantN      int
		wantPrefix []string
	}{
		{"a hidden row and column", []int{4}, []string{"F"}, 20,
			[]string{"A4: row 4 is hidden: its 4 figures (HD01) were read as any visible row's",
				"F3: column F (Jun-25) is hidden: its 5 figures were read as any visible column's"}},
		{"runs of hidden rows", []int{4, 6, 7, 8}, nil, 20,
			[]string{"A4: row 4 is hidden: its 4 figures (HD01) were read as any visible row's",
				"A6: rows 6 to 8 are hidden: their 12 figures (HD03, HD04, HD05) were read as any visible row's"}},
		{"a hidden note column", nil, []string{"J"}, 20, nil},
		{"nothing hidden", nil, nil, 20, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			rows := [][]any{{"CYPE Scorecard - September 2025"}, {},
				{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jun-25", "Jul-25", "Aug-25", "Sep-25"},
				{"HD01", "Old definition", "H", 45, 40, 10, 10, 10, 10},
				{"HD02", "Visible indicator (%)", "H", 45, 40, 99, 41, 42, 43},
				{"HD03", "Old count", "H", nil, nil, 3, 3, 3, 3},
				{"HD04", "Old rate per 10,000", "H", nil, nil, 4, 4, 4, 4},
				{"HD05", "Old days", "H", nil, nil, 5, 5, 5, 5}}
			for r, row := range rows {
				cell, _ := excelize.CoordinatesToCellName(1, r+1)
				if err := f.SetSheetRow("Scorecard", cell, &row); err != nil {
					t.Fatal(err)
				}
			}
			for _, r := range tt.hideRows {
				if err := f.SetRowVisible("Scorecard", r, false); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range tt.hideCols {
				if err := f.SetColVisible("Scorecard", c, false); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "hidden.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(res.Dataset.Observations); n != tt.wantN {
				t.Errorf("%d figures read, want %d", n, tt.wantN)
			}
			checkWarnings(t, res.Warnings, []string{"hidden"}, tt.wantPrefix)
		})
	}
}
