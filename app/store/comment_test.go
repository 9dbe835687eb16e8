package store

import (
	"testing"

	"scorecard/app"
)

// TestCommentPerCohort: a comment on the figures excluding UASC is kept
// beside, not over, the comment on all children's figures for the same
// indicator, area and month, and both come back from the store.
func TestCommentPerCohort(t *testing.T) {
	s := openTemp(t)
	p := app.MonthOf(2025, 3)
	all := app.Comment{Ref: "CIC01", Area: app.Kent, Period: p, Text: "1,930 children in care, up 9."}
	excl := app.Comment{Ref: "CIC01", Area: app.Kent, Split: app.Excluding(app.UASC), Period: p, Text: "1,468 excluding UASC, level."}
	mustImport(t, s, "a.xlsx", &app.Dataset{Comments: []app.Comment{all}})
	mustImport(t, s, "edit", &app.Dataset{Comments: []app.Comment{excl}})
	h := mustLoad(t, s)
	if got, _ := h.Comment("CIC01", app.Kent, p); got.Text != all.Text {
		t.Errorf("all children's comment = %q, want %q", got.Text, all.Text)
	}
	got, own, ok := h.CommentFor("CIC01", app.Kent, app.Excluding(app.UASC), p)
	if !ok || !own || got.Text != excl.Text {
		t.Errorf("excluding UASC: %q own %v ok %v, want %q", got.Text, own, ok, excl.Text)
	}
	// A later all-children comment still replaces the earlier one.
	all.Text = "1,931 children in care."
	mustImport(t, s, "b.xlsx", &app.Dataset{Comments: []app.Comment{all}})
	if got, _ := mustLoad(t, s).Comment("CIC01", app.Kent, p); got.Text != all.Text {
		t.Errorf("after a second import, all children's comment = %q, want %q", got.Text, all.Text)
	}
}
