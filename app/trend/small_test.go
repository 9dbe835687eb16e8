package trend

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"scorecard/app"
)

func TestChildrenToNextRAG(t *testing.T) {
	f := app.Float
	lt := app.Target{Target: f(10), Floor: f(12)}
	tests := []struct {
		name        string
		pol         app.Polarity
		decimals    int
		t           app.Target
		num, den    float64
		more, fewer ragStep
	}{
		// Kent 2025, 221 of 1,896 with 3+ placements (11.7%, AMBER): 229 shows
		// 12.1% (RED), 228 shows 12.0%; 190 shows 10.0% (GREEN), 191 10.1%.
		{"Kent 3+ placements", app.LowerBetter, 1, lt, 221, 1896, ragStep{8, app.Red}, ragStep{31, app.Green}},
		// Shown to no decimals, 11.66% is 12% (AMBER); 237 is exactly 12.5%,
		// which rounds up to 13% (RED); 199 is 10.496%, shown as 10% (GREEN).
		{"whole percentages", app.LowerBetter, 0, lt, 221, 1896, ragStep{16, app.Red}, ragStep{22, app.Green}},
		// A district: 3 of 20 is 15% (RED); 2 of 20 is 10% (GREEN).
		{"district of 20", app.LowerBetter, 1, lt, 3, 20, ragStep{}, ragStep{1, app.Green}},
		{"district of 20, green", app.LowerBetter, 1, lt, 2, 20, ragStep{1, app.Red}, ragStep{}},
		// 55 of 100 care leavers in education (H, target 60, floor 50).
		{"higher better", app.HigherBetter, 1, app.Target{Target: f(60), Floor: f(50)}, 55, 100, ragStep{5, app.Green}, ragStep{6, app.Red}},
		// 20% with a target of 20 ± 1: 22% is 2 away (AMBER).
		{"near target", app.NearTarget, 1, app.Target{Target: f(20), Tolerance: f(1)}, 20, 100, ragStep{2, app.Amber}, ragStep{2, app.Amber}},
		{"no floor, no RAG", app.LowerBetter, 1, app.Target{Target: f(10)}, 3, 20, ragStep{}, ragStep{}},
	}
	for _, tt := range tests {
		ind := app.Indicator{Ref: "CIC05", Polarity: tt.pol, Unit: app.Percent, Decimals: tt.decimals}
		more, fewer := childrenToNextRAG(ind, tt.t, tt.num, tt.den, 100/tt.den)
		if more != tt.more || fewer != tt.fewer {
			t.Errorf("%s: more %+v fewer %+v, want %+v %+v", tt.name, more, fewer, tt.more, tt.fewer)
		}
	}
}

// TestChildrenToNextRAGByCounting checks the boundary search against
// trying every child in turn, under each authority's RAG rule.
func TestChildrenToNextRAGByCounting(t *testing.T) {
	for _, by := range ragRules {
		childrenToNextRAGByCounting(t, by)
	}
}

// ragRules are an authority's RAG rules as tests try them: the floor
// rule, the target alone, and bands as a share of the target and in
// points.
var ragRules = []app.RAGRule{{}, {Kind: app.RuleTarget}, {Kind: app.RuleBand, Tolerance: 5, Percent: true}, {Kind: app.RuleBand, Tolerance: 2}}

func childrenToNextRAGByCounting(t *testing.T, by app.RAGRule) {
	r := rand.New(rand.NewPCG(4, 2026))
	for range 3000 {
		den := float64(1 + r.IntN(2500))
		num := float64(r.IntN(int(den) + 1))
		ind := app.Indicator{Ref: "X", Unit: app.Percent, Decimals: r.IntN(3), Polarity: []app.Polarity{app.HigherBetter, app.LowerBetter, app.NearTarget}[r.IntN(3)]}
		a, b := r.Float64()*100, r.Float64()*100
		if r.IntN(2) == 0 {
			// Targets as people set them, where figures land exactly on a jump.
			a, b = float64(r.IntN(200))/2, float64(r.IntN(400))/4
		}
		tg := app.Target{Target: app.Float(a), Floor: app.Float(b), Tolerance: app.Float(r.Float64() * 10), Rule: by}
		if by.Kind == app.RuleBand && num < den/2 {
			// Half the band's figures by the rule's own tolerance.
			tg.Tolerance = nil
		}
		tol, _ := tg.RatingTolerance()
		step := 100 / den
		rating := func(n float64) app.RAG { return app.Rating(ind.Polarity, n*step, tg, ind.Decimals) }
		var want [2]ragStep
		if now := rating(num); now != app.NoRAG {
			for n := num + 1; n <= den; n++ {
				if r := rating(n); r != now {
					want[0] = ragStep{int(n - num), r}
					break
				}
			}
			for n := num - 1; n >= 0; n-- {
				if r := rating(n); r != now {
					want[1] = ragStep{int(num - n), r}
					break
				}
			}
		}
		more, fewer := childrenToNextRAG(ind, tg, num, den, step)
		c := Children{PerChild: step, num: num, den: den, rate: newRater(ind, tg)}
		small := func(s ragStep) bool { return s.children > 0 && s.children <= 2 }
		if c.within(2) != (small(want[0]) || small(want[1])) {
			t.Fatalf("rule %s: %v of %v, target %v floor %v tolerance %v at %d dp, polarity %s: within 2 is %v, want %+v %+v",
				by.Name(), num, den, a, b, tol, ind.Decimals, ind.Polarity, c.within(2), want[0], want[1])
		}
		if more != want[0] || fewer != want[1] {
			t.Fatalf("rule %s: %v of %v, target %v floor %v tolerance %v at %d dp, polarity %s: got %+v %+v, want %+v %+v",
				by.Name(), num, den, a, b, tol, ind.Decimals, ind.Polarity, more, fewer, want[0], want[1])
		}
	}
}

func TestWilson(t *testing.T) {
	tests := []struct {
		num, den, lo, hi float64
	}{
		{5, 10, 23.6593090512564, 76.3406909487436}, // the textbook case
		{0, 10, 0, 27.75327998628892},               // never below zero
		{10, 10, 72.24672001371108, 100},            // nor above 100
		{221, 1896, 10.288606583786281, 13.17869152947025},
		{3, 20, 5.236874589621659, 36.041886474075696},
	}
	for _, tt := range tests {
		lo, hi := wilson(tt.num, tt.den)
		if !near(lo, tt.lo) || !near(hi, tt.hi) {
			t.Errorf("%v of %v: %v to %v, want %v to %v", tt.num, tt.den, lo, hi, tt.lo, tt.hi)
		}
	}
}

// TestSmallNumbersOnPoints checks what a point says about small numbers,
// and that a rate is worth 10,000/population per child.
func TestSmallNumbersOnPoints(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(10), Floor: app.Float(12)})
	ashford := app.SeriesKey{Ref: "CIC05", Area: "Ashford"}
	h.Add(app.Observation{Ref: "CIC05", Area: "Ashford", Period: app.MonthOf(2025, 3), Value: app.Float(15), Numerator: app.Float(3), Denominator: app.Float(20)})
	p := Analyse(h, ashford, Options{Details: true})[0]
	c := p.Children
	more, _ := c.More()
	fewer, to := c.Fewer()
	if p.RAG != app.Red || c.PerChild != 5 || fewer != 1 || to != app.Green || more != 0 {
		t.Errorf("got %s, %v pp a child, %d fewer -> %s, %d more", p.RAG, c.PerChild, fewer, to, more)
	}
	b, err := json.Marshal(c)
	if want := `{"per_child":5,"fewer":1,"rag_if_fewer":"GREEN","wilson_low":5.236874589621659,"wilson_high":36.041886474075696}`; err != nil || string(b) != want {
		t.Errorf("JSON %s, %v\nwant %s", b, err, want)
	}
	if len(p.Flags) != 1 || p.Flags[0] != SmallNumbers || p.FlagDetails[0] != "1 fewer child counted turns this GREEN (1 child = 5.0 pp)" {
		t.Errorf("flags %q %q", p.Flags, p.FlagDetails)
	}

	rate := app.Indicator{Ref: "CIC01", Polarity: app.LowerBetter, Unit: app.Per10k, Decimals: 0, Measure: app.Rate}
	h.AddIndicator(rate)
	h.Add(app.Observation{Ref: "CIC01", Area: app.Kent, Period: app.MonthOf(2025, 3), Value: app.Float(53), Numerator: app.Float(1896), Denominator: app.Float(357700)})
	q := Analyse(h, app.SeriesKey{Ref: "CIC01", Area: app.Kent}, Options{})[0]
	if c := q.Children; !near(c.PerChild, 10000.0/357700) || c.WilsonLow != nil {
		t.Errorf("rate: %v per child, Wilson %v; want %v and none", c.PerChild, c.WilsonLow, 10000.0/357700)
	}
}

// TestRaterAgreesWithRating checks that the rater, which rounds a year's
// target and floor once, rates every figure as app.Rating does, at the
// boundaries where rounding decides: figures a thousandth apart across
// each boundary, targets that binary floating point holds just below a
// half (12.35), and each polarity, precision, missing field and
// authority's rule.
func TestRaterAgreesWithRating(t *testing.T) {
	for _, by := range ragRules {
		raterAgreesWithRating(t, by)
	}
}

func raterAgreesWithRating(t *testing.T, by app.RAGRule) {
	targets := []app.Target{
		{Target: app.Float(10), Floor: app.Float(12), Tolerance: app.Float(0.5)},
		{Target: app.Float(12.35), Floor: app.Float(10.05), Tolerance: app.Float(0.15)},
		{Target: app.Float(0.15), Floor: app.Float(0.25), Tolerance: app.Float(0.05)},
		{Target: app.Float(85), Floor: app.Float(80)},
		{Target: app.Float(50), Tolerance: app.Float(2.5)},
		{Floor: app.Float(12)},
		{},
	}
	for _, pol := range []app.Polarity{app.HigherBetter, app.LowerBetter, app.NearTarget, app.PolarityNone} {
		for d := range 3 {
			ind := app.Indicator{Ref: "CIC05", Polarity: pol, Decimals: d}
			for _, tg := range targets {
				tg.Rule = by
				r := newRater(ind, tg)
				for i := -2000; i <= 11000; i++ {
					v := float64(i) / 100
					want := app.Rating(pol, v, tg, d)
					got := app.NoRAG
					if r != nil {
						got = r.rate(app.RoundTo(v, d))
					}
					if got != want {
						t.Fatalf("rule %s, polarity %s, %d decimals, %+v: %v rated %q, app.Rating %q", by.Name(), pol, d, tg, v, got, want)
					}
				}
			}
		}
	}
}
