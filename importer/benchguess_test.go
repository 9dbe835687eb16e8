package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestUndatedBenchmarkHeadings: an England or statistical-neighbour
// column whose heading names no year had its figures filed under the year
// before each row's latest month with nothing said. The year taken, and
// why, is said once at the heading, each year with its rows where rows
// of different kinds of year gave different ones; a heading that names
// its year, and the previous year's outturn (that year by its name), say
// nothing of it.
func TestUndatedBenchmarkHeadings(t *testing.T) {
	for _, tt := range []struct {
		head  string
		rows  [][]any // Ref, Indicator, Polarity, Year type, Jul-25, Aug-25, Sep-25, the column
		note  string  // the warning at H3 contains this; "" for none of its year
		years []string
	}{
		{"England", [][]any{{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, 53.4, 69}},
			`column H "England" names no year: read as England's figure for 2023/24, the latest year published by the latest month, Sep-25, as DfE publishes a year's figures in the autumn after it ends; head it with its year (such as 2023/24) if it is for another`,
			[]string{"2023/24"}},
		{"Statistical neighbours", [][]any{{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, nil, 60}},
			`column H "Statistical neighbours" names no year: read as the statistical neighbours' figure for 2023/24, the latest year published by the latest month, Aug-25`,
			[]string{"2023/24"}},
		{"England", [][]any{
			{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, 53.4, 69},
			{"CIC02", "Children in care with 3+ placements (%)", "L", "", 9.1, 9.2, 9.4, 10},
			{"ED01", "Pupils persistently absent (%)", "L", "Academic", 20.1, 20.2, 20.3, 21}},
			`column H "England" names no year: read as England's figure for the latest year published by each row's latest month: 2023/24 on 2 rows from row 4 (latest month Sep-25); 2023/24 AY on row 6 (latest month Sep-25)`,
			[]string{"2023/24", "2023/24", "2023/24 AY"}},
		{"England 2023/24", [][]any{{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, 53.4, 69}},
			"", []string{"2023/24"}},
		{"Previous year outturn", [][]any{{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, 53.4, 55}},
			"", []string{"2024/25"}},
	} {
		t.Run(tt.head, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", "Year type", "Jul-25", "Aug-25", "Sep-25", tt.head})
			for i, row := range tt.rows {
				cell, _ := excelize.CoordinatesToCellName(1, 4+i)
				f.SetSheetRow("Scorecard", cell, &row)
			}
			res := readFile(t, f)
			var years []string
			for _, b := range res.Dataset.Benchmarks {
				years = append(years, b.Period.Label())
			}
			if strings.Join(years, ",") != strings.Join(tt.years, ",") {
				t.Errorf("benchmarks for %v, want %v", years, tt.years)
			}
			var notes []string
			for _, w := range warnedAt(res, "Scorecard", "H3") {
				if strings.Contains(w, "year") {
					notes = append(notes, w)
				}
			}
			switch {
			case tt.note == "" && len(notes) > 0:
				t.Errorf("warnings %q, want none of its year", notes)
			case tt.note != "" && (len(notes) != 1 || !strings.Contains(notes[0], tt.note)):
				t.Errorf("warnings %q, want one saying %q", notes, tt.note)
			}
		})
	}
}

// TestUndatedBenchmarkPublished: an England column naming no year is read
// as the latest year DfE has published by the sheet's month, a year's
// figures coming out in the autumn after it ends: April 2026's unchanged
// England column was read as 2025/26, a year not published until November
// 2026, and stored for it beside the same figure for 2024/25 (QA27a 1c).
// From October the year just ended is taken as out, as before; a sheet
// dating another England column for the year taken has this one a year on.
func TestUndatedBenchmarkPublished(t *testing.T) {
	for _, tt := range []struct {
		name     string
		months   []any // the three month columns' headings
		yearType string
		head     string // column H's heading; column I's is "England 2024/25" where dated
		dated    bool
		year     string // the year column H is read as
		note     string // the warning at H3 contains this
	}{
		{"March 2026", []any{"Jan-26", "Feb-26", "Mar-26"}, "", "England", false, "2024/25",
			"read as England's figure for 2024/25, the year before that of the latest month, Mar-26, as the latest published benchmark usually runs a year behind"},
		{"April 2026", []any{"Feb-26", "Mar-26", "Apr-26"}, "", "England", false, "2024/25",
			"read as England's figure for 2024/25, the latest year published by the latest month, Apr-26, as DfE publishes a year's figures in the autumn after it ends"},
		{"September 2026", []any{"Jul-26", "Aug-26", "Sep-26"}, "", "Stat neighbours", false, "2024/25",
			"read as the statistical neighbours' figure for 2024/25, the latest year published by the latest month, Sep-26"},
		{"October 2026", []any{"Aug-26", "Sep-26", "Oct-26"}, "", "England", false, "2025/26",
			"read as England's figure for 2025/26, the year before that of the latest month, Oct-26"},
		{"an academic year in September", []any{"Jul-26", "Aug-26", "Sep-26"}, "Academic", "England", false, "2024/25 AY",
			"read as England's figure for 2024/25 AY, the latest year published by the latest month, Sep-26"},
		{"an academic year in October", []any{"Aug-26", "Sep-26", "Oct-26"}, "Academic", "England", false, "2025/26 AY",
			"read as England's figure for 2025/26 AY, the year before that of the latest month, Oct-26"},
		{"April 2026 beside a dated 2024/25 column", []any{"Feb-26", "Mar-26", "Apr-26"}, "", "England", true, "2025/26",
			"read as England's figure for 2025/26, the year before that of the latest month, Apr-26"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard"})
			head := append([]any{"Ref", "Indicator", "Polarity", "Year type"}, tt.months...)
			row := []any{"CIC01", "Rate of children in care per 10,000", "L", tt.yearType, 53.1, 53.2, 53.4, 70}
			head = append(head, tt.head)
			if tt.dated {
				head = append(head, "England 2024/25")
				row = append(row, 69)
			}
			f.SetSheetRow("Scorecard", "A3", &head)
			f.SetSheetRow("Scorecard", "A4", &row)
			res := readFile(t, f)
			got := ""
			for _, b := range res.Dataset.Benchmarks {
				if *b.Value == 70 {
					got = b.Period.Label()
				}
			}
			if got != tt.year {
				t.Errorf("column H read as %q, want %s", got, tt.year)
			}
			var notes []string
			for _, w := range warnedAt(res, "Scorecard", "H3") {
				if strings.Contains(w, "names no year") {
					notes = append(notes, w)
				}
			}
			if len(notes) != 1 || !strings.Contains(notes[0], tt.note) {
				t.Errorf("warnings %q, want one saying %q", notes, tt.note)
			}
		})
	}
}
