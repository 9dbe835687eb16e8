package views

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestCommentaryDraftKept(t *testing.T) {
	b := newMemBackend(scorecardFixture(24))
	a := test.NewTempApp(t)
	open := func() *mainWindow {
		w, err := newMainWindow(a, b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		w.open()
		t.Cleanup(w.win.Close)
		return w
	}
	w := open()
	w.openDetail("CIC05")
	w.win.Canvas().Focus(w.detail.comment)
	test.Type(w.detail.comment, "Placements rose after two homes closed")
	// Moving on to another indicator and back keeps the words.
	w.openDetail("EH01")
	if got := w.detail.comment.Text; got != "" {
		t.Errorf("EH01's commentary shows %q, CIC05's draft leaked", got)
	}
	w.openDetail("CIC05")
	if got := w.detail.comment.Text; got != "Placements rose after two homes closed" {
		t.Fatalf("back on CIC05 the commentary is %q, the draft was lost", got)
	}
	// So does closing the window: the next one opens with the draft.
	w.drafts.flush() // as closing the window does
	again := open()
	again.openDetail("CIC05")
	if got := again.detail.comment.Text; got != "Placements rose after two homes closed" {
		t.Errorf("after closing and opening, CIC05's commentary is %q", got)
	}
	// Saving it makes it commentary, no longer a draft.
	again.detail.saveComment()
	if _, ok := again.drafts.texts[draftKey("CIC05", again)]; ok {
		t.Errorf("the saved commentary is still held as a draft")
	}
	if c, _ := again.v.shown.Comment("CIC05", again.v.area, again.v.period); c.Text != "Placements rose after two homes closed" {
		t.Errorf("saved commentary %q", c.Text)
	}
}
