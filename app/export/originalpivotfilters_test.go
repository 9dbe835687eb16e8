package export

import (
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// TestOriginalPivotFiltersCleared exports testdata/orig_pivot_filter.xlsx
// (made by internal/mkpivotbook): PivotTable1 filtered by a page field on
// the district figure itself, set to 2 (Ashford's and Canterbury's,
// which the export withholds), its page cell Pivot!B3 showing "2"; and
// PivotTable2 counting districts in ranges of 3 of the figure, a grouping
// whose bounds Excel set to the least and greatest figures (0 and 7) and
// whose ranges are named by them. The page cell is blanked, its name
// kept; the choice goes from the table's list of the field's items; the
// grouping keeps its width but not its bounds nor its ranges, and the
// table no list of them; each table is warned of once, saying what went;
// and LibreOffice still opens the file, which openpyxl then reads.
func TestOriginalPivotFiltersCleared(t *testing.T) {
	python := needOpenpyxl(t)
	dir := t.TempDir()
	orig, out := filepath.Join(dir, "orig_pivot_filter.xlsx"), filepath.Join(dir, "out.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "orig_pivot_filter.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orig, b, 0o644); err != nil {
		t.Fatal(err)
	}
	was := map[string]string{}
	for name, p := range zipParts(t, orig) {
		was[name] = string(p)
	}
	// The fixture is the case described, or the test proves nothing.
	if page := readCells(t, python, orig, "Pivot")["B3"]; page.Value != "2" {
		t.Fatalf("the original's page cell Pivot!B3 is %v, want the 2 chosen", page.Value)
	}
	grouped := regexp.MustCompile(`<rangePr startNum="0" endNum="7" groupInterval="3"/><groupItems count="5">`)
	if !grouped.MatchString(was["xl/pivotCache/pivotCacheDefinition2.xml"]) {
		t.Fatalf("the original's second cache is not grouped from 0 to 7 by 3:\n%s", was["xl/pivotCache/pivotCacheDefinition2.xml"])
	}

	h := imported(t, orig, "I0001")
	sum, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
	if err != nil {
		t.Fatal(err)
	}
	withheld, _ := withheldFigures(t, orig, out, "District data")
	if !withheld["2"] {
		t.Fatalf("the export does not withhold the 2 the page field chose: %v", withheld)
	}
	parts := map[string]string{}
	for name, p := range zipParts(t, out) {
		parts[name] = string(p)
	}
	shown := readCells(t, python, out, "Pivot")
	if c, ok := shown["B3"]; ok && c.Value != nil {
		t.Errorf("openpyxl reads the page cell Pivot!B3 as %v, want it blank", c.Value)
	}
	if c := shown["A3"]; c.Value != "Value" {
		t.Errorf("openpyxl reads the page field's name Pivot!A3 as %v, want Value kept", c.Value)
	}
	table1 := parts["xl/pivotTables/pivotTable1.xml"]
	if m := regexp.MustCompile(`<pageField\b[^>]*\bitem="[^"]*"|<item h="1"`).FindString(table1); m != "" {
		t.Errorf("PivotTable1 keeps its page field's choice (%s):\n%s", m, table1)
	}
	cache2 := parts["xl/pivotCache/pivotCacheDefinition2.xml"]
	for _, gone := range []string{"startNum", "endNum", "<groupItems"} {
		if strings.Contains(cache2, gone) {
			t.Errorf("the grouping keeps %s:\n%s", gone, cache2)
		}
	}
	if !strings.Contains(cache2, `groupInterval="3"`) {
		t.Errorf("the grouping lost its width of 3, the officer's:\n%s", cache2)
	}
	fields := regexp.MustCompile(`(?s)<pivotField\b[^>]*?(?:/>|>.*?</pivotField>)`).FindAllString(parts["xl/pivotTables/pivotTable2.xml"], -1)
	if len(fields) != 2 || strings.Contains(fields[1], "<items") {
		t.Errorf("PivotTable2 still lists the ranges of Value:\n%s", parts["xl/pivotTables/pivotTable2.xml"])
	}
	for name, p := range parts {
		if !strings.HasPrefix(name, "xl/pivot") {
			continue
		}
		d := xml.NewDecoder(strings.NewReader(p))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
		}
	}
	for _, tb := range []struct{ name, ref, says string }{
		{"PivotTable1", "A5:B8", "the choice its page field showed in B3"},
		{"PivotTable2", "D5:E9", "the grouping of Value into ranges kept its bounds"},
	} {
		var warned []string
		for _, w := range sum.Warnings {
			if strings.Contains(w.Message, "pivot table "+tb.name+" ("+tb.ref+")") {
				warned = append(warned, w.Message)
			}
		}
		if len(warned) != 1 {
			t.Errorf("%s warned of %d times, want once: %v", tb.name, len(warned), sum.Warnings)
			continue
		}
		if !strings.Contains(warned[0], tb.says) {
			t.Errorf("%s's warning does not say %q: %s", tb.name, tb.says, warned[0])
		}
	}

	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: the export is not opened in it")
	}
	opened := convert(t, soffice, out, "xlsx")
	if c := readCells(t, python, opened, "Pivot")["A3"]; c.Value != "Value" {
		t.Errorf("LibreOffice's save of the export reads Pivot!A3 as %v, want the page field Value", c.Value)
	}
}

// TestClearGroupBounds: a grouping's bounds go where Excel set them
// (automatic, its default) or where they are a figure changed (then made
// automatic), and with them its ranges; an officer's own bounds that are
// no figure changed stay, and so does a grouping by items, which names
// no figure.
func TestClearGroupBounds(t *testing.T) {
	const ranges = `<groupItems count="3"><s v="&lt;0"/><s v="0-4"/><s v="&gt;5"/></groupItems>`
	field := func(rangePr string) string {
		return `<cacheField name="Value" numFmtId="0"><sharedItems containsNumber="1"/><fieldGroup base="1">` + rangePr + ranges + `</fieldGroup></cacheField>`
	}
	tests := []struct {
		name, field   string
		want          string
		cleared, held bool
	}{
		{"automatic bounds", field(`<rangePr startNum="0" endNum="7" groupInterval="3"/>`),
			field(`<rangePr groupInterval="3"/>`), true, false},
		{"automatic bounds, one a figure changed", field(`<rangePr autoStart="1" startNum="2" endNum="7" groupInterval="3"/>`),
			field(`<rangePr autoStart="1" groupInterval="3"/>`), true, true},
		{"an officer's bounds", field(`<rangePr autoStart="0" autoEnd="0" startNum="0" endNum="100" groupInterval="10"/>`),
			field(`<rangePr autoStart="0" autoEnd="0" startNum="0" endNum="100" groupInterval="10"/>`), false, false},
		{"an officer's bound that is a figure changed", field(`<rangePr autoStart="0" autoEnd="0" startNum="2" endNum="100" groupInterval="10"/>`),
			field(`<rangePr autoStart="1" autoEnd="0" endNum="100" groupInterval="10"/>`), true, true},
		{"dates", field(`<rangePr groupBy="months" startDate="2025-04-01T00:00:00" endDate="2026-03-31T00:00:00"/>`),
			field(`<rangePr groupBy="months"/>`), true, false},
		{"grouped by items", `<cacheField name="Area"><fieldGroup base="0"><discretePr count="2"><x v="0"/><x v="0"/></discretePr>` + ranges + `</fieldGroup></cacheField>`,
			`<cacheField name="Area"><fieldGroup base="0"><discretePr count="2"><x v="0"/><x v="0"/></discretePr>` + ranges + `</fieldGroup></cacheField>`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cleared, held := clearGroupBounds([]byte(tt.field), map[string]bool{"2": true})
			want := tt.want
			if tt.cleared {
				want = strings.Replace(want, ranges, "", 1)
			}
			if string(got) != want || cleared != tt.cleared || held != tt.held {
				t.Errorf("got %s (cleared %v, held %v)\nwant %s (cleared %v, held %v)", got, cleared, held, want, tt.cleared, tt.held)
			}
		})
	}
}

// TestDropFilters: a pivot table's own filter comparing with a figure
// changed ("Value equals 2") goes, and the filters' count with it; one
// comparing with a figure shown stays. A filter's own list of values is
// written with filters and filter elements too, which must not be taken
// for the table's.
func TestDropFilters(t *testing.T) {
	const (
		head = `<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1"><location ref="A3:B16" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotTableStyleInfo name="PivotStyleLight16"/>`
		two  = `<filter fld="4" type="captionEqual" evalOrder="-1" id="1" stringValue1="2"><autoFilter ref="A1"><filterColumn colId="0"><filters><filter val="2"/></filters></filterColumn></autoFilter></filter>`
		more = `<filter fld="1" type="valueGreaterThan" evalOrder="-1" id="2" iMeasureFld="0"><autoFilter ref="A1"><filterColumn colId="0"><customFilters><customFilter operator="greaterThan" val="40"/></customFilters></filterColumn></autoFilter></filter>`
		tail = `<extLst/></pivotTableDefinition>`
	)
	fields := []string{"Ref", "Area", "Period", "Indicator", "Value"}
	tests := []struct {
		name, def, want string
		dropped         []string
	}{
		{"one of two", head + `<filters count="2">` + two + more + `</filters>` + tail, head + `<filters count="1">` + more + `</filters>` + tail, []string{"Value"}},
		{"the only one", head + `<filters count="1">` + two + `</filters>` + tail, head + tail, []string{"Value"}},
		{"none changed", head + `<filters count="1">` + more + `</filters>` + tail, head + `<filters count="1">` + more + `</filters>` + tail, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			const part = "xl/pivotTables/pivotTable1.xml"
			f.Pkg.Store(part, []byte(tt.def))
			o := &originalWriter{book: &book{f: f}}
			dropped, err := o.dropFilters(part, fields, map[string]bool{"2": true})
			if err != nil {
				t.Fatal(err)
			}
			v, _ := f.Pkg.Load(part)
			if got := string(v.([]byte)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if strings.Join(dropped, ",") != strings.Join(tt.dropped, ",") {
				t.Errorf("dropped the filters of %v, want %v", dropped, tt.dropped)
			}
		})
	}
}
