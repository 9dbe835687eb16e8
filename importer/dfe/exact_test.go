package dfe

import (
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// placementsCSV writes Kent's and England's 3+ placements rows in the
// shape of the DfE's la_cla_placement_stability.csv: per year, the count
// with 3 or more placements and its percentage, and the total.
func placementsCSV(years []placementYear) string {
	var b strings.Builder
	b.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent\n")
	for _, y := range years {
		for _, area := range []struct{ geo, count, pct, total string }{
			{"National,E92000001,England,,,,,", "8500", "10", "81770"},
			{"Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016", y.count, y.pct, y.total},
		} {
			fmt.Fprintf(&b, "%d,Reporting year,%s,CLA on 31 March,With 3 or more placements during the year,%s,%s\n", y.year, area.geo, area.count, area.pct)
			fmt.Fprintf(&b, "%d,Reporting year,%s,CLA on 31 March,Total children,%s,100\n", y.year, area.geo, area.total)
		}
	}
	return b.String()
}

// pct works a percentage out at run time, as the reader does: a constant
// expression would be exact, not rounded to a float64.
func pct(n, d float64) float64 { return n / d * 100 }

type placementYear struct {
	year              int
	count, pct, total string
}

// TestRoundedPercentages reads percentages the DfE rounds beside their
// counts: where the published figure is the counts' ratio rounded, Kent's
// figure is the exact ratio, said once per file; where it is not, the
// published figure stays and the row is warned of.
func TestRoundedPercentages(t *testing.T) {
	tests := []struct {
		name  string
		years []placementYear
		want  map[int]float64
		warns []string // each warning's start, "line N: ..."
	}{
		{
			name: "whole numbers, Kent's real figures",
			years: []placementYear{
				{2021, "208", "13", "1662"}, {2022, "234", "13", "1777"},
				{2024, "219", "11", "1956"}, {2025, "221", "12", "1896"},
			},
			want: map[int]float64{2021: pct(208, 1662), 2022: pct(234, 1777), 2024: pct(219, 1956), 2025: pct(221, 1896)},
			warns: []string{
				"line 4: Kent's CIC05 figures are kept at full precision, numerator over denominator (CIC05 2020/21: 208 / 1662 = 12.52%, published 13)",
			},
		},
		{
			name:  "one decimal place",
			years: []placementYear{{2025, "221", "11.7", "1896"}},
			want:  map[int]float64{2025: pct(221, 1896)},
			warns: []string{"line 4: Kent's CIC05 figures are kept at full precision"},
		},
		{
			name:  "published figure disagrees with its parts",
			years: []placementYear{{2024, "219", "11", "1956"}, {2025, "221", "14", "1896"}},
			want:  map[int]float64{2024: pct(219, 1956), 2025: 14},
			warns: []string{
				"line 8: CIC05 2024/25: children_percent 14 is not children_count / children_count (221 / 1896 = 11.66%) at the places it shows; kept the published figure",
				"line 4: Kent's CIC05 figures are kept at full precision",
			},
		},
		{
			name:  "one decimal place is closer than a whole number",
			years: []placementYear{{2025, "221", "11.5", "1896"}},
			want:  map[int]float64{2025: 11.5},
			warns: []string{"line 4: CIC05 2024/25: children_percent 11.5 is not"},
		},
		{
			// A file re-saved with its percentages as fractions: Kent's
			// tells, and England's, which nothing checks, is one too
			// (QA probe 11).
			name:  "a fraction of one",
			years: []placementYear{{2025, "221", "0.12", "1896"}},
			want:  map[int]float64{2025: 0.12},
			warns: []string{"line 4: CIC05 2024/25: children_percent 0.12 is children_count / children_count (221 / 1896 = 11.66%) as a fraction of one, not a percentage: kept as published, and so are England's, the region's and the other councils' figures of the column"},
		},
		{
			name:  "suppressed count: the published figure stands",
			years: []placementYear{{2025, "c", "12", "1896"}},
			want:  map[int]float64{2025: 12},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), MinRanked: 1} // Kent alone stands for England
			d, warns, err := rd.Read("la_cla_placement_stability.csv", strings.NewReader(placementsCSV(tt.years)))
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]float64{}
			for _, o := range d.Observations {
				if o.Ref == RefCICPlacements && o.Value != nil {
					got[o.Period.End().Year()] = *o.Value // the reporting year ends in its own
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Kent's CIC05 %v, want %v", got, tt.want)
			}
			for _, b := range d.Benchmarks {
				if b.Group == "England" && (b.Value == nil || *b.Value != 10) {
					t.Errorf("England %s %v, want the published 10: its counts are rounded to tens", b.Period, b.Value)
				}
			}
			var msgs []string
			for _, w := range warns {
				msgs = append(msgs, w.Cell+": "+w.Message)
			}
			if len(msgs) != len(tt.warns) {
				t.Fatalf("warnings %q, want %d", msgs, len(tt.warns))
			}
			for i, w := range tt.warns {
				if !strings.HasPrefix(msgs[i], w) {
					t.Errorf("warning %q, want it to start %q", msgs[i], w)
				}
			}
		})
	}
}

func TestExactRatio(t *testing.T) {
	fig := func(text string) *figure {
		f := &figure{}
		if text != "" {
			if _, err := fmt.Sscan(text, &f.Value); err != nil {
				f.Status = app.Suppressed
			}
			f.Raw = text
		}
		return f
	}
	pct := app.Indicator{Measure: app.Proportion, Unit: app.Percent}
	rate := app.Indicator{Measure: app.Rate, Unit: app.Per10k}
	tests := []struct {
		ind                app.Indicator
		val, num, den      string
		wantOK, wantAgrees bool
	}{
		{pct, "12", "221", "1896", true, true},
		{pct, "11.7", "221", "1896", true, true},
		{pct, "11.66", "221", "1896", true, true},
		{pct, "11.6", "221", "1896", true, false},
		{pct, "13", "221", "1896", true, false},
		{pct, "50", "587", "1174", true, true},
		{pct, "c", "221", "1896", false, false},
		{pct, "12", "c", "1896", false, false},
		{pct, "12", "221", "0", false, false},
		// Kent's children in care, 2025: 53.35 per 10,000, published 53.
		{rate, "53", "1896", "355390", true, true},
		{rate, "53.3", "1896", "355390", true, true},
		{rate, "54", "1896", "355390", true, false},
		{rate, "c", "1896", "355390", false, false},
		// A rate per another base is not the app's to rework.
		{app.Indicator{Measure: app.Rate, Unit: app.RatePer(1000)}, "5", "1896", "355390", false, false},
		{app.Indicator{Measure: app.Mean}, "17", "8359", "491", false, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.ind.Measure, tt.ind.Unit, tt.val, tt.num, tt.den), func(t *testing.T) {
			_, agrees, ok := exactRatio(tt.ind, fig(tt.val), fig(tt.num), fig(tt.den))
			if ok != tt.wantOK || agrees != tt.wantAgrees {
				t.Errorf("exactRatio = agrees %v, ok %v; want %v, %v", agrees, ok, tt.wantAgrees, tt.wantOK)
			}
		})
	}
}
