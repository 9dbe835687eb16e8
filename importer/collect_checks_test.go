package importer

import (
	"context"
	"strings"
	"testing"
)

// TestFractionsSaid: a figure a reader would take for a fraction of one
// or a share of two numbers where the indicator says otherwise is kept
// as given, and said at its cell: 0.43 among percentages is 0.43%, and
// "3/4" for a count is read as the percentage 75.
func TestFractionsSaid(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		want []string // warnings, each "cell: text it holds"; none for nil
	}{
		{"a fraction beside a target of 45",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 45, 40, 0.43}},
			[]string{"F2: CIC03 Kent 2026-11: 0.43 read as 0.43%, though its other figures or targets are percentages such as 45: if it is a fraction (43%), write it as 43"}},
		{"fractions among percentages",
			[][]any{{"Ref", "Indicator", "Polarity", "Sep-26", "Oct-26", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", "45%", 0.46, 0.47}},
			[]string{"E2: CIC03 Kent 2026-10: 0.46 and 1 more like it read as 0.46%"}},
		{"a true fraction of a percent, proved by its parts",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Numerator", "Denominator", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 45, 1, 114, 0.88}},
			nil},
		{"percentages all below one",
			[][]any{{"Ref", "Indicator", "Polarity", "Sep-26", "Oct-26"},
				{"ED09", "Pupils permanently excluded (%)", "L", 0.06, 0.08}},
			nil},
		{"shares given for a count",
			[][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24", "Jun-24"},
				{"SEND03", "Number of EHC plans issued within 20 weeks", "H", "count", 2, "3/4", "1/2"}},
			[]string{"F2: SEND03 Kent 2024-05: 3 of 4 given for a count, read as 75: give the count alone",
				"G2: SEND03 Kent 2024-06: 1 of 2 given for a count, read as 50"}},
		{"a share of nothing",
			[][]any{{"Ref", "Indicator", "Polarity", "Numerator", "Denominator", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 3, 0, 45}},
			[]string{"F2: CIC03 Kent 2026-11: numerator 3 over a denominator of 0 is no proportion"}},
		{"a count and a mean of counts",
			[][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24"},
				{"SW01", "Average caseload per social worker", "L", "count", 18, 19}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "fraction") || strings.Contains(w.Message, "given for a count") || strings.Contains(w.Message, "denominator of 0") {
					got = append(got, w.Cell+": "+w.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}
