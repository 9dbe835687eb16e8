package xlsx

import (
	"reflect"
	"testing"
)

// TestNotes checks that a sheet's notes and threaded comments are read,
// as Excel writes them: a note's text in runs after its author's name
// and a colon, and a threaded comment with a reply, beside the
// placeholder note Excel writes for it for older versions, which is not
// the officer's text (QA33 F9).
func TestNotes(t *testing.T) {
	sheetRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`
	legacy := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={5B1E9C2A-0001}</author><author>Jo Smith</author></authors><commentList>` +
		`<comment ref="D12" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Jo Smith:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">
Provisional: 3 late returns</t></r></text></comment>` +
		`<comment ref="E5" authorId="0" shapeId="0"><text><t>[Threaded comment]

Your version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924

Comment:
    Estimated: Mosaic extract failed</t></text></comment>` +
		`<comment ref="b2" authorId="1" shapeId="0"><text><t>Excludes UASC</t></text></comment>` +
		`</commentList></comments>`
	threaded := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<threadedComment ref="E5" dT="2025-04-07T09:12:00.00" personId="{8E1C}" id="{0001}"><text>Estimated: Mosaic extract failed</text></threadedComment>` +
		`<threadedComment ref="E5" dT="2025-04-07T10:02:00.00" personId="{8E1D}" id="{0002}" parentId="{0001}"><text>Confirmed figure due 14/04</text></threadedComment>` +
		`</ThreadedComments>`
	p := basePkg().prefixed("")
	p["xl/worksheets/_rels/sheet1.xml.rels"] = sheetRels
	p["xl/comments1.xml"] = legacy
	p["xl/threadedComments/threadedComment1.xml"] = threaded
	w, err := Open(p.write(t, t.TempDir(), "notes.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	got, err := w.Notes("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	want := []Note{
		{Cell: "E5", Text: "Estimated: Mosaic extract failed | Confirmed figure due 14/04", Threaded: true},
		{Cell: "D12", Author: "Jo Smith", Text: "Provisional: 3 late returns"},
		{Cell: "B2", Author: "Jo Smith", Text: "Excludes UASC"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes\n got %+v\nwant %+v", got, want)
	}
}

// TestNotesNone checks that a sheet with no notes reads none, without
// error.
func TestNotesNone(t *testing.T) {
	w, err := Open(basePkg().prefixed("").write(t, t.TempDir(), "plain.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got, err := w.Notes("Scorecard"); err != nil || got != nil {
		t.Errorf("Notes = %v, %v; want none", got, err)
	}
}
