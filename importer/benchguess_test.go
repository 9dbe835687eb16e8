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
			`column H "England" names no year: read as England's figure for 2024/25, the year before that of the latest month, Sep-25, as the latest published benchmark usually runs a year behind; head it with its year (such as 2024/25) if it is for another`,
			[]string{"2024/25"}},
		{"Statistical neighbours", [][]any{{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, nil, 60}},
			`column H "Statistical neighbours" names no year: read as the statistical neighbours' figure for 2024/25, the year before that of the latest month, Aug-25`,
			[]string{"2024/25"}},
		{"England", [][]any{
			{"CIC01", "Rate of children in care per 10,000", "L", "", 53.1, 53.2, 53.4, 69},
			{"CIC02", "Children in care with 3+ placements (%)", "L", "", 9.1, 9.2, 9.4, 10},
			{"ED01", "Pupils persistently absent (%)", "L", "Academic", 20.1, 20.2, 20.3, 21}},
			`column H "England" names no year: read as England's figure for the year before that of each row's latest month: 2024/25 on 2 rows from row 4 (latest month Sep-25); 2024/25 AY on row 6 (latest month Sep-25)`,
			[]string{"2024/25", "2024/25", "2024/25 AY"}},
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
