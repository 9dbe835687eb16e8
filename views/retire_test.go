package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

// TestRetireFromIndicatorTab: the Indicator tab retires the indicator it
// shows, as scorecard retire does, after a confirmation that names it and
// the period it is retired from (the one after its last figure); the
// scorecard and the districts of that period then leave it out and say
// so, an earlier period still shows it, and the edit is listed under
// Imports, where Undo removes it, as Put back reverses it (QA27a 5); a
// window opened on a store with it retired says so from the start.
// EH01's figures stop at Feb-25 while the scorecard's go on to Mar-25.
func TestRetireFromIndicatorTab(t *testing.T) {
	st := openStore(t)
	d := scorecardFixture(24)
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		return o.Ref == "EH01" && o.Period == app.MonthOf(2025, 3)
	})
	if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook"}, d); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	const name = "EH01 Early help cases closed with outcomes achieved"
	said := name + " was retired from Mar-25 (edit I0002): left out of the scorecard from then on"
	tap := func(button string) {
		t.Helper()
		b := findButton(w.detail.content, button)
		if b == nil {
			t.Fatalf("the Indicator tab has no %q button", button)
		}
		test.Tap(b)
	}
	confirm := func(button string, words ...string) {
		t.Helper()
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no confirmation shown")
		}
		text := strings.Join(labelTexts(top), "\n")
		for _, word := range words {
			if !strings.Contains(text, word) {
				t.Errorf("the confirmation does not say %q:\n%s", word, text)
			}
		}
		b := findButton(top, button)
		if b == nil {
			t.Fatalf("the confirmation has no %q button:\n%s", button, text)
		}
		test.Tap(b)
	}
	for _, step := range []struct {
		name     string
		do       func()
		period   string // the scorecard's period
		shown    bool   // EH01 on the scorecard and the districts
		note     string // under the scorecard
		button   string // the Indicator tab's action now
		lastEdit string // the latest import's note, "" for no edit
	}{
		{"before", func() {}, "Mar-25", true, "", "Retire…", ""},
		{"retired", func() {
			w.openDetail("EH01")
			tap("Retire…")
			confirm("Retire", "Retire "+name+" from Mar-25?", "Its last figure is for Feb-25.", "Undo removes it")
		}, "Mar-25", false, said, "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"an earlier period", func() { w.period.SetSelected("Feb-25") }, "Feb-25", true, "", "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"undone under Imports", func() {
			w.period.SetSelected("Mar-25")
			w.history.undoImport("I0002")
		}, "Mar-25", true, "", "Retire…", ""},
		{"retired again", func() {
			w.openDetail("EH01")
			tap("Retire…")
			confirm("Retire", "Retire "+name+" from Mar-25?")
		}, "Mar-25", false, strings.Replace(said, "I0002", "I0003", 1), "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"the window opened anew", func() { w = windowOn(t, st) }, "Mar-25", false, strings.Replace(said, "I0002", "I0003", 1), "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"put back", func() {
			w.openDetail("EH01")
			tap("Put back in circulation…")
			confirm("Put back", "Put "+name+" back in circulation?", "It was retired from Mar-25 (edit I0003).")
		}, "Mar-25", true, "", "Retire…", name + ": back in circulation (it was retired from Mar-25 by I0003)"},
	} {
		step.do()
		if w.v.period.Label() != step.period {
			t.Fatalf("%s: the scorecard is of %s, want %s", step.name, w.v.period.Label(), step.period)
		}
		w.districts.reload()
		if on, inDistricts := rowOf(w.score, "EH01") >= 0, slices.ContainsFunc(w.districts.inds, func(ind app.Indicator) bool { return ind.Ref == "EH01" }); on != step.shown || inDistricts != step.shown {
			t.Errorf("%s: EH01 on the scorecard %v, on the districts %v; want %v", step.name, on, inDistricts, step.shown)
		}
		if rowOf(w.score, "CIC05") < 0 {
			t.Errorf("%s: CIC05 is not on the scorecard", step.name)
		}
		if got := w.retired.Text; step.note == "" && (got != "" || w.retired.Visible()) || !strings.Contains(got, step.note) {
			t.Errorf("%s: under the scorecard: %q (shown %v), want %q", step.name, got, w.retired.Visible(), step.note)
		}
		w.openDetail("EH01")
		if got := w.detail.retire.Text; got != step.button {
			t.Errorf("%s: the Indicator tab offers %q, want %q", step.name, got, step.button)
		}
		imps, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		last := imps[len(imps)-1]
		if last.Undone != nil || last.Kind != "edit" {
			last = app.Import{}
		}
		if last.Note != step.lastEdit {
			t.Errorf("%s: the latest edit in force is %q, want %q", step.name, last.Note, step.lastEdit)
		}
	}
}
