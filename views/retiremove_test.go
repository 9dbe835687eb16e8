package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
)

// findSelect returns the first visible drop-down under o.
func findSelect(o fyne.CanvasObject) *widget.Select {
	var found *widget.Select
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok && found == nil {
			found = s
		}
		return found == nil
	})
	return found
}

// TestMoveRetirement: an indicator retired from the wrong period (from
// Mar-25, where the scorecard gave it until Apr-25) is moved from the
// Indicator tab, as scorecard retire --from moves it: Change when
// retired… offers the Retire… dialog's periods with the one in force
// chosen, and saves an edit in place of the retirement, which Undo
// under Imports removes, the first retirement in force again. Moving it
// to the period it is retired from saves nothing; Put back in
// circulation… still puts it back. EH01's figures stop at Feb-25 while
// the scorecard's go on to Mar-25.
func TestMoveRetirement(t *testing.T) {
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
	w.openDetail("EH01")
	if w.detail.moveRetire.Visible() {
		t.Fatalf("an indicator in circulation is offered %q", moveRetireText)
	}
	test.Tap(findButton(w.detail.content, "Retire…"))
	test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Retire"))

	imports := func() int {
		t.Helper()
		imps, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		return len(imps)
	}
	move := func(to string) string {
		t.Helper()
		w.openDetail("EH01")
		b := findButton(w.detail.content, moveRetireText)
		if b == nil {
			t.Fatalf("the Indicator tab of a retired indicator has no %q button", moveRetireText)
		}
		test.Tap(b)
		top := w.win.Canvas().Overlays().Top()
		sel := findSelect(top)
		if sel == nil {
			t.Fatal("the dialog has no period to pick")
		}
		if sel.Selected != "Mar-25" {
			t.Errorf("the dialog starts at %q, want the period in force, Mar-25", sel.Selected)
		}
		if !slices.Contains(sel.Options, to) {
			t.Fatalf("the dialog does not offer %s: %v", to, sel.Options)
		}
		sel.SetSelected(to)
		text := strings.Join(labelTexts(top), "\n")
		test.Tap(findButton(top, "Save"))
		return text
	}
	retiredFrom := func() string {
		r, ok := w.v.stored.Retirement("EH01")
		if !ok {
			return ""
		}
		return r.From.Label()
	}

	before := imports()
	said := move("Mar-25")
	if !strings.Contains(said, "is retired from Mar-25 (edit I0002)") {
		t.Errorf("the dialog does not say the retirement in force:\n%s", said)
	}
	if n := imports(); n != before {
		t.Errorf("moving the retirement to its own period saved %d edits", n-before)
	}
	if top := w.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(strings.Join(labelTexts(top), "\n"), "already retired from Mar-25") {
		t.Errorf("moving the retirement to its own period is not refused with a reason")
	} else {
		w.win.Canvas().Overlays().Remove(top)
	}

	said = move("Apr-25")
	if want := "Retire " + name + " from Apr-25 instead of Mar-25?"; !strings.Contains(said, want) {
		t.Errorf("the dialog does not ask %q:\n%s", want, said)
	}
	if got := retiredFrom(); got != "Apr-25" {
		t.Fatalf("after the move, retired from %q, want Apr-25", got)
	}
	imps, err := st.Imports()
	if err != nil {
		t.Fatal(err)
	}
	last := imps[len(imps)-1]
	if want := name + ": retired from Apr-25 (its last figure is for Feb-25), in place of its retirement from Mar-25 by I0002"; last.Note != want {
		t.Errorf("the edit saved says %q, want %q", last.Note, want)
	}
	if rowOf(w.score, "EH01") < 0 {
		t.Errorf("Mar-25's scorecard leaves EH01 out, retired from Apr-25 now")
	}

	w.history.undoImport(last.ID)
	if got := retiredFrom(); got != "Mar-25" {
		t.Errorf("after Undo of %s, retired from %q, want Mar-25 again", last.ID, got)
	}
	if rowOf(w.score, "EH01") >= 0 {
		t.Errorf("after Undo, Mar-25's scorecard shows EH01, retired from Mar-25 again")
	}

	w.openDetail("EH01")
	test.Tap(findButton(w.detail.content, "Put back in circulation…"))
	test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Put back"))
	if got := retiredFrom(); got != "" {
		t.Errorf("put back, still retired from %s", got)
	}
	w.openDetail("EH01")
	if w.detail.moveRetire.Visible() {
		t.Errorf("put back, still offered %q", moveRetireText)
	}
}
