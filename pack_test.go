package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestExportPDFMatchesShow writes the pack with `export --out F.pdf` and
// reads it back with pdftotext: its first page is what `brief` prints,
// and a few indicators' figures, ratings and directions on the scorecard
// are what `show --json` gives.
func TestExportPDFMatchesShow(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed, and CI must have it (scripts/setup.sh test)")
		}
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	db := demoStore(t)
	out := filepath.Join(t.TempDir(), "pack.pdf")
	stdout := mustRun(t, db, "export", "--out", out, "--exclude", "uasc", "--marking", "OFFICIAL-SENSITIVE")
	if !strings.HasPrefix(stdout, out+"\n") || !strings.Contains(stdout, " pages") || !strings.Contains(stdout, "excluding uasc") {
		t.Errorf("export printed %q, want the path then a summary with the pages", stdout)
	}
	text, err := exec.Command(pdftotext, "-layout", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(text), "\f")
	// The brief begins on page 1 and runs on until the scorecard, where
	// it lists, beside its items, what could not be assessed excluding
	// UASC and all children's readings of it.
	briefPages := pages[:1]
	for i, pg := range pages[1:] {
		if strings.Contains(pg, "Targets and floors are for") {
			break
		}
		briefPages = pages[:i+2]
	}
	first := strings.Join(strings.Fields(strings.Join(briefPages, " ")), " ")

	brief := mustRun(t, db, "brief", "--exclude", "uasc")
	lines := strings.Split(strings.TrimSpace(brief), "\n")
	if !strings.HasPrefix(first, "OFFICIAL-SENSITIVE "+lines[0]) {
		t.Errorf("page 1 begins %.120q, want brief's heading %q", first, lines[0])
	}
	items := 0
	for _, l := range lines[1:] {
		if l, ok := strings.CutPrefix(l, "- "); ok {
			items++
			name, _, _ := strings.Cut(l, ": ")
			if !strings.Contains(first, name+": ") {
				t.Errorf("page 1 does not name %q, which brief lists", name)
			}
		}
	}
	if items == 0 {
		t.Fatalf("brief lists nothing:\n%s", brief)
	}

	rows := map[string][]string{}
	for _, pg := range pages[1:] {
		if strings.Contains(pg, "Districts: ") {
			break
		}
		for _, l := range strings.Split(pg, "\n") {
			if f := strings.Fields(l); len(f) > 0 && rows[f[0]] == nil {
				rows[f[0]] = f
			}
		}
	}
	checked := 0
	for _, ref := range []string{"CIC03", "CIC04", "CIC05", "CIC07", "CIC08", "SCS03", "SCS04", "SCS05"} {
		var shown struct {
			Points []struct {
				Period app.Period `json:"period"`
				Value  *float64   `json:"value"`
				RAG    string     `json:"rag"`
				DoT    string     `json:"dot"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--exclude", "uasc", "--json")), &shown); err != nil {
			t.Fatal(err)
		}
		p := shown.Points[len(shown.Points)-1]
		f := rows[ref]
		if p.Value == nil || f == nil {
			t.Errorf("%s: show gives %v, the PDF row %q", ref, p.Value, f)
			continue
		}
		line := strings.Join(f, " ")
		want := app.FormatNumber(*p.Value, 1) // each of these is shown to one decimal place
		if !strings.Contains(line, want) || !strings.Contains(line, p.RAG) || !strings.Contains(line, p.DoT) {
			t.Errorf("%s: PDF row %q, show --json says %s %s %s", ref, line, want, p.RAG, p.DoT)
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d indicators checked", checked)
	}
}
