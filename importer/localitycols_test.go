package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// A locality sheet heads its columns by the city and its localities,
// with the month only in its title and name (QA19 D6, w7: "Localities
// Mar-25", "Leeds | East | North West | South"). Each column is read as
// an area, the city's as the authority's and the others as areas of
// their own (warned at their headings, as any unknown area is), dated by
// the title or the sheet's name, said at the first area's heading. A
// check column beside them is not an area, and is said to be unread.
// With no date anywhere the import is refused. Before, only the city's
// heading was known, and the sheet gave no figure at all.
func TestLocalitiesAsColumns(t *testing.T) {
	head := []any{"Ref", "Indicator", "Leeds", "East", "North West", "South", "Leeds City Total check"}
	rows := [][]any{
		{"LC01", "Children looked after", 1372, 460, 420, 492, 1372},
		{"LC02", "Re-referrals (%)", 20.5, 19, 22.3, 20.1, 20.5},
	}
	for _, tc := range []struct {
		name, sheet, title string
		want               []string // LC02's series, "area split: figures"
		period             string   // of every figure
		warn, never        []string
		refused            string
	}{
		{
			name: "w7: dated by the title", sheet: "Localities Mar-25", title: "Locality scorecard - March 2025",
			want:   []string{"East all: 19", "Leeds all: 20.5", "North West all: 22.3", "South all: 20.1"},
			period: "2025-03",
			warn: []string{
				`loc.xlsx: Localities Mar-25!C3: the sheet has no month columns: its columns C3:F3 are read as areas, their figures dated Mar-25, the month the title at A1 names`,
				`Localities Mar-25!D3: column D "East": not Leeds, one of its districts or a named pseudo-area; its figures are kept under "East"`,
				`Localities Mar-25!E3: column E "North West": not Leeds`,
				`Localities Mar-25!F3: column F "South": not Leeds`,
				`Localities Mar-25!G3: column G "Leeds City Total check" not read`,
			},
			never: []string{"C3: column C", "an area column on a sheet of months"},
		},
		{
			name: "dated by the sheet's name alone", sheet: "Localities Mar-25",
			want:   []string{"East all: 19", "Leeds all: 20.5", "North West all: 22.3", "South all: 20.1"},
			period: "2025-03",
			warn:   []string{`Localities Mar-25!C1: the sheet has no month columns: its columns C1:F1 are read as areas, their figures dated Mar-25, the period the sheet's name "Localities Mar-25" names`},
		},
		{
			name: "dated by a date in the title", sheet: "Localities", title: "Locality scorecard: data as at 31/03/2025",
			want:   []string{"East all: 19", "Leeds all: 20.5", "North West all: 22.3", "South all: 20.1"},
			period: "2025-03",
			warn:   []string{`Localities!C3: the sheet has no month columns: its columns C3:F3 are read as areas, their figures dated Mar-25, the month`},
		},
		{
			name: "a financial year in the title", sheet: "Localities", title: "Locality scorecard 2024/25",
			want:   []string{"East all: 19", "Leeds all: 20.5", "North West all: 22.3", "South all: 20.1"},
			period: "2024/25",
			warn:   []string{`Localities!C3: the sheet has no month columns: its columns C3:F3 are read as areas, their figures dated 2024/25, the period the title at A1 names`},
		},
		{
			name: "no date anywhere: refused", sheet: "Localities", title: "Locality scorecard",
			refused: `loc.xlsx: Localities!C3: no reporting period found for the district figures`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet(tc.sheet)
			at := 1
			if tc.title != "" {
				b.row(tc.sheet, "A1", tc.title)
				at = 3
			}
			b.row(tc.sheet, cellName(at-1, 0), head...)
			for i, r := range rows {
				b.row(tc.sheet, cellName(at+i, 0), r...)
			}
			res, err := Read(context.Background(), b.save("loc.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("err = %v, want %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "LC02"); !slices.Equal(got, tc.want) {
				t.Errorf("LC02 %q, want %q", got, tc.want)
			}
			for _, o := range res.Dataset.Observations {
				if o.Period.String() != tc.period {
					t.Errorf("%s %s dated %s, want %s", o.Ref, o.Area, o.Period, tc.period)
				}
			}
			if n := len(res.Dataset.Observations); n != 8 {
				t.Errorf("%d figures, want 8", n)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
			var unknown []string
			for _, u := range res.UnknownAreas {
				unknown = append(unknown, u.Name)
			}
			if want := []string{"East", "North West", "South"}; !slices.Equal(unknown, want) {
				t.Errorf("unknown areas %q, want %q", unknown, want)
			}
		})
	}
}

// A sheet of the authority's figure beside its comparators is not one of
// localities: a region's heading beside England's is not read as an
// area, and the sheet is left as it was read before.
func TestComparatorsAreNotLocalities(t *testing.T) {
	b := newBook(t)
	s := "Benchmarks Mar-25"
	b.sheet(s)
	b.row(s, "A1", "Ref", "Indicator", "Leeds", "England", "Yorkshire and Humber")
	b.row(s, "A2", "LC02", "Re-referrals (%)", 20.5, 21.5, 22.0)
	res, err := Read(context.Background(), b.save("bench.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Layouts) != 1 || res.Layouts[0].Kind != IndicatorSheet {
		t.Fatalf("layouts %+v, want one indicator sheet", res.Layouts)
	}
	if len(res.UnknownAreas) > 0 {
		t.Errorf("unknown areas %+v, want none", res.UnknownAreas)
	}
	warnsAndNever(t, res.Warnings, []string{`Benchmarks Mar-25!E1: column E "Yorkshire and Humber" not read`}, []string{"read as areas"})
}

// A locality sheet with an England column beside two or more localities
// is read as localities (QA21 M7): every figure had been lost. England's
// and the statistical neighbours' columns are read as their benchmarks,
// dated as beside an indicator sheet's month: an undated heading for the
// year before the sheet's month's, said once at the heading, a dated one
// for the year its date falls in (QA21 M7 follow-up: they had been said
// unread, "benchmarks on a district sheet"), and on a sheet dated by a
// quarter likewise, for the year before the quarter's. On a sheet dated by a year,
// no month dates an undated heading, and England's column stays unread,
// said so; the authority beside England and one region stays a sheet of
// benchmarks (TestComparatorsAreNotLocalities).
func TestLocalitiesBesideEngland(t *testing.T) {
	tests := []struct {
		name, sheet string
		heads       []any
		row         []any
		want        map[app.Area]float64 // the figures read, by area
		period      string               // theirs
		bench       []string             // the benchmarks read, "group period value source"
		warn        []string
		never       []string
	}{
		{"Leeds | England | East | North | West", "Localities Mar-25", []any{"Ref", "Indicator", "Leeds", "England", "East", "North", "West"},
			[]any{"CLA2", "Rate of CLA per 10,000", 85, 67, 90, 70, 88},
			map[app.Area]float64{"Leeds": 85, "East": 90, "North": 70, "West": 88}, "Mar-25",
			[]string{"England 2023/24 67 Localities Mar-25!D2"},
			[]string{`loc.xlsx: Localities Mar-25!D1: column D "England" names no year: read as England's figure for 2023/24, the year before that of the latest month, Mar-25, as the latest published benchmark usually runs a year behind`},
			[]string{"not read"}},
		{"Leeds | Stat neighbours | East | West", "Localities Mar-25", []any{"Ref", "Indicator", "Leeds", "Stat neighbours", "East", "West"},
			[]any{"CLA2", "Rate of CLA per 10,000", 85, 70, 90, 88},
			map[app.Area]float64{"Leeds": 85, "East": 90, "West": 88}, "Mar-25",
			[]string{"Statistical neighbours 2023/24 70 Localities Mar-25!D2"},
			[]string{`Localities Mar-25!D1: column D "Stat neighbours" names no year: read as the statistical neighbours' figure for 2023/24`},
			[]string{"not read"}},
		{"SN average and a dated England", "Localities Mar-25", []any{"Ref", "Indicator", "Leeds", "SN average", "England (Mar-24)", "East", "West"},
			[]any{"CLA2", "Rate of CLA per 10,000", 85, 70, 67, 90, 88},
			map[app.Area]float64{"Leeds": 85, "East": 90, "West": 88}, "Mar-25",
			[]string{"England 2023/24 67 Localities Mar-25!E2", "Statistical neighbours 2023/24 70 Localities Mar-25!D2"},
			[]string{`Localities Mar-25!D1: column D "SN average" names no year: read as the statistical neighbours' figure for 2023/24`,
				`Localities Mar-25!E1: column E "England (Mar-24)" is dated March 2024: read as England's figure for the year that month falls in, 2023/24`},
			[]string{"not read"}},
		// Dated by a quarter as a financial year numbers it (QA23b D8: its
		// England and neighbours' columns had been said unread).
		{"a sheet dated by a quarter", "Localities Q2 2025-26", []any{"Ref", "Indicator", "Leeds", "England", "Stat neighbours", "East", "North", "South"},
			[]any{"LCF02", "Re-referrals within 12 months (%)", 24.5, 22.4, 21, 26, 22, 25.5},
			map[app.Area]float64{"Leeds": 24.5, "East": 26, "North": 22, "South": 25.5}, "Jul-Sep 2025",
			[]string{"England 2023/24 22.4 Localities Q2 2025-26!D2", "Statistical neighbours 2023/24 21 Localities Q2 2025-26!E2"},
			[]string{`loc.xlsx: Localities Q2 2025-26!D1: column D "England" names no year: read as England's figure for 2023/24, the latest year published by the latest quarter, Jul-Sep 2025, as DfE publishes a year's figures in the autumn after it ends`,
				`Localities Q2 2025-26!E1: column E "Stat neighbours" names no year: read as the statistical neighbours' figure for 2023/24, the latest year published by the latest quarter, Jul-Sep 2025`},
			[]string{"not read"}},
		{"a sheet dated by a year leaves England unread", "Localities 2024-25", []any{"Ref", "Indicator", "Leeds", "England", "East", "North", "West"},
			[]any{"CLA2", "Rate of CLA per 10,000", 85, 67, 90, 70, 88},
			map[app.Area]float64{"Leeds": 85, "East": 90, "North": 70, "West": 88}, "2024/25",
			nil,
			[]string{`Localities 2024-25!D1: column D "England" not read: the sheet of localities is dated 2024/25, a year, not a month or quarter, so the year England's figure is for is not settled; title the sheet by the month or quarter its figures are for, such as "Localities - March 2025"`},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := tt.sheet
			b.sheet(s)
			b.row(s, "A1", tt.heads...)
			b.row(s, "A2", tt.row...)
			res, err := Read(context.Background(), b.save("loc.xlsx"), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			got := map[app.Area]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got[o.Area] = *o.Value
					if o.Period.Label() != tt.period {
						t.Errorf("%s dated %s, want %s", o.Area, o.Period.Label(), tt.period)
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
			var bench []string
			for _, bm := range res.Dataset.Benchmarks {
				bench = append(bench, fmt.Sprintf("%s %s %v %s", bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
			}
			slices.Sort(bench)
			if !slices.Equal(bench, tt.bench) {
				t.Errorf("benchmarks %q, want %q", bench, tt.bench)
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}
