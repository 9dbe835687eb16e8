package cohort

import (
	"slices"
	"testing"

	"scorecard/app"
)

// TestExcludeRevisions: a figure excluding a cohort was revised when the
// figure worked out from the earlier versions differs from the one worked
// out now, whichever figure it comes from was revised; its earlier
// version is the excluding figure, not the all-children one.
func TestExcludeRevisions(t *testing.T) {
	jan26 := app.MonthOf(2026, 1)
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	count := app.Indicator{Ref: "QX1", Name: "Number of children in care", Unit: app.Number, Measure: app.Count}
	share := app.Indicator{Ref: "QX2", Name: "Children seen within 10 days (%)", Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	at := func(ref string, split app.Split, v, n, d float64) app.Observation {
		o := fig(ref, split, v, n, d)
		o.Period = jan26
		return o
	}
	cases := []struct {
		name        string
		ind         app.Indicator
		first, then []app.Observation
		// want is the figure excluding UASC now and was the one before
		// (none: not revised), by hand.
		want, was float64
	}{
		{"all children revised 62 to 63: 62-8=54 becomes 63-8=55", count,
			[]app.Observation{at("QX1", app.All, 62, none, none), at("QX1", uasc, 8, none, none)},
			[]app.Observation{at("QX1", app.All, 63, none, none)}, 55, 54},
		{"only UASC revised 8 to 9: 62-8=54 becomes 62-9=53", count,
			[]app.Observation{at("QX1", app.All, 62, none, none), at("QX1", uasc, 8, none, none)},
			[]app.Observation{at("QX1", uasc, 9, none, none)}, 53, 54},
		{"both revised by one: 54 stands, not revised", count,
			[]app.Observation{at("QX1", app.All, 62, none, none), at("QX1", uasc, 8, none, none)},
			[]app.Observation{at("QX1", app.All, 63, none, none), at("QX1", uasc, 9, none, none)}, 54, none},
		{"only UASC revised 4/21 to 5/22: 39/100 = 39% becomes 38/99 = 38.38%", share,
			[]app.Observation{at("QX2", app.All, 35.54, 43, 121), at("QX2", uasc, 19.05, 4, 21)},
			[]app.Observation{at("QX2", uasc, 22.73, 5, 22)}, 38.0 / 99 * 100, 39},
		{"the source's own excluding figure revised 54 to 56", count,
			[]app.Observation{at("QX1", app.All, 62, none, none), at("QX1", excl, 54, none, none)},
			[]app.Observation{at("QX1", excl, 56, none, none)}, 56, 54},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := app.NewHistory()
			h.Apply(&app.Dataset{Indicators: []app.Indicator{c.ind}, Observations: c.first}, "I0001")
			h.Apply(&app.Dataset{Observations: c.then}, "I0002")
			h.Imports = []app.Import{{ID: "I0001", Source: "scorecard.csv"}, {ID: "I0002", Source: "revision.csv"}}
			k := app.SeriesKey{Ref: c.ind.Ref, Area: app.Kent}
			stored := slices.Clone(h.Revisions(k, jan26))
			got, _ := Exclude(h, []app.Cohort{app.UASC})
			if after := h.Revisions(k, jan26); len(after) != len(stored) || len(after) > 0 && !after[0].SameFigures(stored[0]) {
				t.Errorf("the stored history's revisions became %+v, were %+v", after, stored)
			}
			o, ok := got.Observation(k, jan26)
			if !ok || o.Value == nil {
				t.Fatalf("no figure excluding UASC: %+v", o)
			}
			if !near(*o.Value, c.want) {
				t.Errorf("figure = %v, want %v", *o.Value, c.want)
			}
			revs := got.Revisions(k, jan26)
			if isNone(c.was) {
				if o.Revision != 0 || len(revs) != 0 {
					t.Errorf("revision %d, earlier versions %+v; want none: the figure excluding UASC did not change", o.Revision, revs)
				}
				return
			}
			if o.Revision != 1 || o.Import != "I0002" {
				t.Errorf("revision %d by %s, want 1 by I0002", o.Revision, o.Import)
			}
			if len(revs) != 1 || revs[0].Value == nil || !near(*revs[0].Value, c.was) {
				t.Fatalf("earlier versions %+v, want one of %v", revs, c.was)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func isNone(v float64) bool { return v != v }
