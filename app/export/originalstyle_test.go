package export

import (
	"cmp"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/importer"
)

// TestOriginalStandInsRevised: where the original showed last year's
// outturn in italics in place of a month's figure not yet in (a stand-in,
// under the workbook's key saying so) and a later import gave the month's
// own figure, the export writes that figure upright, keeping the rest of
// the cell's style, with a note saying why; a stand-in nothing replaced
// stays italic (QA15 R9: Apr-25 57 and May-25 56 were written in italics
// under "Figures in italics are the previous reporting year's outturn").
// The month's own figure withheld ("c") is upright alike, with both
// notes (QA16 G7); a stand-in itself withheld stays italic.
func TestOriginalStandInsRevised(t *testing.T) {
	for _, tc := range []struct {
		name   string
		later  [][]any // the later workbook's rows
		italic map[string]bool
		noted  map[string]string // a cell's note should contain this
		may    any               // IT02's May-25 stand-in in the original; 9 where nil
		c      string            // a cell that must read "c", withheld
	}{
		{"both months given", [][]any{
			{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Jul-25"},
			{"IT01", "Care leavers aged 19-21 in education, employment or training (%)", "H", 57, 56, 58, 59},
		}, map[string]bool{"H2": false, "I2": false}, map[string]string{"H2": "Now Apr-25's own figure", "I2": "Now May-25's own figure"}, nil, ""},
		{"May alone given", [][]any{
			{"Ref", "Indicator", "Polarity", "May-25", "Jun-25", "Jul-25"},
			{"IT01", "Care leavers aged 19-21 in education, employment or training (%)", "H", 56, 58, 59},
		}, map[string]bool{"H2": true, "I2": false}, map[string]string{"H2": "", "I2": "Now May-25's own figure"}, nil, ""},
		{"neither given", [][]any{
			{"Ref", "Indicator", "Polarity", "Jul-25"},
			{"IT01", "Care leavers aged 19-21 in education, employment or training (%)", "H", 59},
		}, map[string]bool{"H2": true, "I2": true, "I3": true}, map[string]string{"H2": "", "I2": "", "I3": ""}, nil, ""},
		{"May's own count given and withheld", [][]any{
			{"Ref", "Indicator", "Polarity", "May-25", "Jul-25"},
			{"IT02", "Number of children missing from care", "L", 3, 12},
		}, map[string]bool{"I3": false}, map[string]string{"I3": "Now May-25's own figure"}, nil, "I3"},
		{"May's own count given and shown", [][]any{
			{"Ref", "Indicator", "Polarity", "May-25", "Jul-25"},
			{"IT02", "Number of children missing from care", "L", 8, 12},
		}, map[string]bool{"I3": false}, map[string]string{"I3": "Now May-25's own figure"}, nil, ""},
		{"the stand-in itself withheld", [][]any{
			{"Ref", "Indicator", "Polarity", "Jul-25"},
			{"IT02", "Number of children missing from care", "L", 12},
		}, map[string]bool{"I3": true}, map[string]string{"I3": ""}, 3, "I3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			jun := filepath.Join(dir, "jun.xlsx")
			f := excelize.NewFile()
			f.SetSheetName("Sheet1", "Scorecard")
			for i, r := range [][]any{
				{"Ref", "Indicator", "Polarity", "Data period", "Previous year outturn", "Target", "Floor", "Apr-25", "May-25", "Jun-25"},
				{"IT01", "Care leavers aged 19-21 in education, employment or training (%)", "H", "A", 55, 60, 50, 55, 55, 58},
				{"IT02", "Number of children missing from care", "L", "M", 9, nil, nil, 10, cmp.Or(tc.may, any(9)), 11},
				{},
				{"Figures in italics are the previous reporting year's outturn, shown where the current year's figure is not yet available."},
			} {
				f.SetSheetRow("Scorecard", cell(1, i+1), &r)
			}
			standIn, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Bold: true, Color: "1F4E79", Size: 11}, NumFmt: 1})
			if err != nil {
				t.Fatal(err)
			}
			f.SetCellStyle("Scorecard", "H2", "I2", standIn)
			f.SetCellStyle("Scorecard", "I3", "I3", standIn)
			if err := f.SaveAs(jun); err != nil {
				t.Fatal(err)
			}
			f.Close()
			jul := filepath.Join(dir, "jul.xlsx")
			g := excelize.NewFile()
			g.SetSheetName("Sheet1", "Scorecard")
			for i, r := range tc.later {
				g.SetSheetRow("Scorecard", cell(1, i+1), &r)
			}
			if err := g.SaveAs(jul); err != nil {
				t.Fatal(err)
			}
			g.Close()
			h := storeOf(t, jun, jul)
			out := filepath.Join(dir, "out.xlsx")
			if _, err := Write(context.Background(), out, h, Options{Original: jun, Reread: importer.Reread, Produced: produced, AppVersion: "1.0-test", Suppress: 5}); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			notes := map[string]string{}
			cs, _ := x.GetComments("Scorecard")
			for _, c := range cs {
				notes[c.Cell] = noteText(c)
			}
			if tc.c != "" {
				if v, _ := x.GetCellValue("Scorecard", tc.c); v != "c" || !strings.Contains(notes[tc.c], "suppressed") {
					t.Errorf("%s: %q noted %q; want c, noted as suppressed", tc.c, v, notes[tc.c])
				}
			}
			for at, italic := range tc.italic {
				id, err := x.GetCellStyle("Scorecard", at)
				if err != nil {
					t.Fatal(err)
				}
				st, err := x.GetStyle(id)
				if err != nil || st.Font == nil {
					t.Fatalf("%s: style %+v, %v", at, st, err)
				}
				if st.Font.Italic != italic || !st.Font.Bold || !strings.EqualFold(st.Font.Color, "1F4E79") || st.NumFmt != 1 {
					t.Errorf("%s: font %+v, number format %d; want italic %v, bold, colour 1F4E79 and format 1 kept", at, *st.Font, st.NumFmt, italic)
				}
				switch want := tc.noted[at]; {
				case want == "" && strings.Contains(notes[at], "own figure"):
					t.Errorf("%s: note %q, want none of its own figure", at, notes[at])
				case want != "" && !strings.Contains(notes[at], want):
					t.Errorf("%s: note %q, want one saying %q", at, notes[at], want)
				}
			}
		})
	}
}
