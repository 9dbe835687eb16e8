package xlsx

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pkg is a hand-made workbook package: part name to content. The
// quirk tests build one, change the few bytes a producer writes
// differently, and zip it.
type pkg map[string]string

// Namespaces of Transitional Open XML and their Strict equivalents.
const (
	nsMain     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsStrict   = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	nsRelStrct = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// basePkg is a small scorecard in the form Excel writes: month headings
// as date serials formatted mmm-yy, percentages, a red RGB fill, a
// theme fill with a tint and a palette fill.
func basePkg() pkg {
	return pkg{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}workbook xmlns{x}="` + nsMain + `" xmlns:r="` + nsRel + `"><{p}workbookPr/><{p}sheets><{p}sheet name="Scorecard" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}worksheet xmlns{x}="` + nsMain + `" xmlns:r="` + nsRel + `"><{p}sheetData>` +
			`<{p}row r="1"><{p}c r="A1" t="s"><{p}v>0</{p}v></{p}c><{p}c r="B1" t="s"><{p}v>1</{p}v></{p}c><{p}c r="C1" s="1"><{p}v>45383</{p}v></{p}c><{p}c r="D1" s="1"><{p}v>45413</{p}v></{p}c></{p}row>` +
			`<{p}row r="2"><{p}c r="A2" t="s"><{p}v>2</{p}v></{p}c><{p}c r="B2" t="s"><{p}v>3</{p}v></{p}c><{p}c r="C2" s="2"><{p}v>0.1166</{p}v></{p}c><{p}c r="D2" s="3"><{p}v>0.12</{p}v></{p}c><{p}c r="E2" s="4"><{p}v>7</{p}v></{p}c></{p}row>` +
			`</{p}sheetData></{p}worksheet>`,
		"xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}sst xmlns{x}="` + nsMain + `" count="4" uniqueCount="4"><{p}si><{p}t>Ref</{p}t></{p}si><{p}si><{p}t>Indicator</{p}t></{p}si><{p}si><{p}t>CIC05</{p}t></{p}si><{p}si><{p}t>Children in care</{p}t></{p}si></{p}sst>`,
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}styleSheet xmlns{x}="` + nsMain + `"><{p}numFmts count="2"><{p}numFmt numFmtId="164" formatCode="mmm\-yy"/><{p}numFmt numFmtId="165" formatCode="0.0%"/></{p}numFmts>` +
			`<{p}fonts count="2"><{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font><{p}font><{p}sz val="10"/><{p}name val="Arial"/></{p}font></{p}fonts>` +
			`<{p}fills count="5"><{p}fill><{p}patternFill patternType="none"/></{p}fill><{p}fill><{p}patternFill patternType="gray125"/></{p}fill>` +
			`<{p}fill><{p}patternFill patternType="solid"><{p}fgColor rgb="FFFF0000"/><{p}bgColor indexed="64"/></{p}patternFill></{p}fill>` +
			`<{p}fill><{p}patternFill patternType="solid"><{p}fgColor theme="5" tint="0.39997558519241921"/><{p}bgColor indexed="64"/></{p}patternFill></{p}fill>` +
			`<{p}fill><{p}patternFill patternType="solid"><{p}fgColor indexed="11"/><{p}bgColor indexed="64"/></{p}patternFill></{p}fill></{p}fills>` +
			`<{p}borders count="1"><{p}border/></{p}borders><{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p}cellStyleXfs>` +
			`<{p}cellXfs count="5"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><{p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
			`<{p}xf numFmtId="165" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><{p}xf numFmtId="165" fontId="1" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyFont="1"/>` +
			`<{p}xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/></{p}cellXfs></{p}styleSheet>`,
		"xl/theme/theme1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office">` +
			`<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
			`<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>` +
			`<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>` +
			`<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>` +
			`<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
			`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst/><a:lnStyleLst/><a:effectStyleLst/><a:bgFillStyleLst/></a:fmtScheme></a:themeElements></a:theme>`,
	}
}

// baseRows are what basePkg's sheet holds.
var baseRows = [][]string{{"Ref", "Indicator", "45383", "45413"}, {"CIC05", "Children in care", "0.1166", "0.12", "7"}}

// prefixed writes the package's SpreadsheetML elements with the prefix
// p ("x:" as the .NET Open XML SDK writes them), or none.
func (p pkg) prefixed(prefix string) pkg {
	x := ""
	if prefix != "" {
		x = ":" + strings.TrimSuffix(prefix, ":")
	}
	for name, xml := range p {
		p[name] = strings.NewReplacer("{p}", prefix, "{x}", x).Replace(xml)
	}
	return p
}

// edit replaces old with new in a part, failing the test if old is not
// there, so that a quirk is never silently not made.
func (p pkg) edit(t *testing.T, part, old, new string) pkg {
	t.Helper()
	if !strings.Contains(p[part], old) {
		t.Fatalf("%s has no %q", part, old)
	}
	p[part] = strings.ReplaceAll(p[part], old, new)
	return p
}

// move renames a part.
func (p pkg) move(from, to string) pkg {
	p[to] = p[from]
	delete(p, from)
	return p
}

// write zips the package into dir as name.
func (p pkg) write(t testing.TB, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, part := range []string{"[Content_Types].xml", "_rels/.rels"} {
		if xml, ok := p[part]; ok {
			writePart(t, zw, part, xml)
		}
	}
	for part, xml := range p {
		if part != "[Content_Types].xml" && part != "_rels/.rels" {
			writePart(t, zw, part, xml)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func writePart(t testing.TB, zw *zip.Writer, name, xml string) {
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(xml)); err != nil {
		t.Fatal(err)
	}
}
