package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// copy903 copies the return's three tables to a folder of their own,
// edit changing each's text, and returns their paths.
func copy903(t *testing.T, edit func(name, text string) string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "ssda903", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(edit(n, string(b))), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, n))
	}
	return paths
}

// TestImport903RefusedOnce drops a return's three tables on the window
// where the return is refused (no episode's dates can be read): the
// refusal is said once, and the other two tables as refused with it.
// Each had read and refused the whole return again, and the dialog said
// the one refusal three times (hB F12).
func TestImport903RefusedOnce(t *testing.T) {
	paths := copy903(t, func(name, text string) string {
		if name != "episodes.csv" {
			return text
		}
		lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
		for i := 1; i < len(lines); i++ {
			f := strings.Split(lines[i], ",")
			f[1] = "TBC" // DECOM
			lines[i] = strings.Join(f, ",")
		}
		return strings.Join(lines, "\n") + "\n"
	})
	w := windowOn(t, openStore(t))
	w.reviewShown = func(r *layoutReview) {
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles(paths)
	w.busy.Wait()
	got := dialogText(w)
	if n := strings.Count(got, "no episode in it could be read"); n != 1 {
		t.Errorf("the dialog says the refusal %d times, want once: %q", n, got)
	}
	for _, want := range []string{"episodes.csv: refused with header.csv above, as one SSDA903 return",
		"uasc.csv: refused with header.csv above, as one SSDA903 return"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog %q does not say %q", got, want)
		}
	}
}

// TestImport903TablesDroppedTogether drops a return's three tables on
// the window at once: the first read imports all three, and the status
// bar says the other two were read with it, not "already imported"
// (QA #11).
func TestImport903TablesDroppedTogether(t *testing.T) {
	paths := copy903(t, func(_, text string) string { return text })
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
