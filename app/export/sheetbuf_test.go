package export

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSheetsStreamedAsInMemory writes the Scorecard, Trend and Districts
// sheets through the stream writer and from memory, and checks the two
// say the same: every cell's value and style, the merges, widths, row
// heights and notes of every sheet; each streamed sheet's panes, print
// setup and dimension, and the Trend sheet's sparklines, charts and page
// breaks; and that every other part of the workbook but the shared
// strings is the same.
func TestSheetsStreamedAsInMemory(t *testing.T) {
	demo, m := demoHistory(t)
	large := largeHistory(t)
	for _, tc := range []struct {
		name string
		h    *app.History
		opt  Options
	}{
		{"demo", demo, Options{Suppress: 5}},
		{"demo excluding UASC", demo, Options{Exclude: []app.Cohort{app.UASC}, Suppress: 5}},
		{"demo, a district, 6 months", demo, Options{Area: "Maidstone", Months: 6, Period: m.Latest().Add(-3)}},
		{"large", large, Options{Suppress: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(was bool) { streamSheets = was }(streamSheets)
			var paths [2]string
			var sums [2]Summary
			for i, streamed := range []bool{true, false} {
				streamSheets = streamed
				opt := tc.opt
				opt.Produced, opt.AppVersion = produced, "1.0-test"
				paths[i] = filepath.Join(t.TempDir(), "out.xlsx")
				var err error
				if sums[i], err = Write(context.Background(), paths[i], tc.h, opt); err != nil {
					t.Fatal(err)
				}
			}
			if sums[0].Sparklines == 0 || sums[0].Sparklines != sums[1].Sparklines || sums[0].Charts != sums[1].Charts {
				t.Errorf("%d sparklines and %d charts streamed, %d and %d from memory", sums[0].Sparklines, sums[0].Charts, sums[1].Sparklines, sums[1].Charts)
			}
			streamedParts, memParts := zipParts(t, paths[0]), zipParts(t, paths[1])
			trendPart := "xl/worksheets/sheet2.xml"
			for name, b := range memParts {
				if name == trendPart || name == "xl/sharedStrings.xml" || regexp.MustCompile(`^xl/worksheets/sheet\d+\.xml$`).MatchString(name) {
					continue // compared cell by cell
				}
				if name == "xl/workbook.xml" || name == "xl/_rels/workbook.xml.rels" {
					// The shared strings' relationship is made with the
					// first shared text, so the sheets' IDs may follow it.
					if !bytes.Equal(byTarget(memParts, name), byTarget(streamedParts, name)) {
						t.Errorf("part %s differs beyond its relationships' IDs", name)
					}
					continue
				}
				if !bytes.Equal(streamedParts[name], b) {
					t.Errorf("part %s differs", name)
				}
			}
			for _, part := range []string{"xl/worksheets/sheet1.xml", trendPart, "xl/worksheets/sheet3.xml"} {
				for _, p := range []string{`(?s)<extLst>.*</extLst>`, `(?s)<rowBreaks.*</rowBreaks>`, `(?s)<headerFooter.*</headerFooter>`,
					`<pageSetup[^>]*>`, `<pageMargins[^>]*>`, `<sheetPr>.*?</sheetPr>`, `<pane [^>]*>`, `<dimension [^>]*>`, `<drawing [^>]*id="[^"]*"`, `<legacyDrawing [^>]*id="[^"]*"`} {
					re := regexp.MustCompile(p)
					got, want := re.Find(streamedParts[part]), re.Find(memParts[part])
					got = regexp.MustCompile(` xmlns:relationships="[^"]*" relationships:id`).ReplaceAll(got, []byte(" r:id"))
					if !bytes.Equal(got, want) {
						t.Errorf("%s's %s: %.200s, from memory %.200s", part, p, got, want)
					}
				}
			}
			for _, p := range []string{`(?s)<extLst>.*</extLst>`, `(?s)<rowBreaks.*</rowBreaks>`, `<drawing [^>]*id="[^"]*"`} {
				if !regexp.MustCompile(p).Match(memParts[trendPart]) {
					t.Errorf("the Trend sheet has no %s: the test proves nothing", p)
				}
			}
			sameSheets(t, paths[0], paths[1])
		})
	}
}

// sameSheets checks every sheet of two workbooks holds the same cells
// with the same styles, merges, widths, heights and notes.
func sameSheets(t *testing.T, a, b string) {
	t.Helper()
	fa, err := excelize.OpenFile(a)
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Close()
	fb, err := excelize.OpenFile(b)
	if err != nil {
		t.Fatal(err)
	}
	defer fb.Close()
	for _, s := range fa.GetSheetList() {
		if s == DataSheet {
			continue // its part is the same bytes
		}
		ra, _ := fa.GetRows(s, excelize.Options{RawCellValue: true})
		rb, _ := fb.GetRows(s, excelize.Options{RawCellValue: true})
		if !reflect.DeepEqual(ra, rb) {
			t.Errorf("%s: the cells differ", s)
			continue
		}
		for r, row := range ra {
			ha, _ := fa.GetRowHeight(s, r+1)
			hb, _ := fb.GetRowHeight(s, r+1)
			if ha != hb {
				t.Errorf("%s row %d: height %v, from memory %v", s, r+1, hb, ha)
			}
			for c := range max(len(row), 30) {
				ref := cell(c+1, r+1)
				sa, _ := fa.GetCellStyle(s, ref)
				sb, _ := fb.GetCellStyle(s, ref)
				if sa != sb {
					t.Errorf("%s!%s: style %d, from memory %d", s, ref, sb, sa)
				}
			}
		}
		for c := 1; c <= 30; c++ {
			wa, _ := fa.GetColWidth(s, colName(c))
			wb, _ := fb.GetColWidth(s, colName(c))
			if wa != wb {
				t.Errorf("%s column %s: width %v, from memory %v", s, colName(c), wb, wa)
			}
		}
		ma, _ := fa.GetMergeCells(s)
		mb, _ := fb.GetMergeCells(s)
		if len(ma) != len(mb) {
			t.Errorf("%s: %d merges, from memory %d", s, len(mb), len(ma))
		}
		for i := range min(len(ma), len(mb)) {
			if ma[i].GetStartAxis() != mb[i].GetStartAxis() || ma[i].GetEndAxis() != mb[i].GetEndAxis() || ma[i].GetCellValue() != mb[i].GetCellValue() {
				t.Errorf("%s: merge %v, from memory %v", s, mb[i], ma[i])
			}
		}
		ca, _ := fa.GetComments(s)
		cb, _ := fb.GetComments(s)
		if !reflect.DeepEqual(ca, cb) {
			t.Errorf("%s: the notes differ", s)
		}
	}
}

// byTarget returns the part name of a workbook's parts with each of the
// workbook's relationship IDs written as its target, and its
// relationships in the order of their targets, so that two parts compare
// the same where only the IDs differ.
func byTarget(parts map[string][]byte, name string) []byte {
	rel := regexp.MustCompile(`<Relationship Id="(rId\d+)" Target="([^"]+)"[^>]*></Relationship>`)
	target := map[string]string{}
	for _, r := range rel.FindAllSubmatch(parts["xl/_rels/workbook.xml.rels"], -1) {
		target[string(r[1])] = string(r[2])
	}
	ids := func(b []byte) []byte {
		return regexp.MustCompile(`"rId\d+"`).ReplaceAllFunc(b, func(id []byte) []byte {
			return []byte(`"` + target[string(id[1:len(id)-1])] + `"`)
		})
	}
	all := rel.FindAll(parts[name], -1)
	for i := range all {
		all[i] = ids(all[i])
	}
	slices.SortFunc(all, bytes.Compare)
	return append(ids(rel.ReplaceAll(parts[name], nil)), bytes.Join(all, nil)...)
}
