package dfe

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestAbbreviatedLevels reads files whose geographic_level is written as
// some tools abbreviate it (QA hB F9): "LA" and "Region" are read as
// their levels, and "Country" as England's national level only where
// the row's country columns say England, each said once. A file with no
// level read is refused naming the values and their first lines, where
// it said only "no figures for Kent, England or any region matched".
func TestAbbreviatedLevels(t *testing.T) {
	const head = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,children_count\n"
	row := func(level, country, region, la, n string) string {
		return "2025,Reporting year," + level + "," + country + "," + region + "," + la + "," + cicOn31March + "," + n + "\n"
	}
	const england, wales, kentCodes = "E92000001,England", "W92000004,Wales", "886,Kent,E10000016"
	national := func(level, country string) string { return row(level, country, ",", ",,", "81770") }
	region := func(level string) string { return row(level, england, "E12000008,South East", ",,", "11050") }
	kent := func(level string) string { return row(level, england, "E12000008,South East", kentCodes, "1896") }
	for _, tc := range []struct {
		name                  string
		rows                  string
		england, region, kent string   // the figures read, "" for none
		warns                 []string // warnings said, each in part
		err                   string   // the refusal, in part; "" if read
	}{
		{name: "the levels spelt out", rows: national("National", england) + region("Regional") + kent("Local authority"),
			england: "81770", region: "11050", kent: "1896"},
		{name: "LA, Region and England's Country", rows: national("Country", england) + region("Region") + kent("LA") + kent("LA"),
			england: "81770", region: "11050", kent: "1896",
			warns: []string{
				`line 2: geographic_level "Country" read as "National", England's, as the rows' country columns say (1 row, the first here)`,
				`line 3: geographic_level "Region" read as "Regional" (1 row, the first here)`,
				`line 4: geographic_level "LA" read as "Local authority" (2 rows, the first here)`,
			}},
		{name: "abbreviations in lower case", rows: national("country", england) + region("region") + kent("la"),
			england: "81770", region: "11050", kent: "1896",
			warns: []string{`line 2: geographic_level "country" read as "National"`, `line 3: geographic_level "region" read as "Regional"`, `line 4: geographic_level "la" read as "Local authority"`}},
		{name: "Country with England's code alone", rows: national("Country", "E92000001,") + kent("Local authority"),
			england: "81770", kent: "1896", warns: []string{`line 2: geographic_level "Country" read as "National"`}},
		{name: "Country with England's name alone", rows: national("Country", ",England") + kent("Local authority"),
			england: "81770", kent: "1896", warns: []string{`line 2: geographic_level "Country" read as "National"`}},
		{name: "Wales's Country", rows: national("Country", wales) + kent("Local authority"),
			kent:  "1896",
			warns: []string{`line 2: geographic_level "Country" of country_code "W92000004", country_name "Wales", not England's: the app reads England, regions and local authorities; 1 row skipped, the first here`}},
		{name: "a Country whose code and name disagree", rows: national("Country", "E92000001,United Kingdom") + kent("Local authority"),
			kent:  "1896",
			warns: []string{`line 2: geographic_level "Country" of country_code "E92000001", country_name "United Kingdom", not England's`}},
		{name: "a Country naming no country", rows: national("Country", ",") + kent("Local authority"),
			kent:  "1896",
			warns: []string{`line 2: geographic_level "Country" with no country_code or country_name to say it is England's: the app reads`}},
		{name: "a National row of the United Kingdom", rows: national("National", "K02000001,United Kingdom") + national("National", england) + kent("Local authority"),
			england: "81770", kent: "1896",
			warns: []string{`line 2: geographic_level "National" of country_code "K02000001", country_name "United Kingdom", not England's: the app reads England, regions and local authorities; 1 row skipped, the first here`}},
		{name: "a National row naming England and Wales", rows: national("National", ",England and Wales") + kent("Local authority"),
			kent:  "1896",
			warns: []string{`line 2: geographic_level "National" of country_code "", country_name "England and Wales", not England's`}},
		{name: "a National row naming no country", rows: national("National", ",") + kent("Local authority"),
			england: "81770", kent: "1896"},
		{name: "no level read", rows: national("Country", wales) + region("Regions") + kent("LAD") + kent("LAD"),
			err: `cla.csv: no figures for Kent, England or any region matched the mapping (geographic_level "Country" of country_code "W92000004", country_name "Wales", not England's (1 row, the first at line 2), "Regions" (1 row, the first at line 3), "LAD" (2 rows, the first at line 4): the app reads National, Regional and Local authority rows)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mapping := Mapping{Rules: DefaultMapping().Rules[:1]}
			rd := Reader{Mapping: mapping, Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(head+tc.rows))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want\n%s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			y := app.Period{Kind: app.FinancialYear, Year: 2024}
			got := benchmarksOf(d, y)
			for _, o := range d.Observations {
				if o.Period == y && o.Value != nil {
					got["Kent"] = strconv.FormatFloat(*o.Value, 'f', -1, 64)
				}
			}
			if got[benchmark.England] != tc.england || got["South East"] != tc.region || got["Kent"] != tc.kent {
				t.Errorf("England %q, South East %q, Kent %q; want %q, %q, %q", got[benchmark.England], got["South East"], got["Kent"], tc.england, tc.region, tc.kent)
			}
			var said []string
			for _, w := range warns {
				said = append(said, w.Cell+": "+w.Message)
			}
			for _, w := range tc.warns {
				if !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
				}
			}
			for _, s := range said {
				if strings.Contains(s, "geographic_level") && !slices.ContainsFunc(tc.warns, func(w string) bool { return strings.Contains(s, w) }) {
					t.Errorf("warning %q, not wanted", s)
				}
			}
		})
	}
}

// TestMissingColumnIsNamed reads tables with one of the three columns
// every EES file has deleted: the refusal names it.
func TestMissingColumnIsNamed(t *testing.T) {
	const rest = "old_la_code,la_name,new_la_code,population_type,children_count\n886,Kent,E10000016," + cicOn31March + ",1896\n"
	for _, tc := range []struct {
		name, head, cells, want string
	}{
		{"no time_identifier", "time_period,geographic_level,", "2025,Local authority,",
			"cla.csv: line 1: an explore-education-statistics CSV without its time_identifier column: not read, as the DfE's files say in it what kind of year each time_period is"},
		{"no geographic_level", "time_period,time_identifier,", "2025,Reporting year,",
			"cla.csv: line 1: an explore-education-statistics CSV without its geographic_level column"},
		{"no time_period", "time_identifier,geographic_level,", "Reporting year,Local authority,",
			"cla.csv: line 1: an explore-education-statistics CSV without its time_period column"},
		{"none of them", "", "", "cla.csv: line 1: not an explore-education-statistics CSV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.head + strings.Replace(rest, "\n", "\n"+tc.cells, 1)
			_, _, err := Read("cla.csv", strings.NewReader(body))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to start %q", err, tc.want)
			}
			if got := Missing(strings.Split(strings.SplitN(body, "\n", 2)[0], ",")); (len(got) == 1) != (tc.head != "") {
				t.Errorf("Missing = %q", got)
			}
		})
	}
}
