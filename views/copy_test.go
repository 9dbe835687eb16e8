package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/importer"
)

// typeKey delivers a key as the desktop driver does: to the focused
// widget, else to the canvas.
func typeKey(w *mainWindow, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := w.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// copyKey delivers Ctrl+C as the desktop driver does.
func copyKey(w *mainWindow) {
	sc := &fyne.ShortcutCopy{Clipboard: w.a.Clipboard()}
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

func TestDownThenCopyCopiesFirstIndicator(t *testing.T) {
	w := openFixture(t, 24)
	if w.win.Canvas().Focused() != w.score.table {
		t.Fatalf("the window opens with %T focused, want the scorecard", w.win.Canvas().Focused())
	}
	typeKey(w, fyne.KeyDown)
	copyKey(w)
	got := w.a.Clipboard().Content()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("copied %q, want a heading line and CIC05's", got)
	}
	head, row := strings.Split(lines[0], "\t"), strings.Split(lines[1], "\t")
	want := map[string]string{"Ref": "CIC05", "Current": "11.8%", "Previous": "11.8%", "Target": "11.0%", "RAG": "A", "DoT": "same", "Flags": "special cause"}
	if len(head) != len(row) || len(head) != numCols-1 {
		t.Fatalf("copied %d headings and %d cells, want %d of each: %q", len(head), len(row), numCols-1, got)
	}
	for i, h := range head {
		if v, ok := want[h]; ok && row[i] != v {
			t.Errorf("copied %s %q, want %q", h, row[i], v)
		}
	}
	if !strings.Contains(lines[1], "Children in care with 3 or more placements") {
		t.Errorf("copied row %q lacks the indicator's full name", lines[1])
	}

	// Enter opens the highlighted indicator; Escape comes back.
	typeKey(w, fyne.KeyReturn)
	if w.tabs.Selected() != w.tabDetail || w.detail.ref != "CIC05" {
		t.Fatalf("Enter opened %q on %q", w.detail.ref, w.tabs.Selected().Text)
	}
	typeKey(w, fyne.KeyEscape)
	if w.tabs.SelectedIndex() != 0 || w.win.Canvas().Focused() != w.score.table {
		t.Errorf("Escape from the detail left tab %q with %T focused", w.tabs.Selected().Text, w.win.Canvas().Focused())
	}
}

func TestCopySectionAndDistrictRow(t *testing.T) {
	w := openFixture(t, 24)
	// On a section heading Ctrl+C copies the section's indicators.
	copyKey(w)
	if got := w.a.Clipboard().Content(); !strings.HasPrefix(got, "Ref\tIndicator\t") || !strings.Contains(got, "\nCIC05\t") {
		t.Errorf("copying the Children in Care heading gave %q", got)
	}
	w.tabs.Select(w.tabDistricts)
	w.win.Canvas().Focus(w.districts.table)
	copyKey(w)
	got := w.a.Clipboard().Content()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "Ref\tIndicator\tKent\tAshford\t") || !strings.HasPrefix(lines[1], "CIC05\t") || !strings.Contains(lines[1], "\t12.0%  A\t") {
		t.Errorf("copying the grid's first row gave %q", got)
	}
}

func TestRightClickMenu(t *testing.T) {
	w := openFixture(t, 24)
	pos := cellCentre(w.score.table, w.score.widths[:], colCurrent, 10+newHeading().MinSize().Height+2*(linesHeight(1)+4))
	test.MoveMouse(w.win.Canvas(), pos)
	ref := w.score.rowAt(w.score.table.hover.Row)
	if ref == nil {
		t.Fatalf("the mouse at %v is over line %d, not an indicator", pos, w.score.table.hover.Row)
	}
	test.TapSecondaryAt(w.score.table, pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(w.score.table)))
	menu, ok := innerContent(w.win.Canvas().Overlays().Top()).(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("a right-click shows %T, want a menu", w.win.Canvas().Overlays().Top())
	}
	var labels []string
	for _, it := range menu.Items {
		labels = append(labels, strings.Join(labelTexts(it), ""))
	}
	if strings.Join(labels, "|") != "Copy row|Copy cell|Copy chart as picture|Open indicator|Show in districts" {
		t.Errorf("the menu offers %q", labels)
	}
	test.Tap(menu.Items[1].(fyne.Tappable))
	if got, want := w.a.Clipboard().Content(), "Ref\tCurrent\n"+ref.ind.Ref+"\t"+cells(t, w.score, ref.ind.Ref, colCurrent)[0]+"\n"; got != want {
		t.Errorf("Copy cell gave %q, want %q", got, want)
	}
}

func TestEscapeClosesDialog(t *testing.T) {
	w := openFixture(t, 24)
	w.showExport()
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no export dialog")
	}
	typeKey(w, fyne.KeyEscape)
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left %T showing", top)
	}
}

// TestTabGoesFromFiltersIntoRows checks Tab leaves the filters for the
// scorecard's rows, not for every column heading first.
func TestTabGoesFromFiltersIntoRows(t *testing.T) {
	w := openFixture(t, 24)
	c := w.win.Canvas()
	c.Focus(w.search)
	var path []string
	for range 6 {
		c.FocusNext()
		path = append(path, fmt.Sprintf("%T", c.Focused()))
		if c.Focused() == w.score.table {
			return
		}
	}
	t.Errorf("six Tabs from the search box go %v, never reaching the scorecard's rows", path)
}

// TestShowInDistricts chooses Show in districts on a scorecard row well
// down the list and checks the district grid opens with the keyboard on
// that indicator's row, as drawn (the next Down goes to the row after it)
// and as Ctrl+C copies; it highlighted CIC01, the first row, whatever row
// was chosen.
func TestShowInDistricts(t *testing.T) {
	a := test.NewTempApp(t)
	demo, err := importer.Read(context.Background(), "testdata/demo.xlsx", importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := newMainWindow(a, newMemBackend(demo.Dataset), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.win.Close)
	w.open()
	w.win.Resize(fyne.NewSize(1280, 800))
	w.tabs.SelectIndex(2) // the grid drawn once, as an officer would have seen it
	w.tabs.SelectIndex(0)
	w.win.Canvas().Focus(w.score.table)
	for _, ref := range []string{"CIC05", "CIC07"} {
		line := rowOf(w.score, ref)
		w.score.table.onMenu(widget.TableCellID{Row: line, Col: colCurrent}, fyne.NewPos(300, 300))
		menu, ok := innerContent(w.win.Canvas().Overlays().Top()).(*widget.PopUpMenu)
		if !ok {
			t.Fatalf("a right-click shows %T, want a menu", w.win.Canvas().Overlays().Top())
		}
		show := menu.Items[len(menu.Items)-1]
		if got := strings.Join(labelTexts(show), ""); got != "Show in districts" {
			t.Fatalf("the menu's last item is %q", got)
		}
		test.Tap(show.(fyne.Tappable))
		if w.tabs.Selected() != w.tabDistricts {
			t.Fatalf("Show in districts shows %q", w.tabs.Selected().Text)
		}
		d := w.districts
		if got := d.table.cursor.Row; got < 0 || got >= len(d.inds) || d.inds[got].Ref != ref {
			t.Errorf("Show in districts on %s puts the keyboard on row %d (%s)", ref, got, refAt(d, got))
		}
		copyKey(w)
		if got := w.a.Clipboard().Content(); !strings.Contains(got, "\n"+ref+"\t") {
			t.Errorf("Ctrl+C after Show in districts on %s copied %q", ref, got)
		}
		typeKey(w, fyne.KeyDown)
		want := rowOfInd(d, ref) + 1
		if got := d.table.cursor.Row; got != want {
			t.Errorf("Down after Show in districts on %s goes to row %d (%s), want %d (%s)", ref, got, refAt(d, got), want, refAt(d, want))
		}
		w.tabs.SelectIndex(0)
	}
}

func rowOfInd(d *districtTable, ref string) int {
	for i, ind := range d.inds {
		if ind.Ref == ref {
			return i
		}
	}
	return -1
}

func refAt(d *districtTable, row int) string {
	if row < 0 || row >= len(d.inds) {
		return "none"
	}
	return d.inds[row].Ref
}
