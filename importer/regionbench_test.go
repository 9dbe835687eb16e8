package importer

import (
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
		districts        bool // a sheet of the authority's areas, not of months
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
				b.row("Scorecard", "A1", "Performance scorecard - September 2025")
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
