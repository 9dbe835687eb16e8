package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/importer"
)

// standInWorkbook writes a monthly scorecard whose latest figure, a count
// of 3, is last year's outturn in italics standing in for the month, as
// the directorate circulates one, with an officer's note on that figure.
func standInWorkbook(t *testing.T, path, note string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Scorecard"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Monthly scorecard"},
		{"Figures in italics are the previous reporting year's outturn"},
		{"Ref", "Indicator", "Polarity", "Unit", "Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25"},
		{"N01", "Children missing education (count)", "L", "count", 12, 11, 10, 9, 8, 3},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	italic, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, "J4", "J4", italic); err != nil {
		t.Fatal(err)
	}
	if err := f.AddComment(sheet, excelize.Comment{Author: "MI officer", Cell: "J4", Text: note}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestTwoNotesOnOneCell exports figures that want two notes on one cell,
// which holds one: a figure standing in for its month that suppression
// withholds, and a suppressed figure written into an original whose cell
// has an officer's note. The cell's note must say both rather than the
// export fail.
func TestTwoNotesOnOneCell(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "scorecard.xlsx")
	standInWorkbook(t, src, "Provisional: two children's records are under review.")
	h := imported(t, src, "I0001")
	earlier := filepath.Join(dir, "earlier.xlsx")
	if _, err := Write(context.Background(), earlier, h, Options{Produced: produced}); err != nil {
		t.Fatal(err)
	}
	const standIn, withheld = "standing in", "suppressed"
	for _, tt := range []struct {
		name      string
		again     bool // export the earlier export imported again
		opt       Options
		ref       string // the Scorecard sheet's cell noted twice
		want, and string
	}{
		{"new workbook", false, Options{Suppress: 5}, "S7", standIn, withheld},
		{"export imported again", true, Options{Suppress: 5}, "S7", standIn, withheld},
		{"into an original with a note", false, Options{Suppress: 5, Original: src, Reread: importer.Reread}, "J4", "Provisional", withheld},
	} {
		t.Run(tt.name, func(t *testing.T) {
			from := h
			if tt.again {
				from = imported(t, earlier, "I0002")
			}
			var f *excelize.File
			if tt.opt.Original == "" {
				// export audits too that suppression withholds the count.
				f, _ = export(t, from, tt.opt)
			} else {
				out := filepath.Join(t.TempDir(), "out.xlsx")
				if _, err := Write(context.Background(), out, from, tt.opt); err != nil {
					t.Fatal(err)
				}
				var err error
				if f, err = excelize.OpenFile(out); err != nil {
					t.Fatal(err)
				}
				defer f.Close()
			}
			cs, err := f.GetComments("Scorecard")
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, c := range cs {
				if c.Cell != tt.ref {
					continue
				}
				found = true
				all := noteText(c)
				if !strings.Contains(all, tt.want) || !strings.Contains(all, tt.and) {
					t.Errorf("Scorecard!%s: note %q, want it to say %q and %q", c.Cell, all, tt.want, tt.and)
				}
				if strings.Count(all, tt.want) > 1 {
					t.Errorf("Scorecard!%s: note %q says the same twice", c.Cell, all)
				}
			}
			if !found {
				t.Errorf("Scorecard!%s has no note", tt.ref)
			}
		})
	}
}
