package importer

import (
	"context"
	"testing"
)

// TestTotalRowsSaid: a Total row among a section's indicators is a total
// of the rows above, not an indicator called "Total": it is skipped and
// said, where it was silently added to the indicators.
func TestTotalRowsSaid(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25"}
	tests := []struct {
		name string
		row  []any
		refs int // indicators read
		want []string
	}{
		{"Total in the Ref column", []any{"Total", nil, nil, 200, 210, 220}, 2,
			[]string{`A4: row skipped: "Total" is a total of the rows above, not an indicator`}},
		{"a named sub-total", []any{"Sub-total", "Total of the above", "-", 5, 7, 9}, 2,
			[]string{`A4: row skipped: "Sub-total" is a total of the rows above`}},
		{"Grand Total", []any{"Grand Total", nil, nil, 5, 7, 9}, 2,
			[]string{`A4: row skipped: "Grand Total" is a total of the rows above`}},
		{"an indicator whose Ref begins so", []any{"TOT01", "Total children seen", "-", 5, 7, 9}, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{head,
				{"EH01", "Families supported by Early Help", "-", 100, 110, 120},
				{"EH02", "Families stepped down", "-", 100, 100, 100},
				tt.row}
			res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(res.Dataset.Indicators); n != tt.refs {
				t.Errorf("%d indicators read, want %d", n, tt.refs)
			}
			checkWarnings(t, res.Warnings, []string{"total", "Ref"}, tt.want)
		})
	}
}
