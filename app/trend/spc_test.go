package trend

import (
	"math"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// gap and suppressed stand, in a test series, for a month with no figure
// at all and a month whose figure is withheld as [c].
var (
	gap        = math.NaN()
	suppressed = math.Inf(1)
)

// monthly adds vals as the months from start of series k, holding
// indicator ind, and returns the history.
func monthly(ind app.Indicator, k app.SeriesKey, start app.Period, vals ...float64) *app.History {
	h := app.NewHistory()
	h.AddIndicator(ind)
	addMonths(h, k, start, vals...)
	return h
}

func addMonths(h *app.History, k app.SeriesKey, start app.Period, vals ...float64) {
	for i, v := range vals {
		o := app.Observation{Ref: k.Ref, Area: k.Area, Split: k.Split, Period: start.Add(i), Import: "I1"}
		switch {
		case math.IsNaN(v):
			continue
		case math.IsInf(v, 1):
			o.Status, o.Raw = app.Suppressed, "[c]"
		default:
			o.Value = app.Float(v)
		}
		h.Add(o)
	}
}

// classes writes each point's signal as a letter: c common, I special
// improving, C special concerning, S special, t too few points, - none.
func classes(pts []Point) string {
	var b strings.Builder
	for _, p := range pts {
		switch p.Signal {
		case Common:
			b.WriteByte('c')
		case SpecialImproving:
			b.WriteByte('I')
		case SpecialConcerning:
			b.WriteByte('C')
		case Special:
			b.WriteByte('S')
		case TooFewPoints:
			b.WriteByte('t')
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

var (
	cic05  = app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	kent   = app.SeriesKey{Ref: "CIC05", Area: app.Kent}
	apr24  = app.MonthOf(2024, 4)
	alt12  = []float64{9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11} // mean 10, mean moving range 2
	concat = func(parts ...[]float64) []float64 { return slices.Concat(parts...) }
)

// TestSignals checks the Making Data Count rules on hand-worked series.
// Each want has one letter per month (see classes).
func TestSignals(t *testing.T) {
	withPol := func(p app.Polarity) app.Indicator { ind := cic05; ind.Polarity = p; return ind }
	H, L, none := withPol(app.HigherBetter), withPol(app.LowerBetter), withPol(app.PolarityNone)
	tests := []struct {
		name     string
		ind      app.Indicator
		baseline int
		vals     []float64
		want     string
	}{
		// Mean 10, limits 10 ± 5.32: every point common.
		{"flat with noise", H, 0, alt12, "cccccccccccc"},
		// No moving range at all: the limits sit on the mean, nothing is beyond them,
		// and every point on the mean breaks any run.
		{"perfectly flat", H, 0, []float64{10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, "cccccccccccc"},
		// 6/17194 per 10k in every month: the float mean of 24 equal figures
		// lands a hair below them, which must not read as beyond the limit.
		{"flat at a repeating decimal", H, 0, repeat(6.0/17194*10000, 24), "cccccccccccccccccccccccc"},
		// Mean 131/12 = 10.92, mean moving range (9×2 + 2×13)/11 = 4, UCL 21.56.
		{"single outlier, higher better", H, 0, []float64{9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "cccccccIcccc"},
		{"single outlier, lower better", L, 0, []float64{9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "cccccccCcccc"},
		{"single outlier, no polarity", none, 0, []float64{9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "cccccccScccc"},
		// Mean 126.5/12 = 10.54: the last 7 points are above it.
		{"run of 7 above the mean", H, 0, []float64{8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5, 11}, "cccccIIIIIII"},
		{"run of 7 above the mean, lower better", L, 0, []float64{8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5, 11}, "cccccCCCCCCC"},
		// Mean 135.5/13 = 10.42: only the last 6 are above it.
		{"run of 6 is not a shift", H, 0, []float64{8, 12, 8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5}, "ccccccccccccc"},
		// Mean 10.63, limits 7.72 to 13.53: 9 up to 12 in 7 steps of 0.5.
		{"7-point trend", H, 0, []float64{10, 12, 10, 12, 10, 9, 9.5, 10, 10.5, 11, 11.5, 12}, "cccccIIIIIII"},
		{"7-point trend, lower better", L, 0, []float64{10, 12, 10, 12, 10, 9, 9.5, 10, 10.5, 11, 11.5, 12}, "cccccCCCCCCC"},
		{"7-point fall", H, 0, []float64{10, 8, 10, 8, 10, 11, 10.5, 10, 9.5, 9, 8.5, 8}, "cccccCCCCCCC"},
		{"6-point trend is not a trend", H, 0, []float64{10, 12, 10, 12, 10, 12, 9.5, 10, 10.5, 11, 11.5, 12}, "cccccccccccc"},
		// The baseline's mean is 10; the 7 after it sit above.
		{"shift after a baseline", H, 12, concat(alt12, []float64{10.5, 11, 10.5, 11, 10.5, 11, 10.5}), "cccccccccccIIIIIIII"},
		// Over all 19 points the mean is 195/19 = 10.26 and the run starts at the last 11 of the baseline.
		{"shift inside an all-points baseline", H, 0, concat(alt12, []float64{10.5, 11, 10.5, 11, 10.5, 11, 10.5}), "cccccccccccIIIIIIII"},
		// A point exactly on the mean (10) ends the run at 4; 3 follow.
		{"tie on the mean breaks a run", H, 12, concat(alt12, []float64{11, 11, 11, 10, 11, 11, 11}), "ccccccccccccccccccc"},
		{"no tie, a run", H, 12, concat(alt12, []float64{11, 11, 11, 10.5, 11, 11, 11}), "cccccccccccIIIIIIII"},
		// Two-thirds of the way to the upper limit is 13.55.
		{"2 of 3 near the upper limit", H, 12, concat(alt12, []float64{14, 10, 14}), "ccccccccccccIcI"},
		{"1 of 3 near the limit", H, 12, concat(alt12, []float64{14, 10, 9}), "ccccccccccccccc"},
		{"2 of 3 near the lower limit", H, 12, concat(alt12, []float64{6, 6, 10}), "ccccccccccccCCc"},
		// A missing month ends the run of 4; 4 more follow it.
		{"gap breaks a run", H, 12, concat(alt12, []float64{11, 11, 11, gap, 11, 11, 11, 11}), "ccccccccccccccc-cccc"},
		{"no gap, a run", H, 12, concat(alt12, []float64{11, 11, 11, 11, 11, 11, 11, 11}), "cccccccccccIIIIIIIII"},
		{"withheld figure breaks a run", H, 12, concat(alt12, []float64{11, 11, 11, suppressed, 11, 11, 11, 11}), "ccccccccccccccc-cccc"},
		{"gap breaks a trend", H, 0, []float64{10, 12, 10, 12, 10, 9, 9.5, 10, gap, 10.5, 11, 11.5, 12}, "cccccccc-cccc"},
		{"fewer than 12 points", H, 0, alt12[:11], "ttttttttttt"},
		// 12 months but one withheld: 11 figures are too few.
		{"11 figures and a [c]", H, 0, concat(alt12[:6], []float64{suppressed}, alt12[6:11]), "tttttt-ttttt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, kent, apr24, tt.vals...)
			got := classes(Analyse(h, kent, Options{Baseline: tt.baseline}))
			if got != tt.want {
				t.Errorf("signals\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestLimits checks the centre line and limits, and that a missing month
// is not bridged in the moving ranges.
func TestLimits(t *testing.T) {
	tests := []struct {
		name                string
		vals                []float64
		mean, upper, lower  float64
		unit                app.Unit
		wantMean, wantRange float64
	}{
		// Moving ranges 1 on either side of the gap; bridged, 11 -> 20 would add 9.
		{name: "gap not bridged", vals: []float64{10, 11, 10, 11, 10, 11, gap, 20, 21, 20, 21, 20, 21, 20},
			unit: app.Number, wantMean: 206.0 / 13, wantRange: 1},
		{name: "withheld figure is not zero", vals: concat(alt12[:6], []float64{suppressed}, alt12[6:]),
			unit: app.Number, wantMean: 10, wantRange: 2},
		{name: "alternating", vals: alt12, unit: app.Number, wantMean: 10, wantRange: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := cic05
			ind.Unit = tt.unit
			pts := Analyse(monthly(ind, kent, apr24, tt.vals...), kent, Options{})
			p := pts[len(pts)-1]
			c := p.Chart
			if c == nil {
				t.Fatalf("no chart (signal %q)", p.Signal)
			}
			wantUpper, wantLower := tt.wantMean+2.66*tt.wantRange, max(tt.wantMean-2.66*tt.wantRange, 0)
			if !near(c.Mean, tt.wantMean) || !near(c.Upper, wantUpper) || !near(c.Lower, wantLower) {
				t.Errorf("mean %v limits %v to %v, want %v, %v to %v", c.Mean, c.Lower, c.Upper, tt.wantMean, wantLower, wantUpper)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*max(1, math.Abs(b)) }

// TestNaturalLimits checks that a percentage's limits stay within 0-100.
func TestNaturalLimits(t *testing.T) {
	pts := Analyse(monthly(cic05, kent, apr24, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9), kent, Options{})
	if c := pts[0].Chart; c.Lower != 0 || !near(c.Upper, 5+2.66*8) {
		t.Errorf("limits %v to %v, want 0 to %v", c.Lower, c.Upper, 5+2.66*8)
	}
}

// TestNearTargetSignals checks that a special cause of a "stay close to
// target" indicator is judged by whether it moves towards the target.
func TestNearTargetSignals(t *testing.T) {
	ind := cic05
	ind.Polarity = app.NearTarget
	vals := []float64{9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11} // mean 10.92
	tests := []struct {
		target float64
		want   string
	}{
		{10, "cccccccCcccc"},
		{30, "cccccccIcccc"},
	}
	for _, tt := range tests {
		h := monthly(ind, kent, apr24, vals...)
		h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(tt.target), Tolerance: app.Float(1)})
		if got := classes(Analyse(h, kent, Options{})); got != tt.want {
			t.Errorf("target %v: signals %s, want %s", tt.target, got, tt.want)
		}
	}
}

// TestAssurance places targets against limits of 4.68 to 15.32 (mean 10).
func TestAssurance(t *testing.T) {
	f := app.Float
	tests := []struct {
		name string
		pol  app.Polarity
		t    app.Target
		want Assurance
	}{
		{"H target below the lower limit", app.HigherBetter, app.Target{Target: f(4), Floor: f(2)}, ConsistentlyMet},
		{"H target above the upper limit", app.HigherBetter, app.Target{Target: f(16), Floor: f(12)}, ConsistentlyMiss},
		{"H target within", app.HigherBetter, app.Target{Target: f(10), Floor: f(8)}, HitAndMiss},
		{"L target above the upper limit", app.LowerBetter, app.Target{Target: f(16), Floor: f(18)}, ConsistentlyMet},
		{"L target below the lower limit", app.LowerBetter, app.Target{Target: f(4), Floor: f(6)}, ConsistentlyMiss},
		{"T band holds the limits", app.NearTarget, app.Target{Target: f(10), Tolerance: f(6)}, ConsistentlyMet},
		{"T band within the limits", app.NearTarget, app.Target{Target: f(10), Tolerance: f(1)}, HitAndMiss},
		{"T band beyond the limits", app.NearTarget, app.Target{Target: f(30), Tolerance: f(1)}, ConsistentlyMiss},
		{"no target", app.HigherBetter, app.Target{}, NoAssurance},
		{"no polarity", app.PolarityNone, app.Target{Target: f(4)}, NoAssurance},
	}
	for _, tt := range tests {
		ind := cic05
		ind.Polarity = tt.pol
		h := monthly(ind, kent, apr24, alt12...)
		tt.t.Ref, tt.t.Year = "CIC05", app.Period{Kind: app.FinancialYear, Year: 2024}
		h.AddTarget(tt.t)
		pts := Analyse(h, kent, Options{})
		if got := pts[len(pts)-1].Assurance; got != tt.want {
			t.Errorf("%s: assurance %q, want %q", tt.name, got, tt.want)
		}
	}
}

func repeat(v float64, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}
