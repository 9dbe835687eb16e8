package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// guessSheet is a one-sheet workbook for the guessed-heading tests: rows
// above the header (a title), the header, then indicator rows.
type guessSheet struct {
	sheet string
	above [][]any
	head  []any
	rows  [][]any
}

// read writes the sheet and reads it, returning the figures filed for
// ref as "period=value", in period order, and the result.
func (gs guessSheet) read(t *testing.T, ref string) ([]string, *Result) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", gs.sheet)
	r := 1
	for _, row := range append(append(slices.Clone(gs.above), gs.head), gs.rows...) {
		f.SetSheetRow(gs.sheet, fmt.Sprintf("A%d", r), &row)
		r++
	}
	res := readFile(t, f)
	var got []string
	for _, o := range res.Dataset.Observations {
		if o.Ref == ref && o.Value != nil {
			got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
		}
	}
	slices.Sort(got)
	return got, res
}

// check reads the sheet for each ref of want and checks its figures
// ("[period=value ...]"), then the warnings at the cells of warned
// (checkWarned) and none at the cells of quiet.
func (gs guessSheet) check(t *testing.T, want map[string]string, warned map[string][]string, quiet []string) {
	t.Helper()
	var res *Result
	for ref, w := range want {
		var got []string
		got, res = gs.read(t, ref)
		if fmt.Sprint(got) != w {
			t.Errorf("%s's figures %v, want %s", ref, got, w)
		}
	}
	checkWarned(t, res, gs.sheet, warned)
	for _, cell := range quiet {
		if w := warnedAt(res, gs.sheet, cell); len(w) > 0 {
			t.Errorf("warned at %s %q, want nothing", cell, w)
		}
	}
}

// checkWarned checks that each cell's warnings include one with every
// part of want, and that cells not in want have none naming a guess.
func checkWarned(t *testing.T, res *Result, sheet string, want map[string][]string) {
	t.Helper()
	for cell, parts := range want {
		found := false
		for _, w := range warnedAt(res, sheet, cell) {
			if !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(w, p) }) {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning at %s!%s with %q; there: %q", sheet, cell, parts, warnedAt(res, sheet, cell))
		}
	}
}

// TestRelativeHeadings: "Previous month | Current month | Same month last
// year" under a dated title were each refused as a heading not known,
// and the import stored no figure. They are dated from the title's
// month (or as-at date, or the sheet's name), said at each heading with
// where the date came from; with nothing to date them, still refused,
// saying why.
func TestRelativeHeadings(t *testing.T) {
	rel := []any{"Ref", "Indicator", "Polarity", "Same month last year", "Previous month", "Current month"}
	rows := [][]any{{"RL01", "Re-referral rate (%)", "L", 23.0, 21.0, 20.1}}
	tests := []struct {
		name   string
		sheet  string
		above  [][]any
		head   []any
		want   []string
		warned map[string][]string // by cell, the parts of one warning there
	}{
		{"a dated title", "Summary", [][]any{{"Performance summary - March 2025"}, {}}, rel,
			[]string{"2024-03=23", "2025-02=21", "2025-03=20.1"},
			map[string][]string{
				"D3": {`column D "Same month last year" read as Mar-24`, "a year before Mar-25", `the title "Performance summary - March 2025" at A1`},
				"E3": {`column E "Previous month" read as Feb-25`, "the month before Mar-25", "at A1"},
				"F3": {`column F "Current month" read as Mar-25`, "the report's month", "at A1"},
			}},
		{"the sheet's name", "March 2025", nil, rel,
			[]string{"2024-03=23", "2025-02=21", "2025-03=20.1"},
			map[string][]string{"F1": {"read as Mar-25", `the sheet's name "March 2025"`}}},
		{"an as-at date", "Summary", [][]any{{"Data as at 30/04/2025"}}, rel,
			[]string{"2024-04=23", "2025-03=21", "2025-04=20.1"},
			map[string][]string{"E2": {"read as Mar-25", "the month before Apr-25", "the date 30/04/2025 at A1"}}},
		{"a title's production date passed over", "Summary", [][]any{{"Produced 5 April 2025: figures for March 2025"}}, rel,
			[]string{"2024-03=23", "2025-02=21", "2025-03=20.1"},
			map[string][]string{"F2": {"read as Mar-25", `the title "Produced 5 April 2025: figures for March 2025" at A1`}}},
		{"other wordings", "Summary", [][]any{{"CSC scorecard: January 2025"}},
			[]any{"Ref", "Indicator", "Polarity", "Same period last year", "Last month", "This month (%)"},
			[]string{"2024-01=23", "2024-12=21", "2025-01=20.1"},
			map[string][]string{"D2": {"read as Jan-24"}, "E2": {"read as Dec-24"}, "F2": {"read as Jan-25"}}},
		{"quarters under a quarter's title", "Summary", [][]any{{"Quarterly report Q4 2024/25"}},
			[]any{"Ref", "Indicator", "Polarity", "Same quarter last year", "Previous quarter", "Current quarter"},
			[]string{"2024-Q1=23", "2024-Q4=21", "2025-Q1=20.1"},
			map[string][]string{"E2": {"read as Oct-Dec 2024", "the quarter before Jan-Mar 2025"}}},
		{"no date anywhere", "Summary", [][]any{{"Performance summary"}}, rel, nil,
			map[string][]string{
				"D2": {`column D "Same month last year" not read`, "neither the title rows nor the sheet's name give the report's month"},
				"F2": {`column F "Current month" not read`, "head it with its month"},
			}},
		{"a title naming a year", "Summary", [][]any{{"Outturns 2024/25"}}, rel, nil,
			map[string][]string{"E2": {"not read", `the title "Outturns 2024/25" at A1 gives 2024/25, which dates no month`}}},
		{"beside the month's own column", "Summary", [][]any{{"Performance summary - March 2025"}},
			[]any{"Ref", "Indicator", "Polarity", "Mar-25", "Current month"},
			[]string{"2025-03=23"},
			map[string][]string{"E2": {`column E "Current month" not read`, `column D "Mar-25" gives Mar-25's own: that is kept`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := guessSheet{tt.sheet, tt.above, tt.head, rows}.read(t, "RL01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("RL01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, tt.sheet, tt.warned)
		})
	}
}

// TestPlainYearHeadings: years typed as plain numbers across the header
// row (2021 .. 2025) were refused as headings not known. A run of them
// is read as years, the kind of year (financial, unless the title or
// sheet name says otherwise) said once at the first; a lone number, or
// numbers not running as years, are not years and stay unread.
func TestPlainYearHeadings(t *testing.T) {
	tests := []struct {
		name   string
		sheet  string
		above  [][]any
		years  []any
		want   []string
		warned map[string][]string
		quiet  []string // cells with no warning
	}{
		{"numbers", "Annual", nil, []any{2021, 2022, 2023, 2024, 2025},
			[]string{"2020/21=1", "2021/22=2", "2022/23=3", "2023/24=4", "2024/25=5"},
			map[string][]string{"D1": {"columns D to H headed by plain years (2021 to 2025) read as financial years", "(2020/21 to 2024/25)", "nothing on the sheet says which kind of year"}},
			[]string{"E1", "H1"}},
		{"text, newest first", "Annual", nil, []any{"2025", "2024", "2023"},
			[]string{"2022/23=3", "2023/24=2", "2024/25=1"},
			map[string][]string{"D1": {"read as financial years"}}, nil},
		{"a year missed", "Annual", nil, []any{2019, 2021, 2022},
			[]string{"2018/19=1", "2020/21=2", "2021/22=3"}, nil, nil},
		{"academic years in the title", "Annual", [][]any{{"Outcomes by academic year"}}, []any{2023, 2024, 2025},
			[]string{"2022/23AY=1", "2023/24AY=2", "2024/25AY=3"},
			map[string][]string{"D2": {"read as academic years", `the title A1 "Outcomes by academic year" says academic years`}}, nil},
		{"calendar years in the sheet's name", "Calendar years", nil, []any{2023, 2024},
			[]string{"2023=1", "2024=2"},
			map[string][]string{"D1": {"read as calendar years", "the sheet's name"}}, nil},
		{"beside the year's own column", "Annual", nil, []any{"2023/24", 2024, 2025},
			[]string{"2023/24=1", "2024/25=3"},
			map[string][]string{
				"E1": {`column E "2024" not read`, `column D "2023/24" gives 2023/24's own: that is kept`},
				"F1": {"columns E to F headed by plain years (2024 to 2025) read as financial years"},
			}, nil},
		{"a lone number", "Annual", nil, []any{2024}, nil,
			map[string][]string{"D1": {`column D "2024" not read`, "read as a year only among others"}}, nil},
		{"numbers not running as years", "Annual", nil, []any{2021, 2025, 2023}, nil,
			map[string][]string{"D1": {"not read"}, "E1": {"not read"}}, nil},
		{"numbers that are no years", "Annual", nil, []any{1500, 1501}, nil,
			map[string][]string{"D1": {"not read: its heading is not one the importer knows"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := append([]any{"Ref", "Indicator", "Polarity"}, tt.years...)
			row := []any{"YR01", "Children looked after at 31 March", "-"}
			for i := range tt.years {
				row = append(row, i+1)
			}
			got, res := guessSheet{tt.sheet, tt.above, head, [][]any{row}}.read(t, "YR01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("YR01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, tt.sheet, tt.warned)
			for _, cell := range tt.quiet {
				if w := warnedAt(res, tt.sheet, cell); len(w) > 0 {
					t.Errorf("warned at %s %q, want the row said once", cell, w)
				}
			}
		})
	}
}

// TestRollingHeadings: "12 months to Jan-25" and "YTD to Mar-25" were
// refused as headings not known. They are read as the month named, said
// at each heading to be rolling or year-to-date figures filed under it;
// beside a column of that month's own figures, that one is kept and the
// other refused at its heading, not left to overwrite it.
func TestRollingHeadings(t *testing.T) {
	tests := []struct {
		name   string
		dp     string // the row's Data period
		head   []any
		want   []string
		warned map[string][]string
	}{
		{"rolling and year to date", "R12M", []any{"12 months to Jan-25", "12 months to Feb-25", "YTD to Mar-25"},
			[]string{"2025-01=1", "2025-02=2"},
			map[string][]string{
				"E1": {`column E "12 months to Jan-25" read as Jan-25`, "rolling 12-month figures to Jan-25", `mixes them with year-to-date figures (column G "YTD to Mar-25")`},
				"G1": {`column G "YTD to Mar-25" not read for RM01 (row 2, data period R12M)`, "year-to-date figures to Mar-25", "give the data period YTD"},
			}},
		{"year to date after months", "YTD", []any{"Jan-25", "Feb-25", "YTD to Mar-25"},
			[]string{"2025-01=1", "2025-02=2", "2025-03=3"},
			map[string][]string{"G1": {"read as Mar-25", `mixes them with the month's own figures (column E "Jan-25")`}}},
		{"other wordings", "YTD", []any{"Rolling 12 months to Jan-25", "Year to date Feb-25", "Mar-25 YTD"},
			[]string{"2025-02=2", "2025-03=3"},
			map[string][]string{"E1": {"rolling 12-month figures", "not read for RM01 (row 2, data period YTD)"}, "F1": {"year-to-date figures"}, "G1": {"year-to-date figures"}}},
		{"beside the month's own", "R12M", []any{"Feb-25", "Mar-25", "YTD to Mar-25"},
			[]string{"2025-02=1", "2025-03=2"},
			map[string][]string{"G1": {`column G "YTD to Mar-25" not read`, "year-to-date figures", `column F "Mar-25" gives Mar-25's own: that is kept`}}},
		{"two of one month", "R12M", []any{"R12M Mar-25", "YTD to Mar-25"},
			[]string{"2025-03=1"},
			map[string][]string{"F1": {`column F "YTD to Mar-25" not read`, `as column E "R12M Mar-25"'s does`}}},
		{"monthly indicator", "M", []any{"Feb-25", "12 months to Mar-25"},
			[]string{"2025-02=1"},
			map[string][]string{"F1": {`column F "12 months to Mar-25" not read for RM01 (row 2, data period M)`, "give the data period R12M"}}},
		{"no data period", "", []any{"YTD to Mar-25"},
			nil,
			map[string][]string{"E1": {`not read for RM01 (row 2, data period none given)`, "give the data period YTD"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := spanSheet(t, tt.dp, tt.head)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("RM01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, "Scorecard", tt.warned)
		})
	}
}

// TestGuessedHeadingWords: which headings the guesses read, and which
// they leave to the headings the importer knows or to none.
func TestGuessedHeadingWords(t *testing.T) {
	for _, tt := range []struct {
		head string
		rel  bool
		roll string // the month a rolling heading reads as, "" for none
	}{
		{"Current month", true, ""},
		{"Prev Mth", true, ""},
		{"Same month previous year", true, ""},
		{"This quarter", true, ""},
		{"Previous year", false, ""},
		{"Month", false, ""},
		{"Current month target", false, ""},
		{"12 months to Jan-25", false, "2025-01"},
		{"12m ending Jan 2025", false, "2025-01"},
		{"YTD", false, ""},
		{"YTD to 45658", false, ""},
		{"Rolling 12 months (Jan-25)", false, ""},
		{"Jan-25 (R12M)", false, "2025-01"},
	} {
		_, rel := relativeHeading(tt.head)
		m, _, roll := rollingHeading(tt.head)
		got := ""
		if roll {
			got = m.String()
		}
		if rel != tt.rel || got != tt.roll {
			t.Errorf("%q: relative %v, rolling %q; want %v, %q", tt.head, rel, got, tt.rel, tt.roll)
		}
	}
}

// TestPlainYearsOfAnAcademicIndicator: plain years read as financial
// years are, for an indicator whose Year type says academic, the
// academic years ending in them (2025 is 2024/25 AY), as any financial
// year given such an indicator is; the other rows keep financial years.
func TestPlainYearsOfAnAcademicIndicator(t *testing.T) {
	sheet := guessSheet{"Annual", nil, []any{"Ref", "Indicator", "Polarity", "Year type", 2024, 2025}, [][]any{
		{"YR01", "Children looked after at 31 March", "-", "FY", 1, 2},
		{"YR02", "Key stage 4 attainment 8 score", "H", "AY", 19.1, 20},
	}}
	for ref, want := range map[string]string{"YR01": "[2023/24=1 2024/25=2]", "YR02": "[2023/24AY=19.1 2024/25AY=20]"} {
		got, res := sheet.read(t, ref)
		if fmt.Sprint(got) != want {
			t.Errorf("%s's figures %v, want %s", ref, got, want)
		}
		checkWarned(t, res, "Annual", map[string][]string{"E1": {"read as financial years", "2025 as 2024/25 AY"}})
	}
}

// TestYearsOnlyInTheHeaderRow: numbers that look like years below the
// header (a Ref of digits, counts of 2025 and 2026) are figures, never
// year headings.
func TestYearsOnlyInTheHeaderRow(t *testing.T) {
	got, res := guessSheet{"Scorecard", [][]any{{"Scorecard 2025"}}, []any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"}, [][]any{
		{2024, "Number of contacts", "-", 2025, 2026},
		{2023, "Number of referrals", "-", 2024, 2025},
	}}.read(t, "2024")
	if want := "[2025-01=2025 2025-02=2026]"; fmt.Sprint(got) != want {
		t.Errorf("2024's figures %v, want %s", got, want)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "plain years") || strings.Contains(w.Message, "read as a year") {
			t.Errorf("warned %q", w)
		}
	}
}

// spanSheet reads a sheet of one indicator, RM01, of data period dp,
// under the headings head, its figures 1, 2, ... beneath them: RM01's
// figures as "period=value", and the result.
func spanSheet(t *testing.T, dp string, head []any) ([]string, *Result) {
	t.Helper()
	row := []any{"RM01", "Re-referral rate (%)", "L", dp}
	for i := range head {
		row = append(row, i+1)
	}
	return guessSheet{"Scorecard", nil, append([]any{"Ref", "Indicator", "Polarity", "Data period"}, head...), [][]any{row}}.read(t, "RM01")
}
