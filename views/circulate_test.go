package views

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
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

// refusing is a store that cannot take a circulation's record, as a
// team store's role not granted the table cannot.
type refusing struct{ store.Store }

func (refusing) RecordCirculation(app.Circulation) (app.Circulation, error) {
	return app.Circulation{}, errors.New("permission denied for table circulations")
}

// TestWindowCirculationNotRecorded: an export the store cannot record
// as circulated is written all the same, and the status bar says it was
// not recorded, and why.
func TestWindowCirculationNotRecorded(t *testing.T) {
	w := windowOn(t, refusing{openStore(t)})
	confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	opt, err := w.newExportForm().options()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "revised.xlsx")
	w.exportTo(out, opt)
	w.busy.Wait()
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("the workbook was not written: %v", err)
	}
	if want := "(not recorded as circulated: permission denied for table circulations)"; !strings.Contains(w.status.Text, "Wrote "+out) || !strings.HasSuffix(w.status.Text, want) {
		t.Errorf("status %q, want it to end %q", w.status.Text, want)
	}
}
