package export

//go:generate go run ./internal/mkpivotbook testdata

import (
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// TestOriginalPivotCachesEmptied exports testdata/orig_pivot.xlsx (made
// by internal/mkpivotbook: district figures on a tidy sheet, two pivot
// tables over them and a chart of the first's cells, saved by
// LibreOffice with the cache's records and the tables laid out) into its
// own layout. Suppressing counts of 1 to 4, no figure the export
// withholds may be left in a pivot part (records, the cache's number
// items and their least and greatest), in the cells the pivot tables
// laid out or in the chart's cache of them, and the file must still open
// in excelize and openpyxl; each pivot table is warned of once, by name
// and place.
// Suppressing nothing, the cache goes all the same, but the items a
// pivot table lists by position stay, none of them withheld.
func TestOriginalPivotCachesEmptied(t *testing.T) {
	python := needOpenpyxl(t)
	fixture := filepath.Join("testdata", "orig_pivot.xlsx")
	tests := []struct {
		name     string
		suppress int
		withheld int  // the cells of District data the export withholds
		listed   bool // PivotTable2's list of the Value field's items kept
	}{
		{"counts of 1 to 4 withheld", 5, 4, false},
		{"nothing withheld", 0, 0, true},
	}
	tables := []struct{ name, ref string }{{"PivotTable1", "A3:B16"}, {"PivotTable2", "D3:E11"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			orig, out := filepath.Join(dir, "orig_pivot.xlsx"), filepath.Join(dir, "out.xlsx")
			b, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(orig, b, 0o644); err != nil {
				t.Fatal(err)
			}
			h := imported(t, orig, "I0001")
			sum, err := Write(context.Background(), out, h, Options{Suppress: tt.suppress, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
			if err != nil {
				t.Fatal(err)
			}
			withheld, cells := withheldFigures(t, orig, out, "District data")
			if cells != tt.withheld {
				t.Fatalf("%d cells withheld on District data (%v), want %d", cells, withheld, tt.withheld)
			}
			parts := map[string]string{}
			for name, b := range zipParts(t, out) {
				parts[name] = string(b)
			}
			for name := range parts {
				if strings.Contains(name, "pivotCacheRecords") {
					t.Errorf("the export keeps %s, every figure of the source as last refreshed", name)
				}
			}
			def := parts["xl/pivotCache/pivotCacheDefinition1.xml"]
			if !strings.Contains(def, `saveData="0"`) || !strings.Contains(def, `refreshOnLoad="1"`) || strings.Contains(def, "r:id=") {
				t.Errorf("the cache definition is not saved without its data, to be refreshed on opening:\n%s", def)
			}
			if m := regexp.MustCompile(`(?:min|max)(?:Value|Date)="[^"]*"`).FindString(def); m != "" {
				t.Errorf("the cache definition keeps %s:\n%s", m, def)
			}
			number := regexp.MustCompile(`<(?:\w+:)?n\b[^>]*\bv="([^"]*)"`)
			for name, p := range parts {
				if !strings.HasPrefix(name, "xl/pivot") {
					continue
				}
				for _, m := range number.FindAllStringSubmatch(p, -1) {
					if withheld[figureKey(m[1])] {
						t.Errorf("%s holds %s, a figure the export withholds", name, m[0])
					}
				}
			}
			// A chart of the pivot table's cells caches what it plots.
			cached := regexp.MustCompile(`(?s)<(?:\w+:)?numCache>.*?</(?:\w+:)?numCache>`)
			point := regexp.MustCompile(`<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>`)
			for _, c := range cached.FindAllString(parts["xl/charts/chart1.xml"], -1) {
				for _, m := range point.FindAllStringSubmatch(c, -1) {
					if withheld[figureKey(m[1])] {
						t.Errorf("the chart of PivotTable1's cells caches %s, a figure the export withholds", m[1])
					}
				}
			}
			if got := strings.Contains(parts["xl/pivotTables/pivotTable2.xml"], "<items"); got != tt.listed {
				t.Errorf("PivotTable2 lists the Value field's items: %v, want %v:\n%s", got, tt.listed, parts["xl/pivotTables/pivotTable2.xml"])
			}
			if got := strings.Contains(def, `<n v="1"/>`); got != tt.listed {
				t.Errorf("the cache keeps the Value field's number items: %v, want %v:\n%s", got, tt.listed, def)
			}
			sheet := pivotSheetPart(t, parts, "pivotTable1.xml")
			cellValue := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`)
			for _, m := range cellValue.FindAllStringSubmatch(parts[sheet], -1) {
				if strings.Contains(m[2], `t="s"`) || strings.Contains(m[2], `t="str"`) || strings.Contains(m[2], `t="inlineStr"`) {
					continue
				}
				for _, tb := range tables {
					first, last, _ := strings.Cut(tb.ref, ":")
					if inRange(t, m[1], first, last) {
						t.Errorf("%s: %s keeps the number %s %s laid out", sheet, m[1], m[3], tb.name)
					}
				}
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatalf("excelize cannot open the export: %v", err)
			}
			defer f.Close()
			if label, _ := f.GetCellValue("Pivot", "A6"); label != "Dartford" {
				t.Errorf("Pivot!A6 is %q, want the label Dartford kept", label)
			}
			shown := readCells(t, python, out, "Pivot")
			if c, ok := shown["A6"]; !ok || c.Value != "Dartford" {
				t.Errorf("openpyxl reads Pivot!A6 as %v, want the label Dartford", c.Value)
			}
			if c, ok := shown["B6"]; ok && c.Value != nil {
				t.Errorf("openpyxl reads Pivot!B6 (Dartford's sum) as %v, want it blank", c.Value)
			}
			for _, tb := range tables {
				var warned []app.Warning
				for _, w := range sum.Warnings {
					if strings.Contains(w.Message, "pivot table "+tb.name+" ("+tb.ref+")") {
						warned = append(warned, w)
					}
				}
				if len(warned) != 1 || warned[0].Sheet != "Pivot" {
					t.Errorf("%s warned of %d times (%v), want once on sheet Pivot: %v", tb.name, len(warned), warned, sum.Warnings)
				}
				if len(warned) != 1 {
					continue
				}
				if got := strings.Contains(warned[0].Message, "withholds"); got != (tt.withheld > 0) {
					t.Errorf("%s's warning says figures were withheld: %v, want %v: %s", tb.name, got, tt.withheld > 0, warned[0].Message)
				}
				// PivotTable1 lists no Value items: its cache's going is
				// not its to report.
				wantItems := tb.name == "PivotTable2" && !tt.listed
				if got := strings.Contains(warned[0].Message, "the items it listed of Value"); got != wantItems {
					t.Errorf("%s's warning says its Value items were removed: %v, want %v: %s", tb.name, got, wantItems, warned[0].Message)
				}
			}
		})
	}
}

// withheldFigures are the numbers of sheet in orig that the export out
// writes as c, by figureKey, and how many cells it so withholds.
func withheldFigures(t *testing.T, orig, out, sheet string) (figures map[string]bool, cells int) {
	t.Helper()
	read := func(path string) [][]string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	was, now := read(orig), read(out)
	figures = map[string]bool{}
	for r := range min(len(was), len(now)) {
		for c := range min(len(was[r]), len(now[r])) {
			if now[r][c] == "c" && figureKey(was[r][c]) != "" {
				figures[figureKey(was[r][c])] = true
				cells++
			}
		}
	}
	return figures, cells
}

// pivotSheetPart is the worksheet part whose relationships name the pivot
// table part table.
func pivotSheetPart(t *testing.T, parts map[string]string, table string) string {
	t.Helper()
	for name, p := range parts {
		if strings.HasPrefix(name, "xl/worksheets/_rels/") && strings.Contains(p, "pivotTables/"+table) {
			return "xl/worksheets/" + strings.TrimSuffix(strings.TrimPrefix(name, "xl/worksheets/_rels/"), ".rels")
		}
	}
	t.Fatalf("no sheet holds %s", table)
	return ""
}

// TestOriginalUnusedPivotCacheEmptied: a pivot cache left in the
// workbook by a pivot table since deleted still holds every figure of
// its source. testdata/orig_pivot.xlsx with its sheet's pivot tables
// taken away (their cells left as plain cells) must be exported with no
// records part, and the cache warned of, once.
func TestOriginalUnusedPivotCacheEmptied(t *testing.T) {
	dir := t.TempDir()
	orig, out := filepath.Join(dir, "orig_pivot.xlsx"), filepath.Join(dir, "out.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "orig_pivot.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	pivotRel := regexp.MustCompile(`<Relationship [^>]*pivotTables/[^>]*/>`)
	rewriteZip(t, string(b), orig, func(name string, b []byte) []byte {
		if strings.HasPrefix(name, "xl/worksheets/_rels/") {
			return pivotRel.ReplaceAll(b, nil)
		}
		return b
	})
	h := imported(t, orig, "I0001")
	sum, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range zipParts(t, out) {
		if strings.Contains(name, "pivotCacheRecords") || strings.Contains(string(p), "pivotCacheRecords") {
			t.Errorf("the export keeps the unused cache's records (%s)", name)
		}
	}
	warned := 0
	for _, w := range sum.Warnings {
		if strings.Contains(w.Message, "pivot cache pivotCache/pivotCacheDefinition1.xml, which no pivot table uses") {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("the unused cache warned of %d times, want once: %v", warned, sum.Warnings)
	}
}

// TestOriginalPivotScorecardKeepsFigures exports
// testdata/orig_pivot_scorecard.xlsx, whose district summary is laid out
// by a pivot table and read by the import as a scorecard: the figures the
// export writes into the pivot table's cells (c where withheld, the
// others as the store holds them) are its own and stay; the numbers the
// import did not read there (the pivot table's Total Result row) are
// blanked, and the cache is saved without its records.
func TestOriginalPivotScorecardKeepsFigures(t *testing.T) {
	dir := t.TempDir()
	orig, out := filepath.Join(dir, "orig_pivot_scorecard.xlsx"), filepath.Join(dir, "out.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "orig_pivot_scorecard.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orig, b, 0o644); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	if _, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct{ at, want string }{
		{"C6", "c"}, {"D6", "c"}, {"E6", "c"}, {"I6", "c"}, // Ashford, Canterbury, Dartford, Maidstone: 2, 2, 1, 3
		{"F6", "5"}, {"G6", "6"}, {"H6", "7"}, {"L6", "0"}, // Dover, Folkestone and Hythe, Gravesham, Thanet
		{"A7", "Total Result"}, {"C7", ""}, {"E7", ""}, {"O7", ""},
	} {
		if got, _ := f.GetCellValue("Pivot", c.at); got != c.want {
			t.Errorf("Pivot!%s is %q, want %q", c.at, got, c.want)
		}
	}
	for name := range zipParts(t, out) {
		if strings.Contains(name, "pivotCacheRecords") {
			t.Errorf("the export keeps %s", name)
		}
	}
}

// TestEmptyCacheShapes empties pivot caches as other producers write
// them: Excel's (numbers a field shares with no pivot table written in
// the records themselves, its revision ids and extension list), one
// with its elements prefixed, and one already saved without its data.
// Each must come out well-formed, marked to be refreshed, with no link
// to records, no least or greatest, and what else it had kept.
func TestEmptyCacheShapes(t *testing.T) {
	const (
		main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
		rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`
	)
	tests := []struct {
		name         string
		def, records string
		held         bool     // the cache held a figure changed
		kept         []string // what must stay
	}{
		{"Excel", `<pivotCacheDefinition xmlns="` + main + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" r:id="rId1" refreshedBy="MI Team" refreshedDate="46177.4" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="3" xr:uid="{5B0B2A43-0D3E-4E5A-9C3B-6A0D1B2C3D4E}"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="District data"/></cacheSource><cacheFields count="2"><cacheField name="Area" numFmtId="0"><sharedItems count="3"><s v="Ashford"/><s v="Canterbury"/><s v="Dartford"/></sharedItems></cacheField><cacheField name="Value" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="6"/></cacheField></cacheFields><extLst><ext uri="{725AE2AE-9491-48be-B2B4-4EB974FC3084}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:pivotCacheDefinition pivotCacheId="1"/></ext></extLst></pivotCacheDefinition>`,
			`<pivotCacheRecords xmlns="` + main + `" count="3"><r><x v="0"/><n v="2"/></r><r><x v="1"/><n v="6"/></r><r><x v="2"/><n v="1"/></r></pivotCacheRecords>`,
			true, []string{`xr:uid="{5B0B2A43`, `<x14:pivotCacheDefinition pivotCacheId="1"/>`, `<s v="Dartford"/>`}},
		{"prefixed", `<x:pivotCacheDefinition xmlns:x="` + main + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" recordCount="2"><x:cacheSource type="worksheet"><x:worksheetSource ref="A1:A3" sheet="District data"/></x:cacheSource><x:cacheFields count="1"><x:cacheField name="Value" numFmtId="0"><x:sharedItems containsNumber="1" minValue="0" maxValue="9" count="2"><x:n v="0"/><x:n v="9"/></x:sharedItems></x:cacheField></x:cacheFields></x:pivotCacheDefinition>`,
			`<x:pivotCacheRecords xmlns:x="` + main + `" count="2"><x:r><x:x v="0"/></x:r><x:r><x:x v="1"/></x:r></x:pivotCacheRecords>`,
			false, []string{`<x:sharedItems containsNumber="1"/>`}},
		{"saved without its data", `<pivotCacheDefinition xmlns="` + main + `" saveData="0" refreshOnLoad="1" createdVersion="8"><cacheSource type="worksheet"><worksheetSource ref="A1:A3" sheet="District data"/></cacheSource><cacheFields count="1"><cacheField name="Value" numFmtId="0"><sharedItems containsNumber="1" minValue="2" maxValue="4"/></cacheField></cacheFields></pivotCacheDefinition>`,
			"", true, []string{`createdVersion="8"`}},
	}
	const (
		defPart     = "xl/pivotCache/pivotCacheDefinition1.xml"
		recordsPart = "xl/pivotCache/pivotCacheRecords1.xml"
		relsPart    = "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.Pkg.Store(defPart, []byte(tt.def))
			if tt.records != "" {
				f.Pkg.Store(recordsPart, []byte(tt.records))
				f.Pkg.Store(relsPart, []byte(rels))
			}
			o := &originalWriter{book: &book{f: f}}
			held, _, _, err := o.emptyCache(defPart, nil, map[string]bool{"2": true})
			if err != nil {
				t.Fatal(err)
			}
			if held != tt.held {
				t.Errorf("held a figure changed: %v, want %v", held, tt.held)
			}
			for _, gone := range []string{recordsPart, relsPart} {
				if _, ok := f.Pkg.Load(gone); ok {
					t.Errorf("%s is left", gone)
				}
			}
			v, _ := f.Pkg.Load(defPart)
			def := string(v.([]byte))
			d := xml.NewDecoder(strings.NewReader(def))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed: %v\n%s", err, def)
				}
			}
			for _, bad := range []string{"r:id=", "minValue", "maxValue", "recordCount", `<n v="2"`} {
				if strings.Contains(def, bad) {
					t.Errorf("keeps %s:\n%s", bad, def)
				}
			}
			if strings.Count(def, `saveData="0"`) != 1 || strings.Count(def, `refreshOnLoad="1"`) != 1 {
				t.Errorf("not marked once to be refreshed without its data:\n%s", def)
			}
			for _, k := range tt.kept {
				if !strings.Contains(def, k) {
					t.Errorf("lost %s:\n%s", k, def)
				}
			}
		})
	}
}
