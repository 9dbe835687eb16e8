package views

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestDetailExcludingUASC: excluding UASC on the demo, a comment written
// about all children is labelled so in the detail pane, the benchmarks
// say they count all children, and an indicator no month of which can
// exclude UASC says so once, not in every row of its table.
func TestDetailExcludingUASC(t *testing.T) {
	w := openDemo(t)
	ref := ""
	for _, ind := range w.v.stored.Indicators() {
		_, shown := benchmark.Beside(w.v.stored, ind.Ref, w.v.period)
		if _, ok := w.v.stored.Comment(ind.Ref, app.Kent, w.v.period); ok && shown {
			ref = ind.Ref
			break
		}
	}
	if ref == "" {
		t.Fatal("no demo indicator with a comment and benchmarks")
	}
	w.cohorts[app.UASC].SetChecked(true)
	w.openDetail(ref)
	c, _ := w.v.stored.Comment(ref, app.Kent, w.v.period)
	if got := w.detail.comment.Text; got != "(all children) "+c.Text {
		t.Errorf("%s comment excluding UASC %q, want it labelled (all children)", ref, got)
	}
	if !strings.Contains(w.detail.benchmarks.Text, "(all children)") {
		t.Errorf("%s benchmarks excluding UASC %q do not say they count all children", ref, w.detail.benchmarks.Text)
	}
	// Saving keeps the comment for the figures excluding UASC, without
	// the label, and leaves all children's as it was.
	w.detail.comment.SetText(w.detail.comment.Text + " Excluding UASC it is level.")
	w.detail.saveComment()
	got, own, _ := w.v.stored.CommentFor(ref, app.Kent, app.Excluding(app.UASC), w.v.period)
	if !own || strings.HasPrefix(got.Text, "(all children)") || !strings.HasSuffix(got.Text, "level.") {
		t.Errorf("saved excluding UASC: %q (own %v)", got.Text, own)
	}
	if all, _ := w.v.stored.Comment(ref, app.Kent, w.v.period); all.Text != c.Text {
		t.Errorf("all children's comment became %q", all.Text)
	}

	// A comment quoting all children's figure beside the figure excluding
	// UASC is flagged.
	all, _ := w.v.stored.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, w.v.period)
	quote := app.FormatNumber(*all.Value, 0) + " children in care."
	w.edit("a comment", &app.Dataset{Comments: []app.Comment{{Ref: "CIC01", Area: app.Kent, Period: w.v.period, Text: quote}}})
	w.openDetail("CIC01")
	if !strings.Contains(w.detail.about.Text, "Check the comment: the comment quotes "+app.FormatNumber(*all.Value, 0)) {
		t.Errorf("CIC01 quoting all children's %v excluding UASC: about %q does not flag it", *all.Value, w.detail.about.Text)
	}

	w.openDetail("SCS01") // re-referrals: the demo gives no UASC split
	if !strings.HasPrefix(w.detail.signal.Text, "Cannot exclude UASC in any month") {
		t.Errorf("SCS01 signal line %q, want it to say once that UASC cannot be excluded", w.detail.signal.Text)
	}
	for row := range w.detail.points {
		if s := w.detail.text(row, 1); s != "" {
			t.Errorf("SCS01 row %d shows %q, want the reason said once above the table", row, s)
			break
		}
	}
}

// TestExportRemembersSuppression: the dialog starts at the default
// threshold, 5 (the command line's too), and then at the officer's last
// choice.
func TestExportRemembersSuppression(t *testing.T) {
	_, w := windowOnDemo(t)
	f := w.newExportForm()
	if got := suppressBelow[f.suppress.Selected]; got != 5 {
		t.Errorf("the first export suppresses below %d, want 5", got)
	}
	f.suppress.SetSelected(suppressChoices[2])
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	w.exportTo(filepath.Join(t.TempDir(), "revised.xlsx"), opt)
	w.busy.Wait()
	if got := w.newExportForm().suppress.Selected; got != suppressChoices[2] {
		t.Errorf("the next export starts at %q, want the last choice %q", got, suppressChoices[2])
	}
}

// TestDistrictsExcludingUASC: excluding UASC, the demo's districts have
// their own figures for children in care (the districts and Out of County
// sum to Kent excluding UASC), and a row that cannot exclude UASC in any
// area says so once.
func TestDistrictsExcludingUASC(t *testing.T) {
	w := openDemo(t)
	w.cohorts[app.UASC].SetChecked(true)
	w.districts.reload()
	row := func(ref string) int {
		for i, ind := range w.districts.inds {
			if ind.Ref == ref {
				return i
			}
		}
		t.Fatalf("no row for %s", ref)
		return 0
	}
	swale := 1 + slices.Index(app.Areas, app.Area("Swale"))
	if got := w.districts.text(row("CIC01"), swale); got == "" || strings.HasPrefix(got, "n/e") || strings.HasPrefix(got, "cannot") {
		t.Errorf("CIC01 Swale excluding UASC shows %q, want its figure", got)
	}
	said := 0
	for col := 1; col <= len(app.Areas); col++ {
		if got := w.districts.text(row("SCS01"), col); got == "n/e" || strings.HasPrefix(got, "cannot exclude") {
			said++
		}
	}
	if said != 1 {
		t.Errorf("SCS01 says it cannot exclude UASC %d times across the districts, want once", said)
	}
}

// TestCohortToggleOnlyWhereSplit: the demo's figures are split by UASC
// but by no other cohort, so the window offers to exclude UASC, and not
// children placed by other LAs, which would only turn every figure to
// n/e under a title saying they were excluded; nor does the export
// dialog.
func TestCohortToggleOnlyWhereSplit(t *testing.T) {
	w := openDemo(t)
	if w.cohorts[app.UASC].Disabled() {
		t.Error("Exclude UASC is disabled, though the demo's figures are split by UASC")
	}
	if !w.cohorts[app.OLA].Disabled() {
		t.Error("Exclude OLA is offered, though no demo figure is split by OLA")
	}
	f := w.newExportForm()
	if f.cohorts[app.UASC].Disabled() || !f.cohorts[app.OLA].Disabled() {
		t.Errorf("export dialog: UASC disabled %v, OLA disabled %v; want UASC offered, OLA not",
			f.cohorts[app.UASC].Disabled(), f.cohorts[app.OLA].Disabled())
	}
}
