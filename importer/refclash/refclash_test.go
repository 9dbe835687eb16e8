package refclash

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

func TestSameSubject(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Children in care 2.5 years or more in the same placement for 2 years (%)", "Children in care 2.5+ years (under 16) living with the same carer for 2+ years", true},
		{"Re-referrals to children's social care within 12 months (%)", "Percentage of referrals that were re-referrals within 12 months", true},
		{"Average caseload of children's social workers", "Average caseload per case-holding social worker (FTE)", true},
		{"Rate of children in care per 10,000 children", "Children in care per 10,000 children aged 0-17", true},
		{"CLA", "Number of children in care", true}, // an acronym says nothing against it
		{"Care leavers in suitable accommodation (%)", "Children in care 2.5+ years (under 16) living with the same carer for 2+ years", false},
		{"Average days between entering care and moving in with adoptive family", "Number of children starting to be looked after", false},
	}
	for _, tt := range tests {
		if got := SameSubject(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSubject(%q, %q) = %v, want %v (words %v, %v)", tt.a, tt.b, got, tt.want, SubjectWords(tt.a), SubjectWords(tt.b))
		}
	}
}

// TestJudgeOf judges, by hand, a file's definitions against the store's:
// another unit or measure, or a name about something else, is a clash to
// every judge; opposite polarities only to a judge that asks.
func TestJudgeOf(t *testing.T) {
	inCare := app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count}
	foster := app.Indicator{Ref: "CIC01", Name: "Children in care in foster placements (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	moves := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.LowerBetter}
	eet := app.Indicator{Ref: "CIC05", Name: "Care leavers aged 19-21 in education, employment or training (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	stable := app.Indicator{Ref: "CIC05", Name: "Children in care with fewer than 3 placements in the last 12 months (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	movesOwnWords := app.Indicator{Ref: "CIC05", Name: "Placement stability: 3+ placements in 12 months", Unit: app.Percent, Measure: app.Proportion, Polarity: app.LowerBetter}
	unrated := moves
	unrated.Polarity = app.PolarityNone
	tests := []struct {
		name      string
		ind       app.Indicator
		stored    *app.Indicator
		judge     Judge
		want      bool
		differing string // a word of Differs when want
	}{
		{"not held", inCare, nil, Judge{Polarity: true}, false, ""},
		{"the same", inCare, &inCare, Judge{Polarity: true}, false, ""},
		{"another unit", inCare, &foster, Judge{}, true, `unit "count", not "%"`},
		{"a name about something else", moves, &eet, Judge{}, true, "names that share no word"},
		{"the same measure in the council's words", moves, &movesOwnWords, Judge{Polarity: true}, false, ""},
		{"opposite polarity, not asked", moves, &stable, Judge{}, false, ""},
		{"opposite polarity", moves, &stable, Judge{Polarity: true}, true, `polarity "L", not "H"`},
		{"no polarity is not opposite", moves, &unrated, Judge{Polarity: true}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defined := func(ref string) (app.Indicator, bool) {
				if tt.stored == nil || tt.stored.Ref != ref {
					return app.Indicator{}, false
				}
				return *tt.stored, true
			}
			c, got := tt.judge.Of(tt.ind, defined)
			if got != tt.want {
				t.Fatalf("clash %v (%s), want %v", got, c.Differences(), tt.want)
			}
			if got && !strings.Contains(c.Differences(), tt.differing) {
				t.Errorf("differences %q lack %q", c.Differences(), tt.differing)
			}
		})
	}
}

// TestRespellings: the refs an officer's hand-typed ref may stand for.
func TestRespellings(t *testing.T) {
	tests := []struct {
		ref  string
		want string // one of the respellings
	}{
		{"cic05", "CIC05"},
		{"SCS 01", "SCS01"},
		{"scs-01", "SCS01"},
		{"CIC5", "CIC05"},
		{"CIC005", "CIC05"},
		{"EH_02", "EH02"},
	}
	for _, tt := range tests {
		got := Respellings(tt.ref)
		if !slices.Contains(got, tt.want) || slices.Contains(got, tt.ref) {
			t.Errorf("Respellings(%q) = %q, want it to hold %q and not the ref", tt.ref, got, tt.want)
		}
	}
}
