package xlsx

import (
	"context"
	"testing"
)

// FuzzScanSheet feeds arbitrary bytes to the worksheet scanner, which
// reads untrusted XML without a parser's safety net, and checks that its
// shortcuts for common cells read them as its general path does.
func FuzzScanSheet(f *testing.F) {
	for _, seed := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>0.1166</v></c></row>` +
			`<row r="3"><c r="C3" t="inlineStr"><is><t>x &amp; y</t></is></c><c r="D3" t="e"><v>#N/A</v></c>` +
			`<c r="E3"><f>221/1896</f><v>0.11656</v></c><c r="F3" t="b"><v>1</v></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="A1:AL1"/></mergeCells></worksheet>`,
		`<x:worksheet><x:sheetData><x:row><x:c t="str"><x:v>&#233;</x:v></x:c><x:c/></x:row></x:sheetData></x:worksheet>`,
		`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
		`<row r="0"><c r="A0"><v>`,
		`<row r = "2"><c r = "B2" t = 'd'><v>2024-04-01T00:00:00Z</v></c><c r="A2" t="inlineStr"><is><t><![CDATA[a<b]]>_x000D_</t></is></c></row><row r="1"><c r="XFD1" s="3"/></row>`,
		`<x:row><x:c t="s"><v>0</v></x:c><c r="A1"><x:f>1</x:f></c ></x:row>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opt := range []ScanOptions{{MaxCells: 4_000_000}, {MaxCells: 4_000_000, MaxRows: 3}} {
			if err := sameScan(data, []string{"Ref", "CIC05"}, opt); err != nil {
				t.Fatal(err)
			}
		}
		g, err := Scan(context.Background(), data, []string{"Ref", "CIC05"}, ScanOptions{MaxCells: 4_000_000})
		if err != nil {
			return
		}
		if len(g.Rows) != len(g.Styles) {
			t.Fatalf("%d rows of text, %d of styles", len(g.Rows), len(g.Styles))
		}
		for r := range g.Rows {
			if len(g.Rows[r]) != len(g.Styles[r]) {
				t.Fatalf("row %d: %d cells of text, %d of styles", r+1, len(g.Rows[r]), len(g.Styles[r]))
			}
		}
		_, _ = SharedStrings(data)
		_ = ReadStyles(data)
	})
}
