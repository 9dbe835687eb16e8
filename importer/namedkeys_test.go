package importer

import (
	"slices"
	"strings"
	"testing"
)

// TestNamedKeysApart: on a sheet keyed by names, a name with a footnote
// mark ("...*", its note "* excluding UASC") and the same name under
// another section heading are indicators of their own, so that next
// month's figures of one never revise the other's; the mark is said at
// its cell, and the sheet's list of refs shows each name's section.
func TestNamedKeysApart(t *testing.T) {
	type cellWarn struct{ cell, prefix string }
	tests := []struct {
		name           string
		march, april   [][]any
		marchR, aprilR []string // ref and name of each indicator
		apart          bool     // no ref of April's is one of March's
		warns          []cellWarn
		not            []string // warnings of April not wanted
	}{{
		// The starred row counts other children; filed under the plain
		// name's ref, April's 1200 revised March's 1310.
		name: "a starred name and its note, the plain name the month before",
		march: [][]any{
			{"Indicator", "Jan-25", "Feb-25", "Mar-25"},
			{"Number of children looked after", 1300, 1310, 1320},
		},
		april: [][]any{
			{"Indicator", "Feb-25", "Mar-25", "Apr-25"},
			{"Number of children looked after*", 1200, 1205, 1210},
			{}, {"* excluding UASC"},
		},
		marchR: []string{"NCLA-4384 Number of children looked after"},
		aprilR: []string{"NCLA-0526 Number of children looked after*"},
		apart:  true,
		warns:  []cellWarn{{"A2", `the mark "*" on "Number of children looked after*" keeps its figures apart from the name without it: filed under NCLA-0526, not NCLA-4384, as the note at A4 says "* excluding UASC"`}},
	}, {
		name: "a name with a numbered mark and no note",
		march: [][]any{
			{"Indicator", "Mar-25"},
			{"Number of children looked after", 1320},
		},
		april: [][]any{
			{"Indicator", "Apr-25"},
			{"Number of children looked after (1)", 1210},
		},
		marchR: []string{"NCLA-4384 Number of children looked after"},
		aprilR: []string{"NCLA-1878 Number of children looked after (1)"},
		apart:  true,
		warns:  []cellWarn{{"A2", `the mark "(1)" on "Number of children looked after (1)" keeps its figures apart from the name without it: filed under NCLA-1878, not NCLA-4384, as no note on the sheet says what it marks`}},
	}, {
		name: "the same marked name both months",
		march: [][]any{
			{"Indicator", "Mar-25"},
			{"Number of children looked after*", 1205},
		},
		april: [][]any{
			{"Indicator", "Apr-25"},
			{"Number of children looked after*", 1210},
		},
		marchR: []string{"NCLA-0526 Number of children looked after*"},
		aprilR: []string{"NCLA-0526 Number of children looked after*"},
	}, {
		// "Residential" under "Placements" in March and under
		// "Placement moves in month" in April: one ref, April's 4
		// revised March's 101.
		name: "one short name under two sections, a month apart",
		march: [][]any{
			{"Indicator", "Jan-25", "Feb-25"},
			{"Placements"},
			{"Residential", 100, 101},
			{"Foster care", 900, 910},
		},
		april: [][]any{
			{"Indicator", "Feb-25", "Mar-25"},
			{"Placement moves in month"},
			{"Residential", 4, 6},
		},
		marchR: []string{"RP-9932 Residential", "FCP-2382 Foster care"},
		aprilR: []string{"RPMM-9426 Residential"},
		apart:  true,
		warns:  []cellWarn{{"A1", `no Ref column: the 1 indicators below are known by their names, each filed under a ref made from its name: RPMM-9426 "Placement moves in month / Residential"`}},
	}, {
		// Inside one sheet the second had been skipped as the name of
		// a row above.
		name: "one short name under two sections of one sheet",
		march: [][]any{
			{"Indicator", "Mar-25"},
			{"Placements"},
			{"Residential", 101},
			{"Placement moves in month"},
			{"Residential", 4},
		},
		april: [][]any{
			{"Indicator", "Apr-25"},
			{"Placements"},
			{"Residential", 102},
			{"Placement moves in month"},
			{"Residential", 6},
		},
		marchR: []string{"RP-9932 Residential", "RPMM-9426 Residential"},
		aprilR: []string{"RP-9932 Residential", "RPMM-9426 Residential"},
		not:    []string{"row skipped"},
	}}
	refs := func(res *Result) []string {
		var out []string
		for _, ind := range res.Dataset.Indicators {
			out = append(out, ind.Ref+" "+ind.Name)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			march := mustRead(t, writeBook(t, "Scorecard", tt.march))
			april := mustRead(t, writeBook(t, "Scorecard", tt.april))
			if got := refs(march); !slices.Equal(got, tt.marchR) {
				t.Errorf("March's indicators\n got %q\nwant %q", got, tt.marchR)
			}
			if got := refs(april); !slices.Equal(got, tt.aprilR) {
				t.Errorf("April's indicators\n got %q\nwant %q", got, tt.aprilR)
			}
			if tt.apart {
				for _, a := range april.Dataset.Indicators {
					for _, m := range march.Dataset.Indicators {
						if a.Ref == m.Ref {
							t.Errorf("April's %q filed under %s, March's %q's ref: its figures revise March's", a.Name, a.Ref, m.Name)
						}
					}
				}
			}
			for _, w := range tt.warns {
				if _, ok := warningAt(april, w.cell, w.prefix); !ok {
					t.Errorf("no warning at %s starting %q in\n%s", w.cell, w.prefix, warningLines(april))
				}
			}
			for _, w := range append(march.Warnings, april.Warnings...) {
				for _, n := range tt.not {
					if strings.HasPrefix(w.Message, n) {
						t.Errorf("unwanted warning %s", w)
					}
				}
			}
		})
	}
}
