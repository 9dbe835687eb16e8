package export

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"slices"
)

// contentTypesPart is the name of the workbook's content types part.
const contentTypesPart = "[Content_Types].xml"

// The library lists the image types a workbook with notes or drawings
// may hold in map order, so that two exports of one store would differ
// in their content types part. The zip writer (dataZip) holds that part
// back and writes it sorted: its entries are a set, in any order the
// same to Excel.

// contentTypes is the content types part, as the Open Packaging
// Conventions define it.
type contentTypes struct {
	XMLName   xml.Name          `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []contentDefault  `xml:"Default"`
	Overrides []contentOverride `xml:"Override"`
}

type contentDefault struct {
	Extension   string `xml:",attr"`
	ContentType string `xml:",attr"`
}

type contentOverride struct {
	PartName    string `xml:",attr"`
	ContentType string `xml:",attr"`
}

// typesWriter holds the content types part back until it is complete.
type typesWriter struct {
	w   io.Writer // the part in the zip
	buf bytes.Buffer
}

func (t *typesWriter) Write(p []byte) (int, error) { return t.buf.Write(p) }

// finish writes the part with its entries sorted, or as it was should
// it not read as a content types part, which is then for Excel to judge.
func (t *typesWriter) finish() error {
	_, err := t.w.Write(sortedContentTypes(t.buf.Bytes()))
	return err
}

// sortedContentTypes returns the content types part b with its defaults
// sorted by extension and its overrides by part name.
func sortedContentTypes(b []byte) []byte {
	var ct contentTypes
	if err := xml.Unmarshal(b, &ct); err != nil {
		return b
	}
	slices.SortStableFunc(ct.Defaults, func(a, b contentDefault) int { return cmp.Compare(a.Extension, b.Extension) })
	slices.SortStableFunc(ct.Overrides, func(a, b contentOverride) int { return cmp.Compare(a.PartName, b.PartName) })
	out, err := xml.Marshal(ct)
	if err != nil {
		return b
	}
	return append([]byte(xml.Header), out...)
}
