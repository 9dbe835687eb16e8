package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// TestScorecardShowsRegionBenchmark: the workbook and the pack show the
// region's figure beside England's (app/export/region.go), but the
// window's scorecard had no such column, so a DfE file's regional figure
// (South East 12% for CIC05 in 2024/25, la_cla_placement_stability.csv)
// was in the store and on paper but not on screen. It is now a column
// beside England's, headed as the other benchmarks are (and "Reg. (all)"
// while a cohort is excluded, its figure unchanged), explained in the
// heading's help and the user guide; another region's figure, or a
// region's later figure left out beside the year's others, is said in
// the row's notes.
func TestScorecardShowsRegionBenchmark(t *testing.T) {
	y2425 := app.Period{Kind: app.FinancialYear, Year: 2024}
	y2526 := app.Period{Kind: app.FinancialYear, Year: 2025}
	for _, tc := range []struct {
		name    string
		region  []app.Benchmark // added to the demo's benchmarks
		want    []string        // CIC05's England, Region, Neighbours and Year cells
		note    string          // in CIC05's notes; "" for no note of the region
		noNotes bool
	}{
		{"the DfE's regional figure", []app.Benchmark{{Ref: "CIC05", Period: y2425, Group: "South East", Value: app.Float(12)}},
			[]string{"10.0%", "12.0%", "10.6%", "2024/25"}, "", true},
		{"none stored", nil,
			[]string{"10.0%", "", "10.6%", "2024/25"}, "", true},
		{"suppressed", []app.Benchmark{{Ref: "CIC05", Period: y2425, Group: "South East", Status: app.Suppressed}},
			[]string{"10.0%", "c", "10.6%", "2024/25"}, "", true},
		{"another region's", []app.Benchmark{{Ref: "CIC05", Period: y2425, Group: "London", Value: app.Float(9.5)}},
			[]string{"10.0%", "9.5%", "10.6%", "2024/25"}, "the Region column shows London's figure; Kent is in South East", false},
		{"a later year's, left out", []app.Benchmark{{Ref: "CIC05", Period: y2526, Group: "South East", Value: app.Float(11)}},
			[]string{"10.0%", "", "10.6%", "2024/25"}, "South East's figure for 2025/26, later than 2024/25's, is in the store", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := demoDataset(t)
			d.Benchmarks = append(d.Benchmarks, tc.region...)
			w, err := newMainWindow(test.NewTempApp(t), newMemBackend(d), Options{})
			if err != nil {
				t.Fatal(err)
			}
			w.open()
			t.Cleanup(w.win.Close)
			cols := []int{colEngland, colRegion, colNeighbours, colBenchYear}
			if got := cells(t, w.score, "CIC05", cols...); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("CIC05 benchmarks %q, want %q", got, tc.want)
			}
			if got := w.score.title(colRegion); got != "Region" {
				t.Errorf("region heading %q, want Region", got)
			}
			row := &w.score.rows[rowIndexOf(t, w.score, "CIC05")]
			notes := strings.Join(row.notes, "\n")
			w.describeRow(row) // the line under the table, as highlighting the row says it
			switch {
			case tc.note != "" && !strings.Contains(w.hint.Text, tc.note):
				t.Errorf("the line under the table %q does not say %q", w.hint.Text, tc.note)
			case tc.noNotes && strings.Contains(notes, "Region") || tc.noNotes && strings.Contains(notes, "later than"):
				t.Errorf("CIC05's notes %q say something of the region", notes)
			}
			// Excluding UASC changes Kent's figure, not a benchmark,
			// which counts all children and is headed so.
			w.cohorts[app.UASC].SetChecked(true)
			if got := cells(t, w.score, "CIC05", cols...); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("CIC05 benchmarks excluding UASC %q, want %q unchanged", got, tc.want)
			}
			if got := w.score.title(colRegion); got != "Reg. (all)" {
				t.Errorf("region heading excluding UASC %q, want Reg. (all)", got)
			}
		})
	}
	if h := headingHelp[colRegion]; !strings.Contains(h, "region") || !strings.Contains(h, "all children") {
		t.Errorf("the Region heading's help %q does not say it is the region's, for all children", h)
	}
	if !strings.Contains(userGuide, "**Region**") {
		t.Errorf("the user guide does not explain the Region column")
	}
}

// rowIndexOf is the index in s.rows of ref's row.
func rowIndexOf(t *testing.T, s *scorecardTable, ref string) int {
	t.Helper()
	for i := range s.rows {
		if s.rows[i].ind.Ref == ref {
			return i
		}
	}
	t.Fatalf("%s has no row", ref)
	return -1
}
