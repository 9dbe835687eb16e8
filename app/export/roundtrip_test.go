package export

import (
	"archive/zip"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
	"scorecard/assets"
	"scorecard/importer"
)

// imported reads a workbook with the importer into a History, as
// `scorecard import` would, recording the import with its SHA-256.
func imported(t *testing.T, path, id string) *app.History {
	t.Helper()
	res, err := importer.Read(context.Background(), path, importer.Options{})
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	h := app.NewHistory()
	h.Apply(res.Dataset, id)
	h.Imports = append(h.Imports, app.Import{ID: id, Source: filepath.Base(path), Kind: "workbook", SHA256: res.SHA256, Time: produced})
	return h
}

// TestDataSheetImportsAgain exports the demo, imports the export, and
// checks the app reads back every figure of the Data sheet as it was.
func TestDataSheetImportsAgain(t *testing.T) {
	for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
		t.Run(exclusionWords(cs), func(t *testing.T) { testImportsAgain(t, cs) })
	}
}

// testImportsAgain checks an export excluding cs reads back as the
// history it came from: the figures for all children stay those for all
// children, whatever the Scorecard sheet shows.
func testImportsAgain(t *testing.T, cs []app.Cohort) {
	h, _ := demoHistory(t)
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if _, err := Write(context.Background(), path, h, Options{Produced: produced, Exclude: cs}); err != nil {
		t.Fatal(err)
	}
	back := imported(t, path, "I0002")
	// At no threshold the source's own c (Dover's CIC09) stays protected,
	// with the figure withheld beside it (TestSourceWithheldNoThreshold).
	h, _ = disclosure.Suppress(h, 0)
	compared, standIns := 0, 0
	for _, k := range h.Keys() {
		for _, o := range h.Series(k) {
			got, ok := back.Observation(k, o.Period)
			if !ok {
				t.Errorf("%v %v: not read back from the export", k, o.Period)
				continue
			}
			compared++
			if got.StandIn != o.StandIn {
				t.Errorf("%v %v: read back standing in %v, want %v", k, o.Period, got.StandIn, o.StandIn)
			}
			if o.StandIn {
				standIns++
			}
			switch {
			case o.Value == nil:
				if got.Value != nil || got.Status != o.Status {
					t.Errorf("%v %v: read back %v %q, want status %q", k, o.Period, got.Value, got.Status, o.Status)
				}
			case got.Value == nil || math.Abs(*got.Value-*o.Value) > 1e-9:
				t.Errorf("%v %v: read back %v, want %v", k, o.Period, got.Value, *o.Value)
			}
		}
	}
	if compared < 1000 || standIns == 0 {
		t.Errorf("compared only %d figures, %d of them standing in", compared, standIns)
	}
}

// TestIntoOriginalLayout imports the demo workbook, exports excluding
// UASC into its own layout, and checks the figures went back into the
// cells they came from, keeping the cells' formats, with the RAG
// recomputed.
func TestIntoOriginalLayout(t *testing.T) {
	dir := os.Getenv("EXPORT_RENDER") // a folder to keep the files in, to look at
	if dir == "" {
		dir = t.TempDir()
	}
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	out := filepath.Join(dir, "revised.xlsx")
	cs := []app.Cohort{app.UASC}
	sum, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Exclude: cs, Produced: produced, AppVersion: "1.0-test"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	of, _ := excelize.OpenFile(orig)
	defer of.Close()
	if len(sum.Sheets) != len(of.GetSheetList())+1 || sum.Sheets[len(sum.Sheets)-1] != ProvenanceSheet {
		t.Errorf("sheets %q: want the original's %q and Provenance", sum.Sheets, of.GetSheetList())
	}
	ex, _ := cohort.Exclude(h, cs)
	latest := h.Latest()
	changed, rated := 0, 0
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		was, ok := h.Observation(k, latest)
		if !ok || was.Cell == "" {
			continue
		}
		now, _ := ex.Observation(k, latest)
		sheet, ref, _ := splitCell(was.Cell)
		wantStyle, _ := of.GetCellStyle(sheet, ref)
		if got, _ := f.GetCellStyle(sheet, ref); got != wantStyle {
			t.Errorf("%s %s: style %d, the original's was %d", ind.Ref, was.Cell, got, wantStyle)
		}
		if now.Value == nil {
			if got, _ := f.GetCellValue(sheet, ref); got != now.Status.String() {
				t.Errorf("%s %s: %q, want %q", ind.Ref, was.Cell, got, now.Status)
			}
			continue
		}
		raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		v := numberAt(t, f, sheet, ref)
		oldRaw, _ := of.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if old, err := strconv.ParseFloat(oldRaw, 64); err == nil && ind.Unit == app.Percent && *was.Value > 1 && old < 1.0001 {
			v *= 100 // the original holds percentages as fractions
		}
		if math.Abs(v-*now.Value) > 1e-9 {
			t.Errorf("%s %s = %s, want %v", ind.Ref, was.Cell, raw, *now.Value)
		}
		if *now.Value != *was.Value {
			changed++
		}
		if was.SourceRAG == app.NoRAG {
			continue
		}
		pts := trend.Analyse(ex, k, trend.Options{Until: latest})
		_, row, _ := excelize.CellNameToCoordinates(ref)
		ragCol := (&originalWriter{book: &book{f: f}, heads: map[string]map[string]int{}, ragFills: map[app.RAG]restyle{}}).headings(sheet, row)["rag"]
		got, _ := f.GetCellValue(sheet, cell(ragCol, row))
		if old, _ := of.GetCellValue(sheet, cell(ragCol, row)); old == "" {
			// The original shows this rating by fill alone; so does the copy.
			got = pts[len(pts)-1].RAG.String()
			if _, fill := format(t, f, sheet, cell(ragCol, row)); fill == "" {
				t.Errorf("%s: the rating's fill was lost", ind.Ref)
			}
		}
		if got != pts[len(pts)-1].RAG.String() {
			t.Errorf("%s: RAG cell %s says %q, the excluding figures rate %q", ind.Ref, cell(ragCol, row), got, pts[len(pts)-1].RAG)
		}
		rated++
	}
	if changed == 0 || rated == 0 {
		t.Errorf("%d figures changed and %d ratings checked: the exclusion was not written into the original layout", changed, rated)
	}
	// The Kent column of the Districts sheet repeats the scorecard's
	// figure: it is revised too.
	kentCol := (&originalWriter{book: &book{f: f}}).areaColumn("Districts", 8, 4, app.Districts[0], app.Kent)
	for _, ref := range []string{"CIC01", "CIC03"} {
		ind, _ := h.Indicator(ref)
		now, _ := ex.Observation(app.SeriesKey{Ref: ref, Area: app.Kent}, latest)
		v := numberAt(t, f, "Districts", cell(kentCol, sheetRow(t, f, "Districts", ref)))
		if ind.Unit == app.Percent {
			v *= 100
		}
		if kentCol == 0 || math.Abs(v-*now.Value) > 1e-9 {
			t.Errorf("Districts: Kent's %s (column %d) = %v, want %v", ref, kentCol, v, *now.Value)
		}
	}
	if hf, err := f.GetHeaderFooter(sum.Sheets[0]); err != nil || hf == nil || !strings.Contains(hf.OddHeader, "Excluding unaccompanied") {
		t.Errorf("first sheet's print header %+v does not say what was excluded", hf)
	}
	// A workbook that was never imported has no cells to write into.
	if _, err := Write(context.Background(), filepath.Join(dir, "x.xlsx"), h, Options{Original: out, Reread: importer.Reread}); err == nil {
		t.Error("exporting into a workbook never imported succeeded")
	}
}

// TestOriginalTidySheetKeptByColumn exports the demo into its own layout,
// with and without an exclusion, and checks its tidy Data sheet: each
// row's labels (Ref, Period, Area, Cohort) are as they were, and its
// numerator, denominator and value are the figure those labels name, as
// circulated. It checks too that the scorecard's title says what was
// excluded.
func TestOriginalTidySheetKeptByColumn(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	of, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer of.Close()
	want, _ := of.GetRows("Data")
	title, _ := of.GetCellValue("CYPE Scorecard", "A1")
	tests := []struct {
		name     string
		opt      Options
		title    string
		suppress bool
	}{
		{"all children", Options{}, title, false},
		{"excluding UASC", Options{Exclude: []app.Cohort{app.UASC}}, title + " - excluding unaccompanied asylum-seeking children (UASC)", false},
		{"suppressed", Options{Exclude: []app.Cohort{app.UASC}, Suppress: 5}, title + " - excluding unaccompanied asylum-seeking children (UASC)", true},
		// The months after an earlier export's are in the original too:
		// they are suppressed all the same.
		{"earlier month suppressed", Options{Period: h.Latest().Add(-6), Suppress: 5}, title, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Original = orig
			tt.opt.Reread = importer.Reread
			f, _ := export(t, h, tt.opt) // audits its disclosure
			if got, _ := f.GetCellValue("CYPE Scorecard", "A1"); got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
			// The original's previous-year outturns are all children's.
			outturns := 0
			for _, ind := range h.Indicators() {
				for _, bm := range h.Benchmarks(ind.Ref) {
					sheet, ref, ok := splitCell(bm.Source)
					if bm.Group != app.OutturnGroup || !ok {
						continue
					}
					got, _ := f.GetCellValue(sheet, ref)
					was, _ := of.GetCellValue(sheet, ref)
					// Excluding UASC, one that is March's figure for all
					// children is March's figure without them, and one UASC
					// cannot be counted in, or of pupils or schools with no
					// UASC split, stands (TestOutturnExcluding).
					if tt.opt.Exclude == nil && got != was {
						t.Errorf("%s outturn %s = %q, want %q", ind.Ref, bm.Source, got, was)
					}
					if tt.opt.Exclude != nil && got == was && cohort.Affects(h, ind, app.Kent, tt.opt.Exclude) {
						t.Errorf("%s outturn %s = %q, all children's under an excluding title", ind.Ref, bm.Source, got)
					}
					outturns++
				}
			}
			if outturns == 0 {
				t.Error("no outturns checked")
			}
			got, _ := f.GetRows("Data", excelize.Options{RawCellValue: true})
			if len(got) != len(want) {
				t.Fatalf("Data sheet has %d rows, the original %d", len(got), len(want))
			}
			base, _, _, _ := disclosure.Release(h, tt.opt.Exclude, tt.opt.Suppress)
			bad, suppressed := 0, 0
			for i := 1; i < len(want); i++ {
				w, g := want[i], append(got[i], make([]string, 7)...)
				if w[0] != g[0] || w[1] != g[1] || w[2] != g[2] || w[3] != g[3] {
					if bad++; bad < 5 {
						t.Errorf("row %d labels %q, the original's %q", i+1, g[:4], w[:4])
					}
					continue
				}
				area, _ := app.ParseArea(w[2])
				split := app.All
				switch w[3] {
				case "UASC":
					split = app.Only(app.UASC)
				case "Excluding UASC":
					split = app.Excluding(app.UASC)
				}
				p, _ := app.ParsePeriod(w[1])
				o, ok := base.Observation(app.SeriesKey{Ref: w[0], Area: area, Split: split}, p)
				if !ok {
					continue
				}
				wantRow := []string{text(o.Numerator), text(o.Denominator), text(o.Value)}
				if o.Value == nil {
					wantRow[2] = o.Status.String()
					suppressed++
				}
				if !same(g[4], wantRow[0]) || !same(g[5], wantRow[1]) || !same(g[6], wantRow[2]) {
					if bad++; bad < 5 {
						t.Errorf("row %d %q: numerator, denominator, value %q, want %q", i+1, w[:4], g[4:7], wantRow)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d Data rows wrong", bad, len(want)-1)
			}
			if tt.suppress && suppressed == 0 {
				t.Error("nothing suppressed on the Data sheet: the check proves nothing")
			}
		})
	}
}

// TestOriginalExportRefused: an earlier export given as the original,
// its import having read its Data sheet alone, had only that sheet
// revised: with suppression asked for, its Scorecard sheet still showed
// a small count (S7, 3) the Data sheet withheld. An export is refused
// as an original, saying to write the house layout anew.
func TestOriginalExportRefused(t *testing.T) {
	h, _ := demoHistory(t)
	earlier := filepath.Join(t.TempDir(), "earlier.xlsx")
	if _, err := Write(context.Background(), earlier, h, Options{Produced: produced}); err != nil {
		t.Fatal(err)
	}
	back := imported(t, earlier, "I0002")
	out := filepath.Join(t.TempDir(), "again.xlsx")
	_, err := Write(context.Background(), out, back, Options{Original: earlier, Reread: importer.Reread, Suppress: 5, Produced: produced})
	if err == nil || !strings.Contains(err.Error(), "is a Scorecard export") || !strings.Contains(err.Error(), "export without --original") {
		t.Fatalf("exporting into an earlier export: %v, want it refused, saying to export without --original", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused export left %s: %v", out, err)
	}
}

// text writes a figure as GetRows reads it back.
func text(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// same reports whether two cells' texts are the same figure.
func same(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return a == b
	}
	return math.Abs(x-y) < 1e-9
}

// TestDefinitionsImportAgain exports the demo and reads its tidy sheets
// (Data, Definitions, Targets) with the importer, checking they define
// every indicator and target as the history did and rate the latest
// month alike, so that an export imported into an empty store lists and
// rates its indicators as the store it came from.
//
// The importer reads an export (Category app.ExportCategory) from its
// tidy Data and Targets sheets alone, and does not yet take the
// Definitions sheet, which it reads as a definitions sheet (like the demo
// workbook's Guidance) in any other workbook. So the definitions are
// checked through a copy of the export's tidy sheets without the export
// Category, and the export itself for its figures and targets.
func TestDefinitionsImportAgain(t *testing.T) {
	h, _ := demoHistory(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "export.xlsx")
	if _, err := Write(context.Background(), path, h, Options{Produced: produced}); err != nil {
		t.Fatal(err)
	}
	tidy := tidyCopy(t, path, filepath.Join(dir, "tidy.xlsx"))
	for _, tt := range []struct {
		name        string
		path        string
		definitions bool
	}{{"export", path, false}, {"tidy sheets", tidy, true}} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := importer.Read(context.Background(), tt.path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			back := app.NewHistory()
			back.Apply(res.Dataset, "I0002")
			checkDefinitions(t, h, back, tt.definitions)
		})
	}
}

// tidyCopy copies the export at path to dst with only its tidy sheets and
// without the export Category.
func tidyCopy(t *testing.T, path, dst string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		if s != DataSheet && s != DefinitionsSheet && s != TargetsSheet {
			if err := f.DeleteSheet(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Category: "", Title: "tidy"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// checkDefinitions compares back, read from an export of h, with h: its
// targets always, and its definitions and latest ratings when asked.
func checkDefinitions(t *testing.T, h, back *app.History, definitions bool) {
	t.Helper()
	if got, want := len(back.Indicators()), len(h.Indicators()); got != want {
		t.Errorf("read back %d indicators, want %d", got, want)
	}
	for _, want := range h.Indicators() {
		got, ok := back.Indicator(want.Ref)
		if !ok {
			t.Errorf("%s: not read back", want.Ref)
			continue
		}
		// Unaffected is not a column of the definitions; a zero year type
		// is financial.
		got.Unaffected, want.Unaffected = nil, nil
		got.YearType = cmp.Or(got.YearType, app.FinancialYear)
		want.YearType = cmp.Or(want.YearType, app.FinancialYear)
		if definitions && fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Errorf("%s read back as\n%+v, want\n%+v", want.Ref, got, want)
		}
		wantT, gotT := h.Targets(want.Ref), back.Targets(want.Ref)
		if len(gotT) != len(wantT) {
			t.Errorf("%s: %d targets read back, want %d", want.Ref, len(gotT), len(wantT))
			continue
		}
		for i := range wantT {
			w, g := wantT[i], gotT[i]
			if g.Year != w.Year || text(g.Target) != text(w.Target) || text(g.Floor) != text(w.Floor) || text(g.Tolerance) != text(w.Tolerance) {
				t.Errorf("%s target read back as %s %s/%s/%s, want %s %s/%s/%s", want.Ref,
					g.Year, text(g.Target), text(g.Floor), text(g.Tolerance), w.Year, text(w.Target), text(w.Floor), text(w.Tolerance))
			}
		}
	}
	if !definitions {
		return // ratings need the polarities
	}
	latest := h.Latest()
	rated := 0
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		want := trend.Analyse(h, k, trend.Options{Until: latest})
		got := trend.Analyse(back, k, trend.Options{Until: latest})
		// A previous year's outturn standing in for the month is on the
		// Data sheet, marked, and read back as the stand-in it was.
		if len(want) == 0 {
			continue
		}
		w := want[len(want)-1]
		for len(got) > 0 && got[len(got)-1].Period.Compare(w.Period) > 0 {
			got = got[:len(got)-1]
		}
		if len(got) == 0 || got[len(got)-1].Period != w.Period || got[len(got)-1].StandIn != w.StandIn || got[len(got)-1].RAG != w.RAG || got[len(got)-1].DoT != w.DoT {
			t.Errorf("%s: rated differently once imported again: %+v, want %+v", ind.Ref, got[len(got)-1], w)
		}
		if w.RAG != app.NoRAG {
			rated++
		}
	}
	if rated == 0 {
		t.Error("no indicator rated: the check proves nothing")
	}
}

// TestSameEveryTime: an export of one store with the same options is the
// same workbook every time, part for part, in the house layout and in the
// original's: the original's notes on figures that cannot exclude a
// cohort were written in map order, and the library lists the content
// types of images in map order.
func TestSameEveryTime(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	tests := []struct {
		name   string
		opt    Options
		images bool // the content types list image types
	}{
		{"house layout", Options{Exclude: []app.Cohort{app.UASC}, Suppress: 5}, true},
		{"original", Options{Original: orig, Reread: importer.Reread, Exclude: []app.Cohort{app.UASC}, Area: "Thanet"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Produced, tt.opt.AppVersion = produced, "1.0-test"
			var first map[string][]byte
			var names []string
			for i := range 5 {
				out := filepath.Join(dir, fmt.Sprintf("%s%d.xlsx", strings.ReplaceAll(tt.name, " ", "-"), i))
				if _, err := Write(context.Background(), out, h, tt.opt); err != nil {
					t.Fatal(err)
				}
				parts, order := zipParts(t, out), zipOrder(t, out)
				if i == 0 {
					first, names = parts, order
					if !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "comments") }) {
						t.Fatal("the workbook has no notes: the test proves nothing")
					}
					if tt.images && !bytes.Contains(parts["[Content_Types].xml"], []byte(`Extension="png"`)) {
						t.Fatal("the content types list no image types: the test proves nothing")
					}
					continue
				}
				if !slices.Equal(order, names) {
					t.Errorf("export %d: parts in the order %q, the first export's %q", i+1, order, names)
				}
				for name, b := range parts {
					if !bytes.Equal(b, first[name]) {
						t.Errorf("export %d: part %s differs from the first export's", i+1, name)
					}
				}
			}
		})
	}
}

// zipParts reads every part of the workbook at path, by name.
func zipParts(t *testing.T, path string) map[string][]byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if parts[f.Name], err = io.ReadAll(r); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		r.Close()
	}
	return parts
}

// zipOrder returns the names of the parts of the workbook at path in the
// zip's order.
func zipOrder(t *testing.T, path string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	return names
}
