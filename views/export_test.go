package views

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/export"
)

func TestSaveAsPDF(t *testing.T) {
	_, w := windowOnDemo(t)
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
	_, w := windowOnDemo(t)
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

// TestExportIntoOriginalRereads: the window's export into the original
// workbook's layout hands the export the importer's re-read of the
// original, so that a target a later import revised, which the store
// keeps only with the later file's cell, is written into the original's
// own cell for it.
func TestExportIntoOriginalRereads(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Accept")
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.xlsx")
	b, err := os.ReadFile("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(demo, b, 0o600); err != nil {
		t.Fatal(err)
	}
	w.importFiles([]string{demo})
	w.busy.Wait()
	// The demo's first target, revised by a later targets table.
	of, err := excelize.OpenFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := of.GetCellValue("Targets", "A2")
	year, _ := of.GetCellValue("Targets", "B2")
	of.Close()
	later := filepath.Join(dir, "targets.xlsx")
	tf := excelize.NewFile()
	for i, r := range [][]any{{"Ref", "Year", "Target"}, {ref, year, 97.5}} {
		if err := tf.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tf.SaveAs(later); err != nil {
		t.Fatal(err)
	}
	tf.Close()
	w.importFiles([]string{later})
	w.busy.Wait()
	f := w.newExportForm()
	f.original.SetChecked(true)
	f.origPath.SetSelected(demo)
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "revised.xlsx")
	w.exportTo(out, opt)
	w.busy.Wait()
	ef, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the export wrote no workbook (%v); the status says %q", err, w.status.Text)
	}
	defer ef.Close()
	if got, _ := ef.GetCellValue("Targets", "C2", excelize.Options{RawCellValue: true}); got != "97.5" {
		t.Errorf("Targets!C2, %s's %s target, = %q, want the later import's 97.5", ref, year, got)
	}
}

// TestExportedDialogWarns: the window's Exported dialog lists what the
// export warns of, as the command line prints it after its summary, and
// the status bar counts it. A percentage given without counts is one:
// small-number suppression cannot protect it. Before, the window showed
// the summary alone, and an officer circulating from it never saw the
// warning the Provenance sheet carried.
func TestExportedDialogWarns(t *testing.T) {
	w := windowOnUnprotected(t)
	f := w.newExportForm()
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pack.xlsx")
	w.exportTo(out, opt)
	w.busy.Wait()
	said := strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), "\n")
	for _, want := range []string{
		"1 warning, also on the Provenance sheet: check before circulating",
		"pack.xlsx: PC01 (Care leavers in suitable accommodation) is given as percentages without counts",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("the Exported dialog says %q, want it to say %q", said, want)
		}
	}
	if !strings.Contains(w.status.Text, "; 1 warning: check before circulating") {
		t.Errorf("the status bar says %q, want it to count the warning", w.status.Text)
	}
}

// windowOnUnprotected opens the window on a store holding one indicator
// that small-number suppression cannot protect, which every export warns
// of: care leavers in suitable accommodation, Kent and four districts,
// as percentages alone (1 in 3, 1 in 2, 2 in 3, 1 in 4), imported through
// the window.
func windowOnUnprotected(t *testing.T) *mainWindow {
	t.Helper()
	w := windowOn(t, openStore(t))
	confirmLayouts(t, w, "Accept")
	var b strings.Builder
	b.WriteString("Ref,Indicator,Unit,Polarity,Period,Area,Value\n")
	for _, m := range []string{"2026-07", "2026-08", "2026-09"} {
		for _, f := range []struct {
			area  string
			value string
		}{{"Kent", "62.5"}, {"Ashford", "33.3"}, {"Canterbury", "50"}, {"Dartford", "66.7"}, {"Dover", "25"}} {
			fmt.Fprintf(&b, "PC01,Care leavers in suitable accommodation,%%,high,%s,%s,%s\n", m, f.area, f.value)
		}
	}
	in := filepath.Join(t.TempDir(), "leavers.csv")
	if err := os.WriteFile(in, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	w.importFiles([]string{in})
	w.busy.Wait()
	return w
}
