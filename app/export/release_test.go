package export

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/importer"
)

// TestExcludingUASCDistricts: in the demo the districts and Out of County
// sum to Kent excluding UASC, so the export excluding UASC, suppressed as
// for circulation, gives every district a figure (or "c") for every
// indicator whose county figure can be excluded; and the release passes
// the disclosure audit (export runs it).
func TestExcludingUASCDistricts(t *testing.T) {
	h, m := demoHistory(t)
	for _, suppress := range []int{0, 5} {
		f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}, Suppress: suppress})
		ex, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
		rows, _ := f.GetRows(DistrictsSheet)
		block, filled := "", 0
		var areaCol map[app.Area]int
		for _, r := range rows {
			if len(r) == 1 {
				block = r[0]
				continue
			}
			if len(r) > 3 && r[0] == "Ref" {
				areaCol = map[app.Area]int{}
				for i, a := range r {
					areaCol[app.Area(a)] = i
				}
				continue
			}
			if block != exclusionWords([]app.Cohort{app.UASC}) || len(r) == 0 {
				continue
			}
			kent, ok := ex.Observation(app.SeriesKey{Ref: r[0], Area: app.Kent}, m.Latest())
			if !ok || kent.Status != app.OK {
				continue
			}
			for _, d := range app.Districts {
				i := areaCol[d]
				got := ""
				if i < len(r) {
					got = r[i]
				}
				if got == "" || got == string(app.CannotExclude) || got == "n/e" {
					t.Errorf("suppress %d: %s %s excluding UASC is %q, though Kent's can be excluded", suppress, r[0], d, got)
					continue
				}
				filled++
			}
		}
		if filled < 8*len(app.Districts) {
			t.Errorf("suppress %d: %d district figures excluding UASC, want at least %d", suppress, filled, 8*len(app.Districts))
		}
	}
}

// annexChild is one row of a generated Annex A List 8.
type annexChild struct {
	need, legal string
	male, uasc  bool
	reentry     bool
}

// writeAnnexList writes an Annex A List 8 of children in care on
// 31 March 2026 with several small categories: categories of need of 7,
// 1, 0, 1, 1 and 6 re-entries (the table), small legal statuses
// and a handful of UASC.
func writeAnnexList(t *testing.T, dir string) string {
	t.Helper()
	var cs []annexChild
	add := func(n int, c annexChild) {
		for range n {
			cs = append(cs, c)
		}
	}
	// Re-entries by need: N1 7, N2 1, N3 0, N4 1, N5 1, N6 6 (16).
	for need, n := range map[string]int{"N1": 7, "N2": 1, "N4": 1, "N5": 1, "N6": 6} {
		add(n, annexChild{need: need, legal: "C2", reentry: true, male: n%2 == 0})
	}
	add(40, annexChild{need: "N1", legal: "C2", male: true})
	add(31, annexChild{need: "N1", legal: "C2"})
	add(12, annexChild{need: "N2", legal: "V2", male: true})
	add(3, annexChild{need: "N3", legal: "E1"})
	add(9, annexChild{need: "N8", legal: "C2", male: true, uasc: true})
	add(2, annexChild{need: "N7", legal: "J2", male: true, uasc: true})
	add(5, annexChild{need: "N4", legal: "C1"})

	f := excelize.NewFile()
	defer f.Close()
	const sheet = "List 8"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	serial := func(d time.Time) excelize.Cell {
		return excelize.Cell{Value: d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24, StyleID: dateStyle}
	}
	rows := [][]any{
		{"Ofsted Annex A: List 8 - Children in care"},
		{"Local authority: Kent"},
		{},
		{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
			"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
			"Date Started to be Looked After", "Child's Category of Need",
			"Subsequent Period of Care Within Twelve Months of the End of the Previous Period (Y/N)",
			"Most Recent Legal Status", "Number of Placements in the Last 12 months", "Placement Type",
			"Placement Postcode", "LA of Placement", "District", "Date Ceased to be Looked After",
			"Reason Ceased to be Looked After"},
	}
	yn := map[bool]string{true: "Y", false: "N"}
	gender := map[bool]string{true: "a) Male", false: "b) Female"}
	snapshot := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for i, c := range cs {
		started := snapshot.AddDate(-2, 0, -i)
		if c.reentry {
			started = snapshot.AddDate(0, -3, -i)
		}
		rows = append(rows, []any{fmt.Sprintf("C%04d", i), gender[c.male], "a) WBRI",
			snapshot.AddDate(-3-i%14, 0, 0).Format("02/01/2006"), 3 + i%14, yn[c.uasc], serial(started),
			"a) " + c.need, yn[c.reentry], "a) " + c.legal + ": legal status", 1, "a) U1: placement",
			"", "Kent", string(app.Districts[i%len(app.Districts)]), "", ""})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "annex-a.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAnnexAExportProtected exports the figures and breakdowns of an
// Annex A list with several small categories, suppressed, for all children
// and excluding UASC: export's disclosure audit must find nothing
// recoverable, and the re-entries table must lose more than its
// three small categories.
func TestAnnexAExportProtected(t *testing.T) {
	res, err := importer.Read(context.Background(), writeAnnexList(t, t.TempDir()), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I1", Source: res.File}}
	h.Apply(res.Dataset, "I1")
	if len(h.Breakdowns()) == 0 {
		t.Fatal("the list gave no breakdowns")
	}
	for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
		f, sum := export(t, h, Options{Exclude: cs, Suppress: 5})
		if sum.Suppressed == 0 {
			t.Errorf("exclude %v: nothing suppressed", cs)
		}
		rows, _ := f.GetRows(BreakdownsSheet)
		shown := map[string]string{}
		for _, r := range rows {
			if len(r) >= 8 && r[0] == "Re-entries to care" && r[3] == "All children" && r[4] == "category of need" {
				code, _, _ := strings.Cut(r[5], " ")
				shown[code] = r[6]
			}
		}
		// 7, 1, 0, 1, 1, 6 of 16: the three 1s are withheld, and since with
		// the nought shown they would sum to 3, so is the 6.
		withheld := 0
		for _, need := range []string{"N2", "N4", "N5"} {
			if shown[need] != "c" {
				t.Errorf("exclude %v: re-entries %s shown as %q", cs, need, shown[need])
			}
		}
		for _, v := range shown {
			if v == "c" {
				withheld++
			}
		}
		if withheld < 4 {
			t.Errorf("exclude %v: re-entries by need %v: the c's can be worked out from the total and the nought", cs, shown)
		}
		t.Logf("exclude %v: %d figures suppressed; re-entries by need %v", cs, sum.Suppressed, shown)
	}
}
