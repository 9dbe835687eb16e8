package brief

import (
	"fmt"
	"slices"
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
				"- QB name: for all children, UASC counted: 20.0% (RED).", "QC name is not red, worsened, special cause or newly flagged for all children, UASC counted."},
			[]string{"Nothing is red"}},
		{"all left out", Left{Cohorts: []app.Cohort{app.OLA, app.UASC}, Indicators: []Unassessed{{Ref: "QC", Name: "QC name"}}, every: true},
			[]string{"No indicator could be assessed excluding OLA and UASC, so this is not an all-clear", "so it has no rating"},
			[]string{"Nothing is red"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Text(Heading(app.Kent, app.Period{Kind: app.Month, Year: 2026, N: 1}, "excluding UASC", nil), nil, tt.left)
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

// TestLeftSaysWhatIsCounted guards QA R6: an indicator left out under an
// exclusion is labelled by what it counts (app.Indicator.Counts), never
// a measure of schools or pupils as having "UASC counted", and the
// sentence naming those with nothing to report is English for one, two
// or many.
func TestLeftSaysWhatIsCounted(t *testing.T) {
	uasc := []app.Cohort{app.UASC}
	school := app.Indicator{Ref: "ED04", Name: "Primary schools judged good or outstanding (%)",
		Guidance: "Denominator: Kent's state-funded primary schools with a graded judgement."}
	pupils := app.Indicator{Ref: "ED01", Name: "Permanent exclusions per 10,000 pupils"}
	kids := app.Indicator{Ref: "CIC02", Name: "Rate of children in care per 10,000 children"}
	unassessed := func(ind app.Indicator, line string) Unassessed {
		u := Unassessed{Ref: ind.Ref, Name: ind.Name, Counted: ind.Counts()}
		if line != "" {
			u.All = &Item{Ref: ind.Ref, Name: ind.Name, RAG: app.Amber, Line: ind.Name + ": " + AllLabel(ind, uasc) + ": " + line}
		}
		return u
	}
	many := make([]Unassessed, 8)
	for i := range many {
		many[i] = Unassessed{Ref: fmt.Sprint("Q", i), Name: fmt.Sprint("Q", i, " name"), Counted: app.Counted{Noun: "children"}}
	}
	tests := []struct {
		name        string
		inds        []Unassessed
		says, never []string
	}{
		{"one of children", []Unassessed{unassessed(kids, "")},
			[]string{"Rate of children in care per 10,000 children is not red, worsened, special cause or newly flagged for all children, UASC counted."},
			[]string{"nothing is", "What their"}},
		{"two of children", []Unassessed{unassessed(kids, ""), {Ref: "CIC01", Name: "Number of children in care", Counted: app.Counted{Noun: "children"}}},
			[]string{"Neither Rate of children in care per 10,000 children nor Number of children in care is red, worsened, special cause or newly flagged for all children, UASC counted."},
			[]string{"nothing is"}},
		{"a school measure listed", []Unassessed{unassessed(school, "91.2% (AMBER)")},
			[]string{"- Primary schools judged good or outstanding (%): a measure of schools, shown as published (no UASC split applies): 91.2% (AMBER).",
				"What its figure as published says (a measure of schools, to which no UASC split applies):", "so it has no rating"},
			[]string{"UASC counted", "without UASC"}},
		{"school and pupil measures with nothing to say", []Unassessed{unassessed(school, ""), unassessed(pupils, "")},
			[]string{"Neither Primary schools judged good or outstanding (%) nor Permanent exclusions per 10,000 pupils is red, worsened, special cause or newly flagged as published (measures of schools and pupils, to which no UASC split applies)."},
			[]string{"UASC counted"}},
		{"mixed", []Unassessed{unassessed(kids, "53.1 per 10k"), unassessed(pupils, "5.08 per 10k (AMBER)"), unassessed(school, "")},
			[]string{"What their figures say, for all children, UASC counted, or as published for a measure of pupils, to which no UASC split applies:",
				"- Rate of children in care per 10,000 children: for all children, UASC counted: 53.1 per 10k.",
				"- Permanent exclusions per 10,000 pupils: a measure of pupils, shown as published (no UASC split applies): 5.08 per 10k (AMBER).",
				"Primary schools judged good or outstanding (%) is not red, worsened, special cause or newly flagged as published (a measure of schools, to which no UASC split applies)."},
			[]string{"schools, shown as published (no UASC split applies): 9", "UASC counted, nothing"}},
		{"many of children and a pupil measure", append(slices.Clone(many), unassessed(pupils, "")),
			[]string{"None of the 8 measures of children is red, worsened, special cause or newly flagged for all children, UASC counted.",
				"Permanent exclusions per 10,000 pupils is not red, worsened, special cause or newly flagged as published (a measure of pupils, to which no UASC split applies)."},
			[]string{"The other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			left := Left{Cohorts: uasc, Indicators: tt.inds}
			txt := Text(Heading(app.Kent, app.Period{Kind: app.Month, Year: 2026, N: 10}, "excluding UASC", nil), nil, left)
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
