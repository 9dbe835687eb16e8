package xlsx

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// scanWith scans data as Scan does, by the shortcuts for common cells
// or, where general, by the general path alone.
func scanWith(data []byte, sst []string, opt ScanOptions, general bool) (*Grid, error) {
	sc := newScanner(sst, opt)
	sc.general = general
	if err := sc.scan(context.Background(), data, opt.MaxRows); err != nil {
		return nil, err
	}
	return sc.g, nil
}

// sameScan reports how the shortcuts' reading of data differs from the
// general path's, if it does.
func sameScan(data []byte, sst []string, opt ScanOptions) error {
	g1, err1 := scanWith(data, sst, opt, false)
	g2, err2 := scanWith(data, sst, opt, true)
	if fmt.Sprint(err1) != fmt.Sprint(err2) {
		return fmt.Errorf("error %v by the shortcuts, %v by the general path", err1, err2)
	}
	if !reflect.DeepEqual(g1, g2) {
		return fmt.Errorf("grid %+v by the shortcuts, %+v by the general path", g1, g2)
	}
	return nil
}

// TestShortcuts reads cells as producers write them, the common ones
// the shortcuts read and the rest they leave to the general path: each
// must read as the general path reads it, and as written.
func TestShortcuts(t *testing.T) {
	sst := []string{"Ashford", "Dover"}
	var b strings.Builder
	for c := range 16384 {
		fmt.Fprintf(&b, `<c r="%s1" s="4"><v>%d</v></c>`, ColumnName(c), c)
	}
	long := b.String()
	for _, tt := range []struct {
		name, cells string
		want        []string // row 1's text
		styles      []int32  // row 1's styles, where not all 0
	}{
		{"number", `<c r="A1" s="4"><v>44501</v></c><c r="B1"><v>0.8</v></c>`, []string{"44501", "0.8"}, []int32{4, 0}},
		{"single quotes", `<c r='A1' s='4'><v>1</v></c><c r='B1' t='s'><v>1</v></c>`, []string{"1", "Dover"}, []int32{4, 0}},
		{"mixed quotes", `<c r="A1" t='s' s="2"><v>0</v></c>`, []string{"Ashford"}, []int32{2}},
		{"quote of the other kind in a value", `<c r="A1" x='a"b' s="3"><v>5</v></c>`, []string{"5"}, []int32{3}},
		{"attributes in any order", `<c s="7" t="n" r="B1"><v>2</v></c>`, []string{"", "2"}, []int32{0, 7}},
		{"no reference", `<c s="1"><v>1</v></c><c><v>2</v></c><c t="s"><v>1</v></c>`, []string{"1", "2", "Dover"}, []int32{1, 0, 0}},
		{"spaces", `<c  r="A1"   s="2"  ><v>3</v></c><c r="B1" s="1" /><c r="C1"><v>4</v></c>`, []string{"3", "", "4"}, []int32{2, 1, 0}},
		{"spaces around =", `<c r = "A1" s= "2"><v>3</v></c>`, []string{"3"}, []int32{2}},
		{"tab and line breaks", "<c\tr=\"A1\"\ns=\"2\"><v>3</v></c><c r=\"B1\"\r\n t=\"s\"><v>0</v></c>", []string{"3", "Ashford"}, []int32{2, 0}},
		{"no space between attributes", `<c r="A1"s="2"><v>3</v></c>`, []string{"3"}, []int32{2}},
		{"> in a value", `<c r="A1" x="a>b" s="2"><v>3</v></c><c r="B1"><v>4</v></c>`, nil, nil},
		{"entity in a value", `<c r="A1"><v>1&#46;5</v></c><c r="B1" t="str"><v>a &amp; b</v></c><c r="C1"><v>2&#13;</v></c>`, []string{"1.5", "a & b", "2\r"}, nil},
		{"carriage return", "<c r=\"A1\" t=\"str\"><v>a\r\nb</v></c>", []string{"a\nb"}, nil},
		{"self-closing", `<c r="A1" s="3"/><c r="B1"/><c r="C1"><v>1</v></c><c r="D1" s="5"/>`, []string{"", "", "1"}, []int32{3, 0, 0}},
		{"empty", `<c r="A1"></c><c r="B1" s="2"><v></v></c><c r="C1"><v/></c><c r="D1"><v>1</v></c>`, []string{"", "", "", "1"}, []int32{0, 2, 0, 0}},
		{"nothing within", `<c r="A1" s="3"></c><c r="B1" t="s" s="2"></c><c r="C1" t="inlineStr"></c><c r="D1" s="4"></c><c r="E1" t="d"></c><c r="F1" t="b" s="1"></c><c r="G1" t="s" s="4"></c><c r="H1" t="inlineStr" s="4"></c><c r="I1"><v>1</v></c>`,
			[]string{"", "", "", "", "", "", "", "", "1"}, []int32{3, 2, 0, 4, 0, 1, 4, 4, 0}},
		{"inline string", `<c r="A1" s="3" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>a &amp; b_x000D_</t></is></c>`, []string{"Ref", "a & b\r"}, []int32{3, 0}},
		{"inline string with space kept", `<c r="A1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>`, []string{" x "}, nil},
		{"empty inline string", `<c r="A1" t="inlineStr"><is><t></t></is></c><c r="B1" t="inlineStr"><is><t/></is></c><c r="C1"><v>1</v></c>`, []string{"", "", "1"}, nil},
		{"rich text", `<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Ken</t></r><r><t>t</t></r></is></c>`, []string{"Kent"}, nil},
		{"phonetic guide", `<c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>`, []string{"東京"}, nil},
		{"CDATA", `<c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="B1" t="str"><v><![CDATA[c<d]]></v></c>`, []string{"a<b", "c<d"}, nil},
		{"lower-case reference", `<c r="b1" s="2"><v>3</v></c><c r="a1"><v>1</v></c>`, []string{"1", "3"}, []int32{0, 2}},
		{"reference without a column", `<c r="12"><v>1</v></c>`, nil, nil},
		{"reference with more after its row", `<c r="B1x"><v>1</v></c><c r="C1 "><v>2</v></c>`, []string{"", "1", "2"}, nil},
		{"reference without a row", `<c r="B"><v>1</v></c>`, []string{"", "1"}, nil},
		{"empty reference", `<c r=""><v>1</v></c>`, nil, nil},
		{"large styles", `<c r="A1" s="999999"><v>1</v></c><c r="B1" s="2000000"><v>2</v></c><c r="C1" s="20000000"><v>3</v></c><c r="D1" s=""><v>4</v></c><c r="E1" s="-1"><v>5</v></c><c r="F1" s="0"><v>6</v></c>`,
			[]string{"1", "2", "3", "4", "5", "6"}, []int32{999999, 2000000, 0, 0, 0, 0}},
		{"type before style", `<c r="A1" t="s" s="2"><v>1</v></c>`, []string{"Dover"}, []int32{2}},
		{"space before >", `<c r="A1" s="2" ><v>1</v></c><c r="B1" s="3" /><c r="C1"><v>2</v></c>`, []string{"1", "", "2"}, []int32{2, 3, 0}},
		{"other types", `<c r="A1" t="n"><v>1</v></c><c r="B1" t="str"><v>x</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c><c r="E1" t="S"><v>1</v></c>`, []string{"1", "x", "TRUE", "#REF!", "1"}, nil},
		{"shared strings", `<c r="A1" t="s"><v>01</v></c><c r="B1" t="s"><v> 1 </v></c><c r="C1" t="s" s="2"><v></v></c><c r="D1" t="s"><v>0</v></c>`, []string{"Dover", "Dover", "", "Ashford"}, []int32{0, 0, 2, 0}},
		{"shared string beyond the table", `<c r="A1" t="s"><v>2</v></c>`, nil, nil},
		{"shared string's index past nine digits", `<c r="A1" t="s"><v>0000000001</v></c><c r="B1" t="s"><v>10000000000000000000000</v></c>`, nil, nil},
		{"shared string's index escaped", `<c r="A1" t="s"><v>&#49;</v></c>`, nil, nil},
		{"negative shared string", `<c r="A1" t="s"><v>-1</v></c>`, nil, nil},
		{"empty type", `<c r="A1" t=""><v>3</v></c><c r="B1" t="n"><v>4</v></c>`, []string{"3", "4"}, nil},
		{"inline string with a colon", `<c r="A1" t="inlineStr"><is><t>Period: Q1</t></is></c>`, []string{"Period: Q1"}, nil},
		{"formula", `<c r="A1"><f>B1*2</f><v>10</v></c><c r="B1"><v>5</v></c>`, []string{"10", "5"}, nil},
		{"boolean", `<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>`, []string{"TRUE", "FALSE"}, nil},
		{"error", `<c r="A1" t="e"><v>#N/A</v></c>`, []string{"#N/A"}, nil},
		{"ISO date", `<c r="A1" t="d"><v>2024-04-01T00:00:00Z</v></c>`, []string{"45383"}, nil},
		{"out of order", `<c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c>`, []string{"1", "b", "3"}, nil},
		{"styled blank before content", `<c r="B1" s="6"/><c r="D1"><v>4</v></c><c r="F1" s="6"/>`, []string{"", "", "", "4"}, []int32{0, 6, 0, 0}},
		{"prefixed", `<x:c r="A1" s="2"><x:v>3</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c>`, []string{"3", "b", "Dover"}, []int32{2, 0, 0}},
		{"prefixed cell, other prefix inside", `<x:c r="A1"><y:v>4</y:v></x:c><x:c r="B1"><x:v>5</x:v></x:c>`, []string{"4", "5"}, nil},
		{"attribute with a prefix", `<c r="A1" x:s="2" s="3"><v>1</v></c>`, []string{"1"}, []int32{3}},
		{"name starting c", `<col r="A1"><v>9</v></col><c r="B1"><v>2</v></c>`, []string{"", "2"}, nil},
		{"comment", `<!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>2</v></c>`, []string{"", "2"}, nil},
		{"value closed by </v >", `<c r="A1"><v>7</v ></c>`, nil, nil},
		{"unknown shared string", `<c r="A1" t="s"><v>7</v></c>`, nil, nil},
		{"bad reference", `<c r="1A"><v>7</v></c>`, nil, nil},
		{"beyond XFD", `<c r="XFE1"><v>7</v></c>`, nil, nil},
		{"unquoted value", `<c r=A1><v>7</v></c>`, nil, nil},
		{"unclosed quote", `<c r="A1><v>7</v></c>`, nil, nil},
		{"a very long row", long, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, prefixed := range []bool{false, true} {
				xml := `<worksheet><sheetData><row r="1">` + tt.cells + `</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`
				if strings.HasPrefix(tt.cells, "<x:") {
					if !prefixed {
						continue
					}
					xml = `<x:worksheet><x:sheetData><x:row r="1">` + tt.cells + `</x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`
				} else if prefixed {
					continue
				}
				dates := []bool{4: true, 5: false}
				for _, opt := range []ScanOptions{{}, {RecalcOnLoad: true}, {RawBooleans: true},
					{Date1904: true, DateStyles: dates}, {Date1904: true, DatesAs1900: true, DateStyles: dates}} {
					if err := sameScan([]byte(xml), sst, opt); err != nil {
						t.Errorf("%+v: %v", opt, err)
					}
				}
				// Each length a sheet's head may stop at, within the
				// cells' first kilobytes.
				for n := range min(len(xml), 4096) {
					if err := sameScan([]byte(xml[:n]), sst, ScanOptions{MaxRows: 2}); err != nil {
						t.Errorf("the first %d bytes as a sheet's head: %v", n, err)
						break
					}
				}
				if tt.want == nil {
					continue
				}
				g, err := Scan(context.Background(), []byte(xml), sst, ScanOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if len(g.Rows) != 2 || !reflect.DeepEqual(g.Rows[0], tt.want) || !reflect.DeepEqual(g.Rows[1], []string{"1"}) {
					t.Errorf("rows = %q, want [%q [1]]", g.Rows, tt.want)
				}
				styles := tt.styles
				if styles == nil {
					styles = make([]int32, len(tt.want))
				}
				if len(g.Styles) > 0 && !reflect.DeepEqual(g.Styles[0], styles) {
					t.Errorf("styles = %v, want %v", g.Styles[0], styles)
				}
			}
		})
	}
}

// TestShortcutDates reads the serials of a workbook in the 1904 date
// system, moved to the 1900 system where their style shows a date, and
// only there.
func TestShortcutDates(t *testing.T) {
	xml := `<worksheet><sheetData><row r="1"><c r="A1" s="4"><v>44501</v></c><c r="B1" s="5"><v>44501</v></c><c r="C1"><v>1.5</v></c></row></sheetData></worksheet>`
	opt := ScanOptions{Date1904: true, DatesAs1900: true, DateStyles: []bool{4: true, 5: false}}
	g, err := Scan(context.Background(), []byte(xml), nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"45963", "44501", "1.5"}; len(g.Rows) != 1 || !reflect.DeepEqual(g.Rows[0], want) {
		t.Errorf("rows = %q, want [%q]", g.Rows, want)
	}
}

// TestValueEnd finds a value's end and whether it needs decoding, eight
// bytes at a time, as a byte-by-byte search does: every placing of '<',
// '&' and '\r' among bytes of every kind, in texts of each length up to
// past three words.
func TestValueEnd(t *testing.T) {
	naive := func(text []byte) (int, bool) {
		for i, c := range text {
			if c == '<' {
				return i, !needsDecoding(text[:i], false)
			}
		}
		return -1, false
	}
	fill := []byte{'1', '.', 0x00, 0x3b, 0x3d, 0x7f, 0x80, 0xc3, 0xa9, 0xff, '\n', 'v'}
	for n := range 27 {
		for _, at := range [][2]int{{-1, -1}, {0, -1}, {n / 2, -1}, {n - 1, -1}, {n - 1, 0}, {n / 2, n / 3}, {n - 1, n - 2}} {
			for _, mark := range []byte{'&', '\r'} {
				for f := range fill {
					text := make([]byte, n)
					for i := range text {
						text[i] = fill[(f+i)%len(fill)]
					}
					if at[1] >= 0 && at[1] < n {
						text[at[1]] = mark
					}
					if at[0] >= 0 && at[0] < n {
						text[at[0]] = '<'
					}
					end, literal := valueEnd(text)
					wantEnd, wantLiteral := naive(text)
					if end != wantEnd || end >= 0 && literal != wantLiteral {
						t.Fatalf("valueEnd(%q) = %d, %v; want %d, %v", text, end, literal, wantEnd, wantLiteral)
					}
				}
			}
		}
	}
}
