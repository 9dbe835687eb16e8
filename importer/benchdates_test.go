package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestDatedBenchmarkHeadings guards QA17 D9: a benchmark heading dated
// by a month or a date ("England (Mar-24)", "England 31 March 2024") was
// read as undated, so its figure was filed under the year before the
// latest month's (2024/25 beside 2025/26's months) instead of the year
// the date falls in (2023/24). The month dates it by the row's kind of
// year; a calendar year alone is the year ending in it; a date that
// cannot be read as one month is said, never passed over.
func TestDatedBenchmarkHeadings(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	tests := []struct {
		head     string
		yearType string // the row's Year type
		want     app.Period
		note     string // the heading's warning contains this
	}{
		{"England (Mar-24)", "", fy(2023), "is dated March 2024"},
		{"England 31 March 2024", "", fy(2023), "is dated March 2024"},
		{"Stat neighbours 31 March 2024", "", fy(2023), "is dated March 2024"},
		{"England as at 31/03/2024", "", fy(2023), "is dated March 2024"},
		{"England (March 2024)", "", fy(2023), "is dated March 2024"},
		{"SN 2024-03-31", "", fy(2023), "is dated March 2024"},
		{"England Apr-24", "", fy(2024), "is dated April 2024"},
		{"England 2024", "", fy(2023), "names the calendar year 2024"},
		{"Stat Neighbours (2024)", "", fy(2023), "names the calendar year 2024"},
		// an academic indicator: its year is the academic year the month falls in
		{"England (Aug-24)", "Academic", ay(2023), "the academic year 2023/24 AY"},
		{"England (Sep-24)", "Academic", ay(2024), "is dated September 2024"},
		{"England 2024", "Academic", ay(2023), "names the calendar year 2024"},
		// undated: the latest year published by the latest month, said;
		// in May 2025 the year to March 2025 is not out until the autumn
		{"England", "", fy(2023), `"England" names no year: read as England's figure for 2023/24, the latest year published by the latest month, May-25, as DfE publishes a year's figures in the autumn after it ends`},
		{"Eng 23/24", "", fy(2023), ""},
		// a date that is not one month: said, and read as undated
		{"England Mar-24 and Mar-25", "", fy(2024), "cannot read as one month or year"},
		{"England 31.3.24", "", fy(2024), "cannot read as one month or year"},
	}
	for _, tt := range tests {
		t.Run(tt.head+" "+tt.yearType, func(t *testing.T) {
			path := writeBook(t, "Scorecard", [][]any{
				{"Ref", "Indicator", "Polarity", "Year type", "Apr-25", "May-25", tt.head},
				{"CIC02", "Rate of children in care per 10,000", "L", tt.yearType, 53.1, 53.2, 69}})
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Benchmarks) != 1 {
				t.Fatalf("benchmarks %+v, want one", res.Dataset.Benchmarks)
			}
			if got := res.Dataset.Benchmarks[0].Period; got != tt.want {
				t.Errorf("benchmark for %s, want %s", got.Label(), tt.want.Label())
			}
			var notes []string
			for _, w := range res.Warnings {
				if w.Cell == "G1" && !strings.Contains(w.Message, "from words in its heading") {
					notes = append(notes, w.Message)
				}
			}
			switch {
			case tt.note == "" && len(notes) > 0:
				t.Errorf("warnings %q, want none of its date", notes)
			case tt.note != "" && (len(notes) != 1 || !strings.Contains(notes[0], tt.note)):
				t.Errorf("warnings %q, want one saying %q", notes, tt.note)
			}
		})
	}
}
