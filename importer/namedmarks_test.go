package importer

import "testing"

// TestNoteOfFindsTheFirstNoteBelow asks for the note a mark points at
// from rows in turn, as readTable does, on a sheet of two tables each
// with its own note for "*": each row's note is the first below it,
// found again, not the one an earlier row was given.
func TestNoteOfFindsTheFirstNoteBelow(t *testing.T) {
	s := &sheetReader{g: &grid{rows: [][]string{
		{"CIC01*", "Number of children in care", "1850"},
		{"CIC02*", "Rate of children in care per 10,000", "53.2"},
		{"* excluding UASC"},
		{"SC01*", "Re-referrals within 12 months (%)", "21"},
		{"", "", "12*"},
		{"  *  provisional"},
		{"(1) rounded"},
	}}}
	for _, tc := range []struct {
		row      int
		mark     string
		at, text string
	}{
		{0, "*", "A3", "* excluding UASC"},
		{1, "*", "A3", "* excluding UASC"},
		{3, "*", "A6", "*  provisional"},
		{4, "*", "A6", "*  provisional"},
		{0, "(1)", "A7", "(1) rounded"},
		{5, "*", "", ""},
		{6, "(1)", "", ""},
		{0, "*", "A3", "* excluding UASC"}, // asked again from above
	} {
		at, text, ok := s.noteOf(tc.row, tc.mark)
		if at != tc.at || text != tc.text || ok != (tc.at != "") {
			t.Errorf("noteOf(%d, %q) = %q, %q, %v; want %q, %q", tc.row, tc.mark, at, text, ok, tc.at, tc.text)
		}
	}
}
