package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRatePer100kIsNotACount: a rate per 100,000 had become a plain
// number, and a plain number is a count of children, so --suppress 5
// withheld rates of 3.2 and 4.1 as small counts and show called their
// change a "count". A rate is not a count: its figures all leave, and
// its change is in its own unit.
func TestRatePer100kIsNotACount(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "rate.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
	f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25"})
	f.SetSheetRow("Scorecard", "A4", &[]any{"R1", "Rate per 100,000 population of children missing", "L", 3.2, 4.1, 12})
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	db := filepath.Join(dir, "s.db")
	mustRun(t, db, "import", book)

	show := mustRun(t, db, "show", "R1")
	if strings.Contains(show, "count") || !strings.Contains(show, "0.9 per 100,000") {
		t.Errorf("show R1:\n%s\nwant its unit and change per 100,000, never a count", show)
	}

	out := filepath.Join(dir, "e.xlsx")
	if s := mustRun(t, db, "export", "--suppress", "5", "--out", out); strings.Contains(s, "suppressed") {
		t.Errorf("export --suppress 5 said %q: a rate has no counts of children to withhold", s)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		if len(r) > 6 && r[0] == "R1" {
			got = append(got, r[6])
		}
	}
	if strings.Join(got, " ") != "3.2 4.1 12" {
		t.Errorf("exported R1 values %q, want 3.2 4.1 12 (rows %q)", got, rows)
	}
}
