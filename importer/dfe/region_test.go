package dfe

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestBenchmarksWithoutTheHomeRow reads a year's England, region and
// neighbour rows where Kent's row is missing, given twice with different
// figures, or its region is written otherwise (QA hB F4). The South
// East's figure and the neighbours' mean were dropped with Kent's row,
// unsaid, and "South East England" (E12000008) was never the South East.
// A region is known by its code, else its name; what is still not read
// is said.
func TestBenchmarksWithoutTheHomeRow(t *testing.T) {
	const head = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,children_count\n"
	row := func(level, regionCode, region, la string, n string) string {
		return "2025,Reporting year," + level + ",E92000001,England," + regionCode + "," + region + "," + la + "," + cicOn31March + "," + n + "\n"
	}
	england := "2025,Reporting year,National,E92000001,England,,,,,," + cicOn31March + ",81770\n"
	southEast := row("Regional", "E12000008", "South East", ",,", "11050")
	northEast := row("Regional", "E12000001", "North East", ",,", "6040")
	kent := row("Local authority", "E12000008", "South East", "886,Kent,E10000016", "1896")
	essex := row("Local authority", "E12000006", "East of England", "881,Essex,E10000012", "1300")
	model := &benchmark.Model{Year: "2025", Groups: map[string][]benchmark.Neighbour{"886": {{Code: "881"}}}}
	for _, tc := range []struct {
		name   string
		rows   string
		region string // the region's figure, "" for none
		warn   string
	}{
		{"every row", england + northEast + southEast + kent + essex, "11050", ""},
		{"no row of Kent's for the year", england + northEast + southEast + essex + strings.Replace(kent, "2025,", "2024,", 1), "11050",
			"line 5: no row of Kent's for CIC01 2024/25, where the file has other authorities' rows: Kent's figure not read, England's, the region's and the neighbours' read as benchmarks"},
		{"no row of Kent's", england + northEast + southEast + essex, "11050",
			"line 1: no authority's row is Kent's"},
		{"Kent's row twice, differing", england + southEast + kent + row("Local authority", "E12000008", "South East", "886,Kent,E10000016", "1900") + essex, "11050",
			"neither read"},
		{"Kent's row twice, keyed otherwise, differing", england + southEast + kent + row("Local authority", "", "", "886,Kent,", "1900") + essex, "11050",
			"neither read"},
		{"the region named otherwise, its code given", england + row("Regional", "E12000008", "South East England", ",,", "11050") + kent + essex, "11050", ""},
		{"the region's name blank, its code given", england + row("Regional", "E12000001", "", ",,", "6040") + row("Regional", "E12000008", "", ",,", "11050") + kent + essex, "11050", ""},
		{"the region named otherwise, no code", england + row("Regional", "", "South East England", ",,", "11050") + kent + essex, "11050", ""},
		{"the region's name unknown, no code", england + northEast + row("Regional", "", "Sud-Est", ",,", "11050") + kent + essex, "",
			"line 3: CIC01: no regional row is Kent's region, South East (E12000008), though the file has other regions' rows: its benchmark not read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mapping := Mapping{Rules: DefaultMapping().Rules[:1]}
			rd := Reader{Mapping: mapping, Model: model, Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(head+tc.rows))
			if err != nil {
				t.Fatal(err)
			}
			y := app.Period{Kind: app.FinancialYear, Year: 2024}
			got := benchmarksOf(d, y)
			if got[benchmark.England] != "81770" {
				t.Errorf("England %q, want 81770", got[benchmark.England])
			}
			if got["South East"] != tc.region {
				t.Errorf("South East %q, want %q (benchmarks %v)", got["South East"], tc.region, got)
			}
			if got[benchmark.NeighbourMean] != "1300" {
				t.Errorf("neighbour mean %q, want 1300", got[benchmark.NeighbourMean])
			}
			var said []string
			for _, w := range warns {
				said = append(said, w.String())
			}
			if tc.warn != "" && !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, tc.warn) }) {
				t.Errorf("no warning %q in\n%s", tc.warn, strings.Join(said, "\n"))
			}
			if tc.warn == "" && len(said) > 0 {
				t.Errorf("warnings for a file read whole:\n%s", strings.Join(said, "\n"))
			}
		})
	}
}

// benchmarksOf is d's benchmarks of year y, by group, as written.
func benchmarksOf(d *app.Dataset, y app.Period) map[string]string {
	got := map[string]string{}
	for _, b := range d.Benchmarks {
		if b.Period == y && b.Value != nil {
			got[b.Group] = strconv.FormatFloat(*b.Value, 'f', -1, 64)
		}
	}
	return got
}
