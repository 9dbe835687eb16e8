package benchmark

import (
	"math"
	"slices"
	"testing"

	"scorecard/app"
)

func TestRank(t *testing.T) {
	// Re-referral rates (%), lower is better, with ties as DfE tables
	// publish them to one decimal place.
	values := []float64{22.6, 18.1, 18.1, 25.0, 30.2, 18.1, 21.0}
	tests := []struct {
		name string
		v    float64
		p    app.Polarity
		want int
		ok   bool
	}{
		{"best, lower is better", 18.1, app.LowerBetter, 1, true},
		{"after a three-way tie", 21.0, app.LowerBetter, 4, true},
		{"worst, lower is better", 30.2, app.LowerBetter, 7, true},
		{"best, higher is better", 30.2, app.HigherBetter, 1, true},
		{"three-way tie, higher is better", 18.1, app.HigherBetter, 5, true},
		{"activity indicator", 22.6, app.PolarityNone, 0, false},
		{"near target", 22.6, app.NearTarget, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Rank(values, tt.v, tt.p)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Rank(%v, %v) = %d, %v; want %d, %v", tt.v, tt.p, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestQuartile(t *testing.T) {
	tests := []struct {
		rank, outOf int
		want        string
	}{
		{1, 152, "A"}, {38, 152, "A"}, {39, 152, "B"}, {76, 152, "B"},
		{77, 152, "C"}, {114, 152, "C"}, {115, 152, "D"}, {152, 152, "D"},
		{104, 151, "C"}, {114, 151, "C"}, {115, 151, "D"},
		{1, 1, "A"}, {1, 3, "A"}, {2, 3, "B"}, {3, 3, "C"}, {4, 4, "D"},
		{0, 152, ""}, {153, 152, ""}, {1, 0, ""},
	}
	for _, tt := range tests {
		if got := Quartile(tt.rank, tt.outOf); got != tt.want {
			t.Errorf("Quartile(%d, %d) = %q, want %q", tt.rank, tt.outOf, got, tt.want)
		}
	}
}

func TestMeanMedian(t *testing.T) {
	tests := []struct {
		xs           []float64
		mean, median float64
	}{
		{[]float64{5, 8, 9, 10, 11, 11, 11, 14, 14, 18}, 11.1, 11},
		{[]float64{14, 9, 11}, 34.0 / 3, 11},
		{[]float64{7}, 7, 7},
		{[]float64{10, 12}, 11, 11},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.xs)
		if got := Mean(tt.xs); math.Abs(got-tt.mean) > 1e-9 {
			t.Errorf("Mean(%v) = %v, want %v", tt.xs, got, tt.mean)
		}
		if got := Median(tt.xs); got != tt.median {
			t.Errorf("Median(%v) = %v, want %v", tt.xs, got, tt.median)
		}
		if !slices.Equal(in, tt.xs) {
			t.Errorf("Median reordered its input: %v", tt.xs)
		}
	}
	if !math.IsNaN(Mean(nil)) || !math.IsNaN(Median(nil)) {
		t.Error("mean or median of nothing is a number")
	}
}

func TestCompare(t *testing.T) {
	figures := []Figure{
		{Codes: []string{"886"}, Name: "Kent", Value: 12},
		{Codes: []string{"881"}, Name: "Essex", Value: 9},
		{Codes: []string{"845"}, Name: "East Sussex", Value: 14},
		{Codes: []string{"940", "941"}, Name: "North Northamptonshire / West Northamptonshire", Value: 11},
		{Codes: []string{"302"}, Name: "Barnet", Value: 12},
	}
	tests := []struct {
		name       string
		p          app.Polarity
		neighbours []string
		rank       int
		quartile   string
		mean       float64
		n          int
		missing    []string
	}{
		{"lower is better, tie with Barnet", app.LowerBetter, []string{"881", "845"}, 3, "B", 11.5, 2, nil},
		{"higher is better", app.HigherBetter, []string{"881", "845"}, 2, "A", 11.5, 2, nil},
		{"merged row counted once", app.LowerBetter, []string{"940", "941", "881"}, 3, "B", 10, 2, nil},
		{"defunct or suppressed neighbour", app.LowerBetter, []string{"881", "835"}, 3, "B", 9, 1, []string{"835"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(figures, "886", tt.p, tt.neighbours)
			if c.Rank != tt.rank || c.OutOf != 5 || c.Quartile != tt.quartile {
				t.Errorf("rank %d of %d band %q, want %d of 5 band %q", c.Rank, c.OutOf, c.Quartile, tt.rank, tt.quartile)
			}
			if c.NeighbourMean == nil || *c.NeighbourMean != tt.mean || c.Neighbours != tt.n {
				t.Errorf("neighbour mean %v of %d, want %v of %d", c.NeighbourMean, c.Neighbours, tt.mean, tt.n)
			}
			if !slices.Equal(c.Missing, tt.missing) {
				t.Errorf("missing %v, want %v", c.Missing, tt.missing)
			}
		})
	}
	c := Compare(figures, "886", app.LowerBetter, []string{"999"})
	if c.NeighbourMean != nil || c.NeighbourMedian != nil {
		t.Errorf("averaged neighbours none of whom has a figure: %v", *c.NeighbourMean)
	}
	if c := Compare(figures[1:], "886", app.LowerBetter, nil); c.Rank != 0 || c.Quartile != "" {
		t.Errorf("ranked Kent without a Kent figure: %d %q", c.Rank, c.Quartile)
	}
}

func TestModelNeighboursOf(t *testing.T) {
	m := &Model{Year: "2025", Groups: map[string][]Neighbour{
		"886": {{Code: "881", Closeness: "Very close"}, {Code: "845", Closeness: "Very close"}},
	}}
	if got := m.NeighboursOf("886"); !slices.Equal(got, []string{"881", "845"}) {
		t.Errorf("NeighboursOf(886) = %v", got)
	}
	if got := m.NeighboursOf("999"); got != nil {
		t.Errorf("NeighboursOf(999) = %v, want nil", got)
	}
	var none *Model
	if got := none.NeighboursOf("886"); got != nil {
		t.Errorf("nil model gave neighbours %v", got)
	}
}

// TestNamed checks that output showing a benchmark's group names the
// store's own authority for its rank, as Label does, rather than the
// stored key, which names Kent whatever the store's authority.
func TestNamed(t *testing.T) {
	y := app.Period{Kind: app.FinancialYear, Year: 2024}
	stored := []app.Benchmark{
		{Ref: "CIC05", Period: y, Group: England, Value: app.Float(11)},
		{Ref: "CIC05", Period: y, Group: HomeRank, Value: app.Float(14), Rank: 133, OutOf: 151, Quartile: "D"},
		{Ref: "CIC05", Period: y, Group: NeighbourMean, Value: app.Float(10.5), Model: "2025"},
	}
	for _, tc := range []struct {
		auth string
		want []string
	}{
		{"Medway", []string{"England", "Medway (rank among authorities)", NeighbourMean}},
		{"Kent", []string{"England", "Kent (rank among authorities)", NeighbourMean}},
		{"Lancashire", []string{"England", "Lancashire (rank among authorities)", NeighbourMean}},
	} {
		auth, ok := app.LookupAuthority(tc.auth)
		if !ok {
			t.Fatalf("no authority %s", tc.auth)
		}
		got := Named(stored, auth)
		for i, b := range got {
			if b.Group != tc.want[i] {
				t.Errorf("%s: group %d = %q, want %q", tc.auth, i, b.Group, tc.want[i])
			}
			if l := Label(b, auth); l != Label(stored[i], auth) {
				t.Errorf("%s: Label of named %q = %q, want the stored one's %q", tc.auth, b.Group, l, Label(stored[i], auth))
			}
		}
	}
	if stored[1].Group != HomeRank {
		t.Errorf("Named changed its argument: %q", stored[1].Group)
	}
}
