// Package ooxml reads what the importer and the export both look into
// in an Office Open XML file's package (ECMA-376 part 2): the
// relationships that tie its parts to one another.
package ooxml

import (
	"encoding/xml"
	"path"
	"strings"
)

// Rel is a relationship of a part, its target resolved to a part name.
type Rel struct{ ID, Type, Target string }

// RelsPart is the name of the part holding part's relationships: the
// package's own for "".
func RelsPart(part string) string {
	dir, base := path.Split(part)
	return path.Join(dir, "_rels", base+".rels")
}

// ParseRels reads part's relationships from data, the content of
// RelsPart(part): those to other parts of the package, each target
// resolved against part's folder (a target starting "/" is from the
// package's root, and a backslash, as some producers write, a slash).
// Relationships to external targets (a hyperlink, a linked workbook) are
// left out.
func ParseRels(part string, data []byte) ([]Rel, error) {
	var x struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	dir := path.Dir(part)
	out := make([]Rel, 0, len(x.Rel))
	for _, r := range x.Rel {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(strings.TrimPrefix(t, "/"))
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, Rel{r.ID, r.Type, t})
	}
	return out, nil
}
