package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// quarterlyFixture is a quarterly percentage (Data period Q) given, as a
// scorecard gives it, in the months quarters end, Jun-23 to Dec-24, to
// import beside scorecardFixture's months: Oct-Dec 2024 is 52 of 100,
// RED against a floor of 55%.
func quarterlyFixture() *app.Dataset {
	ind := app.Indicator{Ref: "Q04", Name: "Care leavers in suitable accommodation (%)", Section: "Children in Care", Polarity: app.HigherBetter,
		Unit: app.Percent, Decimals: 1, Measure: app.Proportion, DataPeriod: app.QuarterPeriod}
	d := &app.Dataset{Indicators: []app.Indicator{ind}}
	for i, n := range []float64{64, 66, 65, 63, 60, 62, 52} {
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: app.MonthOf(2023, time.June).Add(3 * i),
			Value: app.Float(n), Numerator: app.Float(n), Denominator: app.Float(100)})
	}
	for _, y := range []int{2023, 2024} {
		d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(70), Floor: app.Float(55)})
	}
	return d
}

// TestWindowSaysOffCycle: in a month no quarter ends, the scorecard's
// Current cell of a quarterly indicator says "quarterly" rather than
// nothing, with no RAG or DoT of the month; highlighting it says its
// latest quarter as the pack does, labelled as that quarter's; and the
// status bar, which counts ratings, names it; in a month its quarter was
// due, late, "missing", the note saying so and when it was due. In the
// month its quarter ends the cell is the quarter's figure, rated (QA23c
// D10).
func TestWindowSaysOffCycle(t *testing.T) {
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24), quarterlyFixture()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	w.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(w.win.Close)
	for _, tt := range []struct {
		period        app.Period
		cells         []string // Current, Previous, RAG, DoT
		hint, status  string   // "" for none
		notHint, notS string
	}{
		{app.MonthOf(2025, time.February), []string{"quarterly", "", "", ""},
			"Q04 Care leavers in suitable accommodation (%): quarterly: Oct-Dec 2024 = 52.0% RED; next due Mar-25, so February 2025 has no figure, rating or direction of it.",
			"quarterly or annual, no figure for Feb-25: Q04 (its row gives the latest)", "", ""},
		// The quarter to March is late: its cell says so, its note that
		// it is missing and was due (QA25 D6, QA26b S2).
		{app.MonthOf(2025, time.March), []string{"missing", "", "", ""},
			"Q04 Care leavers in suitable accommodation (%): missing: no figure for Jan-Mar 2025, due Mar-25; latest Oct-Dec 2024 = 52.0% RED, so March 2025 has no figure, rating or direction of it.",
			"quarterly or annual, no figure for Mar-25: Q04 (its row gives the latest)", "", ""},
		{app.MonthOf(2024, time.December), []string{"52.0%", "62.0%", "R", "worsened"},
			"", "", "quarterly:", "no figure for"},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			w.v.period = tt.period
			w.refresh()
			if got := cells(t, w.score, "Q04", colCurrent, colPrevious, colRAG, colDoT); strings.Join(got, "|") != strings.Join(tt.cells, "|") {
				t.Errorf("Q04 in %s reads %q, want %q", tt.period.Label(), got, tt.cells)
			}
			w.describeRow(w.score.lines[rowOf(w.score, "Q04")].row)
			if tt.hint != "" && !strings.Contains(w.hint.Text, tt.hint) {
				t.Errorf("highlighting Q04 says %q, want %q", w.hint.Text, tt.hint)
			}
			if tt.notHint != "" && strings.Contains(w.hint.Text, tt.notHint) {
				t.Errorf("highlighting Q04 says %q", w.hint.Text)
			}
			if tt.status != "" && !strings.Contains(w.status.Text, tt.status) {
				t.Errorf("the status bar says %q, want %q", w.status.Text, tt.status)
			}
			if tt.notS != "" && strings.Contains(w.status.Text, tt.notS) {
				t.Errorf("the status bar says %q", w.status.Text)
			}
		})
	}
}
