package trend

import (
	"encoding/json"
	"strings"
	"testing"

	"scorecard/app"
)

// TestVariationIcons checks the icon and reading of one point of each
// hand-worked series of TestSignals.
func TestVariationIcons(t *testing.T) {
	withPol := func(p app.Polarity) app.Indicator { ind := cic05; ind.Polarity = p; return ind }
	H, L, none := withPol(app.HigherBetter), withPol(app.LowerBetter), withPol(app.PolarityNone)
	outlier := []float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}
	tests := []struct {
		name     string
		ind      app.Indicator
		baseline int
		vals     []float64
		at       int
		want     Variation
		reading  string
	}{
		{"common cause", H, 0, base13, 12, CommonCause, "No significant change: the ups and downs are normal for this measure"},
		{"too few points", H, 0, alt12, 11, NoVariation, "Too few points for SPC (13 needed)"},
		// base13's last figure (11) and the 7 after it.
		{"run of 8 above", H, 13, concat(base13, repeat(11, 7)), 19, ImprovementHigh, "Improving: 8 months in a row above the average"},
		{"run of 8 above, lower better", L, 13, concat(base13, repeat(11, 7)), 19, ConcernHigh, "Concerning: 8 months in a row above the average"},
		{"run of 9 below, no polarity", none, 13, concat(base13[:12], repeat(9, 8)), 19, NeitherLow, "Lower than usual: 9 months in a row below the average"},
		{"run across a gap", H, 13, concat(base13, []float64{11, 11, 11, gap, 11, 11, 11, 11}), 20, ImprovementHigh, "Improving: 8 months in a row above the average"},
		{"trend", H, 0, []float64{12, 10, 12, 10, 12, 10, 9, 9.5, 10, 10.5, 11, 11.5, 12}, 12, ImprovementHigh, "Improving: 7 months in a row rising"},
		{"fall", H, 0, []float64{8, 10, 8, 10, 8, 10, 11, 10.5, 10, 9.5, 9, 8.5, 8}, 12, ConcernLow, "Concerning: 7 months in a row falling"},
		{"beyond the upper limit", H, 0, outlier, 8, ImprovementHigh, "Improving: above the upper process limit"},
		{"beyond the upper limit, lower better", L, 0, outlier, 8, ConcernHigh, "Concerning: above the upper process limit"},
		{"beyond the upper limit, no polarity", none, 0, outlier, 8, NeitherHigh, "Higher than usual: above the upper process limit"},
		{"2 of 3 low", H, 13, concat(base13, []float64{6, 6, 9}), 14, ConcernLow, "Concerning: 2 of 3 months in a row close to the lower process limit"},
		// Below the lower limit and rising for 7: improvement wins, and says why.
		{"improvement wins", H, 13, concat(base13, []float64{4, 6, 7, 8, 9, 9.5, 9.8}), 13, ImprovementHigh, "Improving: 7 months in a row rising"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, kent, apr24, tt.vals...)
			p := Analyse(h, kent, Options{Baseline: tt.baseline})[tt.at]
			if p.Variation != tt.want || p.VariationReading != tt.reading {
				t.Errorf("%s: %q %q, want %q %q", p.Period, p.Variation, p.VariationReading, tt.want, tt.reading)
			}
		})
	}
}

// TestIconsJSON checks that show --json carries the icons' names.
func TestIconsJSON(t *testing.T) {
	ind := cic05
	ind.Polarity = app.HigherBetter
	h := monthly(ind, kent, apr24, concat(base13, repeat(11, 7))...)
	for _, y := range []int{2024, 2025} {
		// Limits 4.90 to 15.10 sit above a target of 4: consistently passing.
		h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(4), Floor: app.Float(2)})
	}
	pts := Analyse(h, kent, Options{Baseline: 13})
	b, err := json.Marshal(pts[len(pts)-1])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"variation":"improvement-high"`, `"assurance":"consistent-pass"`,
		`"variation_reading":"Improving: 8 months in a row above the average"`, `"assurance_reading":"Will reliably hit the target"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("no %s in %s", want, b)
		}
	}
	var back Point
	if err := json.Unmarshal(b, &back); err != nil || back.Variation != ImprovementHigh || back.Assurance != ConsistentlyMet {
		t.Errorf("read back %q %q, %v", back.Variation, back.Assurance, err)
	}
}
