package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

// chooserShowing is the first run's choice of authority, if it shows.
func chooserShowing(w *mainWindow) *authorityChooser {
	if findButton(w.win.Canvas().Overlays().Top(), "Use this authority") == nil {
		return nil
	}
	return w.chooser
}

// TestFirstRunChoosesAuthority opens a new store's window: it asks which
// authority the store holds, from the 153, Kent chosen; a search by name
// or either code finds Surrey, Enter sets it, and the window is Surrey's
// from then on without asking again.
func TestFirstRunChoosesAuthority(t *testing.T) {
	surrey, ok := app.LookupAuthority("Surrey")
	if !ok {
		t.Fatal("no Surrey profile")
	}
	for _, search := range []string{"surr", surrey.Old, strings.ToLower(surrey.New)} {
		t.Run(search, func(t *testing.T) {
			st := openStore(t)
			w := firstRunOn(t, st)
			c := chooserShowing(w)
			if c == nil {
				t.Fatal("a new store's window does not ask for the authority")
			}
			if len(c.shown) != 153 || c.chosen == nil || c.chosen.Name != "Kent" {
				t.Fatalf("the choice lists %d authorities with %v chosen, want 153 with Kent", len(c.shown), c.chosen)
			}
			if w.win.Canvas().Focused() != c.search {
				t.Errorf("the keyboard is on %T, not the search box", w.win.Canvas().Focused())
			}
			test.Type(c.search, search)
			if len(c.shown) != 1 || c.chosen.Name != "Surrey" {
				t.Fatalf("searching %q lists %d with %v chosen, want Surrey alone", search, len(c.shown), c.chosen)
			}
			c.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

			if a, err := st.Authority(); err != nil || a.Name != "Surrey" {
				t.Fatalf("the store's authority is %v (%v), want Surrey", a, err)
			}
			if w.win.Title() != "Scorecard: Surrey" || w.area.Selected != "Surrey" || !strings.Contains(strings.Join(w.area.Options, "|"), "Surrey|") {
				t.Errorf("the window is titled %q, area %q of %q", w.win.Title(), w.area.Selected, w.area.Options)
			}
			if top := w.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("%T still showing", top)
			}
			if again := firstRunOn(t, st); chooserShowing(again) != nil {
				t.Error("the window asks for the authority again")
			}
		})
	}
}

// TestFirstRunAnswers checks the other answers: the default kept, "Not
// now", a store with only the demo (which goes: it is Kent's), a store
// with an officer's imports (confirmed first), and a store whose
// authority was set from the command line (not asked).
func TestFirstRunAnswers(t *testing.T) {
	surrey, _ := app.LookupAuthority("Surrey")
	for _, tc := range []struct {
		name     string
		setup    func(t *testing.T, st store.Store)
		do       func(t *testing.T, w *mainWindow)
		want     string // the store's authority after
		asked    bool   // asked again on the next launch
		imports  int    // imports in force after
		noDialog bool
	}{
		{"Kent kept", nil, func(t *testing.T, w *mainWindow) {
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Use this authority"))
		}, "Kent", false, 0, false},
		{"not now", nil, func(t *testing.T, w *mainWindow) {
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Not now"))
		}, "Kent", true, 0, false},
		{"demo removed", importDemo("demo"), func(t *testing.T, w *mainWindow) {
			w.chooser.choose(surrey)
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Use this authority"))
			if !strings.Contains(w.status.Text, "the demo scorecards (Kent's) were removed") {
				t.Errorf("the status bar says %q", w.status.Text)
			}
		}, "Surrey", false, 0, false},
		{"own imports, not confirmed", importDemo("workbook"), func(t *testing.T, w *mainWindow) {
			w.chooser.choose(surrey)
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Use this authority"))
			if !strings.Contains(strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), " "), "holds 1 import of Kent's figures") {
				t.Errorf("no confirmation: %q", labelTexts(w.win.Canvas().Overlays().Top()))
			}
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "No"))
		}, "Kent", true, 1, false},
		{"own imports, confirmed", importDemo("workbook"), func(t *testing.T, w *mainWindow) {
			w.chooser.choose(surrey)
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Use this authority"))
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Yes"))
		}, "Surrey", false, 1, false},
		{"set from the command line", func(t *testing.T, st store.Store) {
			if err := st.SetAuthority(surrey); err != nil {
				t.Fatal(err)
			}
		}, nil, "Surrey", false, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			if tc.setup != nil {
				tc.setup(t, st)
			}
			w := firstRunOn(t, st)
			if (chooserShowing(w) == nil) != tc.noDialog {
				t.Fatalf("the choice of authority showing: %v, want %v", chooserShowing(w) != nil, !tc.noDialog)
			}
			if tc.do != nil {
				tc.do(t, w)
			}
			if a, _ := st.Authority(); a.Name != tc.want {
				t.Errorf("the store's authority is %s, want %s", a.Name, tc.want)
			}
			// Answered, the keyboard is on the scorecard: Down, then
			// Ctrl+C copies the first indicator's row.
			if f := w.win.Canvas().Focused(); f != w.score.table {
				t.Errorf("after the choice the keyboard is on %T, not the scorecard", f)
			}
			imps, _ := st.Imports()
			n := 0
			for _, imp := range imps {
				if imp.Undone == nil {
					n++
				}
			}
			if n != tc.imports {
				t.Errorf("%d imports in force, want %d", n, tc.imports)
			}
			if again := chooserShowing(firstRunOn(t, st)) != nil; again != tc.asked {
				t.Errorf("asked again on the next launch: %v, want %v", again, tc.asked)
			}
		})
	}
}

// importDemo imports the demo workbook as the given kind of import:
// "demo" as `scorecard demo` and the first launch record it.
func importDemo(kind string) func(t *testing.T, st store.Store) {
	return func(t *testing.T, st store.Store) {
		t.Helper()
		path, err := filepath.Abs("testdata/demo.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		res, err := (storeBackend{st}).ReadFile(context.Background(), path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Import(store.Source{Name: "demo.xlsx", Kind: kind, SHA256: res.SHA256}, res.Dataset); err != nil {
			t.Fatal(err)
		}
	}
}
