package importer

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestStaleLocalityTitle: a Localities sheet in March's workbook whose
// title still names February (QA27a 1b, repro_loc.sh) gives, as Leeds's
// figures, the scorecard's Mar-26 figures, not its Feb-26 ones. Read as
// its title's month, its localities' figures replaced February's, as
// revisions, and March had none, said only as Leeds's figure differing
// from the scorecard's. It is refused at the title, naming the month its
// figures match; a sheet whose totals are its title's month, or match
// neither month, or not the latest month in every figure telling the
// two apart, is read as ever.
func TestStaleLocalityTitle(t *testing.T) {
	// The scorecard: Jan-26, Feb-26, Mar-26 for Leeds.
	score := [][]any{
		{"CLA01", "Number of children looked after", 1440, 1437, 1395},
		{"SG01", "Children subject to a child protection plan", 652, 640, 643},
	}
	for _, tc := range []struct {
		name, title string
		leeds       [2]any   // the sheet's Leeds column: CLA01, SG01
		areas       string   // the month the localities' figures are dated, "" for none read
		want        []string // CLA01's series, "area split: figures"
		warn, never []string
	}{
		{
			name: "February's title over March's figures", title: "Locality summary - February 2026",
			leeds: [2]any{1395, 643},
			want:  []string{"Leeds all: 1440 1437 1395"},
			warn:  []string{`loc.xlsx: Localities!A1: sheet skipped: the sheet is dated Feb-26, the month the title at A1 names, but its 2 figures for Feb-26 that tell the two months apart are the scorecard's for Mar-26, not Feb-26's (CLA01 Leeds 1395 at Localities!C4, as Mar-26 1395 at Scorecard!E4): the title looks left from last month, and read as Feb-26 its districts' figures would replace Feb-26's; correct the title to name Mar-26 (or, if the figures are Feb-26's, correct them), and import again`},
			never: []string{"here but", "the sheet has no month columns"},
		},
		{
			name: "March's title over March's figures", title: "Locality summary - March 2026",
			leeds: [2]any{1395, 643},
			areas: "2026-03",
			want:  []string{"East North East all: 432", "Leeds all: 1440 1437 1395", "South South East all: 480", "West North West all: 483"},
			warn:  []string{`Localities!C3: the sheet has no month columns: its columns C3:F3 are read as areas, their figures dated Mar-26, the month the title at A1 names`},
			never: []string{"sheet skipped", "here but"},
		},
		{
			name: "February's title over February's figures", title: "Locality summary - February 2026",
			leeds: [2]any{1437, 640}, areas: "2026-02",
			want:  []string{"East North East all: 432", "Leeds all: 1440 1437 1395", "South South East all: 480", "West North West all: 483"},
			warn:  []string{`their figures dated Feb-26, the month the title at A1 names`},
			never: []string{"sheet skipped", "here but"},
		},
		{
			name: "figures matching neither month", title: "Locality summary - February 2026",
			leeds: [2]any{1400, 641}, areas: "2026-02",
			want:  []string{"East North East all: 432", "Leeds all: 1440 1437 1395", "South South East all: 480", "West North West all: 483"},
			warn:  []string{`Localities!C4: CLA01 Leeds Feb-26: 1400 here but 1437 at Scorecard!D4; kept Scorecard!D4`},
			never: []string{"sheet skipped"},
		},
		{
			name: "one figure February's, one March's", title: "Locality summary - February 2026",
			leeds: [2]any{1395, 640}, areas: "2026-02",
			want:  []string{"East North East all: 432", "Leeds all: 1440 1437 1395", "South South East all: 480", "West North West all: 483"},
			warn:  []string{`CLA01 Leeds Feb-26: 1395 here but 1437 at Scorecard!D4`},
			never: []string{"sheet skipped"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Leeds Children's Services Scorecard - March 2026")
			b.row("Scorecard", "A3", "Ref", "Indicator", "Jan-26", "Feb-26", "Mar-26")
			for i, r := range score {
				b.row("Scorecard", cellName(3+i, 0), r...)
			}
			b.sheet("Localities")
			b.row("Localities", "A1", tc.title)
			b.row("Localities", "A3", "Ref", "Indicator", "Leeds", "East North East", "South South East", "West North West")
			b.row("Localities", "A4", "CLA01", "Number of children looked after", tc.leeds[0], 432, 480, 483)
			b.row("Localities", "A5", "SG01", "Children subject to a child protection plan", tc.leeds[1], 210, 215, 218)
			res, err := Read(context.Background(), b.save("loc.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CLA01"); !slices.Equal(got, tc.want) {
				t.Errorf("CLA01 %q, want %q", got, tc.want)
			}
			n := 0
			for _, o := range res.Dataset.Observations {
				if o.Area == "Leeds" {
					continue
				}
				n++
				if o.Period.String() != tc.areas || !strings.HasPrefix(o.Cell, "Localities!") {
					t.Errorf("%s %s dated %s from %s, want %q", o.Ref, o.Area, o.Period, o.Cell, tc.areas)
				}
			}
			if want := map[bool]int{true: 0, false: 6}[tc.areas == ""]; n != want {
				t.Errorf("%d localities' figures, want %d", n, want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}
