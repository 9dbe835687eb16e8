package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// book builds a small workbook in a test, cell by cell, the way an MI
// officer's scorecard is laid out.
type book struct {
	t *testing.T
	f *excelize.File
}

func newBook(t *testing.T) *book {
	t.Helper()
	return &book{t: t, f: excelize.NewFile()}
}

func (b *book) sheet(name string) {
	b.t.Helper()
	if b.f.GetSheetName(0) == "Sheet1" && name != "Sheet1" {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			b.t.Fatal(err)
		}
		return
	}
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
}

// row writes values across from cell.
func (b *book) row(sheet, cell string, values ...any) {
	b.t.Helper()
	if err := b.f.SetSheetRow(sheet, cell, &values); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) style(sheet, from, to string, st *excelize.Style) {
	b.t.Helper()
	id, err := b.f.NewStyle(st)
	if err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellStyle(sheet, from, to, id); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) merge(sheet, from, to string) {
	b.t.Helper()
	if err := b.f.MergeCell(sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) save(name string) string {
	b.t.Helper()
	path := filepath.Join(b.t.TempDir(), name)
	if err := b.f.SaveAs(path); err != nil {
		b.t.Fatal(err)
	}
	return path
}

func ptr(s string) *string { return &s }

// houseBook is a small scorecard in the house layout with the quirks of
// issue 3: title rows, a merged year caption over Target and Floor, month
// headers as real dates, a section row, percentages as 0-1 with a %
// format, a count as text with a thousands separator, a twin row for
// excluding UASC, a RAG by fill alone, Wingdings arrows, a status code, an
// italic stand-in under its legend and a footnote block.
func houseBook(t *testing.T) string {
	b := newBook(t)
	s := "CYPE Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Kent CYPE Performance Scorecard")
	b.merge(s, "A1", "N1")
	b.row(s, "A2", "Data as at December 2024")
	b.row(s, "A3", nil, nil, nil, nil, nil, "2024/25")
	b.merge(s, "F3", "G3")
	b.row(s, "A4", "Ref", "Indicator", "Polarity", "Data Period", "2023/24 Outturn", "Target", "Floor",
		45566.0, 45597.0, 45627.0, "RAG", "DoT", "England 2023/24", "Stat Neighbours 2023/24", "Comments")
	b.style(s, "H4", "J4", &excelize.Style{NumFmt: 17})
	b.row(s, "A5", "Children in Care")
	b.merge(s, "A5", "O5")
	b.row(s, "A6", "CIC05", "Children in care with 3 or more placements in the last 12 months*", "L", "R12M",
		0.118, 0.10, 0.12, 0.121, 0.119, 0.1166, nil, "ê", 0.10, 0.11, "Down on last month")
	b.style(s, "E6", "J6", &excelize.Style{CustomNumFmt: ptr("0.0%")})
	b.style(s, "M6", "N6", &excelize.Style{CustomNumFmt: ptr("0.0%")})
	b.style(s, "K6", "K6", &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC000"}}})
	b.style(s, "L6", "L6", &excelize.Style{Font: &excelize.Font{Family: "Wingdings"}})
	b.row(s, "A7", "CIC05a", "Children in care with 3 or more placements (excluding UASC)", "L", "R12M",
		nil, nil, nil, 0.101, 0.100, "[c]")
	b.style(s, "H7", "J7", &excelize.Style{CustomNumFmt: ptr("0.0%")})
	b.row(s, "A8", "CIC01 (1)", "Number of children in care", "-", "MS", nil, nil, nil, "1,850", "1,871", "1,896", nil, "↑")
	b.row(s, "A9", "CIC07", "Average days from entering care to adoption", "L", "R12M", nil, 400, 450, 431, 420.5, 398, "Green", "é")
	b.style(s, "J9", "J9", &excelize.Style{Font: &excelize.Font{Italic: true}})
	b.row(s, "A11", "* Footnote: placements counted over the rolling year.")
	b.row(s, "A12", "Figures in italics are the previous reporting year's outturn.")
	return b.save("house.xlsx")
}

func mustRead(t *testing.T, path string) *Result {
	t.Helper()
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("Read(%s): %v", filepath.Base(path), err)
	}
	return res
}

// periodFigures lists d's figures as "PERIOD VALUE", sorted.
func periodFigures(d *app.Dataset) []string {
	var got []string
	for _, o := range d.Observations {
		got = append(got, fmt.Sprintf("%s %v", o.Period, *o.Value))
	}
	slices.Sort(got)
	return got
}

// profileOf is l as the store keeps it for the file's family (through
// JSON), to read the next file by.
func profileOf(t *testing.T, l Layout) Layout {
	t.Helper()
	js, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var p Layout
	if err := json.Unmarshal(js, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func findObs(d *app.Dataset, ref string, area app.Area, split app.Split, p string) (app.Observation, bool) {
	per, _ := app.ParsePeriod(p)
	for _, o := range d.Observations {
		if o.Ref == ref && o.Area == area && o.Split == split && o.Period == per {
			return o, true
		}
	}
	return app.Observation{}, false
}

func findInd(d *app.Dataset, ref string) (app.Indicator, bool) {
	for _, ind := range d.Indicators {
		if ind.Ref == ref {
			return ind, true
		}
	}
	return app.Indicator{}, false
}

func approx(a *float64, b float64) bool { return a != nil && math.Abs(*a-b) < 1e-9 }

func TestReadHouseLayout(t *testing.T) {
	res := mustRead(t, houseBook(t))
	d := res.Dataset
	if res.Format != "scorecard workbook" || len(res.Sheets) != 1 {
		t.Fatalf("format %q sheets %v", res.Format, res.Sheets)
	}
	l := res.Layouts[0]
	if l.Kind != IndicatorSheet || l.HeaderRow != 4 || l.Area != app.Kent {
		t.Errorf("layout = %+v", l)
	}
	if got := len(d.Indicators); got != 3 {
		t.Fatalf("%d indicators, want 3 (twin row is a split, not an indicator): %+v", got, d.Indicators)
	}
	cic05, _ := findInd(d, "CIC05")
	want := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months",
		Section: "Children in Care", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1,
		DataPeriod: app.Rolling12, Measure: app.Proportion}
	if !reflect.DeepEqual(cic05, want) {
		t.Errorf("CIC05 =\n %+v, want\n %+v", cic05, want)
	}
	cic01, _ := findInd(d, "CIC01")
	if cic01.Unit != app.Number || cic01.Measure != app.Count || cic01.Polarity != app.PolarityNone || cic01.Section != "Children in Care" {
		t.Errorf("CIC01 = %+v", cic01)
	}
	cic07, _ := findInd(d, "CIC07")
	if cic07.Measure != app.Mean || cic07.Unit != app.Days || cic07.Decimals != 1 {
		t.Errorf("CIC07 = %+v", cic07)
	}

	tests := []struct {
		ref   string
		split app.Split
		month string
		value float64
		check func(app.Observation) string
	}{
		{"CIC05", app.All, "2024-10", 12.1, nil},
		{"CIC05", app.All, "2024-12", 11.66, func(o app.Observation) string {
			if o.SourceRAG != app.Amber || o.SourceArrow != app.Down || o.Cell != "CYPE Scorecard!J6" {
				return "want amber fill, Wingdings down arrow, cell J6"
			}
			return ""
		}},
		{"CIC05", app.Excluding(app.UASC), "2024-11", 10.0, nil},
		{"CIC01", app.All, "2024-12", 1896, func(o app.Observation) string {
			if o.Raw != "1,896" || o.SourceArrow != app.Up {
				return "want raw 1,896 and an up arrow"
			}
			return ""
		}},
		{"CIC07", app.All, "2024-12", 398, func(o app.Observation) string {
			if !o.StandIn {
				return "want an italic stand-in"
			}
			return ""
		}},
		{"CIC07", app.All, "2024-11", 420.5, func(o app.Observation) string {
			if o.SourceRAG != app.Green || o.SourceArrow != app.Up || o.StandIn {
				return "the latest real figure carries the RAG and arrow"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		o, ok := findObs(d, tt.ref, app.Kent, tt.split, tt.month)
		if !ok {
			t.Errorf("%s %s %s: missing", tt.ref, tt.split, tt.month)
			continue
		}
		if !approx(o.Value, tt.value) {
			t.Errorf("%s %s %s = %v, want %v", tt.ref, tt.split, tt.month, o.Value, tt.value)
		}
		if tt.check != nil {
			if msg := tt.check(o); msg != "" {
				t.Errorf("%s %s %s: %+v: %s", tt.ref, tt.split, tt.month, o, msg)
			}
		}
	}
	c, ok := findObs(d, "CIC05", app.Kent, app.Excluding(app.UASC), "2024-12")
	if !ok || c.Value != nil || c.Status != app.Suppressed || c.Raw != "[c]" {
		t.Errorf("suppressed twin figure = %+v, want status c kept as data", c)
	}
	if len(d.Targets) != 2 {
		t.Fatalf("targets = %+v", d.Targets)
	}
	if tg := d.Targets[0]; tg.Ref != "CIC05" || tg.Year.String() != "2024/25" || !approx(tg.Target, 10) || !approx(tg.Floor, 12) {
		t.Errorf("CIC05 target = %+v", tg)
	}
	var groups []string
	for _, bm := range d.Benchmarks {
		if bm.Ref == "CIC05" {
			groups = append(groups, bm.Group+" "+bm.Period.String())
		}
	}
	if strings.Join(groups, "; ") != "Previous year outturn 2023/24; England 2023/24; Statistical neighbours 2023/24" {
		t.Errorf("CIC05 benchmarks = %v", groups)
	}
	if len(d.Comments) != 1 || d.Comments[0].Period.String() != "2024-12" || d.Comments[0].Text != "Down on last month" {
		t.Errorf("comments = %+v", d.Comments)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b := newBook(t)
	b.row("Sheet1", "A1", "Quarterly narrative")
	b.row("Sheet1", "A3", "Name", "Value")
	noHeader := b.save("q3.xlsx")
	tests := []struct {
		path string
		want string
	}{
		{write("notes.txt", "hello"), "notes.txt: not a workbook or CSV (expected .xlsx, .xlsm or .csv)"},
		{filepath.Join(dir, "missing.xlsx"), filepath.Join(dir, "missing.xlsx") + ": no such file or directory"},
		{write("old.xls", "\xd0\xcf\x11\xe0"), "old.xls: is an Excel 97-2003 workbook (.xls): save it as .xlsx in Excel and import that"},
		{write("broken.xlsx", "PK\x03\x04 not really"), "broken.xlsx: not a valid Excel workbook (the file is damaged, or not really .xlsx)"},
		{noHeader, "q3.xlsx: Sheet1!A1: no header row found (expected a row with Ref and Indicator columns, or Ref and Period for a tidy table)"},
		{write("list.csv", "Name,Age\nA,1\n"), "list.csv: line 1: no header row found"},
		{write("empty.csv", ""), "empty.csv: has no sheets with data"},
	}
	for _, tt := range tests {
		res, err := Read(context.Background(), tt.path, Options{})
		if err == nil {
			t.Errorf("%s: read %+v, want an error", filepath.Base(tt.path), res)
			continue
		}
		var se *app.SourceError
		if !errors.As(err, &se) {
			t.Errorf("%s: error %T is not a SourceError", tt.path, err)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tt.want) || strings.Contains(msg, "\n") {
			t.Errorf("error = %q, want one line starting %q", msg, tt.want)
		}
	}
}

// TestMergeTwice reads a figure given on the scorecard and again on the
// Data sheet: one observation, its components from the Data sheet and its
// arrow from the scorecard; a disagreement beyond display rounding is
// reported naming both cells.
func TestMergeTwice(t *testing.T) {
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Ref", "Indicator", "Polarity", "Feb-25", "Mar-25", "DoT")
	b.row(s, "A2", "CIC05", "Children in care with 3 or more placements (%)", "L", 12.1, 11.7, "↓")
	b.row(s, "A3", "CIC06", "Children in care in the same placement for 2 years (%)", "H", 70.2, 71.0)
	d := "Data"
	b.sheet(d)
	b.row(d, "A1", "Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value")
	b.row(d, "A2", "CIC05", "2025-03", "Kent", "All", 221, 1896, 221.0/1896*100)
	b.row(d, "A3", "CIC06", "2025-03", "Kent", "All", 700, 1000, 70.0)
	var progress []int
	path := b.save("twice.xlsx")
	res, err := Read(context.Background(), path, Options{Progress: func(done, total int) {
		progress = append(progress, done)
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 2 {
		t.Errorf("progress calls %v, want them to end at 2 of 2 sheets", progress)
	}
	ds := res.Dataset
	if len(ds.Observations) != 4 {
		t.Fatalf("%d observations, want 4 (the March figures merged)", len(ds.Observations))
	}
	o, _ := findObs(ds, "CIC05", app.Kent, app.All, "2025-03")
	if !approx(o.Value, 11.7) || !approx(o.Numerator, 221) || !approx(o.Denominator, 1896) || o.SourceArrow != app.Down || o.Cell != "Scorecard!E2" {
		t.Errorf("CIC05 March = %+v, want 11.7 as shown, 221/1896 from the Data sheet, the down arrow, read at Scorecard!E2", o)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := "twice.xlsx: Data!G3: CIC06 Kent Mar-25: 70 here but 71 at Scorecard!E3; kept Scorecard!E3"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings = %q, want only %q", got, want)
	}
	if sum := res.Summary(); !strings.Contains(sum, "2 indicators, 4 observations") || !strings.Contains(sum, "1 warnings") {
		t.Errorf("summary %q", sum)
	}
}

// TestHiddenColumns hides last year's Target beside this year's and an
// old month: the visible Target is taken, the hidden month still read.
func TestHiddenColumns(t *testing.T) {
	b := newBook(t)
	s := "Sheet1"
	b.row(s, "A1", "Ref", "Indicator", "Polarity", "Target", "Target", "Floor", "Jan-25", "Feb-25", "Mar-25")
	b.row(s, "A2", "CIC05", "Children in care with 3 or more placements (%)", "L", 9, 10, 12, 12.4, 12.1, 11.7)
	for _, col := range []string{"D", "G"} {
		if err := b.f.SetColVisible(s, col, false); err != nil {
			t.Fatal(err)
		}
	}
	res := mustRead(t, b.save("hidden.xlsx"))
	d := res.Dataset
	if len(d.Targets) != 1 || !approx(d.Targets[0].Target, 10) || !approx(d.Targets[0].Floor, 12) || d.Targets[0].Year.String() != "2024/25" {
		t.Errorf("targets = %+v, want the visible 10 and 12 for 2024/25", d.Targets)
	}
	if o, ok := findObs(d, "CIC05", app.Kent, app.All, "2025-01"); !ok || !approx(o.Value, 12.4) {
		t.Errorf("hidden January = %+v, want 12.4", o)
	}
	var hidden []string
	for _, c := range res.Layouts[0].Columns {
		if c.Hidden {
			hidden = append(hidden, c.Col)
		}
	}
	if strings.Join(hidden, ",") != "D,G" {
		t.Errorf("hidden columns %v, want D,G", hidden)
	}
	// The hidden Target is not read, and the report says so; the hidden
	// month is read, and the report says that too.
	want := []string{`hidden.xlsx: Sheet1!D1: column D "Target" not read: hidden, and says what a visible column says`,
		`hidden.xlsx: Sheet1!G1: column G (Jan-25) is hidden: its figure was read as any visible column's; if stale, delete the column`}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}

// TestUncalculatedFormula reads a workbook written by a tool that saves
// formulas without calculating them: the cell has no figure to read, and
// must say why at its cell rather than show up later as a missing month.
func TestUncalculatedFormula(t *testing.T) {
	plain := mustRead(t, houseBook(t))

	path := houseBook(t)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// CIC07's November figure, 420.5, becomes a formula with no result
	// (excelize keeps a cell's value as the formula's result, so clear it).
	if err := f.SetCellValue("CYPE Scorecard", "I9", nil); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("CYPE Scorecard", "I9", "=1/0"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := mustRead(t, path)

	const msg = "formula with no saved result: open and save the workbook in Excel to calculate it"
	var found []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, msg) {
			found = append(found, w.Location.Sheet+"!"+w.Location.Cell)
		}
	}
	if len(found) != 1 || found[0] != "CYPE Scorecard!I9" {
		t.Errorf("warnings about formulas at %v, want at CYPE Scorecard!I9; all warnings: %v", found, res.Warnings)
	}
	if len(res.Warnings) != len(plain.Warnings)+1 {
		t.Errorf("%d warnings, want %d (the plain book's and one more): %v", len(res.Warnings), len(plain.Warnings)+1, res.Warnings)
	}
	if o, ok := findObs(res.Dataset, "CIC07", app.Kent, app.All, "2024-11"); ok {
		t.Errorf("CIC07 2024-11 read as %+v from a formula with no result", o)
	}
	if o, ok := findObs(res.Dataset, "CIC07", app.Kent, app.All, "2024-12"); !ok || !approx(o.Value, 398) {
		t.Errorf("CIC07 2024-12 = %+v, %v; want 398 read as before", o, ok)
	}
}

// readOrRefused reads path with opt: where refused is set, the file must
// be refused with an error starting so, and ok is false; otherwise it
// must be read.
func readOrRefused(t *testing.T, path string, opt Options, refused string) (res *Result, ok bool) {
	t.Helper()
	res, err := Read(context.Background(), path, opt)
	if refused != "" {
		if err == nil || !strings.HasPrefix(err.Error(), refused) {
			t.Fatalf("error %v\nwant one starting %q", err, refused)
		}
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return res, true
}
