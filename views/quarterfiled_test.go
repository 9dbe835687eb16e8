package views

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// quarterFiledFixture is quarterlyFixture's quarterly percentage as a
// quarterly scorecard files it, under the quarters themselves (2023-Q2
// to 2024-Q4) rather than the months they end: Oct-Dec 2024 is 52 of
// 100, RED, after Jul-Sep's 62.
func quarterFiledFixture() *app.Dataset {
	d := quarterlyFixture()
	for i := range d.Observations {
		d.Observations[i].Period = app.Period{Kind: app.Quarter, Year: 2023, N: 2}.Add(i)
	}
	return d
}

// TestWindowQuarterInMonths: in a monthly scorecard (a store of monthly
// and quarterly indicators, as a quarterly borough's became with one
// child-level list), a quarterly indicator filed under its quarters shows
// in the month its quarter ends the quarter's figure and the quarter's
// before, as the export and pack do, beside the change and DoT between
// them; QA30 finding 7 saw the change and arrow beside empty Current and
// Previous cells. In a month no quarter ends it says "quarterly", as one
// filed under months does.
func TestWindowQuarterInMonths(t *testing.T) {
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24), quarterFiledFixture()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	w.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(w.win.Close)
	for _, tt := range []struct {
		period app.Period
		cells  []string // Current, Previous, RAG, DoT, Change
		spark  string
	}{
		{app.MonthOf(2024, time.December), []string{"52.0%", "62.0%", "R", "worsened", "-10.0 pp"}, "Mar-24=63 Jun-24=60 Sep-24=62 Dec-24=52"},
		{app.MonthOf(2024, time.September), []string{"62.0%", "60.0%", "A", "improved", "+2.0 pp"}, "Dec-23=65 Mar-24=63 Jun-24=60 Sep-24=62"},
		{app.MonthOf(2024, time.November), []string{"quarterly", "", "", "", ""}, "Dec-23=65 Mar-24=63 Jun-24=60 Sep-24=62"},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			w.v.period = tt.period
			w.refresh()
			got := cells(t, w.score, "Q04", colCurrent, colPrevious, colRAG, colDoT, colChange)
			if strings.Join(got, "|") != strings.Join(tt.cells, "|") {
				t.Errorf("Q04 in %s reads %q, want %q", tt.period.Label(), got, tt.cells)
			}
			// The sparkline draws each quarter at the month it ends.
			spark := w.score.lines[rowOf(w.score, "Q04")].row.spark
			var drawn []string
			for i, f := range spark {
				if !math.IsNaN(f) {
					drawn = append(drawn, fmt.Sprintf("%s=%g", tt.period.Add(i-len(spark)+1).Label(), f))
				}
			}
			if strings.Join(drawn, " ") != tt.spark {
				t.Errorf("Q04's sparkline in %s draws %q, want %q", tt.period.Label(), drawn, tt.spark)
			}
		})
	}
}

// TestWindowChangeBesideItsFigures: a row never shows a change, or a
// direction of travel, without both figures it is between: with the
// quarter before missing, the Previous cell is blank, and so are Change
// and DoT, however trend reads the series across the gap.
func TestWindowChangeBesideItsFigures(t *testing.T) {
	d := quarterFiledFixture()
	d.Observations = append(d.Observations[:5], d.Observations[6:]...) // no Jul-Sep 2024
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24), d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	t.Cleanup(w.win.Close)
	w.v.period = app.MonthOf(2024, time.December)
	w.refresh()
	got := cells(t, w.score, "Q04", colCurrent, colPrevious, colDoT, colChange)
	if want := []string{"52.0%", "", "", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Q04 in Dec-24 with no Jul-Sep figure reads %q, want %q", got, want)
	}
}
