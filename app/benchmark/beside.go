package benchmark

import (
	"fmt"
	"sync"

	"scorecard/app"
)

// Shown is what a scorecard shows beside one indicator's figure for one
// period: the comparators from a single benchmark year, which is usually
// older than the period, so Year must always be shown with them.
type Shown struct {
	Ref    string
	Period app.Period // the scorecard period the benchmarks sit beside
	Year   app.Period // the period the benchmarks relate to
	// Older is set when Year ended before Period began: the comparison is
	// with an earlier year, not the same one.
	Older           bool
	England         *app.Benchmark
	Region          *app.Benchmark // the authority's region, "South East"
	NeighbourMean   *app.Benchmark
	NeighbourMedian *app.Benchmark
	Rank            *app.Benchmark // the authority's rank, OutOf and Quartile
	// NewerRegion is the region's figure for a year later than Year,
	// which is England's or the neighbours': not shown beside theirs,
	// so a scorecard says it is stored (Unshown).
	NewerRegion *app.Benchmark
}

// Beside returns the benchmarks to show beside indicator ref for period p:
// those of the latest benchmark period that had begun by the end of p. A
// DfE "reporting year" 2025 (the year to 31 March 2025) is thus shown
// beside March 2025 and later months, but not beside December 2024. Where
// several neighbour models cover the year, the newest model is used; a
// scorecard's own neighbour column counts as an unnamed, oldest model.
// The year is England's, the neighbours' or the rank's, whichever is
// latest, and a region's only where none of them has one: a region's
// newer column ("Region 2024-25" beside "England 2023/24") must not
// leave England and the neighbours blank (QA25 D4); it is NewerRegion.
// It reports false when no benchmark qualifies.
func Beside(h *app.History, ref string, p app.Period) (Shown, bool) {
	s := Shown{Ref: ref, Period: p}
	end := p.End()
	var regionYear app.Period
	for _, b := range h.Benchmarks(ref) {
		if !shown(b.Group) || b.Period.Start().After(end) {
			continue
		}
		year := &s.Year
		if regional(b.Group) {
			year = &regionYear
		}
		if year.IsZero() || b.Period.Compare(*year) > 0 {
			*year = b.Period
		}
	}
	if s.Year.IsZero() {
		s.Year = regionYear
	}
	if s.Year.IsZero() {
		return s, false
	}
	s.Older = s.Year.End().Before(p.Start())
	for _, b := range h.Benchmarks(ref) {
		if b.Period != s.Year {
			if b.Period == regionYear && regional(b.Group) && regionYear.Compare(s.Year) > 0 {
				b := b
				s.NewerRegion = &b
			}
			continue
		}
		b := b
		switch b.Group {
		case England:
			s.England = &b
		case Region:
			s.Region = &b
		default:
			if isRegion(b.Group) {
				s.Region = &b
			}
		case NeighbourMean, ScorecardNeighbours:
			s.NeighbourMean = newerModel(s.NeighbourMean, &b)
		case NeighbourMedian:
			s.NeighbourMedian = newerModel(s.NeighbourMedian, &b)
		case HomeRank:
			s.Rank = &b
		}
	}
	return s, true
}

// Caption says which year the benchmarks relate to, for a column heading
// or tooltip: "2025 benchmarks", or "2024 benchmarks (the latest for
// Mar-25)" when they are older than the period shown.
func (s Shown) Caption() string {
	if s.Year.IsZero() {
		return "no benchmarks"
	}
	c := s.Year.Label() + " benchmarks"
	if s.Older {
		c += fmt.Sprintf(" (the latest for %s)", s.Period.Label())
	}
	return c
}

// Unshown says, for a note beside the benchmark year, that the region's
// figure for a later year is stored but not shown with the year's
// others; "" when there is none.
func (s Shown) Unshown() string {
	r := s.NewerRegion
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%s's figure for %s, later than %s's, is in the store (scorecard show %s) but not shown here, where England and the neighbours are %s's",
		r.Group, r.Period.Label(), s.Year.Label(), s.Ref, s.Year.Label())
}

// regional reports whether a benchmark group is a region's.
func regional(group string) bool { return group == Region || isRegion(group) }

// shown reports whether Beside shows a group: not, for one,
// app.OutturnGroup, which is the authority's own figure.
func shown(group string) bool {
	switch group {
	case England, Region, NeighbourMean, NeighbourMedian, HomeRank, ScorecardNeighbours:
		return true
	}
	return isRegion(group)
}

// regions are the DfE's regions, as it names them: the group a DfE
// file's regional figure is stored under is the home authority's. A
// London borough's is its sub-region, Inner or Outer London, as the
// DfE's files name its rows; without them a borough's regional figure
// was stored but never shown (QA30 finding 12).
var regions = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, a := range app.Authorities() {
		if a.Region != "" {
			m[a.Region] = true
		}
		if sub := a.SubRegion(); sub != "" {
			m[sub] = true
		}
	}
	return m
})

// isRegion reports whether a benchmark group is one of the DfE's regions.
func isRegion(group string) bool { return regions()[group] }

// newerModel prefers the newer model's neighbour figure, and the DfE's
// (which names its model) to a workbook's column (which does not).
func newerModel(have, b *app.Benchmark) *app.Benchmark {
	if have == nil || b.Model > have.Model {
		return b
	}
	return have
}
