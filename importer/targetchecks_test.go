package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestTargetCellsChecked guards QA17 D3, D5 and D6: a target or floor
// that cannot be meant as read was kept with nothing said. Two numbers in
// a target cell ("85/90") were read as a fraction (94.44); 85 typed into
// a cell formatted 0% was kept as 8500; a floor on the wrong side of its
// target for the polarity was kept, leaving no amber band.
func TestTargetCellsChecked(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "Jun-25"}
	tests := []struct {
		name    string
		rows    [][]any
		pctCols []string // cells of row 2 formatted 0%
		csv     string   // a targets table instead of a workbook
		want    []string // warnings, each "cell: contains"
		target  map[string]*float64
	}{
		{name: "target and stretch, or target and floor, in one cell",
			rows: [][]any{head,
				{"SCS01", "Assessments in 45 days (%)", "H", "85/90", nil, 80, 86, 91},
				{"SCS10", "Average caseload of social workers", "L", "18/20", nil, 17, 19, 21},
				{"CIC05", "Children with 3 or more placements (%)", "L", "10 / 12", "12/15", 9, 11, 13}},
			want: []string{`D2: SCS01: target skipped: "85/90" holds two numbers, 85 and 90`,
				`D3: SCS10: target skipped: "18/20" holds two numbers`,
				`D4: CIC05: target skipped: "10 / 12" holds two numbers`,
				`E4: CIC05: floor skipped: "12/15" holds two numbers`},
			target: map[string]*float64{"SCS01": nil, "SCS10": nil, "CIC05": nil}},
		{name: "a targets table's target as two numbers",
			csv:    "Ref,Year,Target,Floor\nCIC05,2025/26,10/12,15\n",
			want:   []string{`line 2: CIC05 2025/26: target skipped: "10/12" holds two numbers`},
			target: map[string]*float64{"CIC05": nil}},
		{name: "a percentage target typed whole into a 0% cell",
			rows: [][]any{head,
				{"SCS01", "Assessments in 45 days (%)", "H", 85, 75, 0.82, 0.86, 0.9}},
			pctCols: []string{"D2", "E2", "F2", "G2", "H2"},
			want: []string{`A2: SCS01 2025/26: target 8500 is not a percentage between 0 and 100`,
				`A2: SCS01 2025/26: floor 7500 is not a percentage between 0 and 100`},
			target: map[string]*float64{"SCS01": app.Float(8500)}},
		{name: "a percentage target above 100 or below 0",
			rows: [][]any{head,
				{"SCS01", "Assessments in 45 days (%)", "H", 150, -5, 82, 86, 90},
				{"SCS02", "Visits on time (%)", "H", 100, 0, 82, 86, 90}},
			want: []string{`A2: SCS01 2025/26: target 150 is not a percentage`,
				`A2: SCS01 2025/26: floor -5 is not a percentage`}},
		{name: "a floor on the wrong side of its target",
			rows: [][]any{head,
				{"CIC05", "Children with 3 or more placements (%)", "H", 10, 12, 9.5, 11, 13},
				{"SCS01", "Assessments in 45 days (%)", "L", 85, 75, 70, 80, 90},
				{"SCS02", "Re-referrals (%)", "L", 20, 25, 18, 22, 26},
				{"SCS03", "Visits on time (%)", "H", 90, 80, 85, 88, 92},
				{"SCS04", "Visits in a week (%)", "H", 90, 90, 85, 88, 92},
				{"SCS05", "Caseload", "T", 18, 25, 17, 19, 21}},
			want: []string{`A2: CIC05 2025/26: floor 12 is above target 10, but higher is better`,
				`A3: SCS01 2025/26: floor 75 is below target 85, but lower is better`}},
		{name: "a polarity written in words that turn it round agrees with its floor",
			rows: [][]any{head,
				{"CIC05", "Children with 3 or more placements (%)", "Higher is worse", 10, 12, 9.5, 11, 13},
				{"EH02", "Early help closed with needs met (%)", "Low is bad", 80, 70, 78, 80, 82}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var path string
			if tt.csv != "" {
				path = filepath.Join(t.TempDir(), "targets.csv")
				if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				path = writeBook(t, "Scorecard", tt.rows)
				if len(tt.pctCols) > 0 {
					formatPercent(t, path, "Scorecard", tt.pctCols)
				}
			}
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "two numbers") || strings.Contains(w.Message, "not a percentage") ||
					strings.Contains(w.Message, "is better") {
					got = append(got, w.Cell+": "+w.Message)
				}
			}
			for _, w := range tt.want {
				if !containsPrefix(got, w) {
					t.Errorf("no warning beginning %q in %q", w, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("warnings %q, want %d", got, len(tt.want))
			}
			for ref, want := range tt.target {
				var have *float64
				for _, tg := range res.Dataset.Targets {
					if tg.Ref == ref && tg.Target != nil {
						have = tg.Target
					}
				}
				if (have == nil) != (want == nil) || have != nil && *have != *want {
					t.Errorf("%s target %v, want %v", ref, fmtPtr(have), fmtPtr(want))
				}
			}
		})
	}
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// formatPercent gives the cells the number format 0%.
func formatPercent(t *testing.T, path, sheet string, cells []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if err := f.SetCellStyle(sheet, c, c, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
