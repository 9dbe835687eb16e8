package views

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
	"scorecard/assets/synth"
)

// scorecardBinary builds the scorecard command, with Fyne's software
// driver, for a test to run as an officer would.
func scorecardBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "scorecard")
	build := exec.Command("go", "build", "-tags", "ci", "-o", bin, "scorecard")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building scorecard: %v\n%s", err, out)
	}
	return bin
}

// TestWindowAndTwoCLIImports: a window importing a workbook while two
// scorecard processes import others into the same team store: all three
// land, the window ends up showing all three, and the store is what a
// store file given the same files in the same order holds, figure for
// figure (so no import is partly there).
func TestWindowAndTwoCLIImports(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scorecard command")
	}
	dsn := pgtest.DSN(t)
	bin := scorecardBinary(t)
	dir := t.TempDir()
	files := map[string]string{"demo.xlsx": "testdata/demo.xlsx"}
	for i, l := range []synth.Layout{synth.LargeLayout, synth.Layouts()[14]} {
		name := "district-" + l.Name + ".xlsx"
		path := filepath.Join(dir, name)
		if err := synth.Write(path, synth.Large(uint64(i+1)), l); err != nil {
			t.Fatal(err)
		}
		files[name] = path
	}
	demo, err := filepath.Abs(files["demo.xlsx"])
	if err != nil {
		t.Fatal(err)
	}
	files["demo.xlsx"] = demo

	q := queueTeamWork(t)
	team := openTeam(t, dsn)
	w := windowOn(t, team)
	waitListening(t, dsn)
	confirmLayouts(t, w, "Accept")

	type run struct {
		name string
		out  []byte
		err  error
	}
	var wg sync.WaitGroup
	runs := make(chan run, 2)
	for name, path := range files {
		if name == "demo.xlsx" {
			continue
		}
		wg.Go(func() {
			out, err := exec.Command(bin, "--db", dsn, "import", path).CombinedOutput()
			runs <- run{name, out, err}
		})
	}
	w.importFiles([]string{demo})
	w.busy.Wait()
	wg.Wait()
	close(runs)
	for r := range runs {
		if r.err != nil {
			t.Errorf("scorecard import %s: %v\n%s", r.name, r.err, r.out)
		}
	}
	locked(w, func() {
		if w.win.Canvas().Overlays().Top() != nil {
			t.Errorf("the window's import: the window shows %q", shownText(w))
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	recs, err := team.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d imports landed, want 3: %v", len(recs), recs)
	}
	eventually(t, w, q, 10*time.Second, "the window showing all three imports", func() bool {
		return len(w.v.stored.Imports) == 3 && len(w.history.imports) == 3
	})

	// The same files, one after another in the order they landed, into a
	// store file.
	file := filepath.Join(dir, "replay.db")
	for _, rec := range recs {
		out, err := exec.Command(bin, "--db", file, "import", files[rec.Source]).CombinedOutput()
		if err != nil {
			t.Fatalf("replaying %s into a store file: %v\n%s", rec.Source, err, out)
		}
	}
	b, err := store.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	got, err := team.Load()
	if err != nil {
		t.Fatal(err)
	}
	// The warnings about indicators new to the store are worked out as
	// the file is read, against the store as it was then: an import read
	// while another was landing warns of what the sequential replay does
	// not (or the reverse), so they are set alike here. The figures,
	// targets, definitions and kinds must be the same.
	sameKinds := func(h *app.History) *app.History {
		h = h.Clone()
		h.Imports = slices.Clone(h.Imports)
		for i := range h.Imports {
			h.Imports[i].Warnings = nil
			h.Imports[i].Counts.Warnings = 0
		}
		return h
	}
	want = sameKinds(want)
	storetest.Equivalent(t, want, sameKinds(got))
	locked(w, func() { storetest.Equivalent(t, want, sameKinds(w.v.stored)) })
	// And as the command line reports it.
	args := [][]string{{"flags", "--json"}}
	for _, ind := range want.Indicators()[:3] {
		args = append(args, []string{"show", ind.Ref, "--json"})
	}
	for _, a := range args {
		if x, y := runOut(t, bin, file, a...), runOut(t, bin, dsn, a...); x != y {
			t.Errorf("%v differs between the store file and the team store", a)
		}
	}
}

// runOut runs the scorecard command on the store db and returns what it
// printed, failing t if it failed.
func runOut(t *testing.T, bin, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Env = os.Environ()
	if err := cmd.Run(); err != nil {
		t.Fatalf("scorecard %v: %v\n%s", args, err, errOut.String())
	}
	return out.String()
}
