package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"scorecard/app"
)

// marksOf lists ref's figures as "period value rag arrow", in the order
// of their periods.
func marksOf(d *app.Dataset, ref string) []string {
	var obs []app.Observation
	for _, o := range d.Observations {
		if o.Ref == ref && o.Split == app.All {
			obs = append(obs, o)
		}
	}
	slices.SortFunc(obs, func(a, b app.Observation) int { return a.Period.Compare(b.Period) })
	var out []string
	for _, o := range obs {
		v := "-"
		if o.Value != nil {
			v = fmt.Sprint(*o.Value)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", o.Period, v, o.SourceRAG, o.SourceArrow))
	}
	return out
}

// Months each merged over "Value | RAG" (QA20 D6, z1; Kent's habit), or
// "Value | RAG | DoT", are read a month at a time: the figure from the
// Value column and the source's RAG (and direction) for that month's
// figure, not the latest's. Without this, no figure was read at all: the
// Value columns were "not read" as a scorecard's value column.
func TestMonthsOverValueAndRAG(t *testing.T) {
	for _, tc := range []struct {
		name  string
		book  subBook
		want  map[string][]string // by ref
		warn  []string
		never []string
	}{
		{
			name: "z1: Value | RAG under merged months",
			book: subBook{months: []any{"Apr-25", "May-25", "Jun-25"}, merge: true, subs: []string{"Value", "RAG"}, rows: [][]any{
				{"ZA01", "Percentage of visits in time", "H", 78.0, "AMBER", 81.5, "GREEN", 83.0, "GREEN"},
				{"ZA02", "Number of open cases", "-", 1500, nil, 1520, nil, 1490, nil},
			}},
			want: map[string][]string{
				"ZA01": {"2025-04 78 AMBER ", "2025-05 81.5 GREEN ", "2025-06 83 GREEN "},
				"ZA02": {"2025-04 1500  ", "2025-05 1520  ", "2025-06 1490  "},
			},
			warn:  []string{`Scorecard!D1: Apr-25 to Jun-25 are each headed over sub-columns (Value | RAG, D2:I2): each period's "Value" column read as its figure, its RAG column as the source's rating of that figure (not of the latest)`},
			never: []string{"not read", "skipped"},
		},
		{
			name: "% | RAG | DoT, months written once at the left",
			book: subBook{months: []any{"Apr-25", "May-25"}, subs: []string{"%", "RAG", "DoT"}, rows: [][]any{
				{"ZA01", "Percentage of visits in time", "H", 78.0, "R", "↓", 81.5, "G", "↑"},
			}},
			want: map[string][]string{"ZA01": {"2025-04 78 RED down", "2025-05 81.5 GREEN up"}},
			warn: []string{`Scorecard!D1: Apr-25 to May-25 are each headed over sub-columns (% | RAG | DoT, D2:I2)`,
				"its direction column as the source's direction of travel to that figure"},
			never: []string{"not read", "skipped"},
		},
		{
			name: "a RAG with no figure, or not a RAG, is said at its cell",
			book: subBook{months: []any{"Apr-25", "May-25"}, merge: true, subs: []string{"Value", "RAG"}, rows: [][]any{
				{"ZA01", "Percentage of visits in time", "H", nil, "AMBER", 81.5, "Fine"},
			}},
			want: map[string][]string{"ZA01": {"2025-05 81.5  "}},
			warn: []string{`Scorecard!E3: ZA01: rag "AMBER" skipped: Apr-25 has no figure to attach it to`,
				`Scorecard!G3: ZA01: rag "Fine" skipped: not a RAG rating`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), tc.book.save(t), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			for ref, want := range tc.want {
				if got := marksOf(res.Dataset, ref); !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}
