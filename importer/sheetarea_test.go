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
	return areaBookNamed(t, "areas.xlsx", sheets...)
}

// areaBookNamed is areaBook saved under the file name given.
func areaBookNamed(t *testing.T, file string, sheets ...areaSheet) string {
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
	return b.save(file)
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
			// Read as Kent's, unsaid, until a name naming several
			// areas was read as the areas together.
			name:    "two districts in the sheet's name are the two together",
			auth:    "Kent",
			sheets:  []areaSheet{{"Ashford and Canterbury", "", []any{800, 801, 802}}},
			want:    []string{"Ashford and Canterbury all: 800 801 802"},
			warn:    []string{`areas.xlsx: sheet "Ashford and Canterbury": the sheet's name "Ashford and Canterbury": Ashford and Canterbury together, not one area; its figures are kept under "Ashford and Canterbury"`},
			unknown: []string{"Ashford and Canterbury"},
		},
		{
			name:    "districts and a town the profiles do not know",
			auth:    "Kent",
			sheets:  []areaSheet{{"Dartford, Gravesham & Swanley", "", []any{700, 701, 702}}},
			want:    []string{"Dartford, Gravesham & Swanley all: 700 701 702"},
			warn:    []string{`the sheet's name "Dartford, Gravesham & Swanley": Dartford and Gravesham together, not one area`},
			unknown: []string{"Dartford, Gravesham & Swanley"},
		},
		{
			name:    "the authority and another council in the sheet's name",
			auth:    "Kent",
			sheets:  []areaSheet{{"Kent & Medway", "", []any{2200, 2201, 2202}}},
			want:    []string{"Kent & Medway all: 2200 2201 2202"},
			warn:    []string{`the sheet's name "Kent & Medway": Kent and Medway together, not one area`},
			unknown: []string{"Kent & Medway"},
		},
		{
			name:    "two of another council's districts",
			auth:    "Kent",
			sheets:  []areaSheet{{"Woking and Guildford", "", []any{300, 301, 302}}},
			want:    []string{"Woking and Guildford all: 300 301 302"},
			warn:    []string{`"Woking and Guildford": Guildford and Woking together, not one area`},
			unknown: []string{"Woking and Guildford"},
		},
		{
			// Read as Canterbury's, the district named last, unsaid.
			name:    "a title naming two districts",
			auth:    "Kent",
			sheets:  []areaSheet{{"Sheet1", "Ashford and Canterbury scorecard - March 2025", []any{800, 801, 802}}},
			want:    []string{"Ashford and Canterbury all: 800 801 802"},
			warn:    []string{`areas.xlsx: Sheet1!A1: the title at A1 names "Ashford and Canterbury": Ashford and Canterbury together, not one area`},
			unknown: []string{"Ashford and Canterbury"},
		},
		{
			name:    "a title naming the authority and another council",
			auth:    "Kent",
			sheets:  []areaSheet{{"Scorecard", "Kent and Medway Children's Services Scorecard", []any{2200, 2201, 2202}}},
			want:    []string{"Kent and Medway all: 2200 2201 2202"},
			warn:    []string{`Scorecard!A1: the title at A1 names "Kent and Medway": Kent and Medway together, not one area`},
			unknown: []string{"Kent and Medway"},
		},
		{
			name:    "the areas together mapped to the authority by the officer",
			auth:    "Kent",
			sheets:  []areaSheet{{"Kent & Medway", "", []any{2200, 2201, 2202}}},
			names:   map[string]app.Area{"Kent & Medway": "Kent"},
			want:    []string{"Kent all: 2200 2201 2202"},
			never:   []string{"together"},
			unknown: []string{"Kent & Medway"},
		},
		{
			name:   "a title comparing areas names none of them",
			auth:   "Kent",
			sheets: []areaSheet{{"Scorecard", "Kent compared with Medway and Essex", []any{1900, 1910, 1896}}},
			want:   []string{"Kent all: 1900 1910 1896"},
		},
		{
			name:    "a sheet called a locality",
			auth:    "Kent",
			sheets:  []areaSheet{{"Sheppey Locality", "", []any{90, 91, 92}}},
			want:    []string{"Sheppey Locality all: 90 91 92"},
			warn:    []string{`sheet "Sheppey Locality": the sheet's name "Sheppey Locality": not Kent, one of its districts or a named pseudo-area`},
			unknown: []string{"Sheppey Locality"},
		},
		{
			name:    "a title calling a place a locality",
			auth:    "Kent",
			sheets:  []areaSheet{{"Scorecard", "CYPE scorecard: Isle of Sheppey Locality, March 2025", []any{90, 91, 92}}},
			want:    []string{"Isle of Sheppey all: 90 91 92"},
			warn:    []string{`Scorecard!A1: the title at A1 names the locality "Isle of Sheppey": not Kent`},
			unknown: []string{"Isle of Sheppey"},
		},
		{
			name:   "the authority called a locality is the authority",
			auth:   "Kent",
			sheets: []areaSheet{{"Scorecard", "Kent locality scorecard", []any{1900, 1910, 1896}}},
			want:   []string{"Kent all: 1900 1910 1896"},
		},
		{
			name:    "a compass point, the authority and a coast",
			auth:    "Kent",
			sheets:  []areaSheet{{"South Kent Coast", "", []any{400, 401, 402}}},
			want:    []string{"South Kent Coast all: 400 401 402"},
			warn:    []string{`sheet "South Kent Coast": the sheet's name "South Kent Coast": not Kent`},
			unknown: []string{"South Kent Coast"},
		},
		{
			// Read as Kent's, unsaid, beside Ashford's sheet: a town the
			// profiles do not know names no area.
			name:   "a sheet naming no area beside a district's is the authority's, and said to be",
			auth:   "Kent",
			sheets: []areaSheet{{"Ashford", "", []any{100, 101, 102}}, {"Sheppey", "", []any{50, 51, 52}}},
			want:   []string{"Ashford all: 100 101 102", "Kent all: 50 51 52"},
			warn:   []string{`areas.xlsx: Sheppey!A1: sheet "Sheppey" names no area, beside sheets for districts (Ashford): its figures are read as Kent's`},
		},
		{
			// Kent's figures were DGS's, the first sheet's, warned only
			// at each cell given twice.
			name:   "a sheet naming no area before the authority's own",
			auth:   "Kent",
			sheets: []areaSheet{{"DGS", "", []any{300, 301, 302}}, {"Kent", "", []any{1800, 1801, 1802}}},
			want:   []string{"Kent all: 1800 1801 1802"},
			warn:   []string{`areas.xlsx: DGS!D2: SA01 Kent Jan-25: 300 here but 1800 at Kent!D2; kept Kent!D2`},
		},
		{
			name:   "sheets naming the authority with other words, beside a district's",
			auth:   "Kent",
			sheets: []areaSheet{{"Kent (all)", "", []any{1800, 1801, 1802}}, {"Scorecard", "Kent County Council CYPE scorecard", []any{1800, 1801, 1802}}, {"Swale", "", []any{150, 151, 152}}},
			want:   []string{"Kent all: 1800 1801 1802", "Swale all: 150 151 152"},
		},
		{
			name:   "the authority's and its districts' sheets, each named",
			auth:   "Kent",
			sheets: []areaSheet{{"Kent", "", []any{1800, 1801, 1802}}, {"Ashford", "", []any{100, 101, 102}}, {"Swale", "", []any{150, 151, 152}}},
			want:   []string{"Ashford all: 100 101 102", "Kent all: 1800 1801 1802", "Swale all: 150 151 152"},
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

// TestFileNamingAreasTogether reads workbooks whose file's name names
// several areas as one. Where no sheet names an area, each sheet is the
// areas' together, as one titled so is: "Kent and Medway
// scorecard.xlsx" was filed as Kent's, unsaid. Where a sheet names a
// district, the name is the workbook's, and its sheets are read as ever.
func TestFileNamingAreasTogether(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		sheets     []areaSheet
		want       []string
		warn       string
		unknown    []string
	}{
		{"one sheet naming no area", "Kent and Medway scorecard.xlsx", []areaSheet{{"Scorecard", "", []any{2200, 2201, 2202}}},
			[]string{"Kent and Medway all: 2200 2201 2202"},
			`Kent and Medway scorecard.xlsx: sheet "Scorecard": the file's name names "Kent and Medway": Kent and Medway together, not one area`,
			[]string{"Kent and Medway"}},
		{"the authority's name alone", "Kent scorecard.xlsx", []areaSheet{{"Scorecard", "", []any{1900, 1901, 1902}}},
			[]string{"Kent all: 1900 1901 1902"}, "", nil},
		{"beside a district's sheet", "Kent and Medway pack.xlsx",
			[]areaSheet{{"Summary", "", []any{1900, 1901, 1902}}, {"Swale", "", []any{150, 151, 152}}},
			[]string{"Kent all: 1900 1901 1902", "Swale all: 150 151 152"}, `sheet "Summary" names no area, beside sheets for districts (Swale)`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), areaBookNamed(t, tc.file, tc.sheets...), Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "SA01"); !slices.Equal(got, tc.want) {
				t.Errorf("SA01 %q, want %q", got, tc.want)
			}
			if tc.warn != "" {
				warnsAndNever(t, res.Warnings, []string{tc.warn}, nil)
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
