package cohort

import (
	"math"
	"strings"
	"testing"

	"scorecard/app"
)

// standIn marks o as the previous year's outturn standing in for the
// period's figure, as an italic cell or a tidy table's "stand-in" reads.
func standIn(o app.Observation) app.Observation {
	o.StandIn = true
	return o
}

// notApplicable gives o the status z, keeping its components.
func notApplicable(o app.Observation) app.Observation {
	o.Status, o.Raw, o.Value = app.NotApplicable, "z", nil
	return o
}

// TestExcludeHonestRemainder: a figure excluding UASC is a possible one,
// of one period, or "cannot exclude" with the reason (QA22 F6, F8, F12).
// Each input is consistent alone, as in the QA's CSVs and workbooks, so
// nothing was warned at import.
func TestExcludeHonestRemainder(t *testing.T) {
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	pct := app.Indicator{Ref: "P9", Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	rate := app.Indicator{Ref: "R4", Unit: app.Per10k, Decimals: 1, Measure: app.Rate}
	count := app.Indicator{Ref: "CIC01", Unit: app.Number, Measure: app.Count}
	cases := []struct {
		name string
		ind  app.Indicator
		obs  []app.Observation
		// want is the figure shown (NaN for none) with its status and
		// whether it is a stand-in; said are what its Raw (the reason)
		// or, for a figure, its Rule must say.
		want     float64
		status   app.Status
		standIn  bool
		said     []string
		warnings int
	}{{
		// F6, t19: 30/120 less 5/110 was shown as 25/10 = 250%.
		name: "percentage leaving more children than its denominator", ind: pct,
		obs:  []app.Observation{fig("P9", app.All, 25, 30, 120), fig("P9", uasc, 4.5, 5, 110)},
		want: none, status: app.CannotExclude,
		said: []string{"numerator less the cohort's leaves 25, more than the 10 left in the denominator"},
	}, {
		// 30/120 less 20/120 was "no children remain" though 10 are
		// still counted.
		name: "percentage leaving a numerator over no denominator", ind: pct,
		obs:  []app.Observation{fig("P9", app.All, 25, 30, 120), fig("P9", uasc, 16.7, 20, 120)},
		want: none, status: app.CannotExclude,
		said: []string{"leaves 10, more than the 0 left in the denominator"},
	}, {
		// CIC05 Kent: 221/1,896 less 12/110 is 209/1,786, as before.
		name: "possible percentage still worked out", ind: pct,
		obs:  []app.Observation{fig("P9", app.All, 11.66, 221, 1896), fig("P9", uasc, 10.9, 12, 110)},
		want: 209.0 / 1786 * 100,
	}, {
		// F6, t19: 1,200/300,000 less 300/299,999 was 900/1, 9,000,000
		// per 10,000.
		name: "rate whose cohort population is all children's given another way", ind: rate,
		obs:  []app.Observation{fig("R4", app.All, 40, 1200, 300000), fig("R4", uasc, 10, 300, 299999)},
		want: none, status: app.CannotExclude,
		said: []string{"a rate per a population of 299999, neither all children's (300000) nor a minority", "leave a population of 1"},
	}, {
		// t19 R2: another vintage of the estimate, 900,000 per 10,000.
		name: "rate whose cohort population is another estimate", ind: rate,
		obs:  []app.Observation{fig("R4", app.All, 40, 1200, 300000), fig("R4", uasc, 10, 300, 299990)},
		want: none, status: app.CannotExclude,
		said: []string{"population of 299990", "leave a population of 10"},
	}, {
		// t19 R3: the cohort's own population of 1,000 is subtracted:
		// 450 / 299,000 × 10,000 = 15.05.
		name: "rate per the cohort's own population still worked out", ind: rate,
		obs:  []app.Observation{fig("R4", app.All, 20, 600, 300000), fig("R4", uasc, 1500, 150, 1000)},
		want: 450.0 / 299000 * 10000,
	}, {
		name: "rate per all children's population still worked out", ind: rate,
		obs:  []app.Observation{fig("R4", app.All, 40, 1200, 300000), fig("R4", uasc, 10, 300, 300000)},
		want: 30,
	}, {
		// F8, t30/s.csv and t27 w27b: Sep-25 1,916 less the 2024/25
		// outturn of 400 standing in for UASC was shown as Sep-25's 1,516.
		name: "real month less a stand-in", ind: count,
		obs:  []app.Observation{fig("CIC01", app.All, 1916, none, none), standIn(fig("CIC01", uasc, 400, none, none))},
		want: none, status: app.CannotExclude,
		said: []string{"(UASC) is the previous year's outturn standing in for this period's", "all children is this period's own"},
	}, {
		// F8, t27 w27: the 2024/25 outturn 1,910 less Sep-25's 420 was
		// 1,490, labelled as last year's.
		name: "stand-in less a real month", ind: count,
		obs:  []app.Observation{standIn(fig("CIC01", app.All, 1910, none, none)), fig("CIC01", uasc, 420, none, none)},
		want: none, status: app.CannotExclude,
		said: []string{"all children is the previous year's outturn standing in", "(UASC) is this period's own"},
	}, {
		name: "stand-in less a stand-in is a stand-in", ind: count,
		obs:  []app.Observation{standIn(fig("CIC01", app.All, 1910, none, none)), standIn(fig("CIC01", uasc, 400, none, none))},
		want: 1510, standIn: true,
	}, {
		// t33: the source's own figure excluding UASC is the 2024/25
		// outturn, 1,510, in italics; Sep-25's 1,916 less 420 is 1,496.
		// It was shown as 1,510 with a false disagreement.
		name: "source's stand-in beside the month's own figures", ind: count,
		obs: []app.Observation{fig("CIC01", app.All, 1916, none, none), fig("CIC01", uasc, 420, none, none),
			standIn(fig("CIC01", excl, 1510, none, none))},
		want: 1496,
		said: []string{"in place of the source's own figure excluding UASC, 1510, which is the previous year's outturn standing in"},
	}, {
		name: "source's own month beside stand-ins", ind: count,
		obs: []app.Observation{standIn(fig("CIC01", app.All, 1910, none, none)), standIn(fig("CIC01", uasc, 400, none, none)),
			fig("CIC01", excl, 1496, none, none)},
		want: 1496,
	}, {
		// Within one year the check still holds: 1,910 less 400 is
		// 1,510, not 1,500.
		name: "source's stand-in beside stand-ins that disagree", ind: count,
		obs: []app.Observation{standIn(fig("CIC01", app.All, 1910, none, none)), standIn(fig("CIC01", uasc, 400, none, none)),
			standIn(fig("CIC01", excl, 1500, none, none))},
		want: 1500, standIn: true, warnings: 1,
	}, {
		// F12, t30/z.csv: UASC 0 of 0, z.
		name: "percentage whose cohort is z with no children", ind: pct,
		obs:  []app.Observation{fig("P9", app.All, 50, 30, 60), notApplicable(fig("P9", uasc, none, 0, 0))},
		want: 50,
		said: []string{"the figure for unaccompanied asylum-seeking children (UASC) is z (not applicable) with no children, so nothing is taken away"},
	}, {
		name: "count whose cohort is z with a count of 0", ind: count,
		obs:  []app.Observation{fig("CIC01", app.All, 60, 60, none), notApplicable(fig("CIC01", uasc, none, 0, none))},
		want: 60,
		said: []string{"z (not applicable) with no children"},
	}, {
		// t30 Z3: z alone shows nothing of the cohort's children.
		name: "count whose cohort is z with no count", ind: count,
		obs:  []app.Observation{fig("CIC01", app.All, 60, none, none), notApplicable(fig("CIC01", uasc, none, none, none))},
		want: none, status: app.CannotExclude,
		said: []string{`(UASC) is "z" (not applicable)`},
	}, {
		name: "percentage whose cohort is z with children", ind: pct,
		obs:  []app.Observation{fig("P9", app.All, 50, 30, 60), notApplicable(fig("P9", uasc, none, 2, 5))},
		want: none, status: app.CannotExclude,
		said: []string{`is "z" (not applicable)`},
	}, {
		// A rate's population is not the cohort's children: 0 of 0 says
		// nothing of whom the rate would count.
		name: "rate whose cohort is z", ind: rate,
		obs:  []app.Observation{fig("R4", app.All, 40, 1200, 300000), notApplicable(fig("R4", uasc, none, 0, 0))},
		want: none, status: app.CannotExclude,
		said: []string{`is "z" (not applicable)`},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(c.ind, c.obs...)
			got, warns := Exclude(h, []app.Cohort{app.UASC})
			if len(warns) != c.warnings {
				t.Errorf("warnings = %v, want %d", warns, c.warnings)
			}
			s := got.Series(app.SeriesKey{Ref: c.ind.Ref, Area: app.Kent})
			if len(s) != 1 {
				t.Fatalf("series has %d figures, want 1", len(s))
			}
			o := s[0]
			if o.Status != c.status {
				t.Errorf("status = %q (%s), want %q", o.Status, o.Raw, c.status)
			}
			switch {
			case math.IsNaN(c.want) && o.Value != nil:
				t.Errorf("value = %v, want none", *o.Value)
			case !math.IsNaN(c.want) && (o.Value == nil || math.Abs(*o.Value-c.want) > 1e-9):
				t.Errorf("value = %v, want %v", ptr(o.Value), c.want)
			}
			if o.StandIn != c.standIn {
				t.Errorf("stand-in = %v, want %v", o.StandIn, c.standIn)
			}
			said := o.Rule
			if o.Status == app.CannotExclude {
				said = o.Raw
			}
			for _, w := range c.said {
				if !strings.Contains(said, w) {
					t.Errorf("%q does not say %q", said, w)
				}
			}
		})
	}
}
