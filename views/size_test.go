package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/importer"
)

// TestWindowSizeFromEnvironment checks SCORECARD_WINDOW_SIZE opens the
// window at that size over the one remembered, and that a size it cannot
// read leaves the remembered one.
func TestWindowSizeFromEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want fyne.Size
	}{
		{"1024x700", fyne.NewSize(1024, 700)},
		{"1920x1080", fyne.NewSize(1920, 1080)},
		{"big", fyne.NewSize(1100, 720)},
		{"", fyne.NewSize(1100, 720)},
	} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv(SizeVariable, tc.env)
			b := newMemBackend(scorecardFixture(24))
			b.settings[settingWindowSize] = fyne.NewSize(1100, 720)
			w, err := newMainWindow(test.NewTempApp(t), b, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(w.win.Close)
			if got := w.win.Canvas().Size(); got != tc.want {
				t.Errorf("the window is %v, want %v", got, tc.want)
			}
		})
	}
}

// laptopWidth is the narrowest screen the window is drawn for: a 1024 px
// window must fit a 1366 px laptop with room to spare.
const laptopWidth = 1024

// TestWindowStaysWithinLaptopWidth checks the window's minimum width stays
// within a 1024 px window whatever the status bar, the progress line and
// the screens say. Fyne widens a window to its content's minimum and never
// shrinks it back, and a label that neither wraps nor truncates is as wide
// as its text: ticking Exclude UASC widened a 1024 px window to 1125, the
// team store going read-only to 1605, and an import to 1379.
func TestWindowStaysWithinLaptopWidth(t *testing.T) {
	t.Setenv(SizeVariable, "1024x700")
	a := test.NewTempApp(t)
	// The app's own theme, whose text is as wide as on screen.
	a.Settings().SetTheme(readableTheme{theme.DefaultTheme()})
	demo, err := importer.Read(context.Background(), "testdata/demo.xlsx", importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Child-level imports split CIC05 by two cohorts more, each of which
	// gets a toggle beside Exclude UASC.
	d := demo.Dataset
	for _, o := range d.Observations {
		if o.Ref == "CIC05" && o.Area == app.Kent && o.Split == app.All && o.Numerator != nil {
			for _, c := range []app.Cohort{app.Disability, app.FormerUASC} {
				o.Split, o.Numerator, o.Denominator, o.Value = app.Only(c), app.Float(20), app.Float(200), app.Float(10)
				d.Observations = append(d.Observations, o)
			}
		}
	}
	w, err := newMainWindow(a, newMemBackend(d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.win.Close)
	w.open()
	check := func(after string) {
		t.Helper()
		if got := w.win.Content().MinSize().Width; got > laptopWidth {
			t.Errorf("after %s the window is at least %v wide, want at most %v; widest parts:\n%s",
				after, got, laptopWidth, strings.Join(widest(w.win.Content(), laptopWidth/4), "\n"))
		}
	}
	check("opening")

	w.cohorts[app.UASC].SetChecked(true)
	check("ticking Exclude UASC")
	for _, c := range []app.Cohort{app.OLA, app.Disability, app.FormerUASC} {
		w.cohorts[c].SetChecked(true)
	}
	check("ticking every exclusion")

	w.team = &teamLink{w: w}
	w.team.setLost()
	check("the team store going read-only")
	w.team.lost.Store(0)
	w.refreshStatus()

	// An import of a file with a name as long as councils give them: the
	// progress line names it while the review shows.
	long := filepath.Join(t.TempDir(), "CYPE performance scorecard per district October 2026 final revised (2).xlsx")
	file, err := os.ReadFile("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(long, file, 0o600); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	w.reviewShown = func(r *layoutReview) {
		reviews++
		// The progress line shows half a second into the import.
		for deadline := time.Now().Add(5 * time.Second); !w.progress.content.Visible() && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		check("the import review showing")
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{long})
	w.busy.Wait()
	if reviews != 1 {
		t.Fatalf("the import showed %d reviews, want 1", reviews)
	}
	check("the import")

	for _, r := range w.score.rows {
		w.openDetail(r.ind.Ref)
		check("opening " + r.ind.Ref)
	}
	for i := range w.tabs.Items {
		w.tabs.SelectIndex(i)
		check("showing " + w.tabs.Items[i].Text)
	}
}

// widest describes the objects under o at least limit wide, innermost
// last, to say which part holds the window open.
func widest(o fyne.CanvasObject, limit float32) []string {
	var out []string
	var walk func(o fyne.CanvasObject, depth int)
	walk = func(o fyne.CanvasObject, depth int) {
		if o == nil || !o.Visible() || o.MinSize().Width < limit {
			return
		}
		desc := fmt.Sprintf("%s%T %v", strings.Repeat("  ", depth), o, o.MinSize().Width)
		if l, ok := o.(*widget.Label); ok {
			desc += fmt.Sprintf(" %q", l.Text)
		}
		out = append(out, desc)
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, depth+1)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c, depth+1)
			}
		}
	}
	walk(o, 0)
	return out
}
