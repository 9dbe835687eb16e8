package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/importer"
)

// openDemo opens the window on the embedded demo workbook, as a first
// launch shows it.
func openDemo(t *testing.T) *mainWindow {
	t.Helper()
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(demoDataset(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	w.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.win.Close)
	return w
}

// demoDataset reads the embedded demo workbook.
func demoDataset(t *testing.T) *app.Dataset {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	if err := os.WriteFile(path, assets.Demo, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := importer.Read(context.Background(), path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Dataset
}

// The demo's October 2026 scorecard sits beside the 2024/25 benchmarks
// its workbook carries: CIC05 (3+ placements) is 10.0% in England and
// 10.6% among the neighbours. Excluding UASC changes Kent's figure but
// not a benchmark, which counts all children and is headed so.
func TestScorecardShowsBenchmarksWithYear(t *testing.T) {
	w := openDemo(t)
	if got := w.v.period.Label(); got != "Oct-26" {
		t.Fatalf("the demo opens on %s, want Oct-26", got)
	}
	want := []string{"10.0%", "10.6%", "2024/25"}
	got := cells(t, w.score, "CIC05", colEngland, colNeighbours, colBenchYear)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("CIC05 benchmarks %q, want %q", got, want)
			break
		}
	}
	if got := w.score.title(colEngland); got != "England" {
		t.Errorf("England heading with nothing excluded %q", got)
	}

	current := cells(t, w.score, "CIC05", colCurrent)[0]
	w.cohorts[app.UASC].SetChecked(true)
	if now := cells(t, w.score, "CIC05", colCurrent)[0]; now == current {
		t.Errorf("excluding UASC left CIC05 at %s", now)
	}
	if got := cells(t, w.score, "CIC05", colEngland, colNeighbours, colBenchYear); got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("CIC05 benchmarks excluding UASC %q, want %q unchanged", got, want)
	}
	// The heading drawn on screen, not just the title the table is given.
	var drawn string
	test.WidgetRenderer(w.score.table) // lays the table out
	for _, o := range test.LaidOutObjects(w.score.table) {
		if h, ok := o.(*heading); ok && (h.Text == "England" || h.Text == "Eng. (all)") {
			drawn = h.Text
		}
	}
	if drawn != "Eng. (all)" {
		t.Errorf("England heading excluding UASC %q, want %q", drawn, "Eng. (all)")
	}
	if !strings.Contains(w.status.Text, "benchmarks count all children") {
		t.Errorf("status excluding UASC %q does not say the benchmarks count all children", w.status.Text)
	}
}

// TestStatusSaysThinLatestMonth: a store holding one indicator's figure
// for the month after the demo's opens on that month, where the others
// have none yet; the status bar says so beside its count of reds, which
// counted that one indicator.
func TestStatusSaysThinLatestMonth(t *testing.T) {
	d := demoDataset(t)
	var latest app.Period
	for _, o := range d.Observations {
		if o.Period.Kind == app.Month && o.Period.Compare(latest) > 0 {
			latest = o.Period
		}
	}
	next := latest.Add(1)
	d.Observations = append(d.Observations,
		app.Observation{Ref: "CIC05", Area: app.Kent, Period: next, Value: app.Float(12.1), Numerator: app.Float(230), Denominator: app.Float(1900)})
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	t.Cleanup(w.win.Close)
	if w.v.period != next {
		t.Fatalf("the window shows %s, want the latest, %s", w.v.period, next)
	}
	if want := next.Label() + " has figures for 1 of the "; !strings.Contains(w.status.Text, want) {
		t.Errorf("status %q does not say %q", w.status.Text, want)
	}
}
