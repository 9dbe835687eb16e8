package export

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestLongNameExports: an indicator name of 1,700 characters (Excel holds
// 32,767 in a cell) once failed every export because its row would be
// taller than Excel allows; the row is clipped and the name kept whole.
func TestLongNameExports(t *testing.T) {
	for _, n := range []int{1_700, 32_767} {
		name := strings.Repeat("Children in care with a long name ", n/34+1)[:n]
		h := app.NewHistory()
		mar := app.MonthOf(2025, time.March)
		h.Apply(&app.Dataset{
			Indicators:   []app.Indicator{{Ref: "LONG1", Name: name, Unit: app.Number, Section: "One"}},
			Observations: []app.Observation{{Ref: "LONG1", Area: app.Kent, Period: mar, Value: app.Float(5)}, {Ref: "LONG1", Area: app.Kent, Period: mar.Add(-1), Value: app.Float(4)}},
		}, "I0001")
		f, _ := export(t, h, Options{})
		r := sheetRow(t, f, ScorecardSheet, "LONG1")
		found := false
		cells, _ := f.GetRows(ScorecardSheet)
		for _, v := range cells[r-1] {
			found = found || v == name
		}
		if !found {
			t.Errorf("%d characters: the name is not in its row whole", n)
		}
		if ht, err := f.GetRowHeight(ScorecardSheet, r); err != nil || ht > 409 { // Excel's tallest row, in points
			t.Errorf("%d characters: row height %v (%v), want at most 409", n, ht, err)
		}
	}
}
