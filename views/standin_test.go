package views

import (
	"math"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestStandInMarked: last year's outturn standing in for the month (the
// demo's ED03 Kent for Oct-26) is marked "(prev. yr)" on the Districts
// tab and in the Indicator tab's table, as the Scorecard tab marks it,
// and is not plotted as the month's point on the Indicator tab's chart
// (QA23c D1).
func TestStandInMarked(t *testing.T) {
	w := openDemo(t)
	if w.v.period != app.MonthOf(2026, 10) {
		t.Fatalf("the demo opens on %s, not Oct-26", w.v.period)
	}
	d := w.districts
	row := slices.IndexFunc(d.inds, func(ind app.Indicator) bool { return ind.Ref == "ED03" })
	if row < 0 {
		t.Fatal("no ED03 on the Districts tab")
	}
	col := 1 + slices.Index(d.areas, app.Kent)
	if r := d.cells[row][col-1]; !r.hasCur || !r.cur.StandIn {
		t.Fatalf("ED03 Kent Oct-26 is not the demo's stand-in: %+v", r.cur)
	}
	if got := d.text(row, col); got != "20.1% (prev. yr)" {
		t.Errorf("Districts ED03 Kent reads %q, want %q", got, "20.1% (prev. yr)")
	}

	w.openDetail("ED03")
	dp := w.detail
	i := slices.IndexFunc(dp.points, func(p detailPoint) bool { return p.pt.Period == w.v.period })
	if i < 0 {
		t.Fatal("no Oct-26 in the Indicator tab's table")
	}
	if got := dp.text(i, 1); !strings.HasSuffix(got, " (prev. yr)") {
		t.Errorf("the Indicator tab's table reads %q for Oct-26, want it marked (prev. yr)", got)
	}
	cd := dp.chartFor(dp.ind)
	if j := len(dp.points) - 1 - i; !math.IsNaN(cd.values[j]) {
		t.Errorf("the chart plots %v as Oct-26's point", cd.values[j])
	}
}
