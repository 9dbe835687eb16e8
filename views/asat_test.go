package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// TestReviewAsAtDate checks the import review's date field for a
// child-level list: it names the date the list would be counted on, and
// a date typed into it is the one the figures are for.
func TestReviewAsAtDate(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "ssda903", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t)
	w := windowOn(t, st)
	var shown string
	w.reviewShown = func(r *layoutReview) {
		shown = strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), "\n")
		if r.asAt == nil {
			t.Error("the review of a 903 return has no date field")
		} else {
			test.Type(r.asAt, "2024-10-05")
		}
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{filepath.Join(dir, "episodes.csv")})
	w.busy.Wait()
	if !strings.Contains(shown, "Count the children as at") || !strings.Contains(shown, "Leave blank to count them on 31 Mar 2025") {
		t.Errorf("the review shows:\n%s\nwant the date field and the list's own date, 31 Mar 2025", shown)
	}
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	var periods []string
	for _, o := range h.Series(app.SeriesKey{Ref: "CIC01", Area: app.Kent, Split: app.All}) {
		periods = append(periods, o.Period.String())
	}
	if want := app.MonthOf(2024, time.October).String(); len(periods) != 1 || periods[0] != want {
		t.Errorf("CIC01 stored for %v, want only %s", periods, want)
	}
}
