package importer

import (
	"context"
	"fmt"
	"testing"
)

// TestAllFiguresDroppedNoted: a sheet whose every figure was dropped at
// its cell (months over "No. | %" for rows whose unit nothing states)
// gives its first such figure to the import as left unread, so that a
// file of it and a target column is refused, not "imported, 0
// observations", exit 0 (hA F3). A sheet that read a figure gives none.
func TestAllFiguresDroppedNoted(t *testing.T) {
	jan, feb := 45658.0, 45689.0 // 1 Jan, 1 Feb 2025
	for _, tt := range []struct {
		name string
		row  []any
		want string // the figures left unread, as Sheet!Cell
	}{
		{"no unit to choose No. or %", []any{"CIC04", "Children in care placed more than 20 miles from home", "L", 280, 0.147, 281, 0.148, 12}, "[Scorecard!E3]"},
		{"a percentage's name", []any{"CIC04", "Children in care placed more than 20 miles from home (%)", "L", 280, 14.7, 281, 14.8, 12}, "[]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sb := subBook{months: []any{jan, feb}, dates: true, merge: true, subs: []string{"No.", "%"},
				tail: []string{"Target 2024/25"}, rows: [][]any{tt.row}}
			res, err := Read(context.Background(), sb.save(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range res.UnreadFigures {
				got = append(got, l.Sheet+"!"+l.Cell)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("unread figures %v, want %s (%d observations, %d targets; warnings %v)", got, tt.want,
					len(res.Dataset.Observations), len(res.Dataset.Targets), res.Warnings)
			}
		})
	}
}
