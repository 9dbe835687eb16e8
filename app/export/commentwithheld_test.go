package export

import (
	"strings"
	"testing"
)

// TestCommentQuotingWithheld: an officer's comment quoting a figure the
// export suppresses ("Down to 3 children" beside its c) is withheld in
// the house layout, whether the history is read whole or an indicator
// at a time, and in the original revised, with a warning naming its
// cell (QA22 F4: it was circulated as written). A comment quoting only
// figures shown is circulated as written.
func TestCommentQuotingWithheld(t *testing.T) {
	const sheet = "CYPE Scorecard"
	const withheld, shown = "Down to 3 children this month from 8 in August.", "Steady at 55 after 52 in August."
	orig := sheetWorkbook(t, t.TempDir(), sheet, [][]any{
		{"Children in Care Scorecard - September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Aug-25", "Sep-25", "Comments"},
		{"CIC30", "Number of children adopted", "H", "M", 8, 3, withheld},
		{"CIC21", "Number of children in care", "-", "MS", 52, 55, shown},
	})
	h := imported(t, orig, "I0001")
	for _, tt := range suppressedExports(orig, sheet) {
		t.Run(tt.name, func(t *testing.T) {
			f, sum := written(t, h, tt.opt, tt.streamed)
			texts, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			all := ""
			for _, row := range texts {
				all += strings.Join(row, "|") + "\n"
			}
			if strings.Contains(all, withheld) || !strings.Contains(all, "Comment withheld: it quotes 3, the Sep-25 figure") {
				t.Errorf("the comment quoting the withheld 3 is not withheld:\n%s", all)
			}
			if !strings.Contains(all, shown) {
				t.Errorf("the comment quoting figures shown is not circulated:\n%s", all)
			}
			warned := false
			for _, w := range sum.Warnings {
				warned = warned || w.Location.Sheet == tt.sheet && strings.Contains(w.Message, "CIC30 Sep-25 commentary withheld")
			}
			if !warned {
				t.Errorf("no warning of the comment withheld: %v", sum.Warnings)
			}
		})
	}
}
