package views

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/export"
)

func TestSaveAsPDF(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	f := w.newExportForm()
	if f.marking.Text != export.DefaultMarking {
		t.Errorf("marking %q, want %q by default", f.marking.Text, export.DefaultMarking)
	}
	f.marking.SetText("OFFICIAL-SENSITIVE")
	dir := t.TempDir()
	f.out.SetText(filepath.Join(dir, "revised.xlsx"))
	w.exportDialog(f).Show()
	save := findButton(w.win.Canvas().Overlays().Top(), "Save as PDF")
	if save == nil {
		t.Fatal("the export dialog has no Save as PDF button")
	}
	test.Tap(save)
	w.busy.Wait()
	pdf, err := os.ReadFile(filepath.Join(dir, "revised.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("Save as PDF wrote no PDF beside the workbook's name: %v", err)
	}
	if !bytes.Contains(pdf, []byte("/Title (")) || !strings.Contains(w.status.Text, "revised.pdf") || !strings.Contains(w.status.Text, "pages") {
		t.Errorf("status after saving the pack %q", w.status.Text)
	}
	if _, err := os.Stat(filepath.Join(dir, "revised.xlsx")); err == nil {
		t.Error("Save as PDF wrote the workbook too")
	}
}

func TestCopyExceptionsBrief(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	w.cohorts[app.UASC].SetChecked(true)
	w.exportDialog(w.newExportForm()).Show()
	copyBrief := findButton(w.win.Canvas().Overlays().Top(), "Copy exceptions brief")
	if copyBrief == nil {
		t.Fatal("the export dialog has no Copy exceptions brief button")
	}
	test.Tap(copyBrief)
	got := w.a.Clipboard().Content()
	if !strings.HasPrefix(got, "Exceptions: Kent, "+w.v.period.Start().Format("January 2006")+", excluding UASC (") || !strings.Contains(got, "\n- ") {
		t.Errorf("the clipboard holds %q, want the brief excluding UASC", got)
	}
}

// TestNothingToExportYet checks File > Export and File > Print on a store
// with no figures say there is nothing to export or print yet and how to
// import, rather than `period: "" is not a period`, and write nothing.
func TestNothingToExportYet(t *testing.T) {
	for _, tc := range []struct {
		do  string
		run func(w *mainWindow)
	}{
		{"export", (*mainWindow).showExport},
		{"print", (*mainWindow).printPack},
	} {
		t.Run(tc.do, func(t *testing.T) {
			printed := 0
			orig := sendToPrint
			t.Cleanup(func() { sendToPrint = orig })
			sendToPrint = func(string) (string, error) { printed++; return "", nil }
			w := windowOn(t, openStore(t))
			if !strings.Contains(w.status.Text, "no figures yet") {
				t.Errorf("the status bar on an empty store says %q", w.status.Text)
			}
			tc.run(w)
			w.busy.Wait()
			said := strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), " ")
			for _, want := range []string{"Nothing to " + tc.do + " yet", "no figures yet", "File > Import"} {
				if !strings.Contains(said, want) {
					t.Errorf("%s on an empty store says %q, want it to say %q", tc.do, said, want)
				}
			}
			if strings.Contains(said, "is not a period") || printed > 0 {
				t.Errorf("%s on an empty store went ahead: says %q, %d sent to print", tc.do, said, printed)
			}
		})
	}
}
