package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app/store"
	"scorecard/app/store/postgres/pgtest"
)

// TestCorrectedBeforeCirculated: an officer circulates May, imports
// June's scorecard, finds a typo and imports the corrected copy, then
// writes June's brief and pack. June's first figure never went out, so
// nothing says it was revised; May's figure, which went out and June's
// file revised, is said against what members had. The brief and the
// export record themselves as circulated, and `imports` says nothing of
// it.
func TestCorrectedBeforeCirculated(t *testing.T) {
	pdftotext := needPDFToText(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustRun(t, db, "authority", "Leeds")
	may := map[string][]any{"SG01": {640, 631}, "SG11": {9, 8}, "EH03": {0.085, 0.082}, "EH04": {6.7, 6.4}}
	jun := map[string][]any{"SG01": {640, 633, 650}, "SG11": {9, 8, 8}, "EH03": {0.085, 0.082, 0.083}, "EH04": {6.7, 6.4, 6.5}}
	fixed := map[string][]any{"SG01": {640, 633, 655}, "SG11": {9, 8, 8}, "EH03": {0.085, 0.082, 0.083}, "EH04": {6.7, 6.4, 6.5}}
	mustRun(t, db, "import", leedsMonth(t, dir, "m05.xlsx", "Scorecard - May 2025", "H", 2, may))
	if r := scorecard(t, db, "brief"); r.code != 0 || strings.Contains(r.stderr, "not recorded") {
		t.Fatalf("May's brief: exit %d\n%s", r.code, r.stderr)
	}
	mustRun(t, db, "import", leedsMonth(t, dir, "m06.xlsx", "Scorecard - June 2025", "H", 3, jun))
	mustRun(t, db, "import", leedsMonth(t, dir, "m06-corrected.xlsx", "Scorecard - June 2025 (corrected)", "H", 3, fixed))
	imports := mustRun(t, db, "imports", "--json")

	const wantMay = "SG01 Number of children subject to a child protection plan: May-25 revised from 631 to 633 (m06.xlsx, import I0002)"
	for run := range 2 { // a brief run again says the same
		brief := mustRun(t, db, "brief")
		if strings.Contains(brief, "Jun-25 revised") {
			t.Errorf("run %d: the brief says June's figure, never circulated, was revised:\n%s", run+1, brief)
		}
		if !strings.Contains(brief, wantMay) {
			t.Errorf("run %d: the brief does not say %q:\n%s", run+1, wantMay, brief)
		}
	}
	pdf := filepath.Join(dir, "June.pdf")
	mustRun(t, db, "export", "--out", pdf)
	page1 := strings.Join(strings.Fields(pdfPage1(t, pdftotext, pdf)), " ")
	if strings.Contains(page1, "Jun-25 revised") || !strings.Contains(page1, wantMay) {
		t.Errorf("the pack's page 1 does not say %q alone:\n%s", wantMay, page1)
	}
	out := filepath.Join(dir, "June.xlsx")
	r := scorecard(t, db, "export", "--out", out)
	if r.code != 0 || strings.Contains(r.stderr, "not recorded") {
		t.Fatalf("export: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := mustRun(t, db, "imports", "--json"); got != imports {
		t.Errorf("imports --json changed by recording circulations:\n%s\nwas\n%s", got, imports)
	}
	st, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Circulations()
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, c := range cs {
		said = append(said, c.Output+" "+c.Period.Label()+" "+strings.Join(c.Imports, ","))
	}
	want := []string{"brief May-25 I0001", "brief Jun-25 I0001,I0002,I0003", "brief Jun-25 I0001,I0002,I0003", "pack Jun-25 I0001,I0002,I0003", "workbook Jun-25 I0001,I0002,I0003"}
	if strings.Join(said, "; ") != strings.Join(want, "; ") {
		t.Fatalf("circulations recorded: %q\nwant %q", said, want)
	}
	if cs[3].File != pdf || cs[4].File != out {
		t.Errorf("the pack and workbook recorded as %q and %q, want %q and %q", cs[3].File, cs[4].File, pdf, out)
	}
}

// TestCirculationNotRecorded: an export from a store that cannot be
// written (here one open read-only, as a folder the officer may only
// read leaves it) is written as ever, exit 0 and the contract's lines,
// and says on stderr that it was not recorded as circulated.
func TestCirculationNotRecorded(t *testing.T) {
	db := demoStore(t)
	ro, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var stdout, stderr bytes.Buffer
	e := newEnv(&stdout, &stderr)
	e.db, e.st, e.suppress = db, ro, 5
	e.outPath = filepath.Join(t.TempDir(), "out.xlsx")
	if err := runExport(e, nil); err != nil {
		t.Fatalf("export failed: %v", err)
	}
	if lines := strings.Split(strings.TrimSpace(stdout.String()), "\n"); len(lines) < 2 || lines[0] != e.outPath {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "note: this workbook was not recorded as circulated (") {
		t.Errorf("stderr does not say the circulation was not recorded:\n%s", stderr.String())
	}
	if cs, err := ro.Circulations(); err != nil || len(cs) != 0 {
		t.Errorf("circulations %+v, %v", cs, err)
	}
}

// TestCopyKeepsCirculations: a copy between engines, either way, and a
// team store's backup keep what was circulated from the store, so that
// the copy's next brief says what changed since the same figures.
func TestCopyKeepsCirculations(t *testing.T) {
	team := pgtest.DSN(t)
	dir := t.TempDir()
	file, back, backup := filepath.Join(dir, "officer.db"), filepath.Join(dir, "offline.db"), filepath.Join(dir, "team-backup.db")
	mustRun(t, file, "demo")
	mustRun(t, file, "brief")
	mustRun(t, file, "export", "--out", filepath.Join(dir, "out.xlsx"))
	mustRun(t, file, "copy", "--from", file, "--to", team)
	mustRun(t, file, "copy", "--from", team, "--to", back)
	mustRun(t, team, "backup", "--out", backup)
	want := circulationsIn(t, file)
	if len(want) != 2 {
		t.Fatalf("%d circulations recorded, want 2", len(want))
	}
	for _, db := range []string{back, backup} {
		if got := circulationsIn(t, db); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: circulations\n%s\nwant\n%s", filepath.Base(db), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// circulationsIn lists the circulations the store file db records, each
// as what, when, by whom and reflecting which imports.
func circulationsIn(t *testing.T, db string) []string {
	t.Helper()
	st, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Circulations()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%d %s %s %s %s %v %s", c.Seq, c.Output, c.File, c.Period, c.Time.Format(time.RFC3339Nano), c.Imports, c.Officer))
	}
	return out
}

// TestRetiredRevisionCirculated: SG11 went out in May's brief, was
// retired from June (`scorecard retire SG11 --from 2025-06`), and June's
// file revises its May figure: June's brief and pack leave SG11 out but
// still say the revision, marked retired, whether or not the store
// recorded May's brief.
func TestRetiredRevisionCirculated(t *testing.T) {
	pdftotext := needPDFToText(t)
	may := map[string][]any{"SG01": {640, 631}, "SG11": {9, 12}, "EH03": {0.085, 0.082}, "EH04": {6.7, 6.4}}
	jun := map[string][]any{"SG01": {640, 631, 650}, "SG11": {9, 14}, "EH03": {0.085, 0.082, 0.083}, "EH04": {6.7, 6.4, 6.5}}
	const want = "SG11 Private fostering arrangements notified (number) (retired from Jun-25): May-25 revised from 12 to 14 (m06.xlsx, import I0003)"
	for _, recorded := range []bool{false, true} {
		t.Run(fmt.Sprintf("May recorded %v", recorded), func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "s.db")
			mustRun(t, db, "authority", "Leeds")
			mustRun(t, db, "import", leedsMonth(t, dir, "m05.xlsx", "Scorecard - May 2025", "H", 2, may))
			if recorded {
				mustRun(t, db, "brief")
			}
			mustRun(t, db, "retire", "SG11", "--from", "2025-06")
			mustRun(t, db, "import", leedsMonth(t, dir, "m06.xlsx", "Scorecard - June 2025", "H", 3, jun))
			brief := mustRun(t, db, "brief")
			if !strings.Contains(brief, want) {
				t.Errorf("the brief does not say %q:\n%s", want, brief)
			}
			pdf := filepath.Join(dir, "June.pdf")
			mustRun(t, db, "export", "--out", pdf)
			if page1 := strings.Join(strings.Fields(pdfPage1(t, pdftotext, pdf)), " "); !strings.Contains(page1, want) {
				t.Errorf("the pack's page 1 does not say %q:\n%s", want, page1)
			}
		})
	}
}
