package export

import (
	"fmt"
	"testing"
	"time"

	"scorecard/app"
)

// TestRevisedFigureNoted: a figure a later import revised is noted at
// its cell of the Scorecard sheet, naming the file that gave it and the
// file it replaces, but not the earlier figure, which beside the later
// one could undo suppression (QA27a 2: the circulated workbook showed a
// revised month with no word). Figures never revised, and the worked-out
// figures of an export excluding cohorts, carry no such note; the
// streamed writer notes as the whole-history one does.
func TestRevisedFigureNoted(t *testing.T) {
	ind := app.Indicator{Ref: "SG01", Name: "Number of referrals", Unit: app.Number, Measure: app.Count, Section: "One"}
	last := app.MonthOf(2025, time.July)
	first := &app.Dataset{Indicators: []app.Indicator{ind}}
	for i := range 3 { // Apr-25 to Jun-25
		first.Observations = append(first.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: last.Add(i - 3), Value: app.Float(600 + float64(i))})
	}
	second := &app.Dataset{Indicators: []app.Indicator{ind}, Observations: []app.Observation{
		{Ref: ind.Ref, Area: app.Kent, Period: last.Add(-2), Value: app.Float(645)}, // May-25 revised from 601
		{Ref: ind.Ref, Area: app.Kent, Period: last, Value: app.Float(650)},
	}}
	h := app.NewHistory()
	h.Apply(first, "I0001")
	h.Apply(second, "I0002")
	h.Imports = []app.Import{{ID: "I0001", Source: "m06.xlsx"}, {ID: "I0002", Source: "m07.xlsx"}}
	for _, streamed := range []bool{false, true} {
		for _, exclude := range [][]app.Cohort{nil, {app.UASC}} {
			if streamed && exclude != nil {
				continue // written from the whole history
			}
			t.Run(fmt.Sprintf("streamed %v, excluding %v", streamed, exclude), func(t *testing.T) {
				f, _ := written(t, h, Options{Period: last, Months: 4, Exclude: exclude}, streamed)
				r := sheetRow(t, f, ScorecardSheet, "SG01")
				for i := range 4 {
					p := last.Add(i - 3)
					at := cell(headerCol(t, f, p.Label()), r)
					want := p == last.Add(-2) && exclude == nil
					if got := hasComment(f, ScorecardSheet, at, "Revised: this figure, given by m07.xlsx (I0002), replaces the one m06.xlsx (I0001) gave first"); got != want {
						t.Errorf("%s at %s noted as revised %v, want %v", p.Label(), at, got, want)
					}
					if hasComment(f, ScorecardSheet, at, "601") {
						t.Errorf("%s at %s: the note gives the earlier figure", p.Label(), at)
					}
				}
			})
		}
	}
}
