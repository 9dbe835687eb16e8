package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestScorecardRowsPerAreaOrCohort checks a scorecard sheet of months
// whose rows each give one area's or cohort's figures, named in an Area
// or Cohort column, is read row by row as a tidy table's rows are: each
// district's figures its own and the county's row the county's, however
// the rows are ordered. The column had been left unread and the first
// row of each Ref (Ashford's, or the excluding-UASC one) taken as the
// county's all-children series, the rest dropped as duplicates. A Ref
// written once over its cohort rows (merged down, or blank below) covers
// them. A column of service areas or groups is not one of areas or
// cohorts: it is left unread with a warning at its heading, and its rows
// read as before.
func TestScorecardRowsPerAreaOrCohort(t *testing.T) {
	type row []any
	tests := []struct {
		name   string
		rows   []row // under Ref, Indicator, Polarity, <by>, Target, Jul-25, Aug-25
		by     string
		merge  []string // ranges to merge
		want   []string // "REF Area split Jul Aug", every series read
		warns  []string // each must be in a warning, at "Sheet!Cell: "
		noWarn bool     // and no other warning
		// targets, where given, are every target read: "REF YEAR
		// TARGET" and each district's "AREA=TARGET".
		targets []string
	}{
		{
			name: "districts before the county", by: "Area", noWarn: true,
			rows: []row{
				{"AR01", "Number of children in care", "", "Ashford", nil, 150, 151},
				{"AR01", "Number of children in care", "", "Canterbury", nil, 160, 161},
				{"AR01", "Number of children in care", "", "Kent", nil, 1900, 1910},
				{"AR02", "Re-referrals within 12 months (%)", "L", "Ashford", nil, 31, 32},
				{"AR02", "Re-referrals within 12 months (%)", "L", "Kent", nil, 21, 22},
			},
			want: []string{"AR01 Ashford all 150 151", "AR01 Canterbury all 160 161", "AR01 Kent all 1900 1910", "AR02 Ashford all 31 32", "AR02 Kent all 21 22"},
		},
		{
			name: "excluding UASC before all children", by: "Cohort", noWarn: true,
			rows: []row{
				{"CO01", "Number of children starting to be looked after", "", "Excluding UASC", nil, 40, 42},
				{"CO01", "Number of children starting to be looked after", "", "All children", nil, 90, 95},
			},
			want: []string{"CO01 Kent all 90 95", "CO01 Kent excl:uasc 40 42"},
		},
		{
			name: "a Ref merged over its cohorts", by: "Cohort", noWarn: true,
			rows: []row{
				{"MR01", "Number of children in care", "", "All children", nil, 1900, 1910},
				{nil, nil, nil, "Excluding UASC", nil, 1500, 1505},
				{"MR02", "Number of care leavers", "", "All children", nil, 2000, 2010},
				{nil, nil, nil, "UASC", nil, 900, 905},
			},
			merge: []string{"A2:A3", "B2:B3", "C2:C3", "A4:A5", "B4:B5", "C4:C5"},
			want:  []string{"MR01 Kent all 1900 1910", "MR01 Kent excl:uasc 1500 1505", "MR02 Kent all 2000 2010", "MR02 Kent uasc 900 905"},
		},
		{
			name: "twin rows per area", by: "Area", noWarn: true,
			rows: []row{
				{"CIC05", "Children in care with 3 or more placements (%)", "L", "Kent", nil, 10, 11},
				{"CIC05a", "Children in care with 3 or more placements (%) (excluding UASC)", "L", "Kent", nil, 9, 10},
				{"CIC05", "Children in care with 3 or more placements (%)", "L", "Ashford", nil, 12, 13},
				{"CIC05a", "Children in care with 3 or more placements (%) (excluding UASC)", "L", "Ashford", nil, 11, 12},
			},
			want: []string{"CIC05 Ashford all 12 13", "CIC05 Ashford excl:uasc 11 12", "CIC05 Kent all 10 11", "CIC05 Kent excl:uasc 9 10"},
		},
		{
			name: "a Ref left blank below", by: "Area", noWarn: true,
			rows: []row{
				{"AR01", "Number of children in care", "", "Kent", nil, 1900, 1910},
				{nil, nil, nil, "Dover", nil, 120, 121},
			},
			want: []string{"AR01 Dover all 120 121", "AR01 Kent all 1900 1910"},
		},
		{
			name: "targets on the county's row and a district's", by: "Area", noWarn: true,
			rows: []row{
				{"AR02", "Re-referrals within 12 months (%)", "L", "Ashford", 25, 31, 32},
				{"AR02", "Re-referrals within 12 months (%)", "L", "Kent", 20, 21, 22},
			},
			want:    []string{"AR02 Ashford all 31 32", "AR02 Kent all 21 22"},
			targets: []string{"AR02 2025/26 20 Ashford=25"},
		},
		{
			name: "a target on a cohort's row", by: "Cohort",
			rows: []row{
				{"CO01", "Number of children starting to be looked after", "", "All children", 80, 90, 95},
				{"CO01", "Number of children starting to be looked after", "", "Excluding UASC", 35, 40, 42},
			},
			want:    []string{"CO01 Kent all 90 95", "CO01 Kent excl:uasc 40 42"},
			targets: []string{"CO01 2025/26 80"},
			warns:   []string{"Scorecard!E3: a target or benchmark on rows of a district or cohort not read"},
		},
		{
			name: "an area not the authority's is kept under its name", by: "District",
			rows: []row{
				{"AR01", "Number of children in care", "", "Kent", nil, 1900, 1910},
				{"AR01", "Number of children in care", "", "Localities North", nil, 70, 71},
			},
			want:  []string{"AR01 Kent all 1900 1910", "AR01 Localities North all 70 71"},
			warns: []string{"Scorecard!D3: AR01: area \"Localities North\" is not Kent"},
		},
		{
			// Benchmarks given as rows (QA27b 8): filed as areas of
			// Kent they were circulated as Kent's own.
			name: "England, the neighbours and the region are benchmarks, not areas", by: "Area",
			rows: []row{
				{"AR01", "Number of children in care", "", "Kent", nil, 1900, 1910},
				{nil, nil, nil, "England", nil, 83000, 83500},
				{nil, nil, nil, "South East", nil, 12000, 12100},
				{nil, nil, nil, "Stat neighbours", nil, 1700, 1720},
				{nil, nil, nil, "Dover", nil, 120, 121},
			},
			want: []string{"AR01 Dover all 120 121", "AR01 Kent all 1900 1910"},
			warns: []string{`Scorecard!D3: area "England" is England's figure, a benchmark, not an area of Kent: this row is not read`,
				`Scorecard!D4: area "South East" is South East's figure (Kent's region), a benchmark`,
				`Scorecard!D5: area "Stat neighbours" is the statistical neighbours' figure, a benchmark`},
		},
		{
			name: "another council's areas are not the county's", by: "Area",
			rows: []row{
				{"AR01", "Number of children in care", "", "Medway", nil, 400, 410},
			},
			want:  []string{"AR01 Medway all 400 410"},
			warns: []string{"Scorecard!D2: AR01: area \"Medway\" is not Kent"},
		},
		{
			name: "a column of service areas", by: "Area",
			rows: []row{
				{"EH01", "Early help assessments completed", "H", "Early Help", nil, 300, 310},
				{"SC01", "Referrals to children's social care", "", "Children's Social Care", nil, 1200, 1250},
			},
			want:  []string{"EH01 Kent all 300 310", "SC01 Kent all 1200 1250"},
			warns: []string{"Scorecard!D1: column D \"Area\" not read: none of its entries is Kent or one of its districts (\"Early Help\" at D2)"},
		},
		{
			name: "a column of service groups", by: "Group",
			rows: []row{
				{"EH01", "Early help assessments completed", "H", "Early Help", nil, 300, 310},
				{"SC01", "Referrals to children's social care", "", "Children's Social Care", nil, 1200, 1250},
			},
			want:  []string{"EH01 Kent all 300 310", "SC01 Kent all 1200 1250"},
			warns: []string{"Scorecard!D1: column D \"Group\" not read: none of its entries is a cohort"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Indicator", "Polarity", tt.by, "Target", "Jul-25", "Aug-25")
			for i, r := range tt.rows {
				b.row(s, fmt.Sprintf("A%d", i+2), r...)
			}
			for _, m := range tt.merge {
				from, to, _ := strings.Cut(m, ":")
				b.merge(s, from, to)
			}
			res := mustRead(t, b.save("rows.xlsx"))
			series := map[string][]string{}
			var keys []string
			for _, o := range res.Dataset.Observations {
				k := fmt.Sprintf("%s %s %s", o.Ref, o.Area, cmp.Or(string(o.Split), "all"))
				if _, ok := series[k]; !ok {
					keys = append(keys, k)
				}
				series[k] = append(series[k], fmt.Sprintf("%s=%g", o.Period.Label(), *o.Value))
			}
			var got []string
			for _, k := range keys {
				slices.Sort(series[k])
				vals := make([]string, len(series[k]))
				for i, v := range series[k] {
					_, vals[i], _ = strings.Cut(v, "=")
				}
				if len(series[k]) != 2 || !strings.HasPrefix(series[k][0], "Aug-25") {
					t.Errorf("%s: %v; want Jul-25 and Aug-25", k, series[k])
					continue
				}
				got = append(got, k+" "+vals[1]+" "+vals[0])
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("read\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if tt.targets != nil {
				var read []string
				for _, tg := range res.Dataset.Targets {
					s := fmt.Sprintf("%s %s", tg.Ref, tg.Year.Label())
					if tg.Target != nil {
						s += fmt.Sprintf(" %g", *tg.Target)
					}
					for _, lv := range tg.Levels {
						if lv.Target != nil {
							s += fmt.Sprintf(" %s=%g", lv.Area, *lv.Target)
						}
					}
					read = append(read, s)
				}
				if !slices.Equal(read, tt.targets) {
					t.Errorf("targets read %q, want %q", read, tt.targets)
				}
			}
			var said []string
			for _, w := range res.Warnings {
				said = append(said, w.Sheet+"!"+w.Cell+": "+w.Message)
			}
			for _, w := range tt.warns {
				if !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("no warning %q in %q", w, said)
				}
			}
			if tt.noWarn && len(said) > 0 {
				t.Errorf("warned %q; want none", said)
			}
		})
	}
}

// TestDistrictSheetCohortColumn checks a district sheet's Cohort column
// gives each row's cohort: the excluding-UASC row beneath the indicator's
// is its districts' figures excluding UASC, where it had been skipped for
// want of a Ref and the column left unread.
func TestDistrictSheetCohortColumn(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Polarity", "Jul-25", "Aug-25")
	b.row("Scorecard", "A2", "DC01", "Number of children in care", "", 1000, 1010)
	b.sheet("Districts")
	b.row("Districts", "A1", "District breakdown - August 2025")
	b.row("Districts", "A2", "Ref", "Indicator", "Cohort", "Ashford", "Canterbury", "Dover")
	b.row("Districts", "A3", "DC01", "Number of children in care", "All children", 84, 85, 86)
	b.row("Districts", "A4", nil, nil, "Excluding UASC", 80, 81, 82)
	res := mustRead(t, b.save("districts.xlsx"))
	for _, w := range res.Warnings {
		t.Errorf("warning %s", w)
	}
	for _, tt := range []struct {
		split string
		want  float64
	}{{"", 86}, {"excl:uasc", 82}} {
		o, ok := findObs(res.Dataset, "DC01", "Dover", app.Split(tt.split), "2025-08")
		if !ok || !approx(o.Value, tt.want) {
			t.Errorf("DC01 Dover %q Aug-25: found %v, %v; want %v", tt.split, ok, o.Value, tt.want)
		}
	}
}
