package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app/heap"
	"scorecard/app/store"
	"scorecard/assets/synth"
)

// bin is the scorecard binary the tests run as a user would, built once
// with Fyne's software driver (-tags ci) so no GL is needed.
var bin string

func TestMain(m *testing.M) {
	// The program ends the collector's hold (app/heap) as a command
	// starts; tests that call no command would otherwise run without.
	heap.SetUp()
	dir, err := os.MkdirTemp("", "scorecard-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "scorecard")
	build := exec.Command("go", "build", "-tags", "ci", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building scorecard:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

func scorecard(t *testing.T, db string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running scorecard %v: %v", args, err)
	}
	return r
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := scorecard(t, db, args...)
	if r.code != 0 {
		t.Fatalf("scorecard %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

func demoStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, db, "demo")
	return db
}

func TestDemoShowJSON(t *testing.T) {
	db := demoStore(t)
	var show struct {
		Ref      string   `json:"ref"`
		Name     string   `json:"name"`
		Polarity string   `json:"polarity"`
		Unit     string   `json:"unit"`
		Area     string   `json:"area"`
		Excluded []string `json:"excluded"`
		Points   []map[string]json.RawMessage
	}
	out := mustRun(t, db, "show", "CIC05", "--json")
	if err := json.Unmarshal([]byte(out), &show); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	if show.Ref != "CIC05" || show.Polarity != "L" || show.Unit != "%" || show.Area != "Kent" || show.Excluded == nil {
		t.Errorf("show header = %+v", show)
	}
	if len(show.Points) != 24 {
		t.Fatalf("CIC05 has %d points, want the demo's 24 months", len(show.Points))
	}
	for _, field := range []string{"period", "value", "numerator", "denominator", "status", "target", "floor", "rag", "dot", "change", "signal", "flags", "import"} {
		if _, ok := show.Points[23][field]; !ok {
			t.Errorf("point lacks the contract's field %q", field)
		}
	}
	var last struct {
		Value       float64 `json:"value"`
		Numerator   float64 `json:"numerator"`
		Denominator float64 `json:"denominator"`
		RAG         string  `json:"rag"`
	}
	raw, _ := json.Marshal(show.Points[23])
	json.Unmarshal(raw, &last)
	if last.Numerator != 221 || last.Denominator != 1896 || last.RAG != "AMBER" {
		t.Errorf("latest CIC05 = %+v, want 221/1896 rated AMBER against target 10, floor 12", last)
	}

	// Excluding UASC changes the figures and says so.
	var excl struct {
		Excluded []string `json:"excluded"`
		Points   []struct {
			Denominator *float64 `json:"denominator"`
		} `json:"points"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "show", "CIC05", "--exclude", "uasc", "--json")), &excl)
	if len(excl.Excluded) != 1 || excl.Excluded[0] != "uasc" || len(excl.Points) != 24 {
		t.Fatalf("show --exclude uasc = %+v", excl)
	}
	if d := excl.Points[23].Denominator; d == nil || *d >= 1896 {
		t.Errorf("excluding UASC, the denominator is %v, want fewer than 1,896", d)
	}
}

func TestNotAWorkbookLeavesStoreUnchanged(t *testing.T) {
	db := demoStore(t)
	before := mustRun(t, db, "show", "CIC05", "--json")
	importsBefore := mustRun(t, db, "imports", "--json")

	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("minutes of the corporate parenting panel\n"), 0o600)
	fake := filepath.Join(t.TempDir(), "scorecard.xlsx")
	os.WriteFile(fake, []byte("this is not a zip file"), 0o600)
	for _, path := range []string{notes, fake} {
		r := scorecard(t, db, "import", path)
		if r.code != 1 {
			t.Errorf("import %s: exit %d, want 1", filepath.Base(path), r.code)
		}
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], filepath.Base(path)) {
			t.Errorf("import %s: stderr = %q, want one line naming the file", filepath.Base(path), r.stderr)
		}
	}
	if after := mustRun(t, db, "show", "CIC05", "--json"); after != before {
		t.Error("show output changed after failed imports")
	}
	if after := mustRun(t, db, "imports", "--json"); after != importsBefore {
		t.Error("the import history changed after failed imports")
	}
}

func TestReimportAndUndo(t *testing.T) {
	db := demoStore(t)
	demo := filepath.Join(t.TempDir(), "demo.xlsx")
	data, _ := os.ReadFile(filepath.Join("assets", "demo.xlsx"))
	os.WriteFile(demo, data, 0o600)
	// The embedded demo and the file are the same bytes: nothing is added.
	if out := mustRun(t, db, "import", demo); !strings.Contains(out, "already imported") {
		t.Errorf("re-import said %q, want already imported", out)
	}
	var recs []struct {
		ID     string  `json:"id"`
		Undone *string `json:"undone"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "imports", "--json")), &recs)
	if len(recs) != 1 {
		t.Fatalf("imports = %+v, want the demo only", recs)
	}
	mustRun(t, db, "undo", recs[0].ID)
	if r := scorecard(t, db, "show", "CIC05"); r.code != 1 {
		t.Errorf("show after undoing the only import: exit %d, want 1 (no data)", r.code)
	}
	if r := scorecard(t, db, "undo", recs[0].ID); r.code != 1 {
		t.Errorf("undo twice: exit %d, want 1", r.code)
	}
	// Undone, the same file can come in again.
	if out := mustRun(t, db, "import", demo); strings.Contains(out, "already imported") {
		t.Errorf("import after undo said %q", out)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	mustRun(t, db, "backup", "--out", backup)
	if a, b := mustRun(t, db, "show", "CIC05", "--json"), mustRun(t, backup, "show", "CIC05", "--json"); a != b {
		t.Error("the backup does not show what the store shows")
	}
}

func TestUsageAndUserErrors(t *testing.T) {
	db := demoStore(t)
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"show"}, 2, "usage"},
		{[]string{"show", "CIC05", "--bogus"}, 2, "bogus"},
		{[]string{"show", "NOPE99"}, 1, "NOPE99"},
		{[]string{"show", "CIC05", "--area", "Medway"}, 1, "Medway"},
		{[]string{"show", "CIC05", "--exclude", "UASC"}, 2, "lower-case"},
		{[]string{"import", "/no/such/file.xlsx"}, 1, "file.xlsx"},
		{[]string{"undo", "I9999"}, 1, "I9999"},
		{[]string{"backup"}, 2, "--out"},
	}
	for _, tt := range tests {
		r := scorecard(t, db, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.says) {
			t.Errorf("scorecard %v: exit %d, stderr %q; want exit %d saying %q", tt.args, r.code, r.stderr, tt.code, tt.says)
		}
	}
	// Districts by any of their names.
	out := mustRun(t, db, "show", "CIC05", "--area", "Shepway", "--json")
	if !strings.Contains(out, `"area": "Folkestone and Hythe"`) {
		t.Errorf("--area Shepway did not show Folkestone and Hythe:\n%.200s", out)
	}
}

func TestSecondProcessIsTurnedAwayQuickly(t *testing.T) {
	db := demoStore(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	// A change is turned away; reading commands read a copy
	// (TestReadingWhileWindowHoldsStore).
	r := scorecard(t, db, "undo", "I0001")
	took := time.Since(start)
	if r.code != 1 || !strings.Contains(r.stderr, "I0001: not undone: "+db+" is in use by another Scorecard (a window, or a command such as an import); nothing was changed: close it, or let it finish, then undo it again") {
		t.Errorf("second process: exit %d, stderr %q", r.code, r.stderr)
	}
	// An import turned away names its file and what to do.
	if r := scorecard(t, db, "import", filepath.Join("assets", "demo.xlsx")); r.code != 1 || !strings.Contains(r.stderr, "demo.xlsx: not imported: ") || !strings.Contains(r.stderr, "then import it again") {
		t.Errorf("an import while the store is held: exit %d, stderr %q", r.code, r.stderr)
	}
	if took > 2*time.Second {
		t.Errorf("second process took %v to give up, want under 2 s", took)
	}
	// A backup copies and proves a consistent snapshot while the store
	// is held.
	backup := filepath.Join(t.TempDir(), "held.db")
	mustRun(t, db, "backup", "--out", backup)
	st.Close()
	if a, b := mustRun(t, db, "show", "CIC05", "--json"), mustRun(t, backup, "show", "CIC05", "--json"); a != b {
		t.Error("the backup taken while the store was held does not show what the store shows")
	}
}

// TestKillDuringImport kills the binary with SIGKILL part way through a
// large import, at several moments, and checks that the store then opens
// and holds either none of the import or all of it, never part.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and imports a large workbook")
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "large.xlsx")
	if err := synth.Write(big, synth.Large(1), synth.LargeLayout); err != nil {
		t.Fatalf("writing the large workbook: %v", err)
	}
	// The kills land at fractions of a whole import timed here, so that
	// some fall during the read and some during the store's write however
	// fast this machine is today.
	start := time.Now()
	if out, err := exec.Command(bin, "--db", filepath.Join(dir, "timed.db"), "import", big).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	whole := time.Since(start)
	killedMidway := 0
	for _, eighths := range []time.Duration{1, 2, 3, 4, 5, 6, 7} {
		delay := whole * eighths / 8
		db := filepath.Join(dir, fmt.Sprintf("kill-%v.db", delay))
		cmd := exec.Command(bin, "--db", db, "import", big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			continue // finished before the kill: nothing to learn at this delay
		case <-time.After(delay):
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		if _, err := os.Stat(db); err != nil {
			continue // killed before the store was created
		}
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("after SIGKILL at %v the store does not open: %v", delay, err)
		}
		recs, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		h, err := st.Load()
		st.Close()
		if err != nil {
			t.Fatalf("after SIGKILL at %v the store does not load: %v", delay, err)
		}
		switch {
		case len(recs) == 1 && recs[0].Counts.Observations > 0 && len(h.Keys()) > 0:
			// Killed after the commit, on the way out: all of it is there.
		case len(recs) == 0 && len(h.Keys()) == 0 && len(h.Indicators()) == 0:
			killedMidway++
		default:
			t.Errorf("after SIGKILL at %v the store holds %d imports, %d series, %d indicators: want all or nothing", delay, len(recs), len(h.Keys()), len(h.Indicators()))
		}
	}
	if killedMidway == 0 {
		t.Error("no kill landed during an import: use a larger workbook")
	}
}

func TestExportExcludingUASC(t *testing.T) {
	db := demoStore(t)
	out := filepath.Join(t.TempDir(), "Scorecard excl UASC.xlsx")
	stdout := mustRun(t, db, "export", "--out", out, "--exclude", "uasc", "--suppress", "5")
	if !strings.HasPrefix(stdout, out+"\n") || !strings.Contains(stdout, "excluding uasc") {
		t.Errorf("export printed %q, want the path then a summary naming the exclusion", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the export does not open: %v", err)
	}
	defer f.Close()
	var text strings.Builder
	rows, _ := f.GetRows(f.GetSheetList()[0])
	for _, r := range rows[:min(len(rows), 6)] {
		text.WriteString(strings.Join(r, " "))
	}
	if !strings.Contains(strings.ToLower(text.String()), "unaccompanied asylum-seeking children") {
		t.Errorf("the first sheet's title rows do not name the exclusion: %q", text.String())
	}
	if r := scorecard(t, db, "export", "--out", filepath.Join(t.TempDir(), "x.xlsx"), "--period", "1999-01"); r.code != 1 {
		t.Errorf("export of a period with no data: exit %d, want 1", r.code)
	}
}

func TestVersionMatchesFyneApp(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(toml), fmt.Sprintf("Version = %q", version)) {
		t.Errorf("FyneApp.toml does not give version %s", version)
	}
}

// A DfE file feeding indicators the scorecard already defines adds Kent's
// annual figures and the benchmarks, and keeps the scorecard's definition.
func TestImportDfEKeepsScorecardDefinitions(t *testing.T) {
	db := demoStore(t)
	csv := filepath.Join("importer", "dfe", "testdata", "la_cla_placement_stability.csv")
	out := mustRun(t, db, "import", csv)
	if !strings.Contains(out, "DfE") || strings.Contains(out, " 0 benchmarks") {
		t.Errorf("import said %q, want a DfE import adding benchmarks", out)
	}
	var inds []struct {
		Ref  string `json:"ref"`
		Name string `json:"name"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds)
	for _, ind := range inds {
		if ind.Ref == "CIC05" && ind.Name != "Children in care with 3 or more placements in the last 12 months (%)" {
			t.Errorf("CIC05 is now %q: the DfE file replaced the scorecard's definition", ind.Name)
		}
	}
}

func TestShowAndFlagsEdges(t *testing.T) {
	db := demoStore(t)
	// The SIGNAL column is in words, and a figure that cannot be
	// recomputed without UASC says why.
	out := mustRun(t, db, "show", "CIC05")
	if strings.ContainsAny(out, "\x00\x01\x02") || !strings.Contains(out, "common") {
		t.Errorf("show's table has control bytes or no signal words:\n%s", out)
	}
	var excl struct {
		Points []struct {
			Status string `json:"status"`
			Reason string `json:"reason"`
		} `json:"points"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "show", "EH01", "--exclude", "uasc", "--json")), &excl)
	if len(excl.Points) == 0 || excl.Points[0].Status != "cannot exclude" || excl.Points[0].Reason == "" {
		t.Errorf("EH01 excluding UASC: %+v, want cannot exclude with a reason", excl.Points[:min(1, len(excl.Points))])
	}
	// A workforce measure counts no children: excluding UASC leaves it be.
	var staff struct {
		Points []struct {
			Value *float64 `json:"value"`
		} `json:"points"`
	}
	json.Unmarshal([]byte(mustRun(t, db, "show", "SCS04", "--exclude", "uasc", "--json")), &staff)
	if len(staff.Points) != 24 || staff.Points[23].Value == nil {
		t.Errorf("SCS04 excluding UASC has no figure: %+v", staff.Points)
	}
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"show", "CIC05", "--exclude", "uacs"}, 1, "uacs"},
		{[]string{"flags", "--period", "2027-01"}, 1, "Jan-27"},
		{[]string{"flags", "--period", "2025/26"}, 2, "month"},
	}
	for _, tt := range tests {
		if r := scorecard(t, db, tt.args...); r.code != tt.code || !strings.Contains(r.stderr, tt.says) {
			t.Errorf("scorecard %v: exit %d, stderr %q; want exit %d saying %q", tt.args, r.code, r.stderr, tt.code, tt.says)
		}
	}
	header := filepath.Join(t.TempDir(), "header.csv")
	os.WriteFile(header, []byte("Ref,Period,Area,Cohort,Numerator,Denominator,Value\n"), 0o600)
	if r := scorecard(t, db, "import", header); r.code != 1 || !strings.Contains(r.stderr, "header.csv") {
		t.Errorf("import of a header-only CSV: exit %d, stderr %q; want 1 naming the file", r.code, r.stderr)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if st, err := store.Open(empty); err != nil {
		t.Fatal(err)
	} else {
		st.Close()
	}
	if out := mustRun(t, empty, "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("list --json on an empty store = %q, want []", out)
	}
}

// The app's own export imports again with the same definitions and the
// same ratings, so a circulated workbook can seed another store.
func TestExportImportsAgain(t *testing.T) {
	db := demoStore(t)
	out := filepath.Join(t.TempDir(), "circulated.xlsx")
	mustRun(t, db, "export", "--out", out)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	mustRun(t, fresh, "import", out)
	if a, b := mustRun(t, db, "list", "--json"), mustRun(t, fresh, "list", "--json"); a != b {
		t.Errorf("definitions differ after the round trip:\n%.600s\n---\n%.600s", a, b)
	}
	rags := func(db string) string {
		var show struct {
			Points []struct {
				Period string `json:"period"`
				RAG    string `json:"rag"`
				DoT    string `json:"dot"`
			} `json:"points"`
		}
		json.Unmarshal([]byte(mustRun(t, db, "show", "CIC05", "--json")), &show)
		return fmt.Sprint(show.Points[len(show.Points)-1])
	}
	if a, b := rags(db), rags(fresh); a != b {
		t.Errorf("CIC05's latest rating was %s, is %s after the round trip", a, b)
	}
	// Exported without suppression, to pass the history on, every figure
	// comes back as it was, a previous year's outturn standing in for a
	// month too: the Data sheet once left those out.
	whole := filepath.Join(t.TempDir(), "whole.xlsx")
	mustRun(t, db, "export", "--out", whole, "--suppress", "0")
	fresh = filepath.Join(t.TempDir(), "whole.db")
	mustRun(t, fresh, "import", whole)
	var list []struct {
		Ref string `json:"ref"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	type point struct {
		Period  string   `json:"period"`
		Value   *float64 `json:"value"`
		Status  string   `json:"status"`
		StandIn bool     `json:"stand_in"`
	}
	points := func(db, ref string) []point {
		var show struct {
			Points []point `json:"points"`
		}
		json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &show)
		return show.Points
	}
	standIns := 0
	for _, ind := range list {
		was, now := points(db, ind.Ref), points(fresh, ind.Ref)
		for _, p := range was {
			if p.StandIn {
				standIns++
			}
		}
		a, _ := json.Marshal(was)
		if b, _ := json.Marshal(now); string(a) != string(b) {
			t.Errorf("%s's figures after the round trip:\n%s\nwant\n%s", ind.Ref, b, a)
		}
	}
	if standIns == 0 {
		t.Error("the demo has no figure standing in: the round trip of one is not checked")
	}
}

// TestShowBenchmarksSayAllChildren: `show --exclude` prints benchmarks,
// which count all children, under a heading that says so, beside figures
// that do not; without --exclude the heading is plain.
func TestShowBenchmarksSayAllChildren(t *testing.T) {
	db := demoStore(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"show", "CIC01", "--exclude", "uasc"}, "\nBenchmarks (all children):\n"},
		{[]string{"show", "CIC01"}, "\nBenchmarks:\n"},
	} {
		out := mustRun(t, db, tc.args...)
		if !strings.Contains(out, tc.want) {
			t.Errorf("%v: no %q in\n%s", tc.args, tc.want, out)
		}
		if !strings.Contains(out, "Previous year outturn") {
			t.Errorf("%v: no benchmarks printed: the check proves nothing\n%s", tc.args, out)
		}
	}
}

// A suppressed export imported back into the store it came from leaves
// the store's figures as they were, and says why: its c's were withheld
// for circulation, and once stored as revisions even an export asking
// for no suppression printed c.
func TestImportSuppressedExportKeepsHeldFigures(t *testing.T) {
	db := demoStore(t)
	refs := []string{"CIC02", "ED04", "SCS01"}
	before := map[string]string{}
	for _, ref := range refs {
		before[ref] = mustRun(t, db, "show", ref, "--area", "Thanet", "--json")
	}
	out := filepath.Join(t.TempDir(), "circulated.xlsx")
	if s := mustRun(t, db, "export", "--out", out, "--suppress", "5"); !strings.Contains(s, "figures suppressed") {
		t.Fatalf("the export suppressed nothing, so proves nothing: %s", s)
	}
	got := mustRun(t, db, "import", out)
	if !strings.Contains(got, "withheld figures (c) not imported") || !strings.Contains(got, "(0 revised)") {
		t.Errorf("import of the suppressed export printed\n%s\nwant no revisions and a warning of the withheld figures", got)
	}
	for _, ref := range refs {
		if after := mustRun(t, db, "show", ref, "--area", "Thanet", "--json"); after != before[ref] {
			t.Errorf("show %s --area Thanet changed after importing the suppressed export:\n%.800s\nwant\n%.800s", ref, after, before[ref])
		}
	}
	// Into an empty store the c's are all there is of those figures: kept.
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if got := mustRun(t, fresh, "import", out); strings.Contains(got, "withheld figures") {
		t.Errorf("import into an empty store dropped withheld figures:\n%s", got)
	}
}

// TestShowBenchmarkAtPublishedPlaces: England's rate of children in care,
// which the DfE publishes in whole numbers, is shown as published, not to
// the tenth the scorecard's own rate is shown to.
func TestShowBenchmarkAtPublishedPlaces(t *testing.T) {
	db := demoStore(t)
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"))
	out := mustRun(t, db, "show", "CIC02")
	// Reporting year 2025 (at 31 March 2025) is the financial year 2024/25.
	england := regexp.MustCompile(`(?m)^2024/25\s+England\s+(\S+)`).FindStringSubmatch(out)
	if england == nil || england[1] != "67" {
		t.Errorf("England 2024/25 shown as %q, want 67 as published:\n%s", england, out)
	}
}
