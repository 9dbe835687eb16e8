package export

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// streamedRows returns the rows the library's stream writer writes for
// rows (from row 1), as they stand between <sheetData> and </sheetData>.
func streamedRows(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if err := sw.SetRow(cell(1, i+1), r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "streamed.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	x := zipParts(t, path)["xl/worksheets/sheet1.xml"]
	_, after, ok := bytes.Cut(x, []byte("<sheetData>"))
	data, _, ok2 := bytes.Cut(after, []byte("</sheetData>"))
	if !ok || !ok2 {
		t.Fatalf("no sheetData in %s", x)
	}
	return data
}

// TestDataRowsAsStreamed holds the Data sheet's own row encoding to the
// bytes the library's stream writer writes for the same cells, texts a
// reader must get back as they were and numbers at Excel's precision
// among them.
func TestDataRowsAsStreamed(t *testing.T) {
	long := strings.Repeat("a", excelize.TotalCellChars-1) + "😀 and more"
	texts := []string{
		"CSC01", "2026-10", "Folkestone and Hythe", "Excluding UASC", "[c]", "",
		" leading space", "trailing space ", "\ttab", "line\nbreak", "ends\r", "line\r\nbreak",
		`a&b<c>"d'e`, "=HYPERLINK(\"x\")", "Ré: 漢字 😀", "\x01control", "in\uFFFEvalid",
		"_x0041_", "a_x005F_b", "_x005F_x0041_", "_x005F_x004", "_xD800_", "_x12G4_", "x_x0020_y_x0020_z",
		long, strings.Repeat("é", excelize.TotalCellChars+5),
	}
	numbers := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, 200.0 / 3, 100 * 7.0 / 9, 45.3, 12,
		123456789012345678, 1234567890123456.7, 0.000001234567890123456789, 1e-7, 1e21, -2.5e-300,
		9007199254740993, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1),
	}
	var rows [][]any
	for i, s := range texts {
		rows = append(rows, []any{s, numbers[i%len(numbers)], nil, s + "!", nil, nil, numbers[(i+3)%len(numbers)], s})
	}
	for _, v := range numbers {
		rows = append(rows, []any{nil, v, -v, v * 100, v / 7, nil, nil, "x"})
	}
	rows = append(rows, make([]any, len(DataHeader)))
	want := streamedRows(t, rows)
	var got bytes.Buffer
	w := newRowWriter(&got)
	for i, r := range rows {
		w.row(i+1, r)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		g, s := got.String(), string(want)
		i := 0
		for i < len(g) && i < len(s) && g[i] == s[i] {
			i++
		}
		t.Fatalf("rows differ from the stream writer's at byte %d:\n got  …%.200s\n want …%.200s", i, g[max(0, i-80):], s[max(0, i-80):])
	}
}

// TestSplicerFindsThePlaceholder writes a part holding the placeholder
// in pieces of every size, so that the placeholder straddles the pieces:
// the rows take its place, once, whatever the pieces.
func TestSplicerFindsThePlaceholder(t *testing.T) {
	mark := []byte(`<row r="3"><c r="A3" t="inlineStr"><is><t>mark</t></is></c></row>`)
	part := []byte(`<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c></row>` + string(mark) + `</sheetData><row r="3"></worksheet>`)
	want := strings.Replace(string(part), string(mark), "ROWS", 1)
	for size := 1; size <= len(part); size++ {
		var out bytes.Buffer
		rows := &dataRows{placeholder: mark, write: func(w *rowWriter) error { _, err := w.WriteString("ROWS"); return err }}
		z := &dataZip{rows: rows}
		z.open = &splicer{w: &out, rows: rows}
		for p := part; len(p) > 0; {
			n := min(size, len(p))
			if k, err := z.open.Write(p[:n]); err != nil || k != n {
				t.Fatalf("pieces of %d: wrote %d of %d: %v", size, k, n, err)
			}
			p = p[n:]
		}
		if err := z.finish(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want || !rows.written {
			t.Fatalf("pieces of %d: wrote\n %s\nwant\n %s", size, out.String(), want)
		}
	}
}

// TestReserveRowsLeavesNoTrace writes the same cells into two sheets, one
// with its rows made first by reserveRows, well past the last written:
// the sheets are saved the same.
func TestReserveRowsLeavesNoTrace(t *testing.T) {
	part := func(reserve bool) []byte {
		b := &book{f: excelize.NewFile(), styles: map[look]int{}}
		defer b.f.Close()
		s := "Sheet1"
		if err := b.set(s, 1, 1, "Title", look{bold: true}); err != nil {
			t.Fatal(err)
		}
		if reserve {
			if err := b.reserveRows(s, 200); err != nil {
				t.Fatal(err)
			}
		}
		for r := 3; r <= 60; r += 19 {
			for c := 1; c <= 28; c++ {
				if err := b.set(s, c, r, float64(r*c), look{}); err != nil {
					t.Fatal(err)
				}
			}
		}
		path := filepath.Join(t.TempDir(), "rows.xlsx")
		if err := b.f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return zipParts(t, path)["xl/worksheets/sheet1.xml"]
	}
	if got, want := part(true), part(false); !bytes.Equal(got, want) {
		t.Errorf("with rows reserved the sheet is saved as\n%s\nwant\n%s", got, want)
	}
}

// TestDataRowAsRow holds a figure's Data row to the row of the same
// cells (row, which TestDataRowsAsStreamed holds to the library's
// bytes), and to no allocation once its texts are known: the large
// export writes 100,000 of them, and boxing each cell's number and
// period took 10 MB of its garbage.
func TestDataRowAsRow(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	figures := []struct {
		o     app.Observation
		label string
		want  []any
	}{
		{app.Observation{Ref: "CIC05", Area: "Kent", Period: app.MonthOf(2026, time.October), Value: f(11.7), Numerator: f(221), Denominator: f(1896)}, "All children",
			[]any{"CIC05", "2026-10", "Kent", "All children", 221.0, 1896.0, 11.7, nil}},
		{app.Observation{Ref: "SCS02", Area: "Folkestone and Hythe", Period: app.Period{Kind: app.Quarter, Year: 2025, N: 4}, Status: app.Suppressed}, "Excluding UASC",
			[]any{"SCS02", app.Period{Kind: app.Quarter, Year: 2025, N: 4}.String(), "Folkestone and Hythe", "Excluding UASC", nil, nil, nil, app.Suppressed.String()}},
		{app.Observation{Ref: "ED01", Area: "Dover", Period: app.MonthOf(2025, time.March), Value: f(0.1), StandIn: true}, "All children",
			[]any{"ED01", "2025-03", "Dover", "All children", nil, nil, 0.1, app.StandInMark}},
		{app.Observation{Ref: "EH02", Area: "Kent", Period: app.MonthOf(2025, time.April), Value: f(math.NaN()), Denominator: f(0)}, "All children",
			[]any{"EH02", "2025-04", "Kent", "All children", nil, 0.0, math.NaN(), nil}},
	}
	for i, c := range figures {
		var got, want bytes.Buffer
		gw, ww := newRowWriter(&got), newRowWriter(&want)
		gw.dataRow(i+3, c.o, c.label)
		ww.row(i+3, c.want)
		gw.Flush()
		ww.Flush()
		if got.String() != want.String() {
			t.Errorf("%s: dataRow wrote\n %s\nwant\n %s", c.o.Ref, got.String(), want.String())
		}
		allocs := testing.AllocsPerRun(100, func() { gw.dataRow(100_000, c.o, c.label) })
		if c.o.Value != nil && math.IsNaN(*c.o.Value) {
			continue // written as text, as rarely as a NaN is held
		}
		if allocs > 0 {
			t.Errorf("%s: dataRow makes %.0f allocations a row, want none", c.o.Ref, allocs)
		}
	}
}
