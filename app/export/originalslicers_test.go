package export

import (
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// TestOriginalSlicersAgree exports testdata/orig_pivot_slicer.xlsx (made
// by internal/mkpivotbook): a pivot table of each district's figure, a
// slicer on the figure set to 2 (Ashford's and Canterbury's, which the
// export withholds) and a slicer on the district cross-filtered by it,
// which marks every district without a 2 as having no data. The export
// saves the pivot cache without its number items, so the figure
// slicer's places index nothing: it must list the field's items as they
// now are, its choice of the 2 gone, and the district slicer must mark
// no item as having had no data. Every slicer item must index an item
// of its field, no part may hold a withheld figure, each slicer is
// warned of on its sheet, and excelize, openpyxl and LibreOffice still
// open the file.
func TestOriginalSlicersAgree(t *testing.T) {
	python := needOpenpyxl(t)
	dir := t.TempDir()
	orig, out := filepath.Join(dir, "orig_pivot_slicer.xlsx"), filepath.Join(dir, "out.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "orig_pivot_slicer.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orig, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// The fixture is the case described, or the test proves nothing.
	chosen := slicerChoices(t, orig)
	if !slices.Equal(chosen["Value"], []string{"2"}) {
		t.Fatalf("the original's slicer on Value chooses %v, want the 2", chosen["Value"])
	}
	was := zipParts(t, orig)
	if !noData().Match(was["xl/slicerCaches/slicerCache2.xml"]) {
		t.Fatalf("the original's slicer on Area marks no district as having no data:\n%s", was["xl/slicerCaches/slicerCache2.xml"])
	}

	h := imported(t, orig, "I0001")
	sum, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
	if err != nil {
		t.Fatal(err)
	}
	withheld, _ := withheldFigures(t, orig, out, "District data")
	if !withheld["2"] {
		t.Fatalf("the export does not withhold the 2 the slicer chose: %v", withheld)
	}
	parts := zipParts(t, out)
	for name, p := range parts {
		if !strings.HasPrefix(name, "xl/pivot") && !strings.HasPrefix(name, "xl/slicer") {
			continue
		}
		d := xml.NewDecoder(strings.NewReader(string(p)))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
		}
		for _, m := range regexp.MustCompile(`<(?:\w+:)?n\b[^>]*\bv="([^"]*)"`).FindAllSubmatch(p, -1) {
			if withheld[figureKey(string(m[1]))] {
				t.Errorf("%s holds %s, a figure the export withholds", name, m[0])
			}
		}
	}
	cacheDef := parts["xl/pivotCache/pivotCacheDefinition1.xml"]
	item := regexp.MustCompile(`<i\b[^>]*?(?:/>|></i>)`)
	for _, name := range []string{"xl/slicerCaches/slicerCache1.xml", "xl/slicerCaches/slicerCache2.xml"} {
		def := parts[name]
		field := regexp.MustCompile(`sourceName="([^"]*)"`).FindSubmatch(def)
		if field == nil {
			t.Fatalf("%s names no field:\n%s", name, def)
		}
		n := len(fieldItemValues(cacheDef, string(field[1])))
		for _, i := range item.FindAll(def, -1) {
			x, err := strconv.Atoi(attrOf(i, "x"))
			if err != nil || x >= max(n, 1) {
				t.Errorf("%s: %s indexes no item of the %d %s has in the pivot cache", name, i, n, field[1])
			}
		}
		if m := noData().Find(def); m != nil {
			t.Errorf("%s keeps %s, what had data when last refreshed", name, m)
		}
	}
	if got := slicerChoices(t, out)["Value"]; len(got) > 0 {
		t.Errorf("the slicer on Value chooses %v in the export, want its choice gone", got)
	}
	for _, s := range []struct{ name, says string }{
		{`slicer "Value"`, "its choice gone"},
		{`slicer "Area"`, "no longer so marked"},
	} {
		var warned []app.Warning
		for _, w := range sum.Warnings {
			if strings.Contains(w.Message, s.name) {
				warned = append(warned, w)
			}
		}
		if len(warned) != 1 || warned[0].Sheet != "Pivot" || !strings.Contains(warned[0].Message, s.says) {
			t.Errorf("%s warned of %d times (%v), want once on sheet Pivot saying %q: %v", s.name, len(warned), warned, s.says, sum.Warnings)
		}
	}

	if c := readCells(t, python, out, "Pivot")["A4"]; c.Value != "Ashford" {
		t.Errorf("openpyxl reads Pivot!A4 as %v, want the label Ashford", c.Value)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: the export is not opened in it")
	}
	opened := convert(t, soffice, out, "xlsx")
	if c := readCells(t, python, opened, "Pivot")["A4"]; c.Value != "Ashford" {
		t.Errorf("LibreOffice's save of the export reads Pivot!A4 as %v, want the label Ashford", c.Value)
	}
}

// slicerChoices are the items each slicer of the workbook at path on
// the sheet Pivot chooses, by the slicer's name, as excelize reads them
// through the pivot cache.
func slicerChoices(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open %s: %v", path, err)
	}
	defer f.Close()
	slicers, err := f.GetSlicers("Pivot")
	if err != nil {
		t.Fatalf("excelize cannot read the slicers of %s: %v", path, err)
	}
	if len(slicers) != 2 {
		t.Fatalf("%s has %d slicers on Pivot, want 2", path, len(slicers))
	}
	chosen := map[string][]string{}
	for _, s := range slicers {
		chosen[s.Name] = s.SelectedItems
	}
	return chosen
}

// TestSlicerCacheShapes makes slicer caches as other producers write
// them agree with their pivot cache: Excel's with its elements
// prefixed, a field that lost its number items (every place then
// indexes anew), one whose items stayed (its choice kept, its marks of
// no data gone), and OLAP slicers, whose items carry their own captions
// and names.
func TestSlicerCacheShapes(t *testing.T) {
	const (
		x14   = `http://schemas.microsoft.com/office/spreadsheetml/2009/9/main`
		cache = "xl/pivotCache/pivotCacheDefinition1.xml"
	)
	field := func(name, items string) string {
		return `<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheFields count="1"><cacheField name="` + name + `" numFmtId="0"><sharedItems>` + items + `</sharedItems></cacheField></cacheFields></pivotCacheDefinition>`
	}
	tests := []struct {
		name          string
		def           string
		before, after string // the pivot cache as the original had it, and as written
		want          string
		says          []string
	}{
		{"prefixed, the field's numbers gone",
			`<x14:slicerCacheDefinition xmlns:x14="` + x14 + `" name="Slicer_Value" sourceName="Value"><x14:data><x14:tabular pivotCacheId="1"><x14:items count="3"><x14:i x="0"/><x14:i x="1" s="1"/><x14:i x="2" nd="1"/></x14:items></x14:tabular></x14:data></x14:slicerCacheDefinition>`,
			field("Value", `<n v="0"/><n v="2"/><s v="none"/>`), field("Value", `<s v="none"/>`),
			`<x14:slicerCacheDefinition xmlns:x14="` + x14 + `" name="Slicer_Value" sourceName="Value"><x14:data><x14:tabular pivotCacheId="1"><x14:items count="1"><x14:i x="0" s="1"/></x14:items></x14:tabular></x14:data></x14:slicerCacheDefinition>`,
			[]string{"its choice gone"}},
		{"the field's items kept, no data marked",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="Area"><data><tabular pivotCacheId="1"><items count="2"><i x="0" s="1"/><i x="1" nd="1" s="1"/></items></tabular></data></slicerCacheDefinition>`,
			field("Area", `<s v="Ashford"/><s v="Dover"/>`), field("Area", `<s v="Ashford"/><s v="Dover"/>`),
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="Area"><data><tabular pivotCacheId="1"><items count="2"><i x="0" s="1"/><i x="1" s="1"/></items></tabular></data></slicerCacheDefinition>`,
			[]string{"no longer so marked"}},
		{"the field's items kept, a choice",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="Area"><data><tabular pivotCacheId="1"><items count="2"><i x="0" s="1"/><i x="1"/></items></tabular></data></slicerCacheDefinition>`,
			field("Area", `<s v="Ashford"/><s v="Dover"/>`), field("Area", `<s v="Ashford"/><s v="Dover"/>`),
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="Area"><data><tabular pivotCacheId="1"><items count="2"><i x="0" s="1"/><i x="1"/></items></tabular></data></slicerCacheDefinition>`,
			nil},
		{"OLAP, a figure cached and chosen",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Value" sourceName="[Value]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Value].[Value].[Value]" sourceCaption="Value" count="2"><ranges><range startItem="0"><i n="[Value].[Value].&amp;[2]" c="2"/><i n="[Value].[Value].&amp;[5]" c="5"/></range></ranges></level></levels><selections count="1"><selection n="[Value].[Value].&amp;[2]"/></selections></olap></data></slicerCacheDefinition>`,
			"", "",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Value" sourceName="[Value]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Value].[Value].[Value]" sourceCaption="Value" count="2"></level></levels></olap></data></slicerCacheDefinition>`,
			[]string{"cached from its cube", "its choice of a figure"}},
		{"OLAP, one of two choices a figure",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Value" sourceName="[Value]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Value].[Value].[Value]" sourceCaption="Value" count="2"/></levels><selections count="2"><selection n="[Value].[Value].&amp;[2]"/><selection n="[Value].[Value].&amp;[5]"/></selections></olap></data></slicerCacheDefinition>`,
			"", "",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Value" sourceName="[Value]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Value].[Value].[Value]" sourceCaption="Value" count="2"/></levels><selections count="1"><selection n="[Value].[Value].&amp;[5]"/></selections></olap></data></slicerCacheDefinition>`,
			[]string{"its choice of a figure"}},
		{"OLAP, districts",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="[Area]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Area].[Area].[Area]" sourceCaption="Area" count="1"><ranges><range startItem="0"><i n="[Area].[Area].&amp;[Dover]" c="Dover"/></range></ranges></level></levels><selections count="1"><selection n="[Area].[Area].&amp;[Dover]"/></selections></olap></data></slicerCacheDefinition>`,
			"", "",
			`<slicerCacheDefinition xmlns="` + x14 + `" name="Slicer_Area" sourceName="[Area]"><data><olap pivotCacheId="1"><levels count="1"><level uniqueName="[Area].[Area].[Area]" sourceCaption="Area" count="1"><ranges><range startItem="0"><i n="[Area].[Area].&amp;[Dover]" c="Dover"/></range></ranges></level></levels><selections count="1"><selection n="[Area].[Area].&amp;[Dover]"/></selections></olap></data></slicerCacheDefinition>`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			from := ""
			if tt.after != "" {
				f.Pkg.Store(cache, []byte(tt.after))
				from = cache
			}
			o := &originalWriter{book: &book{f: f}}
			root := slicerCacheRoot().Find([]byte(tt.def))
			got, said := o.agreeTabular([]byte(tt.def), attrOf(root, "sourceName"), from, map[string][]byte{cache: []byte(tt.before)})
			got, olapSaid := agreeOLAP(got, map[string]bool{"2": true})
			said = append(said, olapSaid...)
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if len(said) != len(tt.says) {
				t.Errorf("said %q, want %d things saying %q", said, len(tt.says), tt.says)
			}
			for i := range min(len(said), len(tt.says)) {
				if !strings.Contains(said[i], tt.says[i]) {
					t.Errorf("said %q, want it to say %q", said[i], tt.says[i])
				}
			}
		})
	}
}
