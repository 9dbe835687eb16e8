package export

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestOutturnFromYearEnd: with no outturn given and no figure for the
// year itself, a measure whose figure at the year's end is the year's (a
// snapshot, rolling 12 months, year to date) shows its March figure as
// the previous year's outturn, said in the cell's note; the column had
// been blank though the history held it (QA27a). A monthly count, whose
// March is no year, stays blank; a withheld March stays withheld.
func TestOutturnFromYearEnd(t *testing.T) {
	april := app.MonthOf(2025, time.April)
	march := april.Add(-1)
	tests := []struct {
		name  string
		dp    app.DataPeriod
		march float64
		want  string // the outturn cell; "" for blank
		note  string
	}{
		{"snapshot", app.Snapshot, 1395, "1395", "Mar-25's figure: the 2024/25 outturn of a measure whose figure at the year's end is the year's (snapshot on the last day of the month)."},
		{"rolling 12 months", app.Rolling12, 812, "812", "(rolling 12 months to the month shown)"},
		{"monthly count", app.Monthly, 640, "", ""},
		{"withheld snapshot", app.Snapshot, 3, "c", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := app.Indicator{Ref: "YE01", Name: "Number of children looked after", Unit: app.Number, Measure: app.Count,
				DataPeriod: tt.dp, Section: "One"}
			d := &app.Dataset{Indicators: []app.Indicator{ind}, Observations: []app.Observation{
				{Ref: "YE01", Area: app.Kent, Period: march.Add(-1), Value: app.Float(tt.march + 5)},
				{Ref: "YE01", Area: app.Kent, Period: march, Value: app.Float(tt.march)},
				{Ref: "YE01", Area: app.Kent, Period: april, Value: app.Float(tt.march + 10)},
			}}
			h := app.NewHistory()
			h.Apply(d, "I0001")
			f, _ := export(t, h, Options{Period: april, Suppress: 5})
			r := sheetRow(t, f, ScorecardSheet, "YE01")
			at := cell(5, r)
			got, _ := f.GetCellValue(ScorecardSheet, at)
			if strings.ReplaceAll(got, ",", "") != tt.want {
				t.Errorf("outturn %s = %q, want %q", at, got, tt.want)
			}
			if tt.note != "" && !hasComment(f, ScorecardSheet, at, tt.note) {
				t.Errorf("outturn %s: no note %q", at, tt.note)
			}
		})
	}
}
