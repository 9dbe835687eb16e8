package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

func TestYearOrMonth(t *testing.T) {
	tests := []struct {
		in   string
		want string // the month, or "" for a period that is not both
	}{
		{"2009-10", "2009-10"},
		{"2000-01", "2000-01"},
		{"2011-12", "2011-12"},
		{"2011/12", "2011-12"},
		{"2012-13", ""}, // only a year
		{"2009-03", ""}, // only a month
		{"1999-00", ""},
		{"2009-1", ""}, // 2009/10 would end 0
		{"2021/2", "2021-02"},
		{"2023-4", "2023-04"},
		{"2029/0", ""},
		{"2021/3", ""},
		{"200910", ""},
		{"2009-+1", ""},
		{"", ""},
	}
	for _, tt := range tests {
		m, ok := yearOrMonth(tt.in)
		if got := map[bool]string{true: m.String()}[ok]; got != tt.want {
			t.Errorf("yearOrMonth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTidyYearOrMonth: a tidy table's period that is both a month and a
// financial year (2009-10) is read as the column's other periods are,
// and the reading is always said, at its first cell: never silently one
// or the other.
func TestTidyYearOrMonth(t *testing.T) {
	row := func(p string) string { return fmt.Sprintf("CIC01,Children in care,%s,Kent,100\n", p) }
	tests := []struct {
		name    string
		periods []string
		want    []app.Period // the periods read, in order
		warn    string       // what the warning says of the reading
		line    string
	}{
		{"months around 2010", []string{"2009-09", "2009-10", "2009-11"},
			[]app.Period{app.MonthOf(2009, 9), app.MonthOf(2009, 10), app.MonthOf(2009, 11)},
			`"2009-10" could be a month or a financial year: read as the month Oct-09, as the column's other periods are (2009-09)`, "line 3"},
		{"years with one only a year", []string{"2009-10", "2010-11", "2012-13"},
			[]app.Period{{Kind: app.FinancialYear, Year: 2009}, {Kind: app.FinancialYear, Year: 2010}, {Kind: app.FinancialYear, Year: 2012}},
			`"2009-10" and 1 more periods like it could be a month or a financial year: read as the financial year 2009/10, as the column's other periods are (2012-13)`, "line 2"},
		{"nothing to say which", []string{"2009-10", "2010-11"},
			[]app.Period{{Kind: app.FinancialYear, Year: 2009}, {Kind: app.FinancialYear, Year: 2010}},
			"read as the financial year 2009/10, as no other period in the column says which", "line 2"},
		{"one-digit years", []string{"2022/3", "2023/4", "2024/5"},
			[]app.Period{{Kind: app.FinancialYear, Year: 2022}, {Kind: app.FinancialYear, Year: 2023}, {Kind: app.FinancialYear, Year: 2024}},
			`"2022/3" and 2 more periods like it could be a month or a financial year: read as the financial year 2022/23, as no other period in the column says which`, "line 2"},
		{"one-digit months", []string{"2021/1", "2021/2", "2021/3"},
			[]app.Period{app.MonthOf(2021, 1), app.MonthOf(2021, 2), app.MonthOf(2021, 3)},
			`"2021/2" could be a month or a financial year: read as the month Feb-21, as the column's other periods are (2021/1)`, "line 3"},
		{"months by name say nothing of years", []string{"Sep-09", "2009-10", "Nov-09"},
			[]app.Period{app.MonthOf(2009, 9), {Kind: app.FinancialYear, Year: 2009}, app.MonthOf(2009, 11)},
			"read as the financial year 2009/10, as no other period in the column says which", "line 3"},
		{"months and years both", []string{"2009-03", "2009-10", "2012-13"},
			[]app.Period{app.MonthOf(2009, 3), {Kind: app.FinancialYear, Year: 2009}, {Kind: app.FinancialYear, Year: 2012}},
			"read as the financial year 2009/10, as the column's other periods are (2012-13)", "line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "Ref,Indicator,Period,Area,Value\n"
			for _, p := range tt.periods {
				body += row(p)
			}
			res := mustRead(t, writeCSV(t, body))
			var got []app.Period
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("periods read %v, want %v", got, tt.want)
			}
			said := false
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tt.warn) && strings.Contains(w.String(), tt.line) {
					said = true
				}
			}
			if !said {
				t.Errorf("no warning at %s saying %q in %v", tt.line, tt.warn, res.Warnings)
			}
		})
	}
}

// TestScorecardYearOrMonthHeading: a scorecard's column headed by a
// period that is also a financial year ("2009-10") is the month between
// its month columns, and the year among none; either way said at its
// heading.
func TestScorecardYearOrMonthHeading(t *testing.T) {
	tests := []struct {
		name  string
		heads []any
		want  []app.Period // the periods read
		warn  string
	}{
		{"among months", []any{"2009-08", "2009-09", "2009-10", "2009-11"},
			[]app.Period{app.MonthOf(2009, 8), app.MonthOf(2009, 9), app.MonthOf(2009, 10), app.MonthOf(2009, 11)},
			`Scorecard!F3: column F "2009-10" could be a month or a financial year: read as the month Oct-09`},
		{"among no months", []any{"2009-10", "2010-11"},
			[]app.Period{{Kind: app.FinancialYear, Year: 2009}, {Kind: app.FinancialYear, Year: 2010}},
			`Scorecard!D3: column D "2009-10" could be a month or a financial year: read as the financial year 2009/10, as no other column is a month written so`},
		{"one-digit years beside April", []any{"2022/3", "2023/4", "Apr-24"},
			[]app.Period{{Kind: app.FinancialYear, Year: 2022}, {Kind: app.FinancialYear, Year: 2023}, app.MonthOf(2024, 4)},
			`Scorecard!D3: column D "2022/3" could be a month or a financial year: read as the financial year 2022/23, as no other column is a month written so, not the month Mar-22`},
		{"one-digit months", []any{"2021/1", "2021/2", "2021/3"},
			[]app.Period{app.MonthOf(2021, 1), app.MonthOf(2021, 2), app.MonthOf(2021, 3)},
			`Scorecard!E3: column E "2021/2" could be a month or a financial year: read as the month Feb-21`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, got := readScorecardHeads(t, tt.heads)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("periods read %v, want %v", got, tt.want)
			}
			said := false
			for _, w := range res.Warnings {
				said = said || strings.Contains(w.String(), tt.warn)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.warn, res.Warnings)
			}
		})
	}
}

// TestScorecardYearAndQuarterColumns: a scorecard whose columns are
// financial or academic years, or quarters of a financial year, reads
// them as those periods, where it read no figure at all and warned of
// every column as a heading it did not know.
func TestScorecardYearAndQuarterColumns(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	tests := []struct {
		name  string
		heads []any
		want  []app.Period
	}{
		{"financial years", []any{"2021/22", "2022-23", "2023/24"}, []app.Period{fy(2021), fy(2022), fy(2023)}},
		{"academic years", []any{"2022/23 AY", "2023/24 AY"}, []app.Period{{Kind: app.AcademicYear, Year: 2022}, {Kind: app.AcademicYear, Year: 2023}}},
		{"quarters of a financial year", []any{"Q1 2024/25", "Q2 2024/25", "2024/25 Q3", "Q4 2024/25"},
			[]app.Period{q(2024, 2), q(2024, 3), q(2024, 4), q(2025, 1)}},
		{"calendar quarters", []any{"2024-Q3", "2024-Q4"}, []app.Period{q(2024, 3), q(2024, 4)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, got := readScorecardHeads(t, tt.heads)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("periods read %v, want %v", got, tt.want)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings %v, want none", res.Warnings)
			}
		})
	}
}

// TestTargetsByPeriodColumnsNotFigures: a sheet of targets whose columns
// are headed by periods holds the years' targets and the quarters' or
// months' milestones, not their figures: its columns are left unread and
// said so. A scorecard is not one of targets because some text above its
// header speaks of targets: its year columns are its outturns, but for
// one captioned "Target" itself, left unread and said at the caption
// (captionedNotActuals, QA24a D3).
func TestTargetsByPeriodColumnsNotFigures(t *testing.T) {
	header := []any{"Ref", "Indicator", "2024/25", "Q1 2025/26", "Sep-25"}
	row := []any{"CIC01", "Number of children in care", 90, 88, 87}
	tests := []struct {
		sheet   string
		above   [][]any // the rows above the header
		targets bool
		// captioned is how many columns a caption of their own says are
		// not figures (captionedNotActuals).
		captioned int
	}{
		{"Scorecard", [][]any{{"Targets 2024 to 2026"}, {}}, true, 0},
		{"Scorecard", [][]any{{"Kent targets and quarterly milestones"}, {}}, true, 0},
		{"Annual targets", [][]any{{"Kent scorecard"}, {}}, true, 0},
		{"Scorecard", [][]any{{"Kent scorecard"}, {"RAG key: GREEN target met; AMBER floor met"}}, false, 0},
		{"Scorecard", [][]any{{"Performance against targets"}, {}}, false, 0},
		{"Scorecard", [][]any{{"Kent scorecard"}, {nil, nil, "Target", "Outturns"}}, false, 1},
		{"Scorecard", [][]any{{nil, nil, "Target"}}, false, 1},
		{"Targeted support", [][]any{{"Kent scorecard"}, {}}, false, 0},
		// A name or title speaking of performance is a scorecard's.
		{"Performance v Target", [][]any{{"Kent scorecard"}, {}}, false, 0},
		{"KPIs and Targets", [][]any{{"Kent KPIs"}, {}}, false, 0},
		{"Target Tracker", [][]any{{"Kent"}, {}}, false, 0},
		{"Scorecard", [][]any{{"Performance and targets 2024/25"}, {}}, false, 0},
		{"Scorecard", [][]any{{"Kent scorecard - targets and actuals"}, {}}, false, 0},
	}
	for _, tt := range tests {
		book := append(append([][]any{}, tt.above...), header, row)
		res, err := Read(context.Background(), writeBook(t, tt.sheet, book), Options{})
		if err != nil {
			t.Fatalf("sheet %q: %v", tt.sheet, err)
		}
		if n, want := len(res.Dataset.Observations), map[bool]int{true: 0, false: 3}[tt.targets]-tt.captioned; n != want {
			t.Errorf("sheet %q above its header %v: %d figures read, want %d", tt.sheet, tt.above, n, want)
		}
		var said []string
		for _, w := range res.Warnings {
			if strings.Contains(w.Message, "not read: on a sheet of targets") {
				said = append(said, w.Cell)
			}
		}
		if want := map[bool]int{true: 3, false: 0}[tt.targets]; len(said) != want {
			t.Errorf("sheet %q above its header %v: columns said unread as targets at %v, want %d", tt.sheet, tt.above, said, want)
		}
	}
}

// readScorecardHeads reads a one-indicator scorecard whose period columns
// are headed heads, returning the result and the periods of its figures.
func readScorecardHeads(t *testing.T, heads []any) (*Result, []app.Period) {
	t.Helper()
	head := append([]any{"Ref", "Indicator", "Polarity"}, heads...)
	row := []any{"CIC01", "Number of children in care", "L"}
	for i := range heads {
		row = append(row, 100+i)
	}
	res := mustRead(t, writeBook(t, "Scorecard", [][]any{{"Kent performance scorecard"}, {}, head, row}))
	var got []app.Period
	for _, o := range res.Dataset.Observations {
		got = append(got, o.Period)
	}
	return res, got
}

// TestAcademicYearIndicatorYears: a year "2025/26" given for an indicator
// that runs by academic year, as its file or the store defines it, is
// the academic year, said once at its first figure: read as the
// financial year, it was rated against the academic year it starts in.
// A year said to be academic, and a figure of a financial-year indicator,
// stay as they are.
func TestAcademicYearIndicatorYears(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	path := writeBook(t, "Annual", [][]any{
		{"Kent outturns"}, {},
		{"Ref", "Indicator", "Polarity", "2024/25", "2025/26 AY", "2025/26"},
		{"ED03", "Pupils persistently absent (%)", "L", 20.5, nil, 17.8},
		{"ED04", "Pupils in good schools (%)", "H", 90, 91, nil},
		{"CIC01", "Number of children in care", "L", 1800, nil, 1750},
	})
	stored := map[string]app.PeriodKind{"ED03": app.AcademicYear, "ED04": app.AcademicYear, "CIC01": app.FinancialYear}
	res, err := Read(t.Context(), path, Options{Defined: func(ref string) (app.Indicator, bool) {
		return app.Indicator{Ref: ref, YearType: stored[ref]}, true
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]app.Period{}
	for _, o := range res.Dataset.Observations {
		got[o.Ref] = append(got[o.Ref], o.Period)
	}
	want := map[string][]app.Period{"ED03": {ay(2024), ay(2025)}, "ED04": {ay(2024), ay(2025)}, "CIC01": {fy(2024), fy(2025)}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("periods read %v, want %v", got, want)
	}
	var said []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "runs by academic year") {
			said = append(said, w.String())
		}
	}
	if len(said) != 2 || !strings.Contains(said[0], "Annual!D4: ED03 runs by academic year: its figure for 2024/25 read as the academic year 2024/25 AY") || !strings.Contains(said[1], "Annual!D5: ED04") {
		t.Errorf("warnings of the academic years: %q", said)
	}
}
