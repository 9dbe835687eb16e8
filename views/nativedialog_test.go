package views

import (
	"path/filepath"
	"testing"
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
