package importer

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestAnnexASheetNamed reads an Annex A workbook whose List 8 sheet
// follows a summary holding the list's first rows (QA probe 4): the
// import counted List 8's children but said it read "Summary".
func TestAnnexASheetNamed(t *testing.T) {
	f, err := excelize.OpenFile(filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("List 8")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Summary"); err != nil {
		t.Fatal(err)
	}
	header := slices.IndexFunc(rows, func(r []string) bool { return slices.Contains(r, "Child Unique ID") })
	if header < 0 {
		t.Fatalf("no header in %q", rows)
	}
	for i, r := range rows[:header+2] {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Summary", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MoveSheet("Summary", "List 8"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "annexa.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Sheets, []string{"List 8"}) {
		t.Errorf("sheets read %q, want the List 8 sheet the children are counted from", res.Sheets)
	}
	said := ""
	for _, w := range res.Warnings {
		said += w.String() + "\n"
	}
	if !strings.Contains(said, `another Annex A list on sheet "Summary"`) {
		t.Errorf("the summary's list is not said:\n%s", said)
	}
}
