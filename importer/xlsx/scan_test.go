package xlsx

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "Z9": 25, "AA10": 26, "AB12": 27, "XFD1": 16383, "XFE1": -1, "AAAAAAAAAAAAAAAA1": -1, "12": -1} {
		got, ok := ColumnOf([]byte(ref))
		if want < 0 {
			if ok {
				t.Errorf("ColumnOf(%q) = %d, want not a reference", ref, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("ColumnOf(%q) = %d, %v; want %d", ref, got, ok, want)
		}
	}
}

func TestSharedStrings(t *testing.T) {
	for _, tt := range []struct{ xml, want string }{
		{`<sst><si><t>Ashford</t></si></sst>`, "Ashford"},
		{`<sst><si><r><t>Tonbridge </t></r><r><rPr><b/></rPr><t xml:space="preserve">&amp; </t></r><r><t>Malling</t></r></si></sst>`, "Tonbridge & Malling"},
		{`<sst><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`, "東京"},
		{`<sst><si><t/></si></sst>`, ""},
	} {
		got, err := SharedStrings([]byte(tt.xml))
		if err != nil || len(got) != 1 || got[0] != tt.want {
			t.Errorf("SharedStrings(%s) = %q, %v; want [%q]", tt.xml, got, err, tt.want)
		}
	}
}

// TestUncalculated lists formula cells saved without a result, as tools
// that write formulas but do not calculate them (openpyxl, excelize)
// save them, and not those Excel saved with a result, even an empty one.
func TestUncalculated(t *testing.T) {
	for _, tt := range []struct {
		name, cells string
		want        []Cell
		text        string // A1's text
	}{
		{"openpyxl", `<c r="A1"><f>1/0</f><v></v></c>`, []Cell{{0, 0}}, ""},
		{"excelize", `<c r="A1"><f>1/0</f></c>`, []Cell{{0, 0}}, ""},
		{"shared", `<c r="A1" s="3"><f t="shared" si="0"/></c>`, []Cell{{0, 0}}, ""},
		{"prefixed", `<x:c r="A1"><x:f>1/0</x:f><x:v></x:v></x:c>`, []Cell{{0, 0}}, ""},
		{"calculated", `<c r="A1"><f>B1*2</f><v>10</v></c>`, nil, "10"},
		{"error result", `<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, nil, "#DIV/0!"},
		{"empty text result", `<c r="A1" t="str"><f>IF(B1&gt;1,"","a")</f><v></v></c>`, nil, ""},
		{"no formula", `<c r="A1"><v></v></c>`, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<worksheet><sheetData><row r="1">` + tt.cells + `<c r="B1"><v>5</v></c></row></sheetData></worksheet>`
			if strings.HasPrefix(tt.cells, "<x:") {
				xml = `<x:worksheet><x:sheetData><x:row r="1">` + tt.cells + `<x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`
			}
			g, err := Scan(context.Background(), []byte(xml), nil, ScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g.Uncalculated, tt.want) {
				t.Errorf("Uncalculated = %v, want %v", g.Uncalculated, tt.want)
			}
			if len(g.Rows) != 1 || len(g.Rows[0]) != 2 || g.Rows[0][0] != tt.text || g.Rows[0][1] != "5" {
				t.Errorf("rows = %q, want [[%q 5]]", g.Rows, tt.text)
			}
		})
	}
}

// TestRecalcOnLoad reads the formulas of a workbook that asks to be
// recalculated on opening: a saved result of 0 or nothing is what
// XlsxWriter and openpyxl save in place of a result, and is read as
// none; any other result is read, and listed as unverified. Without the
// flag every saved result is read as ever.
func TestRecalcOnLoad(t *testing.T) {
	for _, tt := range []struct {
		name, cell   string
		recalc       bool
		text         string // A1's text
		uncalculated bool
		unverified   bool
	}{
		{"XlsxWriter's placeholder", `<c r="A1"><f>200+21</f><v>0</v></c>`, true, "", true, false},
		{"placeholder typed n", `<c r="A1" t="n"><f>200+21</f><v>0.0</v></c>`, true, "", true, false},
		{"shared formula's placeholder", `<c r="A1" s="3"><f t="shared" si="0"/><v>0</v></c>`, true, "", true, false},
		{"prefixed placeholder", `<x:c r="A1"><x:f>200+21</x:f><x:v>0</x:v></x:c>`, true, "", true, false},
		{"excelize's placeholder", `<c r="A1" t="str"><f>200+21</f><v>0</v></c>`, true, "", true, false},
		{"openpyxl's empty result", `<c r="A1"><f>200+21</f><v></v></c>`, true, "", true, false},
		{"empty text result", `<c r="A1" t="str"><f>IF(B1&gt;1,"","a")</f><v></v></c>`, true, "", true, false},
		{"value the script gave", `<c r="A1"><f>200+21</f><v>221</v></c>`, true, "221", false, true},
		{"text result", `<c r="A1" t="str"><f>IF(B1&gt;1,"RED","GREEN")</f><v>RED</v></c>`, true, "RED", false, true},
		{"error result", `<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, true, "#DIV/0!", false, true},
		{"0 typed in, no formula", `<c r="A1"><v>0</v></c>`, true, "0", false, false},
		{"0 calculated, no flag", `<c r="A1"><f>B1-5</f><v>0</v></c>`, false, "0", false, false},
		{"221 calculated, no flag", `<c r="A1"><f>200+21</f><v>221</v></c>`, false, "221", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<worksheet><sheetData><row r="1">` + tt.cell + `<c r="B1"><v>5</v></c></row></sheetData></worksheet>`
			if strings.HasPrefix(tt.cell, "<x:") {
				xml = `<x:worksheet><x:sheetData><x:row r="1">` + tt.cell + `<x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`
			}
			g, err := Scan(context.Background(), []byte(xml), nil, ScanOptions{RecalcOnLoad: tt.recalc})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Rows) != 1 || len(g.Rows[0]) != 2 || g.Rows[0][0] != tt.text || g.Rows[0][1] != "5" {
				t.Errorf("rows = %q, want [[%q 5]]", g.Rows, tt.text)
			}
			a1 := []Cell{{0, 0}}
			if got := len(g.Uncalculated) > 0; got != tt.uncalculated || got && !reflect.DeepEqual(g.Uncalculated, a1) {
				t.Errorf("Uncalculated = %v, want A1 listed: %v", g.Uncalculated, tt.uncalculated)
			}
			if got := len(g.Unverified) > 0; got != tt.unverified || got && !reflect.DeepEqual(g.Unverified, a1) {
				t.Errorf("Unverified = %v, want A1 listed: %v", g.Unverified, tt.unverified)
			}
		})
	}
}

// TestDecodeText decodes text as an XML parser and excelize would.
func TestDecodeText(t *testing.T) {
	for _, tt := range []struct {
		in   string
		bstr bool
		want string
	}{
		{"plain", true, "plain"},
		{"Line one\r\nline two\rthree", false, "Line one\nline two\nthree"},
		{"a&#13;b &amp; &#x41;&lt;", false, "a\rb & A<"},
		{"<![CDATA[a<b & c\r\nd\re]]>f", false, "a<b & c\nd\nef"},
		{"Total_x000D_", true, "Total\r"},
		{"_x005F_x000D_ stays", true, "_x000D_ stays"},
		{"_x0041__x0042_", true, "AB"},
		{"_x000D_ kept in a number", false, "_x000D_ kept in a number"},
		{"_xD800_ half a pair", true, " half a pair"},
		{"_x12_ too short", true, "_x12_ too short"},
	} {
		if got := decodeText([]byte(tt.in), tt.bstr); got != tt.want {
			t.Errorf("decodeText(%q, %v) = %q, want %q", tt.in, tt.bstr, got, tt.want)
		}
	}
}

// TestPlainCells reads cells that start as the common one does, a value
// and nothing else, and are not: the scanner's shortcut for that one
// must leave each to the general reading.
func TestPlainCells(t *testing.T) {
	sst := []string{"Ashford", "Dover"}
	for _, tt := range []struct {
		name, cells string
		want        []string
	}{
		{"plain", `<c r="A1"><v>12.5</v></c><c r="B1" t="s"><v>1</v></c>`, []string{"12.5", "Dover"}},
		{"empty value", `<c r="A1"><v></v></c><c r="B1"><v>5</v></c>`, []string{"", "5"}},
		{"escaped", `<c r="A1" t="str"><v>a &amp; b</v></c><c r="B1" t="e"><v>#N/A</v></c>`, []string{"a & b", "#N/A"}},
		{"value then formula", `<c r="A1"><v>10</v><f>B1*2</f></c><c r="B1"><v>5</v></c>`, []string{"10", "5"}},
		{"CDATA", `<c r="A1" t="str"><v><![CDATA[a<b]]></v></c><c r="B1"><v>5</v></c>`, []string{"a<b", "5"}},
		{"attribute on value", `<c r="A1" t="str"><v xml:space="preserve"> x </v></c><c r="B1"><v>5</v></c>`, []string{" x ", "5"}},
		{"value-like name", `<c r="A1"><vx>9</vx><v>8</v></c><c r="B1"><v>5</v></c>`, []string{"8", "5"}},
		{"prefixed", `<x:c r="A1"><x:v>3</x:v></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c>`, []string{"3", "Ashford"}},
		{"other prefix", `<x:c r="A1"><y:v>4</y:v></x:c><x:c r="B1"><x:v>5</x:v></x:c>`, []string{"4", "5"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<worksheet><sheetData><row r="1">` + tt.cells + `</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`
			if strings.HasPrefix(tt.cells, "<x:") {
				xml = `<x:worksheet><x:sheetData><x:row r="1">` + tt.cells + `</x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`
			}
			g, err := Scan(context.Background(), []byte(xml), sst, ScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Rows) != 2 || !reflect.DeepEqual(g.Rows[0], tt.want) || !reflect.DeepEqual(g.Rows[1], []string{"1"}) {
				t.Errorf("rows = %q, want [%q [1]]", g.Rows, tt.want)
			}
		})
	}
	// Legal XML the scanner does not read: damage, for excelize to read
	// (TestFallback), not a blank.
	xml := `<worksheet><sheetData><row r="1"><c r="A1"><v>7</v ></c></row></sheetData></worksheet>`
	if g, err := Scan(context.Background(), []byte(xml), sst, ScanOptions{}); !fallsBack(err) {
		t.Errorf("a value closed by </v >: %v, rows %q; want the sheet left to the fallback", err, g.Rows)
	}
}

// TestFilledBlanksKept: a blank cell with a fill, past its row's last
// content, is kept where the sheet's rows reach (a RAG shown by its fill
// alone, last on its row: QA33 F1); an unfilled blank, or a fill run out
// beyond the widest row, is not.
func TestFilledBlanksKept(t *testing.T) {
	filled := []bool{false, true, false} // style 1 has a fill, style 2 a border
	for _, tt := range []struct {
		name, row2 string
		styles     []int32
	}{
		{"filled RAG last", `<c r="A2"><v>1</v></c><c r="C2" s="1"/>`, []int32{0, 0, 1}},
		{"unfilled blank last", `<c r="A2"><v>1</v></c><c r="C2" s="2"/>`, []int32{0}},
		{"fill past the widest row", `<c r="A2"><v>1</v></c><c r="C2" s="1"/><c r="XFD2" s="1"/>`, []int32{0, 0, 1}},
		{"filled blank before content", `<c r="A2"><v>1</v></c><c r="B2" s="1"/><c r="C2"><v>x</v></c>`, []int32{0, 1, 0}},
		{"a row of blanks alone", `<c r="B2" s="1"/><c r="C2" s="1"/>`, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			xml := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2">` + tt.row2 + `</row></sheetData></worksheet>`
			g, err := Scan(context.Background(), []byte(xml), nil, ScanOptions{FilledStyles: filled})
			if err != nil {
				t.Fatal(err)
			}
			var got []int32
			if len(g.Styles) > 1 {
				got = g.Styles[1]
			}
			if !reflect.DeepEqual(got, tt.styles) {
				t.Errorf("row 2's styles = %v, want %v", got, tt.styles)
			}
			if len(g.Styles) > 1 && len(g.Rows[1]) != len(g.Styles[1]) {
				t.Errorf("row 2 has %d cells but %d styles", len(g.Rows[1]), len(g.Styles[1]))
			}
		})
	}
}
