package importer

import (
	"slices"
	"testing"
)

// TestMonthBlocksUnderCaptions reads a scorecard giving its months twice,
// in blocks side by side under captions ("Number" over one, "%" over the
// other): each row's unit picks its figure from its block, the count
// beside a percentage its numerator. Read as plain months, each month
// clashed with itself and the first block was kept, a percentage's
// counts stored as its percentages (QA probe 7).
func TestMonthBlocksUnderCaptions(t *testing.T) {
	row := func(cells ...any) []any { return cells }
	header := row("Ref", "Indicator", "Unit", "Feb-26", "Mar-26", "Feb-26", "Mar-26")
	for _, tc := range []struct {
		name    string
		caption []any // the row above the header
		parts   map[string][]string
		warn    []string
		never   []string
	}{
		{
			name:    "Number, then %",
			caption: row(nil, nil, nil, "Number", nil, "%", nil),
			parts: map[string][]string{
				"CIC02": {"2026-02 10.3 198/-", "2026-03 10.4 200/-"},
				"CIC01": {"2026-02 1920 -/-", "2026-03 1931 -/-"},
			},
			warn:  []string{`Scorecard!D1: Feb-26 to Mar-26 are each given once in each of the blocks of months side by side, under "Number" at D1 and "%" at F1 (Number | %): each period's figure read from one of its columns by the row's unit`},
			never: []string{"here but", "skipped"},
		},
		{
			name:    "each caption written over every month of its block",
			caption: row(nil, nil, nil, "No.", "No.", "%", "%"),
			parts: map[string][]string{
				"CIC02": {"2026-02 10.3 198/-", "2026-03 10.4 200/-"},
				"CIC01": {"2026-02 1920 -/-", "2026-03 1931 -/-"},
			},
			never: []string{"here but"},
		},
		{
			// Captions naming no figure: the months are given twice, as
			// before, each clash said.
			name:    "two years' captions",
			caption: row(nil, nil, nil, "Actual", nil, "Forecast", nil),
			warn:    []string{"here but"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", [][]any{
				tc.caption,
				header,
				row("CIC02", "Children in care with 3+ placements (%)", "%", 198, 200, 10.3, 10.4),
				row("CIC01", "Number of children in care", "Number", 1920, 1931, 100, 100),
			}))
			for ref, want := range tc.parts {
				if got := partsOf(res.Dataset, ref, "Kent"); !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}
