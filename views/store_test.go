package views

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
)

// openStore opens an empty store in a temporary folder.
func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// windowOn opens the real window on st, as Run does, past the first
// run's question of authority (firstRunOn asks it).
func windowOn(t *testing.T, st store.Store) *mainWindow {
	t.Helper()
	if err := (storeBackend{st}).SetSetting(settingAuthorityAsked, true); err != nil {
		t.Fatal(err)
	}
	return firstRunOn(t, st)
}

// windowOnDemo opens the real window on a new store and imports the
// demo workbook through it, accepting its layout, as an officer's first
// import does.
func windowOnDemo(t *testing.T) (store.Store, *mainWindow) {
	t.Helper()
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	return st, w
}

// firstRunOn opens the real window on st, as Run does.
func firstRunOn(t *testing.T, st store.Store) *mainWindow {
	t.Helper()
	w, err := newMainWindow(test.NewTempApp(t), storeBackend{st}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	t.Cleanup(w.win.Close)
	return w
}

func TestImportFillsTable(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	if len(w.score.lines) != 0 {
		t.Fatalf("an empty store shows %d lines", len(w.score.lines))
	}
	reviews := confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	if *reviews != 1 {
		t.Errorf("the detected layout was shown %d times, want once", *reviews)
	}
	if n := len(w.score.rows); n < 20 {
		t.Fatalf("after importing the demo the scorecard has %d indicators, want 20 or more", n)
	}
	if w.v.period.IsZero() || w.period.Selected != w.v.period.Label() {
		t.Errorf("period picker shows %q for %s", w.period.Selected, w.v.period)
	}
	row := rowOf(w.score, "CIC05")
	if row < 0 {
		t.Fatal("CIC05 is not on the scorecard")
	}
	if got := w.score.text(row, colCurrent); got == "" || !strings.HasSuffix(got, "%") {
		t.Errorf("CIC05 current %q, want a percentage", got)
	}
	if len(w.history.imports) != 1 || w.history.imports[0].Source != "demo.xlsx" {
		t.Errorf("history lists %v", w.history.imports)
	}
	// Excluding UASC changes Kent's children-in-care figures: the demo
	// carries UASC-only and excluding-UASC rows for them.
	before := map[string]string{}
	for _, r := range w.score.rows {
		before[r.ind.Ref] = formatValue(r.ind, r.cur)
	}
	w.cohorts[app.UASC].SetChecked(true)
	changed := 0
	for _, r := range w.score.rows {
		if formatValue(r.ind, r.cur) != before[r.ind.Ref] {
			changed++
		}
	}
	if changed == 0 {
		t.Errorf("excluding UASC changed none of the demo's %d figures", len(w.score.rows))
	}
	w.cohorts[app.UASC].SetChecked(false)
	// The same file again adds nothing and says so.
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	if !strings.Contains(w.status.Text, "already imported") {
		t.Errorf("re-import status %q", w.status.Text)
	}
}

func TestBadFileNamesSheetAndCell(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	w.importFiles([]string{"testdata/bad_nomonth.xlsx"})
	w.busy.Wait()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a bad workbook showed no error")
	}
	shown := strings.Join(labelTexts(top), " ")
	if !strings.Contains(shown, "bad_nomonth.xlsx: Districts!A1") {
		t.Errorf("the error shown, %q, does not name the file, sheet and cell", shown)
	}
	if imps, _ := st.Imports(); len(imps) != 0 {
		t.Errorf("a failed import left %d imports", len(imps))
	}
}

func TestEditsAreUndoableImports(t *testing.T) {
	st, w := windowOnDemo(t)
	w.openDetail("CIC05")
	before := w.detail.comment.Text
	w.detail.comment.SetText("Placement stability improved after the new fostering recruitment drive.")
	w.detail.saveComment()
	if c, ok := w.v.stored.Comment("CIC05", app.Kent, w.v.period); !ok || !strings.Contains(c.Text, "fostering") {
		t.Fatalf("commentary not saved: %+v", c)
	}
	year := w.detail.tYear.Selected
	w.detail.tTarget.SetText("9.5")
	w.detail.tFloor.SetText("11")
	w.detail.saveTarget()
	i := slices.IndexFunc(w.v.stored.Targets("CIC05"), func(t app.Target) bool { return t.Year.String() == year })
	if i < 0 || *w.v.stored.Targets("CIC05")[i].Target != 9.5 {
		t.Fatalf("target for %s not saved: %+v", year, w.v.stored.Targets("CIC05"))
	}
	// A floor better than the target (lower, for a lower-is-better
	// indicator) is refused, and nothing is recorded.
	w.detail.tTarget.SetText("9")
	w.detail.tFloor.SetText("8")
	w.detail.saveTarget()
	if top := w.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(strings.Join(labelTexts(top), " "), "floor") {
		t.Errorf("a floor better than the target was not refused")
	}
	imps, _ := st.Imports()
	if len(imps) != 3 || imps[1].Kind != "edit" || imps[2].Kind != "edit" {
		t.Fatalf("imports after two edits: %+v", imps)
	}
	w.history.undoImport(imps[1].ID)
	// Undoing the edit brings back the commentary the workbook had.
	if got := w.detail.comment.Text; got != before {
		t.Errorf("after undoing the commentary edit the editor shows %q, want %q", got, before)
	}
}

func TestWindowSizeAndLayoutRemembered(t *testing.T) {
	st := openStore(t)
	w, err := newMainWindow(test.NewTempApp(t), storeBackend{st}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.win.Resize(fyne.NewSize(1000, 700))
	w.area.SetSelected("Thanet")
	w.tabs.SelectIndex(2)
	w.closeIntercept()
	w2 := windowOn(t, st)
	if got := w2.win.Canvas().Size(); got.Width != 1000 || got.Height != 700 {
		t.Errorf("reopened at %v, want 1000x700", got)
	}
	if w2.v.area != "Thanet" || w2.tabs.SelectedIndex() != 2 {
		t.Errorf("reopened on %s, tab %d; want Thanet, Districts", w2.v.area, w2.tabs.SelectedIndex())
	}
}

func TestExportWritesWorkbook(t *testing.T) {
	_, w := windowOnDemo(t)
	w.cohorts[app.UASC].SetChecked(true)
	f := w.newExportForm()
	if !f.cohorts[app.UASC].Checked || f.period.Selected != w.v.period.Label() {
		t.Fatalf("the export dialog does not start from the window's choices")
	}
	if f.suppress.Selected != suppressChoices[1] {
		t.Errorf("suppression defaults to %q, want counts below 5", f.suppress.Selected)
	}
	f.suppress.SetSelected(suppressChoices[0])
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(opt.Exclude, []app.Cohort{app.UASC}) || opt.Period != w.v.period || opt.Suppress != 0 {
		t.Errorf("export options %+v", opt)
	}
	out := filepath.Join(t.TempDir(), "revised.xlsx")
	w.exportTo(out, opt)
	w.busy.Wait()
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		var shown []string
		if top := w.win.Canvas().Overlays().Top(); top != nil {
			shown = labelTexts(top)
		}
		t.Fatalf("export wrote nothing (%v); the window shows %q", err, shown)
	}
	if !strings.Contains(w.status.Text, "revised.xlsx") {
		t.Errorf("status after export %q", w.status.Text)
	}
}

func TestCancelledReviewAddsNothing(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Cancel")
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	if imps, _ := st.Imports(); len(imps) != 0 {
		t.Errorf("a cancelled import left %d imports", len(imps))
	}
	if !strings.Contains(w.status.Text, "cancelled") {
		t.Errorf("status %q does not say cancelled", w.status.Text)
	}
}

func TestCorrectedLayoutIsSavedAsProfile(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	var dropped string
	w.reviewShown = func(r *layoutReview) {
		// The officer says the comments column is not to be read, and keeps
		// the layout for files named like this one.
		for i, l := range r.layouts {
			for k, c := range l.Columns {
				if c.Role == importer.RoleComments {
					r.layouts[i].Columns[k].Role = ignoreColumn
					r.edited = true
					dropped = l.Sheet + "!" + c.Col
				}
			}
		}
		r.save.SetChecked(true)
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	if dropped == "" {
		t.Fatal("the demo's detected layout has no comments column")
	}
	if n := len(w.v.stored.Indicators()); n < 20 {
		t.Fatalf("the corrected import has %d indicators", n)
	}
	if _, ok := w.v.stored.Comment("CIC05", app.Kent, w.v.period); ok {
		t.Errorf("commentary was read although its column %s was set to be ignored", dropped)
	}
	// The column left unread is in the import's report, at its heading.
	imps, _ := st.Imports()
	reported := false
	for _, wn := range imps[len(imps)-1].Warnings {
		sheet, col, _ := strings.Cut(dropped, "!")
		if wn.Sheet == sheet && strings.TrimRight(wn.Cell, "0123456789") == col && strings.Contains(wn.Message, "sets it to be ignored") {
			reported = true
		}
	}
	if !reported {
		t.Errorf("the import's report does not say %s was left unread: %v", dropped, imps[len(imps)-1].Warnings)
	}
	layouts, ok := w.profile("testdata/Demo Nov-26.xlsx")
	if !ok {
		t.Fatal("no profile saved for files named like demo.xlsx")
	}
	for _, l := range layouts {
		for _, c := range l.Columns {
			if l.Sheet+"!"+c.Col == dropped {
				t.Errorf("the saved profile still reads %s", dropped)
			}
		}
	}
}

func TestGoodAndBadFilesTogether(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	confirmLayouts(t, w, "Accept")
	w.importFiles([]string{"testdata/bad_nomonth.xlsx", "testdata/demo.xlsx"})
	w.busy.Wait()
	if imps, _ := st.Imports(); len(imps) != 1 || imps[0].Source != "demo.xlsx" {
		t.Errorf("imports after one good and one bad file: %+v", imps)
	}
	if len(w.score.rows) < 20 {
		t.Errorf("the good file did not fill the scorecard: %d rows", len(w.score.rows))
	}
	shown := strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), " ")
	if !strings.Contains(shown, "bad_nomonth.xlsx: Districts!A1") {
		t.Errorf("the error shown, %q, does not name the bad file's sheet and cell", shown)
	}
}

// TestReviewMarksUnsureSheets checks that a sheet whose layout detection
// doubts is marked in the review, with the reason, so that the officer
// checks it first.
func TestReviewMarksUnsureSheets(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Scorecard")
	for i, row := range [][]any{
		{"Ref", "Indicator", "Target", "Target", "Mar-25"},
		{"CIC01", "Children in care", 1800.0, 1900.0, 1896.0},
	} {
		if err := f.SetSheetRow("Scorecard", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "doubt.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	w := windowOn(t, st)
	var shown []string
	w.reviewShown = func(r *layoutReview) {
		shown = labelTexts(w.win.Canvas().Overlays().Top())
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{path})
	w.busy.Wait()
	text := strings.Join(shown, "\n")
	for _, want := range []string{
		"⚠ Scorecard", // the sheet's tab
		"1 sheet, 1 indicator, 1 figure,",
		"The layout of Scorecard may have been read wrongly",
		"⚠ columns C and D both read as target; took C",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the review does not show %q; it shows:\n%s", want, text)
		}
	}
}

// TestNothingToImportIsRefused: a file whose only row is skipped is
// refused by the window, as by the command line, and nothing is stored.
func TestNothingToImportIsRefused(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	path := filepath.Join(t.TempDir(), "inf.csv")
	if err := os.WriteFile(path, []byte("Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The review says so up front, and offers Close alone.
	var shown string
	w.reviewShown = func(*layoutReview) {
		top := w.win.Canvas().Overlays().Top()
		shown = strings.Join(labelTexts(top), " ")
		if findButton(top, "Accept") != nil {
			t.Error("the review of a file with nothing to import offers Accept")
		}
		test.Tap(findButton(top, "Close"))
	}
	w.importFiles([]string{path})
	w.busy.Wait()
	if !strings.Contains(shown, "inf.csv: line 2: nothing to import") || !strings.Contains(w.status.Text, "inf.csv: not imported: line 2: nothing to import") {
		t.Errorf("the review shows %q and the status %q; want both to say inf.csv line 2 gave nothing to import", shown, w.status.Text)
	}
	if imps, _ := st.Imports(); len(imps) != 0 {
		t.Errorf("a file with nothing to import left %d imports", len(imps))
	}
}

// TestUndoSaysWhichFiguresItLeftUndefined undoes the import that alone
// defined CIC05, whose figures a later figures-only file gave: the
// figures are kept but no screen can show them, and the status says so.
func TestUndoSaysWhichFiguresItLeftUndefined(t *testing.T) {
	st := openStore(t)
	fig := func(month time.Month, v float64) app.Observation {
		return app.Observation{Ref: "CIC05", Area: app.Kent, Split: app.All, Period: app.MonthOf(2026, month), Value: app.Float(v)}
	}
	ind := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in 12 months", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1}
	if _, err := st.Import(store.Source{Name: "jan.xlsx", Kind: "workbook", SHA256: strings.Repeat("a", 64)},
		&app.Dataset{Indicators: []app.Indicator{ind}, Observations: []app.Observation{fig(1, 10.5)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(store.Source{Name: "feb.csv", Kind: "csv", SHA256: strings.Repeat("b", 64)},
		&app.Dataset{Observations: []app.Observation{fig(2, 10.9)}}); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	w.history.undoImport("I0001")
	if got := w.status.Text; !strings.Contains(got, "Undid I0001: no import in force defines CIC05") || !strings.Contains(got, "imported: jan.xlsx again") {
		t.Errorf("after the undo the status says %q; want it to name CIC05 as left undefined", got)
	}
}
