package brief

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestDistrictRevisions: a district's brief lists the district's own
// revised figures, and the year's target restated (the county's target
// rates the district too); the authority's brief lists its own and says
// how many districts' figures were revised, not each (a district's
// figure would otherwise be revised with nothing said in any brief).
func TestDistrictRevisions(t *testing.T) {
	may := app.MonthOf(2025, time.May)
	ind := app.Indicator{Ref: "SG11", Name: "Children on a plan", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}
	build := func() *app.History {
		d := app.Dataset{Indicators: []app.Indicator{ind}}
		for i := 0; i < 5; i++ {
			p := app.MonthOf(2025, time.January).Add(i)
			for j, a := range []app.Area{app.Kent, "Ashford", "Dover", "Swale"} {
				d.Observations = append(d.Observations, app.Observation{Ref: "SG11", Area: a, Period: p, Value: f(float64(100*(j+1) + i))})
			}
		}
		fy := app.Period{Kind: app.FinancialYear, Year: 2025}
		d.Targets = []app.Target{{Ref: "SG11", Year: fy, Target: f(300), Floor: f(400)}}
		h := app.NewHistory()
		h.Apply(&d, "I0001")
		h.Apply(&app.Dataset{Observations: []app.Observation{
			{Ref: "SG11", Area: app.Kent, Period: may, Value: f(150)},
			{Ref: "SG11", Area: "Ashford", Period: may, Value: f(250)},
			{Ref: "SG11", Area: "Dover", Period: may, Value: f(350)},
			{Ref: "SG11", Area: app.Kent, Period: may.Add(1), Value: f(110)},
			{Ref: "SG11", Area: "Ashford", Period: may.Add(1), Value: f(210)},
			{Ref: "SG11", Area: "Dover", Period: may.Add(1), Value: f(310)},
			{Ref: "SG11", Area: "Swale", Period: may.Add(1), Value: f(410)},
		}, Targets: []app.Target{{Ref: "SG11", Year: fy, Target: f(220), Floor: f(400),
			Replaced: &app.Replaced{Target: f(300), Floor: f(400), Import: "I0001"}}}}, "I0002") // as app.ReviewTargets marks it
		h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx"}, {ID: "I0002", Source: "m06.xlsx"}}
		return h
	}
	for _, tt := range []struct {
		name string
		area app.Area
		want []string
		not  []string
	}{
		{"a district's", "Ashford", []string{"SG11 Children on a plan: May-25 revised from 204 to 250 (m06.xlsx, import I0002)",
			"SG11 Children on a plan: 2025/26 target revised from", "it changes the rating of 1 reported figure: May-25"}, []string{"from 104 ", "from 304 ", "districts"}},
		{"a district without its figures revised", "Swale", []string{"2025/26 target revised from", "it changes the rating of no figure held"}, []string{"revised from 4", "districts"}},
		{"the authority's", app.Kent, []string{"SG11 Children on a plan: May-25 revised from 104 to 150 (m06.xlsx, import I0002)",
			"2025/26 target revised from", "it changes the rating of no figure held",
			"and 2 districts' figures, each listed in its district's brief and pack"}, []string{"from 204 ", "Ashford"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := build()
			text := RevisionsText(h, Options{Area: tt.area})
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in\n%s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("%q in\n%s", n, text)
				}
			}
		})
	}
}
