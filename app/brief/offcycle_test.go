package brief

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// quarterly is QA23c's store: a monthly count to Oct-26 beside a
// quarterly percentage (Data period Q), Oct-Dec 2024 to Jul-Sep 2026,
// held as quarters or, as a scorecard gives them, in the months quarters
// end; its last, 52 of 100, is RED against a floor of 55%.
func quarterly(asMonths bool) *app.History {
	q := app.Indicator{Ref: "Q04", Name: "Care leavers in suitable accommodation (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1,
		Measure: app.Proportion, DataPeriod: app.QuarterPeriod}
	return beside(q, []float64{64, 66, 65, 63, 60, 62, 64, 52}, asMonths)
}

// beside is a store of a monthly count, Nov-24 to Oct-26, beside q, a
// quarterly percentage of 100 children from Oct-Dec 2024, its quarters'
// counts figs, held as quarters or in the months quarters end; its
// target 70% and floor 55% each year.
func beside(q app.Indicator, figs []float64, asMonths bool) *app.History {
	mon := app.Indicator{Ref: "Q02", Name: "Number of children missing from care", Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}
	d := app.Dataset{Indicators: []app.Indicator{mon, q}}
	start := app.MonthOf(2024, time.November)
	for i := range 24 {
		d.Observations = append(d.Observations, app.Observation{Ref: mon.Ref, Area: app.Kent, Period: start.Add(i), Value: f(float64(40 + i%7))})
	}
	first := app.Period{Kind: app.Quarter, Year: 2024, N: 4}
	for i, n := range figs {
		per := first.Add(i)
		if asMonths {
			end := per.End()
			per = app.MonthOf(end.Year(), end.Month())
		}
		d.Observations = append(d.Observations, app.Observation{Ref: q.Ref, Area: app.Kent, Period: per, Value: f(n), Numerator: f(n), Denominator: f(100)})
	}
	for _, y := range []int{2024, 2025, 2026} {
		d.Targets = append(d.Targets, app.Target{Ref: q.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: f(70), Floor: f(55)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// TestBriefSaysOffCycle: a brief of a month no quarter ends says, as the
// pack does under its scorecard, the quarterly indicator's latest quarter,
// labelled as that quarter's and rated as it, and when the next is due,
// and does not list it as the month's (a red quarter is not "red this
// month"); in the month its quarter ends it is an item of its own, and
// nothing more is said (QA23c D10).
func TestBriefSaysOffCycle(t *testing.T) {
	for _, asMonths := range []bool{false, true} {
		for _, tt := range []struct {
			period app.Period
			note   string // "" for none
			listed bool   // Q04 is an item
		}{
			{app.MonthOf(2026, time.October), "Q04 Care leavers in suitable accommodation (%): quarterly: Jul-Sep 2026 = 52.0% RED; next due Dec-26, so October 2026 has no figure, rating or direction of it.", false},
			{app.MonthOf(2026, time.August), "Q04 Care leavers in suitable accommodation (%): quarterly: Apr-Jun 2026 = 64.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it.", false},
			{app.MonthOf(2026, time.September), "", true},
		} {
			name := tt.period.Label() + " of quarters"
			if asMonths {
				name = tt.period.Label() + " of quarter-end months"
			}
			t.Run(name, func(t *testing.T) {
				items, _, figures, opt := circulated(quarterly(asMonths), nil, 5, tt.period)
				off := OffCycle(figures, opt)
				if off != tt.note {
					t.Errorf("OffCycle = %q, want %q", off, tt.note)
				}
				listed := false
				for _, it := range items {
					listed = listed || it.Ref == "Q04"
				}
				if listed != tt.listed {
					t.Errorf("Q04 listed as an item of %s: %v, want %v", tt.period.Label(), listed, tt.listed)
				}
				txt := Text(Heading(app.Kent, tt.period, "", items), items, Left{}, off, Foot(figures, opt))
				if tt.note != "" && !strings.Contains(txt, "\n"+tt.note+"\n") {
					t.Errorf("the brief does not say %q in a paragraph of its own:\n%s", tt.note, txt)
				}
			})
		}
	}
}
