package trend

import (
	"math"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestYearToDate analyses a year-to-date count the way an officer reads
// it: against the same month last year, since every month of a
// cumulative figure rises until April restarts it. No XmR chart is drawn
// of cumulative figures (Making Data Count charts each month's own), and
// the reason is said. The figures are the QA repro's: 5 children a month
// last year, 3 this.
func TestYearToDate(t *testing.T) {
	ind := app.Indicator{Ref: "QY01", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count, DataPeriod: app.YearToDate}
	k := app.SeriesKey{Ref: "QY01", Area: app.Kent}
	var vals []float64
	for m := 1; m <= 12; m++ {
		vals = append(vals, float64(5*m)) // Apr-24 5 ... Mar-25 60
	}
	for m := 1; m <= 6; m++ {
		vals = append(vals, float64(3*m)) // Apr-25 3 ... Sep-25 18
	}
	tests := []struct {
		name   string
		ind    app.Indicator
		at     int // the point, from Apr-24
		dot    app.DoT
		change *float64
		lag    int
	}{
		// Sep-25 18 against Sep-24 30: 12 fewer, improved (not "up 3,
		// worsened" on Aug-25's 15).
		{"Sep-25 against Sep-24", ind, 17, app.Improved, app.Float(-12), 12},
		// Apr-25 3 against Apr-24 5 (not "improved by 57" on Mar-25's 60).
		{"Apr-25 against Apr-24", ind, 12, app.Improved, app.Float(-2), 12},
		// The first year has no same month before it.
		{"Aug-24, no year before", ind, 4, app.NoDoT, nil, 0},
		// A month's own count is compared with the month before, as ever.
		{"not year to date", app.Indicator{Ref: "QY01", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}, 17, app.Worsened, app.Float(3), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, k, apr24, vals...)
			pts := Analyse(h, k, Options{Details: true})
			p := pts[tt.at]
			if p.DoT != tt.dot || !equalPtr(p.Change, tt.change) || p.ChangeLag != tt.lag {
				t.Errorf("%s: DoT %q change %v lag %d, want %q %v %d", p.Period.Label(), p.DoT, deref(p.Change), p.ChangeLag, tt.dot, deref(tt.change), tt.lag)
			}
		})
	}

	h := monthly(ind, k, apr24, vals...)
	pts := Analyse(h, k, Options{Details: true})
	for _, p := range pts {
		if p.Signal != NotCharted || p.Chart != nil || p.Trend.Direction != NoTrend || slices.Contains(p.Flags, SpecialCause) {
			t.Errorf("%s: signal %q chart %v trend %v flags %v; want not charted, no chart, trend or special cause", p.Period.Label(), p.Signal, p.Chart, p.Trend.Direction, p.Flags)
		}
		if !strings.HasPrefix(p.VariationReading, "No SPC chart: each year-to-date figure takes in the months before it and restarts in April") {
			t.Errorf("%s: reading %q, want the reason there is no chart", p.Period.Label(), p.VariationReading)
		}
	}
	// Six months in a row better than last year's, never a reversal.
	for _, f := range Flags(h, app.MonthOf(2025, 4), Options{}) {
		t.Errorf("Apr-25 flagged %s: %s", f.Kind, f.Detail)
	}
	// An academic-year measure restarts in September.
	ay := ind
	ay.YearType = app.AcademicYear
	if p := Analyse(monthly(ay, k, apr24, vals...), k, Options{})[17]; !strings.Contains(p.VariationReading, "restarts in September") {
		t.Errorf("academic year to date: %q, want it to restart in September", p.VariationReading)
	}
}

// TestQuarterlyInMonths: a quarterly measure given in the columns of the
// months its quarters end (Jun 88 AMBER, Sep 92 GREEN) is analysed as
// quarters: Jul-Sep is compared with Apr-Jun (up 4 pp, improved, AMBER to
// GREEN), and the months between are not missing. A quarter-end with no
// figure is.
func TestQuarterlyInMonths(t *testing.T) {
	ind := app.Indicator{Ref: "QDQ1", Polarity: app.HigherBetter, Unit: app.Percent, DataPeriod: app.QuarterPeriod}
	k := app.SeriesKey{Ref: "QDQ1", Area: app.Kent}
	nan := math.NaN()
	h := monthly(ind, k, app.MonthOf(2025, 6), 88, nan, nan, 92)
	h.AddTarget(app.Target{Ref: "QDQ1", Year: app.Period{Kind: app.FinancialYear, Year: 2025}, Target: app.Float(90), Floor: app.Float(85)})

	pts := Analyse(h, k, Options{Details: true})
	if len(pts) != 2 || pts[1].Period != (app.Period{Kind: app.Quarter, Year: 2025, N: 3}) {
		t.Fatalf("points %v, want Apr-Jun and Jul-Sep 2025", periodsOf(pts))
	}
	q3 := pts[1]
	if q3.DoT != app.Improved || !equalPtr(q3.Change, app.Float(4)) || q3.RAG != app.Green || !slices.Contains(q3.Flags, RAGChange) || slices.Contains(q3.Flags, MissingMonth) {
		t.Errorf("Jul-Sep: DoT %q change %v RAG %q flags %v; want improved by 4 pp, GREEN, a RAG change and nothing missing", q3.DoT, deref(q3.Change), q3.RAG, q3.Flags)
	}
	tests := []struct {
		month app.Period
		want  []string // flag kinds
	}{
		{app.MonthOf(2025, 9), []string{RAGChange}},
		{app.MonthOf(2025, 8), nil},  // between quarter-ends: nothing due
		{app.MonthOf(2025, 10), nil}, // nor after the last
		{app.MonthOf(2025, 12), []string{MissingMonth}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Flags(h, tt.month, Options{}) {
			got = append(got, f.Kind)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("flags for %s: %v, want %v", tt.month.Label(), got, tt.want)
		}
	}
	s := AnalyseSeries(h, k, Options{})
	if p, ok := s.At(app.MonthOf(2025, 9)); !ok || p.Value == nil || *p.Value != 92 {
		t.Errorf("At(Sep-25) = %v, %v; want Jul-Sep's 92", p.Value, ok)
	}

	// A figure in a month that ends no quarter: its quarters are not
	// known, so the months stand.
	addMonths(h, k, app.MonthOf(2025, 10), 91)
	if pts := Analyse(h, k, Options{}); pts[0].Period.Kind != app.Month {
		t.Errorf("with an October figure: %v, want months", periodsOf(pts))
	}
}

// TestRollingYearReportedQuarterly: a rolling year reported each quarter
// (Hampshire's H03, "12 months to Sep-24 | Dec-24 | Mar-25": 19.1, 20.0,
// 23.1, against a floor of 22) is analysed a quarter apart: the months
// between are not missing, each year is compared with the year to the
// quarter before (worsened by 3.1 pp), and AMBER to RED is flagged in
// March, where analysed as months it had been missing with no direction
// of travel. A rolling year given every month stays monthly, as does one
// given only once.
func TestRollingYearReportedQuarterly(t *testing.T) {
	ind := app.Indicator{Ref: "H03", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12}
	k := app.SeriesKey{Ref: "H03", Area: "Hampshire"}
	nan := math.NaN()
	target := app.Target{Ref: "H03", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(18), Floor: app.Float(22)}
	h := monthly(ind, k, app.MonthOf(2024, 9), 19.1, nan, nan, 20.0, nan, nan, 23.1)
	h.AddTarget(target)

	pts := Analyse(h, k, Options{Details: true})
	if got := periodsOf(pts); !slices.Equal(got, []string{"Jul-Sep 2024", "Oct-Dec 2024", "Jan-Mar 2025"}) {
		t.Fatalf("points %v, want the three quarters the years run to", got)
	}
	last := pts[2]
	if last.DoT != app.Worsened || !equalPtr(last.Change, app.Float(23.1-20.0)) || last.RAG != app.Red || !slices.Contains(last.Flags, RAGChange) {
		t.Errorf("year to Mar-25: DoT %q change %v RAG %q flags %v; want worsened by 3.1 pp, RED, a RAG change", last.DoT, deref(last.Change), last.RAG, last.Flags)
	}
	for _, p := range pts {
		if slices.Contains(p.Flags, MissingMonth) {
			t.Errorf("%s flagged missing", p.Period.Label())
		}
	}
	var kinds []string
	for _, f := range Flags(h, app.MonthOf(2025, 3), Options{}) {
		kinds = append(kinds, f.Kind)
	}
	if !slices.Equal(kinds, []string{RAGChange}) {
		t.Errorf("flags for Mar-25: %v, want the RAG change alone", kinds)
	}

	for _, tc := range []struct {
		name string
		vals []float64
	}{
		{"every month", []float64{19.1, 19.4, 19.8, 20.0, 21.0, 22.5, 23.1}},
		{"one quarter-end", []float64{19.1}},
	} {
		h := monthly(ind, k, app.MonthOf(2024, 9), tc.vals...)
		h.AddTarget(target)
		if pts := Analyse(h, k, Options{}); pts[0].Period.Kind != app.Month {
			t.Errorf("%s: %v, want months", tc.name, periodsOf(pts))
		}
	}
}

func equalPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func periodsOf(pts []Point) []string {
	var s []string
	for _, p := range pts {
		s = append(s, p.Period.Label())
	}
	return s
}
