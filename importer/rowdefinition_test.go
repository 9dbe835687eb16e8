package importer

import (
	"context"
	"strings"
	"testing"
)

// TestYearToDateQuartersSaid: a year-to-date row under quarter columns
// (Essex's starters, 151, 298, 452) was shown under each quarter, 298 as
// "Jul-Sep 2024" where it is April to September's, with nothing said.
// It is said once, at its Data period cell; a row of quarters' own
// figures is not.
func TestYearToDateQuartersSaid(t *testing.T) {
	path := writeBook(t, "Scorecard", [][]any{
		{"Ref", "Indicator", "Polarity", "Data period", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"},
		{"E03", "Number of children starting to be looked after", "-", "YTD", 151, 298, 452},
		{"E04", "Number of children starting to be looked after in the quarter", "-", "Q", 151, 147, 154},
	})
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "year to date, to the quarter's end") {
			at = append(at, w.Cell+": "+w.Message)
		}
	}
	want := `D2: E03: data period "YTD": its figures under quarter columns are each the year to date, to the quarter's end, filed under that quarter (under Jul-Sep 2024, the year from its start to September 2024), not the quarter's own`
	if len(at) != 1 || !strings.HasPrefix(at[0], want) {
		t.Errorf("warnings %q, want one beginning %q", at, want)
	}
}
