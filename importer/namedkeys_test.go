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

// TestMarkedRefNoteExcludesCohort reads a sheet with Refs whose Ref or
// name carries a footnote mark the note at the foot explains: a note
// saying the figures exclude UASC has them read so, said at the marked
// cell (QA probe 6: set aside unsaid, they were filed as all children's,
// and next month's beside them read as a fall); a note saying something
// else of them, or nothing of children, leaves them all children's.
func TestMarkedRefNoteExcludesCohort(t *testing.T) {
	row := func(cells ...any) []any { return cells }
	for _, tc := range []struct {
		name, ref, indicator, note string
		want                       []string // CIC01's figures
		warning                    string   // the first warning's beginning, "" for none
	}{
		{"a marked Ref", "CIC01*", "Number of children in care", "* excluding UASC",
			[]string{"Kent excl:uasc Feb-25: 1410", "Kent excl:uasc Jan-25: 1400"},
			`A2: CIC01: the mark "*" on "CIC01*" points at the note at A4, "* excluding UASC": its figures are read as Excluding UASC, not all children's`},
		{"a marked name, the cohort spelled out", "CIC01", "Number of children in care*", "* excluding unaccompanied asylum seeking children (UASC)",
			[]string{"Kent excl:uasc Feb-25: 1410", "Kent excl:uasc Jan-25: 1400"},
			`B2: CIC01: the mark "*" on "Number of children in care*" points at the note at A4`},
		{"a superscript mark", "CIC01¹", "Number of children in care", "¹ excludes UASC",
			[]string{"Kent excl:uasc Feb-25: 1410", "Kent excl:uasc Jan-25: 1400"},
			`A2: CIC01: the mark "¹" on "CIC01¹" points at the note at A4, "¹ excludes UASC"`},
		{"a note saying nothing of children", "CIC01*", "Number of children in care", "* provisional",
			[]string{"Kent all Feb-25: 1410", "Kent all Jan-25: 1400"}, ""},
		{"a note in doubt", "CIC01*", "Number of children in care", "* not excluding UASC",
			[]string{"Kent all Feb-25: 1410", "Kent all Jan-25: 1400"},
			`A2: CIC01: the mark "*" on "CIC01*" points at the note at A4, "* not excluding UASC", which may say its figures count other children: read as all children's`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", [][]any{
				row("Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"),
				row(tc.ref, tc.indicator, "L", 1400, 1410),
				row("CIC02", "Number of care leavers", "L", 400, 410),
				row(tc.note),
			}))
			if got := figuresOf(res.Dataset, "CIC01"); !slices.Equal(got, tc.want) {
				t.Errorf("CIC01 figures %q, want %q", got, tc.want)
			}
			var warnings []string
			for _, w := range res.Warnings {
				warnings = append(warnings, w.Cell+": "+w.Message)
			}
			switch {
			case tc.warning == "" && len(warnings) > 0:
				t.Errorf("warnings %q, want none", warnings)
			case tc.warning != "" && (len(warnings) == 0 || !strings.HasPrefix(warnings[0], tc.warning)):
				t.Errorf("warnings %q, want the first to begin %q", warnings, tc.warning)
			}
		})
	}
}
