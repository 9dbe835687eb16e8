package views

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/trend"
)

// TestRowSaysSourceDisagrees: excluding UASC, a scorecard row whose
// figure is the source's own and cannot be right carries the note that
// show and flags give; one whose own figure agrees does not. QZ1: all 30
// of 120, UASC 6 of 20, so 24 of 100 by hand; the source says 20 of 100.
// QZ2: the source's 110 excluding UASC beside 100 for all children.
func TestRowSaysSourceDisagrees(t *testing.T) {
	mar := app.MonthOf(2025, 3)
	at := func(ref string, split app.Split, v float64, nd ...float64) app.Observation {
		o := app.Observation{Ref: ref, Area: app.Kent, Split: split, Period: mar, Value: app.Float(v)}
		if len(nd) == 2 {
			o.Numerator, o.Denominator = app.Float(nd[0]), app.Float(nd[1])
		}
		return o
	}
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	h := app.NewHistory()
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "QZ1", Name: "Children seen within 10 days (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion},
			{Ref: "QZ2", Name: "Number of children in care", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count},
			{Ref: "QZ4", Name: "Care leavers in touch (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion},
		},
		Observations: []app.Observation{
			at("QZ1", app.All, 25, 30, 120), at("QZ1", uasc, 30, 6, 20), at("QZ1", excl, 20, 20, 100),
			at("QZ2", app.All, 100), at("QZ2", excl, 110),
			at("QZ4", app.All, 25, 30, 120), at("QZ4", uasc, 30, 6, 20), at("QZ4", excl, 24, 24, 100),
		},
	}, "I0001")
	h.Imports = []app.Import{{ID: "I0001", Source: "own.csv"}}
	v := newView(h, app.DefaultAuthority())
	v.setCohort(app.UASC, true)
	cases := map[string]string{
		"QZ1": "value 20 where all children minus the cohort give 24",
		"QZ2": "count 110 above all children's 100",
		"QZ4": "",
	}
	for _, r := range v.rows() {
		want := cases[r.ind.Ref]
		flagged := slices.Contains(r.flags, trend.ExcludingDisagrees)
		said := strings.Join(r.notes, "\n")
		if want == "" {
			if flagged || said != "" {
				t.Errorf("%s: flags %v, notes %q; want none", r.ind.Ref, r.flags, said)
			}
			continue
		}
		if !flagged || !strings.Contains(said, "the source's own figure excluding UASC has "+want) {
			t.Errorf("%s: flags %v, notes %q; want %s and %q", r.ind.Ref, r.flags, said, trend.ExcludingDisagrees, want)
		}
	}
	v.setCohort(app.UASC, false)
	for _, r := range v.rows() {
		if len(r.notes) > 0 {
			t.Errorf("%s for all children: notes %q", r.ind.Ref, r.notes)
		}
	}
}
