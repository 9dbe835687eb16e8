package dfe

import (
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// breakdownCSV writes a DfE file of children looked after with extra
// filter columns no mapping rule names (QA17 D7). Each area's rows are
// given in the order of rows, one row per entry: the extra columns'
// values and a share of the area's count (1 for its total).
func breakdownCSV(extra []string, rows []breakdownRow) string {
	var b strings.Builder
	b.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type")
	for _, e := range extra {
		b.WriteString("," + e)
	}
	b.WriteString(",population_estimate,children_count,rate_per_10000\n")
	areas := []struct {
		geo   string
		count int
	}{
		{"National,E92000001,England,,,,,", 81770},
		{"Regional,E92000001,England,E12000008,South East,,,", 10480},
		{"Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016", 1896},
		{"Local authority,E92000001,England,E12000006,East of England,881,Essex,E10000012", 1200},
	}
	for _, a := range areas {
		for _, r := range rows {
			n := int(float64(a.count) * r.share)
			fmt.Fprintf(&b, "2025,Reporting year,%s,%s,%s,100000,%d,%d\n", a.geo, cicOn31March, strings.Join(r.values, ","), n, n/10)
		}
	}
	return b.String()
}

type breakdownRow struct {
	values []string
	share  float64
}

// TestBreakdownColumnsNoRuleReads reads files whose rows are told apart
// by a column the mapping does not know: the Total row is read as the
// figure for all, the others said once; with no Total row the figures
// are refused with one warning naming the column. No row is ever kept
// as the figure for all by being first, nor differing rows called
// repeats.
func TestBreakdownColumnsNoRuleReads(t *testing.T) {
	male, female := breakdownRow{[]string{"Male"}, 0.52}, breakdownRow{[]string{"Female"}, 0.48}
	total := breakdownRow{[]string{"Total"}, 1}
	tests := []struct {
		name    string
		extra   []string
		rows    []breakdownRow
		kent    float64 // 0: no Kent figure
		england float64 // 0: no England benchmark
		warn    string  // one warning must contain it
		errText string  // the file is refused with it
	}{
		{name: "sex, Male first", extra: []string{"sex"}, rows: []breakdownRow{male, female, total},
			kent: 1896, england: 81770, warn: `column sex breaks the figures down (Male, Female): the rows where it is "Total" are read`},
		{name: "sex, Total first", extra: []string{"sex"}, rows: []breakdownRow{total, male, female},
			kent: 1896, england: 81770, warn: `column sex breaks the figures down`},
		{name: "age group with All ages", extra: []string{"age"}, rows: []breakdownRow{{[]string{"Under 1"}, 0.1}, {[]string{"1 to 4"}, 0.2}, {[]string{"All ages"}, 1}},
			kent: 1896, england: 81770, warn: `the rows where it is "All ages" are read as the figures for all`},
		{name: "two columns with totals", extra: []string{"sex", "ethnicity"}, rows: []breakdownRow{
			{[]string{"Male", "White"}, 0.4}, {[]string{"Total", "White"}, 0.8}, {[]string{"Male", "Total"}, 0.52}, {[]string{"Total", "Total"}, 1}},
			kent: 1896, england: 81770, warn: `column ethnicity breaks the figures down`},
		{name: "sex, no Total row", extra: []string{"sex"}, rows: []breakdownRow{male, female},
			warn: `column sex breaks the figures down (Male, Female) and has no Total row`, errText: "no Total row"},
		{name: "sex total, ethnicity none", extra: []string{"sex", "ethnicity"}, rows: []breakdownRow{
			{[]string{"Total", "White"}, 0.8}, {[]string{"Total", "Asian"}, 0.2}, {[]string{"Male", "White"}, 0.4}},
			warn: `column ethnicity breaks the figures down (White, Asian) and has no Total row`, errText: "no Total row"},
		// A download filtered to one value (QA hB F10): Kent's 189 UASC
		// or 1,707 others were stored as its children in care.
		{name: "filtered to UASC", extra: []string{"characteristic"}, rows: []breakdownRow{{[]string{"Unaccompanied asylum-seeking children"}, 0.1}},
			warn:    `column characteristic is "Unaccompanied asylum-seeking children" on every row, with no Total row: the file's figures are of those children alone`,
			errText: `column characteristic is "Unaccompanied asylum-seeking children" on every row`},
		{name: "filtered to children excluding UASC", extra: []string{"characteristic"}, rows: []breakdownRow{{[]string{"Children excluding unaccompanied asylum-seeking children"}, 0.9}},
			warn: `column characteristic is "Children excluding unaccompanied asylum-seeking children" on every row`, errText: "not imported"},
		{name: "filtered to one sex", extra: []string{"sex"}, rows: []breakdownRow{male},
			warn: `column sex is "Male" on every row`, errText: "not imported"},
		{name: "a filter column's value naming a group", extra: []string{"filter"}, rows: []breakdownRow{{[]string{"UASC"}, 0.1}},
			warn: `column filter is "UASC" on every row`, errText: "not imported"},
		{name: "only a Total row", extra: []string{"characteristic"}, rows: []breakdownRow{total},
			kent: 1896, england: 81770, warn: `column characteristic not read`},
		// The category a publication files its figures under, as the
		// children in need and child protection files have one.
		{name: "one category for the file", extra: []string{"category"}, rows: []breakdownRow{{[]string{"Children looked after"}, 1}},
			kent: 1896, england: 81770, warn: `column category ("Children looked after" on every row) not read`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
			d, warns, err := rd.Read("breakdown.csv", strings.NewReader(breakdownCSV(tt.extra, tt.rows)))
			var msgs []string
			for _, w := range warns {
				msgs = append(msgs, w.Cell+": "+w.Message)
				if strings.Contains(w.Message, "repeats line") {
					t.Errorf("rows that differ called repeats: %v", w)
				}
			}
			all := strings.Join(msgs, "\n")
			if n := strings.Count(all, "column "+tt.extra[len(tt.extra)-1]+" "); n != 1 {
				t.Errorf("%d warnings naming column %s, want 1:\n%s", n, tt.extra[len(tt.extra)-1], all)
			}
			if !strings.Contains(all, tt.warn) {
				t.Errorf("no warning containing %q in\n%s", tt.warn, all)
			}
			if tt.errText != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("error %v, want one containing %q; read %v", err, tt.errText, d)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			o := findObs(t, d, RefCICCount, app.Period{Kind: app.FinancialYear, Year: 2024})
			if o.Value == nil || *o.Value != tt.kent {
				t.Errorf("Kent CIC01 2024/25 = %v, want %v (the Total row)", o.Value, tt.kent)
			}
			b := findBench(t, d, RefCICCount, app.Period{Kind: app.FinancialYear, Year: 2024}, benchmark.England)
			if b.Value == nil || *b.Value != tt.england {
				t.Errorf("England CIC01 2024/25 = %v, want %v", b.Value, tt.england)
			}
		})
	}
}

// TestRowsForOneFigure reads two rows for one figure that no column
// tells apart: a true repeat keeps the figure and says so; differing
// figures are neither read, with one warning, not a guess.
func TestRowsForOneFigure(t *testing.T) {
	tests := []struct {
		name   string
		second string // Kent's second count
		kent   float64
		warn   string
	}{
		{"a repeat", "1896", 1896, "children_count for Kent 2025 repeats line 4; kept the first"},
		{"different figures", "955", 0, `CIC01: children_count is "955" here but "1896" at line 4, and no column tells the two rows apart; neither read`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			csv := breakdownCSV(nil, []breakdownRow{{nil, 1}})
			csv = strings.ReplaceAll(csv, ",,100000", ",100000")
			kent := strings.Split(csv, "\n")[3]
			csv += strings.Replace(kent, ",1896,", ","+tt.second+",", 1) + "\n"
			rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
			d, warns, err := rd.Read("rows.csv", strings.NewReader(csv))
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, w := range warns {
				if strings.Contains(w.Message, tt.warn) {
					found++
				}
			}
			if found == 0 {
				t.Errorf("no warning containing %q in %v", tt.warn, warns)
			}
			var got *float64
			for _, o := range d.Observations {
				if o.Ref == RefCICCount && o.Area == app.Kent {
					got = o.Value
				}
			}
			switch {
			case tt.kent == 0 && got != nil:
				t.Errorf("Kent CIC01 = %v, want none", *got)
			case tt.kent != 0 && (got == nil || *got != tt.kent):
				t.Errorf("Kent CIC01 = %v, want %v", got, tt.kent)
			}
		})
	}
}
