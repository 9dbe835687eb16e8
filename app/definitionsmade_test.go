package app

import (
	"strings"
	"testing"
	"time"
)

// TestDefinitionsMade reads back, from the imports' reports, the
// definition changes accepted (QA27a 3): a change declined, or made by an
// undone import (not among History.Imports), is none; what it says in a
// circulated note and after an undo names the cell, the date and what the
// definition is now.
func TestDefinitionsMade(t *testing.T) {
	at := Location{File: "m07x.xlsx", Sheet: "Scorecard", Cell: "C31"}
	polarity := DefinitionChange{Ref: "EH03", Field: "polarity", Old: "H", New: "L", At: at}
	name := DefinitionChange{Ref: "SG01", Field: "name", Old: `Number of "CP" plans`, New: "Children on a plan", At: at}
	when := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name     string
		warnings []Warning
		want     []string // each change's Sentence
		undone   string   // the first change's Undone, of EH03 as H
	}{
		{"a polarity accepted", []Warning{polarity.Warning(true)},
			[]string{"EH03 polarity changed from H (higher is better) to L (lower is better) on 5 Dec 2026 (import I0008, m07x.xlsx: Scorecard!C31): earlier ratings and directions of travel recomputed"},
			"EH03's polarity is H (higher is better) again, as before I0008 (m07x.xlsx): ratings and directions of travel recomputed"},
		{"a polarity declined", []Warning{polarity.Warning(false)}, nil, ""},
		{"a quoted name accepted, among other warnings", []Warning{{Location: at, Message: "SG01: a figure above 100"}, name.Warning(true)},
			[]string{`SG01 name changed from "Number of \"CP\" plans" to "Children on a plan" on 5 Dec 2026 (import I0008, m07x.xlsx: Scorecard!C31)`}, ""},
		{"words that only look like a change", []Warning{{Location: at, Message: `EH03: colour "L" here, but the stored definition says "H"; changed, as accepted`}}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			im := Import{ID: "I0008", Source: "m07x.xlsx", Time: when, Warnings: tt.warnings}
			made := DefinitionsMade([]Import{im})
			var got []string
			for _, d := range made {
				got = append(got, d.Sentence())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.undone != "" {
				if u := made[0].Undone(Indicator{Ref: "EH03", Polarity: HigherBetter}); u != tt.undone {
					t.Errorf("undone: %q\nwant %q", u, tt.undone)
				}
				if u := made[0].Undone(Indicator{Ref: "EH03", Polarity: LowerBetter}); !strings.Contains(u, "stays L (lower is better), not H (higher is better) as before I0008 (m07x.xlsx): a later import states it too") {
					t.Errorf("undone, L stated again later: %q", u)
				}
			}
		})
	}
}
