package export

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"

	"scorecard/app/ooxml"
)

// The original's parts and the relationships between them, read as the
// library holds them once it has read them (and may have added to them),
// else as the file has them: what the export's passes over pivot tables,
// their caches and slicers find their way through.

// workbookRels reads the relationships of the workbook part, found as
// Excel finds it, through the package's.
func (o *originalWriter) workbookRels() ([]ooxml.Rel, error) {
	pkg, err := o.partRels("")
	if err != nil {
		return nil, err
	}
	workbook := "xl/workbook.xml"
	for _, r := range pkg {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			workbook = r.Target
		}
	}
	return o.partRels(workbook)
}

// relTarget is the part relationship id of rels names, or "".
func relTarget(rels []ooxml.Rel, id string) string {
	for _, r := range rels {
		if r.ID == id {
			return r.Target
		}
	}
	return ""
}

// part is a part of the original as held, or nil.
func (o *originalWriter) part(name string) []byte {
	v, _ := o.f.Pkg.Load(name)
	b, _ := v.([]byte)
	return b
}

// partRels reads the relationships of part, as the library holds them if
// it has read them (and may have added to them), else as the file has
// them.
func (o *originalWriter) partRels(part string) ([]ooxml.Rel, error) {
	name := ooxml.RelsPart(part)
	data := o.part(name)
	if v, ok := o.f.Relationships.Load(name); ok && v != nil {
		b, err := xml.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		data = b
	}
	if data == nil {
		return nil, nil
	}
	rels, err := ooxml.ParseRels(part, data)
	if err != nil {
		return nil, fmt.Errorf("%s: not readable XML: %w", name, err)
	}
	return rels, nil
}

// dropContentType removes part's entry from the content types, as the
// library holds them if it has read them, else as the file has them.
func (o *originalWriter) dropContentType(part string) {
	name := "/" + part
	if o.f.ContentTypes != nil {
		kept := o.f.ContentTypes.Overrides[:0]
		for _, ov := range o.f.ContentTypes.Overrides {
			if ov.PartName != name {
				kept = append(kept, ov)
			}
		}
		o.f.ContentTypes.Overrides = kept
		return
	}
	b := o.part(contentTypesPart)
	if b == nil {
		return
	}
	override := regexp.MustCompile(`<Override\b[^>]*\bPartName="` + regexp.QuoteMeta(name) + `"[^>]*/>`)
	o.f.Pkg.Store(contentTypesPart, override.ReplaceAll(b, nil))
}
