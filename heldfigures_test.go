package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// An export passed on again into a store that has moved on since leaves
// the store's figures as they are: a stand-in it showed for a month whose
// own figure the store now holds, and its figures excluding UASC, which
// the store works out itself from all children's, were stored over them.
func TestImportExportKeepsHeldFigures(t *testing.T) {
	dir := t.TempDir()
	db := demoStore(t)

	// The demo's export shows ED03's previous-year outturn for Oct-26 in
	// place of the month's figure; the same export with the month's own
	// figure in its place is the store that has moved on.
	early := filepath.Join(dir, "early.xlsx")
	mustRun(t, db, "export", "--out", early, "--suppress", "0")
	f, err := excelize.OpenFile(early)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	standIns := 0
	for i, r := range rows {
		if len(r) >= 8 && r[7] == "stand-in" {
			f.SetCellValue("Data", "G"+strconv.Itoa(i+1), 25.5)
			f.SetCellValue("Data", "H"+strconv.Itoa(i+1), nil)
			standIns++
		}
	}
	if standIns == 0 {
		t.Fatal("the demo's export has no stand-in, so this proves nothing")
	}
	later := filepath.Join(dir, "later.xlsx")
	if err := f.SaveAs(later); err != nil {
		t.Fatal(err)
	}
	f.Close()
	moved := filepath.Join(dir, "moved.db")
	mustRun(t, moved, "import", later)
	before := mustRun(t, moved, "show", "ED03", "--json")
	got := mustRun(t, moved, "import", early)
	if !strings.Contains(got, "stand-in figures (a previous year's outturn shown for a month) not imported") || !strings.Contains(got, "(0 revised)") {
		t.Errorf("import of the earlier export printed\n%s\nwant no revisions and a warning of the stand-ins", got)
	}
	if after := mustRun(t, moved, "show", "ED03", "--json"); after != before {
		t.Errorf("show ED03 changed: the earlier export's stand-in replaced the month's figure:\n%.600s\nwant\n%.600s", after, before)
	}

	// Excluding UASC, suppressed, back into the store it came from.
	excl := filepath.Join(dir, "excl.xlsx")
	mustRun(t, db, "export", "--out", excl, "--exclude", "uasc", "--suppress", "5")
	shows := map[string]string{}
	for _, ref := range []string{"CIC07", "CIC02", "ED04"} {
		shows[ref] = mustRun(t, db, "show", ref, "--area", "Ashford", "--exclude", "uasc", "--json")
	}
	got = mustRun(t, db, "import", excl)
	if !strings.Contains(got, "figures excluding a cohort not imported") {
		t.Errorf("import of the export excluding UASC printed\n%s\nwant a warning of its figures excluding UASC left out", got)
	}
	for ref, want := range shows {
		if after := mustRun(t, db, "show", ref, "--area", "Ashford", "--exclude", "uasc", "--json"); after != want {
			t.Errorf("show %s --area Ashford --exclude uasc changed after importing the export excluding UASC:\n%.600s\nwant\n%.600s", ref, after, want)
		}
	}
}
