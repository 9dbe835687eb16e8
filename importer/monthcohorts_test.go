package importer

import (
	"context"
	"slices"
	"testing"
)

// TestMonthCohortHeadings: on a sheet of months, a column headed by the
// month and a cohort with no area ("Mar-25 excl UASC", "UASC only
// Mar-25") is the row's area's figure for that month and cohort, beside
// all children's, said at its heading; a cohort's heading with no month
// ("UASC only") is refused saying how to head it. Both had been "not
// one the importer knows", with no advice. A cohort in doubt ("excl 16+")
// is left unread, as before.
func TestMonthCohortHeadings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		heads []any
		row   []any
		want  []string // CLA1's series, as seriesOf writes them
		warn  []string
		never []string
	}{
		{name: "a month excluding UASC beside all children's",
			heads: []any{"Ref", "Indicator", "Feb-25", "Mar-25", "Mar-25 excl UASC"},
			row:   []any{"CLA1", "Number of children looked after", 1450, 1480, 1300},
			want:  []string{"Kent all: 1450 1480", "Kent excl:uasc: 1300"},
			warn:  []string{`Scorecard!E1: column E "Mar-25 excl UASC": read as each row's figures for Mar-25, counting all children excluding UASC, beside the row's figures for all children`},
			never: []string{"not read", "not one the importer knows"}},
		{name: "a cohort alone, the month after it",
			heads: []any{"Ref", "Indicator", "Mar-25", "UASC only Mar-25"},
			row:   []any{"CLA1", "Number of children looked after", 1480, 180},
			want:  []string{"Kent all: 1480", "Kent uasc: 180"},
			warn:  []string{`Scorecard!D1: column D "UASC only Mar-25": read as each row's figures for Mar-25, counting UASC alone`},
			never: []string{"not read"}},
		{name: "a cohort with no month is refused, saying how to head it",
			heads: []any{"Ref", "Indicator", "Feb-25", "Mar-25", "UASC only"},
			row:   []any{"CLA1", "Number of children looked after", 1450, 1480, 180},
			want:  []string{"Kent all: 1450 1480"},
			warn:  []string{`Scorecard!E1: column E "UASC only" not read: it counts UASC alone but names no month or quarter, and a cohort's figures are read for the period their heading names: head each period's column of them by the period and the cohort, such as "Mar-25 UASC only" beside "Mar-25"`}},
		{name: "a cohort the app does not hold is left unread",
			heads: []any{"Ref", "Indicator", "Mar-25", "Mar-25 excl 16+"},
			row:   []any{"CLA1", "Number of children looked after", 1480, 1400},
			want:  []string{"Kent all: 1480"},
			warn:  []string{`Scorecard!D1: column D "Mar-25 excl 16+" not read`},
			never: []string{"read as each row's figures"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", tc.heads...)
			b.row("Scorecard", "A2", tc.row...)
			res, err := Read(context.Background(), b.save("m.xlsx"), Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CLA1"); !slices.Equal(got, tc.want) {
				t.Errorf("CLA1 %q, want %q", got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}
