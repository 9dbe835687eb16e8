package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSSRSMergedLayout: SSRS merges every textbox over two or three
// columns and its header over two rows. All its figures were read right,
// but under 25 warnings of noise: "column B "Ref" not read: a second ref
// column" for a cell inside the merged heading A3:B4, and at every figure
// "merged across G5:H5 (Apr-24 to Apr-24) ... the columns make up no
// quarter" for a merge within one month's own merged heading; a page's
// header repeating the merged "2024/25" over the months was "row skipped:
// it has figures but no indicator Ref" (QA27b 9). Each is now said
// nothing of; a second column with entries of its own under a merged
// heading, and a figure merged across two months, still are.
func TestSSRSMergedLayout(t *testing.T) {
	months := []string{"Apr-24", "May-24", "Jun-24"}
	type merge struct{ from, to string }
	tests := []struct {
		name   string
		build  func(f *excelize.File, merges *[]merge) // the sheet "Report" after its title
		want   map[string]string                       // by ref, its figures
		warned map[string][]string                     // by cell
		quiet  bool                                    // no warning at all
	}{
		{"every textbox merged over two columns, the header over two rows", func(f *excelize.File, ms *[]merge) {
			f.SetCellValue("Report", "A3", "Ref")
			f.SetCellValue("Report", "C3", "Indicator")
			f.SetCellValue("Report", "F3", "Polarity")
			*ms = append(*ms, merge{"A3", "B4"}, merge{"C3", "E4"}, merge{"F3", "F4"})
			for i, m := range months {
				c0, _ := excelize.ColumnNumberToName(7 + 2*i)
				c1, _ := excelize.ColumnNumberToName(8 + 2*i)
				f.SetCellValue("Report", c0+"3", m)
				*ms = append(*ms, merge{c0 + "3", c1 + "4"})
			}
			for r, row := range [][]any{{"CLA1", "Number of children looked after", "L", 1480, 1492, 1501}, {"RR1", "Re-referrals within 12 months (%)", "L", 21.3, 22, 19.8}} {
				n := fmt.Sprint(5 + r)
				f.SetCellValue("Report", "A"+n, row[0])
				f.SetCellValue("Report", "C"+n, row[1])
				f.SetCellValue("Report", "F"+n, row[2])
				*ms = append(*ms, merge{"A" + n, "B" + n}, merge{"C" + n, "E" + n})
				for i, v := range row[3:] {
					c0, _ := excelize.ColumnNumberToName(7 + 2*i)
					c1, _ := excelize.ColumnNumberToName(8 + 2*i)
					f.SetCellValue("Report", c0+n, v)
					*ms = append(*ms, merge{c0 + n, c1 + n})
				}
			}
		}, map[string]string{
			"CLA1": "[2024-04=1480 2024-05=1492 2024-06=1501]",
			"RR1":  "[2024-04=21.3 2024-05=22 2024-06=19.8]",
		}, nil, true},
		{"a second Ref column with entries of its own under a merged heading", func(f *excelize.File, ms *[]merge) {
			f.SetSheetRow("Report", "A3", &[]any{"Ref", "", "Indicator", "Polarity", "Apr-24", "May-24"})
			*ms = append(*ms, merge{"A3", "B3"})
			f.SetSheetRow("Report", "A4", &[]any{"CLA1", "NI 58", "Number of children looked after", "L", 1480, 1492})
		}, map[string]string{"CLA1": "[2024-04=1480 2024-05=1492]"}, map[string][]string{
			"B3": {`column B "Ref" not read: a second ref column; column A was read`},
		}, false},
		{"a figure merged across two months' columns", func(f *excelize.File, ms *[]merge) {
			f.SetSheetRow("Report", "A3", &[]any{"Ref", "Indicator", "Polarity", "Apr-24", "May-24"})
			f.SetSheetRow("Report", "A4", &[]any{"CLA1", "Number of children looked after", "L", 1480})
			*ms = append(*ms, merge{"D4", "E4"})
		}, map[string]string{"CLA1": "[2024-04=1480]"}, map[string][]string{
			"D4": {"a figure merged across D4:E4 (Apr-24 to May-24) read for Apr-24, the first column's"},
		}, false},
		// A report printed over pages repeats its title, the page's
		// number, the year merged over its months and the header.
		{"a page's header repeating the year over the months", func(f *excelize.File, ms *[]merge) {
			page := func(top int, rows [][]any) {
				n := func(i int) string { return fmt.Sprint(top + i) }
				f.SetCellValue("Report", "D"+n(0), "2024/25")
				*ms = append(*ms, merge{"D" + n(0), "F" + n(0)})
				f.SetSheetRow("Report", "A"+n(1), &[]any{"Ref", "Indicator", "Polarity", "Apr", "May", "Jun"})
				for i, row := range rows {
					f.SetSheetRow("Report", "A"+n(2+i), &row)
				}
			}
			page(3, [][]any{{"CLA1", "Number of children looked after", "L", 1480, 1492, 1501}})
			f.SetCellValue("Report", "A7", "Kent Performance Report")
			f.SetCellValue("Report", "A8", "Page 2 of 2")
			page(9, [][]any{{"CP1", "Children on a child protection plan", "-", 600, 601, 602}})
		}, map[string]string{
			"CLA1": "[2024-04=1480 2024-05=1492 2024-06=1501]",
			"CP1":  "[2024-04=600 2024-05=601 2024-06=602]",
		}, map[string][]string{
			"D3": {`months with no year beneath "2024/25" (merged across them) dated by it`},
			"A8": {`row read as a page's header, "Page 2 of 2"`},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Report")
			f.SetCellValue("Report", "A1", "Kent Performance Report")
			var ms []merge
			tt.build(f, &ms)
			for _, m := range ms {
				if err := f.MergeCell("Report", m.from, m.to); err != nil {
					t.Fatal(err)
				}
			}
			res := readFile(t, f)
			for ref, want := range tt.want {
				var got []string
				for _, o := range res.Dataset.Observations {
					if o.Ref == ref && o.Value != nil {
						got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
					}
				}
				slices.Sort(got)
				if fmt.Sprint(got) != want {
					t.Errorf("%s's figures %v, want %s", ref, got, want)
				}
			}
			for cell, parts := range tt.warned {
				ws := warnedAt(res, "Report", cell)
				if !slices.ContainsFunc(ws, func(w string) bool {
					return !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(w, p) })
				}) {
					t.Errorf("no warning at %s with %q: %q", cell, parts, ws)
				}
			}
			for _, w := range res.Warnings {
				if _, ok := tt.warned[w.Cell]; !ok && (tt.quiet || w.Sheet == "Report" && strings.Contains(w.Message, "not read") || strings.Contains(w.Message, "skipped") || strings.Contains(w.Message, "merged")) {
					t.Errorf("warned at %s: %s", w.Cell, w.Message)
				}
			}
		})
	}
}
