package brief

import (
	"math"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// TestRevisionsSaidAsCirculated: the brief lists a figure already
// circulated that the month's import revised, with both figures where
// the release would show both, and never a figure, nor an earlier
// figure, that small-number suppression withholds (QA27a 2): the
// earlier 3 beside a 7 would give away the count the last release
// withheld; a figure withheld now gives neither.
func TestRevisionsSaidAsCirculated(t *testing.T) {
	c := math.Inf(1) // the source's own c
	for _, tt := range []struct {
		name     string
		was, now float64
		suppress int // 0: not for circulation (no Shown)
		want     string
		not      []string
	}{
		{"both shown", 631, 645, 5, "SG11 Children on a plan: May-25 revised from 631 to 645 (m06.xlsx, import I0002)", nil},
		{"the earlier figure small", 3, 7, 5, "SG11 Children on a plan: May-25 revised to 7; the earlier figure is withheld (small numbers) (m06.xlsx, import I0002)", []string{"3"}},
		{"the earlier figure the source's c", c, 7, 5, "SG11 Children on a plan: May-25 revised to 7; the earlier figure is withheld (small numbers) (m06.xlsx, import I0002)", nil},
		{"the figure now small", 7, 3, 5, "SG11 Children on a plan: May-25 revised; figures withheld (small numbers) (m06.xlsx, import I0002)", []string{"7", "3 "}},
		{"not for circulation", 3, 7, 0, "SG11 Children on a plan: May-25 revised from 3 to 7 (m06.xlsx, import I0002)", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := counts("SG11", "Children on a plan", 20, 21, 22, 23, 0)
			may := app.MonthOf(2025, time.May)
			first := app.Observation{Ref: "SG11", Area: app.Kent, Period: may, Value: f(tt.was)}
			if math.IsInf(tt.was, 1) {
				first.Value, first.Status, first.Raw = nil, app.Suppressed, "c"
			}
			h.Apply(&app.Dataset{Observations: []app.Observation{first}}, "I0001")
			h.Apply(&app.Dataset{Observations: []app.Observation{
				{Ref: "SG11", Area: app.Kent, Period: may, Value: f(tt.now)},
				{Ref: "SG11", Area: app.Kent, Period: may.Add(1), Value: f(24)}}}, "I0002")
			h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx"}, {ID: "I0002", Source: "m06.xlsx"}}
			opt := Options{Area: app.Kent}
			if tt.suppress > 0 {
				base, _, _, _ := disclosure.Release(h, nil, tt.suppress)
				opt.Shown, opt.Suppress = base, tt.suppress
			}
			got := Revisions(h, opt)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
			for _, n := range tt.not {
				if strings.Contains(strings.TrimPrefix(got[0], "SG11 Children on a plan: May-25"), " "+n) {
					t.Errorf("%q gives %q", got[0], n)
				}
			}
			if text := RevisionsText(h, opt); !strings.HasPrefix(text, RevisionsHeading+"\n- "+tt.want) {
				t.Errorf("text: %q", text)
			}
		})
	}
}

// TestPastMonthRevisionsWithheld: a past month's brief, re-run after a
// later import revised a figure its circulation gave late, says the late
// fill (trend.Revisions keeps it that month's news) but never its small
// figure, though the figure now held is shown.
func TestPastMonthRevisionsWithheld(t *testing.T) {
	apr, may, jun, jul := app.MonthOf(2025, time.April), app.MonthOf(2025, time.May), app.MonthOf(2025, time.June), app.MonthOf(2025, time.July)
	for _, tt := range []struct {
		name     string
		late     float64 // the figure given late for May, in June's import
		suppress int
		want     string
	}{
		{"small, withheld", 3, 5, "SG11 Children on a plan: May-25 given late; figure withheld (small numbers), since revised (m06.xlsx, import I0003)"},
		{"shown", 30, 5, "SG11 Children on a plan: May-25 given late: 30, where an earlier file that ran to May-25 gave no figure (m06.xlsx, import I0003)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := counts("SG11", "Children on a plan", 20, 21, 22, 23) // Jan to Apr, I0001
			h.Apply(&app.Dataset{Observations: []app.Observation{{Ref: "SG11", Area: app.Kent, Period: apr, Value: f(23)}}}, "I0002")
			h.Apply(&app.Dataset{Observations: []app.Observation{
				{Ref: "SG11", Area: app.Kent, Period: may, Value: f(tt.late)},
				{Ref: "SG11", Area: app.Kent, Period: jun, Value: f(24)}}}, "I0003")
			h.Apply(&app.Dataset{Observations: []app.Observation{
				{Ref: "SG11", Area: app.Kent, Period: may, Value: f(27)},
				{Ref: "SG11", Area: app.Kent, Period: jul, Value: f(25)}}}, "I0004")
			h.Imports = []app.Import{{ID: "I0001", Source: "m04.xlsx", Reach: []app.Period{apr}}, {ID: "I0002", Source: "m05.xlsx", Reach: []app.Period{may}},
				{ID: "I0003", Source: "m06.xlsx", Reach: []app.Period{jun}}, {ID: "I0004", Source: "m07.xlsx", Reach: []app.Period{jul}}}
			base, _, _, _ := disclosure.Release(h, nil, tt.suppress)
			got := Revisions(h, Options{Area: app.Kent, Period: jun, Shown: base, Suppress: tt.suppress})
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
