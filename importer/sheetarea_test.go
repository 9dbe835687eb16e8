package importer

import (
	"context"
	"slices"
	"testing"

	"scorecard/app"
)

// areaSheet is one sheet of a workbook of a sheet per area: a title, a
// blank row, the header and SA01's months.
type areaSheet struct {
	name, title string
	sa01        []any
}

func areaBook(t *testing.T, sheets ...areaSheet) string {
	t.Helper()
	b := newBook(t)
	for _, s := range sheets {
		b.sheet(s.name)
		r := "A1"
		if s.title != "" {
			b.row(s.name, "A1", s.title)
			r = "A3"
		}
		b.row(s.name, r, "Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25")
		b.row(s.name, "A"+string(rune(r[1]+1)), append([]any{"SA01", "Number of children looked after", "-"}, s.sa01...)...)
	}
	return b.save("areas.xlsx")
}

func authorityNamed(t *testing.T, name string) *app.Authority {
	t.Helper()
	a, ok := app.LookupAuthority(name)
	if !ok {
		t.Fatalf("no authority %q", name)
	}
	return a
}

// A sheet whose name or title names a locality that is not the
// authority nor one of its districts ("West Kent", "East", "North
// Locality") is kept under that name as an area of its own, warned
// naming the file, sheet and name, as a column headed by an unknown area
// is; it is never filed as the authority's (QA19 D3).
func TestLocalitySheetIsItsOwnArea(t *testing.T) {
	east := areaSheet{"East", "East locality scorecard", []any{450, 455, 460}}
	west := areaSheet{"West", "West locality scorecard", []any{430, 432, 440}}
	leeds := areaSheet{"Leeds", "Leeds city scorecard", []any{1347, 1360, 1372}}
	for _, tc := range []struct {
		name   string
		auth   string
		sheets []areaSheet
		names  map[string]app.Area // Options.AreaNames
		want   []string            // SA01's series, "area split: figures"
		warn   []string
		never  []string
		// unknown are the names UnknownAreas lists.
		unknown []string
	}{
		{
			name:    "Kent store, sheet West Kent (w27)",
			auth:    "Kent",
			sheets:  []areaSheet{{"West Kent", "West Kent locality scorecard - children in care", []any{450, 455, 460}}},
			want:    []string{"West Kent all: 450 455 460"},
			warn:    []string{`areas.xlsx: sheet "West Kent": the sheet's name "West Kent": not Kent, one of its districts or a named pseudo-area; its figures are kept under "West Kent"`},
			unknown: []string{"West Kent"},
		},
		{
			name:    "one locality sheet East (w25c)",
			auth:    "Leeds",
			sheets:  []areaSheet{east},
			want:    []string{"East all: 450 455 460"},
			warn:    []string{`areas.xlsx: sheet "East": the sheet's name "East": not Leeds`},
			unknown: []string{"East"},
		},
		{
			name:    "localities first (w25b): the city sheet is the city's",
			auth:    "Leeds",
			sheets:  []areaSheet{east, west, leeds},
			want:    []string{"East all: 450 455 460", "Leeds all: 1347 1360 1372", "West all: 430 432 440"},
			warn:    []string{`sheet "East": the sheet's name "East"`, `sheet "West": the sheet's name "West"`},
			never:   []string{"kept East", "here but", "names no area"},
			unknown: []string{"East", "West"},
		},
		{
			name:    "the city sheet first (w25)",
			auth:    "Leeds",
			sheets:  []areaSheet{leeds, east, west},
			want:    []string{"East all: 450 455 460", "Leeds all: 1347 1360 1372", "West all: 430 432 440"},
			warn:    []string{`sheet "East": the sheet's name "East"`, `sheet "West": the sheet's name "West"`},
			never:   []string{"names no area"},
			unknown: []string{"East", "West"},
		},
		{
			name:    "a sheet naming no area beside localities is the city's, and said to be",
			auth:    "Leeds",
			sheets:  []areaSheet{east, west, {"Summary", "Children's services scorecard", []any{1347, 1360, 1372}}},
			want:    []string{"East all: 450 455 460", "Leeds all: 1347 1360 1372", "West all: 430 432 440"},
			warn:    []string{`areas.xlsx: Summary!A1: sheet "Summary" names no area, beside sheets for localities (East, West): its figures are read as Leeds's`},
			unknown: []string{"East", "West"},
		},
		{
			name:    "a sheet North Locality",
			auth:    "Leeds",
			sheets:  []areaSheet{{"North Locality", "", []any{300, 301, 302}}},
			want:    []string{"North Locality all: 300 301 302"},
			warn:    []string{`sheet "North Locality": the sheet's name "North Locality": not Leeds`},
			unknown: []string{"North Locality"},
		},
		{
			name:    "named only in the title, warned at its cell",
			auth:    "Kent",
			sheets:  []areaSheet{{"Scorecard", "CYPE scorecard: North Kent, March 2025", []any{600, 601, 602}}},
			want:    []string{"North Kent all: 600 601 602"},
			warn:    []string{`areas.xlsx: Scorecard!A1: the title at A1 names the locality "North Kent": not Kent`},
			unknown: []string{"North Kent"},
		},
		{
			name:    "a locality mapped by the officer is read as mapped, unwarned",
			auth:    "Leeds",
			sheets:  []areaSheet{east},
			names:   map[string]app.Area{"East": PseudoArea},
			want:    []string{"East all: 450 455 460"},
			never:   []string{"East"},
			unknown: []string{"East"},
		},
		{
			name:   "a district sheet is the district's (w26's Swale)",
			auth:   "Kent",
			sheets: []areaSheet{{"Swale", "", []any{150, 152, 149}}},
			want:   []string{"Swale all: 150 152 149"},
		},
		{
			// Read as Kent's, unsaid, until the sheet's name was read
			// for a district among other words (probe p01c, p01e).
			name:   "a district among other words in the sheet's name",
			auth:   "Kent",
			sheets: []areaSheet{{"Canterbury CC", "", []any{500, 501, 502}}},
			want:   []string{"Canterbury all: 500 501 502"},
			warn:   []string{`areas.xlsx: sheet "Canterbury CC": the sheet's name "Canterbury CC" names Canterbury among other words, and nothing else on it names an area: its figures are read as Canterbury's`},
		},
		{
			name:   "a district and an age range in the sheet's name",
			auth:   "Kent",
			sheets: []areaSheet{{"Maidstone 0-17", "", []any{300, 301, 302}}},
			want:   []string{"Maidstone all: 300 301 302"},
			warn:   []string{`sheet "Maidstone 0-17": the sheet's name "Maidstone 0-17" names Maidstone`},
		},
		{
			// Kent's own abbreviations, read as Kent's until the
			// profile knew them (probe p01c).
			name:   "a district sheet named by its abbreviation",
			auth:   "Kent",
			sheets: []areaSheet{{"T&M", "", []any{200, 201, 202}}, {"TWBC", "", []any{210, 211, 212}}, {"F&H", "", []any{220, 221, 222}}},
			want:   []string{"Folkestone and Hythe all: 220 221 222", "Tonbridge and Malling all: 200 201 202", "Tunbridge Wells all: 210 211 212"},
		},
		{
			name:   "two districts in the sheet's name name neither",
			auth:   "Kent",
			sheets: []areaSheet{{"Ashford and Canterbury", "", []any{800, 801, 802}}},
			want:   []string{"Kent all: 800 801 802"},
			never:  []string{"names Ashford", "names Canterbury"},
		},
		{
			name:   "a district named in the title (w28)",
			auth:   "Kent",
			sheets: []areaSheet{{"Sheet1", "Performance scorecard: Swale district, March 2025", []any{150, 152, 149}}},
			want:   []string{"Swale all: 150 152 149"},
		},
		{
			name:   "a title comparing with a region names no locality",
			auth:   "Kent",
			sheets: []areaSheet{{"Scorecard", "Kent CYPE scorecard - South East comparison", []any{1900, 1910, 1896}}},
			want:   []string{"Kent all: 1900 1910 1896"},
		},
		{
			name:   "an authority's own name in the title, with a compass point and County",
			auth:   "North Yorkshire",
			sheets: []areaSheet{{"Scorecard", "North Yorkshire County Council children's services scorecard", []any{700, 701, 702}}},
			want:   []string{"North Yorkshire all: 700 701 702"},
		},
		{
			name:   "an authority whose name has a compass point is itself",
			auth:   "West Sussex",
			sheets: []areaSheet{{"West Sussex", "West Sussex children's services scorecard", []any{900, 901, 902}}},
			want:   []string{"West Sussex all: 900 901 902"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			auth := authorityNamed(t, tc.auth)
			res, err := Read(context.Background(), areaBook(t, tc.sheets...), Options{Authority: auth, AreaNames: tc.names})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "SA01"); !slices.Equal(got, tc.want) {
				t.Errorf("SA01 %q, want %q", got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
			if len(tc.warn) == 0 && len(tc.never) == 0 && len(res.Warnings) > 0 {
				t.Errorf("warnings: %v", res.Warnings)
			}
			var unknown []string
			for _, u := range res.UnknownAreas {
				unknown = append(unknown, u.Name)
			}
			if !slices.Equal(unknown, tc.unknown) {
				t.Errorf("unknown areas %q, want %q", unknown, tc.unknown)
			}
		})
	}
}
