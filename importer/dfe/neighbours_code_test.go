package dfe

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestNeighboursFoundAsTheHomeIs reads files that name authorities
// without old_la_code, by ONS code and name or by name alone, as Kent is
// found by them (QA hB F5): Kent was found but none of its neighbours,
// whose mean and median were stored as "not available", warned as
// missing from a file that had them.
func TestNeighboursFoundAsTheHomeIs(t *testing.T) {
	// Kent and two of its 2025 neighbours, Essex (881) and Lancashire
	// (888), as the DfE names them; a council that is none of them.
	rows := [][4]string{
		{"886", "Kent", "E10000016", "1896"},
		{"881", "Essex", "E10000012", "1300"},
		{"888", "Lancashire", "E10000017", "2100"},
		{"887", "Medway", "E06000035", "390"},
	}
	model := &benchmark.Model{Year: "2025", Groups: map[string][]benchmark.Neighbour{"886": {{Code: "881"}, {Code: "888"}}}}
	for _, tc := range []struct {
		name string
		cols []int // of old_la_code, la_name, new_la_code
	}{
		{"old code, name and ONS code", []int{0, 1, 2}},
		{"name and ONS code", []int{1, 2}},
		{"ONS code alone", []int{2}},
		{"name alone", []int{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names := []string{colOldLACode, colLAName, colNewLACode}
			var b strings.Builder
			b.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name")
			for _, c := range tc.cols {
				b.WriteString("," + names[c])
			}
			b.WriteString(",population_type,children_count\n")
			b.WriteString("2025,Reporting year,National,E92000001,England,,")
			for range tc.cols {
				b.WriteString(",")
			}
			b.WriteString("," + cicOn31March + ",81770\n")
			for _, r := range rows {
				b.WriteString("2025,Reporting year,Local authority,E92000001,England,E12000008,South East")
				for _, c := range tc.cols {
					b.WriteString("," + r[c])
				}
				b.WriteString("," + cicOn31March + "," + r[3] + "\n")
			}
			rd := Reader{Mapping: Mapping{Rules: DefaultMapping().Rules[:1]}, Model: model, Home: app.DefaultAuthority()}
			d, warns, err := rd.Read("cla.csv", strings.NewReader(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			y := app.Period{Kind: app.FinancialYear, Year: 2024}
			if !slices.ContainsFunc(d.Observations, func(o app.Observation) bool {
				return o.Ref == RefCICCount && o.Period == y && o.Value != nil && *o.Value == 1896
			}) {
				t.Errorf("Kent's 1896 not read: %v", d.Observations)
			}
			mean := findBench(t, d, RefCICCount, y, benchmark.NeighbourMean)
			if mean.Value == nil || *mean.Value != 1700 {
				t.Errorf("neighbour mean %v (%s), want 1700, of Essex's 1300 and Lancashire's 2100", mean.Value, mean.Status)
			}
			for _, w := range warns {
				if strings.Contains(w.Message, "no figure for") {
					t.Errorf("warning %q", w)
				}
			}
		})
	}
}
