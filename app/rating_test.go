package app

import (
	"math"
	"testing"
)

func TestRating(t *testing.T) {
	tf := func(target, floor float64) Target { return Target{Target: Float(target), Floor: Float(floor)} }
	tests := []struct {
		name string
		pol  Polarity
		v    float64
		t    Target
		dec  int
		want RAG
	}{
		{"H met", HigherBetter, 16.6, tf(15, 12), 1, Green},
		{"H exactly on target", HigherBetter, 15, tf(15, 12), 1, Green},
		{"H between", HigherBetter, 13, tf(15, 12), 1, Amber},
		{"H on floor", HigherBetter, 12, tf(15, 12), 1, Amber},
		{"H below floor", HigherBetter, 11.9, tf(15, 12), 1, Red},
		{"H shown equal to target", HigherBetter, 14.96, tf(15, 12), 1, Green},
		{"L met", LowerBetter, 9.5, tf(10, 12), 1, Green},
		{"L between", LowerBetter, 11.7, tf(10, 12), 1, Amber},
		{"L beyond floor", LowerBetter, 12.1, tf(10, 12), 1, Red},
		{"no target", HigherBetter, 50, Target{Floor: Float(10)}, 1, NoRAG},
		{"no floor", HigherBetter, 50, Target{Target: Float(10)}, 1, NoRAG},
		{"activity", PolarityNone, 50, tf(10, 12), 1, NoRAG},
		{"T within", NearTarget, 20.5, Target{Target: Float(20), Tolerance: Float(1)}, 1, Green},
		{"T amber", NearTarget, 18.2, Target{Target: Float(20), Tolerance: Float(1)}, 1, Amber},
		{"T red", NearTarget, 23, Target{Target: Float(20), Tolerance: Float(1)}, 1, Red},
		{"T without tolerance", NearTarget, 20, Target{Target: Float(20)}, 1, NoRAG},
	}
	for _, tt := range tests {
		if got := Rating(tt.pol, tt.v, tt.t, tt.dec); got != tt.want {
			t.Errorf("%s: Rating = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		name      string
		pol       Polarity
		prev, cur float64
		dec       int
		target    *float64
		want      DoT
		wantArrow Arrow
	}{
		{"H up", HigherBetter, 10, 11, 1, nil, Improved, Up},
		{"H down", HigherBetter, 11, 10, 1, nil, Worsened, Down},
		{"L up", LowerBetter, 10, 11, 1, nil, Worsened, Up},
		{"L down", LowerBetter, 11.7, 11.4, 1, nil, Improved, Down},
		{"same at precision", LowerBetter, 11.71, 11.74, 1, nil, Same, Across},
		{"visible at precision", LowerBetter, 11.74, 11.76, 1, nil, Worsened, Up},
		{"no polarity", PolarityNone, 10, 11, 0, nil, NoDoT, Up},
		{"T closer", NearTarget, 25, 22, 0, Float(20), Improved, Down},
		{"T further", NearTarget, 19, 17, 0, Float(20), Worsened, Down},
		{"T crossed, same distance", NearTarget, 18, 22, 0, Float(20), Same, Up},
		{"T without target", NearTarget, 18, 22, 0, nil, NoDoT, Up},
	}
	for _, tt := range tests {
		if got := Direction(tt.pol, tt.prev, tt.cur, tt.dec, tt.target); got != tt.want {
			t.Errorf("%s: Direction = %q, want %q", tt.name, got, tt.want)
		}
		if got := Movement(tt.prev, tt.cur, tt.dec); got != tt.wantArrow {
			t.Errorf("%s: Movement = %q, want %q", tt.name, got, tt.wantArrow)
		}
	}
}

func TestRoundTo(t *testing.T) {
	tests := []struct {
		v    float64
		d    int
		want float64
	}{
		{12.35, 1, 12.4},
		{12.345, 2, 12.35},
		{-12.35, 1, -12.4},
		{221.0 / 1896 * 100, 1, 11.7},
		{2.5, 0, 3},
		{1.005, 2, 1.01},
	}
	for _, tt := range tests {
		if got := RoundTo(tt.v, tt.d); got != tt.want {
			t.Errorf("RoundTo(%v, %d) = %v, want %v", tt.v, tt.d, got, tt.want)
		}
	}
}

// TestTargetFor: a profiled year's target applies its milestone for the
// month, else for the quarter; a district's own target and milestones
// apply to it, and a district without one takes the authority's.
func TestTargetFor(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	q := func(y, n int) Period { return Period{Kind: Quarter, Year: y, N: n} }
	tg := Target{Ref: "CIC05", Year: fy, Target: Float(10), Floor: Float(12), Levels: []Level{
		{Period: q(2025, 2), Target: Float(13)},                   // Q1 of 2025/26: Apr-Jun
		{Period: q(2025, 3), Target: Float(12), Floor: Float(14)}, // Q2: Jul-Sep
		{Period: MonthOf(2025, 8), Target: Float(11.5)},           // a monthly milestone within Q2
		{Area: "Swale", Target: Float(15), Floor: Float(18)},      // Swale's own year
		{Area: "Swale", Period: q(2025, 2), Target: Float(17)},    // and its Q1
	}}
	for _, tc := range []struct {
		area          Area
		p             Period
		target, floor float64
		from          Period
	}{
		{"", MonthOf(2025, 5), 13, 12, q(2025, 2)},
		{"", MonthOf(2025, 7), 12, 14, q(2025, 3)},
		{"", MonthOf(2025, 8), 11.5, 12, MonthOf(2025, 8)},
		{"", q(2025, 3), 12, 14, q(2025, 3)},
		{"", MonthOf(2025, 11), 10, 12, Period{}}, // Q3 has no milestone: the year's
		{"Kent", MonthOf(2025, 5), 13, 12, q(2025, 2)},
		{"Ashford", MonthOf(2025, 5), 13, 12, q(2025, 2)}, // no target of its own
		{"Swale", MonthOf(2025, 5), 17, 18, q(2025, 2)},
		{"Swale", MonthOf(2025, 7), 15, 18, Period{}}, // its own year, not the county's Q2
	} {
		got, from := tg.For(tc.area, tc.p)
		if *got.Target != tc.target || *got.Floor != tc.floor || from != tc.from || got.Levels != nil {
			t.Errorf("For(%q, %s) = %v/%v from %s, want %v/%v from %s", tc.area, tc.p, *got.Target, *got.Floor, from, tc.target, tc.floor, tc.from)
		}
	}
	// Without levels, the year's target as it is.
	plain := Target{Ref: "X", Year: fy, Target: Float(1), Floor: Float(2)}
	if got, from := plain.For("Swale", MonthOf(2025, 5)); *got.Target != 1 || !from.IsZero() {
		t.Errorf("an unprofiled target: %v from %s", *got.Target, from)
	}
}

// TestPow10AsMathPow: the table of powers gives what math.Pow does, so
// that rounding to places is the same whether the table or Pow answers.
func TestPow10AsMathPow(t *testing.T) {
	for d := -1; d <= 30; d++ {
		want := math.Pow(10, float64(max(d, 0)))
		if got := pow10(d); got != want {
			t.Errorf("pow10(%d) = %v, want %v", d, got, want)
		}
	}
}
