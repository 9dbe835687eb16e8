package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// menuItem finds a main-menu item by menu and label.
func menuItem(t *testing.T, w *mainWindow, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s > %s", menu, label)
	return nil
}

// shownText is every word the top dialog shows.
func shownText(w *mainWindow) string {
	return strings.Join(labelTexts(innerContent(w.win.Canvas().Overlays().Top())), " ")
}

func TestHelpMenu(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	var menus []string
	for _, m := range w.win.MainMenu().Items {
		menus = append(menus, m.Label)
	}
	if got := strings.Join(menus, " "); got != "File Edit View Help" {
		t.Errorf("menus %q, want File Edit View Help (Alt opens them)", got)
	}
	for _, tc := range []struct {
		item string
		want []string
	}{
		{"User guide", []string{"Importing", "Excluding UASC", "n/e", "Exporting", "SPC chart", "special cause", "Ctrl+C"}},
		{"Glossary", []string{"R12M", "MS", "YTD", "Q", "A", "n/e", "OLA", "UASC", "RAG", "DoT", "SPC", "Rolling 12 months", "Monthly snapshot"}},
		{"About Scorecard", []string{"Scorecard " + Version, "Build ", "Fyne ", st.Path()}},
	} {
		menuItem(t, w, "Help", tc.item).Action()
		shown := shownText(w)
		for _, want := range tc.want {
			if !strings.Contains(shown, want) {
				t.Errorf("%s does not say %q: %q", tc.item, want, shown)
			}
		}
		typeKey(w, fyne.KeyEscape)
		if w.win.Canvas().Overlays().Top() != nil {
			t.Errorf("Escape did not close %s", tc.item)
		}
	}
}

func TestHeadingSaysWhatItMeans(t *testing.T) {
	w := openFixture(t, 24)
	test.MoveMouse(w.win.Canvas(), cellCentre(w.score.table, w.score.widths[:], colRAG, 10))
	if !strings.Contains(w.hint.Text, "green meets the target") {
		t.Errorf("the mouse on the RAG heading says %q", w.hint.Text)
	}
	test.MoveMouse(w.win.Canvas(), cellCentre(w.score.table, w.score.widths[:], colDoT, 10))
	if !strings.Contains(w.hint.Text, "Direction of travel") {
		t.Errorf("the mouse on the DoT heading says %q", w.hint.Text)
	}
}

// TestAltLetterOpensMenu checks Alt+F, Alt+E, Alt+V and Alt+H open their
// menus with the keyboard in them, whatever table has the focus.
func TestAltLetterOpensMenu(t *testing.T) {
	for _, tc := range []struct {
		key  fyne.KeyName
		item string
	}{{fyne.KeyF, "Import..."}, {fyne.KeyE, "Find..."}, {fyne.KeyV, "Districts"}, {fyne.KeyH, "Glossary"}} {
		w := openFixture(t, 24)
		sc := &desktop.CustomShortcut{KeyName: tc.key, Modifier: fyne.KeyModifierAlt}
		// As the driver delivers it: to the focused widget, here the
		// scorecard.
		w.win.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(sc)
		menu, ok := innerContent(w.win.Canvas().Overlays().Top()).(*widget.PopUpMenu)
		if !ok {
			t.Errorf("Alt+%s shows %T, want a menu", tc.key, w.win.Canvas().Overlays().Top())
			continue
		}
		if !strings.Contains(strings.Join(labelTexts(menu), "|"), tc.item) {
			t.Errorf("Alt+%s opens a menu without %q: %q", tc.key, tc.item, labelTexts(menu))
		}
		if w.win.Canvas().Focused() != menu {
			t.Errorf("Alt+%s leaves %T focused, not the menu", tc.key, w.win.Canvas().Focused())
		}
	}
}
