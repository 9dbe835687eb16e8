package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestLaidOutAhead: months after the one a scorecard's title names,
// laid out ahead and filled with 0 or "-", are not figures: read, they
// made the latest month one not yet reported ("0% (RED)"). They are left
// unread, naming the columns; figures after the title's month are read
// but said; without a month in the title everything is read.
func TestLaidOutAhead(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Target", "Floor", "Aug-25", "Sep-25", "Oct-25", "Nov-25"}
	tests := []struct {
		name   string
		title  string
		rows   [][]any
		latest string // the latest period read
		n      int    // figures read
		want   []string
	}{
		{"zeros and dashes ahead", "CYPE Scorecard 2025/26 - September 2025",
			[][]any{{"BM01", "Visits on time (%)", "H", 80, 70, 81, 82},
				{"BM02", "Number of new plans", "-", nil, nil, 100, 110, "-", "-"},
				{"BM03", "Timeliness of reviews (%)", "H", 90, 85, 91, 92, 0, 0}},
			"2025-09", 6,
			[]string{"H3: the title names Sep-25; the periods after it (Oct-25 to Nov-25, columns H, I) hold only 0 or marks such as \"-\": their 4 cells are not read as figures"}},
		{"a month reported after the title", "CYPE Scorecard - September 2025",
			[][]any{{"BM01", "Visits on time (%)", "H", 80, 70, 81, 82, 83},
				{"BM03", "Children in secure units", "L", nil, nil, 1, 2, 0}},
			"2025-10", 6,
			[]string{"H3: Oct-25 (column H) comes after Sep-25, the period the title names: its 2 figures are read as given"}},
		{"no month in the title", "CYPE Scorecard",
			[][]any{{"BM03", "Timeliness of reviews (%)", "H", 90, 85, 91, 92, 0, 0}},
			"2025-11", 4, nil},
		{"the title's month the last", "CYPE Scorecard - November 2025",
			[][]any{{"BM03", "Timeliness of reviews (%)", "H", 90, 85, 91, 92, 0, 0}},
			"2025-11", 4, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([][]any{{tt.title}, {}, head}, tt.rows...)
			res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var latest app.Period
			for _, o := range res.Dataset.Observations {
				if o.Period.Compare(latest) > 0 {
					latest = o.Period
				}
			}
			if latest.String() != tt.latest || len(res.Dataset.Observations) != tt.n {
				t.Errorf("%d figures to %s, want %d to %s", len(res.Dataset.Observations), latest, tt.n, tt.latest)
			}
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "title names") {
					got = append(got, w.Cell+": "+w.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}
