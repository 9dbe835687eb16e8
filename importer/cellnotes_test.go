package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCellNotesSaid checks that a note on a figure's cell and one on an
// indicator's name (QA33 r2: Bristol's re-referral rate for Mar-25,
// 22.8%, provisional) are each said at their cell with their text, the
// figure's naming the figure it qualifies and kept as its comment, after
// any its row's Comments column gives: they had been neither read nor
// said, and the provisional figure went out as final (QA33 F9).
func TestCellNotesSaid(t *testing.T) {
	const provisional = "Provisional: 12 referrals not yet validated; expect c.24%"
	tests := []struct {
		name     string
		comments bool // a Comments column beside the months
		want     string
		wantSaid string
	}{
		{name: "note alone", want: provisional, wantSaid: "kept as the figure's comment"},
		{name: "beside a Comments column", comments: true,
			want:     "Re-referrals down on February; audit of closures under way (note: " + provisional + ")",
			wantSaid: "kept after the figure's comment from its row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testCellNotes(t, tt.comments, tt.want, tt.wantSaid)
		})
	}
}

func testCellNotes(t *testing.T, comments bool, want, wantSaid string) {
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25")
	b.row(s, "A2", "BCF02", "Re-referrals within 12 months (%)", 23.4, 24.1, 22.8)
	if comments {
		b.row(s, "F1", "Comments")
		b.row(s, "F2", "Re-referrals down on February; audit of closures under way")
	}
	for _, c := range []excelize.Comment{
		{Cell: "E2", Author: "MI Team", Text: "Provisional: 12 referrals not yet validated; expect c.24%"},
		{Cell: "B2", Author: "MI Team", Text: "Excludes referrals from the Bristol Children's Hub pilot"},
	} {
		if err := b.f.AddComment(s, c); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Read(context.Background(), b.save("notes.xlsx"), Options{Authority: authorityNamed(t, "Bristol")})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, w := range res.Warnings {
		said = append(said, w.Sheet+"!"+w.Cell+": "+w.Message)
	}
	for _, w := range []string{
		`Scorecard!E2: note by MI Team at E2: "Provisional: 12 referrals not yet validated; expect c.24%", on BCF02 Bristol, City of Mar-25's figure 22.8: ` + wantSaid,
		`Scorecard!B2: note by MI Team at B2: "Excludes referrals from the Bristol Children's Hub pilot": not kept, being on no figure's cell`,
	} {
		if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
		}
	}
	var got []string
	for _, c := range res.Dataset.Comments {
		got = append(got, fmt.Sprintf("%s %s %s: %s", c.Ref, c.Area, c.Period.Label(), c.Text))
	}
	if w := "BCF02 Bristol, City of Mar-25: " + want; !slices.Equal(got, []string{w}) {
		t.Errorf("comments %q, want %q", got, w)
	}
}
