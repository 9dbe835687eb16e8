package importer

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestRegionBenchmarkColumns: a workbook's column of the region's figure
// beside England's (QA23b L3: "London 2023/24", "South East 2023/24",
// "Region 2023/24" were said "not one the importer knows", their figures
// lost) is read as the authority's region's benchmark, stored under the
// region as a DfE file's regional figure is, and said at its heading: a
// heading naming no region as the authority's region's, saying so, and an
// undated one for the year before the latest month's, as England's. A
// column naming a region but no year (which may be a locality's: "North
// West"), one naming another region, or any region's column on a sheet of
// areas (where "North West" may be a locality), is refused at its
// heading, saying what to give.
func TestRegionBenchmarkColumns(t *testing.T) {
	for _, tc := range []struct {
		name, auth, head string
		districts        bool   // a sheet of the authority's areas, not of months
		title            string // the sheet's title, where not all children's
		want             []string
		warn, never      []string
	}{
		{name: "own region named, Leeds", auth: "Leeds", head: "Yorkshire and The Humber 2023/24",
			want:  []string{"England 2023/24 88 Scorecard!F4", "Yorkshire and The Humber 2023/24 87 Scorecard!G4"},
			warn:  []string{`r.xlsx: Scorecard!G3: column G "Yorkshire and The Humber 2023/24" read as Yorkshire and The Humber's figure, the region of Leeds, a benchmark`},
			never: []string{"not read"}},
		{name: "own region named, Camden", auth: "Camden", head: "London 2023/24",
			want:  []string{"England 2023/24 88 Scorecard!F4", "London 2023/24 87 Scorecard!G4"},
			warn:  []string{`Scorecard!G3: column G "London 2023/24" read as London's figure, the region of Camden, a benchmark`},
			never: []string{"not read"}},
		{name: "no region named", auth: "Camden", head: "Region 2023/24",
			want:  []string{"England 2023/24 88 Scorecard!F4", "London 2023/24 87 Scorecard!G4"},
			warn:  []string{`Scorecard!G3: column G "Region 2023/24" names no region: read as London's figure, the region of Camden, a benchmark; head it with the region's name, such as "London 2023/24", if it is another's`},
			never: []string{"not read"}},
		{name: "undated, no region named", auth: "Kent", head: "Regional average",
			want: []string{"England 2023/24 88 Scorecard!F4", "South East 2023/24 87 Scorecard!G4"},
			warn: []string{`Scorecard!G3: column G "Regional average" names no region: read as South East's figure, the region of Kent`,
				`Scorecard!G3: column G "Regional average" names no year: read as the region's figure for 2023/24, the latest year published by the latest month, Sep-25`},
			never: []string{"not read"}},
		// A revised original's heading, labelled as counting all
		// children beside figures excluding a cohort (app/export
		// labelBenchmarkHeadings): read as the region's as it was, not
		// "not one the importer knows" (QA26b S3); another region's so
		// labelled is still refused.
		{name: "labelled all children", auth: "Kent", head: "South East 2023/24 (all children)",
			want:  []string{"England 2023/24 88 Scorecard!F4", "South East 2023/24 87 Scorecard!G4"},
			warn:  []string{`Scorecard!G3: column G "South East 2023/24 (all children)" read as South East's figure, the region of Kent, a benchmark`},
			never: []string{"not read"}},
		{name: "another region labelled all children", auth: "Kent", head: "London 2023/24 (all children)",
			want: []string{"England 2023/24 88 Scorecard!F4"},
			warn: []string{`Scorecard!G3: column G "London 2023/24 (all children)" not read: London is not the region of Kent (South East), and a scorecard compares an authority with its own region only`}},
		// Beside a cohort's figures it is refused as England's is, and
		// said once: not also "read as South East's figure".
		{name: "beside figures excluding UASC", auth: "Kent", head: "South East 2023/24", title: "Performance scorecard - September 2025 - Excluding UASC",
			warn:  []string{`Scorecard!G3: column G "South East 2023/24" not read: the sheet's title or name says its figures count all children excluding UASC, and an indicator's targets and benchmarks are read beside all children's figures only`},
			never: []string{"read as South East's figure"}},
		// QA26: a calendar year or a date heads a region's column as it
		// heads England's ("England 2023"), read the same way; once
		// "South East 2023" was said unknown, its figures lost.
		{name: "own region, calendar year", auth: "Kent", head: "South East 2023",
			want: []string{"England 2023/24 88 Scorecard!F4", "South East 2022/23 87 Scorecard!G4"},
			warn: []string{`Scorecard!G3: column G "South East 2023" read as South East's figure, the region of Kent, a benchmark`,
				`Scorecard!G3: column G "South East 2023" names the calendar year 2023, not a financial or academic year: read as the region's figure for the year ending in 2023, 2022/23`},
			never: []string{"not read", "from words in its heading"}},
		{name: "own region, financial year", auth: "Kent", head: "South East 2023/24",
			want:  []string{"England 2023/24 88 Scorecard!F4", "South East 2023/24 87 Scorecard!G4"},
			warn:  []string{`Scorecard!G3: column G "South East 2023/24" read as South East's figure, the region of Kent, a benchmark`},
			never: []string{"not read", "calendar year"}},
		{name: "own region, year with a dash", auth: "Kent", head: "South East 2024-25",
			want:  []string{"England 2023/24 88 Scorecard!F4", "South East 2024/25 87 Scorecard!G4"},
			warn:  []string{`Scorecard!G3: column G "South East 2024-25" read as South East's figure, the region of Kent, a benchmark`},
			never: []string{"not read", "calendar year"}},
		{name: "own region, dated by its month", auth: "Kent", head: "South East (Mar-24)",
			want: []string{"England 2023/24 88 Scorecard!F4", "South East 2023/24 87 Scorecard!G4"},
			warn: []string{`Scorecard!G3: column G "South East (Mar-24)" read as South East's figure, the region of Kent, a benchmark`,
				`Scorecard!G3: column G "South East (Mar-24)" is dated March 2024: read as the region's figure for the year that month falls in`},
			never: []string{"not read"}},
		// "East of England" is a region, not England: its words once
		// read it as England's figure.
		{name: "East of England, calendar year", auth: "Suffolk", head: "East of England 2023",
			want: []string{"East of England 2022/23 87 Scorecard!G4", "England 2023/24 88 Scorecard!F4"},
			warn: []string{`Scorecard!G3: column G "East of England 2023" read as East of England's figure, the region of Suffolk, a benchmark`,
				`names the calendar year 2023`},
			never: []string{"not read", "from words in its heading"}},
		{name: "East of England, no year", auth: "Suffolk", head: "East of England",
			want:  []string{"England 2023/24 88 Scorecard!F4"},
			warn:  []string{`Scorecard!G3: column G "East of England" not read: it names the region East of England but no year, and may be a locality of that name`},
			never: []string{"England's figure"}},
		// Another region's, by calendar year: refused as by any year,
		// and not said to be read for a year.
		{name: "another region, calendar year", auth: "Leeds", head: "London 2023",
			want:  []string{"England 2023/24 88 Scorecard!F4"},
			warn:  []string{`Scorecard!G3: column G "London 2023" not read: London is not the region of Leeds (Yorkshire and The Humber), and a scorecard compares an authority with its own region only; give Yorkshire and The Humber's figures to have them read`},
			never: []string{"calendar year", "names no region"}},
		// Named with no year, it may be a locality: refused, saying how
		// to head it.
		{name: "own region named, no year", auth: "Kent", head: "South East",
			want: []string{"England 2023/24 88 Scorecard!F4"},
			warn: []string{`Scorecard!G3: column G "South East" not read: it names the region South East but no year, and may be a locality of that name; to have it read as the region's benchmark, head it with the year its figures are for, such as "South East 2023/24"`}},
		{name: "another region", auth: "Leeds", head: "London 2023/24",
			want: []string{"England 2023/24 88 Scorecard!F4"},
			warn: []string{`Scorecard!G3: column G "London 2023/24" not read: London is not the region of Leeds (Yorkshire and The Humber), and a scorecard compares an authority with its own region only; give Yorkshire and The Humber's figures to have them read`}},
		{name: "on a sheet of areas", auth: "Kent", head: "South East 2023/24", districts: true,
			want: []string{"England 2023/24 88 Scorecard!F4"},
			warn: []string{`Scorecard!G3: column G "South East 2023/24" not read: a region's column on a sheet of areas is not read, lest a locality of that name be taken for a region or a region for a locality; give the region's figures beside Kent's months, headed such as "South East 2023/24"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			if tc.districts {
				b.row("Scorecard", "A1", "District summary - September 2025")
				b.row("Scorecard", "A3", "Ref", "Indicator", "Kent", "Ashford", "Dover", "England 2023/24", tc.head)
				b.row("Scorecard", "A4", "R01", "Care leavers in suitable accommodation (%)", 82, 80, 84, 88, 87)
			} else {
				b.row("Scorecard", "A1", cmp.Or(tc.title, "Performance scorecard - September 2025"))
				b.row("Scorecard", "A3", "Ref", "Indicator", "Polarity", "Aug-25", "Sep-25", "England 2023/24", tc.head)
				b.row("Scorecard", "A4", "R01", "Care leavers in suitable accommodation (%)", "H", 81, 82, 88, 87)
			}
			res, err := Read(context.Background(), b.save("r.xlsx"), Options{Authority: authorityNamed(t, tc.auth)})
			if err != nil {
				t.Fatal(err)
			}
			var bench []string
			for _, bm := range res.Dataset.Benchmarks {
				bench = append(bench, fmt.Sprintf("%s %s %v %s", bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
			}
			slices.Sort(bench)
			if !slices.Equal(bench, tc.want) {
				t.Errorf("benchmarks %q, want %q", bench, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// TestExportRegionColumnStaysBehind: an export's Scorecard sheet shows
// the region's figure in a column headed with the region's name alone
// ("South East", or "Region" where rows show several); its import, read
// from the Data sheet, says the sheet's benchmarks stay behind where
// that column alone holds any, as it says of England's (QA26b S3).
func TestExportRegionColumnStaysBehind(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]string
		want []string
	}{
		{"region named", [][]string{{"Kent performance scorecard"}, {"Ref", "Indicator", "Jan-25", "England", "South East", "Comments"}, {"MS01", "Caseload", "20.5", "", "16.2", ""}}, []string{"benchmarks"}},
		{"regions headed Region", [][]string{{"Ref", "Indicator", "Jan-25", "England", "Region"}, {"MS01", "Caseload", "20.5", "", "16.2"}}, []string{"benchmarks"}},
		{"Yorkshire spelt as the DfE spells it", [][]string{{"Ref", "Indicator", "Jan-25", "Yorkshire and The Humber"}, {"MS01", "Caseload", "20.5", "16.2"}}, []string{"benchmarks"}},
		{"region column empty", [][]string{{"Ref", "Indicator", "Jan-25", "England", "South East"}, {"MS01", "Caseload", "20.5", "", ""}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := shownOnlyOnScorecard(tc.rows); !slices.Equal(got, tc.want) {
				t.Errorf("shownOnlyOnScorecard = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRegionNamesCouncilsUse: "Eastern 2023/24" and "NW 2023/24" name
// regions as councils' workbooks head them; they were dropped as
// unknown headings.
func TestRegionNamesCouncilsUse(t *testing.T) {
	for h, want := range map[string]string{
		"Eastern 2023/24":      "East of England",
		"NW 2023/24":           "North West",
		"SE 2024/25":           "South East",
		"Y&H 2023/24":          "Yorkshire and The Humber",
		"East of England 2023": "East of England",
		"East 2023/24":         "",
	} {
		got, dated, ok := headingRegion(h)
		if want == "" {
			if ok {
				t.Errorf("headingRegion(%q) = %q, want no region", h, got)
			}
			continue
		}
		if !ok || !dated || got != want {
			t.Errorf("headingRegion(%q) = %q (dated %v, ok %v), want %q dated", h, got, dated, ok, want)
		}
	}
}
