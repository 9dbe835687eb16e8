package benchmark

import (
	"testing"

	"scorecard/app"
)

func TestBeside(t *testing.T) {
	y2024 := app.Period{Kind: app.CalendarYear, Year: 2024}
	y2025 := app.Period{Kind: app.CalendarYear, Year: 2025}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Benchmarks: []app.Benchmark{
		{Ref: "CIC05", Period: y2024, Group: England, Value: app.Float(10)},
		{Ref: "CIC05", Period: y2024, Group: "South East", Value: app.Float(11)},
		{Ref: "CIC05", Period: y2025, Group: England, Value: app.Float(10)},
		{Ref: "CIC05", Period: y2025, Group: "South East", Value: app.Float(10)},
		{Ref: "CIC05", Period: y2025, Group: NeighbourMean, Value: app.Float(10.4), Model: "2016"},
		{Ref: "CIC05", Period: y2025, Group: NeighbourMean, Value: app.Float(11.1), Model: "2025"},
		{Ref: "CIC05", Period: y2025, Group: NeighbourMedian, Value: app.Float(11), Model: "2025"},
		{Ref: "CIC05", Period: y2025, Group: HomeRank, Value: app.Float(12), Rank: 104, OutOf: 151, Quartile: "C"},
		// What a scorecard workbook gives: its own neighbour column, and
		// Kent's previous outturn, which is no comparator and must not
		// decide the year.
		{Ref: "CIC05", Period: y2025, Group: ScorecardNeighbours, Value: app.Float(10.9)},
		{Ref: "CIC05", Period: app.Period{Kind: app.FinancialYear, Year: 2025}, Group: app.OutturnGroup, Value: app.Float(11.9)},
		{Ref: "CIC01", Period: fy(2024), Group: ScorecardNeighbours, Value: app.Float(1200)},
		{Ref: "CIC01", Period: fy(2024), Group: England, Value: app.Float(81770)},
	}}, "I0001")

	tests := []struct {
		name    string
		p       app.Period
		ok      bool
		year    app.Period
		older   bool
		caption string
	}{
		{"the month the reporting year ends", app.MonthOf(2025, 3), true, y2025, false, "2025 benchmarks"},
		{"a month before any 2025 figure applies", app.MonthOf(2024, 12), true, y2024, false, "2024 benchmarks"},
		{"a month after the benchmark year", app.MonthOf(2026, 1), true, y2025, true, "2025 benchmarks (the latest for Jan-26)"},
		{"a financial year overlapping it", app.Period{Kind: app.FinancialYear, Year: 2024}, true, y2025, false, "2025 benchmarks"},
		{"before any benchmark", app.MonthOf(2023, 6), false, app.Period{}, false, "no benchmarks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Beside(h, "CIC05", tt.p)
			if ok != tt.ok || s.Year != tt.year || s.Older != tt.older || s.Caption() != tt.caption {
				t.Errorf("Beside(%s) = year %s older %v %q, %v; want %s %v %q, %v",
					tt.p, s.Year, s.Older, s.Caption(), ok, tt.year, tt.older, tt.caption, tt.ok)
			}
		})
	}

	s, _ := Beside(h, "CIC05", app.MonthOf(2025, 10))
	if s.England == nil || *s.England.Value != 10 || s.Region == nil || s.Region.Group != "South East" {
		t.Errorf("England %v, region %v", s.England, s.Region)
	}
	if s.NeighbourMean == nil || s.NeighbourMean.Model != "2025" || *s.NeighbourMean.Value != 11.1 {
		t.Errorf("neighbour mean %+v, want the 2025 model's 11.1", s.NeighbourMean)
	}
	if s.Rank == nil || s.Rank.Rank != 104 || s.Rank.Quartile != "C" {
		t.Errorf("rank %+v", s.Rank)
	}
	// From a workbook alone: its neighbour column stands as the mean.
	s, ok := Beside(h, "CIC01", app.MonthOf(2025, 10))
	if !ok || s.Year != fy(2024) || !s.Older || s.NeighbourMean == nil || *s.NeighbourMean.Value != 1200 || s.Region != nil {
		t.Errorf("workbook benchmarks: %+v", s)
	}
	if _, ok := Beside(h, "SCS02", app.MonthOf(2025, 10)); ok {
		t.Error("benchmarks for an indicator that has none")
	}
}

// Another region's authority sees its own region beside its figures, and
// its rank under its own name.
func TestBesideAnotherRegionAndLabels(t *testing.T) {
	y2025 := app.Period{Kind: app.CalendarYear, Year: 2025}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Benchmarks: []app.Benchmark{
		{Ref: "CIC05", Period: y2025, Group: England, Value: app.Float(10)},
		{Ref: "CIC05", Period: y2025, Group: "North West", Value: app.Float(12)},
		{Ref: "CIC05", Period: y2025, Group: NeighbourMean, Value: app.Float(11.1), Model: "2026"},
		{Ref: "CIC05", Period: y2025, Group: HomeRank, Value: app.Float(12), Rank: 14, OutOf: 151, Quartile: "A"},
	}}, "I0001")
	s, ok := Beside(h, "CIC05", app.MonthOf(2025, 3))
	if !ok || s.Region == nil || s.Region.Group != "North West" {
		t.Errorf("region %+v, want North West's figure", s.Region)
	}
	lancashire, ok := app.LookupAuthority("Lancashire")
	if !ok {
		t.Fatal("no Lancashire")
	}
	for _, tc := range []struct {
		b    *app.Benchmark
		want string
	}{
		{s.England, "England"},
		{s.Region, "North West"},
		{s.NeighbourMean, "Statistical neighbours (mean), 2026 model"},
		{s.Rank, "Lancashire (rank among authorities)"},
	} {
		if tc.b == nil {
			t.Errorf("no benchmark for %q", tc.want)
			continue
		}
		if got := Label(*tc.b, lancashire); got != tc.want {
			t.Errorf("Label(%s) = %q, want %q", tc.b.Group, got, tc.want)
		}
	}
}
