package importer

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
)

// TestYearTables: LAIT's sheets (one indicator, authorities as rows,
// years across) and ChAT's turned tables (years down, areas across) are
// read as the DfE's file is: the store's authority's figures as its own
// of each year, England's, its region's and its neighbours' as
// benchmarks of those years, another authority's not at all, said once;
// the indicator known by the title, or filed under the store's Ref of
// that name. They had been refused as "reference data" or "no header
// row found" (QA27b 8).
func TestYearTables(t *testing.T) {
	lait := [][]any{
		{"Children looked after at 31 March per 10,000 children aged under 18"},
		{"Source: DfE LAIT"},
		{},
		{"LA code", "Local Authority", "2022", "2023", "2024"},
		{383, "Leeds", 80, 78, 76},
		{380, "Bradford", 96, 94, 92},
		{381, "Calderdale", 70, 71, 72},
		{},
		{nil, "England", 70, 71, 70},
		{nil, "Yorkshire and The Humber", 82, 80, 79},
		{nil, "North West", 90, 91, 92},
		{nil, "North East", 95, 96, 97},
		{nil, "Shire counties", 60, 61, 62},
		{nil, "Statistical neighbours", 91, 90, 89},
	}
	lait2 := [][]any{
		{"Children looked after rate per 10,000 children aged under 18"},
		{},
		{"Area", "2022-23", "2023-24"},
		{"Leeds", 80, 78},
		{"England", 71, 70},
		{"Statistical Neighbour average", 89, 88},
	}
	chat := [][]any{
		{"Children looked after rate per 10,000 children aged under 18"},
		{},
		{"Year", "Leeds", "Statistical neighbours", "England"},
		{"2022-23", 80, 89, 71},
		{"2023-24", 78, 88, 70},
		{"Note: 2024-25 not yet published", 1},
	}
	untitled := [][]any{
		{"Area", "2022-23", "2023-24"},
		{"Leeds", 80, 78},
		{"England", 71, 70},
	}
	stored := []app.Indicator{{Ref: "CLA", Name: "Children looked after rate per 10,000 children aged under 18"}}
	tests := []struct {
		name    string
		rows    [][]any
		store   []app.Indicator
		obs     []string // "REF period value", sorted
		bench   []string // "REF group period value", sorted
		warns   []cellWarn
		refused string
	}{
		{"LAIT: authorities down, calendar years across", lait, nil,
			[]string{"CLA3MP-4501 2021/22 80", "CLA3MP-4501 2022/23 78", "CLA3MP-4501 2023/24 76"},
			[]string{"CLA3MP-4501 England 2021/22 70", "CLA3MP-4501 England 2022/23 71", "CLA3MP-4501 England 2023/24 70",
				"CLA3MP-4501 Statistical neighbours 2021/22 91", "CLA3MP-4501 Statistical neighbours 2022/23 90", "CLA3MP-4501 Statistical neighbours 2023/24 89",
				"CLA3MP-4501 Yorkshire and The Humber 2021/22 82", "CLA3MP-4501 Yorkshire and The Humber 2022/23 80", "CLA3MP-4501 Yorkshire and The Humber 2023/24 79"},
			[]cellWarn{
				{"A1", `authorities as rows, years across (LAIT's): CLA3MP-4501 "Children looked after at 31 March per 10,000 children aged under 18", known by its title (no Ref), Leeds's figures as its own`},
				{"A4", `column A "LA code" not read`},
				{"C4", `"2022" names the calendar year 2022, not a financial or academic year: read as 2021/22, the year ending in it`},
				{"B6", `2 other authorities' rows not read, the first here: their figures are not Leeds's`},
				{"B11", `"North West", "North East" not read, the first here: other regions' figures than Leeds's (Yorkshire and The Humber), not benchmarks`},
				{"B13", `"Shire counties" not read: neither Leeds, England, its region (Yorkshire and The Humber) nor its statistical neighbours`},
			}, ""},
		{"LAIT: years named, the neighbours' average", lait2, nil,
			[]string{"CLARP1-6391 2022/23 80", "CLARP1-6391 2023/24 78"},
			[]string{"CLARP1-6391 England 2022/23 71", "CLARP1-6391 England 2023/24 70",
				"CLARP1-6391 Statistical neighbours 2022/23 89", "CLARP1-6391 Statistical neighbours 2023/24 88"},
			[]cellWarn{{"A1", "authorities as rows, years across (LAIT's)"}}, ""},
		{"ChAT turned: years down, the store's name", chat, stored,
			[]string{"CLA 2022/23 80", "CLA 2023/24 78"},
			[]string{"CLA England 2022/23 71", "CLA England 2023/24 70",
				"CLA Statistical neighbours 2022/23 89", "CLA Statistical neighbours 2023/24 88"},
			[]cellWarn{
				{"A1", `filed under CLA, the indicator of the same name in the store`},
				{"A1", `years down, areas across (ChAT's): CLA (the Ref of the same name in the store)`},
				{"A6", `row 6 not read: "Note: 2024-25 not yet published" in column A is not a year`},
			}, ""},
		{"no title or sheet's name to name the indicator", untitled, nil, nil, nil, nil,
			`Data!A1: a table of areas and years with no title above it, on a sheet whose name "Data" names no indicator: write the indicator's name in the cell above the table`},
		{"no title: the sheet's name", untitled, nil,
			[]string{"CP10-3391 2022/23 80", "CP10-3391 2023/24 78"},
			[]string{"CP10-3391 England 2022/23 71", "CP10-3391 England 2023/24 70"},
			[]cellWarn{{"A1", `authorities as rows, years across (LAIT's): CP10-3391 "CLA per 10,000", known by its sheet's name (no Ref)`}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := "Data"
			if strings.Contains(tt.name, "the sheet's name") {
				sheet = "CLA per 10,000"
			}
			res, err := Read(context.Background(), writeBook(t, sheet, tt.rows), Options{Authority: lookup(t, "Leeds"), Indicators: tt.store})
			if tt.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("got %v, want refused: %s", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkYearTable(t, res, tt.obs, tt.bench, tt.warns)
			if len(res.Warnings) != len(tt.warns) {
				t.Errorf("%d warnings, want %d: %v", len(res.Warnings), len(tt.warns), res.Warnings)
			}
		})
	}
}

// cellWarn is a warning a test expects: at its cell, saying says.
type cellWarn struct{ cell, says string }

// checkYearTable asserts a year table's reading: the authority's figures
// (Leeds's only) and the benchmarks, each as "REF PERIOD VALUE" in any
// order, and each warning expected said at its cell.
func checkYearTable(t *testing.T, res *Result, obs, bench []string, warns []cellWarn) {
	t.Helper()
	checkAreaYears(t, res, "Leeds", obs, bench, warns)
}

// checkAreaYears is checkYearTable for the store's authority area.
func checkAreaYears(t *testing.T, res *Result, area app.Area, obs, bench []string, warns []cellWarn) {
	t.Helper()
	var gotObs, gotBench []string
	for _, o := range res.Dataset.Observations {
		if o.Area != area || o.Value == nil {
			t.Errorf("figure %+v: not %s's", o, area)
			continue
		}
		gotObs = append(gotObs, fmt.Sprintf("%s %s %s", o.Ref, o.Period, strconv.FormatFloat(*o.Value, 'g', -1, 64)))
	}
	for _, b := range res.Dataset.Benchmarks {
		gotBench = append(gotBench, fmt.Sprintf("%s %s %s %s", b.Ref, b.Group, b.Period, strconv.FormatFloat(*b.Value, 'g', -1, 64)))
	}
	slices.Sort(gotObs)
	slices.Sort(gotBench)
	if strings.Join(gotObs, "|") != strings.Join(obs, "|") {
		t.Errorf("figures\n got %v\nwant %v", gotObs, obs)
	}
	if strings.Join(gotBench, "|") != strings.Join(bench, "|") {
		t.Errorf("benchmarks\n got %v\nwant %v", gotBench, bench)
	}
	for _, w := range warns {
		if !slices.ContainsFunc(res.Warnings, func(g app.Warning) bool { return g.Cell == w.cell && strings.Contains(g.Message, w.says) }) {
			t.Errorf("not said at %s: %s\n%v", w.cell, w.says, res.Warnings)
		}
	}
}

// TestYearTableHeldAcademic: a LAIT or ChAT table's years, for an
// indicator the store knows as academic-year only from its periods (a
// tidy CSV's "2022/23AY"; its definition names no year type), had been
// filed as financial years beside the held AY figure of the same year
// (QA29 7, s14). They are read as academic years, said at the title;
// held financial years, or none, leave them financial.
func TestYearTableHeldAcademic(t *testing.T) {
	const name = "Percentage of pupils meeting the expected standard in RWM at KS2"
	lait := [][]any{{name}, {}, {"Area", "2023", "2024"}, {"Leeds", 58.5, 59.1}, {"England", 59, 61}}
	chat := [][]any{{name}, {}, {"Year", "Leeds", "England"}, {"2022-23", 58.5, 59}, {"2023-24", 59.1, 61}}
	held := func(kind app.PeriodKind) func(string) []app.Observation {
		return func(ref string) []app.Observation {
			if ref != "ED03" {
				return nil
			}
			return []app.Observation{{Ref: ref, Area: "Leeds", Period: app.Period{Kind: kind, Year: 2022}, Value: app.Float(58.5)}}
		}
	}
	ay := []string{"ED03 2022/23AY 58.5", "ED03 2023/24AY 59.1"}
	fy := []string{"ED03 2022/23 58.5", "ED03 2023/24 59.1"}
	const said = "ED03: its years are read as academic years, as the store holds its one figure by academic year only"
	tests := []struct {
		name string
		rows [][]any
		held func(string) []app.Observation
		obs  []string
		said bool
	}{
		{"LAIT, held by academic year", lait, held(app.AcademicYear), ay, true},
		{"ChAT turned, held by academic year", chat, held(app.AcademicYear), ay, true},
		{"LAIT, held by financial year", lait, held(app.FinancialYear), fy, false},
		{"LAIT, nothing held", lait, nil, fy, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Data", tt.rows), Options{Authority: lookup(t, "Leeds"),
				Indicators: []app.Indicator{{Ref: "ED03", Name: name, Unit: app.Percent}}, Held: tt.held})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, fmt.Sprintf("%s %s %s", o.Ref, o.Period, strconv.FormatFloat(*o.Value, 'g', -1, 64)))
			}
			slices.Sort(got)
			if strings.Join(got, "|") != strings.Join(tt.obs, "|") {
				t.Errorf("figures %v, want %v", got, tt.obs)
			}
			if n := len(warnedAt(res, "Data", "A1")); tt.said != slices.ContainsFunc(res.Warnings, func(w app.Warning) bool { return w.Cell == "A1" && strings.HasPrefix(w.Message, said) }) {
				t.Errorf("said at A1 (%d warnings): %v; want said %v: %s", n, res.Warnings, tt.said, said)
			}
		})
	}
}

// TestYearTableTitleSpan: LAIT titles a download by the years it spans,
// "(2014-2024)", and next year's "(2015-2025)"; known by the whole title,
// each download had started an indicator of its own. The span is left
// out of the name, said at the title, so both downloads make one ref; a
// title whose years are no span of two years keeps them.
func TestYearTableTitleSpan(t *testing.T) {
	const bare = "Children looked after rate per 10,000 children aged under 18"
	tests := []struct {
		title, name, span string
	}{
		{bare + " (2014-2024)", bare, "(2014-2024)"},
		{bare + " (2015-2025)", bare, "(2015-2025)"},
		{bare + " [2015 to 2025]", bare, "[2015 to 2025]"},
		{bare + ": 2014/15 - 2023/24", bare, "2014/15 - 2023/24"},
		{bare + " (2014-15 to 2023-24)", bare, "(2014-15 to 2023-24)"},
		{bare, bare, ""},
		{"Care leavers aged 19-21 in touch (%)", "Care leavers aged 19-21 in touch (%)", ""},
		{"Children in care (2014-2024", "Children in care (2014-2024", ""},
		{"Pupils in 2023/24", "Pupils in 2023/24", ""},
	}
	refs := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if name, span, ok := cutTitleSpan(tt.title); name != tt.name || span != tt.span || ok != (tt.span != "") {
				t.Errorf("cutTitleSpan = %q, %q, %v; want %q, %q", name, span, ok, tt.name, tt.span)
			}
			if !strings.HasPrefix(tt.title, bare+" (") {
				return
			}
			res, err := Read(context.Background(), writeBook(t, "CLA rate", [][]any{
				{tt.title}, {}, {"LA code", "LA name", "2023", "2024"},
				{383, "Leeds", 80, 78}, {nil, "England", 71, 70}}), Options{Authority: lookup(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range res.Dataset.Indicators {
				refs[ind.Ref] = true
				if ind.Name != bare {
					t.Errorf("%s named %q, want %q", ind.Ref, ind.Name, bare)
				}
			}
			checkYearTable(t, res, []string{"CLARP1-6391 2022/23 80", "CLARP1-6391 2023/24 78"},
				[]string{"CLARP1-6391 England 2022/23 71", "CLARP1-6391 England 2023/24 70"},
				[]cellWarn{{"A1", fmt.Sprintf("%q: the years %s at its end are the download's span, not the indicator's name: known as %q", tt.title, tt.span, bare)}})
		})
	}
	if len(refs) != 1 {
		t.Errorf("the downloads made the refs %v, want one", slices.Sorted(maps.Keys(refs)))
	}
}
