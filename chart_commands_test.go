package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestChartSettingsUndo checks that baseline, rebase and window edits
// change what show and flags say, and that undo removes each exactly:
// show --json and flags --json read byte for byte as before.
func TestChartSettingsUndo(t *testing.T) {
	db := demoStore(t)
	showBefore := mustRun(t, db, "show", "CIC05", "--json")
	flagsBefore := mustRun(t, db, "flags", "--json")
	type chart struct {
		Mean     float64 `json:"mean"`
		Baseline int     `json:"baseline"`
		Note     string  `json:"note"`
	}
	points := func(out string) []struct {
		Period string `json:"period"`
		Chart  *chart `json:"chart"`
		Trend  struct {
			Points int `json:"points"`
		} `json:"trend"`
		Variation string `json:"variation"`
	} {
		var show struct {
			Points []struct {
				Period string `json:"period"`
				Chart  *chart `json:"chart"`
				Trend  struct {
					Points int `json:"points"`
				} `json:"trend"`
				Variation string `json:"variation"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(out), &show); err != nil {
			t.Fatalf("show --json: %v", err)
		}
		return show.Points
	}
	id := regexp.MustCompile(`saved as (I\d+)`)
	edit := func(args ...string) string {
		t.Helper()
		m := id.FindStringSubmatch(mustRun(t, db, args...))
		if m == nil {
			t.Fatalf("%v: no import ID", args)
		}
		return m[1]
	}

	// The demo's 24 months from Nov-24: a baseline of the first 13.
	if first := points(showBefore)[0].Period; first != "2024-11" {
		t.Fatalf("the demo starts at %s, not 2024-11", first)
	}
	baseline := edit("baseline", "CIC05", "--from", "2024-11", "--to", "2025-11", "--note", "first year")
	pts := points(mustRun(t, db, "show", "CIC05", "--json"))
	if c := pts[23].Chart; c == nil || c.Baseline != 13 {
		t.Fatalf("after baseline: chart %+v, want 13 figures in the baseline", c)
	}
	rebase := edit("rebase", "CIC05", "--at", "2026-02", "--note", "new service model")
	pts = points(mustRun(t, db, "show", "CIC05", "--json"))
	// Feb-26 to Oct-26 is 9 months: too few for a chart of its own.
	if pts[23].Chart != nil || pts[23].Variation != "" || pts[0].Chart == nil {
		t.Fatalf("after rebase: latest chart %+v %q, first %+v", pts[23].Chart, pts[23].Variation, pts[0].Chart)
	}
	window := edit("window", "CIC05", "6")
	// A later window replaces it; undoing that brings the 6 back.
	if out := mustRun(t, db, "undo", edit("window", "CIC05", "24")); !strings.Contains(out, "trend window of 24 periods") {
		t.Errorf("undo says %q, want what the edit changed", out)
	}
	if got := points(mustRun(t, db, "show", "CIC05", "--json"))[23].Trend.Points; got != 6 {
		t.Fatalf("after window 6: trend over %d points", got)
	}
	for _, id := range []string{window, rebase, baseline} {
		mustRun(t, db, "undo", id)
	}
	if out := mustRun(t, db, "imports", "--json"); !strings.Contains(out, "SPC rebased at Feb-26 (new service model)") {
		t.Errorf("imports does not list the rebase edit:\n%s", out)
	}
	if got := mustRun(t, db, "show", "CIC05", "--json"); got != showBefore {
		t.Errorf("show --json after undoing every setting differs from before")
	}
	if got := mustRun(t, db, "flags", "--json"); got != flagsBefore {
		t.Errorf("flags --json after undoing every setting differs from before")
	}

	for _, bad := range [][]string{
		{"rebase", "CIC05", "--at", "2026-02"}, // no note
		{"baseline", "CIC05"},                  // no start
		{"window", "CIC05", "2"},               // too short
		{"window", "CIC05", "soon"},
		{"baseline", "CIC05", "--from", "2024-04", "--to", "2024-01"},
	} {
		if r := scorecard(t, db, bad...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)\n%s", bad, r.code, r.stderr)
		}
	}
	if r := scorecard(t, db, "window", "NOPE", "6"); r.code != 1 || !strings.Contains(r.stderr, "NOPE") {
		t.Errorf("unknown indicator: exit %d %q", r.code, r.stderr)
	}
}

// TestShortBaselineRefused: a baseline of fewer figures than an XmR chart
// needs would take SPC from the whole chart; it is refused in one line
// naming the span and its count, and nothing is saved. A rebase within
// the baseline, which would leave its chart short, is refused too (the
// SPC campaign's F1); one that leaves the latest chart short says so in
// a whole sentence.
func TestShortBaselineRefused(t *testing.T) {
	db := demoStore(t)
	before := mustRun(t, db, "imports", "--json")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"baseline", "CIC03", "--from", "2025-04", "--to", "2026-03"}, "CIC03: a baseline needs at least 13 points; Apr-25 to Mar-26 has 12\n"},
		{[]string{"baseline", "CIC03", "--from", "2026-04"}, "CIC03: a baseline needs at least 13 points; Apr-26 to Oct-26 has 7\n"},
	} {
		r := scorecard(t, db, tc.args...)
		if r.code != 1 || r.stderr != tc.want {
			t.Errorf("%v: exit %d, stderr %q; want exit 1, %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if after := mustRun(t, db, "imports", "--json"); after != before {
		t.Errorf("a refused baseline changed the store's imports")
	}
	if out := mustRun(t, db, "baseline", "CIC03", "--from", "2025-04", "--to", "2026-04"); strings.Contains(out, "note:") {
		t.Errorf("a 13-point baseline: %q, want no note", out)
	}
	r := scorecard(t, db, "rebase", "CIC03", "--at", "2026-04", "--note", "new model")
	if want := "CIC03: a rebase at Apr-26 would leave the baseline 12 points in its chart, Apr-25 to Mar-26, where a baseline needs at least 13: rebase after the baseline ends, or set a baseline within one chart first\n"; r.code != 1 || r.stderr != want {
		t.Errorf("rebase within the baseline: exit %d, stderr %q; want exit 1, %q", r.code, r.stderr, want)
	}
	out := mustRun(t, db, "rebase", "CIC03", "--at", "2026-05", "--note", "new model")
	if !strings.Contains(out, "  note: CIC03's latest chart has fewer than 13 figures for Kent, so it shows no SPC limits or signals until it has 13.\n") {
		t.Errorf("rebase leaving 6 figures: %q, want a note in a whole sentence", out)
	}
}

// TestImportsNameEdits: `imports` names what each chart edit changed in
// its SOURCE column, where every edit had read "edit" and only --json
// told an officer which one to undo.
func TestImportsNameEdits(t *testing.T) {
	db := demoStore(t)
	mustRun(t, db, "window", "CIC04", "6")
	mustRun(t, db, "baseline", "CIC03", "--from", "2024-11", "--note", "new service")
	lines := strings.Split(mustRun(t, db, "imports"), "\n")
	var edits []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 6 && f[5] == "edit" {
			edits = append(edits, l)
		}
	}
	if len(edits) != 2 || !strings.Contains(edits[0], "CIC04: trend window of 6 periods") || !strings.Contains(edits[1], "CIC03: SPC baseline from Nov-24 (new service)") {
		t.Errorf("imports lists the edits as %q", edits)
	}
}
