package brief

import (
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// circulateExcluding records an output of month m excluding cohorts cs,
// as export --exclude records one.
func (r *monthlyRun) circulateExcluding(m time.Month, cs ...app.Cohort) {
	c := app.NewCirculation(app.CirculatedWorkbook, "/home/mi/m"+m.String()[:3]+"-excluding.xlsx", app.MonthOf(2025, m), app.Kent, cs, r.h.Imports)
	c.Seq = len(r.h.Circulations) + 1
	r.h.Circulations = append(r.h.Circulations, c)
}

// TestRevisedSinceCirculatedLikeWithLike: what changed since figures
// were last circulated is said against the last output of the same
// figures: an all-children brief against the last all-children output,
// not against a workbook excluding UASC circulated since, whose figures
// members had of other children; with no output of its kind recorded,
// by the imports' order, as with none at all. The brief says which
// output it compared with.
func TestRevisedSinceCirculatedLikeWithLike(t *testing.T) {
	const lead = "SG01 Number of children subject to a child protection plan: "
	uasc := []app.Cohort{"uasc"}
	for _, tt := range []struct {
		name     string
		run      func(r *monthlyRun)
		excluded []app.Cohort // the report's
		want     []string
		against  string // RevisionsAgainst begins so
	}{
		{
			name: "all children's May circulated, then May corrected, then May excluding UASC: against all children's",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m05-corrected.xlsx", time.May, map[time.Month]float64{time.May: 635})
				r.circulateExcluding(time.May, "uasc")
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.May: 640, time.June: 650})
			},
			want:    []string{lead + "May-25 revised from 631 to 640 (m06.xlsx, import I0003)"},
			against: "Against the May-25 brief, all children, recorded as circulated on ",
		},
		{
			name: "the same, excluding UASC: against the workbook excluding UASC",
			run: func(r *monthlyRun) {
				r.circulate(time.May)
				r.file("m05-corrected.xlsx", time.May, map[time.Month]float64{time.May: 635})
				r.circulateExcluding(time.May, "uasc")
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.May: 640, time.June: 650})
			},
			excluded: uasc,
			want:     []string{lead + "May-25 revised from 635 to 640 (m06.xlsx, import I0003)"},
			against:  "Against the May-25 workbook mMay-excluding.xlsx, excluding UASC, recorded as circulated on ",
		},
		{
			name: "only a workbook excluding UASC recorded: the imports' order, as with no record",
			run: func(r *monthlyRun) {
				r.circulateExcluding(time.May, "uasc")
				r.file("m06.xlsx", time.June, map[time.Month]float64{time.June: 631})
				r.file("m06-corrected.xlsx", time.June, map[time.Month]float64{time.June: 645})
			},
			want:    []string{lead + "Jun-25 revised from 631 to 645 (m06-corrected.xlsx, import I0003)"},
			against: "No output of these figures (all children) was recorded as circulated before: the last, the May-25 workbook mMay-excluding.xlsx, excluding UASC, ",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newMonthlyRun()
			tt.run(r)
			opt := Options{Area: app.Kent, Excluded: tt.excluded}
			if got := Revisions(r.h, opt); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			text := RevisionsText(r.h, opt)
			if !strings.HasPrefix(text, RevisionsHeading+"\n"+tt.against) {
				t.Errorf("the brief's paragraph does not say what it compared with, %q:\n%s", tt.against, text)
			}
		})
	}
}
