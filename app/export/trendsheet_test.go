package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
)

// TestTrendSheetCannotExcludeOnce: a Trend row whose every month cannot
// exclude the cohort for one reason says so once, in a merged cell with
// the reason, as the Scorecard sheet does, not in each of 24 cells.
func TestTrendSheetCannotExcludeOnce(t *testing.T) {
	h, m := demoHistory(t)
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	ex, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
	rows, err := f.GetRows(TrendSheet)
	if err != nil {
		t.Fatal(err)
	}
	whole := 0
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		reasons := map[string]bool{}
		n := 0
		for i := range trendMonths {
			o, ok := ex.Observation(k, m.Latest().Add(-i))
			if !ok {
				continue
			}
			n++
			if o.Status != app.CannotExclude {
				reasons["figure"] = true
				continue
			}
			reasons[o.Raw] = true
		}
		if n < 2 || len(reasons) != 1 || reasons["figure"] {
			continue
		}
		whole++
		row := sheetRow(t, f, TrendSheet, ind.Ref)
		said := 0
		for _, v := range rows[row-1] {
			if strings.HasPrefix(v, app.CannotExclude.String()) {
				said++
			}
		}
		if said != 1 {
			t.Errorf("%s: the Trend row says cannot exclude %d times, want once", ind.Ref, said)
		}
		merged, _ := f.GetMergeCells(TrendSheet)
		found := false
		for _, mc := range merged {
			if _, r, _ := excelize.CellNameToCoordinates(mc.GetStartAxis()); r == row && strings.HasPrefix(mc.GetCellValue(), app.CannotExclude.String()) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the Trend row's cannot exclude is not one merged cell", ind.Ref)
		}
	}
	if whole == 0 {
		t.Fatal("no indicator cannot exclude the cohort in every month: the check proves nothing")
	}
}

func TestTrendSheetHasSparklinesAndCharts(t *testing.T) {
	h, _ := demoHistory(t)
	_, sum := export(t, h, Options{})
	if sum.Sparklines != sum.Indicators {
		t.Errorf("%d sparklines for %d indicators", sum.Sparklines, sum.Indicators)
	}
	if sum.Flagged == 0 || sum.Charts != sum.Flagged {
		t.Errorf("%d charts for %d flagged indicators", sum.Charts, sum.Flagged)
	}
}
