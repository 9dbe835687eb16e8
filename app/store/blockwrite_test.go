package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestGroupSeries: figures are gathered by series in key order, each
// series' in period order, two statements of one period in the order the
// dataset gave them (the later stands), however the dataset ordered them.
func TestGroupSeries(t *testing.T) {
	m := func(n int) app.Period { return app.MonthOf(2025, time.Month(n)) }
	ob := func(ref string, area app.Area, p app.Period) app.Observation {
		return app.Observation{Ref: ref, Area: area, Period: p}
	}
	tests := []struct {
		name string
		obs  []app.Observation
		want []string // per group: ref/area and the indexes of its figures
	}{
		{"in order", []app.Observation{ob("A", "Kent", m(1)), ob("A", "Kent", m(2)), ob("B", "Kent", m(1))},
			[]string{"A/Kent [0 1]", "B/Kent [2]"}},
		{"a series out of period order", []app.Observation{ob("A", "Kent", m(3)), ob("A", "Kent", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Kent [1 2 0]"}},
		{"series interleaved, returning out of order", []app.Observation{
			ob("B", "Kent", m(2)), ob("A", "Kent", m(2)), ob("B", "Kent", m(1)), ob("A", "Kent", m(3))},
			[]string{"A/Kent [1 3]", "B/Kent [2 0]"}},
		{"a period stated twice keeps the dataset's order", []app.Observation{
			ob("A", "Kent", m(2)), ob("A", "Kent", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Kent [1 0 2]"}},
		{"areas of a ref", []app.Observation{ob("A", "Kent", m(1)), ob("A", "Dover", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Dover [1]", "A/Kent [0 2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups, err := groupSeries(tt.obs)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range groups {
				o := tt.obs[g.recs[0]]
				got = append(got, fmt.Sprintf("%s/%s %v", o.Ref, o.Area, g.recs))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups = %q, want %q", got, tt.want)
			}
		})
	}
}
