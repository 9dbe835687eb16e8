package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// plantedIDs are identifiers of the kinds an officer may type into the
// wrong column of a child's record: a UPN, an NHS number, a full name and
// a date of birth. plantedForms adds the forms they could take once read.
var (
	plantedIDs   = []string{"A123456789012", "943 476 5919", "Zebedee Quartermaine", "14/07/2011"}
	plantedForms = append(plantedIDs[:len(plantedIDs):len(plantedIDs)],
		"9434765919", "Quartermaine", "2011-07-14", "14 Jul 2011")
)

// plantedChildren is how many children the planted lists hold: enough
// rows to plant every identifier in every column of every table.
const plantedChildren = 90

// plant puts every planted identifier into every column of rows (below
// the header row at rows[0]), one block of rows per column.
func plant(t *testing.T, rows [][]string) {
	t.Helper()
	cols := len(rows[0])
	if need := 1 + cols*len(plantedIDs); need > len(rows) {
		t.Fatalf("%d rows, too few to plant in each of %d columns (need %d)", len(rows), cols, need)
	}
	for c := range cols {
		for k, id := range plantedIDs {
			rows[1+c*len(plantedIDs)+k][c] = id
		}
	}
}

// writePlantedAnnexA writes an Annex A List 8 sheet, below two title
// rows, with identifiers planted in every column.
func writePlantedAnnexA(t *testing.T, dir string) string {
	t.Helper()
	rows := [][]string{{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
		"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
		"Date Started to be Looked After", "Child's Category of Need",
		"Subsequent Period of Care Within Twelve Months of the End of the Previous Period (Y/N)",
		"Most Recent Legal Status", "Number of Placements in the Last 12 months", "Placement Type",
		"Placement Postcode", "LA of Placement", "District", "Date Ceased to be Looked After",
		"Reason Ceased to be Looked After", "Responsible Local Authority", "Has a School Place (Y/N)"}}
	for i := range plantedChildren {
		ceased, reason := "", ""
		if i%6 == 0 {
			ceased, reason = "15/01/2025", "a) E11: Adopted"
		}
		rows = append(rows, []string{fmt.Sprintf("K%05d", 31000+i), []string{"a) Male", "b) Female"}[i%2],
			[]string{"a) WBRI", "b) MWBC", "c) AIND"}[i%3], "03/03/2012", "12", []string{"N", "Y"}[boolInt(i%5 == 0)],
			fmt.Sprintf("%02d/06/2023", 1+i%28), "a) N1", "N", "b) C2: Full care order", fmt.Sprint(1 + i%4),
			"a) U1: Foster placement", "ZZ1 1ZZ", "Kent", "Dover", ceased, reason,
			[]string{"Kent", "Medway"}[boolInt(i%8 == 0)], "Y"})
	}
	plant(t, rows)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "List 8"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellStr("List 8", "A1", "Annex A: List 8 - Children in care")
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+3)
			if err := f.SetCellStr("List 8", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, "annex-a.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writePlanted903 writes an SSDA903 return's Header, Episodes and UASC
// tables in a folder of their own, with identifiers planted in every
// column of each, and returns the Episodes table's path.
func writePlanted903(t *testing.T, dir string) string {
	t.Helper()
	header := [][]string{{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}}
	episodes := [][]string{{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
		"REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}}
	uasc := [][]string{{"CHILD", "SEX", "DOB", "DUC"}}
	for i := range plantedChildren {
		id := fmt.Sprint(610000 + i*37)
		header = append(header, []string{id, fmt.Sprint(1 + i%2), "03/03/2012", "WBRI", "", "", ""})
		dec, rec := "", ""
		if i%6 == 0 {
			dec, rec = "15/01/2025", "E11"
		}
		episodes = append(episodes, []string{id, fmt.Sprintf("%02d/06/2023", 1+i%28), "S", "C2", "N1", "U1", "PR1",
			dec, rec, "", "ZZ1 1ZZ", "ZZ2 2ZZ", "SC123456"})
		if i%3 == 0 {
			uasc = append(uasc, []string{id, "1", "03/03/2012", ""})
		}
	}
	folder := filepath.Join(dir, "903")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, rows := range map[string][][]string{"header.csv": header, "episodes.csv": episodes, "uasc.csv": uasc} {
		plant(t, rows)
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, name), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(folder, "episodes.csv")
}

// zipText is every file of a zip archive (an xlsx) inflated, one after
// the other.
func zipText(t *testing.T, path string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer zr.Close()
	var out bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", path, f.Name, err)
		}
		if _, err := io.Copy(&out, rc); err != nil {
			t.Fatalf("%s: %s: %v", path, f.Name, err)
		}
		rc.Close()
	}
	return out.Bytes()
}

// TestPlantedIdentifiersNeverLeave imports an Annex A list and an SSDA903
// return with identifiers planted in every column, through the command
// line, then searches every byte of the store, a backup, every JSON
// output and every export (inflated) for them.
func TestPlantedIdentifiersNeverLeave(t *testing.T) {
	dir := t.TempDir()
	annexA := writePlantedAnnexA(t, dir)
	episodes := writePlanted903(t, dir)
	db := filepath.Join(dir, "scorecard.db")

	outputs := map[string][]byte{}
	run := func(args ...string) string {
		t.Helper()
		r := scorecard(t, db, args...)
		if r.code != 0 {
			t.Fatalf("scorecard %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		outputs[strings.Join(args, " ")] = []byte(r.stdout + r.stderr)
		return r.stdout
	}
	run("import", annexA)
	run("import", episodes)
	var inds []struct{ Ref string }
	if err := json.Unmarshal([]byte(run("list", "--json")), &inds); err != nil {
		t.Fatal(err)
	}
	if len(inds) == 0 {
		t.Fatal("no indicators after importing the lists")
	}
	for _, ind := range inds {
		run("show", ind.Ref, "--json")
		run("show", ind.Ref, "--json", "--exclude", "uasc")
	}
	run("flags", "--json")
	run("flags", "--json", "--exclude", "uasc")
	run("imports", "--json")
	run("imports")

	var exports []string
	for i, args := range [][]string{nil, {"--suppress", "5"}, {"--exclude", "uasc", "--suppress", "5"}} {
		out := filepath.Join(dir, fmt.Sprintf("export%d.xlsx", i))
		run(append([]string{"export", "--out", out}, args...)...)
		exports = append(exports, out)
	}
	backup := filepath.Join(dir, "backup.db")
	run("backup", "--out", backup)

	for _, p := range []string{db, backup} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		outputs[filepath.Base(p)] = b
	}
	exported := false
	for _, p := range exports {
		b := zipText(t, p)
		outputs[filepath.Base(p)+" (inflated)"] = b
		// The search must be able to fail: breakdown categories are
		// exported as text.
		exported = exported || bytes.Contains(b, []byte("Full care order"))
	}
	if !exported {
		t.Fatal("no export holds the breakdown categories as text: the search would prove nothing")
	}
	if b, _ := os.ReadFile(episodes); !bytes.Contains(b, []byte(plantedIDs[1])) {
		t.Fatal("the planted 903 table does not hold the NHS number: the search would prove nothing")
	}
	searched := 0
	for name, b := range outputs {
		for _, s := range plantedForms {
			if i := bytes.Index(b, []byte(s)); i >= 0 {
				t.Errorf("%s holds the planted %q: ...%q...", name, s, b[max(0, i-80):min(len(b), i+len(s)+40)])
			}
		}
		searched += len(b)
	}
	t.Logf("searched %d bytes of %d outputs for %d planted forms", searched, len(outputs), len(plantedForms))
}
