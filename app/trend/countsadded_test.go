package trend

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestCountsAddedIsNoRevision guards QA30's "revised from 387 to 387": a
// child-level list giving a quarter's 387 children in care with its
// count, beside the scorecard's 387 given alone, adds the count behind
// the figure but does not revise it, so no revised flag, Revision or
// line says it was. A figure whose value moves is still revised, and
// one whose counts change under the same value says so in words.
func TestCountsAddedIsNoRevision(t *testing.T) {
	q1 := app.Period{Kind: app.Quarter, Year: 2025, N: 1}
	q4 := q1.Add(-1)
	count := app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count}
	share := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months (%)",
		Unit: app.Percent, Measure: app.Proportion, Decimals: 1, Polarity: app.LowerBetter}
	f := app.Float
	tests := []struct {
		name            string
		ind             app.Indicator
		scorecard, list app.Observation // the quarter's figure as each gives it
		want            string          // the revised flag's detail; "" for none
	}{
		{"a count given again with its count", count,
			app.Observation{Value: f(387)}, app.Observation{Value: f(387), Numerator: f(387)}, ""},
		{"a percentage given again with its counts", share,
			app.Observation{Value: f(50)}, app.Observation{Value: f(50), Numerator: f(36), Denominator: f(72)}, ""},
		{"a count revised, with its count", count,
			app.Observation{Value: f(387)}, app.Observation{Value: f(390), Numerator: f(390)}, "revised from 387 to 390"},
		{"a percentage given exactly, with its counts", share,
			app.Observation{Value: f(11.6)}, app.Observation{Value: f(36.0 / 335 * 100), Numerator: f(36), Denominator: f(335)}, "revised from 11.6% to 10.7%"},
		{"the counts behind a percentage revised, the figure the same", share,
			app.Observation{Value: f(50), Numerator: f(5), Denominator: f(10)}, app.Observation{Value: f(50), Numerator: f(10), Denominator: f(20)},
			"its counts revised; the figure stays 50.0%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(tt.ind)
			h.Imports = []app.Import{
				{ID: "I1", Source: "scorecard Q4.xlsx", Reach: []app.Period{q1}},
				{ID: "I2", Source: "list 8.csv", Reach: []app.Period{q1}},
			}
			k := app.SeriesKey{Ref: tt.ind.Ref, Area: app.Kent}
			h.Add(app.Observation{Ref: k.Ref, Area: k.Area, Period: q4, Value: f(*tt.scorecard.Value + 4), Import: "I1"})
			for _, v := range []struct {
				id string
				o  app.Observation
			}{{"I1", tt.scorecard}, {"I2", tt.list}} {
				o := v.o
				o.Ref, o.Area, o.Period, o.Import = k.Ref, k.Area, q1, v.id
				h.Add(o)
			}
			var got []string
			for _, fl := range Flags(h, q1, Options{}) {
				if fl.Kind == Revised {
					got = append(got, fl.Detail)
				}
			}
			var lines []string
			for _, r := range Revisions(h, q1, Options{}) {
				lines = append(lines, r.Detail)
			}
			if tt.want == "" {
				if len(got) > 0 || len(lines) > 0 || FigureRevised(h, k, q1) {
					t.Errorf("flags %q, revisions %q, FigureRevised %v: want no revision", got, lines, FigureRevised(h, k, q1))
				}
				return
			}
			if len(got) != 1 || !strings.HasSuffix(got[0], tt.want) || len(lines) != 1 || !strings.HasSuffix(lines[0], tt.want) {
				t.Errorf("flags %q, revisions %q: want %q", got, lines, tt.want)
			}
		})
	}
}
