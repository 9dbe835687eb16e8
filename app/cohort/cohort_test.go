package cohort

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

var mar25 = app.MonthOf(2025, 3)

// fig builds an observation: value v (NaN for none) with numerator n and
// denominator d (NaN for none).
func fig(ref string, split app.Split, v, n, d float64) app.Observation {
	o := app.Observation{Ref: ref, Area: app.Kent, Split: split, Period: mar25}
	if !math.IsNaN(v) {
		o.Value = app.Float(v)
	}
	if !math.IsNaN(n) {
		o.Numerator = app.Float(n)
	}
	if !math.IsNaN(d) {
		o.Denominator = app.Float(d)
	}
	return o
}

var none = math.NaN()

func history(ind app.Indicator, obs ...app.Observation) *app.History {
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: []app.Indicator{ind}, Observations: obs}, "I0001")
	h.Imports = []app.Import{{ID: "I0001", Source: "cic-scorecard.xlsx"}}
	return h
}

func TestExcludeWorkedExamples(t *testing.T) {
	uasc := app.Only(app.UASC)
	excl := app.Excluding(app.UASC)
	cases := []struct {
		name    string
		measure app.Measure
		obs     []app.Observation
		// want is the value by hand (NaN for none), with its status.
		want     float64
		wantNum  float64
		wantDen  float64
		status   app.Status
		reason   string // a word the reason must contain
		warnings int
	}{{
		// CIC05 Kent March 2025: 221 of 1,896 had 3+ placements; of 110
		// UASC, 12 did. Excluding them: 209 / 1,786 = 11.7021...%.
		name: "proportion", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 11.66, 221, 1896), fig("X", uasc, 10.9, 12, 110)},
		want: 209.0 / 1786 * 100, wantNum: 209, wantDen: 1786,
	}, {
		// Average days: 20 children, 5,000 days; 5 UASC, 600 days:
		// 4,400 / 15 = 293.33 days.
		name: "mean", measure: app.Mean,
		obs:  []app.Observation{fig("X", app.All, 250, 5000, 20), fig("X", uasc, 120, 600, 5)},
		want: 4400.0 / 15, wantNum: 4400, wantDen: 15,
	}, {
		name: "count by subtraction", measure: app.Count,
		obs:  []app.Observation{fig("X", app.All, 1896, none, none), fig("X", uasc, 420, none, none)},
		want: 1476, wantNum: none, wantDen: none,
	}, {
		name: "count with numerators", measure: app.Count,
		obs:  []app.Observation{fig("X", app.All, 1896, 1896, none), fig("X", uasc, 420, 420, none)},
		want: 1476, wantNum: 1476, wantDen: none,
	}, {
		// Rate per 10,000: 1,896 of 355,390 children; 420 UASC of a
		// population of 2,000: 1,476 / 353,390 × 10,000 = 41.767.
		name: "rate", measure: app.Rate,
		obs:  []app.Observation{fig("X", app.All, 53.35, 1896, 355390), fig("X", uasc, 2100, 420, 2000)},
		want: 1476.0 / 353390 * 10000, wantNum: 1476, wantDen: 353390,
	}, {
		// UASC given per the whole population: 1,476 / 355,390 × 10,000
		// = 41.532.
		name: "rate per the whole population", measure: app.Rate,
		obs:  []app.Observation{fig("X", app.All, 53.35, 1896, 355390), fig("X", uasc, 11.8, 420, 355390)},
		want: 1476.0 / 355390 * 10000, wantNum: 1476, wantDen: 355390,
	}, {
		name: "median", measure: app.Median,
		obs:  []app.Observation{fig("X", app.All, 400, none, none), fig("X", uasc, 200, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "median",
	}, {
		name: "measure unknown", measure: app.Other,
		obs:  []app.Observation{fig("X", app.All, 12, none, none), fig("X", uasc, 3, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "unknown",
	}, {
		name: "proportion without components", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 11.66, none, none), fig("X", uasc, 10.9, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "numerator and denominator",
	}, {
		name: "no cohort figure", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 11.66, 221, 1896)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "no figure for unaccompanied",
	}, {
		name: "cohort suppressed", measure: app.Proportion,
		obs: []app.Observation{fig("X", app.All, 11.66, 221, 1896),
			{Ref: "X", Area: app.Kent, Split: uasc, Period: mar25, Status: app.Suppressed, Raw: "c"}},
		want: none, wantNum: none, wantDen: none, status: app.Suppressed, reason: "suppressed",
	}, {
		name: "all not available", measure: app.Proportion,
		obs: []app.Observation{{Ref: "X", Area: app.Kent, Period: mar25, Status: app.NotAvailable, Raw: "x"},
			fig("X", uasc, 10.9, 12, 110)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "not available",
	}, {
		// "Re-referral rate" held as a count: 22.5% less 10.0% is no
		// rate of the other children.
		name: "a count that is not whole", measure: app.Count,
		obs:  []app.Observation{fig("X", app.All, 22.5, none, none), fig("X", uasc, 10.0, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "is 22.5, not a whole number",
	}, {
		name: "a cohort's count that is not whole", measure: app.Count,
		obs:  []app.Observation{fig("X", app.All, 22, none, none), fig("X", uasc, 9.5, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "UASC) is 9.5, not a whole number",
	}, {
		name: "cohort larger than the whole", measure: app.Count,
		obs:  []app.Observation{fig("X", app.All, 10, none, none), fig("X", uasc, 12, none, none)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "exceeds",
	}, {
		name: "everyone is in the cohort", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 50, 2, 4), fig("X", uasc, 50, 2, 4)},
		want: none, wantNum: 0, wantDen: 0, status: app.NotApplicable, reason: "no children remain",
	}, {
		// The source's own row agrees with 209/1,786 at one decimal
		// place (11.7), so it is used without a warning.
		name: "source row agrees", measure: app.Proportion,
		obs: []app.Observation{fig("X", app.All, 11.66, 221, 1896), fig("X", uasc, 10.9, 12, 110),
			fig("X", excl, 11.7, 209, 1786)},
		want: 11.7, wantNum: 209, wantDen: 1786,
	}, {
		// A source row with the unadjusted figure under the excluding
		// label is used (it is the source's word) but flagged.
		name: "source row disagrees", measure: app.Proportion,
		obs: []app.Observation{fig("X", app.All, 11.66, 221, 1896), fig("X", uasc, 10.9, 12, 110),
			fig("X", excl, 11.66, 221, 1896)},
		want: 11.66, wantNum: 221, wantDen: 1896, warnings: 1,
	}, {
		// Without components only the value can be checked: 12.0 is more
		// than rounding away from 11.70.
		name: "source value disagrees", measure: app.Proportion,
		obs: []app.Observation{fig("X", app.All, 11.66, 221, 1896), fig("X", uasc, 10.9, 12, 110),
			fig("X", excl, 12.0, none, none)},
		want: 12.0, wantNum: none, wantDen: none, warnings: 1,
	}, {
		// 83% given with 60 of 100: recomputed from the counts the
		// figure would silently become 55 / 90 = 61%, another figure.
		name: "all figure contradicts its counts", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 83, 60, 100), fig("X", uasc, 50, 5, 10)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "is 83, not its numerator over its denominator (60 / 100 gives 60)",
	}, {
		name: "cohort figure contradicts its counts", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 60, 60, 100), fig("X", uasc, 20, 5, 10)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "unaccompanied asylum-seeking children (UASC) is 20",
	}, {
		name: "rate contradicts its population", measure: app.Rate,
		obs:  []app.Observation{fig("X", app.All, 330, 11000, 350000), fig("X", uasc, 2100, 420, 2000)},
		want: none, wantNum: none, wantDen: none, status: app.CannotExclude, reason: "gives 314.286",
	}, {
		// Cut, not rounded, to one place: 221 / 1,896 is 11.656...
		name: "figure cut to the places shown", measure: app.Proportion,
		obs:  []app.Observation{fig("X", app.All, 11.6, 221, 1896), fig("X", uasc, 10.9, 12, 110)},
		want: 209.0 / 1786 * 100, wantNum: 209, wantDen: 1786,
	}, {
		name: "source row without cohort figures", measure: app.Median,
		obs:  []app.Observation{fig("X", app.All, 400, none, none), fig("X", excl, 380, none, none)},
		want: 380, wantNum: none, wantDen: none,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(app.Indicator{Ref: "X", Unit: app.Percent, Decimals: 1, Measure: c.measure}, c.obs...)
			before := h.Series(app.SeriesKey{Ref: "X", Area: app.Kent})[0]
			got, warns := Exclude(h, []app.Cohort{app.UASC})
			if len(warns) != c.warnings {
				t.Errorf("warnings = %v, want %d", warns, c.warnings)
			}
			s := got.Series(app.SeriesKey{Ref: "X", Area: app.Kent})
			if len(s) != 1 {
				t.Fatalf("series has %d figures, want 1", len(s))
			}
			o := s[0]
			if o.Status != c.status {
				t.Errorf("status = %q (%s), want %q", o.Status, o.Raw, c.status)
			}
			if c.reason != "" && !strings.Contains(o.Raw, c.reason) {
				t.Errorf("reason %q does not mention %q", o.Raw, c.reason)
			}
			for _, f := range []struct {
				name string
				got  *float64
				want float64
			}{{"value", o.Value, c.want}, {"numerator", o.Numerator, c.wantNum}, {"denominator", o.Denominator, c.wantDen}} {
				switch {
				case math.IsNaN(f.want) && f.got != nil:
					t.Errorf("%s = %v, want none", f.name, *f.got)
				case !math.IsNaN(f.want) && (f.got == nil || math.Abs(*f.got-f.want) > 1e-9):
					t.Errorf("%s = %v, want %v", f.name, ptr(f.got), f.want)
				}
			}
			if o.Rule == "" {
				t.Error("no rule recorded")
			}
			if o.Split != app.All || o.Ref != "X" || o.Area != app.Kent || o.Period != mar25 {
				t.Errorf("figure keyed %v %v, want the All series for Mar-25", o.Key(), o.Period)
			}
			if after := h.Series(app.SeriesKey{Ref: "X", Area: app.Kent})[0]; !after.SameFigures(before) {
				t.Errorf("Exclude changed the history it was given: %+v", after)
			}
		})
	}
}

func TestExcludeDisagreementWarningNamesCell(t *testing.T) {
	src := fig("CIC05", app.Excluding(app.UASC), 11.66, 221, 1896)
	src.Cell = "CIC!H14"
	h := history(app.Indicator{Ref: "CIC05", Unit: app.Percent, Decimals: 1, Measure: app.Proportion},
		fig("CIC05", app.All, 11.66, 221, 1896), fig("CIC05", app.Only(app.UASC), 10.9, 12, 110), src)
	_, warns := Exclude(h, []app.Cohort{app.UASC})
	if len(warns) != 1 {
		t.Fatalf("warnings = %v, want 1", warns)
	}
	w := warns[0]
	if w.File != "cic-scorecard.xlsx" || w.Sheet != "CIC" || w.Cell != "H14" {
		t.Errorf("warning at %v, want cic-scorecard.xlsx CIC!H14", w.Location)
	}
	for _, s := range []string{"CIC05", "excluding UASC", "numerator 221", "209", "1786"} {
		if !strings.Contains(w.Message, s) {
			t.Errorf("warning %q does not mention %s", w.Message, s)
		}
	}
}

func TestExcludeRule(t *testing.T) {
	u := fig("X", app.Only(app.UASC), 10.9, 12, 110)
	u.Rule = SnapshotRule(app.UASC)
	h := history(app.Indicator{Ref: "X", Measure: app.Proportion}, fig("X", app.All, 11.66, 221, 1896), u)
	got, _ := Exclude(h, []app.Cohort{app.UASC})
	o := got.Series(app.SeriesKey{Ref: "X", Area: app.Kent})[0]
	if want := "excluding UASC on the snapshot date"; o.Rule != want {
		t.Errorf("rule = %q, want %q", o.Rule, want)
	}
}

func TestExcludeSeveralCohorts(t *testing.T) {
	uasc, ola := app.Only(app.UASC), app.Only(app.OLA)
	both := app.Excluding(app.UASC, app.OLA)
	cases := []struct {
		name   string
		obs    []app.Observation
		want   float64
		status app.Status
	}{{
		// Both cohorts have children: their overlap is unknown.
		name: "may overlap",
		obs: []app.Observation{fig("X", app.All, 50, 100, 200), fig("X", uasc, 30, 9, 30),
			fig("X", ola, 20, 4, 20)},
		want: none, status: app.CannotExclude,
	}, {
		// The source gives the combination's own row: used as it is.
		name: "source row for the combination",
		obs: []app.Observation{fig("X", app.All, 50, 100, 200), fig("X", uasc, 30, 9, 30),
			fig("X", ola, 20, 4, 20), fig("X", both, 58.8, 88, 150)},
		want: 58.8,
	}, {
		// No OLA children: nothing to overlap, (100-9)/(200-30) = 53.53%.
		name: "one cohort empty",
		obs: []app.Observation{fig("X", app.All, 50, 100, 200), fig("X", uasc, 30, 9, 30),
			fig("X", ola, none, 0, 0)},
		want: 91.0 / 170 * 100,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(app.Indicator{Ref: "X", Decimals: 1, Measure: app.Proportion}, c.obs...)
			got, warns := Exclude(h, []app.Cohort{app.UASC, app.OLA, app.UASC})
			if len(warns) != 0 {
				t.Errorf("warnings: %v", warns)
			}
			o := got.Series(app.SeriesKey{Ref: "X", Area: app.Kent})[0]
			if o.Status != c.status {
				t.Fatalf("status %q (%s), want %q", o.Status, o.Raw, c.status)
			}
			if c.status == app.CannotExclude {
				if o.Value != nil || !strings.Contains(o.Raw, "overlap") {
					t.Errorf("got value %v, reason %q; want none and an overlap reason", ptr(o.Value), o.Raw)
				}
				return
			}
			if o.Value == nil || math.Abs(*o.Value-c.want) > 1e-9 {
				t.Errorf("value %v, want %v", ptr(o.Value), c.want)
			}
		})
	}
}

func TestExcludeNoCohorts(t *testing.T) {
	h := history(app.Indicator{Ref: "X", Measure: app.Count}, fig("X", app.All, 3, none, none))
	if got, warns := Exclude(h, nil); got != h || warns != nil {
		t.Errorf("Exclude with no cohorts = %p, %v; want h itself", got, warns)
	}
}

// TestExcludeWalksPeriods checks figures from the source's excluding row
// alone and from the arithmetic alone land in one series in period order.
func TestExcludeWalksPeriods(t *testing.T) {
	var obs []app.Observation
	at := func(o app.Observation, p app.Period) app.Observation { o.Period = p; return o }
	feb, apr := mar25.Add(-1), mar25.Add(1)
	obs = append(obs,
		at(fig("X", app.All, 5, 10, 200), feb), at(fig("X", app.Only(app.UASC), 5, 1, 20), feb),
		at(fig("X", app.All, 5, 10, 200), mar25), at(fig("X", app.Excluding(app.UASC), 4, 8, 200), apr))
	h := history(app.Indicator{Ref: "X", Decimals: 1, Measure: app.Proportion}, obs...)
	got, _ := Exclude(h, []app.Cohort{app.UASC})
	var line []string
	for _, o := range got.Series(app.SeriesKey{Ref: "X", Area: app.Kent}) {
		line = append(line, fmt.Sprintf("%s %v %s", o.Period, ptr(o.Value), o.Status))
	}
	want := []string{"2025-02 5 ", "2025-03 <nil> cannot exclude", "2025-04 4 "}
	if fmt.Sprint(line) != fmt.Sprint(want) {
		t.Errorf("series = %q, want %q", line, want)
	}
}

func ptr(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// A workforce measure counts no children, so excluding UASC leaves it as
// it is, saying why, where a children's measure without a split cannot be
// excluded.
func TestExcludeUnaffectedIndicator(t *testing.T) {
	h := app.NewHistory()
	mar := app.MonthOf(2025, time.March)
	h.AddIndicator(app.Indicator{Ref: "SCS04", Name: "Agency social workers (%)", Unit: app.Percent, Measure: app.Proportion, Unaffected: []app.Cohort{app.UASC, app.OLA}})
	h.AddIndicator(app.Indicator{Ref: "EH01", Name: "Early help cases closed with outcomes achieved (%)", Unit: app.Percent, Measure: app.Proportion})
	for _, ref := range []string{"SCS04", "EH01"} {
		h.Add(app.Observation{Ref: ref, Area: app.Kent, Period: mar, Value: app.Float(13.2), Numerator: app.Float(132), Denominator: app.Float(1000)})
	}
	ex, _ := Exclude(h, []app.Cohort{app.UASC})
	got, _ := ex.Observation(app.SeriesKey{Ref: "SCS04", Area: app.Kent}, mar)
	if v, ok := got.Figure(); !ok || v != 13.2 || !strings.Contains(got.Rule, "UASC cannot be counted") {
		t.Errorf("SCS04 excluding UASC = %v (%q), want 13.2 standing, with the rule saying why", v, got.Rule)
	}
	if got, _ := ex.Observation(app.SeriesKey{Ref: "EH01", Area: app.Kent}, mar); got.Status != app.CannotExclude {
		t.Errorf("EH01 without a UASC split: status %q, want cannot exclude", got.Status)
	}
	// Excluding a cohort the measure can count, beside one it cannot, is
	// not a pass-through.
	h.AddIndicator(app.Indicator{Ref: "EH01", Unit: app.Percent, Measure: app.Proportion, Unaffected: []app.Cohort{app.OLA}})
	ex, _ = Exclude(h, []app.Cohort{app.OLA, app.UASC})
	if got, _ := ex.Observation(app.SeriesKey{Ref: "EH01", Area: app.Kent}, mar); got.Status != app.CannotExclude {
		t.Errorf("EH01 unaffected by OLA only, excluding OLA and UASC: status %q, want cannot exclude", got.Status)
	}
}

// TestExcludeExactDecimals: a difference of figures given to decimal
// places is given to those places, not with the residue of binary
// arithmetic that an export writes as 12.3999999999999.
func TestExcludeExactDecimals(t *testing.T) {
	uasc := app.Only(app.UASC)
	cases := []struct {
		name          string
		measure       app.Measure
		obs           []app.Observation
		want, wantNum float64 // exactly; NaN for not checked
	}{
		// Days waited, to one place: 23.4 days over 3 children, of
		// which 11.0 the UASC child's: 12.4 over 2, 6.2.
		{"sums to one place", app.Mean,
			[]app.Observation{fig("X", app.All, 7.8, 23.4, 3), fig("X", uasc, 11.0, 11.0, 1)}, 6.2, 12.4},
		{"sums to two places", app.Mean,
			[]app.Observation{fig("X", app.All, 0.15, 0.3, 2), fig("X", uasc, 0.1, 0.1, 1)}, 0.2, 0.2},
		{"the larger places of the two", app.Mean,
			[]app.Observation{fig("X", app.All, 51.35, 102.7, 2), fig("X", uasc, 0.35, 0.35, 1)}, 102.35, 102.35},
		// Days in care: 5,000.3 days over 20 children, 600.1 of them
		// the 5 UASC's: 4,400.2 over 15.
		{"mean's sum", app.Mean,
			[]app.Observation{fig("X", app.All, 250.015, 5000.3, 20), fig("X", uasc, 120.02, 600.1, 5)}, none, 4400.2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(app.Indicator{Ref: "X", Unit: app.Number, Decimals: 2, Measure: c.measure}, c.obs...)
			got, _ := Exclude(h, []app.Cohort{app.UASC})
			o := got.Series(app.SeriesKey{Ref: "X", Area: app.Kent})[0]
			if !math.IsNaN(c.want) && (o.Value == nil || *o.Value != c.want) {
				t.Errorf("value = %v (%s), want exactly %v", ptr(o.Value), o.Raw, c.want)
			}
			if !math.IsNaN(c.wantNum) && (o.Numerator == nil || *o.Numerator != c.wantNum) {
				t.Errorf("numerator = %v, want exactly %v", ptr(o.Numerator), c.wantNum)
			}
		})
	}
}

// A store holding only the source's figures excluding the cohort (the
// revised report imported alone) shows them, excluding it, as its own;
// its all-children figures stay absent (QA19 D1).
func TestExcludeSourceSplitAlone(t *testing.T) {
	excl := app.Excluding(app.UASC)
	for _, tc := range []struct {
		name string
		obs  []app.Observation
		cs   []app.Cohort
		want []string // the All key's series after Exclude
	}{
		{"excluding UASC alone", []app.Observation{fig("X", excl, 1486, none, none)}, []app.Cohort{app.UASC}, []string{"2025-03 1486"}},
		{"excluding UASC alone, OLA asked", []app.Observation{fig("X", excl, 1486, none, none)}, []app.Cohort{app.OLA}, nil},
		{"beside all children", []app.Observation{fig("X", app.All, 1896, none, none), fig("X", excl, 1486, none, none)}, []app.Cohort{app.UASC}, []string{"2025-03 1486"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := history(app.Indicator{Ref: "X", Measure: app.Count}, tc.obs...)
			got, _ := Exclude(h, tc.cs)
			var line []string
			for _, o := range got.Series(app.SeriesKey{Ref: "X", Area: app.Kent}) {
				line = append(line, fmt.Sprintf("%s %v", o.Period, ptr(o.Value)))
			}
			if fmt.Sprint(line) != fmt.Sprint(tc.want) {
				t.Errorf("series = %q, want %q", line, tc.want)
			}
			if len(h.Series(app.SeriesKey{Ref: "X", Area: app.Kent})) != len(tc.obs)-1 {
				t.Error("Exclude changed the history it was given")
			}
		})
	}
}
