package export

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
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
			said := 0
			for _, v := range r {
				if strings.HasPrefix(v, app.CannotExclude.String()) {
					said++
				}
			}
			if said > 1 {
				t.Errorf("suppress %d: %s says cannot exclude %d times across the districts, want once", suppress, r[0], said)
			}
			kent, ok := ex.Observation(app.SeriesKey{Ref: r[0], Area: app.Kent}, m.Latest())
			if !ok || kent.Status != app.OK {
				continue
			}
			for _, d := range app.Districts {
				if _, held := h.Observation(app.SeriesKey{Ref: r[0], Area: d}, m.Latest()); !held {
					continue // blank for all children too (ED03's stand-in month)
				}
				i := areaCol[d]
				got := ""
				if i < len(r) {
					got = r[i]
				}
				if got == "" || got == app.CannotExclude.String() || got == "n/e" {
					t.Errorf("suppress %d: %s %s excluding UASC is %q, though Kent's can be excluded", suppress, r[0], d, got)
					continue
				}
				filled++
			}
		}
		// The provenance of the districts' figures is in the rules.
		guidance, _ := f.GetRows(GuidanceSheet)
		proven := false
		for _, r := range guidance {
			if len(r) >= 8 && r[0] == "CIC01" && strings.Contains(r[7], "Out of County / Unknown sum to the county's figure excluding UASC") {
				proven = true
			}
		}
		if !proven {
			t.Errorf("suppress %d: CIC01's exclusion rule does not say how the districts' figures were proven", suppress)
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

// TestCommentsPerCohort: excluding UASC, a comment written about all
// children is labelled so, one quoting all children's figure is flagged,
// one written for the figures excluding UASC is shown as it is, and the
// benchmarks are labelled as all children's.
func TestCommentsPerCohort(t *testing.T) {
	h, m := demoHistory(t)
	p := m.Latest()
	all, _ := h.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, p)
	ex, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
	excl, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, p)
	quote := fmt.Sprintf("%s children in care this month.", app.FormatNumber(*all.Value, 0))
	h.Apply(&app.Dataset{Comments: []app.Comment{
		{Ref: "CIC01", Area: app.Kent, Period: p, Text: quote},
		{Ref: "CIC03", Area: app.Kent, Split: app.Excluding(app.UASC), Period: p, Text: "Written for the figures excluding UASC."},
	}}, "I0002")
	f, sum := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	comments := headerCol(t, f, "Comments")
	at := func(ref string) string {
		v, _ := f.GetCellValue(ScorecardSheet, cell(comments, sheetRow(t, f, ScorecardSheet, ref)))
		return v
	}
	if got := at("CIC01"); got != "(all children) "+quote {
		t.Errorf("CIC01 comment %q, want it labelled (all children)", got)
	}
	if got := at("CIC03"); got != "Written for the figures excluding UASC." {
		t.Errorf("CIC03 comment %q, want the one written for excluding UASC, unlabelled", got)
	}
	flagged := false
	for _, w := range sum.Warnings {
		if strings.Contains(w.Message, "CIC01") && strings.Contains(w.Message, app.FormatNumber(*excl.Value, 0)) {
			flagged = true
		}
	}
	if !flagged {
		t.Errorf("no warning that CIC01's comment quotes all children's %v beside %v: %v", *all.Value, *excl.Value, sum.Warnings)
	}
	if !hasComment(f, ScorecardSheet, cell(comments, sheetRow(t, f, ScorecardSheet, "CIC01")), "Check this comment") {
		t.Error("CIC01's comment cell has no note flagging the quoted figure")
	}
	rows, _ := f.GetRows(ScorecardSheet)
	if !slices.Contains(rows[headerRow-2], "Benchmarks (all children)") {
		t.Errorf("caption row %q: benchmarks not labelled as all children's", rows[headerRow-2])
	}
	// For all children nothing is labelled.
	f, _ = export(t, h, Options{})
	if got := at("CIC01"); got != quote {
		t.Errorf("all children: CIC01 comment %q, want %q", got, quote)
	}
}

// TestSourceWithheldNoThreshold (QA17b D5): the demo's source withholds
// Dover's CIC09 (average days to adoption) for Oct-26. Shown beside
// Kent's 23896 days for 58 children and the other districts' 22536 days
// for 54, it is (23896 - 22536)/(58 - 54) = 1360 days for 4 children.
// With --suppress 0 no count is withheld for its size, but the source's
// c must stay protected: another district goes with it, and Provenance
// says what was done rather than "every figure is shown".
func TestSourceWithheldNoThreshold(t *testing.T) {
	h, _ := demoHistory(t)
	oct26 := app.MonthOf(2026, time.October)
	for _, tt := range []struct {
		name     string
		suppress int
	}{{"--suppress 0", 0}, {"--suppress 1", 1}, {"--suppress 5", 5}} {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, h, Options{Suppress: tt.suppress})
			rows, _ := f.GetRows(DataSheet)
			var withheld []string
			for _, r := range rows[2:] {
				r = append(r, make([]string, 8)...)
				if r[0] == "CIC09" && r[1] == oct26.String() && r[3] == "All" && r[7] == app.Suppressed.String() {
					withheld = append(withheld, r[2])
				}
			}
			if !slices.Contains(withheld, "Dover") || len(withheld) < 2 {
				t.Errorf("CIC09 Oct-26 withheld for %v: Dover's c is Kent less the other districts", withheld)
			}
			prov, _ := f.GetRows(ProvenanceSheet)
			var text strings.Builder
			for _, r := range prov {
				text.WriteString(strings.Join(r, "|") + "\n")
			}
			if strings.Contains(text.String(), "every figure is shown") {
				t.Error(`Provenance says "every figure is shown"`)
			}
			if tt.suppress <= 1 && !strings.Contains(text.String(), "a figure the source withheld stays c") {
				t.Error("Provenance does not say the source's c stays withheld")
			}
		})
	}
}
