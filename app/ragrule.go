package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Councils rate RAG by different rules (domain.md: "Treat the rule as part
// of the authority's profile"). Kent rates against a target and a floor;
// many London boroughs rate met or not met against the target alone; others
// give an amber band of so many per cent or points short of the target. A
// council whose rule the app did not know got no RAG at all, its own reds
// read and dropped (QA30 finding 5).

// RuleKind names an authority's RAG rule.
type RuleKind string

// The rules. RuleFloor, the zero value, is the app's rule before rules
// could be chosen, so a store that never chose one rates as it always did.
const (
	// RuleFloor: green meeting the target, amber meeting the floor, red
	// neither; no floor, no RAG.
	RuleFloor RuleKind = ""
	// RuleTarget: green meeting the target, red not (two colours).
	RuleTarget RuleKind = "target"
	// RuleBand: green meeting the target, amber within a tolerance of it
	// on the wrong side, red beyond.
	RuleBand RuleKind = "band"
)

// RAGRule is how an authority turns a figure and its target into a RAG
// rating. A stay-close-to-target indicator (T) is rated by its tolerance
// band whatever the rule: green within the tolerance, and amber within
// twice it except under RuleTarget, which has no amber.
type RAGRule struct {
	Kind RuleKind `json:"kind,omitempty"`
	// Tolerance is RuleBand's amber band for an indicator whose target
	// gives no tolerance of its own (a Tolerance column): in the
	// indicator's own unit (percentage points for a percentage), or, when
	// Percent, that share of the target in per cent.
	Tolerance float64 `json:"tolerance,omitempty"`
	Percent   bool    `json:"percent,omitempty"`
}

// RuleNames are the rules' names as the command line and the window give
// them, the present rule first.
var RuleNames = []string{"floor", "target", "band"}

// Name is the rule's name on the command line: floor, target or band.
func (r RAGRule) Name() string {
	if r.Kind == RuleFloor {
		return "floor"
	}
	return string(r.Kind)
}

// ToleranceText writes the band's default tolerance as the command line
// takes it: "5%" or "2".
func (r RAGRule) ToleranceText() string {
	s := strconv.FormatFloat(r.Tolerance, 'f', -1, 64)
	if r.Percent {
		s += "%"
	}
	return s
}

// Title names the rule in a few words: "target and floor", "the target
// alone", "a band of 5% of the target".
func (r RAGRule) Title() string {
	switch r.Kind {
	case RuleTarget:
		return "the target alone"
	case RuleBand:
		return "a band of " + r.toleranceWords() + " around the target"
	}
	return "target and floor"
}

// Words says the rule in a line, for the command line, the window and the
// export's guidance: "target and floor: GREEN meeting the target, AMBER
// meeting the floor but not the target, RED neither".
func (r RAGRule) Words() string {
	switch r.Kind {
	case RuleTarget:
		return r.Title() + ": GREEN meeting the target, RED not (no AMBER)"
	case RuleBand:
		return r.Title() + ": GREEN meeting the target, AMBER short of it by no more than the tolerance (the indicator's own where the scorecard gives one), RED further short"
	}
	return r.Title() + ": GREEN meeting the target, AMBER meeting the floor but not the target, RED neither"
}

// toleranceWords says the band's default tolerance: "5% of the target",
// "2 points".
func (r RAGRule) toleranceWords() string {
	if r.Percent {
		return r.ToleranceText() + " of the target"
	}
	if r.Tolerance == 1 {
		return "1 point"
	}
	return r.ToleranceText() + " points"
}

// ParseRAGRule reads a rule as the command line gives it: its name, and
// for band the default tolerance ("5%", "2", "1.5pp"). A tolerance is
// refused for the other rules, which use none, rather than kept unused.
func ParseRAGRule(name, tolerance string) (RAGRule, error) {
	var r RAGRule
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "floor":
	case "target":
		r.Kind = RuleTarget
	case "band":
		r.Kind = RuleBand
	default:
		return r, fmt.Errorf("%q is not a RAG rule: give floor (target and floor), target (target alone) or band (a tolerance around the target)", name)
	}
	tolerance = strings.TrimSpace(tolerance)
	if r.Kind != RuleBand {
		if tolerance != "" {
			return r, fmt.Errorf("a tolerance is for the band rule only; the %s rule uses none", r.Name())
		}
		return r, nil
	}
	if tolerance == "" {
		return r, fmt.Errorf("the band rule needs a tolerance for indicators whose scorecard gives none: --tolerance 5%% (of the target) or --tolerance 2 (points)")
	}
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(tolerance), "pp"), "points"))
	if p, ok := strings.CutSuffix(s, "%"); ok {
		s, r.Percent = strings.TrimSpace(p), true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) || r.Percent && v >= 100 {
		return r, fmt.Errorf("tolerance %q: give a number above 0, as a share of the target (5%%) or in points (2)", tolerance)
	}
	r.Tolerance = v
	return r, nil
}

// RatingTolerance is the tolerance t's rule rates a figure against t by:
// the target's own, else under RuleBand the rule's (a share of the target
// worked out at a millionth, so that 5% of 20 is 1 and not a hair more).
// It reports false when there is none.
func (t Target) RatingTolerance() (float64, bool) {
	switch {
	case t.Tolerance != nil:
		return *t.Tolerance, true
	case t.Rule.Kind != RuleBand || t.Rule.Tolerance <= 0:
		return 0, false
	case t.Rule.Percent:
		if t.Target == nil {
			return 0, false
		}
		return RoundTo(math.Abs(*t.Target)*t.Rule.Tolerance/100, 6), true
	}
	return t.Rule.Tolerance, true
}

// SetRAGRule makes r the rule every target of h rates by, those held and
// those added later: the store's rule, read with its history. A History
// cloned before shares the targets, so set it first.
func (h *History) SetRAGRule(r RAGRule) {
	h.ragRule = r
	for _, ts := range h.targets {
		for i := range ts {
			ts[i].Rule = r
		}
	}
}

// RAGRule is the rule h's targets rate by (SetRAGRule).
func (h *History) RAGRule() RAGRule { return h.ragRule }
