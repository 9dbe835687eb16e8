package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"scorecard/app/ooxml"
)

// Relationship types, by the last part of their URI: the same under
// Transitional (http://schemas.openxmlformats.org/...) and Strict
// (http://purl.oclc.org/ooxml/...) Open XML.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
	relTheme          = "/theme"
)

// rels reads the relationships of a part (those of the package for "").
func (w *Workbook) rels(part string) ([]ooxml.Rel, error) {
	name := ooxml.RelsPart(part)
	data, err := w.part(name)
	if err != nil || data == nil {
		return nil, err
	}
	out, err := ooxml.ParseRels(part, data)
	if err != nil {
		return nil, fmt.Errorf("%w: the relationships of %s are not readable XML", ErrNotWorkbook, part)
	}
	return out, nil
}

// relTarget is the target of the first relationship of a type, or def
// when there is none.
func relTarget(rels []ooxml.Rel, typ, def string) string {
	for _, r := range rels {
		if strings.HasSuffix(r.Type, typ) {
			return r.Target
		}
	}
	return def
}

// readStructure reads the sheet list, shared strings, styles, theme and
// document properties, each part found through the relationships that
// name it, as Excel finds them.
func (w *Workbook) readStructure() error {
	if err := w.refuseOthers(); err != nil {
		return err
	}
	pkg, err := w.rels("")
	if err != nil {
		return err
	}
	wbPath := relTarget(pkg, relOfficeDocument, "xl/workbook.xml")
	wbXML, err := w.part(wbPath)
	if err != nil {
		return err
	}
	if wbXML == nil {
		return ErrNotWorkbook
	}
	// No namespace in the tags: they match Transitional and Strict
	// alike (encoding/xml matches any namespace then).
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Calc struct {
			FullCalcOnLoad string `xml:"fullCalcOnLoad,attr"`
		} `xml:"calcPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wbXML, &wb); err != nil {
		return ErrNotWorkbook
	}
	w.date1904 = isTrue(wb.Pr.Date1904)
	w.scan.RecalcOnLoad = isTrue(wb.Calc.FullCalcOnLoad)
	w.strict = bytes.Contains(wbXML[:min(len(wbXML), 2048)], []byte("http://purl.oclc.org/ooxml/spreadsheetml/main"))
	rels, err := w.rels(wbPath)
	if err != nil {
		return err
	}
	targets := map[string]string{}
	for _, r := range rels {
		targets[r.ID] = r.Target
	}
	for _, s := range wb.Sheets {
		if p, ok := targets[s.RID]; ok {
			sh := Sheet{Name: s.Name, Hidden: s.State == "hidden" || s.State == "veryHidden", path: p}
			if f, ok := w.parts[strings.ToLower(p)]; ok {
				sh.Size = int64(f.UncompressedSize64)
			}
			w.sheets = append(w.sheets, sh)
		}
	}
	dir := path.Dir(wbPath)
	sst, err := w.part(relTarget(rels, relSharedStrings, path.Join(dir, "sharedStrings.xml")))
	if err != nil {
		return err
	}
	if w.strings, err = SharedStrings(sst); err != nil {
		return err
	}
	th, err := w.part(relTarget(rels, relTheme, path.Join(dir, "theme/theme1.xml")))
	if err != nil {
		return err
	}
	st, err := w.part(relTarget(rels, relStyles, path.Join(dir, "styles.xml")))
	if err != nil {
		return err
	}
	w.styles = ReadStylesTheme(st, ReadTheme(th))
	w.setDateStyles()
	core, err := w.part(relTarget(pkg, "/core-properties", "docProps/core.xml"))
	if err != nil {
		return err
	}
	w.category = docCategory(core)
	return nil
}

// setDateStyles tells the scanner the date system, which styles show
// dates and which carry a fill colour.
func (w *Workbook) setDateStyles() {
	w.scan.Date1904 = w.date1904
	for i, s := range w.styles {
		if s.Fill == "" {
			continue
		}
		if w.scan.FilledStyles == nil {
			w.scan.FilledStyles = make([]bool, len(w.styles))
		}
		w.scan.FilledStyles[i] = true
	}
	if w.date1904 && w.scan.DatesAs1900 {
		w.scan.DateStyles = make([]bool, len(w.styles))
		for i, s := range w.styles {
			w.scan.DateStyles[i] = s.Date
		}
	}
}

// Date1904 reports whether the workbook counts dates from 1 January
// 1904 (workbookPr date1904), as Mac Excel's and some other tools'
// workbooks do: its serials are 1462 days less than the 1900 system's.
func (w *Workbook) Date1904() bool { return w.date1904 }

// RecalcOnLoad reports whether the workbook asks to be recalculated in
// full when opened (calcPr fullCalcOnLoad), which says that its
// formulas' saved results are not to be trusted: see
// ScanOptions.RecalcOnLoad.
func (w *Workbook) RecalcOnLoad() bool { return w.scan.RecalcOnLoad }

// Strict reports whether the workbook is in Strict Open XML, which it
// reads as it reads the usual Transitional form.
func (w *Workbook) Strict() bool { return w.strict }

// docCategory reads the Category property from docProps/core.xml.
func docCategory(data []byte) string {
	var core struct {
		Category string `xml:"category"`
	}
	if data == nil || xml.Unmarshal(data, &core) != nil {
		return ""
	}
	return core.Category
}
