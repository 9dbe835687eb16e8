package benchmark

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestNewerRegionLeavesEnglandShown: a workbook's regional column of a
// later year than England's ("Region 2024-25" beside "England 2023/24",
// regional benchmarking being more current than the DfE's) does not
// choose the year shown, which would leave England and the neighbours
// blank (QA25 D4): the year is theirs, and the region's newer figure is
// NewerRegion, said by Unshown. A region's alone still gives its year.
func TestNewerRegionLeavesEnglandShown(t *testing.T) {
	tests := []struct {
		name       string
		benchmarks []app.Benchmark
		year       app.Period
		england    float64 // 0 for none
		neighbours float64 // 0 for none
		region     float64 // the region's at year; 0 for none
		newer      string  // Unshown contains this; "" for nothing said
	}{
		{"a newer region beside England's year", []app.Benchmark{
			{Ref: "CIC05", Period: fy(2023), Group: England, Value: app.Float(10)},
			{Ref: "CIC05", Period: fy(2023), Group: ScorecardNeighbours, Value: app.Float(10.5)},
			{Ref: "CIC05", Period: fy(2024), Group: "South East", Value: app.Float(9.2)},
		}, fy(2023), 10, 10.5, 0, "South East's figure for 2024/25, later than 2023/24's, is in the store (scorecard show CIC05) but not shown here"},
		{"the region's own year too", []app.Benchmark{
			{Ref: "CIC05", Period: fy(2023), Group: England, Value: app.Float(10)},
			{Ref: "CIC05", Period: fy(2023), Group: "South East", Value: app.Float(9.5)},
			{Ref: "CIC05", Period: fy(2024), Group: "South East", Value: app.Float(9.2)},
		}, fy(2023), 10, 0, 9.5, "South East's figure for 2024/25"},
		{"a region as old as England", []app.Benchmark{
			{Ref: "CIC05", Period: fy(2024), Group: England, Value: app.Float(10)},
			{Ref: "CIC05", Period: fy(2024), Group: "South East", Value: app.Float(9.2)},
		}, fy(2024), 10, 0, 9.2, ""},
		{"an older region", []app.Benchmark{
			{Ref: "CIC05", Period: fy(2024), Group: England, Value: app.Float(10)},
			{Ref: "CIC05", Period: fy(2023), Group: "South East", Value: app.Float(9.2)},
		}, fy(2024), 10, 0, 0, ""},
		{"a region alone", []app.Benchmark{
			{Ref: "CIC05", Period: fy(2024), Group: "South East", Value: app.Float(9.2)},
		}, fy(2024), 0, 0, 9.2, ""},
	}
	value := func(b *app.Benchmark) float64 {
		if b == nil || b.Value == nil {
			return 0
		}
		return *b.Value
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.Apply(&app.Dataset{Benchmarks: tt.benchmarks}, "I0001")
			s, ok := Beside(h, "CIC05", app.MonthOf(2025, 3))
			if !ok || s.Year != tt.year {
				t.Fatalf("Beside: year %s, %v; want %s", s.Year.Label(), ok, tt.year.Label())
			}
			if value(s.England) != tt.england || value(s.NeighbourMean) != tt.neighbours || value(s.Region) != tt.region {
				t.Errorf("England %v, neighbours %v, region %v; want %v, %v, %v",
					value(s.England), value(s.NeighbourMean), value(s.Region), tt.england, tt.neighbours, tt.region)
			}
			u := s.Unshown()
			if tt.newer == "" && u != "" || !strings.Contains(u, tt.newer) {
				t.Errorf("Unshown() = %q, want it to say %q", u, tt.newer)
			}
		})
	}
}
