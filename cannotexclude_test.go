package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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

// TestCannotExcludeSaysWhatIsCounted guards QA R6 and QA30 13: under
// --exclude uasc a measure of schools or pupils, which no UASC split
// applies to, is shown as published, labelled so, and assessed: never
// "cannot exclude", never "for all children, UASC counted", never left
// with the measures of children that cannot be assessed; and one
// indicator with nothing to report is said in English, not "nothing is
// red ... in <name>". What a measure counts is read from its name, as for
// any authority's indicators.
func TestCannotExcludeSaysWhatIsCounted(t *testing.T) {
	dir := t.TempDir()
	var rows []string
	for i := range 14 {
		p := fmt.Sprintf("%d-%02d", 2025+i/12, i%12+1)
		qs := "45,50,90"
		if i == 13 {
			qs = "30,50,60"
		}
		rows = append(rows,
			"QA,Children in care,count,L,"+p+",Kent,All,,,100",
			"QA,Children in care,count,L,"+p+",Kent,UASC,,,10",
			"QB,Children seen within 10 days (%),%,H,"+p+",Kent,All,50,100,50",
			"QS,Primary schools judged good or outstanding (%),%,H,"+p+",Kent,All,"+qs,
			"QP,Permanent exclusions per 10,000 pupils,per 10k,L,"+p+",Kent,All,,,5.1")
	}
	for i := range rows {
		// The name of QP holds a comma: quote it.
		rows[i] = strings.Replace(rows[i], "Permanent exclusions per 10,000 pupils", `"Permanent exclusions per 10,000 pupils"`, 1)
	}
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeTidy(t, dir, "three.csv", rows))
	single := cannotExcludeStore(t)

	tests := []struct {
		name        string
		db          string
		args        []string
		says, never []string
	}{
		{"brief", db, []string{"brief", "--exclude", "uasc"},
			[]string{"excluding UASC (1 indicator red, worsened, special cause or newly flagged; 1 not assessed excluding UASC)",
				"- Primary schools judged good or outstanding (%): a measure of schools, shown as published (no UASC split applies): 60.0%, down 30.0 pp (worsened)",
				"Children seen within 10 days (%) is not red, worsened, special cause or newly flagged for all children, UASC counted."},
			[]string{"Primary schools judged good or outstanding (%): for all children", "pupils: for all children", "nothing is red",
				"What their figures as published say", "Permanent exclusions per 10,000 pupils is not"}},
		{"flags", db, []string{"flags", "--exclude", "uasc", "--json"},
			[]string{`"ref": "QS"`, `"kind": "special-cause"`},
			[]string{`"kind": "cannot-exclude"`, "all children's"}},
		{"show", db, []string{"show", "QS", "--exclude", "uasc"},
			[]string{"2026-02  60.0"},
			[]string{"cannot exclude", "the source gives no figure"}},
		{"one indicator, nothing to report", single, []string{"brief", "--exclude", "uasc", "--period", "2026-01"},
			[]string{"Children seen within 10 days (%) is not red, worsened, special cause or newly flagged for all children, UASC counted."},
			[]string{"nothing is red", "What their"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustRun(t, tt.db, tt.args...)
			for _, s := range tt.says {
				if !strings.Contains(out, s) {
					t.Errorf("%v does not say %q:\n%s", tt.args, s, out)
				}
			}
			for _, s := range tt.never {
				if strings.Contains(out, s) {
					t.Errorf("%v says %q:\n%s", tt.args, s, out)
				}
			}
		})
	}

	// The workbook excluding UASC gives the school and pupil measures'
	// figures, its Guidance saying why they stand.
	out := filepath.Join(dir, "x.xlsx")
	mustRun(t, db, "export", "--out", out, "--exclude", "uasc", "--suppress", "0")
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sheet := range []string{"Scorecard", "Guidance"} {
		got, _ := x.GetRows(sheet)
		for _, r := range got {
			if len(r) == 0 || r[0] != "QS" && r[0] != "QP" {
				continue
			}
			line := strings.Join(r, " | ")
			if strings.Contains(line, "cannot exclude") {
				t.Errorf("%s: %s", sheet, line)
			}
			if sheet == "Guidance" && !strings.Contains(line, "shown as published (no UASC split applies)") {
				t.Errorf("Guidance does not say %s stands as published: %s", r[0], line)
			}
		}
	}

	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	pdf := filepath.Join(dir, "pack.pdf")
	mustRun(t, db, "export", "--out", pdf, "--exclude", "uasc", "--suppress", "0")
	text, err := exec.Command(pdftotext, "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	first := strings.Join(strings.Fields(string(text)), " ")
	if !strings.Contains(first, "Primary schools judged good or outstanding (%): a measure of schools, shown as published (no UASC split applies): 60.0%") ||
		strings.Contains(first, "schools judged good or outstanding (%): for all children") {
		t.Errorf("page 1 of the pack excluding UASC mislabels the school measure:\n%s", first)
	}

}
