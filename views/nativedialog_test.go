package views

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestImportUsesNativeDialog checks File > Import asks the system's Open
// dialog where there is one, starting in the chooser's folder, and
// imports what it returns; a cancel imports nothing.
func TestImportUsesNativeDialog(t *testing.T) {
	demo, err := filepath.Abs("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		answer  string
		imports int
	}{{"chosen", demo, 1}, {"cancelled", "", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			w := windowOn(t, openStore(t))
			confirmLayouts(t, w, "Accept")
			asked := make(chan string, 1)
			nativeOpen = func(title, dir string) (string, error) {
				asked <- dir
				return tc.answer, nil
			}
			t.Cleanup(func() { nativeOpen = nil })
			start := w.startFolder()
			w.chooseImport()
			w.busy.Wait()
			select {
			case dir := <-asked:
				if dir != start {
					t.Errorf("the Open dialog started in %q, want %q", dir, start)
				}
			default:
				t.Fatal("File > Import did not ask the system's Open dialog")
			}
			if top := w.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("Fyne's chooser showed as well: %T", top)
			}
			if len(w.history.imports) != tc.imports {
				t.Errorf("%d imports, want %d", len(w.history.imports), tc.imports)
			}
		})
	}
}

// TestExportUsesNativeSaveDialog checks the export's Choose... asks the
// system's Save dialog where there is one, in the folder and with the
// name "Save as" holds, and puts its answer in "Save as"; a cancel
// leaves "Save as" as it was.
func TestExportUsesNativeSaveDialog(t *testing.T) {
	picked := filepath.Join(t.TempDir(), "Committee March.xlsx")
	for _, tc := range []struct {
		name   string
		answer string
		want   string // "Save as" after; "" for as before
	}{{"chosen", picked, picked}, {"cancelled", "", ""}} {
		t.Run(tc.name, func(t *testing.T) {
			w := openFixture(t, 24)
			type ask struct{ dir, name string }
			asked := make(chan ask, 1)
			nativeSave = func(title, dir, name string) (string, error) {
				asked <- ask{dir, name}
				return tc.answer, nil
			}
			t.Cleanup(func() { nativeSave = nil })
			f := w.newExportForm()
			before := f.out.Text
			d := w.exportDialog(f)
			d.Show()
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Choose..."))
			w.busy.Wait()
			select {
			case a := <-asked:
				if a.dir != filepath.Dir(before) || a.name != filepath.Base(before) {
					t.Errorf("the Save dialog was asked for %q in %q, want %q in %q", a.name, a.dir, filepath.Base(before), filepath.Dir(before))
				}
			default:
				t.Fatal("Choose... did not ask the system's Save dialog")
			}
			if n := len(w.win.Canvas().Overlays().List()); n != 1 {
				t.Errorf("%d overlays showing, want the export dialog alone (no Fyne chooser)", n)
			}
			want := tc.want
			if want == "" {
				want = before
			}
			if f.out.Text != want {
				t.Errorf("Save as reads %q, want %q", f.out.Text, want)
			}
		})
	}
}
