package export

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSchoolsNotSuppressed (QA31 6): the demo's ED04, primary schools
// judged good or outstanding of the schools with a graded judgement,
// counts schools, not children. The DfE does not suppress counts of
// schools and Ofsted publishes every school's judgement, so a district's
// 34 of 37 is shown though 3 schools are not good: every district figure
// of its 24 months (160 of the 288 were c). CIC07, children in care with
// an up-to-date health assessment, beside it keeps its c's: 1 to 4
// children without one are children.
func TestSchoolsNotSuppressed(t *testing.T) {
	h, _ := demoHistory(t)
	f, _ := export(t, h, Options{Suppress: 5})
	rows, err := f.GetRows(DataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	shown, withheld := map[string]int{}, map[string]int{}
	for _, r := range rows[2:] {
		r = append(r, make([]string, len(DataHeader))...)
		if app.Area(r[2]) == app.Kent || r[3] != "All" {
			continue
		}
		if r[7] == app.Suppressed.String() {
			withheld[r[0]]++
		} else {
			shown[r[0]]++
		}
	}
	if shown["ED04"] == 0 || withheld["ED04"] > 0 {
		t.Errorf("ED04, a measure of schools: %d district figures shown, %d withheld, want all shown", shown["ED04"], withheld["ED04"])
	}
	if withheld["CIC07"] == 0 {
		t.Errorf("CIC07, a measure of children: no district figure withheld (%d shown)", shown["CIC07"])
	}
	prov, _ := f.GetRows(ProvenanceSheet)
	said := false
	for _, r := range prov {
		for _, c := range r {
			said = said || containsAll(c, []string{"not counts of schools", "Ofsted publishes every school's judgement"})
		}
	}
	if !said {
		t.Error("the Provenance sheet does not say counts of schools are not suppressed")
	}
}
