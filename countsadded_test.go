package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeQuarterList8 writes an Annex A list 8 as CSV, as a borough's case
// management system exports it: inCare children looked after on 31 March
// 2025, every eighth of them UASC, with 1 to 4 placements in turn, and
// ceased more who left care in January, adopted. Its identifiers and
// dates are invented.
func writeQuarterList8(t *testing.T, dir string, inCare, ceased int) string {
	t.Helper()
	rows := [][]string{{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
		"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
		"Date Started to be Looked After", "Child's Category of Need", "Number of Placements in the Last 12 months",
		"Date Ceased to be Looked After", "Reason Ceased to be Looked After", "Placement Type", "LA of Placement"}}
	for i := range inCare + ceased {
		end, reason := "", ""
		if i >= inCare {
			end, reason = "15/01/2025", "a) E11: Adopted"
		}
		rows = append(rows, []string{fmt.Sprintf("K%05d", 31000+i), []string{"a) Male", "b) Female"}[i%2], "a) WBRI",
			fmt.Sprintf("%02d/03/%d", 1+i%9, 2010+i%7), []string{"N", "Y"}[boolInt(i%8 == 0)],
			fmt.Sprintf("%02d/06/2023", 1+i%28), "a) N1", fmt.Sprint(1 + i%4), end, reason, "a) U1: Foster placement", "Kent"})
	}
	path := filepath.Join(dir, "CLA list 8 2025-03-31.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestListCountsAddedNotRevised guards QA30's "revised from 387 to 387":
// a quarterly store's Jan-Mar 2025 figures, then the child-level list as
// at 31 March 2025 giving the same 40 children in care with the count
// behind it. That adds the count, it revises nothing, so neither flags,
// the brief nor the export says CIC01 was revised; CIC05, whose list
// figure (20 of 40, 50.0%) differs from the scorecard's 48.0%, is.
func TestListCountsAddedNotRevised(t *testing.T) {
	dir := t.TempDir()
	var rows []string
	for i, q := range []string{"2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"} {
		rows = append(rows,
			fmt.Sprintf("CIC01,Number of children in care,count,-,%s,Kent,All,,,%d", q, []int{45, 43, 42, 40}[i]),
			fmt.Sprintf("CIC05,Children in care with 3 or more placements in the last 12 months (%%),%%,L,%s,Kent,All,,,%.1f", q, []float64{47, 46.5, 47.5, 48}[i]))
	}
	db := filepath.Join(dir, "q.db")
	mustRun(t, db, "import", writeTidy(t, dir, "quarters.csv", rows))
	mustRun(t, db, "import", "--as-at", "2025-03-31", writeQuarterList8(t, dir, 40, 4))

	var flags []struct{ Ref, Period, Kind, Detail string }
	if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--json")), &flags); err != nil {
		t.Fatal(err)
	}
	cic05 := false
	for _, f := range flags {
		if f.Kind != "revised" {
			continue
		}
		switch f.Ref {
		case "CIC01":
			t.Errorf("flags --json: %+v, though the list only added CIC01's count", f)
		case "CIC05":
			cic05 = f.Detail == "revised from 48.0% to 50.0%"
		}
	}
	if !cic05 {
		t.Errorf("flags --json has no revision of CIC05 from 48.0%% to 50.0%%: %+v", flags)
	}
	brief := mustRun(t, db, "brief")
	for _, never := range []string{"revised from 40 to 40", "Number of children in care: 40, down 2, 3rd quarter falling; new this quarter"} {
		if strings.Contains(brief, never) {
			t.Errorf("the brief says %q:\n%s", never, brief)
		}
	}
	if !strings.Contains(brief, "CIC05 Children in care with 3 or more placements in the last 12 months (%): Jan-Mar 2025 revised from 48.0% to 50.0%") {
		t.Errorf("the brief does not say CIC05 was revised:\n%s", brief)
	}
	out := filepath.Join(dir, "out.xlsx")
	mustRun(t, db, "export", "--out", out)
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet, _ := x.GetRows("Scorecard")
	refAt := map[int]string{}
	for r, row := range sheet {
		if len(row) > 0 {
			refAt[r+1] = row[0]
		}
	}
	comments, err := x.GetComments("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	revised := map[string]bool{}
	for _, c := range comments {
		_, r, err := excelize.CellNameToCoordinates(c.Cell)
		if err == nil && strings.HasPrefix(c.Text, "Revised:") {
			revised[refAt[r]] = true
		}
	}
	if revised["CIC01"] || !revised["CIC05"] {
		t.Errorf("the export's Scorecard notes a revision of CIC01 %v, of CIC05 %v; want CIC05's alone", revised["CIC01"], revised["CIC05"])
	}
}

// TestImportSummaryCountsAdded guards the summary line QA30's fix left
// behind: a later import giving a figure held again with only the counts
// behind it added revises nothing, as flags and the brief say, yet the
// summary counted it among the figures revised ("(2 revised)" for a list
// that revised one). It is now said apart; counts revised under the same
// figure (20 of 40 given again as 25 of 50) are still a revision, as
// flags has them ("its counts revised; the figure stays 50.0%").
func TestImportSummaryCountsAdded(t *testing.T) {
	tidy := func(dir, name string, rows ...string) string { return writeTidy(t, dir, name, rows) }
	for _, tt := range []struct {
		name  string
		later func(t *testing.T, dir, db string) string // the later import's summary
		says  string
	}{
		{"a child-level list beside a quarterly scorecard", func(t *testing.T, dir, db string) string {
			var rows []string
			for i, q := range []string{"2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"} {
				rows = append(rows,
					fmt.Sprintf("CIC01,Number of children in care,count,-,%s,Kent,All,,,%d", q, []int{45, 43, 42, 40}[i]),
					fmt.Sprintf("CIC05,Children in care with 3 or more placements in the last 12 months (%%),%%,L,%s,Kent,All,,,%.1f", q, []float64{47, 46.5, 47.5, 48}[i]))
			}
			mustRun(t, db, "import", tidy(dir, "quarters.csv", rows...))
			return mustRun(t, db, "import", "--as-at", "2025-03-31", writeQuarterList8(t, dir, 40, 4))
		}, "(1 revised, 1 with counts added)"},
		{"counts added to one figure, another revised", func(t *testing.T, dir, db string) string {
			mustRun(t, db, "import", tidy(dir, "first.csv",
				"QC,Children seen within 10 days (%),%,H,2025-01,Kent,All,,,50",
				"QD,Children seen within 20 days (%),%,H,2025-01,Kent,All,,,30"))
			return mustRun(t, db, "import", tidy(dir, "second.csv",
				"QC,Children seen within 10 days (%),%,H,2025-01,Kent,All,20,40,50",
				"QD,Children seen within 20 days (%),%,H,2025-01,Kent,All,,,31"))
		}, "2 observations (1 revised, 1 with counts added)"},
		{"counts revised under the same figure", func(t *testing.T, dir, db string) string {
			mustRun(t, db, "import", tidy(dir, "first.csv", "QC,Children seen within 10 days (%),%,H,2025-01,Kent,All,20,40,50"))
			return mustRun(t, db, "import", tidy(dir, "second.csv", "QC,Children seen within 10 days (%),%,H,2025-01,Kent,All,25,50,50"))
		}, "1 observations (1 revised)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := tt.later(t, dir, filepath.Join(dir, "x.db"))
			if !strings.Contains(out, tt.says) {
				t.Errorf("the summary does not say %q:\n%s", tt.says, out)
			}
		})
	}
}
