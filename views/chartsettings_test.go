package views

import (
	"strings"
	"testing"
)

// TestDetailBaselineNeeds13 checks the window refuses an SPC baseline of
// fewer than 13 figures, as the command line does, saying why, and
// saves one of 13.
func TestDetailBaselineNeeds13(t *testing.T) {
	w := openFixture(t, 24) // April 2023 to March 2025
	w.openDetail("CIC05")
	d := w.detail
	imports := len(w.v.stored.Imports)

	d.basePeriod.SetSelected("Apr-24") // 12 months
	d.saveBaseline()
	if n := len(w.v.stored.Imports); n != imports {
		t.Errorf("a 12-month baseline was saved (%d imports, was %d)", n, imports)
	}
	if w.v.stored.ChartPlan("CIC05").Baseline != nil {
		t.Error("a 12-month baseline is in force")
	}
	msg := dialogText(w)
	if want := "CIC05: a baseline needs at least 13 points; Apr-24 to Mar-25 has 12"; !strings.Contains(msg, want) {
		t.Errorf("the window says %q, want %q", msg, want)
	}
	w.escape()

	d.basePeriod.SetSelected("Mar-24") // 13 months
	d.saveBaseline()
	if b := w.v.stored.ChartPlan("CIC05").Baseline; b == nil || b.From.Label() != "Mar-24" {
		t.Errorf("a 13-month baseline from Mar-24 is not in force: %+v", b)
	}
}

// TestDetailWindowSince checks the trend window can run since a month,
// as `scorecard window CIC05 2024-04` sets it.
func TestDetailWindowSince(t *testing.T) {
	w := openFixture(t, 24)
	w.openDetail("CIC05")
	d := w.detail
	if !strings.Contains(strings.Join(d.window.Options, "|"), "24 months|since Apr-23|since May-23|") {
		t.Fatalf("the trend window offers %q", d.window.Options)
	}
	d.window.SetSelected("since Apr-24")
	d.saveWindow()
	win := w.v.stored.ChartPlan("CIC05").Window
	if win == nil || win.Periods != 0 || win.From.Label() != "Apr-24" {
		t.Fatalf("the window in force is %+v, want since Apr-24", win)
	}
	if got := d.points[0].pt.Trend.Points; got != 12 {
		t.Errorf("the latest trend is over %d months, want the 12 since April 2024", got)
	}
	if d.window.Selected != "since Apr-24" {
		t.Errorf("the window control shows %q", d.window.Selected)
	}
}

// dialogText is the text of the labels in the dialog showing.
func dialogText(w *mainWindow) string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(labelTexts(top), " ")
}
