package cohort_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/importer"
)

// demoHistory reads the embedded demo workbook as `scorecard demo` does.
func demoHistory(t *testing.T) (*app.History, *app.Dataset) {
	t.Helper()
	res, err := importer.Read(context.Background(), filepath.Join("..", "..", "assets", "demo.xlsx"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I1", Source: res.File}}
	h.Apply(res.Dataset, "I1")
	return h, res.Dataset
}

// TestDistrictsByIdentity: in the demo the districts and "Out of County /
// Unknown" sum to Kent excluding UASC (the UASC children are in the
// "UASC Service" column), so every district figure of every indicator
// whose county figure excludes UASC is a figure excluding UASC: the
// district's own, with the identity as its rule.
func TestDistrictsByIdentity(t *testing.T) {
	h, _ := demoHistory(t)
	ex, warns := cohort.Exclude(h, []app.Cohort{app.UASC})
	if len(warns) != 0 {
		t.Errorf("warnings on the demo: %v", warns)
	}
	checked, refs := 0, 0
	for _, ind := range h.Indicators() {
		if !cohort.Affects(h, ind, app.Kent, []app.Cohort{app.UASC}) {
			continue // its figures stand as published
		}
		counted := false
		for _, c := range ex.Series(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}) {
			if c.Status != app.OK {
				continue
			}
			for _, d := range app.Districts {
				all, ok := h.Observation(app.SeriesKey{Ref: ind.Ref, Area: d}, c.Period)
				if !ok {
					continue
				}
				got, _ := ex.Observation(app.SeriesKey{Ref: ind.Ref, Area: d}, c.Period)
				if got.Status == app.CannotExclude {
					t.Errorf("%s %s %s: cannot exclude (%s), though Kent's figure excluding UASC is %v", ind.Ref, d, c.Period.Label(), got.Raw, *c.Value)
					continue
				}
				if !got.SameFigures(all) {
					t.Errorf("%s %s %s: %+v, want the district's own figure %+v", ind.Ref, d, c.Period.Label(), got, all)
				}
				if !strings.Contains(got.Rule, "sum to the county's figure excluding UASC") {
					t.Errorf("%s %s %s: rule %q does not say how it was proven", ind.Ref, d, c.Period.Label(), got.Rule)
				}
				checked++
				counted = true
			}
		}
		if counted {
			refs++
		}
	}
	// CIC01-05, 07, 08 and 10 have a county figure excluding UASC; CIC02
	// (a rate, with no Out of County column) is proven through CIC01.
	if refs < 8 {
		t.Errorf("district figures excluding UASC for %d indicators, want 8", refs)
	}
	got, _ := ex.Observation(app.SeriesKey{Ref: "CIC02", Area: "Swale"}, h.Latest())
	if !strings.Contains(got.Rule, "CIC01") {
		t.Errorf("CIC02 Swale: rule %q does not name the count it shares", got.Rule)
	}
	// The UASC Service column counts UASC children only: excluding them
	// leaves nobody.
	if o, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: app.UASCService}, h.Latest()); o.Value == nil || *o.Value != 0 {
		t.Errorf("CIC01 UASC Service excluding UASC: %q %v (%s), want 0", o.Status, o.Value, o.Raw)
	}
	if o, _ := ex.Observation(app.SeriesKey{Ref: "CIC03", Area: app.UASCService}, h.Latest()); o.Status != app.NotApplicable {
		t.Errorf("CIC03 UASC Service excluding UASC: %q (%s), want z: no children remain", o.Status, o.Raw)
	}
	t.Logf("%d district figures excluding UASC for %d indicators", checked, refs)
}

// TestBrokenIdentity: where one month's districts do not sum to the
// county's figure excluding UASC, that month is reported with both sides
// and its district figures cannot be given; the other months stand.
func TestBrokenIdentity(t *testing.T) {
	_, d := demoHistory(t)
	bad := app.Period{}
	obs := slices.Clone(d.Observations)
	for i, o := range obs {
		if o.Ref == "CIC01" && o.Area == "Swale" && o.Split == app.All && o.Period.String() == "2025-06" {
			v := *o.Value + 3
			obs[i].Value, obs[i].Numerator = &v, &v
			bad = o.Period
		}
	}
	if bad.IsZero() {
		t.Fatal("no CIC01 Swale figure for 2025-06 in the demo")
	}
	dd := *d
	dd.Observations = obs
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I1", Source: "demo.xlsx"}}
	h.Apply(&dd, "I1")
	ex, warns := cohort.Exclude(h, []app.Cohort{app.UASC})
	kent, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, bad)
	found := false
	for _, w := range warns {
		if strings.Contains(w.Message, "CIC01 "+bad.Label()) {
			found = true
			if !strings.Contains(w.Message, fmt.Sprintf("sum to %v,", *kent.Value+3)) || !strings.Contains(w.Message, fmt.Sprintf("is %v", *kent.Value)) {
				t.Errorf("warning does not give both sides (%v and %v): %s", *kent.Value+3, *kent.Value, w.Message)
			}
		}
	}
	if !found {
		t.Errorf("no warning names CIC01 %s: %v", bad.Label(), warns)
	}
	// CIC02, children in care per 10,000, gives no figure for the columns
	// beside the districts: its count is proven, month by month, as
	// CIC01's district figures. Its warning says that comparison, not its
	// districts' sum against the county's count, which never holds.
	swale, _ := h.Observation(app.SeriesKey{Ref: "CIC01", Area: "Swale"}, bad)
	rate, _ := h.Observation(app.SeriesKey{Ref: "CIC02", Area: "Swale"}, bad)
	if rate.Numerator == nil || *rate.Numerator+3 != *swale.Value {
		t.Fatalf("CIC02 Swale %s count %v, CIC01 %v: want CIC01's less the 3 planted", bad.Label(), rate.Numerator, swale.Value)
	}
	found = false
	for _, w := range warns {
		if !strings.Contains(w.Message, "CIC02 "+bad.Label()) {
			continue
		}
		found = true
		want := fmt.Sprintf("CIC02 %s: its count is not proven as CIC01's district figures excluding UASC (count: Swale's count is %v, CIC01's figure for Swale is %v), though it is in", bad.Label(), *rate.Numerator, *swale.Value)
		if !strings.Contains(w.Message, want) || strings.Contains(w.Message, "the columns sum to") {
			t.Errorf("CIC02 warning = %q, want it to say %q", w.Message, want)
		}
	}
	if !found {
		t.Errorf("no warning names CIC02 %s: %v", bad.Label(), warns)
	}
	for _, a := range []app.Area{"Swale", "Ashford"} {
		o, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: a}, bad)
		if o.Status != app.CannotExclude || !strings.Contains(o.Raw, bad.Label()) {
			t.Errorf("CIC01 %s %s: %q %v (%s), want cannot exclude naming the month", a, bad.Label(), o.Status, o.Value, o.Raw)
		}
		next, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: a}, bad.Add(1))
		if next.Status != app.OK {
			t.Errorf("CIC01 %s %s: %q, want the district's own figure", a, bad.Add(1).Label(), next.Status)
		}
	}
}

// TestDistrictsByIdentityInAnotherAuthority: a Surrey history's districts
// are proven against Surrey's figure excluding UASC, as Kent's are
// against Kent's, whether the authority is named or judged by the
// figures.
func TestDistrictsByIdentityInAnotherAuthority(t *testing.T) {
	surrey, _ := app.LookupAuthority("Surrey")
	mar := app.MonthOf(2025, 3)
	fig := func(a app.Area, s app.Split, v float64) app.Observation {
		return app.Observation{Ref: "CIC01", Area: a, Split: s, Period: mar, Value: app.Float(v), Numerator: app.Float(v)}
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}},
		Observations: []app.Observation{
			fig("Surrey", app.All, 100), fig("Surrey", app.Excluding(app.UASC), 90),
			fig("Woking", app.All, 50), fig("Elmbridge", app.All, 35), fig(app.OutOfCounty, app.All, 5), fig(app.UASCService, app.All, 10),
		},
	}, "I1")
	for _, tc := range []struct {
		name string
		ex   func() (*app.History, []app.Warning)
	}{
		{"named", func() (*app.History, []app.Warning) { return cohort.ExcludeIn(h, []app.Cohort{app.UASC}, surrey) }},
		{"judged", func() (*app.History, []app.Warning) { return cohort.Exclude(h, []app.Cohort{app.UASC}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex, warns := tc.ex()
			if len(warns) != 0 {
				t.Errorf("warnings: %v", warns)
			}
			for area, want := range map[app.Area]float64{"Woking": 50, "Elmbridge": 35} {
				o, _ := ex.Observation(app.SeriesKey{Ref: "CIC01", Area: area}, mar)
				if o.Status != app.OK || o.Value == nil || *o.Value != want || !strings.Contains(o.Rule, "sum to the county's figure excluding UASC") {
					t.Errorf("CIC01 %s excluding UASC = %q %v (%s), want its own %v proven by the identity", area, o.Status, o.Value, o.Rule, want)
				}
			}
		})
	}
}
