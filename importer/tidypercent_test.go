package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTidyPercentChecked checks that a case-management extract's
// Percentage column beside its Numerator and Denominator (QA33 b3:
// Bristol's re-referrals, 88 of 351 in Apr-24) is set against the figure
// worked out from them, rounded as the cell shows it: a disagreement is
// said at its cell and the agreement once, at the heading, where the
// column had been said unread as a heading the importer did not know
// (QA33 F3). The figures stay the parts' own, exactly.
func TestTidyPercentChecked(t *testing.T) {
	oneDecimalPercent := "0.0%"
	tests := []struct {
		name  string
		pcts  [3]any // Apr-24 to Jun-24
		style *excelize.Style
		want  []string
	}{
		{name: "as text, agreeing", pcts: [3]any{"25.1%", "21.9%", "23.3%"}, want: []string{
			`G1: column G "Percentage" not read as the figures, which are worked out from the Numerator and Denominator beside it: checked against them, it agrees on all 3 rows giving both, to the places it shows`,
		}},
		{name: "fractions formatted as percentages, agreeing", pcts: [3]any{0.251, 0.219, 0.233}, style: &excelize.Style{CustomNumFmt: &oneDecimalPercent}, want: []string{
			`G1: column G "Percentage" not read as the figures, which are worked out from the Numerator and Denominator beside it: checked against them, it agrees on all 3 rows giving both`,
		}},
		{name: "one not a number", pcts: [3]any{"25.1%", "twenty-two", "23.3%"}, want: []string{
			`G3: CSC_RR May-24: the Percentage here, "twenty-two", is not a number, so the figure worked out from the Numerator and Denominator beside it is not checked against it`,
			`G1: column G "Percentage" not read as the figures, which are worked out from the Numerator and Denominator beside it: checked against them, it agrees on all 2 rows giving both`,
		}},
		{name: "one transposed", pcts: [3]any{25.1, 21.9, 32.3}, want: []string{
			`G4: CSC_RR Jun-24: the Percentage here, 32.3, disagrees with the Numerator and Denominator, 80 of 344 = 23.26%, the figure read; check which is right`,
			`G1: column G "Percentage" not read as the figures, which are worked out from the Numerator and Denominator beside it: checked against them, it disagrees on 1 of the 3 rows giving both, each said at its cell (the first at G4)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "PERF034"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Measure", "Period", "Area", "Numerator", "Denominator", "Percentage")
			parts := [3][2]int{{88, 351}, {79, 360}, {80, 344}}
			for i, m := range []string{"Apr-24", "May-24", "Jun-24"} {
				b.row(s, fmt.Sprintf("A%d", i+2), "CSC_RR", "Re-referrals within 12 months (%)", m, "Bristol", parts[i][0], parts[i][1], tt.pcts[i])
			}
			if tt.style != nil {
				b.style(s, "G2", "G4", tt.style)
			}
			res, err := Read(context.Background(), b.save("extract.xlsx"), Options{Authority: authorityNamed(t, "Bristol")})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range res.Dataset.Observations {
				if o.Value == nil || o.Numerator == nil || *o.Value != *o.Numerator / *o.Denominator * 100 {
					t.Errorf("%s %s: value %v, want its parts' own", o.Ref, o.Period, o.Value)
				}
			}
			if len(res.Dataset.Observations) != 3 {
				t.Errorf("%d figures, want 3", len(res.Dataset.Observations))
			}
			var said []string
			for _, w := range res.Warnings {
				said = append(said, w.Cell+": "+w.Message)
			}
			for _, w := range tt.want {
				if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, w) }) {
					t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
				}
			}
			if n := len(slices.DeleteFunc(said, func(s string) bool { return !strings.Contains(s, "Percentage") })); n != len(tt.want) {
				t.Errorf("%d warnings name the Percentage column, want %d:\n%s", n, len(tt.want), strings.Join(said, "\n"))
			}
		})
	}
}
