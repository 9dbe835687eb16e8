package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// districtCard is a month's scorecard workbook: CIC05 (lower is better)
// for Kent by month with the year's target and floor, a Districts sheet
// of the latest month and, where targets is given, a Targets sheet with
// a District column.
func districtCard(t *testing.T, dir, name, title string, months []any, kent []any, target, floor float64, districts map[string]float64, targets [][]any) string {
	t.Helper()
	ind := "Children in care with 3 or more placements in the last 12 months (%)"
	card := [][]any{{"Children, Young People and Education Performance Scorecard - " + title}, {}, {},
		append([]any{"Ref", "Indicator", "Polarity", "Data Period", "2025/26 Target", "2025/26 Floor"}, months...),
		append([]any{"CIC05", ind, "L", "R12M", target, floor}, kent...)}
	heads := []any{"Ref", "Indicator", "Kent"}
	row := []any{"CIC05", ind, kent[len(kent)-1]}
	for _, d := range []string{"Dover", "Swale", "Thanet"} {
		heads, row = append(heads, d), append(row, districts[d])
	}
	sheets := []namedRows{{"CYPE Scorecard", card}, {"Districts", [][]any{{"District summary - " + title}, {}, {}, heads, row}}}
	if targets != nil {
		sheets = append(sheets, namedRows{"Targets", append([][]any{{"Ref", "Year", "District", "Target", "Floor"}}, targets...)})
	}
	return writeSheets(t, dir, name, sheets...)
}

// A year's target restated mid-year (October's scorecard gives 2025/26's
// target and floor 9 and 11 as 10 and 12) re-rates each district's
// figures as far as it is the district's target: Swale has its own
// target and floor (8, 8.2) from September's Targets sheet, Thanet its
// own target alone (8, with the year's floor), Dover none. Hand-worked,
// Sep-25's 11.5 in each is, after the restatement, RED for Swale (over
// its floor 8.2), AMBER for Thanet (over 8, within the year's new floor
// 12) and AMBER for Dover (within 12); before it Thanet and Dover were
// RED (over 11) and Swale RED. The district's brief says so: Swale's
// was said to turn RED to AMBER under the year's target it is not rated
// against. Where October's Targets sheet restates Swale's own target
// too (8.5, 8.7), Swale's Sep-25 8.3 turns RED (over 8.2) to GREEN
// (within 8.5), said from Swale's old target, not its new one, by the
// import as by the brief. show --area, the export's Districts sheet and
// the district's brief agree.
func TestRestatedTargetRatesDistrictsAtTheirOwn(t *testing.T) {
	const year = "2025/26 target revised from target 9.0%, floor 11.0% (I0001) to target 10.0%, floor 12.0% (I0002); "
	type rated struct {
		area, show string // show --area's points
		sheet      string // the Districts sheet's letter for Sep-25
		brief      string // the district's brief of Sep-25 on the restated target
	}
	for _, tc := range []struct {
		name      string
		sep, oct  map[string]float64
		octTarget [][]any // October's Targets sheet; nil for none
		octSays   string  // October's import's warning of a district's own target
		rated     []rated
	}{{
		name: "the year's target restated",
		sep:  map[string]float64{"Dover": 11.5, "Swale": 11.5, "Thanet": 11.5},
		oct:  map[string]float64{"Dover": 11.8, "Swale": 8.1, "Thanet": 9.2},
		rated: []rated{
			{"Kent", "2025-08 10/12 AMBER; 2025-09 10/12 GREEN; 2025-10 10/12 GREEN", "G",
				year + "it changes the rating of 1 reported figure: Sep-25 AMBER to GREEN"},
			{"Swale", "2025-09 8/8.2 RED; 2025-10 8/8.2 AMBER", "R",
				year + "Swale is rated against its own target, target 8.0%, floor 8.2%, which stands: it changes the rating of no figure held"},
			{"Thanet", "2025-09 8/12 AMBER; 2025-10 8/12 AMBER", "A",
				year + "Thanet is rated against its own target, here from target 8.0%, floor 11.0% to target 8.0%, floor 12.0%: it changes the rating of 1 reported figure: Sep-25 RED to AMBER"},
			{"Dover", "2025-09 10/12 AMBER; 2025-10 10/12 AMBER", "A",
				year + "it changes the rating of 1 reported figure: Sep-25 RED to AMBER"},
		},
	}, {
		name:      "the year's target and Swale's own restated",
		sep:       map[string]float64{"Dover": 11.5, "Swale": 8.3, "Thanet": 11.5},
		oct:       map[string]float64{"Dover": 11.8, "Swale": 8.6, "Thanet": 9.2},
		octTarget: [][]any{{"CIC05", "2025/26", "", 10, 12}, {"CIC05", "2025/26", "Swale", 8.5, 8.7}},
		octSays:   "Targets!A3: CIC05 2025/26: Swale's own target here (target 8.5, floor 8.7) replaces the stored one (target 8, floor 8.2); it changes the rating of 1 reported figure: Sep-25 RED to GREEN",
		rated: []rated{
			{"Swale", "2025-09 8.5/8.7 GREEN; 2025-10 8.5/8.7 AMBER", "G",
				year + "Swale is rated against its own target, here from target 8.0%, floor 8.2% to target 8.5%, floor 8.7%: it changes the rating of 1 reported figure: Sep-25 RED to GREEN"},
			{"Thanet", "2025-09 8/12 AMBER; 2025-10 8/12 AMBER", "A",
				year + "Thanet is rated against its own target, here from target 8.0%, floor 11.0% to target 8.0%, floor 12.0%: it changes the rating of 1 reported figure: Sep-25 RED to AMBER"},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "t.db")
			mustRun(t, db, "authority", "Kent")
			sep := districtCard(t, dir, "Scorecard September.xlsx", "September 2025", []any{"Aug-25", "Sep-25"}, []any{10.2, 9.8}, 9, 11, tc.sep,
				[][]any{{"CIC05", "2025/26", "", 9, 11}, {"CIC05", "2025/26", "Swale", 8, 8.2}, {"CIC05", "2025/26", "Thanet", 8, nil}})
			oct := districtCard(t, dir, "Scorecard October.xlsx", "October 2025", []any{"Aug-25", "Sep-25", "Oct-25"}, []any{10.2, 9.8, 9.9}, 10, 12, tc.oct, tc.octTarget)
			mustRun(t, db, "import", sep)
			out := mustRun(t, db, "import", oct)
			if !strings.Contains(out, "the year's target here (target 10, floor 12) replaces the stored one (target 9, floor 11); it changes the rating of 1 reported figure: Sep-25 AMBER to GREEN") {
				t.Fatalf("October's import does not say it restates the year's target:\n%s", out)
			}
			if tc.octSays != "" && !strings.Contains(out, tc.octSays+"\n") {
				t.Errorf("October's import does not say %q:\n%s", tc.octSays, out)
			}
			xlsx := filepath.Join(dir, "sep.xlsx")
			mustRun(t, db, "export", "--period", "2025-09", "--suppress", "0", "--out", xlsx)
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Districts")
			if err != nil {
				t.Fatal(err)
			}
			sheetRAG := func(area string) string { // the letter the Districts sheet gives area's CIC05
				t.Helper()
				col := -1
				for _, r := range rows {
					for i, c := range r {
						if c == area && col < 0 {
							col = i
						}
					}
					if col >= 0 && len(r) > col && r[0] == "CIC05" {
						return r[col][len(r[col])-1:]
					}
				}
				t.Fatalf("the Districts sheet has no CIC05 figure for %s:\n%v", area, rows)
				return ""
			}
			for _, r := range tc.rated {
				if got := shownTargets(t, db, r.area); got != r.show {
					t.Errorf("show --area %s: %q, want %q", r.area, got, r.show)
				}
				if got := sheetRAG(r.area); got != r.sheet {
					t.Errorf("the Districts sheet rates %s's Sep-25 %s, want %s", r.area, got, r.sheet)
				}
				if brief := mustRun(t, db, "brief", "--area", r.area, "--period", "2025-09"); !strings.Contains(brief, r.brief+" (") {
					t.Errorf("brief --area %s does not say %q:\n%s", r.area, r.brief, brief)
				}
			}
		})
	}
}
