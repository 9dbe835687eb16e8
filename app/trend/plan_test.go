package trend

import (
	"math/rand/v2"
	"testing"

	"scorecard/app"
)

// TestChartPlan checks that the officer's rebase, baseline and trend
// window change the analysis as they say.
func TestChartPlan(t *testing.T) {
	H := cic05
	H.Polarity = app.HigherBetter
	plus10 := make([]float64, len(base13))
	for i, v := range base13 {
		plus10[i] = v + 10
	}
	at := func(i int) app.Period { return apr24.Add(i) }
	tests := []struct {
		name     string
		vals     []float64
		settings []app.ChartSetting
		want     string
	}{
		// One chart over both levels: mean 15, each level a run of 13 on its side.
		{"no rebase", concat(base13, plus10), nil, "CCCCCCCCCCCCCIIIIIIIIIIIII"},
		// A new chart from the step: each level is common cause about its own mean.
		{"rebase at the step", concat(base13, plus10),
			[]app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: at(13), Note: "new service model"}}, "cccccccccccccccccccccccccc"},
		// The baseline is base13 (months 5 to 17): the first 5, at 30, are far above its limits.
		{"baseline from a period", concat(repeat(30, 5), base13),
			[]app.ChartSetting{{Ref: "CIC05", Kind: app.SetBaseline, From: at(5)}}, "IIIIIccccccccccccc"},
		// Limits from months 0 to 12 only: the 7 after sit above.
		{"baseline from and to", concat(base13, repeat(11, 7)),
			[]app.ChartSetting{{Ref: "CIC05", Kind: app.SetBaseline, From: at(0), To: at(12)}}, "ccccccccccccIIIIIIII"},
		// A special cause before a rebase whose new chart has too few
		// figures yet: the first chart's signals stand (this panicked).
		{"rebase with too few after it", concat([]float64{10, 9, 11, 9, 11, 9, 11, 9, 22, 9, 11, 9, 11}, repeat(10, 5)),
			[]app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: at(13), Note: "new model"}}, "ccccccccIccccttttt"},
		// A baseline that holds 12 figures is too few.
		{"baseline too short", concat(base13, repeat(11, 7)),
			[]app.ChartSetting{{Ref: "CIC05", Kind: app.SetBaseline, From: at(0), To: at(11)}}, "tttttttttttttttttttt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(H, kent, apr24, tt.vals...)
			h.Apply(&app.Dataset{ChartSettings: tt.settings}, "I9")
			pts := Analyse(h, kent, Options{})
			if got := classes(pts); got != tt.want {
				t.Errorf("signals\n got %s\nwant %s", got, tt.want)
			}
		})
	}

	h := monthly(H, kent, apr24, concat(base13, plus10)...)
	h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: at(13), Note: "new service model"}}}, "I9")
	pts := Analyse(h, kent, Options{})
	if c := pts[0].Chart; c == nil || c.Mean != 10 || c.Note != "" {
		t.Errorf("before the rebase: chart %+v, want mean 10", c)
	}
	if c := pts[13].Chart; c == nil || c.Mean != 20 || c.Note != "new service model" {
		t.Errorf("after the rebase: chart %+v, want mean 20 and the note", c)
	}
	// No run reaches back across the rebase: its words count only its chart's figures.
	if p := pts[25]; p.Variation != CommonCause {
		t.Errorf("last point %q %q", p.Variation, p.VariationReading)
	}
}

// TestTrendWindowSetting checks the officer's trend window: a number of
// periods, or every period since a date.
func TestTrendWindowSetting(t *testing.T) {
	vals := concat(base13, []float64{12, 14, 16})
	tests := []struct {
		name    string
		setting app.ChartSetting
		points  []int32 // the trend's figures at the last three points
	}{
		{"default 12", app.ChartSetting{}, []int32{12, 12, 12}},
		{"6 months", app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, Periods: 6}, []int32{6, 6, 6}},
		// Since month 10: 4 figures at month 13, then 5, 6.
		{"since a month", app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, From: apr24.Add(10)}, []int32{4, 5, 6}},
	}
	for _, tt := range tests {
		h := monthly(cic05, kent, apr24, vals...)
		if tt.setting.Ref != "" {
			h.AddChartSetting(tt.setting)
		}
		pts := Analyse(h, kent, Options{})
		for k, want := range tt.points {
			if got := pts[13+k].Trend.Points; got != want {
				t.Errorf("%s: %s trend over %d figures, want %d", tt.name, pts[13+k].Period, got, want)
			}
		}
	}
	h := monthly(cic05, kent, apr24, vals...)
	h.AddChartSetting(app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, From: apr24.Add(10)})
	if p := Analyse(h, kent, Options{})[9]; p.Trend != (Trend{}) {
		t.Errorf("before the window starts: trend %+v", p.Trend)
	}
}

// TestChartPlanAnyPeriods checks that settings at any periods, before,
// inside or after a series, with gaps, leave every point with a chart
// whose baseline lies within it, or too few points, and never panic.
func TestChartPlanAnyPeriods(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 16))
	for k := range 300 {
		n := 5 + r.IntN(50)
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = 20 + r.NormFloat64()*3
			if r.IntN(12) == 0 {
				vals[i] = gap
			}
		}
		vals[0], vals[n-1] = 20, 21 // a figure at each end, so the series spans n months
		h := monthly(cic05, kent, apr24, vals...)
		at := func() app.Period { return apr24.Add(r.IntN(n+20) - 10) }
		for range r.IntN(4) {
			h.AddChartSetting(app.ChartSetting{Ref: "CIC05", Kind: app.SetRebase, From: at(), Note: "n"})
		}
		if r.IntN(2) == 0 {
			b := app.ChartSetting{Ref: "CIC05", Kind: app.SetBaseline, From: at()}
			if r.IntN(2) == 0 {
				b.To = at()
			}
			h.AddChartSetting(b)
		}
		if r.IntN(2) == 0 {
			h.AddChartSetting(app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, From: at()})
		}
		pts := Analyse(h, kent, Options{})
		if len(pts) != n {
			t.Fatalf("case %d: %d points for %d months", k, len(pts), n)
		}
		// Points gathers each chart's figures once for the readings; a
		// point written alone gathers its own.
		s := AnalyseSeries(h, kent, Options{})
		for i := range pts {
			if p := s.Point(i); p.VariationReading != pts[i].VariationReading {
				t.Fatalf("case %d point %d: reading %q alone, %q among the points", k, i, p.VariationReading, pts[i].VariationReading)
			}
		}
		for i, p := range pts {
			switch {
			case p.Missing:
			case p.Chart == nil && p.Signal != TooFewPoints:
				t.Fatalf("case %d point %d: no chart but %q", k, i, p.Signal)
			case p.Chart != nil && (p.Chart.Baseline < MinBaseline || p.Chart.Lower > p.Chart.Mean || p.Chart.Upper < p.Chart.Mean):
				t.Fatalf("case %d point %d: chart %+v", k, i, *p.Chart)
			}
		}
	}
}
