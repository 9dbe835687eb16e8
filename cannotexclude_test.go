package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cannotExcludeStore imports 14 months of two indicators: QA, a count
// split by UASC, which excluding UASC works out and whose figures never
// move; and QB, a percentage the source gives for all children alone, so
// it cannot be worked out excluding UASC, which falls sharply in the last
// month (worsened, special cause for all children).
func cannotExcludeStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var rows []string
	for i := range 14 {
		p := fmt.Sprintf("%d-%02d", 2025+i/12, i%12+1)
		qb := "50,100,50"
		if i == 13 {
			qb = "20,100,20"
		}
		rows = append(rows,
			"QA,Children in care,count,L,"+p+",Kent,All,,,100",
			"QA,Children in care,count,L,"+p+",Kent,UASC,,,10",
			"QB,Children seen within 10 days (%),%,H,"+p+",Kent,All,"+qb)
	}
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeTidy(t, dir, "two.csv", rows))
	return db
}

// TestBriefAccountsForCannotExclude: an indicator that cannot be worked
// out excluding the cohort is never left out of the brief, the flags or
// the PDF pack's first page unsaid. Excluding UASC, QA has nothing to
// report and QB cannot be assessed; all children's QB worsened. So
// nothing reads as an all-clear, and QB is named with all children's
// reading, labelled as all children's.
func TestBriefAccountsForCannotExclude(t *testing.T) {
	db := cannotExcludeStore(t)
	all := mustRun(t, db, "brief")
	if !strings.Contains(all, "Children seen within 10 days (%): 20.0%, down 30.0 pp (worsened)") {
		t.Fatalf("the all-children brief does not list QB worsened:\n%s", all)
	}
	ex := mustRun(t, db, "brief", "--exclude", "uasc")
	for _, want := range []string{
		"excluding UASC (0 indicators red, worsened, special cause or newly flagged; 1 not assessed excluding UASC)",
		"none is red, worsened, special cause or newly flagged; 1 indicator could not be, so this is not an all-clear",
		"Not assessed excluding UASC (cannot exclude): 1 indicator",
		"- Children seen within 10 days (%): for all children, UASC counted: 20.0%, down 30.0 pp (worsened)",
	} {
		if !strings.Contains(ex, want) {
			t.Errorf("brief --exclude uasc does not say %q:\n%s", want, ex)
		}
	}
	if strings.Contains(ex, "Nothing is red") {
		t.Errorf("brief --exclude uasc reads as an all-clear:\n%s", ex)
	}

	flags := mustRun(t, db, "flags", "--exclude", "uasc")
	if strings.Contains(flags, "No flags") || !strings.Contains(flags, "QB") || !strings.Contains(flags, "cannot-exclude") {
		t.Errorf("flags --exclude uasc leaves QB out:\n%s", flags)
	}
	// A month in which nothing is flagged for all children either still
	// names what could not be assessed, and says no all-clear.
	quiet := mustRun(t, db, "flags", "--exclude", "uasc", "--period", "2026-01")
	if strings.Contains(quiet, "No flags.") || !strings.Contains(quiet, "No flags for the indicators that could be assessed excluding UASC") ||
		!strings.Contains(quiet, "Not assessed excluding UASC (cannot exclude): QB; for all children, UASC counted, nothing is flagged in QB") {
		t.Errorf("flags --exclude uasc --period 2026-01 reads as an all-clear:\n%s", quiet)
	}
	var js []struct {
		Ref, Area, Period, Kind, Detail string
		Rank                            int
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--exclude", "uasc", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range js {
		if f.Ref == "QB" && f.Kind == "cannot-exclude" && f.Area == "Kent" && f.Period == "2026-02" && f.Rank > 0 &&
			strings.Contains(f.Detail, "for all children, UASC counted") && strings.Contains(f.Detail, "special cause") {
			found = true
		}
		if f.Ref == "QB" && f.Kind != "cannot-exclude" {
			t.Errorf("flags --exclude uasc --json gives all children's %+v as if excluding UASC", f)
		}
	}
	if !found {
		t.Errorf("flags --exclude uasc --json has no cannot-exclude flag for QB: %+v", js)
	}

	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	pdf := filepath.Join(t.TempDir(), "pack.pdf")
	mustRun(t, db, "export", "--out", pdf, "--exclude", "uasc")
	text, err := exec.Command(pdftotext, "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	first := strings.Join(strings.Fields(string(text)), " ")
	if strings.Contains(first, "Nothing is red") || !strings.Contains(first, "not an all-clear") ||
		!strings.Contains(first, "Children seen within 10 days (%): for all children, UASC counted: 20.0%") {
		t.Errorf("page 1 of the pack excluding UASC does not account for QB:\n%s", first)
	}
}
