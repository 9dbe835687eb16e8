package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestChildListDroppedWithWorkbook drops an Annex A list (as at 28 Feb
// 2025) and a council's scorecard whose CIC01 is its own "% in foster
// placements" together, the list first (QA13 R1): the list is read after
// the workbook, so its count of children in care (4) is left out, CIC01
// keeps the council's definition and Feb-25 the council's 72, never
// revised. Read first, the list would define CIC01 as a count, and the
// council's percentages be filed as revisions of it.
func TestChildListDroppedWithWorkbook(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "importer", "childlevel", "testdata", "annexa-libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "list8.xlsx")
	if err := os.WriteFile(list, b, 0o600); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "council.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Ref", "Indicator", "Polarity", "Dec-24", "Jan-25", "Feb-25"},
		{"CIC01", "Children in care in foster placements (%)", "H", 74, 73, 72},
	} {
		if err := f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()

	st := openStore(t)
	w := windowOn(t, st)
	w.reviewShown = func(r *layoutReview) {
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{list, book})
	w.busy.Wait()
	h, err := st.LoadIndicator("CIC01")
	if err != nil {
		t.Fatal(err)
	}
	if ind, _ := h.Indicator("CIC01"); ind.Name != "Children in care in foster placements (%)" || ind.Unit != app.Percent {
		t.Errorf("CIC01 defined as %q (%s), want the council's definition (status %q)", ind.Name, ind.Unit, w.status.Text)
	}
	feb := app.MonthOf(2025, time.February)
	if revs := h.Revisions(app.SeriesKey{Ref: "CIC01", Area: app.Kent, Split: app.All}, feb); len(revs) > 0 {
		t.Errorf("CIC01 Feb-25 was revised %d times, want the council's figure alone", len(revs))
	}
	var got []string
	for _, o := range h.Series(app.SeriesKey{Ref: "CIC01", Area: app.Kent, Split: app.All}) {
		got = append(got, o.Period.String()+" "+app.FormatNumber(*o.Value, 0))
	}
	if want := "2024-12 74; 2025-01 73; 2025-02 72"; strings.Join(got, "; ") != want {
		t.Errorf("CIC01 %s, want the council's %s (status %q)", strings.Join(got, "; "), want, w.status.Text)
	}
}
