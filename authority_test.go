package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"scorecard/app/store"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestAuthorityCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if out := mustRun(t, db, "authority"); !strings.HasPrefix(out, "Kent: LA 886, E10000016, South East\ndistricts: Ashford,") {
		t.Errorf("a store with no authority: %q, want Kent, the default", out)
	}
	r := scorecard(t, db, "authority", "Surry")
	if r.code != 2 || !strings.Contains(r.stderr, "nearest: Surrey (936)") {
		t.Errorf("unknown authority: exit %d %q, want 2 naming Surrey", r.code, r.stderr)
	}
	if out := mustRun(t, db, "authority", "E10000030"); !strings.HasPrefix(out, "Surrey: LA 936") {
		t.Errorf("set by code: %q", out)
	}
	csv := filepath.Join(t.TempDir(), "surrey.csv")
	if err := os.WriteFile(csv, []byte("Ref,Indicator,Period,Area,Value\nCIC01,Children in care,2025-03,Surrey,932\nCIC01,Children in care,2025-03,Epsom & Ewell,61\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csv)
	if out := mustRun(t, db, "show", "CIC01", "--area", "Epsom and Ewell", "--json"); !strings.Contains(out, `"area": "Epsom and Ewell"`) || !strings.Contains(out, "61") {
		t.Errorf("show --area Epsom and Ewell in a Surrey store:\n%s", out)
	}
	xlsx := filepath.Join(t.TempDir(), "surrey.xlsx")
	mustRun(t, db, "export", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Districts")
	f.Close()
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	if text := strings.Join(all, "\n"); !strings.Contains(text, "Epsom and Ewell") || !strings.Contains(text, "Woking") || strings.Contains(text, "Ashford") {
		t.Errorf("a Surrey store's Districts sheet:\n%s", text)
	}
	if r := scorecard(t, db, "show", "CIC01", "--area", "Ashford"); r.code == 0 {
		t.Errorf("a Kent district in a Surrey store: exit 0\n%s", r.stdout)
	}
	r = scorecard(t, db, "authority", "Kent")
	if r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("changing a store holding figures: exit %d %q, want 1 asking for --force", r.code, r.stderr)
	}
	if out := mustRun(t, db, "authority"); !strings.HasPrefix(out, "Surrey:") {
		t.Errorf("after a refused change: %q, want Surrey still", out)
	}
	if out := mustRun(t, db, "authority", "--force", "Kent"); !strings.HasPrefix(out, "Kent:") {
		t.Errorf("--force: %q", out)
	}
}

func TestAuthorityDistrictsTheOfficerNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	out := mustRun(t, db, "authority", "Cornwall", "--districts", "Penwith, Kerrier")
	if !strings.Contains(out, "districts: Penwith, Kerrier") {
		t.Errorf("Cornwall with named localities: %q", out)
	}
	csv := filepath.Join(t.TempDir(), "cornwall.csv")
	if err := os.WriteFile(csv, []byte("Ref,Indicator,Period,Area,Value\nCIC01,Children in care,2025-03,Cornwall,800\nCIC01,Children in care,2025-03,Penwith,90\nCIC01,Children in care,2025-03,Isles of Scilly,30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, db, "import", csv)
	if !strings.Contains(out, `area "Isles of Scilly" is not Cornwall, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "Isles of Scilly"`) {
		t.Errorf("a row of another authority imported without a warning:\n%s", out)
	}
	if out := mustRun(t, db, "show", "CIC01", "--area", "penwith", "--json"); !strings.Contains(out, `"area": "Penwith"`) {
		t.Errorf("show --area penwith:\n%s", out)
	}
	// Districts holding figures are not left out, nor respelt, unsaid:
	// their figures would be lost to the export's Districts sheet and
	// --area (the campaign of other councils' workbooks, F2).
	for _, names := range []string{"", "Kerrier", "Penwith District, Kerrier"} {
		r := scorecard(t, db, "authority", "--districts", names)
		if r.code != 1 || !strings.Contains(r.stderr, "the store holds figures for districts these --districts leave out or spell otherwise: Penwith (1 figure)") || !strings.Contains(r.stderr, "add --force") {
			t.Errorf("--districts %q: exit %d %q, want refused naming Penwith and --force", names, r.code, r.stderr)
		}
	}
	if out := mustRun(t, db, "authority", "--districts", "Penwith, Kerrier, Camborne"); !strings.Contains(out, "districts: Penwith, Kerrier, Camborne") {
		t.Errorf("--districts keeping Penwith: %q", out)
	}
	if out := mustRun(t, db, "authority", "--districts", "", "--force"); strings.Contains(out, "districts:") {
		t.Errorf("--districts \"\" --force kept them: %q", out)
	}
}

func TestFlagsPutTheStoresAuthorityFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	mustRun(t, db, "authority", "Surrey")
	var b strings.Builder
	b.WriteString("Ref,Indicator,Period,Area,Value\n")
	for i := range 15 {
		p := fmt.Sprintf("%d-%02d", 2024+(i/12), 1+i%12)
		v := 100 + i%3
		if i == 14 {
			v = 200 // a special cause in both areas
		}
		for _, a := range []string{"Elmbridge", "Surrey"} {
			fmt.Fprintf(&b, "CIC01,Children in care,%s,%s,%d\n", p, a, v)
		}
	}
	csv := filepath.Join(t.TempDir(), "surrey.csv")
	if err := os.WriteFile(csv, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csv)
	out := mustRun(t, db, "flags")
	if !strings.Contains(out, "\n  Surrey  ") || !strings.Contains(out, "other areas: Elmbridge") {
		t.Errorf("flags: Surrey's in full, Elmbridge's by name:\n%s", out)
	}
	all := mustRun(t, db, "flags", "--all", "--json")
	if s, e := strings.Index(all, `"area": "Surrey"`), strings.Index(all, `"area": "Elmbridge"`); s < 0 || e < 0 || s > e {
		t.Errorf("flags --all: Surrey at %d, Elmbridge at %d; want the authority first\n%s", s, e, all)
	}
}

// An area name the authority does not have is kept and warned of until
// the officer maps it; the mapping is kept for the family of files.
func TestImportAreaNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	dir := t.TempDir()
	month := func(name, period string, kent, locality int) string {
		path := filepath.Join(dir, name)
		body := fmt.Sprintf("Ref,Indicator,Period,Area,Value\nCIC01,Children in care,%s,Kent,%d\nCIC01,Children in care,%s,North Kent Locality,%d\n", period, kent, period, locality)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	out := mustRun(t, db, "import", month("Localities Jan-25.csv", "2025-01", 1890, 300))
	if !strings.Contains(out, `Localities Jan-25.csv: line 3: CIC01: area "North Kent Locality" is not Kent`) || !strings.Contains(out, `kept under "North Kent Locality"`) {
		t.Errorf("an unknown area imported without a warning at its line:\n%s", out)
	}
	// Kept under its own name, it can be shown by it.
	if out := mustRun(t, db, "show", "CIC01", "--area", "north kent locality", "--json"); !strings.Contains(out, `"area": "North Kent Locality"`) || !strings.Contains(out, "300") {
		t.Errorf("show --area of an area kept under its own name:\n%s", out)
	}
	if r := scorecard(t, db, "import", "--area", "North Kent Locality=Woking", month("Localities Feb-25.csv", "2025-02", 1892, 305)); r.code != 2 || !strings.Contains(r.stderr, `"Woking" is not Kent, one of its districts or pseudo-areas`) {
		t.Errorf("--area to another council's district: exit %d %q, want 2", r.code, r.stderr)
	}
	out = mustRun(t, db, "import", "--area", "north kent locality=Dartford", month("Localities Feb-25.csv", "2025-02", 1892, 305))
	if !strings.Contains(out, `area: "North Kent Locality" (Localities Feb-25.csv: line 3) read as Dartford`) || !strings.Contains(out, "area names saved for files named like Localities Feb-25.csv") {
		t.Errorf("--area: the reading not reported:\n%s", out)
	}
	// The next month's file, without --area, is read by the saved mapping.
	out = mustRun(t, db, "import", month("Localities Mar-25.csv", "2025-03", 1896, 310))
	if !strings.Contains(out, "read as Dartford") || strings.Contains(out, "kept under") {
		t.Errorf("the saved mapping not applied to the next file of the family:\n%s", out)
	}
	show := mustRun(t, db, "show", "CIC01", "--area", "Dartford", "--json")
	for _, want := range []string{`"period": "2025-02"`, "305", `"period": "2025-03"`, "310"} {
		if !strings.Contains(show, want) {
			t.Errorf("Dartford lacks %s:\n%s", want, show)
		}
	}
	if strings.Contains(show, `"period": "2025-01"`) {
		t.Errorf("January's figure, read before the mapping, filed under Dartford:\n%s", show)
	}
	// A mapping of a name the file does not hold (a typo) is said, and
	// neither applied nor saved over the family's good one.
	out = mustRun(t, db, "import", "--area", "North Kent Locallity=Swale", month("Localities Apr-25.csv", "2025-04", 1899, 312))
	if !strings.Contains(out, `warning: --area "North Kent Locallity" not applied nor saved: Localities Apr-25.csv names no such area`) || !strings.Contains(out, `"North Kent Locality"`) {
		t.Errorf("an --area naming nothing in the file not warned of:\n%s", out)
	}
	out = mustRun(t, db, "import", month("Localities May-25.csv", "2025-05", 1901, 314))
	if !strings.Contains(out, "read as Dartford") {
		t.Errorf("the saved mapping lost after a mistyped --area:\n%s", out)
	}
}

// A neighbour model imported into the store replaces the built-in one:
// the DfE figures imported after it average its neighbours, and its year
// is shown beside every neighbour average, in show and in the export.
func TestImportNeighbourModel(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	dir := t.TempDir()
	mustRun(t, db, "authority", "Surrey")
	model := filepath.Join(dir, "sn_model_2026_wide.csv")
	if err := os.WriteFile(model, []byte("old_la_code,la_name,SN_1,SN_1P\n936,Surrey,881,Very Close\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, db, "import", model)
	if !strings.Contains(out, "statistical-neighbour model 2026 (1 authorities) kept for this store in place of the DfE's built-in 2025 model") || !strings.Contains(out, "Surrey's neighbours under it: Essex") {
		t.Errorf("importing the model:\n%s", out)
	}
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "la_cla_placement_stability.csv"))
	show := mustRun(t, db, "show", "CIC05")
	for _, want := range []string{"Statistical neighbours (mean), 2026 model", "Surrey (rank among authorities)"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	if strings.Contains(show, "Kent") || strings.Contains(show, "2025 model") {
		t.Errorf("show names Kent or the built-in model in a Surrey store with its own:\n%s", show)
	}
	js := mustRun(t, db, "show", "CIC05", "--json")
	if !strings.Contains(js, `"model": "2026"`) {
		t.Errorf("show --json gives no model year:\n%s", js)
	}
	// QA15 L1: the JSON gave the stored key, "Kent (rank among
	// authorities)", for the store's own authority's rank.
	if !strings.Contains(js, `"group": "Surrey (rank among authorities)"`) || strings.Contains(js, "Kent") {
		t.Errorf("show --json names the rank other than Surrey's:\n%s", js)
	}
	xlsx := filepath.Join(dir, "out.xlsx")
	mustRun(t, db, "export", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Scorecard")
	found := false
	for _, r := range rows {
		for _, c := range r {
			found = found || c == "Stat neighbours (2026 model)"
		}
	}
	if !found {
		t.Errorf("the export's neighbour column is not headed with its model: %q", rows[min(5, len(rows)-1)])
	}
}

// Targets profiled by quarterly milestones, and a district's own target,
// are stored and rate the figures of their periods and district in show.
func TestMilestonesRateTheirPeriods(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	figures := filepath.Join(dir, "figures.csv")
	if err := os.WriteFile(figures, []byte("Ref,Indicator,Polarity,Unit,Period,Area,Value\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-06,Kent,11.5\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-07,Kent,11.5\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-06,Swale,11.5\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-07,Swale,11.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	targets := filepath.Join(dir, "targets.csv")
	if err := os.WriteFile(targets, []byte("Ref,Year,District,Target,Floor,Q1 target,Q1 floor,Q2 target,Q2 floor\n"+
		"CIC05,2025/26,,9,11,12,13,11,12\n"+
		"CIC05,2025/26,Swale,11.5,13,,,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", figures, targets)
	var shown struct {
		Points []struct {
			Period string   `json:"period"`
			Target *float64 `json:"target"`
			RAG    string   `json:"rag"`
		} `json:"points"`
	}
	for _, tc := range []struct {
		area string
		want string
	}{
		{"Kent", "2025-06 12 GREEN; 2025-07 11 AMBER"},
		{"Swale", "2025-06 11.5 GREEN; 2025-07 11.5 GREEN"},
	} {
		out := mustRun(t, db, "show", "CIC05", "--area", tc.area, "--json")
		if err := json.Unmarshal([]byte(out), &shown); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range shown.Points {
			got = append(got, fmt.Sprintf("%s %v %s", p.Period, *p.Target, p.RAG))
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s: %q, want %q", tc.area, strings.Join(got, "; "), tc.want)
		}
	}
	if out := mustRun(t, db, "flags", "--all"); !strings.Contains(out, "the Jul-Sep 2025 milestone applies from this month") {
		t.Errorf("flags do not say the milestone changed:\n%s", out)
	}
	// The export's Districts sheet rates Kent against its Q2 milestone
	// and Swale against its own target: the letter rides in the format.
	xlsx := filepath.Join(dir, "out.xlsx")
	mustRun(t, db, "export", "--out", xlsx, "--suppress", "0")
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Districts")
	letters := map[string]string{}
	for r, row := range rows {
		if len(row) == 0 || row[0] != "CIC05" {
			continue
		}
		for c, head := range rows[r-1] {
			if head != "Kent" && head != "Swale" {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, _ := f.GetCellStyle("Districts", name)
			st, _ := f.GetStyle(id)
			if st != nil && st.CustomNumFmt != nil {
				letters[head] = *st.CustomNumFmt
			}
		}
		break
	}
	if !strings.HasSuffix(letters["Kent"], `" A"`) || !strings.HasSuffix(letters["Swale"], `" G"`) {
		t.Errorf("Districts sheet formats %q, want Kent amber against its milestone, Swale green against its own target", letters)
	}
}

// TestAuthorityCommandAnswersTheWindow: `scorecard authority NAME`
// answers the window's first-run question of authority, whichever it
// names: Kent, the default, had left the store unchanged and the window
// still asked. A refused change answers nothing.
func TestAuthorityCommandAnswersTheWindow(t *testing.T) {
	asked := func(db string) bool {
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var v bool
		found, err := st.Get(store.SettingsBucket, "authority-asked", &v)
		return err == nil && found && v
	}
	for _, name := range []string{"Kent", "Surrey"} {
		db := filepath.Join(t.TempDir(), "a.db")
		mustRun(t, db, "authority", name)
		if !asked(db) {
			t.Errorf("authority %s: the window would still ask", name)
		}
	}
	db := filepath.Join(t.TempDir(), "held.db")
	mustRun(t, db, "demo")
	if r := scorecard(t, db, "authority", "Surrey"); r.code == 0 || asked(db) {
		t.Errorf("a refused change: exit %d, recorded as answered %v", r.code, asked(db))
	}
}
