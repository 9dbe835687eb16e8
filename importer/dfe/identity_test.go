package dfe

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
)

// identityCSV is a DfE CSV of children looked after on 31 March 2025:
// England's row, then rows given as "old_la_code,la_name,new_la_code,
// children_count".
func identityCSV(rows ...string) string {
	var b strings.Builder
	b.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,children_count\n")
	b.WriteString("2025,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,81770\n")
	for _, r := range rows {
		b.WriteString("2025,Reporting year,Local authority,E92000001,England,E12000008,South East," + r + "\n")
	}
	return b.String()
}

// TestWhoseRowIsIt reads rows whose codes and name say whose they are in
// more ways than one (QA probe 4). A row naming Kent and another council
// is neither's: Medway's row carrying Kent's ONS code was stored as
// Kent's. Kent's row given twice, its codes or name written otherwise,
// is read once where the two agree and not at all where they differ:
// the later one's figure was kept, unsaid. Kent named by its council's
// name alone is Kent's; a file with no row of Kent's says so.
func TestWhoseRowIsIt(t *testing.T) {
	row := func(old, name, ons string, n int) string {
		return old + "," + name + "," + ons + "," + cicOn31March + "," + strconv.Itoa(n)
	}
	for _, tc := range []struct {
		name string
		rows []string
		want []string // Kent's CIC01 for 2024/25: "" for none read
		warn []string
	}{
		{"Kent's row alone", []string{row("886", "Kent", "E10000016", 1896)}, []string{"1896"}, nil},
		{"Kent's council's name alone, no codes", []string{row("", "Kent County Council", "", 1896)}, []string{"1896"}, nil},
		{"Medway's row with Kent's ONS code, after Kent's",
			[]string{row("886", "Kent", "E10000016", 1896), row("887", "Medway", "E10000016", 390)}, []string{"1896"},
			[]string{"line 4: the row's codes and name (old_la_code 887, new_la_code E10000016, la_name Medway) name Kent and another council: not read"}},
		{"Kent's name with Medway's code", []string{row("887", "Kent", "", 1896)}, nil,
			[]string{"line 3: the row's codes and name (old_la_code 887, la_name Kent) name Kent and another council"}},
		{"Kent's name with Medway's code, and Medway's row", []string{row("887", "Kent", "", 1896), row("887", "Medway", "E06000035", 390)}, nil,
			[]string{"line 3: the row's codes and name (old_la_code 887, la_name Kent) name Kent and another council"}},
		{"Kent's code with Medway's ONS code and name", []string{row("886", "Medway", "E06000035", 390)}, nil,
			[]string{"name Kent and another council"}},
		{"Kent twice, the second without its ONS code, differing",
			[]string{row("886", "Kent", "E10000016", 1896), row("886", "Kent", "", 2000)}, nil,
			[]string{`line 4: CIC01 2024/25: children_count is "2000" here but "1896" at line 3, both rows Kent's (their codes or names written otherwise); neither read`}},
		{"Kent twice, named otherwise, agreeing",
			[]string{row("886", "Kent", "E10000016", 1896), row("", "Kent County Council", "", 1896)}, []string{"1896"},
			[]string{"line 4: CIC01 2024/25: children_count repeats line 3, both rows Kent's (their codes or names written otherwise); kept the first"}},
		{"a joint row of Kent's and another's codes",
			[]string{row("886 / 887", "Kent / Medway", "E10000016 / E06000035", 2286)}, []string{"2286"},
			[]string{"line 3: the row's codes name several authorities together (old_la_code 886 / 887, new_la_code E10000016 / E06000035, la_name Kent / Medway): read as Kent's, the DfE's one figure for them"}},
		{"no row of Kent's", []string{row("887", "Medway", "E06000035", 390)}, nil,
			[]string{"line 1: no authority's row is Kent's (old_la_code 886, new_la_code E10000016 or la_name Kent): none of its figures read"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(identityCSV(tc.rows...)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range d.Observations {
				if o.Ref == RefCICCount && o.Value != nil {
					got = append(got, strconv.Itoa(int(*o.Value)))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Kent's CIC01 %q, want %q", got, tc.want)
			}
			var said []string
			for _, w := range warns {
				said = append(said, w.String())
			}
			for _, want := range tc.warn {
				if !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("no warning %q in\n%s", want, strings.Join(said, "\n"))
				}
			}
			if strings.Contains(strings.Join(said, "\n"), "another council") && strings.Contains(strings.Join(said, "\n"), "no authority's row") {
				t.Errorf("a file whose row names Kent and another council also says no row is Kent's:\n%s", strings.Join(said, "\n"))
			}
			if len(tc.warn) == 0 {
				for _, s := range said {
					if strings.Contains(s, "another council") || strings.Contains(s, "both rows") || strings.Contains(s, "no authority's row") {
						t.Errorf("warning %q for a plain file", s)
					}
				}
			}
		})
	}
}

// TestDenominatorGivenTwice reads a placement-stability file giving
// Kent's "Total children" twice, differently: its denominator is not
// read, where the first row's was kept and the second passed over,
// unsaid, both when the rows are keyed alike and when the second writes
// Kent's codes otherwise.
func TestDenominatorGivenTwice(t *testing.T) {
	head := "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent\n"
	row := func(codes, stability string, n, pc int) string {
		return "2025,Reporting year,Local authority,E92000001,England,E12000008,South East," + codes + ",CLA on 31 March," + stability + "," + strconv.Itoa(n) + "," + strconv.Itoa(pc) + "\n"
	}
	kent := "886,Kent,E10000016"
	for _, tc := range []struct {
		name, second string
		wantDen      bool
		warn         string
	}{
		{"once", "", true, ""},
		{"twice alike", row(kent, "Total children", 1896, 100), true, "line 3: children_count for Kent 2025 repeats line 2; kept the first"},
		{"twice, keyed alike", row(kent, "Total children", 2000, 100), false,
			`line 3: CIC05: children_count is "2000" here but "1896" at line 2, and no column tells the two rows apart; neither read`},
		{"twice, Kent's codes written otherwise", row("886,Kent,", "Total children", 2000, 100), false,
			`line 3: CIC05 2024/25: children_count is "2000" here but "1896" at line 2, both rows Kent's (their codes or names written otherwise); neither read`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			csv := head + row(kent, "Total children", 1896, 100) + tc.second + row(kent, "With 3 or more placements during the year", 190, 10)
			rd := Reader{Mapping: DefaultMapping(), Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("stability.csv", strings.NewReader(csv))
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(d.Observations, func(o app.Observation) bool { return o.Ref == RefCICPlacements })
			if i < 0 {
				t.Fatalf("no CIC05 in %+v", d.Observations)
			}
			if o := d.Observations[i]; (o.Denominator != nil) != tc.wantDen || tc.wantDen && *o.Denominator != 1896 {
				t.Errorf("CIC05 denominator %v, want one (1896): %v", o.Denominator, tc.wantDen)
			}
			said := ""
			for _, w := range warns {
				said += w.String() + "\n"
			}
			if tc.warn != "" && !strings.Contains(said, tc.warn) {
				t.Errorf("no warning %q in\n%s", tc.warn, said)
			}
		})
	}
}

// TestSignsInDfECells reads cells the DfE never writes: "(1896)" was
// stored as -1896 children, "1896%" and "£1,896" as 1896, each unsaid.
func TestSignsInDfECells(t *testing.T) {
	row := func(count string) string {
		return "886,Kent,E10000016," + cicOn31March + "," + count
	}
	for _, tc := range []struct {
		count, want, warn string
	}{
		{"1896", "1896", ""},
		{`"1,896"`, "1896", ""},
		{"(1896)", "", `children_count: "(1896)": a number in brackets, which DfE files do not write; not read`},
		{"1896%", "1896", `children_count: "1896%" read as 1896, its "%" dropped`},
		{`"£1,896"`, "1896", `children_count: "£1,896" read as 1896, its "£" dropped`},
		// Said three times over, once for each rule reading the cell.
		{"", "", "children_count is blank"},
	} {
		t.Run(tc.count, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(identityCSV(row(tc.count))))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, o := range d.Observations {
				if o.Ref == RefCICCount && o.Value != nil {
					got = strconv.FormatFloat(*o.Value, 'f', -1, 64)
				}
			}
			if got != tc.want {
				t.Errorf("CIC01 %q, want %q", got, tc.want)
			}
			said := ""
			for _, w := range warns {
				said += w.String() + "\n"
			}
			if n := strings.Count(said, tc.warn); tc.warn != "" && n != 1 {
				t.Errorf("warning %q said %d times, want once, in\n%s", tc.warn, n, said)
			}
			if tc.warn == "" && (strings.Contains(said, "dropped") || strings.Contains(said, "brackets")) {
				t.Errorf("warnings for a plain number:\n%s", said)
			}
		})
	}
}
