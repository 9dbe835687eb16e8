package importer

import (
	"fmt"
	"slices"
	"testing"
)

// TestRefsWithoutDigits reads rows whose Ref has no digit ("CLA") and no
// figures: an indicator where the row states a definition, target or
// benchmark beside it, a section heading where it states nothing else.
func TestRefsWithoutDigits(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rows    [][]any
		want    []string // ref|section|polarity
		targets []string
	}{
		{
			name: "a sheet of definitions and targets, with no figures",
			rows: [][]any{
				{"Ref", "Indicator", "Polarity", "Unit", "Target 2025/26"},
				{"CIC01", "Number of children in care", "Low", "count", 1800},
				{"CLA", "Children looked after rate per 10,000", "Low", "rate per 10,000", 60},
				{"EHA", "Early help assessments completed", "High", "count", 500},
				{"Social care"},
				{"SCS01", "Referrals", "Low", "count", 900},
			},
			want:    []string{"CIC01||L", "CLA||L", "EHA||H", "SCS01|Social care|L"},
			targets: []string{"CIC01", "CLA", "EHA", "SCS01"},
		},
		{
			name: "a sheet of months: a Ref with no figures yet but its polarity",
			rows: [][]any{
				{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"},
				{"CIC", "Children in care"},
				{"CIC01", "Number of children in care", "Low", 1810, 1805},
				{"CLA", "Children looked after rate per 10,000", "Low"},
			},
			want: []string{"CIC01|CIC|L", "CLA|CIC|L"},
		},
		{
			name: "a one-word heading with a name and nothing else stays a section",
			rows: [][]any{
				{"Ref", "Indicator", "Polarity", "Target 2025/26"},
				{"CIC", "Children in care"},
				{"CIC01", "Number of children in care", "Low", 1800},
			},
			want:    []string{"CIC01|CIC|L"},
			targets: []string{"CIC01"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", tc.rows))
			var got []string
			for _, ind := range res.Dataset.Indicators {
				got = append(got, fmt.Sprintf("%s|%s|%s", ind.Ref, ind.Section, ind.Polarity))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("indicators %q, want %q", got, tc.want)
			}
			var targets []string
			for _, tg := range res.Dataset.Targets {
				targets = append(targets, tg.Ref)
			}
			slices.Sort(targets)
			if !slices.Equal(targets, tc.targets) {
				t.Errorf("targets for %q, want %q", targets, tc.targets)
			}
		})
	}
}
