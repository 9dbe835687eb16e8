package importer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestTidyRowOwnDefinition reads tidy tables whose later rows of a Ref
// state another Unit, Data period or Polarity than its first (QA22 F13):
// a UASC row "%" under all children's count is not read as the count of
// UASC (1896 less "22%" is no figure), nor is any row in another unit or
// data period; said once per Ref and difference, at the first such row,
// with how many more. Rows saying the same in other words, or nothing,
// are read unsaid.
func TestTidyRowOwnDefinition(t *testing.T) {
	const head = "Ref,Indicator,Unit,Data period,Polarity,Period,Area,Cohort,Value\n"
	tests := []struct {
		name  string
		csv   string
		want  []string // seriesOf U1
		warn  []string
		never []string
	}{
		{
			name: "a UASC row in per cent under a count",
			csv: head +
				"U1,Number of children in care,count,MS,,2025-08,Kent,All,1896\n" +
				"U1,Number of children in care,%,MS,,2025-08,Kent,UASC,22\n" +
				"U1,Number of children in care,count,MS,,2025-09,Kent,All,1900\n" +
				"U1,Number of children in care,%,MS,,2025-09,Kent,UASC,23\n",
			want: []string{"Kent all: 1896 1900"},
			warn: []string{`u.csv: line 3: U1: UASC only row skipped: its unit "%" is not "count", as line 2 gives U1's; a figure of another measure taken from all children's would leave a figure of neither; give every row of U1 the same definition, or these figures a Ref of their own; 1 more row of U1 (UASC only) alike, skipped`},
		},
		{
			name: "the same unit, data period and polarity in other words",
			csv: head +
				"U1,Number of children in care,count,MS,L,2025-08,Kent,All,1896\n" +
				"U1,Number of children in care,Number,Snapshot,Low,2025-08,Kent,UASC,400\n" +
				"U1,Number of children in care,,,-,2025-08,Kent,Excluding UASC,1496\n",
			want:  []string{"Kent all: 1896", "Kent excl:uasc: 1496", "Kent uasc: 400"},
			never: []string{"U1:"},
		},
		{
			name: "a UASC row counted over the month under a rolling year",
			csv: head +
				"U1,Children starting to be looked after,count,R12M,,2025-08,Kent,All,3000\n" +
				"U1,Children starting to be looked after,count,M,,2025-08,Kent,UASC,150\n",
			want:  []string{"Kent all: 3000"},
			warn:  []string{`line 3: U1: UASC only row skipped: its data period "M" is not "R12M", as line 2 gives U1's;`},
			never: []string{"more row"},
		},
		{
			name: "another polarity skips a cohort's row, and is said of all children's",
			csv: head +
				"U1,Children in care with 3+ placements (%),%,R12M,L,2025-08,Kent,All,10.5\n" +
				"U1,Children in care with 3+ placements (%),%,R12M,H,2025-08,Kent,Excluding UASC,9.5\n" +
				"U1,Children in care with 3+ placements (%),%,R12M,H,2025-09,Kent,All,10.6\n",
			want: []string{"Kent all: 10.5 10.6"},
			warn: []string{`line 3: U1: Excluding UASC row skipped: its polarity "H" is not "L", as line 2 gives U1's;`,
				`line 4: U1: its polarity "H" is not "L", as line 2 gives U1's; read as U1's figure, under the polarity its first row gives`},
		},
		{
			name: "a UASC row first: all children's rows in another unit are not read",
			csv: head +
				"U1,Number of children in care,%,MS,,2025-08,Kent,UASC,22\n" +
				"U1,Number of children in care,count,MS,,2025-08,Kent,All,1896\n",
			want: []string{"Kent uasc: 22"},
			warn: []string{`line 3: U1: row skipped: its unit "count" is not "%", as line 2 gives U1's; a figure of another measure would be read as one of U1's`},
		},
		{
			name: "a unit first stated on a later row is the one the rest are held to",
			csv: head +
				"U1,Number of children in care,,MS,,2025-08,Kent,All,1896\n" +
				"U1,Number of children in care,count,MS,,2025-09,Kent,All,1900\n" +
				"U1,Number of children in care,%,MS,,2025-09,Kent,UASC,23\n",
			want: []string{"Kent all: 1896 1900"},
			warn: []string{`line 4: U1: UASC only row skipped: its unit "%" is not "count", as line 3 gives U1's;`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "u.csv")
			if err := os.WriteFile(path, []byte(tc.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, path)
			if got := seriesOf(res.Dataset, "U1"); !slices.Equal(got, tc.want) {
				t.Errorf("U1 %q, want %q", got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}
