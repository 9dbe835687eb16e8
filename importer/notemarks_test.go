package importer

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestNoteMarksAndSpacedThousands checks the text figures QA20 D6 found
// skipped (z3_text_oddities.xlsx): a note's mark or a bracketed GSS
// marker against a figure ("12*", "57.0%(1)", "14 (p)") is read as the
// figure, the mark said to be set aside at its cell and the text kept in
// Raw (but "57.0%(1)", a percentage's bracketed digit, is read as its
// count, said, QA29 4); thousands grouped by a space, plain, non-breaking or narrow, read
// where the groups are of three. A star alone is still suppression.
func TestNoteMarksAndSpacedThousands(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Jul-25"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"ZC01", "Number of contacts", "", "1,234 ", "1\u00a0250", "1\u202f261", "1 302"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"ZC02", "Percentage seen in 10 days", "H", "55.1%*", "56.2 %", "57.0%(1)", "58.1% "})
	f.SetSheetRow("Sheet1", "A4", &[]any{"ZC03", "Number of re-referrals", "L", "12*", "14 (p)", "*", "9r"})
	f.SetSheetRow("Sheet1", "A5", &[]any{"ZC04", "Number of assessments", "L", "12 34", "1 2500", "11 (10)", "8†"})
	res := readFile(t, f)
	got := map[string]app.Observation{}
	for _, o := range res.Dataset.Observations {
		got[strings.TrimPrefix(o.Cell, "Sheet1!")] = o
	}
	tests := []struct {
		cell   string
		value  float64 // -1: not read as a number
		status app.Status
		note   string // the warning at the cell, "" for none
	}{
		{"E2", 1250, app.OK, ""},
		{"F2", 1261, app.OK, ""},
		{"G2", 1302, app.OK, ""},
		{"D3", 55.1, app.OK, `ZC02: "55.1%*" read as 55.1%; the note mark "*" is set aside, kept only in the figure's source text: see the sheet's notes for what it says`},
		{"F3", 57, app.OK, `ZC02: "57.0%(1)" read as 57% with 1 kept as its numerator, as "21.3% (45)" gives a count beside its percentage, so that a percentage of so few is seen by suppression; no other cell of the row gives a count so, and "(1)" may instead be a note's mark: if it is, write the mark as "57.0%*" or "57.0%†", or give the count in a column of its own`},
		{"D4", 12, app.OK, `ZC03: "12*" read as 12; the note mark "*" is set aside, kept only in the figure's source text: see the sheet's notes for what it says`},
		{"E4", 14, app.OK, `ZC03: "14 (p)" read as 14, marked [p]: provisional; the mark is set aside, kept only in the figure's source text`},
		{"G4", 9, app.OK, `ZC03: "9r" read as 9, marked [r]: revised; the mark is set aside, kept only in the figure's source text`},
		{"F4", -1, app.Suppressed, ""},
		{"G5", 8, app.OK, `ZC04: "8†" read as 8; the note mark "†" is set aside, kept only in the figure's source text: see the sheet's notes for what it says`},
		{"D5", -1, app.OK, `ZC04: cell skipped: "12 34" is not a number, fraction or status code`},
		{"E5", -1, app.OK, `ZC04: cell skipped: "1 2500" is not a number, fraction or status code`},
		{"F5", -1, app.OK, `ZC04: cell skipped: "11 (10)" is not a number, fraction or status code`},
	}
	for _, tt := range tests {
		o, ok := got[tt.cell]
		switch {
		case tt.value >= 0 && (!ok || o.Value == nil || *o.Value != tt.value):
			t.Errorf("%s: read %+v, want %v", tt.cell, o, tt.value)
		case tt.value < 0 && tt.status == app.OK && ok:
			t.Errorf("%s: read %+v, want it skipped", tt.cell, o)
		case tt.status != app.OK && (!ok || o.Status != tt.status || o.Value != nil):
			t.Errorf("%s: read %+v, want status %q", tt.cell, o, tt.status)
		}
		text, _ := f.GetCellValue("Sheet1", tt.cell)
		if ok && o.Raw != text {
			t.Errorf("%s: raw %q, want the cell's text %q kept", tt.cell, o.Raw, text)
		}
		notes := warnedAt(res, "Sheet1", tt.cell)
		if tt.note != "" && !slices.Contains(notes, tt.note) || tt.note == "" && tt.status == app.OK && len(notes) > 0 {
			t.Errorf("%s: warned %q, want %q", tt.cell, notes, tt.note)
		}
	}
}
