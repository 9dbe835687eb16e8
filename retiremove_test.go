package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRetireMoved: scorecard retire --from on a retired indicator moves
// its retirement (retired from Feb-25, should have been Mar-25), saved in
// place of the one in force, which undo of the edit puts back, as the
// window's Change when retired… does (app.History.RetireEdit, shared);
// retiring it from the period it is retired from already is refused.
func TestRetireMoved(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard January.xlsx", retireCard(3, nil)))
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard February.xlsx", retireCard(4, without("EH06"))))
	mustRun(t, db, "retire", "EH06")

	r := scorecard(t, db, "retire", "EH06", "--from", "2025-02")
	if want := "EH06: already retired from Feb-25 (edit I0003)"; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("retire again from the same period: exit %d, %q; want exit 1, %q", r.code, r.stderr, want)
	}
	out := mustRun(t, db, "retire", "EH06", "--from", "2025-03")
	if want := "EH06 Elective home education (number): retired from Mar-25 (its last figure is for Jan-25), in place of its retirement from Feb-25 by I0003, saved as I0004"; !strings.HasPrefix(out, want) {
		t.Errorf("retire --from a later period says:\n%s\nwant it to begin %q", out, want)
	}
	if show := mustRun(t, db, "show", "EH06"); !strings.Contains(show, "\nRetired from Mar-25 (edit I0004)") {
		t.Errorf("show after the move:\n%s", show)
	}
	mustRun(t, db, "undo", "I0004")
	if show := mustRun(t, db, "show", "EH06"); !strings.Contains(show, "\nRetired from Feb-25 (edit I0003)") {
		t.Errorf("show after undo of the move, want the retirement from Feb-25 back:\n%s", show)
	}
}
