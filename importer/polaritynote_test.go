package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPolarityNoteWarned reads a scorecard whose Polarity cells carry a
// note after the phrase (QA18a R1): the phrase is read, and the note set
// aside is warned of at its cell rather than dropped silently.
func TestPolarityNoteWarned(t *testing.T) {
	path := writeBook(t, "Scorecard", [][]any{
		{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
		{"Q01", "Number of things", "Higher is better (see note)", 10, 11},
		{"Q02", "Number of other things", "Lower is better - national measure", 10, 11},
		{"Q03", "Number of more things", "Higher is better", 10, 11},
	})
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]app.Polarity{"Q01": app.HigherBetter, "Q02": app.LowerBetter, "Q03": app.HigherBetter}
	for _, ind := range res.Dataset.Indicators {
		if p, ok := want[ind.Ref]; ok && ind.Polarity != p {
			t.Errorf("%s polarity = %v, want %v", ind.Ref, ind.Polarity, p)
		}
	}
	notes := map[string]string{}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "after it is not used") {
			notes[w.Cell] = w.Message
		}
	}
	if !strings.Contains(notes["C2"], `"(see note)"`) || !strings.Contains(notes["C3"], `"- national measure"`) || len(notes) != 2 {
		t.Errorf("note warnings %q, want one at C2 and one at C3", notes)
	}
}
