package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"scorecard/app"
)

// cellCentre is where a table's cell is drawn on the canvas, given its
// columns' widths from the left and its line's top below the heading.
func cellCentre(t fyne.CanvasObject, widths []float32, col int, y float32) fyne.Position {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t)
	x := pos.X
	for c := 0; c < col; c++ {
		x += widths[c] + theme.Padding()
	}
	return fyne.NewPos(x+widths[col]/2, pos.Y+y)
}

func TestDistrictClickOpensThatDistrict(t *testing.T) {
	w := openFixture(t, 24)
	w.area.SetSelected("Swale")
	w.tabs.Select(w.tabDistricts)
	d := w.districts
	row := slices.IndexFunc(d.inds, func(ind app.Indicator) bool { return ind.Ref == "CIC05" })
	if row != 0 {
		t.Fatalf("CIC05 is row %d of the grid, the test taps row 0", row)
	}
	widths := append([]float32{districtNameWidth}, d.widths...)
	dover := 1 + slices.Index(app.Areas, "Dover")
	// Row 0 sits under the two-line heading.
	y := headingLabel("1\n2").MinSize().Height + theme.Padding() + 10
	test.TapCanvas(w.win.Canvas(), cellCentre(d.table, widths, dover, y))
	if w.tabs.Selected() != w.tabDetail || w.detail.ref != "CIC05" || w.v.area != "Dover" {
		t.Errorf("tapping Dover's CIC05 opened %q in %s on tab %q, want CIC05 in Dover", w.detail.ref, w.v.area, w.tabs.Selected().Text)
	}
	if w.area.Selected != "Dover" {
		t.Errorf("the area picker says %q after opening Dover's figure", w.area.Selected)
	}
}

// scoreOrder lists the scorecard's refs as shown.
func scoreOrder(s *scorecardTable) []string {
	var refs []string
	for _, l := range s.lines {
		if l.row != nil {
			refs = append(refs, l.row.ind.Ref)
		}
	}
	return refs
}

func TestHeadingClicksSortThenReverseThenRestore(t *testing.T) {
	w := openFixture(t, 24)
	original := scoreOrder(w.score)
	tapHeading := func(col int) {
		test.TapCanvas(w.win.Canvas(), cellCentre(w.score.table, w.score.widths[:], col, 10))
	}
	// Current: CIC05 11.8%, EH01 83.0%, SCS02 1,730, sorted within their
	// sections; within Children in Care the figures climb.
	tapHeading(colCurrent)
	if w.tabs.Selected() != w.tabs.Items[0] || w.detail.ref != "" {
		t.Fatalf("tapping the Current heading opened %q on %q", w.detail.ref, w.tabs.Selected().Text)
	}
	// A heading sorts the whole scorecard: 11.8%, 83.0%, 1,730.
	if got, want := scoreOrder(w.score), []string{"CIC05", "EH01", "SCS02"}; !slices.Equal(got, want) || !sortedBy(w.score, colCurrent, false) {
		t.Errorf("one tap on Current gives %v, want %v", got, want)
	}
	tapHeading(colCurrent)
	if got, want := scoreOrder(w.score), []string{"SCS02", "EH01", "CIC05"}; !slices.Equal(got, want) || !sortedBy(w.score, colCurrent, true) {
		t.Errorf("two taps on Current give %v, want %v", got, want)
	}
	if !strings.Contains(w.order.Selected, "Current") {
		t.Errorf("the order picker says %q", w.order.Selected)
	}
	tapHeading(colCurrent)
	if got := scoreOrder(w.score); !slices.Equal(got, original) {
		t.Errorf("three taps on Current give %v, want scorecard order %v", got, original)
	}
	if w.order.Selected != sortScorecard {
		t.Errorf("the order picker says %q, want %q", w.order.Selected, sortScorecard)
	}
}

// sortedBy reports whether the figures in col run one way.
func sortedBy(s *scorecardTable, col int, desc bool) bool {
	var prev *scoreRow
	changes := 0
	for _, l := range s.lines {
		if l.row == nil {
			prev = nil
			continue
		}
		if prev != nil {
			c := compareColumn(prev, l.row, col, desc)
			if c > 0 {
				return false
			}
			if c < 0 {
				changes++
			}
		}
		prev = l.row
	}
	return changes > 0
}

func TestFlaggedOnlyWhileScrolledShowsRows(t *testing.T) {
	w := openDemo(t)
	w.win.Resize(fyne.NewSize(1024, 700))
	w.score.table.ScrollToBottom()
	w.flagged.SetChecked(true)
	first := w.score.rowAt(1)
	if len(w.score.lines) < 2 || first == nil {
		t.Fatalf("the demo has %d flagged lines", len(w.score.lines))
	}
	if shown := strings.Join(labelTexts(w.score.table), "|"); !strings.Contains(shown, first.ind.Ref) {
		t.Errorf("ticking Flagged only while scrolled down shows %q, not the first flagged indicator %s", shown, first.ind.Ref)
	}
}
