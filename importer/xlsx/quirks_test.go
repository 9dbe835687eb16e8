package xlsx

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// A quirk is a way a producer writes OOXML that Excel reads and a
// careless reader misreads, made by hand from basePkg.
type quirk struct {
	name  string
	make  func(t *testing.T) pkg
	opt   Options
	rows  [][]string // what the sheet holds; baseRows when nil
	check func(t *testing.T, w *Workbook, g *Grid)
	// better says why excelize cannot read the package at all, where
	// the reader can; empty where the two are compared cell by cell.
	better string
	// known lists the documented differences from excelize expected.
	known []string
}

var quirks = []quirk{
	{name: "namespace prefixes", make: func(t *testing.T) pkg { return basePkg().prefixed("x:") }},
	{name: "spaces around =", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/worksheets/sheet1.xml", ` r="`, ` r = "`).edit(t, "xl/worksheets/sheet1.xml", ` t="s"`, "\tt\n=\n's'").
			edit(t, "xl/worksheets/sheet1.xml", ` s="`, ` s ="`)
	}},
	{name: "Strict Open XML", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		for name, xml := range p {
			p[name] = strings.NewReplacer(nsMain, nsStrict, nsRel, nsRelStrct,
				"http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/").Replace(xml)
		}
		return p
	}, check: func(t *testing.T, w *Workbook, g *Grid) {
		if !w.Strict() {
			t.Error("Strict() = false")
		}
	}},
	{name: "parts found through relationships", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		p.edit(t, "_rels/.rels", `Target="xl/workbook.xml"`, `Target="/book/Main.xml"`)
		p.move("xl/workbook.xml", "book/Main.xml").move("xl/_rels/workbook.xml.rels", "book/_rels/Main.xml.rels")
		p.move("xl/worksheets/sheet1.xml", "book/data/first.xml").move("xl/styles.xml", "book/looks.xml")
		p.move("xl/sharedStrings.xml", "book/words.xml").move("xl/theme/theme1.xml", "book/colours.xml")
		rels := "book/_rels/Main.xml.rels"
		p.edit(t, rels, `"worksheets/sheet1.xml"`, `"data/first.xml"`).edit(t, rels, `"theme/theme1.xml"`, `"/book/colours.xml"`)
		p.edit(t, rels, `"styles.xml"`, `"looks.xml"`).edit(t, rels, `"sharedStrings.xml"`, `"words.xml"`)
		p.edit(t, "[Content_Types].xml", `"/xl/workbook.xml"`, `"/book/Main.xml"`).edit(t, "[Content_Types].xml", `"/xl/worksheets/sheet1.xml"`, `"/book/data/first.xml"`)
		p.edit(t, "[Content_Types].xml", `"/xl/theme/theme1.xml"`, `"/book/colours.xml"`).edit(t, "[Content_Types].xml", `"/xl/styles.xml"`, `"/book/looks.xml"`)
		return p.edit(t, "[Content_Types].xml", `"/xl/sharedStrings.xml"`, `"/book/words.xml"`)
	}, better: "excelize finds the workbook through _rels/.rels but looks for shared strings and styles only at xl/sharedStrings.xml and xl/styles.xml"},
	{name: "part names in another case", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/_rels/workbook.xml.rels", `"worksheets/sheet1.xml"`, `"Worksheets/Sheet1.XML"`).
			edit(t, "xl/_rels/workbook.xml.rels", `"sharedStrings.xml"`, `"SharedStrings.xml"`)
	}, better: "part names are case-insensitive in OOXML (ECMA-376 part 2, 8.1.1.2); excelize looks them up by exact name"},
	{name: "rows and cells out of order", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		s := p["xl/worksheets/sheet1.xml"]
		i, j := strings.Index(s, `<row r="1">`), strings.Index(s, `<row r="2">`)
		k := strings.Index(s, `</sheetData>`)
		s = s[:i] + s[j:k] + s[i:j] + s[k:]
		s = strings.Replace(s, `<c r="C1" s="1"><v>45383</v></c><c r="D1" s="1"><v>45413</v></c>`, `<c r="D1" s="1"><v>45413</v></c><c r="C1" s="1"><v>45383</v></c>`, 1)
		p["xl/worksheets/sheet1.xml"] = s
		return p
	}, better: "excelize places a row that comes before one of a higher number after it, not at its number as Excel does"},
	{name: "ISO date cells", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/worksheets/sheet1.xml", `<c r="C1" s="1"><v>45383</v>`, `<c r="C1" s="1" t="d"><v>2024-04-01T00:00:00</v>`).
			edit(t, "xl/worksheets/sheet1.xml", `<c r="D1" s="1"><v>45413</v>`, `<c r="D1" s="1" t="d"><v>2024-05-01T00:00:00Z</v>`)
	}, known: []string{"ISO date cell as its serial"}},
	{name: "theme, tint and palette fills", make: func(t *testing.T) pkg { return basePkg().prefixed("") },
		check: func(t *testing.T, w *Workbook, g *Grid) {
			st := w.Styles()
			for _, c := range []struct {
				cell Cell
				want string
			}{{Cell{1, 2}, "FFFF0000"}, {Cell{1, 3}, "FF" + strings.TrimPrefix(excelize.ThemeColor("ED7D31", 0.39997558519241921), "FF")}, {Cell{1, 4}, "FF00FF00"}} {
				if got := st[g.Styles[c.cell.Row][c.cell.Col]].Fill; got != c.want {
					t.Errorf("%s%d fill = %q, want %q", ColumnName(c.cell.Col), c.cell.Row+1, got, c.want)
				}
			}
		}},
	{name: "CDATA and _xHHHH_ escapes", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/sharedStrings.xml", `<t>Children in care</t>`, `<t><![CDATA[Children]]> in_x0020_care</t>`).
			edit(t, "xl/sharedStrings.xml", `<t>Indicator</t>`, `<t>Indi<![CDATA[cator]]></t>`)
	}},
	{name: "styled blank at column XFD", opt: Options{MaxCells: 40}, make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/worksheets/sheet1.xml", `</row>`, `<c r="XFD1" s="2"/></row>`)
	}},
	{name: "Latin-1 shared strings", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		return p.edit(t, "xl/sharedStrings.xml", `encoding="UTF-8"`, `encoding="ISO-8859-1"`).
			edit(t, "xl/sharedStrings.xml", "Children in care", "Children in care (r\xe9sum\xe9)")
	}, rows: [][]string{baseRows[0], {"CIC05", "Children in care (résumé)", "0.1166", "0.12", "7"}}},
	{name: "UTF-16 sheet", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		s := strings.Replace(p["xl/worksheets/sheet1.xml"], `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		p["xl/worksheets/sheet1.xml"] = string(b)
		return p
	}, better: "excelize's decoder reads a UTF-16 part's bytes as UTF-8"},
	{name: "1904 date system", make: func(t *testing.T) pkg {
		p := basePkg().prefixed("")
		p.edit(t, "xl/workbook.xml", `<workbookPr/>`, `<workbookPr date1904="1"/>`)
		return p.edit(t, "xl/worksheets/sheet1.xml", `<v>45383</v>`, `<v>43921</v>`).edit(t, "xl/worksheets/sheet1.xml", `<v>45413</v>`, `<v>43951</v>`)
	}, rows: [][]string{{"Ref", "Indicator", "43921", "43951"}, baseRows[1]}, check: func(t *testing.T, w *Workbook, g *Grid) {
		if !w.Date1904() {
			t.Error("Date1904() = false")
		}
	}},
}

// TestQuirks reads each hand-made package and checks its cells, then
// reads it with excelize too and compares the two cell by cell.
func TestQuirks(t *testing.T) {
	dir := t.TempDir()
	for _, q := range quirks {
		t.Run(q.name, func(t *testing.T) {
			path := q.make(t).write(t, dir, strings.ReplaceAll(q.name, " ", "_")+".xlsx")
			w, err := Open(path, q.opt)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer w.Close()
			if got := w.SheetNames(); !reflect.DeepEqual(got, []string{"Scorecard"}) {
				t.Fatalf("sheets = %q", got)
			}
			g, err := w.Grid(context.Background(), "Scorecard")
			if err != nil {
				t.Fatalf("Grid: %v", err)
			}
			want := q.rows
			if want == nil {
				want = baseRows
			}
			if !reflect.DeepEqual(g.Rows, want) {
				t.Errorf("rows = %q\nwant %q", g.Rows, want)
			}
			if len(g.Styles) < 2 || len(g.Styles[0]) < 3 || g.Styles[0][2] != 1 || w.Styles()[1].FormatCode != `mmm\-yy` || !w.Styles()[1].Date {
				t.Errorf("C1's style lost: styles %v", g.Styles)
			}
			if q.check != nil {
				q.check(t, w, g)
			}
			diffs, known := compareOrFail(t, path, q.better)
			for _, d := range diffs {
				t.Errorf("differs from excelize: %s", d)
			}
			for _, why := range q.known {
				if known[why] == 0 {
					t.Errorf("no %q difference from excelize, though one is expected", why)
				}
				delete(known, why)
			}
			for why, n := range known {
				t.Errorf("%d unexpected %q differences from excelize", n, why)
			}
		})
	}
}

// compareOrFail compares a package with excelize's reading; where
// better says excelize cannot read it, it checks that excelize indeed
// fails or misreads it, so the claim stays true.
func compareOrFail(t *testing.T, path, better string) ([]difference, map[string]int) {
	t.Helper()
	if better == "" {
		return compare(t, path)
	}
	f, err := excelize.OpenFile(path)
	if err == nil {
		defer f.Close()
		var rows [][]string
		if rows, err = f.GetRows("Scorecard", excelize.Options{RawCellValue: true}); err == nil && reflect.DeepEqual(rows, baseRows) {
			t.Errorf("excelize reads it after all: the reason %q no longer holds; compare instead", better)
		}
	}
	t.Logf("not compared with excelize: %s", better)
	return nil, nil
}

// TestDatesAs1900 reads a 1904 workbook's serials as the 1900 system's,
// the dates shown staying the same: Apr-24 is 45383 either way, and an
// ISO date too.
func TestDatesAs1900(t *testing.T) {
	p := basePkg().prefixed("")
	p.edit(t, "xl/workbook.xml", `<workbookPr/>`, `<workbookPr date1904="true"/>`)
	p.edit(t, "xl/worksheets/sheet1.xml", `<v>45383</v>`, `<v>43921</v>`)
	p.edit(t, "xl/worksheets/sheet1.xml", `<c r="D1" s="1"><v>45413</v>`, `<c r="D1" s="1" t="d"><v>2024-05-01</v>`)
	path := p.write(t, t.TempDir(), "1904.xlsx")
	for _, tt := range []struct {
		opt  Options
		want []string
	}{
		{Options{}, []string{"Ref", "Indicator", "43921", "43951"}},
		{Options{DatesAs1900: true}, []string{"Ref", "Indicator", "45383", "45413"}},
	} {
		w, err := Open(path, tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		g, err := w.Grid(context.Background(), "Scorecard")
		w.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g.Rows[0], tt.want) {
			t.Errorf("%+v: row 1 = %q, want %q", tt.opt, g.Rows[0], tt.want)
		}
		// Figures not shown as dates are not moved.
		if !reflect.DeepEqual(g.Rows[1], baseRows[1]) {
			t.Errorf("%+v: row 2 = %q, want %q", tt.opt, g.Rows[1], baseRows[1])
		}
	}
}

// TestFallback reads parts in an encoding only excelize's decoder knows
// (Shift_JIS) through that decoder, a sheet the scanner finds damaged
// but an XML parser reads with excelize, and refuses naming the part
// and encoding what neither can decode.
func TestFallback(t *testing.T) {
	p := basePkg().prefixed("")
	p.edit(t, "xl/sharedStrings.xml", `encoding="UTF-8"`, `encoding="Shift_JIS"`)
	p.edit(t, "xl/sharedStrings.xml", "Children in care", "Children in care (\x93\x8c\x8b\x9e)")
	w, err := Open(p.write(t, t.TempDir(), "sjis.xlsx"), Options{DatesAs1900: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer w.Close()
	want := [][]string{baseRows[0], {"CIC05", "Children in care (東京)", "0.1166", "0.12", "7"}}
	for _, read := range []func() (*Grid, error){
		func() (*Grid, error) { return w.Grid(context.Background(), "Scorecard") },
		func() (*Grid, error) { g, _, err := w.Head(context.Background(), "Scorecard", 10); return g, err },
	} {
		g, err := read()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g.Rows, want) {
			t.Errorf("rows = %q, want %q", g.Rows, want)
		}
		st := w.Styles()
		if len(g.Styles) < 2 || len(g.Styles[1]) < 5 || st[g.Styles[1][2]].Fill != "FFFF0000" || !st[g.Styles[0][2]].Date || st[g.Styles[1][3]].Font != "Arial" {
			t.Errorf("styles %v of %+v", g.Styles, st)
		}
	}

	// End tags with a space before '>', legal XML, which the scanner
	// does not look for: that sheet read by excelize.
	for _, tag := range []string{"</c>", "</v>"} {
		spaced := tag[:len(tag)-1] + " >"
		p = basePkg().prefixed("")
		p.edit(t, "xl/worksheets/sheet1.xml", tag, spaced)
		w2, err := Open(p.write(t, t.TempDir(), "sjis-sheet.xlsx"), Options{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		defer w2.Close()
		for _, maxRows := range []int{0, 10} {
			var g *Grid
			if maxRows == 0 {
				g, err = w2.Grid(context.Background(), "Scorecard")
			} else {
				g, _, err = w2.Head(context.Background(), "Scorecard", maxRows)
			}
			if err != nil || !reflect.DeepEqual(g.Rows, baseRows) {
				t.Errorf("sheet with %s: %v, grid %+v", spaced, err, g)
			}
			if g != nil && (len(g.Styles) < 2 || !reflect.DeepEqual(g.Styles[1], []int32{0, 0, 2, 3, 4})) {
				t.Errorf("sheet with %s: styles %v", spaced, g.Styles)
			}
		}
		var rows [][]string
		_, err = w2.Rows("Scorecard", func(n int, cells []string) bool {
			rows = append(rows, append([]string(nil), cells...))
			return true
		})
		if err != nil || !reflect.DeepEqual(rows, baseRows) {
			t.Errorf("Rows of the sheet with %s: %v, %q", spaced, err, rows)
		}
	}

	p = basePkg().prefixed("")
	p.edit(t, "xl/sharedStrings.xml", `encoding="UTF-8"`, `encoding="x-no-such-encoding"`)
	_, err = Open(p.write(t, t.TempDir(), "unknown.xlsx"), Options{})
	var e EncodingError
	if !errors.As(err, &e) || e.Part != "xl/sharedStrings.xml" || e.Encoding != "x-no-such-encoding" {
		t.Fatalf("err = %v, want the part and encoding named", err)
	}
}
