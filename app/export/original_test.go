package export

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/store"
	"scorecard/app/trend"
	"scorecard/assets"
	"scorecard/importer"
)

// correctionWorkbook writes a tidy table of figures to path, on a sheet
// named as the demo's scorecard sheet, so that the figures' cells name
// cells of that sheet which in the demo hold headings: a correction file
// as an officer sends one.
func correctionWorkbook(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "CYPE Scorecard"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows = append([][]any{{"Ref", "Period", "Area", "Value", "Numerator", "Denominator"}}, rows...)
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, cell(2, i+3), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// originalVersionOf returns the version of a figure that import id read,
// with the cell it was read from.
func originalVersionOf(h *app.History, k app.SeriesKey, p app.Period, id string) (app.Observation, bool) {
	cur, _ := h.Observation(k, p)
	for _, o := range append(slices.Clone(h.Revisions(k, p)), cur) {
		if o.Import == id && o.Cell != "" {
			return o, true
		}
	}
	return app.Observation{}, false
}

// TestOriginalAfterCorrection imports the demo workbook and then a
// correction file revising two of its latest month's figures, and
// exports into the demo's layout: the cells the demo held those figures
// in must show the store's current figures as circulated (corrected,
// excluding the cohort, suppressed), with the RAG and DoT recomputed, not
// the figures the demo had. They kept the demo's own, since the current
// version came from the correction's import, whose cells are not the
// demo's.
func TestOriginalAfterCorrection(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	latest := imported(t, orig, "I0001").Latest()
	// The county's figures change rating (CIC05 AMBER to RED) and
	// direction (CIC04 down to up); the district's is a small count.
	county := app.SeriesKey{Ref: "CIC05", Area: app.Kent}
	turned := app.SeriesKey{Ref: "CIC04", Area: app.Kent}
	// (CIC01, a count of children: CIC11, a change, is not withheld for
	// its size.)
	district := app.SeriesKey{Ref: "CIC01", Area: "Canterbury"}
	keys := []app.SeriesKey{county, turned, district}
	fix := filepath.Join(dir, "fix.xlsx")
	correctionWorkbook(t, fix, [][]any{
		{county.Ref, latest.String(), string(county.Area), 100 * 230.0 / 1896, 230, 1896},
		{turned.Ref, latest.String(), string(turned.Area), 100 * 294.0 / 1896, 294, 1896},
		{district.Ref, latest.String(), string(district.Area), 2},
	})
	h := storeOf(t, orig, fix)
	for _, k := range keys {
		if now, _ := h.Observation(k, latest); now.Import != "I0002" || now.Revision == 0 {
			t.Fatalf("%v %v: the correction did not revise the demo's figure: %+v", k, latest, now)
		}
	}
	of, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer of.Close()
	uasc := []app.Cohort{app.UASC}
	tests := []struct {
		name string
		opt  Options
		// status is the code the district's small count must show.
		status app.Status
	}{
		{"correction after the original", Options{}, app.OK},
		{"excluding UASC", Options{Exclude: uasc}, app.CannotExclude},
		{"small count revised, suppressed", Options{Suppress: 5}, app.Suppressed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Original = orig
			tt.opt.Reread = importer.Reread
			f, _ := export(t, h, tt.opt)
			_, ex, _, _ := disclosure.ReleaseIn(h, tt.opt.Exclude, tt.opt.Suppress, app.DefaultAuthority())
			written := map[string]bool{}
			for _, k := range keys {
				was, ok := originalVersionOf(h, k, latest, "I0001")
				if !ok {
					t.Fatalf("%v: the demo's import read no cell for it", k)
				}
				written[was.Cell] = true
				sheet, ref, _ := splitCell(was.Cell)
				now, _ := ex.Observation(k, latest)
				old, _ := of.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				got, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				if k == district && now.Status != tt.status {
					t.Fatalf("%v: circulated as %+v, want status %q: the case proves nothing", k, now, tt.status)
				}
				if was.SourceRAG != app.NoRAG || was.SourceArrow != app.NoArrow {
					checkRating(t, of, f, ex, k, latest, was.Cell, tt.opt.Exclude == nil && k != district)
				}
				if now.Value == nil {
					if got != now.Status.String() {
						t.Errorf("%v %s = %q, want %q (the demo's was %q)", k, was.Cell, got, now.Status, old)
					}
					continue
				}
				want := *now.Value
				if o, err := strconv.ParseFloat(old, 64); err == nil && math.Abs(o*100-*was.Value) < 1e-6 {
					want /= 100 // the demo holds percentages as fractions
				}
				if g, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(g-want) > 1e-9 {
					t.Errorf("%v %s = %q, want %v (the demo's was %q)", k, was.Cell, got, want, old)
				}
			}
			// The correction's own cells are cells of another workbook:
			// the demo's cells of those names keep what they held.
			for _, k := range keys {
				now, _ := h.Observation(k, latest)
				sheet, ref, ok := splitCell(now.Cell)
				if !ok || sheet != "CYPE Scorecard" {
					t.Fatalf("%v: the correction's cell %q is not on the demo's scorecard sheet: the check proves nothing", k, now.Cell)
				}
				if written[now.Cell] {
					continue
				}
				want, _ := of.GetCellValue(sheet, ref)
				if got, _ := f.GetCellValue(sheet, ref); !strings.HasPrefix(got, want) {
					t.Errorf("%s (the correction's cell for %v) = %q, the demo's %q", now.Cell, k, got, want)
				}
			}
		})
	}
}

// storeOf imports the files at paths, in order, into a new store, as
// `scorecard import` does, and loads its history: the store, unlike
// History.Apply, keeps a figure a later file restates with the import
// that first gave it.
func storeOf(t *testing.T, paths ...string) *app.History {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, path := range paths {
		res, err := importer.Read(context.Background(), path, importer.Options{})
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		if _, err := st.Import(store.Source{Name: filepath.Base(path), Kind: "workbook", SHA256: res.SHA256, Note: res.Format}, res.Dataset); err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
	}
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// checkRating checks the RAG and DoT cells on the row of the original's
// cell at, in the export f, against the rating of the series' figure for
// p as circulated (ex): RAG text where the original (of) had text, and
// the original's kind of arrow. When changed, the rating or the arrow
// must differ from the original's, or the check proves nothing.
func checkRating(t *testing.T, of, f *excelize.File, ex *app.History, k app.SeriesKey, p app.Period, at string, changed bool) {
	t.Helper()
	rag, move := app.NoRAG, app.NoArrow
	if pts := trend.Analyse(ex, k, trend.Options{Until: p}); len(pts) > 0 && pts[len(pts)-1].Period == p {
		rag, move = pts[len(pts)-1].RAG, pts[len(pts)-1].Movement
	}
	sheet, ref, _ := splitCell(at)
	_, row, _ := excelize.CellNameToCoordinates(ref)
	heads := (&originalWriter{book: &book{f: of}, heads: map[string]map[string]int{}, ragFills: map[app.RAG]restyle{}}).headings(sheet, row)
	ragAt, dotAt := cell(heads["rag"], row), cell(heads["dot"], row)
	if heads["rag"] == 0 || heads["dot"] == 0 {
		t.Fatalf("%v: no RAG and DoT columns found above %s", k, at)
	}
	oldRAG, _ := of.GetCellValue(sheet, ragAt)
	oldDoT, _ := of.GetCellValue(sheet, dotAt)
	if oldRAG == "" {
		t.Fatalf("%v: the demo shows its rating by fill alone: the check reads text", k)
	}
	if got, _ := f.GetCellValue(sheet, ragAt); got != rag.String() {
		t.Errorf("%v: RAG cell %s says %q, the current figures rate %q (the demo's %q)", k, ragAt, got, rag, oldRAG)
	}
	want := arrowLike(oldDoT, move)
	if got, _ := f.GetCellValue(sheet, dotAt); got != want {
		t.Errorf("%v: DoT cell %s says %q, want %q for %v (the demo's %q)", k, dotAt, got, want, move, oldDoT)
	}
	if changed && rag.String() == oldRAG && want == oldDoT {
		t.Errorf("%v: rated %q %q as in the demo: the case proves nothing", k, rag, want)
	}
}

// TestOriginalNextWorkbook imports the demo workbook and then next
// month's, laid out with a column more, which revises CIC05's
// previous-year outturn, England's figure and target (on the scorecard
// and in the Targets table) and restates everything else, and exports
// into the demo's layout. The demo's cells for them must show the revised
// figures (excluding a cohort, the outturn must say it cannot be
// recomputed): the store keeps only the latest version of a benchmark or
// target, with next month's cell. The cells that hold them in next
// month's workbook, which in the demo hold other things, must keep what
// they held.
func TestOriginalNextWorkbook(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	const ref, sheet = "CIC05", "CYPE Scorecard"
	demo := imported(t, orig, "I0001")
	was := map[string]app.Benchmark{}
	for _, bm := range demo.Benchmarks(ref) {
		was[bm.Group] = bm
	}
	latest := demo.Latest()
	ind, _ := demo.Indicator(ref)
	year := ind.TargetYear(latest)
	target, ok := demo.TargetFor(ind, latest)
	if !ok || target.Year != year || target.Target == nil {
		t.Fatalf("the demo has no %s target for %s", ref, year)
	}
	of, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer of.Close()
	row := sheetRow(t, of, sheet, ref)
	// The demo's cells for the revised figures, by what they hold.
	at := map[string]string{
		app.OutturnGroup: was[app.OutturnGroup].Source,
		"England":        was["England"].Source,
		"target":         sheet + "!" + cell(headed(t, of, sheet, "Target"), row),
		"targets table":  "Targets!" + cell(3, targetsRow(t, of, ref, year)),
	}
	for what, c := range at {
		if _, _, ok := splitCell(c); !ok {
			t.Fatalf("the demo has no cell for %s %s: %q", ref, what, c)
		}
	}
	// Next month's workbook: a column more before the outturn's, and the
	// figures revised in their new cells.
	nf, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	_, outturn, _ := splitCell(at[app.OutturnGroup])
	col, _, _ := excelize.CellNameToCoordinates(outturn)
	if err := nf.InsertCols(sheet, colName(col), 1); err != nil {
		t.Fatal(err)
	}
	moved := map[string]string{}
	for what, c := range at {
		s, a, _ := splitCell(c)
		col, row, _ := excelize.CellNameToCoordinates(a)
		if s == sheet {
			col++
		}
		moved[what] = s + "!" + cell(col, row)
		old, _ := nf.GetCellValue(s, cell(col, row), excelize.Options{RawCellValue: true})
		v, _ := strconv.ParseFloat(old, 64)
		// A fraction formatted as a percentage, but percentage points in
		// the Targets table; the target is the same in both.
		step := map[string]float64{"target": 0.01, "targets table": 1}[what]
		if step == 0 {
			step = 0.02
		}
		if err := nf.SetCellFloat(s, cell(col, row), v+step, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	next := filepath.Join(dir, "next.xlsx")
	if err := nf.SaveAs(next); err != nil {
		t.Fatal(err)
	}
	nf.Close()
	h := storeOf(t, orig, next)
	now := map[string]*float64{}
	for _, bm := range h.Benchmarks(ref) {
		if w, ok := was[bm.Group]; ok && bm.Period == w.Period && bm.Import != "I0001" {
			now[bm.Group] = bm.Value
		}
	}
	if t, ok := h.TargetFor(ind, latest); ok && t.Import != "I0001" {
		now["target"], now["targets table"] = t.Target, t.Target
	}
	for what := range at {
		if now[what] == nil {
			t.Fatalf("next month's workbook did not revise the %s figure", what)
		}
	}
	fraction := func(what string) string { return strconv.FormatFloat(*now[what]/100, 'f', -1, 64) }
	want := map[string]string{
		app.OutturnGroup: fraction(app.OutturnGroup), "England": fraction("England"),
		"target": fraction("target"), "targets table": strconv.FormatFloat(*now["targets table"], 'f', -1, 64),
	}
	tests := []struct {
		name string
		opt  Options
		want map[string]string // what the demo's cells must hold, where not as want
	}{
		{"all children", Options{}, nil},
		{"excluding UASC", Options{Exclude: []app.Cohort{app.UASC}}, map[string]string{app.OutturnGroup: app.CannotExclude.String()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Original = orig
			tt.opt.Reread = importer.Reread
			f, _ := export(t, h, tt.opt)
			written := map[string]bool{}
			for what, c := range at {
				written[c] = true
				w := want[what]
				if tw, ok := tt.want[what]; ok {
					w = tw
				}
				s, a, _ := splitCell(c)
				if got, _ := f.GetCellValue(s, a, excelize.Options{RawCellValue: true}); !same(got, w) {
					t.Errorf("%s %s %s = %q, want %q", ref, what, c, got, w)
				}
			}
			for what, c := range moved {
				if written[c] {
					continue // the demo's own cell for another revised figure
				}
				s, a, _ := splitCell(c)
				want, _ := of.GetCellValue(s, a)
				if got, _ := f.GetCellValue(s, a); got != want {
					t.Errorf("%s, next month's cell for the %s figure = %q, the demo's %q", c, what, got, want)
				}
			}
		})
	}
}

// headed finds the column headed name on the first rows of a sheet.
func headed(t *testing.T, f *excelize.File, sheet, name string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for r := 0; r < min(len(rows), 10); r++ {
		for c, text := range rows[r] {
			if text == name {
				return c + 1
			}
		}
	}
	t.Fatalf("%s: no column headed %q", sheet, name)
	return 0
}

// targetsRow finds the row of the demo's Targets table for ref and year.
func targetsRow(t *testing.T, f *excelize.File, ref string, year app.Period) int {
	t.Helper()
	rows, _ := f.GetRows("Targets")
	for i, r := range rows {
		if len(r) > 1 && r[0] == ref && r[1] == year.String() {
			return i + 1
		}
	}
	t.Fatalf("Targets: no row for %s %s", ref, year)
	return 0
}

// TestOriginalOfAnEarlierMonth: into a workbook of September, after
// October's was imported, the export with no period asked for is of
// September, the original's latest month, and says why: the store's
// latest, October, has no column in it, and its September rating had
// been left as the original had it beside the revised figure.
func TestOriginalOfAnEarlierMonth(t *testing.T) {
	dir := t.TempDir()
	book := func(name string, rows [][]any) string {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", "Scorecard")
		for i, r := range rows {
			f.SetSheetRow("Scorecard", cell(1, i+1), &r)
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	sep := book("sep.xlsx", [][]any{{"Kent scorecard - September 2024"}, {}, {"Ref", "Indicator", "Polarity", "Jul-24", "Aug-24", "Sep-24"}, {"CIC01", "Children in care", "L", 1900, 1910, 1920}})
	oct := book("oct.xlsx", [][]any{{"Kent scorecard - October 2024"}, {}, {"Ref", "Indicator", "Polarity", "Aug-24", "Sep-24", "Oct-24"}, {"CIC01", "Children in care", "L", 1910, 1925, 1930}})
	h := storeOf(t, sep, oct)
	sum, err := Write(context.Background(), filepath.Join(dir, "out.xlsx"), h, Options{Original: sep, Reread: importer.Reread, Produced: produced, AppVersion: "1.0-test"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Period != app.MonthOf(2024, 9) || !slices.ContainsFunc(sum.Notes, func(n string) bool {
		return strings.Contains(n, "period Sep-24, the original's latest: the store's latest, Oct-24, has no column in it")
	}) {
		t.Errorf("exported %s with notes %q, want Sep-24 and why", sum.Period, sum.Notes)
	}
}
