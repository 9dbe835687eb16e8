package childlevel

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestListSheetChosen reads workbooks holding the worked example's list
// beside another list (QA probe 4): any sheet with an 8 in its name was
// read first, so a three-child "Sheet8" was counted in place of the
// list, and a second list was passed over unsaid. The list is read from
// the sheet naming List 8, else the first; each other list is said.
func TestListSheetChosen(t *testing.T) {
	march := app.MonthOf(2025, 3)
	for _, tc := range []struct {
		name   string
		sheet  string // the worked example's sheet
		other  string // the three-child list's, added after it
		first  bool   // the other list's sheet comes first
		inCare float64
		warn   string
	}{
		{"a decoy named Sheet8", "Children", "Sheet8", false, 4, `another Annex A list on sheet "Sheet8" (header at row 4): not read`},
		{"the list on List 8, a summary first", "List 8", "Summary", true, 4, `another Annex A list on sheet "Summary"`},
		{"two sheets naming List 8: the first", "List 8", "List 8 (previous)", false, 4, `another Annex A list on sheet "List 8 (previous)"`},
		{"no sheet naming List 8: the first", "Children", "Old children", false, 4, `another Annex A list on sheet "Old children"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeAnnexA(t, t.TempDir(), worked())
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetSheetName("List 8", tc.sheet); err != nil {
				t.Fatal(err)
			}
			if _, err := f.NewSheet(tc.other); err != nil {
				t.Fatal(err)
			}
			rows := [][]any{{"Ofsted Annex A: List 8"}, {}, {}, annexAHeader}
			for i := range 3 {
				rows = append(rows, annexARowOf("Z-"+string(rune('1'+i)), "01/01/2015", "01/10/2024", "", ""))
			}
			for i, r := range rows {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				if err := f.SetSheetRow(tc.other, cell, &r); err != nil {
					t.Fatal(err)
				}
			}
			if tc.first {
				if err := f.MoveSheet(tc.other, tc.sheet); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			ds, warns, err := ReadAnnexA(path, snapshot, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := proportionIs(RefChildrenInCare, app.All, tc.inCare, 0, march)(ds); got != want {
				t.Errorf("%s, want %s", got, want)
			}
			said := ""
			for _, w := range warns {
				said += w.String() + "\n"
			}
			if !strings.Contains(said, tc.warn) {
				t.Errorf("no warning %q in\n%s", tc.warn, said)
			}
		})
	}
}
