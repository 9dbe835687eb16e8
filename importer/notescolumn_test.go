package importer

import (
	"fmt"
	"testing"
)

// TestNotesColumnReadAsComments: a quarterly scorecard's narrative in a
// column headed "Notes" was not read (QA30 finding 11), where
// "Comments" is. It is read as the comments, said at its heading; a
// "Notes" column of footnote marks is not read, saying why; beside a
// "Comments" column it is left as before.
func TestNotesColumnReadAsComments(t *testing.T) {
	narrative := "Increase linked to MASH restructure; audit under way."
	tests := []struct {
		name   string
		head   []any // after Ref, Indicator, Polarity, Q3, Q4
		notes  []any // the two rows' cells under them
		want   string
		warned map[string][]string
	}{
		{"narrative under Notes", []any{"Notes"}, []any{narrative, nil},
			"[SCS01 2025-Q1 " + narrative + "]", map[string][]string{"F3": {`column F "Notes" read as comments, from words in its heading`}}},
		{"narrative under Note", []any{"Note"}, []any{nil, "Adoption orders granted in the quarter."},
			"[CIC21 2025-Q1 Adoption orders granted in the quarter.]", map[string][]string{"F3": {"read as comments"}}},
		{"footnote marks under Notes", []any{"Notes"}, []any{"(1)", "*"},
			"[]", map[string][]string{"F3": {`column F "Notes" not read: its cells are footnote marks`}}},
		{"Notes beside Comments", []any{"Comments", "Notes"}, []any{narrative, "(2)", nil, nil},
			"[SCS01 2025-Q1 " + narrative + "]", map[string][]string{"G3": {`column G "Notes" not read`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity", "Q3 2024-25", "Q4 2024-25"}, tt.head...)
			rows := [][]any{
				{"SCS01", "Re-referrals to children's social care within 12 months (%)", "L", 23.5, 24.8},
				{"CIC21", "Number of children adopted in the quarter", "-", 3, 2},
			}
			per := len(tt.head)
			for i := range rows {
				rows[i] = append(rows[i], tt.notes[i*per:(i+1)*per]...)
			}
			sheet := guessSheet{"Scorecard", [][]any{{"Kent Children's Social Care Performance Scorecard"}, {}}, head, rows}
			_, res := sheet.read(t, "SCS01")
			var got []string
			for _, c := range res.Dataset.Comments {
				got = append(got, fmt.Sprintf("%s %s %s", c.Ref, c.Period, c.Text))
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("comments %v, want %s", got, tt.want)
			}
			checkWarned(t, res, "Scorecard", tt.warned)
		})
	}
}
