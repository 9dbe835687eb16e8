package synth

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer/value"
)

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	return rs
}

func col(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}

func at(rs [][]string, r, c int) string {
	if r < len(rs) && c < len(rs[r]) {
		return rs[r][c]
	}
	return ""
}

// TestDemoWorkbook reads the demo back with excelize and checks what
// members and the importer rely on.
func TestDemoWorkbook(t *testing.T) {
	b, err := Render(Demo(), House)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	if got, want := f.GetSheetList(), []string{"CYPE Scorecard", "Districts", "Data", "Targets", "Guidance"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	const sc = "CYPE Scorecard"
	rs := rows(t, f, sc)

	// 24 month columns headed by real dates, Nov-24 to Oct-26.
	var months []app.Period
	for c, s := range rs[4] {
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			continue
		}
		p, err := app.MonthFromExcelSerial(n)
		if err != nil {
			t.Errorf("header %s5 = %q is not a month", col(c+1), s)
			continue
		}
		if st, _ := f.GetCellStyle(sc, axis(5, c+1)); st != 0 {
			if s, _ := f.GetStyle(st); s.CustomNumFmt == nil || *s.CustomNumFmt != "mmm-yy" {
				t.Errorf("header %s5 is not formatted mmm-yy", col(c+1))
			}
		}
		months = append(months, p)
	}
	if len(months) != 24 || months[0].String() != "2024-11" || months[23].String() != "2026-10" {
		t.Fatalf("month headers %v, want 24 from 2024-11 to 2026-10", months)
	}
	if at(rs, 3, 6) != "2026/27" || at(rs, 4, 6) != "Target" || at(rs, 4, 7) != "Floor" || at(rs, 3, 5) != "2025/26 Outturn" {
		t.Errorf("header captions %q %q %q %q", at(rs, 3, 6), at(rs, 4, 6), at(rs, 4, 7), at(rs, 3, 5))
	}
	if v, _ := f.GetColVisible(sc, "E"); v {
		t.Error("the lead officer column E is not hidden")
	}
	mc, _ := f.GetMergeCells(sc)
	merged := map[string]bool{}
	for _, m := range mc {
		merged[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	for _, want := range []string{"A1:AL1", "G4:H4", "J4:AG4", "A4:A5", "A6:AL6"} {
		if !merged[want] {
			t.Errorf("%s is not merged", want)
		}
	}
	if !strings.Contains(at(rs, 0, 0), "October 2026") {
		t.Errorf("title %q", at(rs, 0, 0))
	}

	// CIC05 and its twin.
	row := map[string]int{}
	for r, cells := range rs {
		if len(cells) > 0 {
			row[cells[0]] = r
		}
	}
	r05, ok := row["CIC05"]
	if !ok {
		t.Fatal("no CIC05 row")
	}
	if got := at(rs, r05, 1); got != "Children in care with 3 or more placements in the last 12 months (%)" {
		t.Errorf("CIC05 name %q", got)
	}
	if at(rs, r05, 2) != "L" || at(rs, r05, 3) != "R12M" || at(rs, r05, 6) != "0.1" || at(rs, r05, 7) != "0.12" {
		t.Errorf("CIC05 polarity, period, target, floor = %q", rs[r05][2:8])
	}
	latest, _ := strconv.ParseFloat(at(rs, r05, 32), 64)
	if math.Abs(latest-221.0/1896) > 1e-12 {
		t.Errorf("CIC05 Oct-26 = %v, want 221/1896", latest)
	}
	if at(rs, r05, 33) != "AMBER" {
		t.Errorf("CIC05 RAG %q, want AMBER (11.7%% against target 10, floor 12)", at(rs, r05, 33))
	}
	if r, ok := row["CIC05a"]; !ok || r != r05+1 || !strings.HasSuffix(at(rs, r, 1), "(excluding UASC)") {
		t.Errorf("CIC05a twin row at %d (CIC05 at %d): %q", r, r05, at(rs, r, 1))
	}
	for _, ref := range []string{"CIC03", "CIC05", "SCS01"} {
		st, _ := f.GetCellStyle(sc, axis(row[ref]+1, 35))
		s, _ := f.GetStyle(st)
		if s.Font == nil || s.Font.Family != "Wingdings" || !strings.ContainsAny(at(rs, row[ref], 34), "éêè") {
			t.Errorf("%s DoT %q is not a Wingdings arrow", ref, at(rs, row[ref], 34))
		}
	}
	fillOnly := 0
	for _, cells := range rs {
		if len(cells) > 34 && cells[33] == "" && len(cells[0]) > 2 {
			fillOnly++
		}
	}
	if fillOnly == 0 {
		t.Error("no RAG cell shows only its fill")
	}

	// The stand-in: ED03's October is last year's outturn in italics,
	// under the legend.
	st, _ := f.GetCellStyle(sc, axis(row["ED03"]+1, 33))
	if s, _ := f.GetStyle(st); s.Font == nil || !s.Font.Italic {
		t.Error("ED03 Oct-26 is not in italics")
	}
	if _, ok := row["Figures in italics are previous reporting year"]; !ok {
		t.Error("no italics legend")
	}

	checkData(t, rows(t, f, "Data"))

	g := rows(t, f, "Guidance")
	sections, pols, units := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, cells := range g[1:] {
		sections[at([][]string{cells}, 0, 2)] = true
		pols[at([][]string{cells}, 0, 3)] = true
		units[at([][]string{cells}, 0, 4)] = true
		if at([][]string{cells}, 0, 9) == "" {
			t.Errorf("guidance: %s has no \"How it is calculated\"", at([][]string{cells}, 0, 0))
		}
	}
	if len(g)-1 < 20 || len(sections) != 5 || len(pols) != 4 || len(units) < 5 {
		t.Errorf("guidance: %d indicators, sections %v, polarities %v, units %v", len(g)-1, sections, pols, units)
	}
	tg := rows(t, f, "Targets")
	years := map[string]bool{}
	for _, cells := range tg[1:] {
		years[cells[1]] = true
	}
	for _, y := range []string{"2024/25", "2025/26", "2026/27", "2024/25 AY", "2025/26 AY", "2026/27 AY"} {
		if !years[y] {
			t.Errorf("no targets for %s", y)
		}
	}
	d := rows(t, f, "Districts")
	if got := d[3][2:]; !slices.Equal(got, []string{"Kent", "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone & Hythe",
		"Gravesham", "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge & Malling", "Tunbridge Wells",
		"Out of County / Unknown", "UASC Service"}) {
		t.Errorf("district columns %q", got)
	}
}

// checkData checks the tidy table: CIC05's October is 221/1896, all
// children are UASC plus the rest, and Kent is the sum of its parts.
func checkData(t *testing.T, rs [][]string) {
	t.Helper()
	if !slices.Equal(rs[0], []string{"Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value"}) {
		t.Fatalf("data header %q", rs[0])
	}
	type key struct{ ref, period, area, cohort string }
	num, den := map[key]float64{}, map[key]float64{}
	for _, cells := range rs[1:] {
		k := key{cells[0], cells[1], cells[2], cells[3]}
		num[k], _ = strconv.ParseFloat(cells[4], 64)
		if len(cells) > 5 && cells[5] != "" {
			den[k], _ = strconv.ParseFloat(cells[5], 64)
		}
	}
	if k := (key{"CIC05", "2026-10", "Kent", "All"}); num[k] != 221 || den[k] != 1896 {
		t.Errorf("CIC05 Kent 2026-10 = %v/%v, want 221/1896", num[k], den[k])
	}
	parts := map[key]float64{}
	splits := 0
	for k, n := range num {
		if k.area == "Kent" && k.cohort == "UASC" {
			splits++
			all, ex := k, k
			all.cohort, ex.cohort = "All", "Excluding UASC"
			if num[all] != num[ex]+n || den[all] != den[ex]+den[k] {
				t.Errorf("%v: all %v/%v != excluding %v/%v + UASC %v/%v", k, num[all], den[all], num[ex], den[ex], n, den[k])
			}
		}
		if k.area != "Kent" && k.cohort == "All" {
			kk := k
			kk.area = "Kent"
			parts[kk] += n
		}
	}
	if splits < 100 {
		t.Errorf("only %d UASC rows", splits)
	}
	for k, sum := range parts {
		if !strings.HasPrefix(k.ref, "CIC02") && !strings.HasPrefix(k.ref, "ED01") && k.ref != "CIC09" && sum != num[k] {
			t.Errorf("%v: areas sum to %v, Kent %v", k, sum, num[k])
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, l := range []Layout{House, Layouts()[9]} {
		a, err := Render(Demo(), l)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Render(Demo(), l)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", l.Name)
		}
	}
}

// TestLayoutsReadBack writes the demo in every layout and reads each
// sheet's figures back, cell by cell, comparing them with Truth: the
// workbook and its Truth must say the same.
func TestLayoutsReadBack(t *testing.T) {
	m := Demo()
	for _, l := range Layouts() {
		t.Run(l.Name, func(t *testing.T) {
			b, err := Render(m, l)
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, b)
			truth := m.Truth(l)
			want := map[figureKey]app.Observation{}
			for _, o := range truth.Observations {
				want[figureKey{o.Key(), o.Period}] = o
			}
			seen := 0
			for _, sheet := range f.GetSheetList() {
				if sheet == "Districts" || sheet == "Data" || sheet == "Targets" || sheet == "Guidance" {
					continue
				}
				seen += readBack(t, f, sheet, l, m, want)
			}
			if seen < 500 {
				t.Errorf("read back %d figures, want 500 or more", seen)
			}
			o := want[figureKey{app.SeriesKey{Ref: "CIC05", Area: app.Kent}, m.Latest()}]
			if o.Value == nil || math.Abs(*o.Value-100*221.0/1896) > 0.05 {
				t.Errorf("truth CIC05 latest = %+v", o)
			}
		})
	}
}

// readBack reads the month cells of a scorecard or breakdown sheet and
// compares each with the truth, returning how many it compared.
func readBack(t *testing.T, f *excelize.File, sheet string, l Layout, m *Model, want map[figureKey]app.Observation) int {
	t.Helper()
	rs := rows(t, f, sheet)
	area := app.Kent
	if l.Kind == PerArea {
		a, ok := app.ParseArea(sheet)
		if !ok {
			t.Fatalf("sheet %q is not an area", sheet)
		}
		area = a
	}
	monthCol := map[int]app.Period{}
	header := -1
	for r, cells := range rs {
		for c, s := range cells {
			fig, err := value.Parse(s)
			var p app.Period
			if err == nil && fig.Status == app.OK {
				p, err = app.MonthFromExcelSerial(fig.Value)
			} else {
				p, err = app.ParsePeriod(s)
			}
			if err == nil && p.Kind == app.Month {
				monthCol[c] = p
			}
		}
		if len(monthCol) >= 12 {
			header = r
			break
		}
		clear(monthCol)
	}
	if header < 0 {
		t.Fatalf("sheet %q: no month header", sheet)
	}
	n := 0
	ref := ""
	for r := header + 1; r < len(rs); r++ {
		split := app.All
		switch {
		case l.Kind == Breakdown:
			if at(rs, r, 0) != "" {
				ref = at(rs, r, 0)
				continue
			}
			switch strings.TrimSpace(at(rs, r, 1)) {
			case "All CiC":
			case "Excluding UASC":
				split = excl
			case "UASC":
				split = uascOnly
			default:
				continue
			}
		default:
			ref = at(rs, r, 0)
			if _, ok := m.Indicator(strings.TrimSuffix(ref, "a")); !ok {
				continue
			}
			if strings.HasSuffix(ref, "a") {
				ref, split = strings.TrimSuffix(ref, "a"), excl
			}
		}
		ind, _ := m.Indicator(ref)
		for c, p := range monthCol {
			k := figureKey{app.SeriesKey{Ref: ref, Area: area, Split: split}, p}
			w, has := want[k]
			s := at(rs, r, c)
			where := fmt.Sprintf("%s!%s (%v)", sheet, axis(r+1, c+1), k)
			fig, err := value.Parse(s)
			if err == value.ErrEmpty {
				if has {
					t.Errorf("%s: blank, want %+v", where, w)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			if !has {
				t.Errorf("%s: %q where the truth has nothing", where, s)
				continue
			}
			n++
			if fig.Status != app.OK {
				if w.Status != fig.Status || w.Raw != s {
					t.Errorf("%s: code %q (%q), truth %q (%q)", where, fig.Status, s, w.Status, w.Raw)
				}
				continue
			}
			v := fig.Value
			if ind.Unit == app.Percent && !fig.Percent && (fig.HasParts || l.Percent == PercentFraction) {
				v *= 100
			}
			if w.Value == nil || math.Abs(v-*w.Value) > 1e-9*math.Max(1, math.Abs(v)) {
				t.Errorf("%s: reads %v from %q, truth %+v", where, v, s, w)
			}
			if fig.HasParts && (w.Numerator == nil || *w.Numerator != fig.Numerator || *w.Denominator != fig.Denominator) {
				t.Errorf("%s: fraction %q, truth components %v/%v", where, s, w.Numerator, w.Denominator)
			}
			st, _ := f.GetCellStyle(sheet, axis(r+1, c+1))
			style, _ := f.GetStyle(st)
			italic := style != nil && style.Font != nil && style.Font.Italic
			if italic != w.StandIn {
				t.Errorf("%s: italic %v, stand-in %v", where, italic, w.StandIn)
			}
		}
	}
	return n
}

func TestLayoutQuirks(t *testing.T) {
	m := Demo()
	byName := map[string]Layout{}
	for _, l := range Layouts() {
		byName[l.Name] = l
	}
	// What CIC05's (or CIC01's, CIC11's) October cell holds in each layout.
	tests := []struct {
		layout, ref, want string
		formula           string
	}{
		{"house", "CIC05", "0.116561181434599", ""},
		{"percent-hundred", "CIC05", "11.6561181434599", ""},
		{"percent-text", "CIC05", "11.7%", ""},
		{"percent-text", "CIC01", "1,896", ""},
		{"percent-nbsp", "CIC05", "11.7\u00a0%", ""},
		{"fractions", "CIC05", "221/1896", ""},
		{"formulas", "CIC05", "0.116561181434599", "221/1896"},
		{"title-rows", "CIC05", "0.116561181434599", ""},
	}
	for _, tt := range tests {
		l := byName[tt.layout]
		b, err := Render(m, l)
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, b)
		sheet := f.GetSheetList()[0]
		rs := rows(t, f, sheet)
		found := false
		for r, cells := range rs {
			if len(cells) == 0 || cells[0] != tt.ref {
				continue
			}
			found = true
			october := scorecardColumns(24).rag - 1 // 1-based
			if got := at(rs, r, october-1); got != tt.want {
				t.Errorf("%s: %s October = %q, want %q", tt.layout, tt.ref, got, tt.want)
			}
			if tt.formula != "" {
				cell := axis(r+1, october)
				if got, _ := f.GetCellFormula(sheet, cell); got != tt.formula {
					t.Errorf("%s: %s formula %q, want %q", tt.layout, cell, got, tt.formula)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s row", tt.layout, tt.ref)
		}
	}

	// Negative figures in brackets: CIC11's falls.
	b, _ := Render(m, byName["brackets"])
	f := open(t, b)
	rs := rows(t, f, "CYPE Scorecard")
	negatives := 0
	for _, cells := range rs {
		if len(cells) == 0 || cells[0] != "CIC11" {
			continue
		}
		for i, p := range m.Months {
			o, _ := m.Observation(app.SeriesKey{Ref: "CIC11", Area: app.Kent}, p)
			got := cells[scorecardColumns(24).month0-1+i]
			if *o.Value < 0 {
				negatives++
				if want := fmt.Sprintf("(%g)", -*o.Value); got != want {
					t.Errorf("brackets: CIC11 %v = %q, want %q", p, got, want)
				}
			}
		}
	}
	if negatives == 0 {
		t.Error("brackets: CIC11 never falls, so no bracketed figure was checked")
	}

	// Status codes: every spelling appears, and #N/A is an error cell.
	b, _ = Render(m, byName["status-codes"])
	f = open(t, b)
	rs = rows(t, f, "CYPE Scorecard")
	seen := map[string]bool{}
	for r, cells := range rs {
		for c, s := range cells {
			seen[s] = true
			if s == "#N/A" {
				if ct, _ := f.GetCellType("CYPE Scorecard", axis(r+1, c+1)); ct != excelize.CellTypeError {
					t.Errorf("#N/A at %s is type %v, not an error", axis(r+1, c+1), ct)
				}
			}
		}
	}
	for _, code := range quirkCodes {
		if !seen[code] {
			t.Errorf("status-codes layout never writes %q", code)
		}
	}

	// Header placement and arrows.
	for name, want := range map[string][2]string{
		"title-rows":   {"Ref", ""},
		"month-short":  {"Nov-24", "↑↓→"},
		"month-long":   {"November 2024", "▲▼►"},
		"per-district": {"Nov-24", "↑↓→"},
	} {
		b, _ := Render(m, byName[name])
		f := open(t, b)
		rs := rows(t, f, f.GetSheetList()[0])
		hdr := 3 + byName[name].TitleRows
		if name == "title-rows" {
			if at(rs, hdr, 0) != "Ref" || hdr != 7 {
				t.Errorf("title-rows: header at row %d holds %q", hdr+1, at(rs, hdr, 0))
			}
			continue
		}
		if got := at(rs, hdr+1, 9); got != want[0] {
			t.Errorf("%s: first month header %q, want %q", name, got, want[0])
		}
		arrows := 0
		for _, cells := range rs {
			if s := at([][]string{cells}, 0, scorecardColumns(24).dot-1); s != "" && strings.Contains(want[1], s) {
				arrows++
			}
		}
		if arrows < 10 {
			t.Errorf("%s: %d arrows in %q", name, arrows, want[1])
		}
	}
	b, _ = Render(m, byName["per-district"])
	if got := open(t, b).GetSheetList(); len(got) != 13 || got[5] != "Folkestone & Hythe" {
		t.Errorf("per-district sheets %q", got)
	}
}

func TestTruthTargets(t *testing.T) {
	m := Demo()
	house := m.Truth(House)
	if len(house.Targets) != len(m.Dataset.Targets) {
		t.Errorf("house truth has %d targets, the model %d", len(house.Targets), len(m.Dataset.Targets))
	}
	plain := m.Truth(Layout{Name: "scorecard"})
	fy := app.Period{Kind: app.FinancialYear, Year: 2026}
	for _, tg := range plain.Targets {
		if tg.Year != fy || tg.Tolerance != nil {
			t.Errorf("scorecard-only truth target %+v, want the caption's year %v and no tolerance", tg, fy)
		}
	}
	if len(plain.Benchmarks) < 20 || len(plain.Outturns) < 25 || len(plain.Comments) < 5 {
		t.Errorf("truth has %d benchmarks, %d outturns, %d comments", len(plain.Benchmarks), len(plain.Outturns), len(plain.Comments))
	}
	rag := 0
	for _, o := range plain.Observations {
		if o.SourceRAG != app.NoRAG {
			rag++
			if o.Period != m.Latest() {
				t.Errorf("%v: RAG on %v, not the latest month", o.Key(), o.Period)
			}
		}
	}
	if rag < 20 {
		t.Errorf("%d figures carry a source RAG", rag)
	}
}

func BenchmarkRenderLarge(b *testing.B) {
	m := Large(1)
	for b.Loop() {
		out, err := Render(m, LargeLayout)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out)))
	}
}

func BenchmarkLarge(b *testing.B) {
	for b.Loop() {
		Large(1)
	}
}
