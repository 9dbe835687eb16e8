package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestShowYearsWithTheirMarchFigure: a local scorecard's Mar-25 figure of
// an annual measure (Data period A), analysed as 2024/25, stands among the
// store's own years (QA24a D11): show lists 2022/23 and 2023/24 beside
// it, 2024/25 compared with 2023/24, and where DfE's published 2024/25
// disagrees, show and flags say both figures at that year; nothing
// hides the published one.
func TestShowYearsWithTheirMarchFigure(t *testing.T) {
	dfeCSV := filepath.Join("importer", "dfe", "testdata", "la_cla_placement_stability.csv") // Kent 2024/25: 221 / 1896
	const clash = "the figure in Mar-25's column (I0003, Scorecard!F2), 9.9%, is analysed as 2024/25; " +
		"the figure given for 2024/25 itself (I0001, line 697) is 11.7% (221 / 1896): they disagree, so check which is right"
	const name = "CIC05,Percentage of children in care with 3 or more placements in the year"
	for _, tc := range []struct {
		name   string
		dfe    bool
		points string
		note   string // on 2024/25, in show and flags; "" for none
	}{
		{"DfE's 2024/25 too", true, "2022/23=12.4 2023/24=11.2 2024/25=9.9", clash},
		{"the local years only", false, "2022/23=12.4 2023/24=11.2 2024/25=9.9", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "s.db")
			if tc.dfe {
				mustRun(t, db, "import", dfeCSV)
			} else {
				mustRun(t, db, "import", writeFile(t, "none.csv", "Ref,Period,Area,Value\nCIC06,2023/24,Kent,70\n"))
			}
			years := filepath.Join(dir, "years.csv")
			if err := os.WriteFile(years, []byte("Ref,Indicator,Unit,Polarity,Period,Area,Value\n"+
				name+",%,L,2022/23,Kent,12.4\n"+name+",%,L,2023/24,Kent,11.2\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			mustRun(t, db, "import", years)
			book := filepath.Join(dir, "scorecard.xlsx")
			f := excelize.NewFile()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Ref", "Indicator", "Polarity", "Data period", "Feb-25", "Mar-25"})
			f.SetSheetRow("Scorecard", "A2", &[]any{"CIC05", "Percentage of children in care with 3 or more placements in the year", "L", "A", nil, 9.9})
			if err := f.SaveAs(book); err != nil {
				t.Fatal(err)
			}
			mustRun(t, db, "import", book)

			var r struct {
				Points []struct {
					Period    string   `json:"period"`
					Value     *float64 `json:"value"`
					DoT       string   `json:"dot"`
					Disagrees string   `json:"source_disagrees"`
				}
			}
			if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC05", "--json")), &r); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Points {
				got = append(got, fmt.Sprintf("%s=%g", p.Period, *p.Value))
			}
			if strings.Join(got, " ") != tc.points {
				t.Fatalf("points %s, want %s", strings.Join(got, " "), tc.points)
			}
			last := r.Points[len(r.Points)-1]
			if last.DoT != "improved" || !strings.HasPrefix(last.Disagrees, tc.note) || (tc.note == "") != (last.Disagrees == "") {
				t.Errorf("2024/25: dot %q, note %q; want improved on 2023/24, note %q", last.DoT, last.Disagrees, tc.note)
			}
			text := mustRun(t, db, "show", "CIC05")
			flags := mustRun(t, db, "flags", "--period", "2025-03", "--json")
			for what, out := range map[string]string{"show": text, "flags": flags} {
				if tc.note != "" && !strings.Contains(out, tc.note) || tc.note == "" && strings.Contains(out, "disagree") {
					t.Errorf("%s says the two figures wrongly (want %q):\n%s", what, tc.note, out)
				}
			}
		})
	}
}
