package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestChoosersStartInDocuments checks where File > Import's chooser and
// the export's "Save as" start: the most recent file's folder while it is
// there, else Documents, else home.
func TestChoosersStartInDocuments(t *testing.T) {
	for _, tc := range []struct {
		name      string
		documents bool   // home has a Documents folder
		recent    string // the most recent file, under the test's folder
		keepIt    bool   // the recent file's folder is still there
		want      string // the start folder, under the test's folder
	}{
		{name: "documents", documents: true, want: "home/Documents"},
		{name: "no documents", want: "home"},
		{name: "recent file", documents: true, recent: "share/Returns/October.xlsx", keepIt: true, want: "share/Returns"},
		{name: "recent folder gone", documents: true, recent: "share/Returns/October.xlsx", want: "home/Documents"},
		{name: "recent folder gone, no documents", recent: "share/Returns/October.xlsx", want: "home"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			home := filepath.Join(root, "home")
			mkdir(t, home)
			if tc.documents {
				mkdir(t, filepath.Join(home, "Documents"))
			}
			// os.UserHomeDir reads HOME, or USERPROFILE on Windows.
			t.Setenv("HOME", home)
			t.Setenv("USERPROFILE", home)
			b := newMemBackend(scorecardFixture(12))
			if tc.recent != "" {
				recent := filepath.Join(root, tc.recent)
				if tc.keepIt {
					mkdir(t, filepath.Dir(recent))
				}
				b.settings[settingRecentFiles] = []string{recent, filepath.Join(home, "older.xlsx")}
			}
			w, err := newMainWindow(test.NewTempApp(t), b, Options{})
			if err != nil {
				t.Fatal(err)
			}
			w.win.Resize(fyne.NewSize(1600, 900))
			t.Cleanup(w.win.Close)
			want := filepath.Join(root, tc.want)

			if got := w.startFolder(); got != want {
				t.Errorf("start folder %s, want %s", got, want)
			}
			if got := filepath.Dir(w.newExportForm().out.Text); got != want {
				t.Errorf("export saves in %s, want %s", got, want)
			}
			w.chooseImport()
			if got := shownFolder(w.win.Canvas().Overlays().Top()); got != want {
				t.Errorf("File > Import opens on %s, want %s", got, want)
			}
			w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
			w.showExport()
			test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Choose..."))
			if got := shownFolder(w.win.Canvas().Overlays().Top()); got != want {
				t.Errorf("the export's Choose... opens on %s, want %s", got, want)
			}
		})
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

// shownFolder reads the folder a file chooser shows from its breadcrumb:
// a row of buttons, one for each folder from the root down.
func shownFolder(o fyne.CanvasObject) string {
	var path []string
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if path != nil {
			return false
		}
		if c, ok := o.(*fyne.Container); ok {
			if crumbs := buttonTexts(c); len(crumbs) > 1 && crumbs[0] == string(filepath.Separator) {
				path = crumbs
				return false
			}
		}
		return true
	})
	return filepath.Join(path...)
}

// buttonTexts returns the labels of c's objects when all are buttons.
func buttonTexts(c *fyne.Container) []string {
	var texts []string
	for _, o := range c.Objects {
		b, ok := o.(*widget.Button)
		if !ok {
			return nil
		}
		texts = append(texts, strings.TrimSpace(b.Text))
	}
	return texts
}
