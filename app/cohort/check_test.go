package cohort

import (
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// TestExcludeDisagreements: a source's own figure excluding UASC that the
// arithmetic contradicts, or that counts more than all children, stands
// as given and is noted, with both figures and the cell; one that agrees,
// or that nothing can contradict, is not.
func TestExcludeDisagreements(t *testing.T) {
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	pct := app.Indicator{Ref: "QZ1", Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	count := app.Indicator{Ref: "QZ2", Unit: app.Number, Measure: app.Count}
	cases := []struct {
		name string
		ind  app.Indicator
		obs  []app.Observation
		// want are what the note must say (none: no note); value is the
		// figure shown, the source's own.
		want  []string
		value float64
	}{
		{"30/120 all, 6/20 UASC: 24/100 by hand, the source says 20/100", pct,
			[]app.Observation{fig("QZ1", app.All, 25, 30, 120), fig("QZ1", uasc, 30, 6, 20), fig("QZ1", excl, 20, 20, 100)},
			[]string{"excluding UASC", "value 20 where all children minus the cohort give 24", "numerator 20 where all children minus the cohort give 24"}, 20},
		{"agrees: 24/100, shown as 24.0", pct,
			[]app.Observation{fig("QZ1", app.All, 25, 30, 120), fig("QZ1", uasc, 30, 6, 20), fig("QZ1", excl, 24, 24, 100)},
			nil, 24},
		{"count excluding UASC 110 above all children's 100, no UASC row", count,
			[]app.Observation{fig("QZ2", app.All, 100, none, none), fig("QZ2", excl, 110, none, none)},
			[]string{"excluding UASC", "count 110 above all children's 100"}, 110},
		{"count excluding UASC 90 below all children's 100, no UASC row", count,
			[]app.Observation{fig("QZ2", app.All, 100, none, none), fig("QZ2", excl, 90, none, none)},
			nil, 90},
		{"percentage 82 excluding UASC above 80 for all: a share can be higher", pct,
			[]app.Observation{fig("QZ1", app.All, 80, none, none), fig("QZ1", excl, 82, none, none)},
			nil, 82},
		{"denominator 130 excluding UASC above all children's 120", pct,
			[]app.Observation{fig("QZ1", app.All, 25, 30, 120), fig("QZ1", excl, 20, 26, 130)},
			[]string{"denominator 130 above all children's 120"}, 20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.obs {
				c.obs[i].Cell = "Data!J" + string(rune('2'+i))
			}
			h := history(c.ind, c.obs...)
			got, warns, ds := ExcludeNoted(h, []app.Cohort{app.UASC}, app.AuthorityOf(h))
			o, _ := got.Observation(app.SeriesKey{Ref: c.ind.Ref, Area: app.Kent}, mar25)
			if o.Value == nil || *o.Value != c.value {
				t.Errorf("figure %+v, want the source's own %v", o, c.value)
			}
			if c.want == nil {
				if len(ds) != 0 || len(warns) != 0 {
					t.Errorf("noted %v, warned %v; want nothing", ds, warns)
				}
				return
			}
			if len(ds) != 1 || len(warns) != 1 {
				t.Fatalf("noted %v, warned %v; want one of each", ds, warns)
			}
			d := ds[0]
			if d.Ref != c.ind.Ref || d.Area != app.Kent || d.Period != mar25 {
				t.Errorf("noted for %s %s %s, want %s Kent Mar-25", d.Ref, d.Area, d.Period, c.ind.Ref)
			}
			if w := warns[0]; w.File != "cic-scorecard.xlsx" || w.Sheet != "Data" || w.Cell != "J4" && w.Cell != "J3" {
				t.Errorf("warned at %v, want the source's own excluding cell", w.Location)
			}
			for _, s := range c.want {
				if !strings.Contains(d.Note(), s) {
					t.Errorf("note %q does not say %q", d.Note(), s)
				}
			}
		})
	}
}

// TestOverlappingCohortsBound: a source's own count excluding two cohorts
// that may overlap cannot be worked out, but it is bounded: all children's
// less both cohorts' (none in both) to all children's less the larger's
// (the smaller within it). 80 children, 6 UASC and 5 placed by other
// authorities: 69 to 74 (QA12, g15).
func TestOverlappingCohortsBound(t *testing.T) {
	uasc, ola := app.Only(app.UASC), app.Only(app.OLA)
	both := app.Excluding(app.OLA, app.UASC)
	count := app.Indicator{Ref: "OC3", Unit: app.Number, Measure: app.Count}
	for _, c := range []struct {
		source float64
		want   string // "" for no note
	}{
		{69, ""}, {70, ""}, {74, ""},
		{68, "count 68 below all children's less every cohort's, 69"},
		{76, "count 76 above all children's less the largest cohort's, 74"},
		{81, "count 81 above all children's 80"},
	} {
		obs := []app.Observation{fig("OC3", app.All, 80, none, none), fig("OC3", uasc, 6, none, none),
			fig("OC3", ola, 5, none, none), fig("OC3", both, c.source, none, none)}
		h := history(count, obs...)
		got, _, ds := ExcludeNoted(h, []app.Cohort{app.OLA, app.UASC}, app.AuthorityOf(h))
		if o, _ := got.Observation(app.SeriesKey{Ref: "OC3", Area: app.Kent}, mar25); o.Value == nil || *o.Value != c.source {
			t.Errorf("%v: figure %+v, want the source's own", c.source, o)
		}
		switch {
		case c.want == "" && len(ds) > 0:
			t.Errorf("%v: noted %q, want nothing", c.source, ds[0].Note())
		case c.want != "" && (len(ds) != 1 || !strings.Contains(ds[0].Note(), c.want)):
			t.Errorf("%v: noted %v, want one saying %q", c.source, ds, c.want)
		}
	}
}

// TestExcludeNotedOf: the figures are every indicator's, as ExcludeNoted
// gives them, and the disagreements and their warnings those of the one
// indicator asked about.
func TestExcludeNotedOf(t *testing.T) {
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	h := app.NewHistory()
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "QZ1", Unit: app.Percent, Decimals: 1, Measure: app.Proportion},
			{Ref: "QZ2", Unit: app.Number, Measure: app.Count},
		},
		Observations: []app.Observation{
			// 30/120 all, 6/20 UASC: 24/100 by hand; the source says 20/100.
			fig("QZ1", app.All, 25, 30, 120), fig("QZ1", uasc, 30, 6, 20), fig("QZ1", excl, 20, 20, 100),
			// A count excluding UASC above all children's.
			fig("QZ2", app.All, 100, none, none), fig("QZ2", excl, 110, none, none),
		},
	}, "I0001")
	h.Imports = []app.Import{{ID: "I0001", Source: "cic-scorecard.xlsx"}}
	cs, auth := []app.Cohort{app.UASC}, app.AuthorityOf(h)
	all, allWarns, allDs := ExcludeNoted(h, cs, auth)
	if len(allDs) != 2 || len(allWarns) != 2 {
		t.Fatalf("ExcludeNoted noted %v, warned %v; want both indicators' disagreements", allDs, allWarns)
	}
	for _, ref := range []string{"QZ1", "QZ2"} {
		got, warns, ds := ExcludeNotedOf(h, cs, auth, ref)
		if len(ds) != 1 || ds[0].Ref != ref || len(warns) != 1 || warns[0].Message != ds[0].Warning().Message {
			t.Errorf("ExcludeNotedOf(%s) noted %v, warned %v; want %s's disagreement alone", ref, ds, warns, ref)
		}
		for _, k := range all.Keys() {
			if g, w := fmt.Sprint(got.Series(k)), fmt.Sprint(all.Series(k)); g != w {
				t.Errorf("ExcludeNotedOf(%s): series %v\n got %s\nwant %s", ref, k, g, w)
			}
		}
		if len(got.Keys()) != len(all.Keys()) {
			t.Errorf("ExcludeNotedOf(%s) holds %d series, ExcludeNoted %d", ref, len(got.Keys()), len(all.Keys()))
		}
	}
}
