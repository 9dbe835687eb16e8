package importer

import (
	"context"
	"slices"
	"testing"
)

// A district or locality sheet's columns saying which children they
// count (QA21 d2): "Kent incl UASC", "Kent including UASC" and "Kent (all
// children)" are Kent's figures for all children, read wherever they
// stand, left of the first district too, or with no district at all,
// where neither Kent column had been read. A column naming an area, then children that are no cohort
// the app holds or only some of one ("Kent excl 16+", "Kent excl UASC
// over 16"), is refused at its heading: kept as an area of its own, it
// invited a mapping to Kent, as all its children. A cohort's heading
// with no area ("UASC only") just right of the authority's own column
// is the authority's figure for the cohort; beside a district, a
// locality or another cohort's column, whose it is is unsaid, and it is
// refused at its heading: kept as an unknown area, its advice was to map
// it to a district, as all that district's children (QA27b). "UASC"
// alone is the UASC Service's column wherever it stands. A
// heading with other words beside the area's and the cohort's ("Kent
// excl UASC YTD") is refused too: it had been read as Kent's month's
// figure excluding UASC.
func TestCohortColumnsBesideAreas(t *testing.T) {
	for _, tc := range []struct {
		name  string
		auth  string
		heads []any
		row   []any
		want  []string // CLA1's series, as seriesOf writes them
		warn  []string
		never []string
	}{
		{name: "QA21 d2: incl and excl UASC left of the districts", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent incl UASC", "Kent excl UASC", "Ashford", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500, 120, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent excl:uasc: 1500", "Thanet all: 200"},
			warn: []string{`d.xlsx: Districts!C3: column C "Kent incl UASC": read as Kent's figures, counting all children`,
				`Districts!D3: column D "Kent excl UASC": read as Kent's figures, counting all children excluding UASC`},
			never: []string{"not one the importer knows"}},
		{name: "the authority by its children alone, no district", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent incl UASC", "Kent excl UASC"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500},
			want:  []string{"Kent all: 1900", "Kent excl:uasc: 1500"},
			warn: []string{`Districts!C3: column C "Kent incl UASC": read as Kent's figures, counting all children`,
				`Districts!C3: the sheet has no month columns: its columns C3:D3 are read as areas, their figures dated Mar-25, the month the title at A1 names`},
			never: []string{"not one the importer knows"}},
		{name: "including UASC", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent including UASC", "Kent excl UASC", "Ashford", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500, 120, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent excl:uasc: 1500", "Thanet all: 200"},
			warn:  []string{`Districts!C3: column C "Kent including UASC": read as Kent's figures, counting all children`}},
		{name: "all children in brackets", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent (all children)", "Kent excl UASC", "Ashford", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500, 120, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent excl:uasc: 1500", "Thanet all: 200"},
			warn:  []string{`Districts!C3: column C "Kent (all children)": read as Kent's figures, counting all children`}},
		{name: "QA21 d4: a cohort the app does not hold is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Kent excl 16+", "Kent excl UASC", "Ashford"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1400, 1500, 120},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent excl:uasc: 1500"},
			warn:  []string{`Districts!D3: column D "Kent excl 16+" not read: it names Kent, then which children it counts ("excl 16+"), which is no cohort the app holds (UASC, OLA, children with a disability, former UASC); head a column of Kent's figures by the area and, if any, one cohort the app holds, alone, such as "Kent" or "Kent excl UASC"`},
			never: []string{"an area of its own"}},
		{name: "only some of a cohort is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Kent excl UASC over 16", "Ashford"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500, 120},
			want:  []string{"Ashford all: 120", "Kent all: 1900"},
			warn:  []string{`Districts!D3: column D "Kent excl UASC over 16" not read: it names Kent, then which children it counts ("excl UASC over 16"), which cannot be read as one cohort: "uasc over 16" names only some UASC`},
			never: []string{"an area of its own"}},
		{name: "the same left of the first district", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent excl UASC over 16", "Ashford", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1500, 120, 200},
			want:  []string{"Ashford all: 120", "Thanet all: 200"},
			warn:  []string{`Districts!C3: column C "Kent excl UASC over 16" not read: it names Kent, then which children it counts`}},
		{name: "other words beside the cohort's: not read as the month's figure", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Kent excl UASC YTD"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 9000},
			want:  []string{"Ashford all: 120", "Kent all: 1900"},
			warn:  []string{`Districts!E3: column E "Kent excl UASC YTD" not read: it names Kent, then which children it counts ("excl UASC YTD"), with other words besides, which may make it another figure than theirs`}},
		{name: "another area after a word of sense is an area of its own", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Kent (inc Medway)"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 2300},
			want:  []string{"Ashford all: 120", "Kent (inc Medway) all: 2300", "Kent all: 1900"},
			warn:  []string{`Districts!E3: column E "Kent (inc Medway)": not Kent, one of its districts or a named pseudo-area; its figures are kept under "Kent (inc Medway)"`},
			never: []string{"not read"}},
		{name: "all of something, not all children, is an area of its own", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Kent - all"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 777},
			want:  []string{"Ashford all: 120", "Kent - all all: 777", "Kent all: 1900"},
			warn:  []string{`Districts!E3: column E "Kent - all": not Kent`},
			never: []string{"not read"}},
		{name: "UASC only beside the authority", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "UASC only", "Ashford", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 400, 120, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent uasc: 400", "Thanet all: 200"},
			warn:  []string{`Districts!D3: column D "UASC only": read as Kent's figures, counting UASC alone: it names no area, and stands beside Kent's own column C; head it "Kent UASC only" to say so`},
			never: []string{"an area of its own"}},
		{name: "UASC only beside a district is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "UASC only", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 400, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Thanet all: 200"},
			warn:  []string{`Districts!E3: column E "UASC only" not read: it counts UASC alone but names no area, and stands beside Ashford's column D, not Kent's own: whose children it counts is unsaid, and read as an area's it would pass for all of that area's children; head it by the area and the cohort, such as "Kent UASC only", or put it just right of Kent's column`},
			never: []string{"an area of its own", "=DISTRICT"}},
		{name: "excluding UASC after the districts is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Thanet", "Excluding UASC"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 200, 1500},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Thanet all: 200"},
			warn:  []string{`Districts!F3: column F "Excluding UASC" not read: it counts all children excluding UASC but names no area, and stands beside Thanet's column E, not Kent's own`},
			never: []string{"an area of its own"}},
		{name: "UASC only beside the authority's figure excluding UASC is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Kent excl UASC", "UASC only", "Ashford"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1500, 400, 120},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Kent excl:uasc: 1500"},
			warn:  []string{`Districts!E3: column E "UASC only" not read: it counts UASC alone but names no area, and stands beside Kent's column D of all children excluding UASC, not Kent's own`},
			never: []string{"an area of its own"}},
		{name: "a locality sheet: UASC only beside a locality is refused", auth: "Leeds",
			heads: []any{"Ref", "Indicator", "Leeds", "East", "UASC only", "West"},
			row:   []any{"CLA1", "Number of children looked after", 1300, 600, 60, 700},
			want:  []string{"East all: 600", "Leeds all: 1300", "West all: 700"},
			warn:  []string{`Districts!E3: column E "UASC only" not read: it counts UASC alone but names no area, and stands beside East's column D, not Leeds's own`},
			never: []string{`"UASC only": not Leeds`}},
		{name: "UASC alone is the UASC Service's wherever it stands", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "UASC", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 400, 200},
			want:  []string{"Ashford all: 120", "Kent all: 1900", "Thanet all: 200", "UASC Service all: 400"},
			never: []string{"not read", "an area of its own"}},
		{name: "no cohort the app holds beside the authority is refused", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Excl 16+", "Ashford"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 1400, 120},
			want:  []string{"Ashford all: 120", "Kent all: 1900"},
			warn:  []string{`Districts!D3: column D "Excl 16+" not read: it names no area and stands beside Kent's column C, and says which children it counts ("Excl 16+"), which is no cohort the app holds`}},
		{name: "a district's name and only is the district's", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford only", "Thanet"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 200},
			want:  []string{"Ashford only all: 120", "Kent all: 1900", "Thanet all: 200"},
			warn:  []string{`Districts!D3: column D "Ashford only": not Kent`},
			never: []string{"not read"}},
		{name: "a month beside the area and cohort is refused on a sheet of areas", auth: "Kent",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Mar-25 Kent excl UASC"},
			row:   []any{"CLA1", "Number of children looked after", 1900, 120, 1500},
			want:  []string{"Ashford all: 120", "Kent all: 1900"},
			warn:  []string{`Districts!E3: column E "Mar-25 Kent excl UASC" not read: it names Mar-25 beside "Kent excl UASC", and a sheet of areas is read for one period, its title's or name's; head it by the area alone, such as "Kent excl UASC"`},
			never: []string{"an area of its own"}},
		{name: "a locality sheet: UASC only beside the city", auth: "Leeds",
			heads: []any{"Ref", "Indicator", "Leeds", "UASC only", "East", "West"},
			row:   []any{"CLA1", "Number of children looked after", 1300, 60, 600, 700},
			want:  []string{"East all: 600", "Leeds all: 1300", "Leeds uasc: 60", "West all: 700"},
			warn:  []string{`Districts!D3: column D "UASC only": read as Leeds's figures, counting UASC alone: it names no area, and stands beside Leeds's own column C`},
			never: []string{`"UASC only": not Leeds`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			readDistrictRow(t, tc.auth, tc.heads, tc.row, tc.want, tc.warn, tc.never)
		})
	}
}

// readDistrictRow reads a district sheet of one indicator, CLA1, dated
// March 2025 by its title, its headings heads and its one row row, into
// auth's store, and asserts its series as want (seriesOf), every figure
// dated Mar-25, and what is said (warnsAndNever).
func readDistrictRow(t *testing.T, auth string, heads, row []any, want, warn, never []string) *Result {
	t.Helper()
	b := newBook(t)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	b.row("Districts", "A3", heads...)
	b.row("Districts", "A4", row...)
	res, err := Read(context.Background(), b.save("d.xlsx"), Options{Authority: authorityNamed(t, auth)})
	if err != nil {
		t.Fatal(err)
	}
	if got := seriesOf(res.Dataset, "CLA1"); !slices.Equal(got, want) {
		t.Errorf("CLA1 %q, want %q", got, want)
	}
	for _, o := range res.Dataset.Observations {
		if o.Period.Label() != "Mar-25" {
			t.Errorf("%s %s dated %s, want Mar-25", o.Area, o.Split, o.Period.Label())
		}
	}
	warnsAndNever(t, res.Warnings, warn, never)
	return res
}
