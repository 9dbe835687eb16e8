package importer

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A district sheet's column naming an area and a cohort, "Kent excl
// UASC", is that area's figure for the cohort, said at its heading; an
// area whose name holds no cohort words is read as before, and a heading
// whose words name no area but a cohort, beside the authority's own
// column, is the authority's (see TestCohortColumnsBesideAreas).
func TestAreaCohortColumns(t *testing.T) {
	for _, tc := range []struct {
		name    string
		heading string
		want    []string // CIC01's series, as seriesOf writes them
		warn    string   // the heading's warning, at D3
		skipped string   // a cell's warning, where row and column disagree
		twin    string   // the label of a cohort's row under CIC01's, if any
	}{
		{name: "the authority excluding UASC", heading: "Kent excl UASC",
			want: []string{"Ashford all: 115", "Kent all: 1896", "Kent excl:uasc: 1486"},
			warn: `Districts!D3: column D "Kent excl UASC": read as Kent's figures, counting all children excluding UASC`},
		{name: "in brackets", heading: "Kent (excluding UASC)",
			want: []string{"Ashford all: 115", "Kent all: 1896", "Kent excl:uasc: 1486"},
			warn: `read as Kent's figures, counting all children excluding UASC`},
		{name: "a district, UASC alone", heading: "Ashford UASC only",
			want: []string{"Ashford all: 115", "Ashford uasc: 1486", "Kent all: 1896"},
			warn: `column D "Ashford UASC only": read as Ashford's figures, counting UASC alone`},
		{name: "no area before the cohort words, beside the authority's column", heading: "Excl UASC",
			want: []string{"Ashford all: 115", "Kent all: 1896", "Kent excl:uasc: 1486"},
			warn: `column D "Excl UASC": read as Kent's figures, counting all children excluding UASC: it names no area, and stands beside Kent's own column C`},
		{name: "a row excluding OLA in a column excluding UASC excludes both", heading: "Kent excl UASC", twin: "Excluding OLA",
			want: []string{"Ashford all: 115", "Ashford excl:ola: 100", "Kent all: 1896", "Kent excl:ola+uasc: 1400", "Kent excl:ola: 1800", "Kent excl:uasc: 1486"},
			warn: `read as Kent's figures, counting all children excluding UASC`},
		{name: "a row of UASC alone in a column excluding them is not read", heading: "Kent excl UASC", twin: "UASC only",
			want:    []string{"Ashford all: 115", "Ashford uasc: 100", "Kent all: 1896", "Kent excl:uasc: 1486", "Kent uasc: 1800"},
			warn:    `read as Kent's figures, counting all children excluding UASC`,
			skipped: `Districts!D5: CIC01: cell skipped: the row counts UASC alone, though column D's heading "Kent excl UASC" says all children excluding UASC`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Districts")
			b.row("Districts", "A1", "District summary - March 2025")
			b.row("Districts", "A3", "Ref", "Indicator", "Kent", tc.heading, "Ashford")
			b.row("Districts", "A4", "CIC01", "Number of children in care", 1896, 1486, 115)
			if tc.twin != "" {
				b.row("Districts", "A5", "", tc.twin, 1800, 1400, 100)
			}
			res, err := Read(context.Background(), b.save("districts.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := seriesOf(res.Dataset, "CIC01")
			if !slices.Equal(got, tc.want) {
				t.Errorf("CIC01 %q, want %q", got, tc.want)
			}
			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.String())
			}
			for _, w := range []string{tc.warn, tc.skipped} {
				if w != "" && !slices.ContainsFunc(warns, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("no warning %q in %q", w, warns)
				}
			}
		})
	}
}
