package export

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestDisagreeingSourceFigureNoted: a source's own figure excluding UASC
// that all children's minus UASC's contradicts (297/1500, 19.8%, where
// they give 267/1500, 17.8%) is shown as the source gave it, and its
// Scorecard cell says so, naming both figures and which is shown; a
// figure that agrees, and any figure with nothing excluded, has no such
// note.
func TestDisagreeingSourceFigureNoted(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(app.Indicator{Ref: "V01", Name: "Placed more than 20 miles from home (%)", Unit: app.Percent,
		Polarity: app.LowerBetter, Decimals: 1, Measure: app.Proportion, DataPeriod: app.Snapshot, Section: "One"})
	last := app.MonthOf(2026, 10)
	for i := range 12 {
		p := last.Add(i - 11)
		num := 297.0
		ex := num - 30 // agrees: all children's less UASC's
		if p == last {
			ex = 297 // disagrees
		}
		for _, o := range []app.Observation{
			{Split: app.All, Value: app.Float(num / 1600 * 100), Numerator: app.Float(num), Denominator: app.Float(1600)},
			{Split: app.Only(app.UASC), Value: app.Float(30.0 / 100 * 100), Numerator: app.Float(30), Denominator: app.Float(100)},
			{Split: app.Excluding(app.UASC), Value: app.Float(ex / 1500 * 100), Numerator: app.Float(ex), Denominator: app.Float(1500)},
		} {
			o.Ref, o.Area, o.Period, o.Cell = "V01", app.Kent, p, "Data!G"+p.Label()
			h.Add(o)
		}
	}
	tests := []struct {
		name    string
		exclude []app.Cohort
		noted   app.Period // the month whose cell is noted; zero for none
	}{
		{"all children", nil, app.Period{}},
		{"excluding UASC", []app.Cohort{app.UASC}, last},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, sum := export(t, h, Options{Exclude: tt.exclude})
			r := sheetRow(t, f, ScorecardSheet, "V01")
			for i := range 12 {
				p := last.Add(i - 11)
				at := cell(len(scorecardCols)+1+i, r)
				noted := hasComment(f, ScorecardSheet, at, "the source's own figure excluding UASC has value 19.8 where all children minus the cohort give 17.8") &&
					hasComment(f, ScorecardSheet, at, "The figure shown is the source's own")
				if noted != (p == tt.noted) {
					t.Errorf("%s %s noted %v, want %v", p.Label(), at, noted, p == tt.noted)
				}
				if p == tt.noted {
					if v := numberAt(t, f, ScorecardSheet, at); v < 0.1979 || v > 0.1981 {
						t.Errorf("%s %s = %v, want the source's 19.8%%", p.Label(), at, v)
					}
				}
			}
			if tt.exclude != nil && !strings.Contains(strings.Join(warnings(sum), "\n"), "19.8") {
				t.Errorf("no warning of the disagreement: %v", sum.Warnings)
			}
		})
	}
}

func warnings(sum Summary) []string {
	var out []string
	for _, w := range sum.Warnings {
		out = append(out, w.Message)
	}
	return out
}
