package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// listed returns the store's indicators by ref, as list --json gives them.
func listed(t *testing.T, db string) map[string]map[string]any {
	t.Helper()
	var inds []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for _, ind := range inds {
		out[ind["ref"].(string)] = ind
	}
	return out
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportLeavesDefinitionsAlone imports, into the demo store, files
// that do not define indicators (figures only, targets only) and one that
// defines them differently, and checks what the definitions become.
func TestImportLeavesDefinitionsAlone(t *testing.T) {
	type def struct{ unit, polarity, name string }
	tests := []struct {
		name   string
		file   string // name
		text   string
		flags  []string
		want   map[string]def
		owners map[string]string
		// sections are the sections the indicators have after it.
		sections map[string]string
		output   []string // lines the import prints
	}{{
		// An export's Data sheet relabelled for the next month.
		name: "figures only",
		file: "figures.csv",
		text: "Ref,Period,Area,Value\nCIC09,2026-11,Kent,412\nCIC02,2026-11,Kent,55.1\nXYZ99,2026-11,Kent,5\n",
		want: map[string]def{
			"CIC09": {"days", "L", "Average days between entering care and moving in with an adoptive family"},
			"CIC02": {"per 10k", "", "Rate of children in care per 10,000 children"},
			"XYZ99": {"count", "", "XYZ99"},
		},
		// Said at its first figure's line, where the officer can see it.
		output: []string{"warning: figures.csv: line 4: XYZ99: not an indicator the store holds, and the file does not define it"},
	}, {
		name: "targets only",
		file: "targets.csv",
		text: "Ref,Year,Target,Floor\nSCS06,2026/27,80,70\n",
		want: map[string]def{"SCS06": {"%", "H", "Child and family assessments completed within 45 working days (%)"}},
	}, {
		name: "a different unit and polarity",
		file: "defs.csv",
		text: "Ref,Indicator,Polarity,Unit,Period,Value\nCIC09,Average days to adoption,H,%,2026-11,41\nNEW01,Foster carers approved,H,count,2026-11,12\n",
		want: map[string]def{"CIC09": {"days", "L", "Average days between entering care and moving in with an adoptive family"},
			"NEW01": {"count", "H", "Foster carers approved"}},
		output: []string{
			`warning: defs.csv: NEW01: not an indicator the store holds; added as the file defines it (Foster carers approved, unit "count")`,
			`warning: defs.csv: B2: CIC09: name "Average days to adoption" here, but the stored definition says "Average days between entering care and moving in with an adoptive family"; the stored name stands`,
			`warning: defs.csv: D2: CIC09: unit "%" here, but the stored definition says "days"; the stored unit stands`,
			`warning: defs.csv: C2: CIC09: polarity "H" here, but the stored definition says "L"; the stored polarity stands`,
		},
	}, {
		name:  "a different unit and polarity, accepted",
		file:  "defs.csv",
		text:  "Ref,Indicator,Polarity,Unit,Period,Value\nCIC09,Average days to adoption,H,%,2026-11,41\n",
		flags: []string{"--accept-definitions"},
		want:  map[string]def{"CIC09": {"%", "H", "Average days to adoption"}},
		output: []string{
			`warning: defs.csv: D2: CIC09: unit "%" here, but the stored definition says "days"; changed, as accepted`,
			`warning: defs.csv: B2: CIC09: name "Average days to adoption" here, but the stored definition says "Average days between entering care and moving in with an adoptive family"; changed, as accepted`,
		},
	}, {
		// A month's figure whose Indicator column carries a short name:
		// the committee's name stands, and the file's is said.
		name: "a different name beside a figure",
		file: "rn.csv",
		text: "Ref,Indicator,Polarity,Unit,Period,Area,Numerator,Denominator\nCIC05,3+ moves,L,%,2026-11,Kent,230,1900\n",
		want: map[string]def{"CIC05": {"%", "L", "Children in care with 3 or more placements in the last 12 months (%)"}},
		output: []string{
			`rn.csv: imported as`,
			`warning: rn.csv: B2: CIC05: name "3+ moves" here, but the stored definition says "Children in care with 3 or more placements in the last 12 months (%)"; the stored name stands until the change is accepted`,
		},
	}, {
		name:  "a different name beside a figure, accepted",
		file:  "rn.csv",
		text:  "Ref,Indicator,Polarity,Unit,Period,Area,Numerator,Denominator\nCIC05,3+ moves,L,%,2026-11,Kent,230,1900\n",
		flags: []string{"--accept-definitions"},
		want:  map[string]def{"CIC05": {"%", "L", "3+ moves"}},
		output: []string{
			`warning: rn.csv: B2: CIC05: name "3+ moves" here, but the stored definition says "Children in care with 3 or more placements in the last 12 months (%)"; changed, as accepted`,
		},
	}, {
		// The app's own export's Section and Data Period columns, edited.
		name:     "a different section and data period",
		file:     "sections.csv",
		text:     "Ref,Section,Data Period,Period,Area,Value\nCIC09,Adoption,MS,2026-11,Kent,405\n",
		sections: map[string]string{"CIC09": "Children in Care"},
		output: []string{
			`warning: sections.csv: B2: CIC09: section "Adoption" here, but the stored definition says "Children in Care"; the stored section stands`,
			`warning: sections.csv: C2: CIC09: data period "MS" here, but the stored definition says "R12M"; the stored data period stands`,
		},
	}, {
		// A figures file with the officers who sent each figure.
		name:   "a different owner",
		file:   "owner.csv",
		text:   "Ref,Period,Area,Value,Lead Officer\nCIC09,2026-11,Kent,405,Jane Smith\n",
		owners: map[string]string{"CIC09": "Head of Adoption Partnership"},
		output: []string{
			`warning: owner.csv: E2: CIC09: owner "Jane Smith" here, but the stored definition says "Head of Adoption Partnership"; the stored owner stands`,
		},
	}, {
		name:   "a different owner, accepted",
		file:   "owner.csv",
		text:   "Ref,Period,Area,Value,Lead Officer\nCIC09,2026-11,Kent,405,Jane Smith\n",
		flags:  []string{"--accept-definitions"},
		owners: map[string]string{"CIC09": "Jane Smith"},
		output: []string{
			`warning: owner.csv: E2: CIC09: owner "Jane Smith" here, but the stored definition says "Head of Adoption Partnership"; changed, as accepted`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := demoStore(t)
			args := append(append([]string{"import"}, tt.flags...), writeFile(t, tt.file, tt.text))
			out := mustRun(t, db, args...)
			for _, line := range tt.output {
				if !strings.Contains(out, line) {
					t.Errorf("import printed\n%s\nwant a line with %q", out, line)
				}
			}
			inds := listed(t, db)
			for ref, want := range tt.want {
				ind, ok := inds[ref]
				if !ok {
					t.Errorf("%s is not listed", ref)
					continue
				}
				got := def{ind["unit"].(string), ind["polarity"].(string), ind["name"].(string)}
				if got != want {
					t.Errorf("%s is now %+v, want %+v", ref, got, want)
				}
			}
			for ref, want := range tt.owners {
				if got, _ := inds[ref]["owner"].(string); got != want {
					t.Errorf("%s's owner is now %q, want %q", ref, got, want)
				}
			}
			for ref, want := range tt.sections {
				if got, _ := inds[ref]["section"].(string); got != want {
					t.Errorf("%s's section is now %q, want %q", ref, got, want)
				}
			}
		})
	}
}

// TestShowSourceRAGAndDoT imports a scorecard whose RAG and arrow
// disagree with its figures and checks that show --json says what the
// workbook showed beside the app's own rating, and flags both.
func TestShowSourceRAGAndDoT(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{
		{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jan-25", "Feb-25", "RAG", "DoT"},
		{"CIC05", "Children in care with 3 or more placements (%)", "L", 10, 12, 12.2, 11.7, "Green", "↑"},
	} {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "scorecard.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, db, "import", path)
	var show struct {
		Points []struct {
			Period    string   `json:"period"`
			RAG       *string  `json:"rag"`
			SourceRAG *string  `json:"source_rag"`
			DoT       *string  `json:"dot"`
			SourceDoT *string  `json:"source_dot"`
			Flags     []string `json:"flags"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC05", "--json")), &show); err != nil {
		t.Fatal(err)
	}
	if len(show.Points) != 2 {
		t.Fatalf("%d points, want 2", len(show.Points))
	}
	jan, feb := show.Points[0], show.Points[1]
	if jan.SourceRAG == nil || *jan.SourceRAG != "" || jan.SourceDoT == nil || *jan.SourceDoT != "" {
		t.Errorf("Jan-25 source_rag %v, source_dot %v: want both present and empty", jan.SourceRAG, jan.SourceDoT)
	}
	if *feb.RAG != "AMBER" || *feb.SourceRAG != "GREEN" || *feb.DoT != "improved" || *feb.SourceDoT != "worsened" {
		t.Errorf("Feb-25 rag %s (workbook %s), dot %s (workbook %s); want AMBER (GREEN), improved (worsened)", *feb.RAG, *feb.SourceRAG, *feb.DoT, *feb.SourceDoT)
	}
	if !slices.Contains(feb.Flags, "rag-disagrees") || !slices.Contains(feb.Flags, "dot-disagrees") {
		t.Errorf("Feb-25 flags %v, want rag-disagrees and dot-disagrees", feb.Flags)
	}
}

// TestOwnerKept checks that the demo scorecard's hidden Lead Officer
// column is kept as each indicator's owner and shown.
func TestOwnerKept(t *testing.T) {
	db := demoStore(t)
	if got := listed(t, db)["CIC09"]["owner"]; got != "Head of Adoption Partnership" {
		t.Errorf("list --json: CIC09's owner = %v, want the Lead Officer column's", got)
	}
	var show struct {
		Owner string `json:"owner"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "show", "CIC09", "--json")), &show)
	if show.Owner != "Head of Adoption Partnership" {
		t.Errorf("show --json: owner = %q", show.Owner)
	}
	if out := mustRun(t, db, "show", "CIC09"); !strings.Contains(out, "Owner: Head of Adoption Partnership\n") {
		t.Errorf("show does not name the owner:\n%.300s", out)
	}
}

// TestRefusedFileLeavesStoreAsItWas imports files the importer refuses
// into the demo store: each exits 1 with one line naming the file (and
// the sheet and cell where there is one), and the store's file is byte
// for byte as it was.
func TestRefusedFileLeavesStoreAsItWas(t *testing.T) {
	db := demoStore(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	noMonth := excelize.NewFile()
	noMonth.SetSheetName("Sheet1", "Districts")
	noMonth.SetSheetRow("Districts", "A1", &[]any{"Ref", "Indicator", "Ashford", "Dover"})
	noMonth.SetSheetRow("Districts", "A2", &[]any{"CIC05", "Placements", "x1", 11.2})
	bad := filepath.Join(t.TempDir(), "districts.xlsx")
	if err := noMonth.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{writeFile(t, "notes.txt", "minutes of the corporate parenting panel\n"), "notes.txt"},
		{writeFile(t, "scorecard.xlsx", "this is not a zip file"), "scorecard.xlsx"},
		{writeFile(t, "figures.csv", "Area,Value\nKent,12\n"), "figures.csv"},
		{bad, "districts.xlsx: Districts!A1"},
		// Its only row skipped: an empty import would be recorded.
		{writeFile(t, "inf.csv", "Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\n"),
			`inf.csv: line 2: nothing to import: CIC01: row skipped: "1e400" is not a number`},
		{writeFile(t, "skipped.csv", "Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\nCIC02,2026-09,Kent,-1e999\n"),
			`skipped.csv: line 2: nothing to import (the first of 2 warnings): CIC01: row skipped`},
		// Its only row skipped, its period unread: it makes no
		// indicator, so its name and polarity are not read either.
		{writeFile(t, "rn2.csv", "Ref,Indicator,Polarity,Unit,Period,Area,Value\nCIC06,y,L,%,notaperiod,Kent,5\n"),
			`rn2.csv: line 2: nothing to import: CIC06: row skipped: "notaperiod" is not a period`},
	} {
		r := scorecard(t, db, "import", tt.path)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 1 || !onlyWarningsAfter(lines) || !strings.Contains(lines[0], tt.want) {
			t.Errorf("import %s: exit %d, stderr %q; want 1 and one line naming %s, then any warnings", filepath.Base(tt.path), r.code, r.stderr, tt.want)
		}
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("refused imports changed the store's file")
	}
}

// TestAcceptAfterImportSaysHow: importing a file again with
// --accept-definitions, once it was imported without, adds nothing (it
// is the same file) and says how to take its definitions, where it had
// said only "nothing added" though its warning said the stored
// definition stands "until the change is accepted".
func TestAcceptAfterImportSaysHow(t *testing.T) {
	dir := t.TempDir()
	db, csvPath := filepath.Join(dir, "s.db"), filepath.Join(dir, "rn.csv")
	mustRun(t, db, "demo")
	if err := os.WriteFile(csvPath, []byte("Ref,Indicator,Period,Area,Value\nCIC01,Children looked after,2026-10,Kent,1896\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csvPath)
	out := mustRun(t, db, "import", "--accept-definitions", csvPath)
	if !strings.Contains(out, "already imported as I0002") || !strings.Contains(out, "--accept-definitions not applied to it: scorecard undo I0002, then import it again with --accept-definitions") {
		t.Errorf("import --accept-definitions of a file imported before:\n%s", out)
	}
}
