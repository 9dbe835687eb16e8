package importer

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestTidyDateHierarchy: Power BI's date hierarchy (`Year | Quarter |
// Month | Day`, the month by its name) is read as the month of that name
// in the row's year, said once at the first month; a quarter or day
// that agrees is read without a word, and the Year, Quarter and Day
// columns are not said unread. A quarter that is not the calendar's (a
// financial year's hierarchy, whose Year may be the financial year's)
// or a day mid-month is not guessed: the rows are skipped, said once at
// the first with how many. Every row had been "April is not a period"
// and the Year column "not read" (QA27b 8).
func TestTidyDateHierarchy(t *testing.T) {
	head := []any{"Year", "Quarter", "Month", "Day", "Ref", "Measure", "Value"}
	row := func(y int, q, m string, d int, v int) []any {
		return []any{y, q, m, d, "CLA", "Number of children looked after", v}
	}
	tests := []struct {
		name  string
		rows  [][]any
		obs   []string // "REF period value", sorted
		said  string   // the hierarchy said at the first Month cell, "" for not
		skip  string   // a warning of skipped rows at its cell: "CELL message part"
		never []string // no warning says it
	}{
		{"Power BI calendar hierarchy", [][]any{head,
			row(2024, "Qtr 4", "December", 1, 1541), row(2025, "Qtr 1", "January", 1, 1550), row(2025, "Qtr 1", "March", 31, 1570)},
			[]string{"CLA 2024-12 1541", "CLA 2025-01 1550", "CLA 2025-03 1570"},
			`periods read from a Power BI date hierarchy: the month's name in column C with the year in column A; the quarter in column B (the calendar's, as Power BI numbers them) and the day in column D checked against it ("December" read as Dec-24)`,
			"", []string{"not read", "is not a period", "row skipped"}},
		{"financial quarters: the year not guessed", [][]any{head,
			row(2024, "Qtr 3", "December", 1, 1541), row(2024, "Qtr 4", "January", 1, 1550), row(2024, "Qtr 4", "February", 1, 1562)},
			nil, "",
			`B2 3 rows skipped, the first here: quarter "Qtr 3" is not the calendar quarter of Dec-24 (Qtr 4), so its year 2024 may be another year's (a financial year's) and is not guessed; give the month as a date`, []string{"not read"}},
		{"a day mid-month", [][]any{head,
			row(2024, "Qtr 2", "April", 1, 1480), row(2024, "Qtr 2", "May", 15, 1492)},
			[]string{"CLA 2024-04 1480"},
			`("April" read as Apr-24)`,
			`D3 row skipped: day "15" is not the first or last of May-24, so the figure is a day's, not the month's`, nil},
		{"without a Ref or quarter", [][]any{{"Year", "Month", "Measure", "Value"},
			{2024, "April", "Number of children looked after", 1480}, {2024, "May", "Number of children looked after", 1492}},
			[]string{"NCLA-4384 2024-04 1480", "NCLA-4384 2024-05 1492"},
			`periods read from a Power BI date hierarchy: the month's name in column B with the year in column A ("April" read as Apr-24)`,
			"", []string{"not read", "is not a period"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Export", tt.rows), Options{Authority: lookup(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, o.Ref+" "+o.Period.String()+" "+strconv.FormatFloat(*o.Value, 'g', -1, 64))
				}
			}
			slices.Sort(got)
			if strings.Join(got, "|") != strings.Join(tt.obs, "|") {
				t.Errorf("figures\n got %v\nwant %v", got, tt.obs)
			}
			said, skipped := 0, 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "date hierarchy") {
					said++
					if w.Cell != cellOfMonth(tt.rows[0]) || !strings.Contains(w.Message, tt.said) {
						t.Errorf("said at %s: %s\nwant: %s", w.Cell, w.Message, tt.said)
					}
				}
				if strings.Contains(w.Message, "skipped") {
					skipped++
					if cell, msg, _ := strings.Cut(tt.skip, " "); w.Cell != cell || !strings.Contains(w.Message, msg) {
						t.Errorf("skipped at %s: %s\nwant at %s", w.Cell, w.Message, tt.skip)
					}
				}
				for _, n := range tt.never {
					if strings.Contains(w.Message, n) {
						t.Errorf("said %q: %s at %s", n, w.Message, w.Cell)
					}
				}
			}
			if want := min(len(tt.said), 1); said != want {
				t.Errorf("the hierarchy said %d times, want %d: %v", said, want, res.Warnings)
			}
			if want := min(len(tt.skip), 1); skipped != want {
				t.Errorf("skipped rows said %d times, want %d: %v", skipped, want, res.Warnings)
			}
		})
	}
}

// cellOfMonth is the cell of the first row's Month entry, under the
// header head.
func cellOfMonth(head []any) string {
	return cellName(1, slices.Index(head, any("Month")))
}
