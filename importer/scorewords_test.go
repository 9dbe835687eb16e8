package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestScoreWordsInCounts reads names holding a word that names a score
// elsewhere ("rating", "timeliness") with no Unit column (QA24a D1): it
// makes a score only where it is what the name measures ("Ofsted rating",
// "Timeliness of review conferences"); where it qualifies what the name
// counts the figures are counts, withheld when small on export, said at
// the name; and a row given with its numerator and denominator is a
// percentage, never a score. Read as scores, counts of 2 to 4 children
// had been exported unsuppressed, and a proportion lost its analysis.
func TestScoreWordsInCounts(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rows    [][]any
		unit    map[string]app.Unit
		measure map[string]app.Measure
		figures map[string][]string
		want    []string // warnings, each "cell: begins"
	}{
		{
			name: "counts whose names end in a rating or a time limit",
			rows: [][]any{
				{"Ref", "Indicator", "Polarity", "Data Period", "Jan-25", "Feb-25", "Mar-25"},
				{"SY03", "Children in care placed in provision with a good or outstanding Ofsted rating", "H", "MS", 3, 2, 4},
				{"SY04", "Initial child protection conferences held within timeliness", "H", "MS", 12, 9, 11},
				{"SY05", "Ofsted rating", "H", "MS", 2, 2, 1},
				{"SY06", "Timeliness of review conferences", "H", "MS", 4, 3, 4},
				{"SY07", "Children's services Ofsted rating", "H", "MS", 2, 2, 2},
			},
			unit:    map[string]app.Unit{"SY03": app.Number, "SY04": app.Number, "SY05": app.Score, "SY06": app.Score, "SY07": app.Score},
			measure: map[string]app.Measure{"SY03": app.Count, "SY04": app.Count, "SY05": app.Other, "SY06": app.Other, "SY07": app.Other},
			figures: map[string][]string{"SY03": {"Kent all Feb-25: 2", "Kent all Jan-25: 3", "Kent all Mar-25: 4"}},
			want: []string{
				`B2: SY03: no Unit column states its unit, and the word "rating" in its name "Children in care placed in provision with a good or outstanding Ofsted rating" qualifies what it counts rather than naming a score: read as a count of children, the safe reading, so exports withhold small numbers of it; if its figures are scores, state "score" in a Unit column`,
				`B3: SY04: no Unit column states its unit, and the word "timeliness" in its name "Initial child protection conferences held within timeliness" qualifies what it counts`,
				`B4: SY05: no Unit column states its unit, and the word "rating" in its name "Ofsted rating" says its figures are not counts of children`,
				`B5: SY06: no Unit column states its unit, and the word "timeliness" in its name "Timeliness of review conferences" says its figures are not counts of children`,
				`B6: SY07: no Unit column states its unit, and the word "rating" in its name "Children's services Ofsted rating" says its figures are not counts of children`,
			},
		},
		{
			name: "proportions given with their numerators and denominators",
			rows: [][]any{
				{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25", "Numerator", "Denominator", "Target"},
				{"ND01", "Initial child protection conferences held within timeliness", "H", 88.0, 86.0, 90.0, 45, 50, 85},
				{"ND02", "Review child protection conferences: timeliness", "H", 95.0, 96.0, 97.0, 97, 100, 95},
				{"ND03", "Timeliness of review conferences", "H", 95.0, 96.0, 97.0, 97, 100, 95},
			},
			unit:    map[string]app.Unit{"ND01": app.Percent, "ND02": app.Percent, "ND03": app.Percent},
			measure: map[string]app.Measure{"ND01": app.Proportion, "ND02": app.Proportion, "ND03": app.Proportion},
			figures: map[string][]string{"ND01": {"Kent all Feb-25: 86", "Kent all Jan-25: 88", "Kent all Mar-25: 90"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", tc.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Unit != tc.unit[ind.Ref] || ind.Measure != tc.measure[ind.Ref] {
					t.Errorf("%s: unit %q, measure %q; want %q, %q", ind.Ref, ind.Unit, ind.Measure, tc.unit[ind.Ref], tc.measure[ind.Ref])
				}
			}
			for ref, want := range tc.figures {
				if got := figuresOf(res.Dataset, ref); !slices.Equal(got, want) {
					t.Errorf("%s figures %q, want %q", ref, got, want)
				}
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tc.want), tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tc.want[i])
				}
			}
		})
	}
}
