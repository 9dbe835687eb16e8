package views

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

// TestWindowRecordsCirculation: the window's Export, Save as PDF and
// Copy exceptions brief each record in the store that they were given
// out for circulation, as the command line's export and brief do, so
// that the next brief says what changed since the figures members had;
// the window's own history counts from them at once.
func TestWindowRecordsCirculation(t *testing.T) {
	st, w := windowOnDemo(t)
	f := w.newExportForm()
	dir := t.TempDir()
	f.out.SetText(filepath.Join(dir, "revised.xlsx"))
	w.exportDialog(f).Show()
	test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Copy exceptions brief"))
	test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Save as PDF"))
	w.busy.Wait()
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	w.exportTo(filepath.Join(dir, "revised.xlsx"), opt)
	w.busy.Wait()
	if strings.Contains(w.status.Text, "not recorded") {
		t.Fatalf("status: %s", w.status.Text)
	}
	cs, err := st.Circulations()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		file := ""
		if c.File != "" {
			file = filepath.Base(c.File)
		}
		got = append(got, c.Output+" "+file+" "+c.Period.Label()+" "+string(c.Area))
	}
	p := w.v.period.Label()
	want := []string{app.CirculatedBrief + "  " + p + " Kent", app.CirculatedPack + " revised.pdf " + p + " Kent", app.CirculatedWorkbook + " revised.xlsx " + p + " Kent"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("recorded %q\nwant %q", got, want)
	}
	if n := len(w.v.stored.Circulations); n != 3 {
		t.Errorf("the window's history holds %d circulations, want 3", n)
	}
	for _, c := range cs {
		if len(c.Imports) == 0 {
			t.Errorf("%s records no imports", c.Output)
		}
	}
}
