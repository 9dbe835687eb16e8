package importer

import (
	"context"
	"slices"
	"testing"
)

// Numbered quarters ("Qtr 1" to "Qtr 4", "Q1", "Quarter 1") under a
// merged financial-year caption (QA20 D6, z2) are that year's quarters,
// Qtr 1 of 2024/25 being April to June 2024, said once at each caption.
// Under a calendar or academic year they are not dated, and said so,
// rather than guessed. Before, the quarters were "heading not known" and
// no figure was read.
func TestQuartersUnderYears(t *testing.T) {
	for _, tc := range []struct {
		name  string
		caps  []any // over D:G and H:I
		heads []any // D2:I2
		want  []string
		warn  []string
		never []string
	}{
		{
			name:  "z2: Qtr 1..4 under 2024/25, Qtr 1..2 under 2025/26",
			caps:  []any{"2024/25", "2025/26"},
			heads: []any{"Qtr 1", "Qtr 2", "Qtr 3", "Qtr 4", "Qtr 1", "Qtr 2"},
			want:  []string{"2024-Q2 70", "2024-Q3 72", "2024-Q4 74", "2025-Q1 75", "2025-Q2 76", "2025-Q3 77"},
			warn: []string{
				`Quarterly!D1: quarters with no year beneath "2024/25" (merged across them) read as quarters of the financial year 2024/25, Qtr 1 being April to June: D "Qtr 1" as Apr-Jun 2024, E "Qtr 2" as Jul-Sep 2024, F "Qtr 3" as Oct-Dec 2024, G "Qtr 4" as Jan-Mar 2025`,
				`Quarterly!H1: quarters with no year beneath "2025/26" (merged across them) read as quarters of the financial year 2025/26`,
			},
			never: []string{"not read"},
		},
		{
			name:  "Q1 and Quarter 1 alike",
			caps:  []any{"2024-25", "FY 2025/26"},
			heads: []any{"Q1", "Q2", "Quarter 3", "Quarter 4", "Q1", "Q2"},
			want:  []string{"2024-Q2 70", "2024-Q3 72", "2024-Q4 74", "2025-Q1 75", "2025-Q2 76", "2025-Q3 77"},
			warn:  []string{`Quarterly!D1: quarters with no year beneath "2024-25"`},
			never: []string{"not read"},
		},
		{
			name:  "academic years' quarters are not calendar quarters: not dated, said",
			caps:  []any{"2024/25 AY", "2025/26 AY"},
			heads: []any{"Qtr 1", "Qtr 2", "Qtr 3", "Qtr 4", "Qtr 1", "Qtr 2"},
			warn:  []string{`Quarterly!D1: quarters under "2024/25 AY" (Qtr 1) not dated: an academic year's quarters are not calendar quarters`},
		},
		{
			name:  "a calendar year's numbered quarters are not guessed",
			caps:  []any{2024, 2025},
			heads: []any{"Q1", "Q2", "Q3", "Q4", "Q1", "Q2"},
			warn:  []string{`Quarterly!D1: quarters under "2024" (Q1) not dated: it does not say whether the quarters are the calendar's or numbered from April`},
		},
		{
			name:  "a quarter named twice under one year is not dated",
			caps:  []any{"2024/25", "2025/26"},
			heads: []any{"Qtr 1", "Qtr 2", "Qtr 2", "Qtr 4", "Qtr 1", "Qtr 2"},
			want:  []string{"2025-Q2 76", "2025-Q3 77"},
			warn:  []string{`Quarterly!D1: months under "2024/25" name Qtr 2 twice: not dated`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			s := "Quarterly"
			b.sheet(s)
			b.row(s, "D1", tc.caps[0], nil, nil, nil, tc.caps[1])
			b.merge(s, "D1", "G1")
			b.merge(s, "H1", "I1")
			b.row(s, "A2", append([]any{"Ref", "Indicator", "Polarity"}, tc.heads...)...)
			b.row(s, "A3", "ZB01", "Percentage of reviews on time", "H", 70, 72, 74, 75, 76, 77)
			res, err := Read(context.Background(), b.save("z2.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
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
