package dfe

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestImpossibleFiguresSaid reads figures no count of children or rate
// per 10,000 can be (QA hB F6): 1777.5 and -1956 children and 55,854
// per 10,000 were stored unsaid. Each is kept as given, as the workbook
// reader keeps such a figure, and said at its line and column, once
// though two rules read the cell.
func TestImpossibleFiguresSaid(t *testing.T) {
	const head = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000\n"
	const england = "2025,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,12183016,%s,67\n"
	kent := func(count, rate string) string {
		return "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,Children looked after on 31 March each year,355390," + count + "," + rate + "\n"
	}
	for _, tc := range []struct {
		name        string
		england     string
		count, rate string
		want        []string // warnings, "" for none of this kind
	}{
		{"whole counts and a rate", "81770", "1896", "53", nil},
		{"a count with a point and zero", "81770", "1896.0", "53", nil},
		{"half a child", "81770", `"1,777.5"`, "53",
			[]string{`line 3: children_count: "1,777.5" read as 1777.5, not a whole number, which a count cannot be; kept as given`}},
		{"a count below 0", "81770", "-1956", "53",
			[]string{`line 3: children_count: "-1956" read as -1956, below 0, which a count cannot be; kept as given`}},
		{"a rate above 10,000", "81770", "1956", `"55,854"`,
			[]string{`line 3: rate_per_10000: "55,854" read as 55854, above 10,000, which a rate per 10,000 cannot be; kept as given`}},
		{"a rate below 0", "81770", "1896", "-53",
			[]string{`line 3: rate_per_10000: "-53" read as -53, below 0, which a rate cannot be; kept as given`}},
		{"England's count, a benchmark", "81770.5", "1896", "53",
			[]string{`line 2: children_count: "81770.5" read as 81770.5, not a whole number, which a count cannot be; kept as given`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := head + strings.Replace(england, "%s", tc.england, 1) + kent(tc.count, tc.rate)
			rd := Reader{Mapping: DefaultMapping(), Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(file))
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, w := range warns {
				if strings.Contains(w.Message, "cannot be") {
					said = append(said, w.String())
				}
			}
			for _, want := range tc.want {
				n := 0
				for _, s := range said {
					if strings.Contains(s, want) {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%d warnings %q, want 1, in\n%s", n, want, strings.Join(said, "\n"))
				}
			}
			if len(said) != len(tc.want) {
				t.Errorf("warnings %q, want %q", said, tc.want)
			}
			// Kept as given: the figure is the officer's to check.
			if !slices.ContainsFunc(d.Observations, func(o app.Observation) bool { return o.Ref == RefCICCount && o.Value != nil }) {
				t.Errorf("Kent's count left out: %v", d.Observations)
			}
		})
	}
}
