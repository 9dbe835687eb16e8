package brief

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestLeftNeverAllClear: a brief that left indicators out, as it could
// not work them out without the cohorts, never says "Nothing is red", and
// counts them in its heading; one that left nothing out reads as before.
func TestLeftNeverAllClear(t *testing.T) {
	red := Item{Ref: "QB", Name: "QB name", RAG: app.Red, Line: "QB name: for all children, UASC counted: 20.0% (RED)"}
	uasc := []app.Cohort{app.UASC}
	tests := []struct {
		name        string
		left        Left
		says, never []string
	}{
		{"nothing left out", Left{Cohorts: uasc},
			[]string{"(0 indicators red, worsened, special cause or newly flagged)\n", "Nothing is red, worsened, special cause or newly flagged."},
			[]string{"not assessed", "all-clear"}},
		{"some left out", Left{Cohorts: uasc, Indicators: []Unassessed{{Ref: "QB", Name: "QB name", All: &red}, {Ref: "QC", Name: "QC name"}}},
			[]string{"; 2 not assessed excluding UASC)", "2 indicators could not be", "Not assessed excluding UASC (cannot exclude): 2 indicators",
				"- QB name: for all children, UASC counted: 20.0% (RED).", "nothing is red, worsened, special cause or newly flagged in QC name."},
			[]string{"Nothing is red"}},
		{"all left out", Left{Cohorts: []app.Cohort{app.OLA, app.UASC}, Indicators: []Unassessed{{Ref: "QC", Name: "QC name"}}, every: true},
			[]string{"No indicator could be assessed excluding OLA and UASC, so this is not an all-clear", "so it has no rating"},
			[]string{"Nothing is red"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Text(Heading(app.Kent, app.Period{Kind: app.Month, Year: 2026, N: 1}, "excluding UASC", 0), nil, tt.left)
			for _, s := range tt.says {
				if !strings.Contains(txt, s) {
					t.Errorf("brief does not say %q:\n%s", s, txt)
				}
			}
			for _, s := range tt.never {
				if strings.Contains(txt, s) {
					t.Errorf("brief says %q:\n%s", s, txt)
				}
			}
		})
	}
}
