package importer

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestCohortRunsOverMonths reads a scorecard giving its months once for
// all children and again for a cohort, side by side, each run under a
// heading naming the children it counts: the later runs were refused
// column by column, and the figures excluding UASC not read.
func TestCohortRunsOverMonths(t *testing.T) {
	excl := app.Excluding(app.UASC)
	only := app.Only(app.UASC)
	tests := []struct {
		name     string
		captions []any
		want     map[app.Split][]float64 // each cohort's figures, Oct-25 to Dec-25
		said     string
	}{
		{"all children, then excluding UASC", []any{"All children", nil, nil, "Excluding UASC"},
			map[app.Split][]float64{app.All: {1902, 1911, 1899}, excl: {1522, 1527, 1520}},
			`book.xlsx: Scorecard!F3: columns F to H under "Excluding UASC": read as each row's figures for Oct-25 to Dec-25, counting all children excluding UASC, beside those under C3 "All children", counting all children`},
		{"all children, then UASC alone", []any{"All children", nil, nil, "UASC only"},
			map[app.Split][]float64{app.All: {1902, 1911, 1899}, only: {1522, 1527, 1520}},
			`Scorecard!F3: columns F to H under "UASC only": read as each row's figures for Oct-25 to Dec-25, counting UASC alone`},
		{"excluding UASC first", []any{"Excl UASC", nil, nil, "All children"},
			map[app.Split][]float64{excl: {1902, 1911, 1899}, app.All: {1522, 1527, 1520}},
			`Scorecard!F3: columns F to H under "All children": read as each row's figures for Oct-25 to Dec-25, counting all children, beside those under C3 "Excl UASC", counting all children excluding UASC`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Kent CYPE Performance Scorecard - December 2025")
			b.row("Scorecard", "C3", tt.captions...)
			b.merge("Scorecard", "C3", "E3")
			b.merge("Scorecard", "F3", "H3")
			b.row("Scorecard", "A4", "Ref", "Indicator", "Oct-25", "Nov-25", "Dec-25", "Oct-25", "Nov-25", "Dec-25")
			b.row("Scorecard", "A5", "CIC01", "Number of children in care", 1902, 1911, 1899, 1522, 1527, 1520)
			res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
			if !ok {
				return
			}
			got := map[app.Split][]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Area != "Kent" || o.Value == nil {
					t.Errorf("%s %s stored for %s, want Kent's", o.Ref, o.Period, o.Area)
					continue
				}
				got[o.Split] = append(got[o.Split], *o.Value)
			}
			for sp, want := range tt.want {
				if g := got[sp]; len(g) != len(want) || g[0] != want[0] || g[1] != want[1] || g[2] != want[2] {
					t.Errorf("%s: read %v, want %v", splitWords(sp), g, want)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("read the cohorts %v, want %v", got, tt.want)
			}
			for _, l := range res.Layouts {
				for _, d := range l.Unsure {
					t.Errorf("layout doubted: %s", d)
				}
			}
			said := false
			for _, w := range res.Warnings {
				said = said || strings.Contains(w.String(), tt.said)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.said, res.Warnings)
			}
		})
	}
}
