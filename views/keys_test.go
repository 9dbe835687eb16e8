package views

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// press delivers Ctrl (Cmd on a Mac) and key as the desktop driver does:
// to the main menu's item with that shortcut, else to the focused widget
// if it takes shortcuts, else to the canvas. The test driver delivers
// none of them.
func press(t *testing.T, w *mainWindow, key fyne.KeyName) {
	t.Helper()
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				return it
			}
			if it.ChildMenu != nil {
				if found := find(it.ChildMenu.Items); found != nil {
					return found
				}
			}
		}
		return nil
	}
	for _, m := range w.win.MainMenu().Items {
		if it := find(m.Items); it != nil {
			it.Action()
			return
		}
	}
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

func TestKeyboardShortcuts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		from  int // the tab showing before
		key   fyne.KeyName
		check func(t *testing.T, w *mainWindow)
	}{
		{"Ctrl+1", 3, fyne.Key1, onTab(0)},
		{"Ctrl+2", 0, fyne.Key2, onTab(1)},
		{"Ctrl+3", 0, fyne.Key3, onTab(2)},
		{"Ctrl+4", 0, fyne.Key4, onTab(3)},
		{"Ctrl+F", 2, fyne.KeyF, searching},
		{"Ctrl+F in the commentary", 1, fyne.KeyF, searching},
		{"Ctrl+O", 0, fyne.KeyO, func(t *testing.T, w *mainWindow) {
			if findButton(w.win.Canvas().Overlays().Top(), "Open") == nil {
				t.Error("no file chooser with an Open button")
			}
		}},
		{"Ctrl+E", 2, fyne.KeyE, func(t *testing.T, w *mainWindow) {
			if findButton(w.win.Canvas().Overlays().Top(), "Export") == nil {
				t.Error("no export dialog with an Export button")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openFixture(t, 24)
			w.tabs.SelectIndex(tc.from)
			if tc.from == 1 {
				w.openDetail("CIC05")
				w.win.Canvas().Focus(w.detail.comment)
			}
			press(t, w, tc.key)
			tc.check(t, w)
		})
	}
}

func onTab(i int) func(t *testing.T, w *mainWindow) {
	return func(t *testing.T, w *mainWindow) {
		if got := w.tabs.SelectedIndex(); got != i {
			t.Errorf("on tab %d (%s), want %d", got, w.tabs.Selected().Text, i)
		}
	}
}

func searching(t *testing.T, w *mainWindow) {
	if w.tabs.SelectedIndex() != 0 || w.win.Canvas().Focused() != w.search {
		t.Errorf("on tab %q with %T focused, want the scorecard's search box", w.tabs.Selected().Text, w.win.Canvas().Focused())
	}
}

func TestDropImports(t *testing.T) {
	w := windowOn(t, openStore(t))
	reviews := confirmLayouts(t, w, "Accept")
	demo, err := filepath.Abs("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	link, err := storage.ParseURI("https://www.gov.uk/scorecard.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	w.dropped(fyne.NewPos(400, 300), []fyne.URI{storage.NewFileURI(demo), link})
	w.busy.Wait()
	if *reviews != 1 || len(w.history.imports) != 1 || w.history.imports[0].Source != "demo.xlsx" {
		t.Fatalf("dropping the demo and a link: %d layout reviews, imports %v; want the demo alone", *reviews, w.history.imports)
	}
	if n := len(w.score.rows); n < 20 {
		t.Errorf("after the drop the scorecard has %d indicators", n)
	}

	w.dropped(fyne.NewPos(400, 300), []fyne.URI{link})
	w.busy.Wait()
	if !strings.Contains(w.status.Text, "Only files can be imported") || !strings.Contains(w.status.Text, "gov.uk") {
		t.Errorf("dropping a link alone says %q", w.status.Text)
	}
	if len(w.history.imports) != 1 {
		t.Errorf("dropping a link added an import: %v", w.history.imports)
	}
}

// fileItem finds the entry for a file named name in a Fyne file chooser
// under o: the tappable that draws the name.
func fileItem(o fyne.CanvasObject, name string) fyne.Tappable {
	var found fyne.Tappable
	var walk func(o fyne.CanvasObject, in fyne.Tappable)
	walk = func(o fyne.CanvasObject, in fyne.Tappable) {
		if o == nil || found != nil {
			return
		}
		if tp, ok := o.(fyne.Tappable); ok && fmt.Sprintf("%T", o) == "*dialog.fileDialogItem" {
			in = tp
		}
		switch o := o.(type) {
		case *canvas.Text:
			if o.Text == name && in != nil {
				found = in
			}
		case *widget.Label:
			if o.Text == name && in != nil {
				found = in
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, in)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				walk(c, in)
			}
		}
	}
	walk(o, nil)
	return found
}

// TestFileChooserCompletes checks Fyne's Open chooser, which File >
// Import shows away from Windows, imports the file clicked on Enter, and
// on a double-click.
func TestFileChooserCompletes(t *testing.T) {
	demo, err := filepath.Abs("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		do   func(w *mainWindow, item fyne.Tappable)
	}{
		{"Enter", func(w *mainWindow, item fyne.Tappable) {
			test.Tap(item)
			typeKey(w, fyne.KeyReturn)
		}},
		{"double-click", func(w *mainWindow, item fyne.Tappable) {
			test.Tap(item)
			test.Tap(item)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := windowOn(t, openStore(t))
			reviews := confirmLayouts(t, w, "Accept")
			// The chooser starts in the folder of the file last imported.
			if err := w.st.SetSetting(settingRecentFiles, []string{demo}); err != nil {
				t.Fatal(err)
			}
			w.chooseImport()
			item := fileItem(w.win.Canvas().Overlays().Top(), "demo.xlsx")
			if item == nil {
				t.Fatal("the chooser lists no demo.xlsx")
			}
			tc.do(w, item)
			w.busy.Wait()
			if *reviews != 1 || len(w.history.imports) != 1 {
				t.Errorf("%d layout reviews and %d imports, want the demo imported once", *reviews, len(w.history.imports))
			}
		})
	}
}

// TestEscapeFromAField checks Escape typed in a field closes its dialog,
// or leaves the search box for the rows: a focused entry is given every
// key, and Fyne's ignores Escape.
func TestEscapeFromAField(t *testing.T) {
	t.Run("export dialog", func(t *testing.T) {
		w := openFixture(t, 24)
		f := w.newExportForm()
		w.exportDialog(f).Show()
		w.win.Canvas().Focus(f.out)
		typeKey(w, fyne.KeyEscape)
		if top := w.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Escape in Save as left %T showing", top)
		}
	})
	t.Run("choice of authority", func(t *testing.T) {
		st := openStore(t)
		w := firstRunOn(t, st)
		if w.chooser == nil || w.win.Canvas().Focused() != w.chooser.search {
			t.Fatal("the choice of authority is not showing with the keyboard in its search box")
		}
		test.Type(w.chooser.search, "sur")
		typeKey(w, fyne.KeyEscape)
		if top := w.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Escape in the search left %T showing", top)
		}
		if a, _ := st.Authority(); a.Name != app.DefaultAuthority().Name {
			t.Errorf("Escape set the authority to %s", a.Name)
		}
	})
	t.Run("scorecard search", func(t *testing.T) {
		w := openFixture(t, 24)
		w.find()
		typeKey(w, fyne.KeyEscape)
		if f := w.win.Canvas().Focused(); f != w.score.table {
			t.Errorf("Escape in the search box left the keyboard on %T, want the scorecard's rows", f)
		}
	})
}
