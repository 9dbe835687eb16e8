package trend

import (
	"math"
	"testing"

	"scorecard/app"
)

// cic11 is the demo's change in children in care since the same month
// last year, Nov-24 to Oct-26: a signed count, negative when numbers fell.
var cic11 = []float64{-7, -8, -1, -15, -28, -30, -32, -16, -35, -21, -23, -32, -31, -17, -20, -5, -12, -6, -18, -2, -2, -6, -9, 0}

// TestSignedLimits checks that a measure that can fall below zero keeps
// the XmR limits NHSRplotthedots gives (mean ± 2.66 × mean moving range,
// worked by hand below), while a count that cannot still has its lower
// limit cut to 0. Before the fix every row with negative figures or a
// signed name had its lower limit cut to 0: CIC11's sat above its mean,
// and 23 of its 24 months were special cause.
func TestSignedLimits(t *testing.T) {
	const change = "Change in children in care since the same month last year"
	nov24 := app.MonthOf(2024, 11)
	// CIC11 over 24 months: sum -376, mean -15.667; 23 moving ranges summing
	// to 189, mean 8.2174; limits -15.667 ± 21.858.
	all := [3]float64{-376.0 / 24, -376.0/24 - 2.66*189/23, -376.0/24 + 2.66*189/23}
	// To Sep-26: sum -376 over 23, moving ranges 180 over 22.
	sep := [3]float64{-376.0 / 23, -376.0/23 - 2.66*180/22, -376.0/23 + 2.66*180/22}
	// A small positive count: 13 figures alternating 2 and 8, sum 62, mean
	// 4.769; 12 moving ranges of 6; lower 4.769 - 15.96 < 0, cut to 0.
	small := []float64{2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2}
	smallLimits := [3]float64{62.0 / 13, 0, 62.0/13 + 2.66*6}
	// The same, as a signed measure: not cut.
	smallSigned := [3]float64{62.0 / 13, 62.0/13 - 2.66*6, 62.0/13 + 2.66*6}
	// Percentage points, 1 and 9 alternating: 61/13 ± 21.28, cut to -100
	// only as a signed measure, to 0 as a share.
	pp := []float64{1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1}
	// A percentage of plan above 100: 13 figures, 98 and 110 alternating,
	// sum 1346 (mean 103.538), moving ranges 12; the upper limit is not cut
	// to 100, nor to 110: a figure past 100 shows there is no ceiling.
	// small with a keyed -2 for its first figure.
	oneNeg := append([]float64{-2}, small[1:]...)
	plan := []float64{98, 110, 98, 110, 98, 110, 98, 110, 98, 110, 98, 110, 98}

	tests := []struct {
		name  string
		ind   app.Indicator
		vals  []float64
		until app.Period
		want  [3]float64 // mean, lower, upper
		// signals of the last point, in classes' letters
		last string
	}{
		{"CIC11 by its name, all months", app.Indicator{Name: change, Unit: app.Number}, cic11, app.Period{}, all, "c"},
		{"CIC11 to Sep-26: -9 is common cause", app.Indicator{Name: change, Unit: app.Number}, cic11, app.MonthOf(2026, 9), sep, "c"},
		{"negative figures, whatever the name", app.Indicator{Name: "Children in care, year on year", Unit: app.Number}, cic11, app.Period{}, all, "c"},
		{"guidance says negative", app.Indicator{Name: "Children in care, year on year", Unit: app.Number,
			Guidance: "Children in care less those a year earlier; negative figures mean numbers have fallen."}, small, app.Period{}, smallSigned, "c"},
		{"count of children: cut at 0", app.Indicator{Name: "Number of children in care", Unit: app.Number}, small, app.Period{}, smallLimits, "c"},
		{"count of changes of social worker: cut at 0", app.Indicator{Name: "Number of children with a change of social worker", Unit: app.Number}, small, app.Period{}, smallLimits, "c"},
		{"a signed name, no negative figure yet", app.Indicator{Name: "Net gain of foster carers", Unit: app.Number}, small, app.Period{}, smallSigned, "c"},
		{"days: cut at 0", app.Indicator{Name: "Average days to adoption", Unit: app.Days}, small, app.Period{}, smallLimits, "c"},
		{"share: cut at 0", app.Indicator{Name: "Care leavers in education (%)", Unit: app.Percent}, pp, app.Period{}, [3]float64{61.0 / 13, 0, 61.0/13 + 2.66*8}, "c"},
		{"percentage point change: not cut at 0", app.Indicator{Name: "Change in care leavers in education (pp)", Unit: app.Percent}, pp, app.Period{},
			[3]float64{61.0 / 13, 61.0/13 - 2.66*8, 61.0/13 + 2.66*8}, "c"},
		// QA18b R3: counts and shares of children whose names or guidance
		// only looked signed. Before the fix G01's lower limit was
		// 61/13 - 21.28 = -16.59 and G02's 62/13 - 15.96 = -11.19.
		{"G01 change of placement (%): cut at 0", app.Indicator{Name: "Children in care: change of placement in the last 12 months (%)", Unit: app.Percent},
			pp, app.Period{}, [3]float64{61.0 / 13, 0, 61.0/13 + 2.66*8}, "c"},
		{"G02 change of social worker (children): cut at 0", app.Indicator{Name: "Change of social worker in the last 6 months (children)", Unit: app.Number},
			small, app.Period{}, smallLimits, "c"},
		{"G05 a rise is negative for children: cut at 0", app.Indicator{Name: "Children missing from care episodes", Unit: app.Number,
			Guidance: "Count of missing episodes in the month. A rise is negative for children."}, small, app.Period{}, smallLimits, "c"},
		{"G06 a fall is negative: cut at 0", app.Indicator{Name: "Children in care placed with in-house foster carers (%)", Unit: app.Percent,
			Guidance: "Numerator over denominator; a fall is negative."}, pp, app.Period{}, [3]float64{61.0 / 13, 0, 61.0/13 + 2.66*8}, "c"},
		// One negative figure (a keying error) in a count: -2 then 8, 2
		// alternating, sum 58 (mean 4.4615); moving ranges 10 then eleven of
		// 6, 76 over 12 (6.3333); lower 4.4615 - 16.847 < 0, cut to 0.
		{"one negative figure in a count: cut at 0", app.Indicator{Name: "Children in care, year on year", Unit: app.Number},
			oneNeg, app.Period{}, [3]float64{58.0 / 13, 0, 58.0/13 + 2.66*76/12}, "c"},
		{"one negative figure in a number of children: cut at 0", app.Indicator{Name: "Number of children in care", Unit: app.Number},
			oneNeg, app.Period{}, [3]float64{58.0 / 13, 0, 58.0/13 + 2.66*76/12}, "c"},
		{"percentage of plan past 100", app.Indicator{Name: "Reviews held against plan (%)", Unit: app.Percent}, plan, app.Period{},
			[3]float64{1346.0 / 13, 1346.0/13 - 2.66*12, 1346.0/13 + 2.66*12}, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := tt.ind
			ind.Ref = "CIC11"
			k := app.SeriesKey{Ref: "CIC11", Area: app.Kent}
			pts := Analyse(monthly(ind, k, nov24, tt.vals...), k, Options{Until: tt.until})
			p := pts[len(pts)-1]
			c := p.Chart
			if c == nil {
				t.Fatalf("no chart (signal %q)", p.Signal)
			}
			if !near(c.Mean, tt.want[0]) || !near(c.Lower, tt.want[1]) || !near(c.Upper, tt.want[2]) {
				t.Errorf("mean %v limits %v to %v, want %v, %v to %v", c.Mean, c.Lower, c.Upper, tt.want[0], tt.want[1], tt.want[2])
			}
			if c.Lower > c.Mean || c.Upper < c.Mean {
				t.Errorf("a limit on the far side of the mean: %v, %v to %v", c.Mean, c.Lower, c.Upper)
			}
			if got := classes(pts[len(pts)-1:]); got != tt.last {
				t.Errorf("last point %q (%s), want %q", got, p.Rule, tt.last)
			}
		})
	}
}

// TestCIC11Signals checks the demo's CIC11 point by point against the
// reference (NHSRplotthedots, unclipped): no figure is beyond a limit;
// Mar-25 to Jan-26 are special, a run of 11 below the mean; every other
// month is common cause. The code before the fix flagged 23 of the 24.
func TestCIC11Signals(t *testing.T) {
	ind := app.Indicator{Ref: "CIC11", Name: "Change in children in care since the same month last year", Unit: app.Number}
	k := app.SeriesKey{Ref: "CIC11", Area: app.Kent}
	pts := Analyse(monthly(ind, k, app.MonthOf(2024, 11), cic11...), k, Options{})
	if got, want := classes(pts), "cccc"+"SSSSSSSSSSS"+"ccccccccc"; got != want {
		t.Errorf("signals %s, want %s", got, want)
	}
	for _, p := range pts {
		if p.Rule == "below the lower process limit" || p.Rule == "above the upper process limit" {
			t.Errorf("%v (%v) %s", p.Period, *p.Value, p.Rule)
		}
	}
}

// TestNaturalBounds checks the bounds themselves, unit by unit.
func TestNaturalBounds(t *testing.T) {
	inf := math.Inf(1)
	pos := []float64{3, 5}
	neg := []float64{-3, 5}      // one negative figure: an error, not a sign
	negs := []float64{-3, -1, 5} // two: a signed measure
	tests := []struct {
		unit   app.Unit
		name   string
		vals   []float64
		lo, hi float64
	}{
		{app.Percent, "Share (%)", pos, 0, 100},
		{app.Percent, "Change in share", pos, -100, 100},
		{app.Percent, "Share (%)", neg, 0, 100},
		{app.Percent, "Share (%)", negs, -100, 100},
		{app.Percent, "Children in care placed in county (% of children)", negs, 0, 100},
		{app.Number, "Children", pos, 0, inf},
		{app.Number, "Children", neg, 0, inf},
		{app.Number, "Children", negs, -inf, inf},
		{app.Number, "Number of children in care", negs, 0, inf},
		{app.Number, "Children in care (children)", negs, 0, inf},
		{app.Percent, "Change in share", []float64{-120, -3, 5}, -inf, 100},
		{app.Per10k, "Rate", pos, 0, inf},
		{app.RatePer(1000), "Rate", pos, 0, inf},
		{app.Days, "Days", pos, 0, inf},
		{app.Weeks, "Net weeks", pos, -inf, inf},
		{app.Score, "Score", pos, -inf, inf},
		{app.Ratio, "Ratio", pos, -inf, inf},
	}
	for _, tt := range tests {
		has := make([]bool, len(tt.vals))
		for i := range has {
			has[i] = true
		}
		b := natural(app.Indicator{Name: tt.name, Unit: tt.unit}, tt.vals, has)
		if b.lo != tt.lo || b.hi != tt.hi {
			t.Errorf("%s %q %v: %v to %v, want %v to %v", tt.unit, tt.name, tt.vals, b.lo, b.hi, tt.lo, tt.hi)
		}
	}
}
