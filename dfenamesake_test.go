package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDfENamesakeWarned guards QA30 18 end to end: a store whose
// scorecard gives SCS04 "Care leavers aged 19-21 in education,
// employment or training (%)" imports the DfE's care leavers file, whose
// measure is filed as CL01. The import says so at the line of Kent's
// first row, naming SCS04, and keeps both: CL01 is listed beside SCS04,
// whose definition is untouched.
func TestDfENamesakeWarned(t *testing.T) {
	dir := t.TempDir()
	var rows []string
	for _, m := range []string{"2025-01", "2025-02", "2025-03"} {
		rows = append(rows, "SCS04,Care leavers aged 19-21 in education employment or training (%),%,H,"+m+",Kent,All,130,200,65")
	}
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeTidy(t, dir, "scorecard.csv", rows))

	var csv strings.Builder
	csv.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent\n")
	for _, geo := range []string{"National,E92000001,England,,,,,", "Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016"} {
		for _, b := range [][3]string{{"Total", "1500", "100"}, {"Total in education, employment or training", "930", "62"}} {
			fmt.Fprintf(&csv, "2025,Reporting year,%s,19 to 21 years,%q,%s,%s\n", geo, b[0], b[1], b[2])
		}
	}
	file := filepath.Join(dir, "la_care_leavers_activity.csv")
	if err := os.WriteFile(file, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, db, "import", file)
	if !strings.Contains(out, `la_care_leavers_activity.csv: line 4: CL01 Care leavers aged 19-21 in education, employment or training: filed as CL01; your SCS04 has the same name: "Care leavers aged 19-21 in education employment or training (%)"`) {
		t.Errorf("the import does not say CL01 is filed beside SCS04 of the same name:\n%s", out)
	}
	list := mustRun(t, db, "list")
	if !strings.Contains(list, "CL01") || !strings.Contains(list, "SCS04  Care leavers aged 19-21 in education employment or training (%)") {
		t.Errorf("list does not keep both as defined:\n%s", list)
	}
}
