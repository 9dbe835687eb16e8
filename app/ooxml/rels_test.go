package ooxml

import (
	"slices"
	"testing"
)

func TestRelsPart(t *testing.T) {
	for part, want := range map[string]string{
		"":                         "_rels/.rels",
		"xl/workbook.xml":          "xl/_rels/workbook.xml.rels",
		"xl/worksheets/sheet1.xml": "xl/worksheets/_rels/sheet1.xml.rels",
	} {
		if got := RelsPart(part); got != want {
			t.Errorf("RelsPart(%q) = %q, want %q", part, got, want)
		}
	}
}

// TestParseRels reads relationships as Excel, LibreOffice and other
// producers write them: relative to the part's folder, from the root,
// with backslashes; an external target is left out.
func TestParseRels(t *testing.T) {
	data := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="..\comments1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.uk/" TargetMode="External"/>
</Relationships>`)
	got, err := ParseRels("xl/worksheets/sheet1.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, r := range got {
		targets = append(targets, r.ID+" "+r.Target)
	}
	want := []string{"rId1 xl/pivotTables/pivotTable1.xml", "rId2 xl/drawings/drawing1.xml", "rId3 xl/comments1.xml"}
	if !slices.Equal(targets, want) {
		t.Errorf("ParseRels = %q, want %q", targets, want)
	}
	if _, err := ParseRels("xl/workbook.xml", []byte("<Relationships><Relationship")); err == nil {
		t.Error("ParseRels of broken XML: no error")
	}
}
