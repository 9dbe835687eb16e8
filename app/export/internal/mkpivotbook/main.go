// Command mkpivotbook writes the officer's workbooks with pivot tables
// that the export --original tests read, into a folder (testdata):
//
//   - orig_pivot.xlsx: district figures on a tidy sheet, and a sheet of
//     two pivot tables over them, each district's figure and how many
//     districts had each figure;
//   - orig_pivot_scorecard.xlsx: the same figures, laid out as a
//     district summary by a pivot table under a title, which the import
//     reads as a scorecard;
//   - orig_pivot_filter.xlsx: the same figures, a pivot table of each
//     district's figure filtered by a page field on the figure itself
//     (its page cell showing the 2 chosen), and one of how many
//     districts had figures in each range of 3, its grouping's bounds
//     the least and greatest figures, as Excel saves a field grouped
//     by number (LibreOffice lays such a table out, but saves it
//     without its grouping, which this adds back);
//   - orig_pivot_slicer.xlsx: the same figures, a pivot table of each
//     district's figure filtered by a slicer on the figure itself, set
//     to 2 (its other items hidden; LibreOffice, which heeds no hidden
//     item of a field on no axis, lays every district out), beside a
//     slicer on the district, cross-filtered by it: the districts
//     without a 2 marked as having no data, as Excel saves them. A
//     slicer cache lists its field's items by their place among the
//     pivot cache's (LibreOffice saves no slicer: excelize adds them to
//     LibreOffice's save).
//
// Each is saved as LibreOffice saves it: the pivot cache holds its
// records (every figure of its source as last refreshed) and the pivot
// tables' cells the figures as last laid out, as in a workbook Excel or
// LibreOffice saved. excelize's AddPivotTable writes the pivot tables
// with their caches empty; LibreOffice works them out and saves them.
//
// Run it from app/export (go generate does):
//
//	go run ./internal/mkpivotbook testdata
//
// It needs soffice (LibreOffice) on PATH; the tests read the files it
// wrote, committed, and need none.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// districts are Kent's districts, and starts the children starting to be
// looked after in May 2026 in each: several under 5, which an export
// suppressing counts of 1 to 4 withholds (QA31's orig_chart.xlsx).
var (
	districts = []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	starts = []int{2, 2, 1, 5, 6, 7, 3, 7, 5, 0, 7, 5}
)

const (
	dataSheet  = "District data"
	pivotSheet = "Pivot"
)

// book is a workbook to write: its name, the title on its pivot
// tables' sheet, the pivot tables, a chart of their cells, and cells of
// theirs with what LibreOffice must have laid out there. choose, where
// set, changes the parts of the workbook LibreOffice saved, as an
// officer would in the pivot tables, for LibreOffice to lay them out
// again; slicers are added to LibreOffice's save, then save changes
// what Excel saves that LibreOffice does not.
type book struct {
	name, title  string
	tables       []excelize.PivotTableOptions
	chart        *excelize.Chart
	want         map[string]string // cell to what is laid out there
	choose, save func(parts map[string][]byte) error
	slicers      []excelize.SlicerOptions
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("mkpivotbook: ")
	if len(os.Args) != 2 {
		log.Fatal("usage: mkpivotbook DIR")
	}
	dir, err := os.MkdirTemp("", "mkpivotbook")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	source := fmt.Sprintf("%s!A1:E%d", dataSheet, len(districts)+1)
	for _, b := range []book{
		{name: "orig_pivot.xlsx", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A3:B16",
				Rows: []excelize.PivotTableField{{Data: "Area"}},
				Data: []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
			{DataRange: source, PivotTableRange: pivotSheet + "!D3:E11",
				Rows: []excelize.PivotTableField{{Data: "Value"}},
				Data: []excelize.PivotTableField{{Data: "Area", Name: "Districts", Subtotal: "Count"}}},
		}, chart: &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{
			Name: pivotSheet + "!$B$3", Categories: pivotSheet + "!$A$4:$A$15", Values: pivotSheet + "!$B$4:$B$15",
		}}}, want: map[string]string{"B6": "1"}}, // Dartford's sum
		{name: "orig_pivot_scorecard.xlsx", title: "District summary - May 2026", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A4:O7",
				Rows:    []excelize.PivotTableField{{Data: "Ref"}, {Data: "Indicator"}},
				Columns: []excelize.PivotTableField{{Data: "Area"}},
				Data:    []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
		}, want: map[string]string{"E6": "1"}}, // Dartford's
		{name: "orig_pivot_filter.xlsx", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A5:B18",
				Filter: []excelize.PivotTableField{{Data: "Value"}},
				Rows:   []excelize.PivotTableField{{Data: "Area"}},
				Data:   []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
			// A source of its own, so a cache of its own, as its grouping
			// is the cache's.
			{DataRange: fmt.Sprintf("%s!D1:E%d", dataSheet, len(districts)+1), PivotTableRange: pivotSheet + "!D5:E13",
				Rows: []excelize.PivotTableField{{Data: "Value"}},
				Data: []excelize.PivotTableField{{Data: "Area", Name: "Districts", Subtotal: "Count"}}},
		}, choose: func(parts map[string][]byte) error {
			if err := filterBy(parts, "PivotTable1", "2"); err != nil {
				return err
			}
			return groupBy(parts, "PivotTable2", 3)
		}, save: func(parts map[string][]byte) error {
			return groupBy(parts, "PivotTable2", 3)
		}, want: map[string]string{"B3": "2", "A6": "Ashford", "B6": "2", "D6": "0-2"}}, // the page field's choice, what it shows, the first range
		{name: "orig_pivot_slicer.xlsx", tables: []excelize.PivotTableOptions{
			{DataRange: source, PivotTableRange: pivotSheet + "!A3:B16",
				Rows: []excelize.PivotTableField{{Data: "Area"}},
				Data: []excelize.PivotTableField{{Data: "Value", Name: "Sum of Value", Subtotal: "Sum"}}},
		}, slicers: []excelize.SlicerOptions{
			{Name: "Value", Cell: "D3", TableSheet: pivotSheet, TableName: "PivotTable1", Caption: "Value", SelectedItems: []string{"2"}},
			{Name: "Area", Cell: "G3", TableSheet: pivotSheet, TableName: "PivotTable1", Caption: "Area", SelectedItems: districts},
		}, save: func(parts map[string][]byte) error {
			if err := savesData(parts, "PivotTable1"); err != nil {
				return err
			}
			if err := showOnly(parts, "PivotTable1", "Value", "2"); err != nil {
				return err
			}
			return crossFilter(parts, "Slicer_Area", "Value", "2")
		}, want: map[string]string{"A4": "Ashford", "B4": "2", "A6": "Dartford", "B6": "1"}}, // laid out unfiltered: LibreOffice heeds no hidden item of a field on no axis
	} {
		raw := filepath.Join(dir, b.name)
		if err := write(raw, b); err != nil {
			log.Fatalf("%s: %v", b.name, err)
		}
		saved, err := refresh(raw, dir)
		if err != nil {
			log.Fatal(err)
		}
		if b.choose != nil {
			if err := rewrite(saved, b.choose); err != nil {
				log.Fatalf("%s: %v", b.name, err)
			}
			if saved, err = refresh(saved, filepath.Join(dir, "again")); err != nil {
				log.Fatal(err)
			}
		}
		if len(b.slicers) > 0 {
			if err := addSlicers(saved, b.slicers); err != nil {
				log.Fatalf("%s: %v", b.name, err)
			}
		}
		if b.save != nil {
			if err := rewrite(saved, b.save); err != nil {
				log.Fatalf("%s: %v", b.name, err)
			}
		}
		if err := check(saved, b); err != nil {
			log.Fatalf("%s: %v", saved, err)
		}
		data, err := os.ReadFile(saved)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(os.Args[1], b.name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// write writes workbook b: a tidy sheet of the districts' figures, and a
// sheet of b's pivot tables over it.
func write(path string, b book) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return err
	}
	rows := [][]any{{"Ref", "Indicator", "Period", "Area", "Value"}}
	for i, d := range districts {
		rows = append(rows, []any{"N01", "Number of children starting to be looked after in the month", "2026-05", d, starts[i]})
	}
	for r, row := range rows {
		if err := f.SetSheetRow(dataSheet, fmt.Sprintf("A%d", r+1), &row); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(pivotSheet); err != nil {
		return err
	}
	if b.title != "" {
		if err := f.SetCellStr(pivotSheet, "A1", b.title); err != nil {
			return err
		}
	}
	for _, p := range b.tables {
		p.RowGrandTotals, p.ColGrandTotals, p.ShowRowHeaders, p.ShowColHeaders = true, true, true, true
		if err := f.AddPivotTable(&p); err != nil {
			return err
		}
	}
	if b.chart != nil {
		if err := f.AddChart(pivotSheet, "G3", b.chart); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// refresh has LibreOffice open the workbook at path, work its pivot
// tables out and save it, into dir/lo, with a private profile.
func refresh(path, dir string) (string, error) {
	out := filepath.Join(dir, "lo")
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("soffice --convert-to xlsx: %v\n%s", err, b)
	}
	return filepath.Join(out, filepath.Base(path)), nil
}

// check makes sure the saved workbook is what the tests need: its pivot
// caches with their records (LibreOffice saves one cache for tables
// whose source is the same), and the pivot tables laid out.
func check(path string, b book) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	records := 0
	for _, zf := range z.File {
		if m, _ := filepath.Match("xl/pivotCache/pivotCacheRecords*.xml", zf.Name); !m {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte("<r>")); n != len(districts) {
			return fmt.Errorf("%s holds %d records, want %d", zf.Name, n, len(districts))
		}
		records++
	}
	if records == 0 {
		return fmt.Errorf("no pivot cache with records")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for cell, want := range b.want {
		laid, err := f.GetCellValue(pivotSheet, cell)
		if err != nil {
			return err
		}
		if laid != want {
			return fmt.Errorf("%s!%s is %q, want %s: LibreOffice did not lay the pivot table out", pivotSheet, cell, laid, want)
		}
	}
	return nil
}

// rewrite rewrites the workbook at path, its parts changed by change.
func rewrite(path string, change func(parts map[string][]byte) error) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	parts := map[string][]byte{}
	var names []string
	for _, zf := range z.File {
		rc, err := zf.Open()
		if err != nil {
			z.Close()
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			z.Close()
			return err
		}
		parts[zf.Name], names = b, append(names, zf.Name)
	}
	z.Close()
	if err := change(parts); err != nil {
		return err
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range names {
		fw, err := w.Create(name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(parts[name]); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

var (
	pivotTableName = regexp.MustCompile(`<pivotTableDefinition\b[^>]*\bname="([^"]*)"`)
	cacheRel       = regexp.MustCompile(`Target="\.\./pivotCache/([^"]+)"`)
	valueField     = regexp.MustCompile(`(?s)(<cacheField name="Value"[^>]*>)(<sharedItems\b[^>]*?(?:/>|>.*?</sharedItems>))(?:<fieldGroup\b.*?</fieldGroup>)?(</cacheField>)`)
	numberItems    = regexp.MustCompile(`<n v="([^"]*)"(?:/>|></n>)`) // LibreOffice's, and excelize's
	extreme        = regexp.MustCompile(`\b(minValue|maxValue)="([^"]*)"`)
	fieldItems     = regexp.MustCompile(`(?s)<items\b.*?</items>`)
	pivotFields    = regexp.MustCompile(`(?s)<pivotField\b[^>]*?(?:/>|>.*?</pivotField>)`)
	pageField      = regexp.MustCompile(`<pageField fld="(\d+)"`)
	cacheFields    = regexp.MustCompile(`(?s)<cacheField\b[^>]*?(?:/>|>.*?</cacheField>)`)
	sourceName     = regexp.MustCompile(`\bsourceName="([^"]*)"`)
	record         = regexp.MustCompile(`(?s)<r>.*?</r>`)
	recordValue    = regexp.MustCompile(`<[xn] v="([^"]*)"/>`)
	slicerItem     = regexp.MustCompile(`<i\b[^>]*?(?:/>|></i>)`)
	slicerItemX    = regexp.MustCompile(`\bx="(\d+)"`)
)

// pivotTable returns the part of the pivot table named name and its
// cache definition's part.
func pivotTable(parts map[string][]byte, name string) (table, cache string, err error) {
	for part, b := range parts {
		m := pivotTableName.FindSubmatch(b)
		if m == nil || string(m[1]) != name {
			continue
		}
		rels := parts[filepath.Dir(part)+"/_rels/"+filepath.Base(part)+".rels"]
		c := cacheRel.FindSubmatch(rels)
		if c == nil {
			return "", "", fmt.Errorf("%s: no pivot cache", part)
		}
		return part, "xl/pivotCache/" + string(c[1]), nil
	}
	return "", "", fmt.Errorf("no pivot table %s", name)
}

// filterBy has pivot table name's page field, the Value field, show
// only the districts whose figure is v, as an officer chooses it from
// the page field's list.
func filterBy(parts map[string][]byte, name, v string) error {
	table, cache, err := pivotTable(parts, name)
	if err != nil {
		return err
	}
	field := valueField.FindSubmatch(parts[cache])
	if field == nil {
		return fmt.Errorf("%s: no Value field", cache)
	}
	item := -1
	for i, n := range numberItems.FindAllSubmatch(field[2], -1) {
		if string(n[1]) == v {
			item = i
		}
	}
	if item < 0 {
		return fmt.Errorf("%s: no item %s of Value", cache, v)
	}
	def := pageField.ReplaceAll(parts[table], []byte(`<pageField fld="$1" item="`+strconv.Itoa(item)+`"`))
	if bytes.Equal(def, parts[table]) {
		return fmt.Errorf("%s: no page field", table)
	}
	parts[table] = def
	return nil
}

// groupBy groups the Value field of pivot table name into ranges of
// width from its least figure to its greatest, as Excel's Group does
// by default (both bounds automatic), and has the table list the
// ranges: "<0", "0-2", ..., ">9".
func groupBy(parts map[string][]byte, name string, width int) error {
	table, cache, err := pivotTable(parts, name)
	if err != nil {
		return err
	}
	field := valueField.FindSubmatch(parts[cache])
	if field == nil {
		return fmt.Errorf("%s: no Value field", cache)
	}
	bounds := map[string]int{}
	for _, m := range extreme.FindAllSubmatch(field[2], -1) {
		n, err := strconv.Atoi(string(m[2]))
		if err != nil {
			return fmt.Errorf("%s: %s: %v", cache, m[0], err)
		}
		bounds[string(m[1])] = n
	}
	start, end := bounds["minValue"], bounds["maxValue"]
	labels := []string{fmt.Sprintf("&lt;%d", start)}
	last := start
	for ; last <= end; last += width {
		labels = append(labels, fmt.Sprintf("%d-%d", last, last+width-1))
	}
	labels = append(labels, fmt.Sprintf("&gt;%d", last))
	group := fmt.Sprintf(`<fieldGroup base="1"><rangePr startNum="%d" endNum="%d" groupInterval="%d"/><groupItems count="%d">`, start, end, width, len(labels))
	items := fmt.Sprintf(`<items count="%d">`, len(labels))
	for i, l := range labels {
		group += `<s v="` + l + `"/>`
		items += fmt.Sprintf(`<item x="%d"/>`, i)
	}
	group += `</groupItems></fieldGroup>`
	items += `</items>`
	parts[cache] = valueField.ReplaceAll(parts[cache], []byte("${1}${2}"+group+"${3}"))
	// The Value field is the table's second (its source D:E).
	i := -1
	parts[table] = pivotFields.ReplaceAllFunc(parts[table], func(f []byte) []byte {
		if i++; i != 1 {
			return f
		}
		return fieldItems.ReplaceAll(f, []byte(items))
	})
	return nil
}

// showOnly has pivot table name show only the rows whose field, one of
// its source's columns on no axis, is v, as a slicer on the field set to
// v has Excel save it: the field's items listed, the others hidden.
func showOnly(parts map[string][]byte, name, field, v string) error {
	table, cache, err := pivotTable(parts, name)
	if err != nil {
		return err
	}
	fields := cacheFields.FindAll(parts[cache], -1)
	at := -1
	for i, f := range fields {
		if bytes.Contains(f, []byte(`name="`+field+`"`)) {
			at = i
		}
	}
	if at < 0 {
		return fmt.Errorf("%s: no field %s", cache, field)
	}
	values := numberItems.FindAllSubmatch(fields[at], -1)
	items := fmt.Sprintf(`<items count="%d">`, len(values)+1)
	shown := false
	for i, n := range values {
		if string(n[1]) == v {
			items += fmt.Sprintf(`<item x="%d"/>`, i)
			shown = true
			continue
		}
		items += fmt.Sprintf(`<item h="1" x="%d"/>`, i)
	}
	if !shown {
		return fmt.Errorf("%s: no item %s of %s", cache, v, field)
	}
	items += `<item t="default"/></items>`
	i := -1
	parts[table] = pivotFields.ReplaceAllFunc(parts[table], func(f []byte) []byte {
		if i++; i != at {
			return f
		}
		if bytes.HasSuffix(f, []byte("/>")) {
			return slices.Concat(f[:len(f)-2], []byte(">"+items+"</pivotField>"))
		}
		return fieldItems.ReplaceAll(f, []byte(items))
	})
	return nil
}

// addSlicers adds slicers to the workbook at path, as an officer inserts
// them on a pivot table.
func addSlicers(path string, slicers []excelize.SlicerOptions) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, s := range slicers {
		if err := f.AddSlicer(pivotSheet, &s); err != nil {
			return fmt.Errorf("slicer %s: %w", s.Name, err)
		}
	}
	return f.Save()
}

// crossFilter marks the items of slicer cache name, a slicer on another
// field of the same pivot cache, that have no row whose field is v (nd,
// no data), as Excel saves a slicer cross-filtered by another set to v.
func crossFilter(parts map[string][]byte, name, field, v string) error {
	var slicerCache, cache []byte
	for part, b := range parts {
		if strings.HasPrefix(part, "xl/slicerCaches/") && bytes.Contains(b, []byte(`name="`+name+`"`)) {
			slicerCache = []byte(part)
		}
		if strings.HasPrefix(part, "xl/pivotCache/pivotCacheRecords") {
			cache = []byte(part)
		}
	}
	if slicerCache == nil || cache == nil {
		return fmt.Errorf("no slicer cache %s, or no pivot cache records", name)
	}
	def := parts[strings.Replace(string(cache), "Records", "Definition", 1)]
	fields := cacheFields.FindAll(def, -1)
	source := sourceName.FindSubmatch(parts[string(slicerCache)])
	by, of := -1, -1 // the filtering field's place, and the slicer's
	for i, f := range fields {
		if bytes.Contains(f, []byte(`name="`+field+`"`)) {
			by = i
		}
		if source != nil && bytes.Contains(f, []byte(`name="`+string(source[1])+`"`)) {
			of = i
		}
	}
	if by < 0 || of < 0 {
		return fmt.Errorf("%s: no field %s, or no field of slicer cache %s", cache, field, name)
	}
	want := -1 // v's place among the filtering field's items
	for i, n := range numberItems.FindAllSubmatch(fields[by], -1) {
		if string(n[1]) == v {
			want = i
		}
	}
	data := map[string]bool{} // the slicer's items, by place, with a row whose field is v
	for _, r := range record.FindAll(parts[string(cache)], -1) {
		values := recordValue.FindAllSubmatch(r, -1)
		if len(values) > max(by, of) && string(values[by][1]) == strconv.Itoa(want) {
			data[string(values[of][1])] = true
		}
	}
	parts[string(slicerCache)] = slicerItem.ReplaceAllFunc(parts[string(slicerCache)], func(i []byte) []byte {
		x := slicerItemX.FindSubmatch(i)
		if x == nil || data[string(x[1])] {
			return i
		}
		return bytes.Replace(i, []byte("<i "), []byte(`<i nd="1" `), 1)
	})
	return nil
}

// savesData marks the cache of pivot table name as saving its records,
// as it does: excelize's AddSlicer, writing the cache again, marks it
// saveData="false".
func savesData(parts map[string][]byte, name string) error {
	_, cache, err := pivotTable(parts, name)
	if err != nil {
		return err
	}
	parts[cache] = bytes.Replace(parts[cache], []byte(` saveData="false"`), nil, 1)
	return nil
}
