package trend

import (
	"testing"

	"scorecard/app"
)

// TestRatedAgainst: a flag's words name what the authority's rule rated
// the figure against: the floor only where the floor rule uses it, the
// band where the rule is a band.
func TestRatedAgainst(t *testing.T) {
	ind := app.Indicator{Ref: "SCS01", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1}
	tg := func(r app.RAGRule) app.Target {
		return app.Target{Target: app.Float(20), Floor: app.Float(22), Rule: r}
	}
	tests := []struct {
		rule app.RAGRule
		want string
	}{
		{app.RAGRule{}, "target 20.0%, floor 22.0%"},
		{app.RAGRule{Kind: app.RuleTarget}, "target 20.0%"},
		{app.RAGRule{Kind: app.RuleBand, Tolerance: 5, Percent: true}, "target 20.0%, AMBER within 1.0 pp"},
	}
	for _, tt := range tests {
		if got := RatedAgainst(ind, tg(tt.rule)); got != tt.want {
			t.Errorf("%s rule: %q, want %q", tt.rule.Name(), got, tt.want)
		}
	}
}
