package brief

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// monthlyRun is a store's history as an MI officer's monthly run leaves
// it: m05.xlsx (I0001) gives SG01 January to May; each later file gives
// its month and any revision of an earlier one, as the store keeps them
// (an import's reach included).
type monthlyRun struct {
	h *app.History
}

func newMonthlyRun() *monthlyRun {
	r := &monthlyRun{h: counts("SG01", "Number of children subject to a child protection plan", 600, 605, 610, 615, 631)}
	r.h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx", Kind: "workbook", Reach: []app.Period{app.MonthOf(2025, time.May)}}}
	return r
}

// file imports name as the next import, giving SG01's figures vals by
// month, and returns its ID; it reached the month reach (the latest it
// gave figures for, of any indicator).
func (r *monthlyRun) file(name string, reach time.Month, vals map[time.Month]float64) string {
	id := fmt.Sprintf("I%04d", len(r.h.Imports)+1)
	var d app.Dataset
	for _, m := range slices.Sorted(maps.Keys(vals)) {
		d.Observations = append(d.Observations, app.Observation{Ref: "SG01", Area: app.Kent, Period: app.MonthOf(2025, m), Value: f(vals[m])})
	}
	r.h.Apply(&d, id)
	r.h.Imports = append(r.h.Imports, app.Import{ID: id, Source: name, Kind: "workbook", Reach: []app.Period{app.MonthOf(2025, reach)}})
	return id
}

// circulate records an output of month m, as export, brief and pack
// record one, reflecting the imports in force now.
func (r *monthlyRun) circulate(m time.Month) {
	c := app.NewCirculation(app.CirculatedBrief, "", app.MonthOf(2025, m), app.Kent, nil, r.h.Imports)
	c.Seq = len(r.h.Circulations) + 1
	r.h.Circulations = append(r.h.Circulations, c)
}

// TestRevisedSinceLastCirculated: where the store records what was
// circulated, a figure is said revised against the figure the last
// output that showed it gave, not against the import before: a
// corrected copy of June's file imported before June went out revises
// nothing members had. A store with no record goes by the imports'
// order, as before.
func TestRevisedSinceLastCirculated(t *testing.T) {
	const lead = "SG01 Number of children subject to a child protection plan: "
	for _, tt := range []struct {
		name string
		run  func(r *monthlyRun)
		want []string
	}{
		{
			name: "June corrected before anything of June was circulated",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
			},
		},
		{
			name: "no circulation recorded: the imports' order, as before",
			run: func(r *monthlyRun) {
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
			},
			want: []string{lead + "Jun-25 revised from 631 to 645 (m06-corrected.xlsx, import I0003)"},
		},
		{
			name: "only this report recorded, run again: the imports' order, as its first run said",
			run: func(r *monthlyRun) {
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
				r.circulate(time.June)
			},
			want: []string{lead + "Jun-25 revised from 631 to 645 (m06-corrected.xlsx, import I0003)"},
		},
		{
			name: "June circulated, then corrected",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 631})
				r.circulate(time.June)
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
			},
			want: []string{lead + "Jun-25 revised from 631 to 645 (m06-corrected.xlsx, import I0003)"},
		},
		{
			name: "May revised by June's file, June corrected before it went out",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.May: 640, time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
			},
			want: []string{lead + "May-25 revised from 631 to 640 (m06.xlsx, import I0002)"},
		},
		{
			name: "June's brief run again says what it said",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.May: 640, time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
				r.circulate(time.June)
			},
			want: []string{lead + "May-25 revised from 631 to 640 (m06.xlsx, import I0002)"},
		},
		{
			name: "May revised twice since it went out: from what members had",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m05-corrected.xlsx", time.May, map[time.Month]float64{time.May: 635})
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.May: 640, time.June: 631})
			},
			want: []string{lead + "May-25 revised from 631 to 640 (m06.xlsx, import I0003)"},
		},
		{
			name: "a month left blank when circulated, given since",
			run: func(r *monthlyRun) {
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 650})
				r.file("m08.xlsx", time.August, map[time.Month]float64{time.July: 660})
				r.circulate(time.August)
				r.file("m09.xlsx", time.September, map[time.Month]float64{time.August: 665, time.September: 670})
			},
			want: []string{lead + "Aug-25 given late: 665, where an earlier file that ran to Aug-25 gave no figure (m09.xlsx, import I0004)"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newMonthlyRun()
			tt.run(r)
			got := Revisions(r.h, Options{Area: app.Kent})
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRetiredRevisionSaid: an indicator circulated for May and retired
// from June is left out of June's brief, but a revision of its May
// figure, which members had, is still said, marked retired, and withheld
// as any revision is where a figure is small (QA27a 5).
func TestRetiredRevisionSaid(t *testing.T) {
	may, jun := app.MonthOf(2025, time.May), app.MonthOf(2025, time.June)
	const lead = "SG07 Children missing from care (number) (retired from Jun-25): "
	for _, tt := range []struct {
		name       string
		circulated bool // the store records May's circulation
		was, now   float64
		suppress   int
		want       string
	}{
		{"no circulation recorded", false, 12, 14, 5, lead + "May-25 revised from 12 to 14 (m06.xlsx, import I0003)"},
		{"May's circulation recorded", true, 12, 14, 5, lead + "May-25 revised from 12 to 14 (m06.xlsx, import I0003)"},
		{"the earlier figure small", true, 3, 14, 5, lead + "May-25 revised to 14; the earlier figure is withheld (small numbers) (m06.xlsx, import I0003)"},
		{"the figure now small", false, 12, 3, 5, lead + "May-25 revised; figures withheld (small numbers) (m06.xlsx, import I0003)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ind := app.Indicator{Ref: "SG07", Name: "Children missing from care (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}
			h := counts("SG01", "Number of children subject to a child protection plan", 600, 605, 610, 615, 631)
			d := app.Dataset{Indicators: []app.Indicator{ind}}
			for i, v := range []float64{10, 11, 9, 13, tt.was} {
				d.Observations = append(d.Observations, app.Observation{Ref: "SG07", Area: app.Kent, Period: app.MonthOf(2025, time.January).Add(i), Value: f(v)})
			}
			h.Apply(&d, "I0001")
			h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx", Kind: "workbook", Reach: []app.Period{may}}}
			if tt.circulated {
				h.Circulations = []app.Circulation{app.NewCirculation(app.CirculatedPack, "pack.pdf", may, app.Kent, nil, h.Imports)}
			}
			retire := app.ChartSetting{Ref: "SG07", Kind: app.SetRetire, From: jun, Import: "I0002"}
			h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{retire}}, "I0002")
			h.Apply(&app.Dataset{Observations: []app.Observation{
				{Ref: "SG01", Area: app.Kent, Period: jun, Value: f(640)},
				{Ref: "SG07", Area: app.Kent, Period: may, Value: f(tt.now)}}}, "I0003")
			h.Imports = append(h.Imports, app.Import{ID: "I0002", Source: "edit", Kind: "edit"},
				app.Import{ID: "I0003", Source: "m06.xlsx", Kind: "workbook", Reach: []app.Period{jun}})
			if h.InCirculation("SG07", jun) {
				t.Fatal("SG07 is not retired from June")
			}
			base, _, _, _ := disclosure.Release(h, nil, tt.suppress)
			got := Revisions(h, Options{Area: app.Kent, Shown: base, Suppress: tt.suppress})
			if !slices.Contains(got, tt.want) {
				t.Fatalf("got  %q\nwant %q among them", got, tt.want)
			}
		})
	}
}
