package app

import "testing"

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
