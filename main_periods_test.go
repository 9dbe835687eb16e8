package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
	"scorecard/importer/dfe"

	"github.com/xuri/excelize/v2"
)

// dfeFigureFiles are the DfE's published CSVs of figures (not reference
// tables) that a store can be built from alone.
var dfeFigureFiles = []string{
	"cla_number_and_rate_per_10k_children.csv",
	"la_cla_placement_stability.csv",
	"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
	"d3_cpps_subsequent_plan_2013_to_2025.csv",
	"csww_indicators_2017_to_2025.csv",
	"la_care_leavers_activity.csv",
}

// kentFigures reads, straight from the DfE's CSV and without the
// importer, Kent's figure in column for the rows of one population type,
// by reporting year.
func kentFigures(t *testing.T, path, population, column string) map[string]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	out := map[string]float64{}
	for _, r := range recs[1:] {
		if r[col["geographic_level"]] != "Local authority" || r[col["la_name"]] != "Kent" || r[col["population_type"]] != population {
			continue
		}
		v, err := strconv.ParseFloat(r[col[column]], 64)
		if err != nil {
			t.Fatalf("%s: Kent %s %s: %v", path, r[col["time_period"]], column, err)
		}
		out[r[col["time_period"]]] = v
	}
	return out
}

// With the DfE's published yearly CSVs alone, the scorecard is of the
// latest reporting year, filed as the financial year it covers (2025, to
// 31 March 2025, is 2024/25): show, flags and export (workbook and pack)
// all work, --period takes the year as 2025, and every figure on the
// exported scorecard is the CSV's own for Kent: its counts as published,
// its rate per 10,000 as its count over its population, which the DfE
// publishes rounded.
func TestDfEYearlyStoreExports(t *testing.T) {
	dirs := []struct{ name, dir string }{
		{"repository extract", filepath.Join("importer", "dfe", "testdata")},
		{"published files", filepath.Join("..", "shared", "realdata")},
	}
	for _, d := range dirs {
		t.Run(d.name, func(t *testing.T) {
			if _, err := os.Stat(d.dir); err != nil {
				t.Skip("not beside the repository:", d.dir)
			}
			db := filepath.Join(t.TempDir(), "dfe.db")
			for _, name := range dfeFigureFiles {
				mustRun(t, db, "import", filepath.Join(d.dir, name))
			}
			if out := mustRun(t, db, "show", "CIC01"); !strings.Contains(out, "too few points") {
				t.Errorf("show CIC01 over 5 years does not say SPC has too few points:\n%s", out)
			}
			mustRun(t, db, "flags")
			if out := mustRun(t, db, "brief"); !strings.HasPrefix(out, "Exceptions: Kent, 2024/25") {
				t.Errorf("brief of a yearly store: %q, want the exceptions for 2024/25", out)
			}
			if out := mustRun(t, db, "flags", "--all", "--period", "2024/25"); !strings.Contains(out, "REF") {
				t.Errorf("flags --period 2024/25: %q", out)
			}
			if r := scorecard(t, db, "flags", "--period", "2024-Q4"); r.code != 2 || !strings.Contains(r.stderr, "financial year such as 2024/25") {
				t.Errorf("flags --period 2024-Q4 of a yearly store: exit %d, %q; want 2 naming its years", r.code, r.stderr)
			}
			pdf := filepath.Join(t.TempDir(), "pack.pdf")
			if out := mustRun(t, db, "export", "--out", pdf); !strings.Contains(out, "Kent, 2024/25:") {
				t.Errorf("export --out pack.pdf said %q, want the pack for 2024/25", out)
			}
			xlsx := filepath.Join(t.TempDir(), "scorecard.xlsx")
			r := scorecard(t, db, "export", "--out", xlsx, "--period", "2025")
			if r.code != 0 || !strings.Contains(r.stdout, "Kent, 2024/25:") || !strings.Contains(r.stderr, "note: --period 2025 read as 2024/25") {
				t.Errorf("export --period 2025 said %q and %q, want 2024/25 and a note on stderr of how 2025 was read", r.stdout, r.stderr)
			}
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Scorecard")
			if err != nil {
				t.Fatal(err)
			}
			if rows[0][0] != "Kent performance scorecard: 2024/25" {
				t.Errorf("title %q", rows[0][0])
			}
			header := rows[5]
			cla := filepath.Join(d.dir, "cla_number_and_rate_per_10k_children.csv")
			checks := []struct {
				ref, population, column string
				per                     float64 // for a rate: its count over its population, times per
			}{
				{"CIC01", "Children looked after on 31 March each year", "children_count", 0},
				{"CIC02", "Children looked after on 31 March each year", "rate_per_10000", 10000},
				{"CIC10", "Children starting to be looked after each year", "children_count", 0},
			}
			for _, c := range checks {
				published := kentFigures(t, cla, c.population, c.column)
				want := published
				if c.per > 0 {
					count := kentFigures(t, cla, c.population, "children_count")
					population := kentFigures(t, cla, c.population, "population_estimate")
					want = map[string]float64{}
					for y, n := range count {
						want[y] = n / population[y] * c.per
					}
				}
				r := 0
				for i, row := range rows {
					if len(row) > 0 && row[0] == c.ref {
						r = i + 1
					}
				}
				if r == 0 {
					t.Fatalf("no %s row on the scorecard", c.ref)
				}
				years := 0
				for i, label := range header {
					// The financial year 2024/25 is the DfE's reporting
					// year 2025.
					fy, err := app.ParsePeriod(label)
					if err != nil || fy.Kind != app.FinancialYear {
						continue
					}
					h := strconv.Itoa(fy.Year + 1)
					years++
					ref, _ := excelize.CoordinatesToCellName(i+1, r)
					raw, _ := f.GetCellValue("Scorecard", ref, excelize.Options{RawCellValue: true})
					w, ok := want[h]
					switch got, err := strconv.ParseFloat(raw, 64); {
					case !ok && raw != "":
						t.Errorf("%s %s: %q on the scorecard, no Kent row in the CSV", c.ref, h, raw)
					// A workbook holds 15 significant digits.
					case ok && (err != nil || math.Abs(got-w) > 1e-12*math.Abs(w)):
						t.Errorf("%s %s: %q on the scorecard, want %v (the CSV publishes %v)", c.ref, h, raw, w, published[h])
					case ok && math.Round(got) != published[h]:
						t.Errorf("%s %s: %q on the scorecard does not round to the %v the CSV publishes", c.ref, h, raw, published[h])
					}
				}
				if years != 12 || header[len(header)-1] == "" {
					t.Errorf("%s: %d year columns in %q, want the 12 to 2024/25", c.ref, years, header)
				}
			}
			// Kent's children looked after at 31 March 2025, as published.
			if want := kentFigures(t, cla, checks[0].population, "children_count")["2025"]; want != 1896 {
				t.Errorf("the CSV gives Kent %v children looked after at 31 March 2025, the DfE published 1,896", want)
			}
			if want := kentFigures(t, cla, checks[0].population, "rate_per_10000")["2025"]; want != 53 {
				t.Errorf("the CSV gives Kent a rate of %v per 10,000 at 31 March 2025, the DfE published 53", want)
			}
		})
	}
}

// A store of quarterly figures alone reports on its latest quarter, and
// flags and export take a quarter as --period.
func TestQuarterlyStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	csvPath := filepath.Join(t.TempDir(), "quarters.csv")
	var b strings.Builder
	b.WriteString("Ref,Period,Area,Value\n")
	for i, q := range []string{"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"} {
		b.WriteString("CIC05," + q + ",Kent," + strconv.Itoa(10+i) + "\n")
	}
	if err := os.WriteFile(csvPath, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csvPath)
	mustRun(t, db, "flags", "--period", "2024-Q4")
	out := mustRun(t, db, "export", "--out", filepath.Join(t.TempDir(), "q.xlsx"), "--period", "2024-Q4")
	if !strings.Contains(out, "Kent, Oct-Dec 2024:") {
		t.Errorf("export --period 2024-Q4 said %q", out)
	}
	// People read a quarter by its months, never "Q3 2024", which an
	// English council takes for its financial year's third quarter
	// (October to December); scripts read the contract's 2024-Q3.
	show := mustRun(t, db, "show", "CIC05")
	if !strings.Contains(show, "2024-Q3 (Jul-Sep 2024)") || strings.Contains(show, "Q3 2024") {
		t.Errorf("show names July to September 2024 ambiguously:\n%s", show)
	}
	if js := mustRun(t, db, "show", "CIC05", "--json"); !strings.Contains(js, `"period":"2024-Q3"`) && !strings.Contains(js, `"period": "2024-Q3"`) {
		t.Errorf("show --json lost the contract's 2024-Q3:\n%.400s", js)
	}
	if r := scorecard(t, db, "flags", "--period", "2024/25"); r.code != 2 || !strings.Contains(r.stderr, "quarter such as 2024-Q4") {
		t.Errorf("flags --period 2024/25 of a quarterly store: exit %d, %q; want 2 naming its quarters", r.code, r.stderr)
	}
}

// TestShowListsLongerPeriodsApart checks that show analyses a series at
// its shortest periods and lists each longer kind apart, analysed alone:
// years beside quarters had been dropped, and quarters and years beside
// months analysed as one series of quarters, the years dropped.
func TestShowListsLongerPeriodsApart(t *testing.T) {
	type point struct {
		Period string   `json:"period"`
		Value  *float64 `json:"value"`
	}
	periods := func(ps []point) string {
		var s []string
		for _, p := range ps {
			s = append(s, fmt.Sprintf("%s=%g", p.Period, *p.Value))
		}
		return strings.Join(s, " ")
	}
	years := "CIC01,2022/23,Kent,1800\nCIC01,2023/24,Kent,1750\n"
	quarters := "CIC01,2024-Q2,Kent,1700\nCIC01,2024-Q3,Kent,1690\n"
	months := "CIC01,2024-04,Kent,1705\nCIC01,2024-05,Kent,1702\n"
	for _, tc := range []struct {
		name, rows                string
		points, quarterly, annual string
	}{
		{"years and April", years + "CIC01,2024-04,Kent,1700\n", "2024-04=1700", "", "2022/23=1800 2023/24=1750"},
		{"years and quarters", years + quarters, "2024-Q2=1700 2024-Q3=1690", "", "2022/23=1800 2023/24=1750"},
		{"years, quarters and months", years + quarters + months, "2024-04=1705 2024-05=1702", "2024-Q2=1700 2024-Q3=1690", "2022/23=1800 2023/24=1750"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db, csvPath := filepath.Join(dir, "s.db"), filepath.Join(dir, "figures.csv")
			if err := os.WriteFile(csvPath, []byte("Ref,Period,Area,Value\n"+tc.rows), 0o600); err != nil {
				t.Fatal(err)
			}
			mustRun(t, db, "import", csvPath)
			var r struct{ Points, Quarterly, Annual []point }
			if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC01", "--json")), &r); err != nil {
				t.Fatal(err)
			}
			if got := [3]string{periods(r.Points), periods(r.Quarterly), periods(r.Annual)}; got != [3]string{tc.points, tc.quarterly, tc.annual} {
				t.Errorf("points, quarterly, annual = %q, want %q", got, [3]string{tc.points, tc.quarterly, tc.annual})
			}
			text := mustRun(t, db, "show", "CIC01")
			if strings.Contains(text, "Published quarterly figures:") != (tc.quarterly != "") || !strings.Contains(text, "Published annual figures:\nPERIOD") {
				t.Errorf("show's text lists the figures apart wrongly:\n%s", text)
			}
		})
	}
}

// TestEarlyMonthSaid: one indicator's figure for the next month makes
// that month the default of brief, flags and export, where the other
// indicators have none yet; each says so, and how to ask for the month
// before, rather than pass over its figures without a word.
func TestEarlyMonthSaid(t *testing.T) {
	dir := t.TempDir()
	db, csvPath := filepath.Join(dir, "s.db"), filepath.Join(dir, "early.csv")
	mustRun(t, db, "demo")
	latest := scorecard(t, db, "flags", "--json").stdout
	var flags []struct{ Period string }
	if err := json.Unmarshal([]byte(latest), &flags); err != nil || len(flags) == 0 {
		t.Fatalf("flags --json: %v %q", err, latest)
	}
	last, err := app.ParsePeriod(flags[0].Period)
	if err != nil {
		t.Fatal(err)
	}
	next := last.Add(1)
	if err := os.WriteFile(csvPath, []byte("Ref,Period,Area,Numerator,Denominator\nCIC05,"+next.String()+",Kent,230,1900\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csvPath)
	want := next.Label() + " has figures for 1 of the "
	for _, args := range [][]string{{"brief"}, {"flags"}, {"export", "--out", filepath.Join(dir, "e.xlsx")}} {
		r := scorecard(t, db, args...)
		if r.code != 0 || !strings.Contains(r.stdout+r.stderr, want) || !strings.Contains(r.stdout+r.stderr, last.Label()) {
			t.Errorf("%s: exit %d, said %q%q; want a note beginning %q", args[0], r.code, r.stdout, r.stderr, want)
		}
	}
	if r := scorecard(t, db, "brief", "--period", next.String()); strings.Contains(r.stderr, want) {
		t.Errorf("brief --period %s notes the shortfall of the period asked for: %q", next, r.stderr)
	}
}

// TestDfEReportingYearBesideMonths: the DfE's reporting year 2025 of
// children in care with 3+ placements (at 31 March 2025) imported beside
// a monthly scorecard to Sep-25 is the financial year 2024/25: it stands
// in Mar-25's column, not December's as "2025 (calendar year)"; it is
// the previous year's outturn; the benchmarks beside it are its year's;
// and flags does not call it after Sep-25.
func TestDfEReportingYearBesideMonths(t *testing.T) {
	dir := t.TempDir()
	db, book := filepath.Join(dir, "s.db"), filepath.Join(dir, "monthly.xlsx")
	f := excelize.NewFile()
	months := []string{}
	for m := app.MonthOf(2024, 4); m.Compare(app.MonthOf(2025, 9)) <= 0; m = m.Add(1) {
		months = append(months, m.Label())
	}
	header := append([]any{"Ref", "Indicator", "Polarity", "Data period"}, func() []any {
		var a []any
		for _, m := range months {
			a = append(a, m)
		}
		return a
	}()...)
	row := []any{"QY01", "Children remanded to youth detention", "L", "MS"}
	for i := range months {
		row = append(row, 10+i%3)
	}
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetSheetRow("Scorecard", "A1", &[]any{"Children's Services Scorecard - September 2025"})
	f.SetSheetRow("Scorecard", "A3", &header)
	f.SetSheetRow("Scorecard", "A4", &row)
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", book)
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "la_cla_placement_stability.csv"))
	// The workforce census (at 30 September) stays calendar years: its
	// 2025 is after Sep-25, so the benchmarks beside the row are those of
	// its latest year before (2021, in this extract of 2021 and 2025).
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "csww_indicators_2017_to_2025.csv"))

	// Not among the figures after Sep-25; said as the annual figure it
	// is, by its year, as the pack says it.
	fl := scorecard(t, db, "flags")
	for _, l := range strings.Split(fl.stderr, "\n") {
		if strings.HasPrefix(l, "note: figures after") && strings.Contains(l, "CIC05") {
			t.Errorf("flags: %q; CIC05's latest year ends in March 2025, before Sep-25", l)
		}
	}
	if want := "note: CIC05 Percentage of children in care with 3 or more placements in the year: annual: 2024/25 = 11.7%; next due Mar-26, so September 2025 has no figure, rating or direction of it.\n"; !strings.Contains(fl.stderr, want) {
		t.Errorf("flags: %q; want %q", fl.stderr, want)
	}
	out := filepath.Join(dir, "e.xlsx")
	mustRun(t, db, "export", "--out", out)
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Scorecard", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var head []string
	r := 0
	for i, rw := range rows {
		if len(rw) > 0 && rw[0] == "Ref" {
			head = rw
		}
		if len(rw) > 0 && rw[0] == "CIC05" {
			r = i
		}
	}
	if r == 0 || head == nil {
		t.Fatalf("no CIC05 row or heading on the scorecard: %q", rows)
	}
	want := 221.0 / 1896 // Kent at 31 March 2025, as a fraction of 1
	cells := map[string]string{}
	for i, h := range head {
		if i < len(rows[r]) && rows[r][i] != "" {
			cells[h] = rows[r][i]
		}
	}
	near := func(s string, w float64) bool {
		v, err := strconv.ParseFloat(s, 64)
		return err == nil && math.Abs(v-w) < 1e-12
	}
	if !near(cells["Mar-25"], want) || !near(cells["Previous year outturn"], want) {
		t.Errorf("CIC05: Mar-25 %q, previous year outturn %q; want both 221/1896 (%v), the year to 31 March 2025", cells["Mar-25"], cells["Previous year outturn"], want)
	}
	if v := cells["Dec-24"]; v != "" {
		t.Errorf("CIC05 Dec-24 = %q, want empty: no figure is for December", v)
	}
	if cells["Benchmark year"] != "2024/25" || !near(cells["England"], 0.10) {
		t.Errorf("CIC05 benchmarks: year %q, England %q; want 2024/25's 10%%", cells["Benchmark year"], cells["England"])
	}
	for i, rw := range rows {
		if len(rw) == 0 || rw[0] != "SCS05" {
			continue
		}
		cell := func(h string) string {
			if c := slices.Index(head, h); c >= 0 && c < len(rw) {
				return rw[c]
			}
			return ""
		}
		if cell("Benchmark year") != "2021" {
			t.Errorf("SCS05 (row %d): benchmark year %q; want 2021's, the year of its latest figure by Sep-25, not 2025's", i+1, cell("Benchmark year"))
		}
	}
	col := slices.Index(head, "Mar-25")
	name, _ := excelize.CoordinatesToCellName(col+1, r+1)
	if c, _ := x.GetComments("Scorecard"); !slices.ContainsFunc(c, func(c excelize.Comment) bool {
		return c.Cell == name && strings.Contains(c.Text, "2024/25 (financial year)")
	}) {
		t.Errorf("no note on %s saying the figure is 2024/25's (financial year): %+v", name, c)
	}
}

// TestCalendarDfEYearsNoted: a store a DfE file was imported into before
// a reporting year was filed as the year it covers holds children in
// care at 31 March as calendar years; reading commands say which import,
// and how to re-file them, but not of the workforce census, whose
// calendar years are still how it is filed.
func TestCalendarDfEYearsNoted(t *testing.T) {
	db := filepath.Join(t.TempDir(), "old.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	cy := func(y int) app.Period { return app.Period{Kind: app.CalendarYear, Year: y} }
	ds := func(ref string) *app.Dataset {
		return &app.Dataset{
			Indicators: []app.Indicator{{Ref: ref, Name: ref + " measure", Unit: app.Percent, Polarity: app.LowerBetter}},
			Observations: []app.Observation{
				{Ref: ref, Area: app.Kent, Period: cy(2024), Value: app.Float(11.2)},
				{Ref: ref, Area: app.Kent, Period: cy(2025), Value: app.Float(11.7)},
			},
		}
	}
	for _, imp := range []struct {
		name, ref string
	}{{"la_cla_placement_stability.csv", dfe.RefCICPlacements}, {"csww_indicators_2017_to_2025.csv", dfe.RefSWTurnover}} {
		if _, err := st.Import(store.Source{Name: imp.name, Kind: "csv", SHA256: imp.name, Note: dfe.Format}, ds(imp.ref)); err != nil {
			t.Fatal(err)
		}
	}
	// A district's monthly figures of the same indicator, from a
	// scorecard: show of the district says what the store holds of the
	// indicator as the commands reading the whole store do.
	district := &app.Dataset{
		Indicators:   []app.Indicator{{Ref: dfe.RefCICPlacements, Name: dfe.RefCICPlacements + " measure", Unit: app.Percent, Polarity: app.LowerBetter}},
		Observations: []app.Observation{{Ref: dfe.RefCICPlacements, Area: "Ashford", Period: app.MonthOf(2025, 3), Value: app.Float(9.4)}},
	}
	if _, err := st.Import(store.Source{Name: "scorecard.xlsx", Kind: "workbook", SHA256: "scorecard"}, district); err != nil {
		t.Fatal(err)
	}
	st.Close()
	want := "note: I0001 (la_cla_placement_stability.csv) holds the DfE's reporting years 2024 to 2025 of CIC05 as calendar years"
	for _, args := range [][]string{{"flags"}, {"show", "CIC05"}, {"show", "CIC05", "--area", "Ashford"}, {"export", "--out", filepath.Join(t.TempDir(), "e.xlsx")}} {
		r := scorecard(t, db, args...)
		if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "scorecard undo I0001") || strings.Contains(r.stderr, "I0002") {
			t.Errorf("%v said %q; want %q and how to re-file, and nothing of I0002 (the workforce census)", args, r.stderr, want)
		}
	}
	if !slices.ContainsFunc(importer.Formats, func(f importer.Format) bool { return f.Name == dfe.Format }) {
		t.Errorf("no import format is named %q, the name DfE imports are noted by", dfe.Format)
	}
}

// TestShowYearToDate: show of a year-to-date count says that its DOT and
// CHANGE are against the same month last year: Sep-25's 18 (3 a month)
// against Sep-24's 30 (5 a month) is 12 fewer, improved. Given by quarter
// (QA23b D3), against the same quarter: Apr-Jun 2025's 12 against Apr-Jun
// 2024's 10 is 2 more, worsened, not 38 fewer than Jan-Mar's 50.
func TestShowYearToDate(t *testing.T) {
	var months, monthly []any
	for i, m := 0, app.MonthOf(2024, 4); i < 18; i, m = i+1, m.Add(1) {
		months = append(months, m.Label())
		if i < 12 {
			monthly = append(monthly, 5*(i+1))
		} else {
			monthly = append(monthly, 3*(i-11))
		}
	}
	tests := []struct {
		name    string
		periods []any
		figures []any
		line    string // show's line for the point
		note    string
	}{
		{"months", months, monthly, `(?m)^2025-09\s+18\s.*improved\s+-12 count\s+not charted`, "DOT and CHANGE are against the same month last year"},
		{"quarters", []any{"Apr-Jun 2024", "Jul-Sep 2024", "Oct-Dec 2024", "Jan-Mar 2025", "Apr-Jun 2025", "Jul-Sep 2025"}, []any{10, 25, 38, 50, 12, 27},
			`(?m)^2025-Q2 \(Apr-Jun 2025\)\s+12\s.*worsened\s+2 count\s+not charted`, "DOT and CHANGE are against the same quarter last year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db, book := filepath.Join(dir, "s.db"), filepath.Join(dir, "ytd.xlsx")
			f := excelize.NewFile()
			header := append([]any{"Ref", "Indicator", "Polarity", "Data period"}, tt.periods...)
			row := append([]any{"QY01", "Children remanded to youth detention (year to date)", "L", "YTD"}, tt.figures...)
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &header)
			f.SetSheetRow("Scorecard", "A2", &row)
			if err := f.SaveAs(book); err != nil {
				t.Fatal(err)
			}
			mustRun(t, db, "import", book)
			out := mustRun(t, db, "show", "QY01")
			if !regexp.MustCompile(tt.line).MatchString(out) || !strings.Contains(out, tt.note) {
				t.Errorf("show QY01:\n%s\nwant %s and the footnote %q", out, tt.line, tt.note)
			}
		})
	}
}
