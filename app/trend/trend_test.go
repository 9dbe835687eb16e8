package trend

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
)

// TestDirectionOfTravel checks the plain DoT against the previous month.
func TestDirectionOfTravel(t *testing.T) {
	tests := []struct {
		name       string
		ind        app.Indicator
		prev, cur  float64
		dot        app.DoT
		change     *float64
		unit       string
		relative   *float64
		movement   app.Arrow
		noPrevious bool
	}{
		{name: "L down is improved", ind: cic05, prev: 12.0, cur: 11.7, dot: app.Improved, change: app.Float(-0.3), unit: "pp", relative: app.Float(-2.5), movement: app.Down},
		{name: "L up is worsened", ind: cic05, prev: 11.3, cur: 11.7, dot: app.Worsened, change: app.Float(0.4), unit: "pp", relative: app.Float(3.5), movement: app.Up},
		// 11.74 and 11.66 both show as 11.7.
		{name: "same at the displayed precision", ind: cic05, prev: 11.74, cur: 11.66, dot: app.Same, change: app.Float(0), unit: "pp", relative: app.Float(-0.7), movement: app.Across},
		{name: "H up is improved", ind: app.Indicator{Ref: "CIC05", Polarity: app.HigherBetter, Unit: app.Number}, prev: 1850, cur: 1896, dot: app.Improved, change: app.Float(46), unit: "count", relative: app.Float(2.5), movement: app.Up},
		{name: "no polarity, no judgement", ind: app.Indicator{Ref: "CIC05", Unit: app.Number}, prev: 1850, cur: 1896, dot: app.NoDoT, change: app.Float(46), unit: "count", relative: app.Float(2.5), movement: app.Up},
		{name: "from zero, no relative change", ind: app.Indicator{Ref: "CIC05", Polarity: app.LowerBetter, Unit: app.Number}, prev: 0, cur: 2, dot: app.Worsened, change: app.Float(2), unit: "count", movement: app.Up},
		{name: "gap before", ind: cic05, prev: gap, cur: 11.7, noPrevious: true},
		{name: "withheld before", ind: cic05, prev: suppressed, cur: 11.7, noPrevious: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, kent, apr24, 11, tt.prev, tt.cur)
			p := Analyse(h, kent, Options{})[2]
			if tt.noPrevious {
				if p.DoT != app.NoDoT || p.Change != nil || p.Movement != app.NoArrow {
					t.Errorf("DoT %q change %v movement %q, want none without a previous figure", p.DoT, p.Change, p.Movement)
				}
				return
			}
			if p.DoT != tt.dot || !reflect.DeepEqual(p.Change, tt.change) || p.ChangeUnit != tt.unit ||
				!reflect.DeepEqual(p.RelativeChange, tt.relative) || p.Movement != tt.movement {
				t.Errorf("got DoT %q change %v %s relative %v movement %q, want %q %v %s %v %q",
					p.DoT, deref(p.Change), p.ChangeUnit, deref(p.RelativeChange), p.Movement,
					tt.dot, deref(tt.change), tt.unit, deref(tt.relative), tt.movement)
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestTrendOverWindow checks the least-squares trend and its band.
func TestTrendOverWindow(t *testing.T) {
	rising := []float64{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}
	creeping := []float64{50, 50.02, 50.04, 50.06, 50.08, 50.1, 50.12, 50.14, 50.16, 50.18, 50.2, 50.22}
	withPol := func(p app.Polarity) app.Indicator { ind := cic05; ind.Polarity = p; return ind }
	tests := []struct {
		name   string
		ind    app.Indicator
		vals   []float64
		window int
		want   Trend
	}{
		{"rising, higher better", withPol(app.HigherBetter), rising, 0, Trend{Improving, 12, 1, 11}},
		{"rising, lower better", withPol(app.LowerBetter), rising, 0, Trend{Worsening, 12, 1, 11}},
		{"rising, no polarity", withPol(app.PolarityNone), rising, 0, Trend{Rising, 12, 1, 11}},
		// 0.22 over the window is within 5% of 50.
		{"creeping inside the band", withPol(app.HigherBetter), creeping, 0, Trend{NoClearTrend, 12, 0.02, 0.22}},
		// Slope 6/143: the odd months' 11s lean the line up.
		{"flat with noise", withPol(app.HigherBetter), alt12, 0, Trend{NoClearTrend, 12, 6.0 / 143, 66.0 / 143}},
		// Only the last 4 points: 18 to 21.
		{"window of 4", withPol(app.HigherBetter), rising, 4, Trend{Improving, 4, 1, 3}},
		// A gap keeps its width: 10 points over 12 months still rise 1 a month.
		{"gaps in the window", withPol(app.HigherBetter), []float64{10, 11, gap, 13, 14, 15, gap, 17, 18, 19, 20, 21}, 0, Trend{Improving, 10, 1, 11}},
		{"too few figures", withPol(app.HigherBetter), []float64{10, 11, gap, gap, gap, gap, gap, gap, gap, gap, 20, 21}, 0, Trend{Points: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := Analyse(monthly(tt.ind, kent, apr24, tt.vals...), kent, Options{Window: tt.window})
			got := pts[len(pts)-1].Trend
			if got.Direction != tt.want.Direction || got.Points != tt.want.Points || !near(got.Slope, tt.want.Slope) || !near(got.Change, tt.want.Change) {
				t.Errorf("trend %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestNearTargetTrend checks that a "stay close" indicator improves when
// its line approaches the target.
func TestNearTargetTrend(t *testing.T) {
	ind := cic05
	ind.Polarity = app.NearTarget
	for _, tt := range []struct {
		target float64
		want   TrendDirection
	}{{25, Improving}, {5, Worsening}} {
		h := monthly(ind, kent, apr24, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21)
		h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(tt.target), Tolerance: app.Float(1)})
		pts := Analyse(h, kent, Options{})
		if got := pts[11].Trend.Direction; got != tt.want {
			t.Errorf("target %v: trend %q, want %q", tt.target, got, tt.want)
		}
	}
}

// TestSamePeriodLastYear compares March 2025 with March 2024.
func TestSamePeriodLastYear(t *testing.T) {
	h := monthly(cic05, kent, app.MonthOf(2024, 3), 12.4, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 11.66)
	pts := Analyse(h, kent, Options{})
	p := pts[12]
	if p.Period != app.MonthOf(2025, 3) || deref(p.LastYear) != 12.4 || deref(p.LastYearChange) != -0.7 || p.LastYearDoT != app.Improved {
		t.Errorf("%s: last year %v change %v DoT %q, want 12.4, -0.7, improved", p.Period, deref(p.LastYear), deref(p.LastYearChange), p.LastYearDoT)
	}
	if pts[11].LastYear != nil {
		t.Errorf("February 2025 has a figure for a year before the series began")
	}
}

// TestRAGByTargetYear checks that each point is rated against the target
// of its own financial year.
func TestRAGByTargetYear(t *testing.T) {
	h := monthly(cic05, kent, app.MonthOf(2025, 3), 11.5, 11.5)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(10), Floor: app.Float(12)})
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2025}, Target: app.Float(9), Floor: app.Float(11)})
	pts := Analyse(h, kent, Options{Details: true})
	if pts[0].RAG != app.Amber || pts[1].RAG != app.Red || *pts[1].Target != 9 || *pts[1].Floor != 11 {
		t.Errorf("Mar-25 %s, Apr-25 %s against %v/%v; want AMBER then RED against 9/11", pts[0].RAG, pts[1].RAG, deref(pts[1].Target), deref(pts[1].Floor))
	}
	if pts[1].Flags[0] != RAGChange || pts[1].FlagDetails[0] != "AMBER to RED (11.5%; target 9.0%, floor 11.0%); the 2025/26 target applies from this month" {
		t.Errorf("flags %q %q", pts[1].Flags, pts[1].FlagDetails)
	}
}

// TestShowJSON checks a point against the contract's example for
// `scorecard show --json`.
func TestShowJSON(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(10), Floor: app.Float(12)})
	for i, num := range []float64{227, 221} {
		h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 2).Add(i), Value: app.Float(app.RoundTo(num/1896*100, 1)),
			Numerator: app.Float(num), Denominator: app.Float(1896), Import: "IMPORT-ID"})
	}
	pts := Analyse(h, kent, Options{})
	b, err := json.Marshal(pts[1])
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"period": "2025-03", "value": 11.7, "numerator": 221.0, "denominator": 1896.0,
		"status": "", "target": 10.0, "floor": 12.0, "rag": "AMBER", "dot": "improved", "change": -0.3,
		"signal": "too few points", "flags": []any{}, "import": "IMPORT-ID"}
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%q: %#v, want %#v", k, got[k], w)
		}
	}
	var back Point
	if err := json.Unmarshal(b, &back); err != nil || back.Period != app.MonthOf(2025, 3) {
		t.Errorf("point does not read back: %v, %v", err, back.Period)
	}
}

// TestKentRereferrals analyses Kent's published re-referral rate,
// 2013-2025 (DfE children in need statistics): the arrow reverses five
// times, yet every point is common-cause variation.
func TestKentRereferrals(t *testing.T) {
	f, err := os.Open("testdata/kent_rereferrals.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	ind := app.Indicator{Ref: "CIN02", Name: "Re-referrals within 12 months", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	k := app.SeriesKey{Ref: "CIN02", Area: app.Kent}
	h := app.NewHistory()
	h.AddIndicator(ind)
	for _, r := range rows[1:] {
		p, err := app.ParseDfEPeriod(r[col["time_period"]], r[col["time_identifier"]])
		if err != nil {
			t.Fatal(err)
		}
		num := func(name string) *float64 {
			v, err := strconv.ParseFloat(r[col[name]], 64)
			if err != nil {
				t.Fatalf("%s %s: %v", p, name, err)
			}
			return &v
		}
		h.Add(app.Observation{Ref: "CIN02", Area: app.Kent, Period: p, Value: num("rereferral_percent"),
			Numerator: num("rereferral_count"), Denominator: num("referral_count")})
	}
	pts := Analyse(h, k, Options{})
	if len(pts) != 13 || pts[0].Period.String() != "2013" {
		t.Fatalf("%d points from %s, want 13 from 2013", len(pts), pts[0].Period)
	}
	if got := classes(pts); got != "ccccccccccccc" {
		t.Errorf("signals %s, want all common cause", got)
	}
	// Mean 316.9/13 = 24.377, mean moving range 30/12 = 2.5.
	last := pts[12]
	if c := last.Chart; !near(c.Mean, 316.9/13) || !near(c.Upper, 316.9/13+6.65) || !near(c.Lower, 316.9/13-6.65) || c.Baseline != 13 {
		t.Errorf("chart %+v", *c)
	}
	flips := 0
	for i := 2; i < len(pts); i++ {
		if pts[i].DoT != pts[i-1].DoT {
			flips++
		}
	}
	// Worsened twice, improved, worsened four times, improved twice,
	// worsened twice, improved: 5 reversals in 12 years.
	if flips != 5 {
		t.Errorf("the arrow flipped %d times; the published series flips 5", flips)
	}
	// 2025: 21.6% of 24,035 referrals, down 1.7 pp on 2024; the line over
	// 2014-2025 falls 3.19 pp, more than 5% of its level.
	if last.DoT != app.Improved || *last.Change != -1.7 || last.Trend.Direction != Improving || !near(last.Trend.Change, -3.1884615384615476) {
		t.Errorf("2025: DoT %q change %v trend %+v", last.DoT, *last.Change, last.Trend)
	}
	if c := last.Children; !near(*c.WilsonLow, 21.094373251383598) || !near(*c.WilsonHigh, 22.135003990536532) {
		t.Errorf("Wilson interval %v to %v", *c.WilsonLow, *c.WilsonHigh)
	}
}

// TestAnalyseAll checks that the parallel recompute gives what analysing
// each series in turn gives.
func TestAnalyseAll(t *testing.T) {
	h := flagHistory()
	all := AnalyseAll(h, Options{})
	if len(all) != len(h.Keys()) {
		t.Fatalf("%d series, want %d", len(all), len(h.Keys()))
	}
	for _, k := range h.Keys() {
		if want := Analyse(h, k, Options{}); !reflect.DeepEqual(all[k].Points(), want) {
			t.Errorf("%s differs", k)
		}
	}
}

// TestMixedPeriodKinds checks that a previous year's outturn held in a
// monthly series neither becomes a point nor breaks the months.
func TestMixedPeriodKinds(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	for _, outturn := range []app.Period{fy(2024), fy(2025)} { // among the months, and after them
		h := monthly(cic05, kent, app.MonthOf(2024, 3), base13...)
		h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: outturn, Value: app.Float(50)})
		pts := Analyse(h, kent, Options{})
		if len(pts) != 13 || pts[12].Period != app.MonthOf(2025, 3) || classes(pts) != "ccccccccccccc" || pts[2].DoT != app.Worsened {
			t.Errorf("outturn %s: %d points to %s, signals %s", outturn, len(pts), pts[len(pts)-1].Period, classes(pts))
		}
	}
}

// TestSeriesOfShortestPeriods checks that a series holding periods of
// several kinds is analysed at its shortest, as a whole history's cadence
// is chosen: the first scorecard of a year gives two years' outturns
// beside one month, and the month is its figure, not a year.
func TestSeriesOfShortestPeriods(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	for _, tc := range []struct {
		name    string
		periods []app.Period
		want    []app.Period
	}{
		{"two outturns and April", []app.Period{fy(2022), fy(2023), app.MonthOf(2024, 4)}, []app.Period{app.MonthOf(2024, 4)}},
		{"outturns and quarters", []app.Period{fy(2022), fy(2023), q(2024, 2), q(2024, 3)}, []app.Period{q(2024, 2), q(2024, 3)}},
		{"quarters ending with a year", []app.Period{q(2024, 1), fy(2023), fy(2024)}, []app.Period{q(2024, 1)}},
		{"months among years", []app.Period{fy(2022), app.MonthOf(2023, 6), fy(2023)}, []app.Period{app.MonthOf(2023, 6)}},
		{"years of two kinds", []app.Period{fy(2022), ay(2022), fy(2023)}, []app.Period{fy(2022), fy(2023)}},
		{"months alone", []app.Period{app.MonthOf(2024, 1), app.MonthOf(2024, 2)}, []app.Period{app.MonthOf(2024, 1), app.MonthOf(2024, 2)}},
	} {
		h := app.NewHistory()
		for _, p := range tc.periods {
			h.Add(app.Observation{Ref: "CIC01", Area: app.Kent, Period: p, Value: app.Float(1)})
		}
		kept, kind := seriesUntil(h.Series(app.SeriesKey{Ref: "CIC01", Area: app.Kent}), app.Period{})
		var got []app.Period
		for _, o := range kept {
			if o.Period.Kind == kind {
				got = append(got, o.Period)
			}
		}
		if !reflect.DeepEqual(got, tc.want) || kind != tc.want[0].Kind {
			t.Errorf("%s: analysed %v as %v, want %v", tc.name, got, kind, tc.want)
		}
	}
}

// TestDirectionAgrees checks that the direction of travel between two
// figures rounded once agrees with app.Direction, which rounds them as it
// goes, for each polarity and precision, with and without a target, on
// pairs of figures a few thousandths apart around rounding edges.
func TestDirectionAgrees(t *testing.T) {
	for _, pol := range []app.Polarity{app.HigherBetter, app.LowerBetter, app.NearTarget, app.PolarityNone} {
		for d := range 3 {
			for _, target := range []*float64{nil, app.Float(12.35), app.Float(0.15)} {
				for i := 1100; i <= 1300; i++ {
					for _, step := range []int{-7, -1, 0, 1, 5, 50} {
						prev, cur := float64(i)/100, float64(i+step)/100-0.005
						want := app.Direction(pol, prev, cur, d, target)
						if got := direction(pol, app.RoundTo(prev, d), app.RoundTo(cur, d), d, target); got != want {
							t.Fatalf("polarity %s, %d decimals, target %v: %v to %v is %q, app.Direction %q", pol, d, deref(target), prev, cur, got, want)
						}
					}
				}
			}
		}
	}
}

// TestRAGByMilestone: a year profiled by quarterly milestones rates each
// month against its quarter's milestone, says when one takes over, and a
// district with a target of its own is rated against it.
func TestRAGByMilestone(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	// CIC05, lower is better: 11.5% in each of Apr-25 to Jul-25.
	h := monthly(cic05, kent, app.MonthOf(2025, 4), 11.5, 11.5, 11.5, 11.5)
	swale := app.SeriesKey{Ref: "CIC05", Area: "Swale"}
	addMonths(h, swale, app.MonthOf(2025, 4), 11.5, 11.5, 11.5, 11.5)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2025}, Target: app.Float(9), Floor: app.Float(11),
		Levels: []app.Level{
			{Period: q(2025, 2), Target: app.Float(12), Floor: app.Float(13)}, // Q1: Apr-Jun, green at 11.5
			{Period: q(2025, 3), Target: app.Float(11), Floor: app.Float(12)}, // Q2: Jul-Sep, amber
			{Area: "Swale", Target: app.Float(11.5), Floor: app.Float(13)},    // Swale's own year: green throughout
		}})
	pts := Analyse(h, kent, Options{Details: true})
	var rags []string
	for _, p := range pts {
		rags = append(rags, fmt.Sprintf("%s %s %v/%v", p.Period, p.RAG, deref(p.Target), deref(p.Floor)))
	}
	want := []string{"2025-04 GREEN 12/13", "2025-05 GREEN 12/13", "2025-06 GREEN 12/13", "2025-07 AMBER 11/12"}
	if !reflect.DeepEqual(rags, want) {
		t.Errorf("Kent: %q, want %q", rags, want)
	}
	if len(pts[3].FlagDetails) == 0 || !strings.Contains(pts[3].FlagDetails[0], "GREEN to AMBER (11.5%; target 11.0%, floor 12.0%); the Jul-Sep 2025 milestone applies from this month") {
		t.Errorf("Jul-25 flags %q", pts[3].FlagDetails)
	}
	for _, p := range Analyse(h, swale, Options{}) {
		if p.RAG != app.Green || *p.Target != 11.5 {
			t.Errorf("Swale %s: %s against %v, want GREEN against its own 11.5", p.Period, p.RAG, deref(p.Target))
		}
	}
}
