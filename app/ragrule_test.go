package app

import "testing"

// TestRatingByRule rates under each authority's rule: the boundaries
// exactly on the target and on the band's edge, either polarity, a
// tolerance as a share of the target and in points, the scorecard's own
// tolerance before the authority's, and no target.
func TestRatingByRule(t *testing.T) {
	floor := RAGRule{}
	target := RAGRule{Kind: RuleTarget}
	pct5 := RAGRule{Kind: RuleBand, Tolerance: 5, Percent: true}
	pts2 := RAGRule{Kind: RuleBand, Tolerance: 2}
	tg := func(r RAGRule, target float64) Target { return Target{Target: Float(target), Rule: r} }
	own := func(r RAGRule, target, tol float64) Target {
		return Target{Target: Float(target), Tolerance: Float(tol), Rule: r}
	}
	withFloor := func(r RAGRule, target, fl float64) Target {
		return Target{Target: Float(target), Floor: Float(fl), Rule: r}
	}
	tests := []struct {
		name string
		pol  Polarity
		v    float64
		t    Target
		dec  int
		want RAG
	}{
		// Southwark's re-referrals: 24.8% against 20%, lower is better.
		{"floor rule, no floor", LowerBetter, 24.8, tg(floor, 20), 1, NoRAG},
		{"target L worse", LowerBetter, 24.8, tg(target, 20), 1, Red},
		{"target L exactly on target", LowerBetter, 20, tg(target, 20), 1, Green},
		{"target L shown as on target", LowerBetter, 20.04, tg(target, 20), 1, Green},
		{"target L shown a tenth over", LowerBetter, 20.05, tg(target, 20), 1, Red},
		{"target L better", LowerBetter, 15.9, tg(target, 18), 1, Green},
		{"target H exactly on target", HigherBetter, 90, tg(target, 90), 1, Green},
		{"target H short", HigherBetter, 89.9, tg(target, 90), 1, Red},
		{"target H better", HigherBetter, 93, tg(target, 90), 1, Green},
		{"target ignores a floor", HigherBetter, 88, withFloor(target, 90, 85), 1, Red},
		{"target, no target", HigherBetter, 88, Target{Floor: Float(85), Rule: target}, 1, NoRAG},
		{"target, activity", PolarityNone, 88, tg(target, 90), 1, NoRAG},
		{"band % H on target", HigherBetter, 90, tg(pct5, 90), 1, Green},
		{"band % H within", HigherBetter, 88.2, tg(pct5, 90), 1, Amber},
		{"band % H on the edge", HigherBetter, 85.5, tg(pct5, 90), 1, Amber},
		{"band % H beyond", HigherBetter, 85.4, tg(pct5, 90), 1, Red},
		{"band % L on the edge", LowerBetter, 21, tg(pct5, 20), 1, Amber},
		{"band % L beyond", LowerBetter, 21.1, tg(pct5, 20), 1, Red},
		{"band % L better", LowerBetter, 19, tg(pct5, 20), 1, Green},
		// 5% of 18 is 0.9: a whole-number figure of 19 is 1 over.
		{"band % edge not rounded", LowerBetter, 19, tg(pct5, 18), 0, Red},
		{"band points H within", HigherBetter, 58, tg(pts2, 60), 1, Amber},
		{"band points H beyond", HigherBetter, 57.9, tg(pts2, 60), 1, Red},
		{"band points L on the edge", LowerBetter, 18, tg(pts2, 16), 0, Amber},
		{"band own tolerance first", LowerBetter, 21.5, own(pct5, 20, 2), 1, Amber},
		{"band own tolerance beyond", LowerBetter, 22.1, own(pct5, 20, 2), 1, Red},
		{"band ignores a floor", HigherBetter, 80, withFloor(pct5, 90, 70), 1, Red},
		{"band, no target", HigherBetter, 80, Target{Rule: pct5}, 1, NoRAG},
		{"band, no tolerance anywhere", HigherBetter, 80, tg(RAGRule{Kind: RuleBand}, 90), 1, NoRAG},
		{"T target rule within", NearTarget, 20.9, own(target, 20, 1), 1, Green},
		{"T target rule no amber", NearTarget, 21.5, own(target, 20, 1), 1, Red},
		{"T target rule no tolerance", NearTarget, 20, tg(target, 20), 1, NoRAG},
		{"T band default tolerance green", NearTarget, 16.8, tg(pct5, 16), 1, Green},
		{"T band default tolerance amber", NearTarget, 17.5, tg(pct5, 16), 1, Amber},
		{"T band default tolerance red", NearTarget, 17.7, tg(pct5, 16), 1, Red},
		{"T floor rule as before", NearTarget, 18.2, own(floor, 20, 1), 1, Amber},
	}
	for _, tt := range tests {
		if got := Rating(tt.pol, tt.v, tt.t, tt.dec); got != tt.want {
			t.Errorf("%s: Rating(%s, %v, %s) = %q, want %q", tt.name, tt.pol, tt.v, tt.t.Rule.Name(), got, tt.want)
		}
	}
}

func TestParseRAGRule(t *testing.T) {
	tests := []struct {
		name, tol string
		want      RAGRule
		bad       bool
	}{
		{"floor", "", RAGRule{}, false},
		{"Target", "", RAGRule{Kind: RuleTarget}, false},
		{"band", "5%", RAGRule{Kind: RuleBand, Tolerance: 5, Percent: true}, false},
		{"band", "2", RAGRule{Kind: RuleBand, Tolerance: 2}, false},
		{"band", "1.5pp", RAGRule{Kind: RuleBand, Tolerance: 1.5}, false},
		{"band", "", RAGRule{}, true},
		{"band", "0", RAGRule{}, true},
		{"band", "five", RAGRule{}, true},
		{"target", "5%", RAGRule{}, true},
		{"met", "", RAGRule{}, true},
	}
	for _, tt := range tests {
		got, err := ParseRAGRule(tt.name, tt.tol)
		if (err != nil) != tt.bad || !tt.bad && got != tt.want {
			t.Errorf("ParseRAGRule(%q, %q) = %+v, %v", tt.name, tt.tol, got, err)
		}
	}
}

// TestHistoryRatesByItsRule: a target held, or added later, rates by the
// rule the store gives its history.
func TestHistoryRatesByItsRule(t *testing.T) {
	h := NewHistory()
	ind := Indicator{Ref: "SCS01", Polarity: LowerBetter, Decimals: 1, YearType: FinancialYear}
	h.AddIndicator(ind)
	h.AddTarget(Target{Ref: "SCS01", Year: Period{Kind: FinancialYear, Year: 2024}, Target: Float(20)})
	q4 := Period{Kind: Quarter, Year: 2025, N: 1}
	rate := func() RAG {
		tg, _ := h.TargetFor(ind, q4)
		return Rating(ind.Polarity, 24.8, tg, ind.Decimals)
	}
	if got := rate(); got != NoRAG {
		t.Fatalf("default rule: %q, want no RAG", got)
	}
	h.SetRAGRule(RAGRule{Kind: RuleTarget})
	if got := rate(); got != Red {
		t.Fatalf("target rule: %q, want RED", got)
	}
	h.AddTarget(Target{Ref: "SCS01", Year: Period{Kind: FinancialYear, Year: 2024}, Target: Float(25)})
	if got := rate(); got != Green {
		t.Fatalf("target added after the rule: %q, want GREEN", got)
	}
}

// TestReratedByTheStoresRule: a file restating a year's target is said to
// re-rate figures by the store's rule, which the held target carries and
// the file's does not: a floor added under the target-alone rule changes
// no rating.
func TestReratedByTheStoresRule(t *testing.T) {
	ind := Indicator{Ref: "SCS01", Polarity: LowerBetter, Decimals: 1}
	year := Period{Kind: FinancialYear, Year: 2024}
	held := []Observation{{Ref: "SCS01", Period: Period{Kind: Quarter, Year: 2024, N: 4}, Value: Float(21)}}
	tests := []struct {
		rule RAGRule
		want string
	}{
		{RAGRule{Kind: RuleTarget}, "it changes the rating of no figure held"},
		{RAGRule{}, "it changes the rating of 1 reported figure: Oct-Dec 2024 no rating to AMBER"},
	}
	for _, tt := range tests {
		was := Target{Ref: "SCS01", Year: year, Target: Float(20), Rule: tt.rule}
		is := Target{Ref: "SCS01", Year: year, Target: Float(20), Floor: Float(22)}
		if got := Rerated(ind, ind, was, is, held, nil); got != tt.want {
			t.Errorf("%s rule: %q, want %q", tt.rule.Name(), got, tt.want)
		}
	}
}
