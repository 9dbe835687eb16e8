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

// base13 is the least baseline a chart takes: mean 10, mean moving range
// 23/12, so limits 10 ± 5.098 (4.902 to 15.098) and two-thirds of the way
// to them 10 ± 3.399 (6.601 to 13.399).
var base13 = concat([]float64{10}, alt12)

// TestSignals checks the Making Data Count rules on hand-worked series.
// Each want has one letter per month (see classes). Where a case differs
// from the rules before issue 16, its comment says so: each of those
// fails on the old code.
func TestSignals(t *testing.T) {
	withPol := func(p app.Polarity) app.Indicator { ind := cic05; ind.Polarity = p; return ind }
	H, L, none := withPol(app.HigherBetter), withPol(app.LowerBetter), withPol(app.PolarityNone)
	H0 := H
	H0.Decimals = 0 // a tidy CSV with no decimals column
	tests := []struct {
		name     string
		ind      app.Indicator
		baseline int
		vals     []float64
		want     string
	}{
		// Mean 10, limits 10 ± 5.098: every point common.
		{"flat with noise", H, 0, base13, "ccccccccccccc"},
		// No moving range at all: the limits sit on the mean, nothing is beyond them,
		// and every point on the mean breaks any run.
		{"perfectly flat", H, 0, repeat(10, 13), "ccccccccccccc"},
		// 6/17194 per 10k in every month: the float mean of 24 equal figures
		// lands a hair below them, which must not read as beyond the limit.
		{"flat at a repeating decimal", H, 0, repeat(6.0/17194*10000, 24), "cccccccccccccccccccccccc"},
		// Mean 141/13 = 10.85, mean moving range (1 + 9×2 + 2×13)/12 = 3.75, UCL 20.82.
		{"single outlier, higher better", H, 0, []float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "ccccccccIcccc"},
		{"single outlier, lower better", L, 0, []float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "ccccccccCcccc"},
		{"single outlier, no polarity", none, 0, []float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, "ccccccccScccc"},
		// Mean 136.5/13 = 10.5: the last 7 points are above it.
		{"run of 7 above the mean", H, 0, []float64{10, 8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5, 11}, "ccccccIIIIIII"},
		{"run of 7 above the mean, lower better", L, 0, []float64{10, 8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5, 11}, "ccccccCCCCCCC"},
		// Mean 135.5/13 = 10.42: only the last 6 are above it.
		{"run of 6 is not a shift", H, 0, []float64{8, 12, 8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5}, "ccccccccccccc"},
		// Mean 139.5/13 = 10.73, limits 7.63 to 13.83: 9 up to 12 in 6 steps of 0.5.
		{"7-point trend", H, 0, []float64{12, 10, 12, 10, 12, 10, 9, 9.5, 10, 10.5, 11, 11.5, 12}, "ccccccIIIIIII"},
		{"7-point trend, lower better", L, 0, []float64{12, 10, 12, 10, 12, 10, 9, 9.5, 10, 10.5, 11, 11.5, 12}, "ccccccCCCCCCC"},
		{"7-point fall", H, 0, []float64{8, 10, 8, 10, 8, 10, 11, 10.5, 10, 9.5, 9, 8.5, 8}, "ccccccCCCCCCC"},
		{"6-point trend is not a trend", H, 0, []float64{12, 10, 12, 10, 12, 10, 12, 9.5, 10, 10.5, 11, 11.5, 12}, "ccccccccccccc"},
		// Was missed: the trend was judged at the displayed precision, where
		// 49.80, 49.84 show as 49.8, 49.8. Mean 49.98, limits 49.57 to 50.39;
		// 49.9 and the first five rising are 6 below the mean, not a run.
		{"trend in the raw figures", H, 0, []float64{50.2, 49.9, 50.2, 49.9, 50.2, 49.9, 49.80, 49.84, 49.88, 49.92, 49.96, 50.00, 50.04}, "ccccccIIIIIII"},
		// Was missed: at 0 decimals 23.1 and 23.4 both show as 23.
		{"trend in the raw figures, 0 dp", H0, 0, []float64{25, 23, 25, 23, 25, 23, 22.8, 23.1, 23.4, 23.7, 24.0, 24.2, 24.4}, "ccccccIIIIIII"},
		// The baseline's mean is 10; its last figure and the 7 after it sit above.
		{"shift after a baseline", H, 13, concat(base13, []float64{10.5, 11, 10.5, 11, 10.5, 11, 10.5}), "ccccccccccccIIIIIIII"},
		// Over all 20 points the mean is 205.5/20 = 10.28 and the run starts at the last of base13.
		{"shift inside an all-points baseline", H, 0, concat(base13, []float64{10.5, 11, 10.5, 11, 10.5, 11, 10.5}), "ccccccccccccIIIIIIII"},
		// A point exactly on the mean (10) ends the run at 4; 3 follow.
		{"tie on the mean breaks a run", H, 13, concat(base13, []float64{11, 11, 11, 10, 11, 11, 11}), "cccccccccccccccccccc"},
		{"no tie, a run", H, 13, concat(base13, []float64{11, 11, 11, 10.5, 11, 11, 11}), "ccccccccccccIIIIIIII"},
		// Two-thirds of the way to the upper limit is 13.399.
		{"2 of 3 near the upper limit", H, 13, concat(base13, []float64{14, 10.5, 14}), "cccccccccccccIcI"},
		// Was flagged: the middle point is below the mean (the issue's
		// 57.9, 48.8, 57.9 around 50.6).
		{"2 of 3 near, one across the mean", H, 13, concat(base13, []float64{14, 9, 14}), "cccccccccccccccc"},
		// Was flagged: a point on the mean is on neither side.
		{"2 of 3 near, one on the mean", H, 13, concat(base13, []float64{14, 10, 14}), "cccccccccccccccc"},
		{"1 of 3 near the limit", H, 13, concat(base13, []float64{14, 10, 9}), "cccccccccccccccc"},
		{"2 of 3 near the lower limit", H, 13, concat(base13, []float64{6, 6, 9}), "cccccccccccccCCc"},
		// 16 is beyond the limit and counts as near: 14 beside it is flagged.
		{"2 of 3 with one beyond the limit", H, 13, concat(base13, []float64{16, 14, 11}), "cccccccccccccIIc"},
		// Was all concerning: 4 is below the lower limit, and the 7 are a
		// run below the mean, but they are also 7 rising: improvement wins.
		{"improvement wins, higher better", H, 13, concat(base13, []float64{4, 6, 7, 8, 9, 9.5, 9.8}), "cccccccccccccIIIIIII"},
		{"improvement wins, lower better", L, 13, concat(base13, []float64{4, 6, 7, 8, 9, 9.5, 9.8}), "cccccccccccccIIIIIII"},
		{"both ways, no polarity", none, 13, concat(base13, []float64{4, 6, 7, 8, 9, 9.5, 9.8}), "cccccccccccccSSSSSSS"},
		// Was broken: a missing month is skipped, so the last of base13, 3 and 4 make a run of 8.
		{"run continues past a gap", H, 13, concat(base13, []float64{11, 11, 11, gap, 11, 11, 11, 11}), "ccccccccccccIIII-IIII"},
		{"no gap, a run", H, 13, concat(base13, []float64{11, 11, 11, 11, 11, 11, 11, 11}), "ccccccccccccIIIIIIIII"},
		{"run continues past a withheld figure", H, 13, concat(base13, []float64{11, 11, 11, suppressed, 11, 11, 11, 11}), "ccccccccccccIIII-IIII"},
		{"gap alone is no run", H, 13, concat(base13, []float64{11, 11, gap, 11, 11, 9}), "ccccccccccccccc-ccc"},
		// Was broken: 9 up to 12 across a missing month is still 7 rising.
		{"trend continues past a gap", H, 0, []float64{12, 10, 12, 10, 12, 10, 9, 9.5, 10, gap, 10.5, 11, 11.5, 12}, "ccccccIII-IIII"},
		// Was charted: 12 figures now are too few.
		{"12 figures", H, 0, alt12, "tttttttttttt"},
		{"12 figures and a [c]", H, 0, concat(base13[:6], []float64{suppressed}, base13[6:12]), "tttttt-tttttt"},
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
		// 6 moving ranges before the [c] (1 + 5×2) and 5 after (5×2).
		{name: "withheld figure is not zero", vals: concat(base13[:7], []float64{suppressed}, base13[7:]),
			unit: app.Number, wantMean: 10, wantRange: 21.0 / 11},
		{name: "alternating", vals: base13, unit: app.Number, wantMean: 10, wantRange: 23.0 / 12},
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
	pts := Analyse(monthly(cic05, kent, apr24, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1), kent, Options{})
	if c := pts[0].Chart; c.Lower != 0 || !near(c.Upper, 61.0/13+2.66*8) {
		t.Errorf("limits %v to %v, want 0 to %v", c.Lower, c.Upper, 61.0/13+2.66*8)
	}
}

// TestNearTargetSignals checks that a special cause of a "stay close to
// target" indicator is judged by whether it moves towards the target.
func TestNearTargetSignals(t *testing.T) {
	ind := cic05
	ind.Polarity = app.NearTarget
	vals := []float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11} // mean 10.85
	tests := []struct {
		target float64
		want   string
	}{
		{10, "ccccccccCcccc"},
		{30, "ccccccccIcccc"},
	}
	for _, tt := range tests {
		h := monthly(ind, kent, apr24, vals...)
		h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(tt.target), Tolerance: app.Float(1)})
		if got := classes(Analyse(h, kent, Options{})); got != tt.want {
			t.Errorf("target %v: signals %s, want %s", tt.target, got, tt.want)
		}
	}
}

// TestAssurance places targets against limits of 4.902 to 15.098 (base13).
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
		h := monthly(ind, kent, apr24, base13...)
		tt.t.Ref = "CIC05"
		for _, y := range []int{2024, 2025} { // base13 runs into Apr-25
			tt.t.Year = app.Period{Kind: app.FinancialYear, Year: y}
			h.AddTarget(tt.t)
		}
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
