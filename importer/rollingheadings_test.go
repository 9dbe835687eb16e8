package importer

import (
	"fmt"
	"testing"
)

// TestSpanHeadingsToADayOrOfOtherMonths (QA21 k7, k8): "12 months to 31
// March 2025" and "3 months to Mar-25" were refused as headings the
// importer does not know. Twelve months to a month's last day are that
// month's rolling 12-month figures, read under the rule "12 months to
// Mar-25" is (only for an indicator whose data period is R12M); twelve
// months to a day within a month, or a span of other months (a rolling
// quarter), have no period in the app: refused at the heading, saying
// what the span is and how to give it.
func TestSpanHeadingsToADayOrOfOtherMonths(t *testing.T) {
	tests := []struct {
		name   string
		dp     string // the row's Data period
		head   []any
		want   []string
		warned map[string][]string // by cell, the parts of one warning there
	}{
		{"12 months to a month's last day, rolling indicator", "R12M", []any{"12 months to 31 March 2025"},
			[]string{"2025-03=1"},
			map[string][]string{"E1": {`column E "12 months to 31 March 2025" read as Mar-25`, "rolling 12-month figures to Mar-25"}}},
		{"12 months to a month's last day, monthly indicator", "M", []any{"12 months to 31 March 2025"},
			nil,
			map[string][]string{"E1": {`column E "12 months to 31 March 2025" not read for RM01 (row 2, data period M)`, "give the data period R12M"}}},
		{"beside the month's own (k7)", "R12M", []any{"Jan-25", "Mar-25", "12 months to 31 March 2025"},
			[]string{"2025-01=1", "2025-03=2"},
			map[string][]string{"G1": {`column G "12 months to 31 March 2025" not read`, `column F "Mar-25" gives Mar-25's own: that is kept`}}},
		// A rolling year published each quarter, headed by its end or by
		// its first and last months: unknown headings before.
		{"year ending a month", "R12M", []any{"Year ending Sep-24", "Year ending Dec-24"},
			[]string{"2024-09=1", "2024-12=2"},
			map[string][]string{"E1": {`column E "Year ending Sep-24" read as Sep-24`, "rolling 12-month figures to Sep-24"}}},
		{"twelve months by their first and last", "R12M", []any{"Oct-23 to Sep-24", "Jan-24 - Dec-24"},
			[]string{"2024-09=1", "2024-12=2"},
			map[string][]string{"E1": {`column E "Oct-23 to Sep-24" read as Sep-24`, "rolling 12-month figures to Sep-24"}}},
		{"in figures", "R12M", []any{"12 months to 31/03/2025"},
			[]string{"2025-03=1"},
			map[string][]string{"E1": {"read as Mar-25", "rolling 12-month figures"}}},
		{"ordinal day, rolling", "R12M", []any{"Rolling 12 months to 31st Mar 2025"},
			[]string{"2025-03=1"},
			map[string][]string{"E1": {"read as Mar-25", "rolling 12-month figures"}}},
		{"12 months to a day within a month", "R12M", []any{"12 months to 15 March 2025"},
			nil,
			map[string][]string{"E1": {`column E "12 months to 15 March 2025" not read`, "12 months to 15 March 2025, a day within Mar-25, not its end", `"12 months to Mar-25"`}}},
		{"3 months to a quarter's end (k8)", "", []any{"Jan-25", "Feb-25", "3 months to Mar-25"},
			[]string{"2025-01=1", "2025-02=2"},
			map[string][]string{"G1": {`column G "3 months to Mar-25" not read`, "a 3-month span, Jan-25 to Mar-25", "head the column Jan-Mar 2025"}}},
		{"3 months to another month", "", []any{"3 months to Feb-25"},
			nil,
			map[string][]string{"E1": {"not read", "a 3-month span, Dec-24 to Feb-25", "give each month's own figures under its month"}}},
		{"rolling 6 months", "", []any{"Rolling 6 months ending March 2025"},
			nil,
			map[string][]string{"E1": {"not read", "a 6-month span, Oct-24 to Mar-25"}}},
		{"R3M", "", []any{"R3M Mar-25"},
			nil,
			map[string][]string{"E1": {"not read", "a 3-month span, Jan-25 to Mar-25"}}},
		{"three months in words to a day", "", []any{"Three months to 15/03/2025"},
			nil,
			map[string][]string{"E1": {"not read", "a 3-month span, to 15/03/2025"}}},
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
