package export

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestYearInAnotherKindsColumn: an academic year's figure on a scorecard
// of quarters or of financial years stands in one column, with its
// figure, rating and direction, and a note saying which year it is and
// why it stands there (QA23b D1: on a quarterly scorecard the 2024/25 AY
// figure, RED and worsened, was in no column; D2: on a scorecard of
// financial years each academic year stood a column late, under the
// financial year it ends in, and the latest in none).
func TestYearInAnotherKindsColumn(t *testing.T) {
	quarters := [][]any{
		{"Leeds City Council Children and Families Performance Scorecard - Q2 2025/26"},
		{"Data to the end of September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Target 2025/26", "Floor 2025/26",
			"Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25", "Q1 2025/26", "Q2 2025/26"},
		{"LCF02", "Re-referrals to children's social care within 12 months (%)", "L", "Q", 20, 24, 22.0, 21.5, 23.1, 20.0, 19.5, 24.5},
	}
	leedsYears := [][]any{
		{"Leeds City Council Children and Families annual measures"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Year type", "Target 2024/25", "Floor 2024/25",
			"2020/21", "2021/22", "2022/23", "2023/24", "2024/25"},
		{"LCA01", "Children in care persistently absent from school (%)", "L", "A", "Academic", 15, 20, 18.0, 17.0, 19.5, 16.0, 21.0},
	}
	camdenYears := [][]any{
		{"London Borough of Camden - Children and Learning annual performance scorecard 2024/25"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Year type", "Target 2024/25", "Floor 2024/25",
			"2020-21", "2021-22", "2022-23", "2023-24", "2024-25"},
		{"CAM02", "Care leavers aged 19-21 in education, employment or training (%)", "H", "A", "Financial", 60, 55, 55.0, 58.0, 62.0, 57.0, 54.0},
		{"CAM03", "Key stage 4 attainment 8 of children in care", "H", "A", "Academic", 25, 20, 22.0, 21.0, 24.0, 26.0, 19.0},
	}
	type cellWant struct {
		column string // the Scorecard's heading
		value  string // as Excel shows it; "" for an empty cell
		note   string // words its note must hold; "" for none asked
	}
	tests := []struct {
		name      string
		authority string
		books     [][][]any
		ref       string
		cells     []cellWant
	}{
		{"an academic year in the quarter it ends in", "Leeds", [][][]any{quarters, leedsYears}, "LCA01", []cellWant{
			{"Jul-Sep 2025", "21.0%", "The figure for 2024/25 AY (academic year, to 31 August 2025), shown in the quarter it ends in."},
			{"Jul-Sep 2024", "16.0%", "The figure for 2023/24 AY (academic year, to 31 August 2024)"},
			{"Apr-Jun 2025", "", ""},
			{"RAG", "RED", ""},
			{"DoT", "↑ worsened", ""},
			{"Change", "+5.0 pp", ""},
			{"Target", "15.0%", ""},
		}},
		{"an academic year in the financial year of its name", "Camden", [][][]any{camdenYears}, "CAM03", []cellWant{
			{"2024/25", "19", "The figure for 2024/25 AY (academic year, September 2024 to August 2025), shown in the financial year of the same name."},
			{"2023/24", "26", "The figure for 2023/24 AY"},
			{"RAG", "RED", ""},
			{"DoT", "↓ worsened", ""},
			{"Change", "−7", ""},
			{"Target", "25", ""},
			{"Floor", "20", ""},
			{"Previous year outturn", "26", ""},
		}},
		{"a financial year beside it, in its own column", "Camden", [][][]any{camdenYears}, "CAM02", []cellWant{
			{"2024/25", "54%", ""},
			{"RAG", "RED", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth, ok := app.LookupAuthority(tt.authority)
			if !ok {
				t.Fatalf("no authority %s", tt.authority)
			}
			var paths []string
			for _, rows := range tt.books {
				paths = append(paths, sheetWorkbook(t, t.TempDir(), "Scorecard", rows))
			}
			h := storeFor(t, auth, paths...)
			f, _ := written(t, h, Options{Authority: auth, Area: auth.Area(), Produced: produced, AppVersion: "1.0-test"}, false)
			r := sheetRow(t, f, ScorecardSheet, tt.ref)
			for _, c := range tt.cells {
				at := cell(headerCol(t, f, c.column), r)
				if got, _ := f.GetCellValue(ScorecardSheet, at); got != c.value {
					t.Errorf("%s under %q (%s) = %q, want %q", tt.ref, c.column, at, got, c.value)
				}
				if c.note != "" && !hasComment(f, ScorecardSheet, at, c.note) {
					t.Errorf("%s under %q (%s): no note saying %q", tt.ref, c.column, at, c.note)
				}
				if c.note == "" && c.value == "" && hasComment(f, ScorecardSheet, at, "") {
					t.Errorf("%s under %q (%s): a note on an empty cell", tt.ref, c.column, at)
				}
			}
			// The Trend sheet's row shows the latest figure too.
			latest := tt.cells[0]
			rows, err := f.GetRows(TrendSheet)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, row := range rows {
				if len(row) > 0 && row[0] == tt.ref {
					found = slices.Contains(row, latest.value)
					break
				}
			}
			if !found {
				t.Errorf("%s's row on the Trend sheet has no %s", tt.ref, latest.value)
			}
		})
	}
}

// TestQuartersBeforeMonths: an indicator given by quarter, then by
// month, keeps its quarters on the monthly scorecard, each in the month
// it ends with the note every quarter there has, on the Scorecard and
// Trend sheets (QA23b D7: the quarters, last quarter's RED among them,
// vanished from both with no note once its months began).
func TestQuartersBeforeMonths(t *testing.T) {
	quarters := [][]any{
		{"Leeds City Council Children and Families Performance Scorecard - Q2 2025/26"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Target 2025/26", "Floor 2025/26",
			"Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25", "Q1 2025/26", "Q2 2025/26"},
		{"LCF01", "Number of children looked after", "-", "Q", nil, nil, 1350, 1340, 1335, 1320, 1310, 1300},
		{"LCF02", "Re-referrals to children's social care within 12 months (%)", "L", "Q", 20, 24, 22.0, 21.5, 23.1, 20.0, 19.5, 24.5},
	}
	months := [][]any{
		{"Leeds City Council Children and Families Performance Scorecard - November 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Target 2025/26", "Floor 2025/26", "Oct-25", "Nov-25"},
		{"LCF02", "Re-referrals to children's social care within 12 months (%)", "L", "Q", 20, 24, 24.0, 23.0},
	}
	tests := []struct {
		ref, column, value, note string // value as the cell holds it
	}{
		{"LCF02", "Sep-25", "0.245", "The figure for Jul-Sep 2025 (quarter), shown in the month it ends."},
		{"LCF02", "Jun-25", "0.195", "The figure for Apr-Jun 2025 (quarter), shown in the month it ends."},
		{"LCF02", "Dec-24", "0.231", "The figure for Oct-Dec 2024 (quarter), shown in the month it ends."},
		{"LCF02", "Aug-25", "", ""},
		{"LCF02", "Oct-25", "0.24", ""},
		{"LCF02", "Nov-25", "0.23", ""},
		// A quarterly indicator beside it, as it was.
		{"LCF01", "Sep-25", "1300", "The figure for Jul-Sep 2025 (quarter), shown in the month it ends."},
	}
	leeds, ok := app.LookupAuthority("Leeds")
	if !ok {
		t.Fatal("no authority Leeds")
	}
	h := storeFor(t, leeds, sheetWorkbook(t, t.TempDir(), "Scorecard", quarters), sheetWorkbook(t, t.TempDir(), "Scorecard", months))
	f, _ := written(t, h, Options{Authority: leeds, Area: leeds.Area(), Produced: produced, AppVersion: "1.0-test"}, false)
	trendRows, err := f.GetRows(TrendSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.ref+" "+tt.column, func(t *testing.T) {
			at := cell(headerCol(t, f, tt.column), sheetRow(t, f, ScorecardSheet, tt.ref))
			if got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true}); got != tt.value {
				t.Errorf("%s under %q (%s) = %q, want %q", tt.ref, tt.column, at, got, tt.value)
			}
			if tt.note != "" && !hasComment(f, ScorecardSheet, at, tt.note) {
				t.Errorf("%s under %q (%s): no note saying %q", tt.ref, tt.column, at, tt.note)
			}
			if tt.note == "" && hasComment(f, ScorecardSheet, at, "") {
				t.Errorf("%s under %q (%s): a note, where none is due", tt.ref, tt.column, at)
			}
			if tt.value == "" {
				return
			}
			for _, row := range trendRows {
				if len(row) > 0 && row[0] == tt.ref {
					if !slices.Contains(row, tt.value) {
						t.Errorf("%s's row on the Trend sheet %q has no %s", tt.ref, row, tt.value)
					}
					return
				}
			}
			t.Errorf("no row for %s on the Trend sheet", tt.ref)
		})
	}
}

// TestExportNotesFiguresAfter: an export of the latest period says, as
// flags and brief do, which figures end after it and are in no column
// (QA23b D2: export said nothing), and not of a year its column shows
// (2024/25 AY in 2024/25), whether it reads the store whole or an
// indicator at a time; both name the indicators in scorecard order.
func TestExportNotesFiguresAfter(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	tests := []struct {
		name    string
		figures map[string][]app.Period
		order   []string // the indicators' definitions in order; by ref where nil
		want    string   // the note; "" for none
	}{
		{"a quarter after the last month", map[string][]app.Period{
			"CIC01": {app.MonthOf(2025, 2), app.MonthOf(2025, 3)},
			"CIC02": {{Kind: app.Quarter, Year: 2025, N: 1}, {Kind: app.Quarter, Year: 2025, N: 2}},
		}, nil, "figures after Mar-25 are not in this month's scorecard: CIC02 Apr-Jun 2025; scorecard show REF gives them"},
		{"quarters after the last month, in scorecard order", map[string][]app.Period{
			"CIC01": {app.MonthOf(2025, 2), app.MonthOf(2025, 3)},
			"CIC09": {{Kind: app.Quarter, Year: 2025, N: 1}, {Kind: app.Quarter, Year: 2025, N: 2}},
			"CIC02": {{Kind: app.Quarter, Year: 2025, N: 2}},
		}, []string{"CIC01", "CIC09", "CIC02"}, "figures after Mar-25 are not in this month's scorecard: CIC09 Apr-Jun 2025, CIC02 Apr-Jun 2025; scorecard show REF gives them"},
		{"an academic year in the financial year of its name", map[string][]app.Period{
			"CIC01": {fy(2023), fy(2024)},
			"KS401": {ay(2023), ay(2024)},
		}, nil, ""},
		{"an academic year after it", map[string][]app.Period{
			"CIC01": {fy(2023), fy(2024)},
			"KS401": {ay(2024), ay(2025)},
		}, nil, "figures after 2024/25 are not in this financial year's scorecard: KS401 2025/26 AY; scorecard show REF gives them"},
	}
	for _, tt := range tests {
		for _, streamed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, streamed %v", tt.name, streamed), func(t *testing.T) {
				h := app.NewHistory()
				d := &app.Dataset{}
				order := tt.order
				if order == nil {
					order = slices.Sorted(maps.Keys(tt.figures))
				}
				for _, ref := range order {
					ind := app.Indicator{Ref: ref, Name: ref + " measure", Unit: app.Number}
					if ref == "KS401" {
						ind.YearType = app.AcademicYear
					}
					d.Indicators = append(d.Indicators, ind)
					for _, p := range tt.figures[ref] {
						d.Observations = append(d.Observations, app.Observation{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(10)})
					}
				}
				h.Apply(d, "I0001")
				_, sum := written(t, h, Options{Produced: produced, AppVersion: "1.0-test"}, streamed)
				var after []string
				for _, n := range sum.Notes {
					if strings.HasPrefix(n, "figures after") {
						after = append(after, n)
					}
				}
				if tt.want == "" && len(after) > 0 || tt.want != "" && !slices.Equal(after, []string{tt.want}) {
					t.Errorf("notes %q, want %q alone", sum.Notes, tt.want)
				}
			})
		}
	}
}
