package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// A month given twice (QA20 D6, z4: "Jun-25 | Jun-25 (revised)") stores
// one figure, the rule for which said at the headings: a revised column
// supersedes the plain one, whose differing figures are said at their
// cells; a provisional column is read only where nothing else gives the
// month. Before, the revised column was "heading not known" and the
// provisional 3020 was stored with nothing said.
func TestRevisedAndProvisionalMonths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		heads []any // D1 on
		row   []any // D2 on
		want  []string
		warn  []string
		never []string
	}{
		{
			name:  "z4: the revised column supersedes the plain month",
			heads: []any{"Apr-25", "May-25", "Jun-25", "Jun-25 (revised)"},
			row:   []any{3000, 3010, 3020, 3025},
			want:  []string{"2025-04 3000", "2025-05 3010", "2025-06 3025"},
			warn: []string{
				`Scorecard!F1: column F "Jun-25" not read: column G "Jun-25 (revised)" gives Jun-25's revised figures, which supersede these and are stored`,
				`Scorecard!G1: column G "Jun-25 (revised)" read as Jun-25's revised figures, which supersede column F "Jun-25"'s`,
				`Scorecard!F2: ZD01: Jun-25 "3020" superseded by the revised 3025 in column G; not stored`,
			},
			never: []string{"not one the importer knows"},
		},
		{
			name:  "the revised column first, (rev): an equal figure is not said at its cell",
			heads: []any{"Jun-25 (rev)", "Apr-25", "May-25", "Jun-25"},
			row:   []any{3020, 3000, 3010, 3020},
			want:  []string{"2025-04 3000", "2025-05 3010", "2025-06 3020"},
			warn:  []string{`Scorecard!G1: column G "Jun-25" not read: column D "Jun-25 (rev)" gives Jun-25's revised figures`},
			never: []string{"Scorecard!G2", "not one the importer knows"},
		},
		{
			name:  "a blank revised cell: the plain figure is said, not stored",
			heads: []any{"May-25", "Jun-25", "Jun-25 revised"},
			row:   []any{3010, 3020, nil},
			want:  []string{"2025-05 3010"},
			warn:  []string{`Scorecard!E2: ZD01: Jun-25 "3020" not stored: column F "Jun-25 revised", which supersedes this column, has no figure for it`},
		},
		{
			name:  "(final) reads as revised",
			heads: []any{"May-25", "Jun-25", "Jun-25 (final)"},
			row:   []any{3010, 3020, 3025},
			want:  []string{"2025-05 3010", "2025-06 3025"},
			warn:  []string{`Scorecard!E2: ZD01: Jun-25 "3020" superseded by the revised 3025 in column F; not stored`},
		},
		{
			name:  "a provisional month alone is read, and said to be provisional",
			heads: []any{"Apr-25", "May-25", "Jun-25 (provisional)"},
			row:   []any{3000, 3010, 3020},
			want:  []string{"2025-04 3000", "2025-05 3010", "2025-06 3020"},
			warn:  []string{`Scorecard!F1: column F "Jun-25 (provisional)" read as Jun-25's provisional figures, no other column giving the month's; they may be revised`},
		},
		{
			name:  "a provisional month gives way to the plain one",
			heads: []any{"May-25", "Jun-25 (prov)", "Jun-25"},
			row:   []any{3010, 3020, 3025},
			want:  []string{"2025-05 3010", "2025-06 3025"},
			warn:  []string{`Scorecard!E1: column E "Jun-25 (prov)" not read: its heading reads as Jun-25, but its figures are provisional figures, and column F "Jun-25" gives Jun-25's own: that is kept`},
		},
		{
			name:  "a provisional month gives way to the revised one",
			heads: []any{"May-25", "Jun-25 (prov)", "Jun-25 (R)"},
			row:   []any{3010, 3020, 3025},
			want:  []string{"2025-05 3010", "2025-06 3025"},
			warn:  []string{`Scorecard!E1: column E "Jun-25 (prov)" not read: its heading reads as Jun-25's provisional figures, and column F "Jun-25 (R)" gives Jun-25's revised figures: those are kept`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", append([]any{"Ref", "Indicator", "Polarity"}, tc.heads...)...)
			b.row(s, "A2", append([]any{"ZD01", "Number of children in need", "-"}, tc.row...)...)
			res, err := Read(context.Background(), b.save("z4.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			if got := periodFigures(res.Dataset); !slices.Equal(got, tc.want) {
				t.Errorf("figures = %q, want %q", got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// A layout saved from a read of a revised month (a profile) keeps which
// column the revised one supersedes, so the next file's differing
// superseded figures are still said at their cells.
func TestRevisedMonthFromSavedLayout(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Polarity", "May-25", "Jun-25", "Jun-25 (revised)")
	b.row("Scorecard", "A2", "ZD01", "Number of children in need", "-", 3010, 3020, 3025)
	path := b.save("z4.xlsx")
	auth := authorityNamed(t, "Leeds")
	first, err := Read(context.Background(), path, Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{Authority: auth, Layouts: map[string]Layout{"Scorecard": profileOf(t, first.Layouts[0])}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range res.Dataset.Observations {
		got = append(got, fmt.Sprintf("%s %v", o.Period, *o.Value))
	}
	slices.Sort(got)
	if want := []string{"2025-05 3010", "2025-06 3025"}; !slices.Equal(got, want) {
		t.Errorf("figures = %q, want %q", got, want)
	}
	warnsAndNever(t, res.Warnings, []string{`Scorecard!E2: ZD01: Jun-25 "3020" superseded by the revised 3025 in column F; not stored`}, nil)
}
