package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestImport903TablesDroppedTogether drops a return's three tables on
// the window at once: the first read imports all three, and the status
// bar says the other two were read with it, not "already imported"
// (QA #11).
func TestImport903TablesDroppedTogether(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "ssda903", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, n))
	}
	w := windowOn(t, openStore(t))
	w.reviewShown = func(r *layoutReview) {
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles(paths)
	w.busy.Wait()
	got := w.status.Text
	for _, want := range []string{"header.csv: imported as I0001", "episodes.csv: read with header.csv above, as one SSDA903 return",
		"uasc.csv: read with header.csv above, as one SSDA903 return"} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q, want it to say %q", got, want)
		}
	}
	if strings.Contains(got, "already imported") {
		t.Errorf("status %q says a table read with the first was already imported", got)
	}
}
