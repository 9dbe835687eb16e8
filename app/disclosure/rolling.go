package disclosure

import (
	"math"
	"slices"

	"scorecard/app"
)

// A count over a rolling 12 months (children starting to be looked after
// in the 12 months to each month's end) moves from month to month by the
// month's own count less that of the month a year before:
// R(k) - R(k-1) = x(k) - x(k-12). The months' own counts are never
// printed, and the difference alone tells neither; but a rolling count
// of nought tells that each month of its twelve had none, and from it
// each month's own count is told by the rolling counts in turn, as two
// years to date tell a month's (ytdBefore): Dover's 0 to Mar-25, 6 to
// Apr-25 and 8 to May-25 tell that 2 children started in May-25; and a
// year on, with each month a year before known so, the 7 to Jun-25
// after 11 to May-25 tells Jun-25's 2 where Jun-24 had 6. Back from a
// nought too: 9 to Apr-25, 6 to May-25 and 0 to Jun-25 tell Jun-24's 6
// and May-24's 3 (rollingRunsBack). So from a
// rolling count of nought the months' own counts are worked out on the
// true figures (rollingIdentities) and protected as a year to date's
// are: withheld cells, with the identities that tie them to the rolling
// counts, protected when small. Whatever the noughts, a rolling
// count's months whose twelve overlap are worked out together
// (periodGroups), each the sum of its months' own counts
// (rollingWindows).

// rollingBefore returns, for a count over a rolling 12 months (its Data
// Period or its name says so: spanOf), the month
// before month p, whose rolling count differs from p's by two months'
// own counts. A proportion over 12 months has no such running parts.
func rollingBefore(ind app.Indicator, p app.Period) (app.Period, bool) {
	counts := ind.Measure == app.Count || ind.Measure == app.Other && ind.Unit == app.Number
	if !counts || spanOf(ind) != app.Rolling12 || p.Kind != app.Month {
		return app.Period{}, false
	}
	return p.Add(-1), true
}

// rollingRuns calls link(p, before) for each month p of a series of a
// rolling count whose own count a reader can work out (rollingIdentities):
// each month of an unbroken run of months from one whose rolling count,
// as given, is nought. count is a month's rolling count, NaN where not
// known; months are the series' periods.
func rollingRuns(ind app.Indicator, months []app.Period, count func(app.Period) float64, link func(p, before app.Period)) {
	months = slices.Clone(months)
	slices.SortFunc(months, comparePeriods)
	from := false // the run so far starts at a nought
	for i, p := range months {
		before, ok := rollingBefore(ind, p)
		if !ok {
			from = false
			continue
		}
		if from && i > 0 && months[i-1] == before {
			link(p, before)
		} else {
			from = false
		}
		if count(p) == 0 {
			from = true
		}
	}
}

// rollingRunsBack calls link(p, before) for each month p of a series of
// a rolling count, latest first, whose month a year before's own count
// a reader can work out back from a nought (rollingIdentities): from
// R(k) - R(k-1) = x(k) - x(k-12), x(k-12) = x(k) - R(k) + R(k-1), so
// Dover's 9 to Apr-25, 6 to May-25 and 0 to Jun-25 tell that 6 children
// started in Jun-24 and 3 in May-24. Each month of the unbroken run of
// months before a nought is so linked, once however many noughts follow
// it.
func rollingRunsBack(ind app.Indicator, months []app.Period, count func(app.Period) float64, link func(p, before app.Period)) {
	months = slices.Clone(months)
	slices.SortFunc(months, comparePeriods)
	walked := len(months) // the earliest month a walk back reached
	for i := len(months) - 1; i >= 0; i-- {
		if i >= walked || count(months[i]) != 0 {
			continue
		}
		j := i
		for ; j > 0; j-- {
			before, ok := rollingBefore(ind, months[j])
			if !ok || months[j-1] != before {
				break
			}
			link(months[j], before)
		}
		walked = j
	}
}

// rollingCount reports whether ind is a count over a rolling 12 months,
// whose months' own counts a run of its figures tells (rollingBefore).
func rollingCount(ind app.Indicator) bool {
	_, ok := rollingBefore(ind, app.Period{Kind: app.Month, Year: 2000, N: 1})
	return ok
}

// rollingIdentities adds to sys, for each series of keys of a rolling
// count, the months' own counts a reader can work out from a rolling
// count of nought (rollingRuns), as withheld cells marked in derived:
// the twelve months of the nought, each none, summing to it; then each
// month's, x(k) = R(k) - R(k-1) + x(k-12), where the month a year before
// is one of those. cell gives a figure's count i, as buildSystem's.
func rollingIdentities(sys *System, ind app.Indicator, keys []figKey, n int, cell func(figKey, int) (int, bool), derived map[int]bool) {
	months := map[areaSeries][]app.Period{}
	var order []areaSeries
	for _, k := range keys {
		s := areaSeries{k.area, k.split}
		if _, ok := months[s]; !ok {
			order = append(order, s)
		}
		months[s] = append(months[s], k.period)
	}
	for _, s := range order {
		for i := range n {
			at := func(p app.Period) (int, bool) { return cell(figKey{ind.Ref, s.area, s.split, p}, i) }
			count := func(p app.Period) float64 {
				if c, ok := at(p); ok {
					return sys.Value(c)
				}
				return math.NaN()
			}
			own := map[app.Period]int{} // the months' own counts worked out
			noughts := map[app.Period]bool{}
			none := func(p app.Period) {
				// Every month of the twelve to p had none.
				if noughts[p] {
					return
				}
				noughts[p] = true
				c, _ := at(p)
				parts := make([]int, 12)
				for j := range parts {
					q := p.Add(-j)
					if _, ok := own[q]; !ok {
						own[q] = sys.Add(0, false)
						derived[own[q]] = true
					}
					parts[j] = own[q]
				}
				sys.Sum(c, parts...)
			}
			rollingRuns(ind, months[s], count, func(p, before app.Period) {
				if _, ok := own[before]; !ok && count(before) == 0 {
					none(before)
				}
				ago, ok := own[p.Add(-12)]
				if !ok {
					return
				}
				if count(p) == 0 {
					none(p)
					return
				}
				x := count(p) - count(before) + sys.Value(ago)
				if math.IsNaN(x) || x < 0 {
					return // not a running count, or not known
				}
				c, _ := at(p)
				b, _ := at(before)
				own[p] = sys.Add(x, false)
				derived[own[p]] = true
				sys.Relate(Term{c, 1}, Term{b, -1}, Term{own[p], -1}, Term{ago, 1})
			})
			// And back from a nought, the month a year before each.
			rollingRunsBack(ind, months[s], count, func(p, before app.Period) {
				if count(p) == 0 {
					none(p)
				}
				x, ok := own[p]
				if !ok {
					return
				}
				c, _ := at(p)
				b, _ := at(before)
				ago, ok := own[p.Add(-12)]
				if !ok {
					v := count(before) - count(p) + sys.Value(x)
					if math.IsNaN(v) || v < 0 {
						return // not a running count, or not known
					}
					ago = sys.Add(v, false)
					derived[ago] = true
					own[p.Add(-12)] = ago
				}
				sys.Relate(Term{c, 1}, Term{b, -1}, Term{x, -1}, Term{ago, 1})
			})
		}
	}
}

// rollingWindows adds to sys, for each series of keys of a rolling count,
// what a reader knows of the months' own counts whatever they are: each
// rolling count is the sum of its twelve months' own counts, none of them
// negative, and so moves from the month before by the month's own count
// less that of the month a year before; and the own counts add up as the
// figures do, the county's the sum of its districts', all children's a
// cohort's and the rest's. Chained over a year or two of a sparse series,
// these pin a withheld rolling count between figures shown around it
// (Maidstone's 4 to Sep-24 worked out from ten rolling counts shown, none
// of them nought, in a seeded probe of sparse districts). The own counts
// join as auxiliary cells (System.Aux): never printed, their true values
// are not known, so any that make every sum hold serve (each month's the
// rolling count less the eleven before it, from noughts before the
// first), and they are not themselves protected; rollingIdentities
// protects those a nought gives away. Worked out so over the same months
// for every series, the own counts add up across areas and cohorts
// wherever the figures do in every month, and only there is that said.
// It returns the own counts' cells, which an earlier release's windows
// share (earlierWindows).
func rollingWindows(sys *System, ind app.Indicator, county app.Area, keys []figKey, n int, cell func(figKey, int) (int, bool)) *ownCounts {
	if !rollingCount(ind) {
		return nil
	}
	var first, last int // month indexes, over every series
	var someMonth app.Period
	seen := map[areaSeries]bool{}
	var order []areaSeries
	for _, k := range keys {
		if k.period.Kind != app.Month {
			continue // a quarter or year beside the months
		}
		someMonth = k.period
		s, m := areaSeries{k.area, k.split}, k.period.Index()
		if len(order) == 0 || m < first {
			first = m
		}
		if len(order) == 0 || m > last {
			last = m
		}
		if !seen[s] {
			seen[s] = true
			order = append(order, s)
		}
	}
	if len(order) == 0 {
		return nil
	}
	own := &ownCounts{from: first - 11, last: last, someMonth: someMonth, order: order}
	for i := range n {
		own.cells = append(own.cells, own.windows(sys, county, func(s areaSeries, m int) (int, bool) {
			return cell(figKey{ind.Ref, s.area, s.split, own.month(m)}, i)
		}, nil, nil, 0))
	}
	return own
}

// ownCounts are the cells of a group's months' own counts that
// rollingWindows worked out: for each count of a figure (a proportion's
// numerator, say), each series' months from from to last, month indexes.
type ownCounts struct {
	from, last int
	someMonth  app.Period
	order      []areaSeries
	cells      []map[areaSeries][]int
}

// month is the month of index m.
func (own *ownCounts) month(m int) app.Period { return own.someMonth.Add(m - own.someMonth.Index()) }

// windows adds the own counts of each series' months to sys, with the
// windows of the rolling counts count gives (by series and month index)
// and the sums across areas and cohorts, and returns them by series.
// Where was is not nil, they are the own counts as an earlier release's
// figures had them: a month's own count that is the same as was's, or
// of a month whose figure that release did not give, is was's cell;
// one that differs is a cell of its own, mapped in nowOf to was's
// (subtractNow); and only the relations holding a cell from mark on
// (this release's) are added, the others being sys's already.
func (own *ownCounts) windows(sys *System, county app.Area, count func(areaSeries, int) (int, bool), was map[areaSeries][]int, nowOf map[int]int, mark int) map[areaSeries][]int {
	fresh := func(cs ...int) bool { return slices.ContainsFunc(cs, func(c int) bool { return c >= mark }) }
	known := func(s areaSeries, m int) (int, bool) {
		c, ok := count(s, m)
		if !ok || math.IsNaN(sys.Value(c)) {
			return 0, false
		}
		return c, true
	}
	out := make(map[areaSeries][]int, len(own.order))
	for _, s := range own.order {
		xs := make([]int, 0, own.last-own.from+1)
		for m := own.from; m <= own.last; m++ {
			at := len(xs)
			c, ok := known(s, m)
			v := 0.0
			if ok {
				v = sys.Value(c)
				for _, x := range xs[max(0, at-11):] {
					v -= sys.Value(x)
				}
			}
			if was != nil && (!ok || v == sys.Value(was[s][at])) {
				xs = append(xs, was[s][at])
			} else {
				x := sys.Add(v, false)
				sys.Aux(x)
				if was != nil {
					nowOf[x] = was[s][at]
				}
				xs = append(xs, x)
			}
			if !ok {
				continue
			}
			if window := xs[max(0, at-11):]; fresh(c) || fresh(window...) {
				sys.Sum(c, window...)
			}
			if b, ok := known(s, m-1); ok && at >= 12 && fresh(c, b, xs[at], xs[at-12]) {
				sys.Relate(Term{c, 1}, Term{b, -1}, Term{xs[at], -1}, Term{xs[at-12], 1})
			}
		}
		out[s] = xs
	}
	// The own counts add up as the figures do (periodIdentities): Sum
	// keeps each sum only where the own counts worked out hold it.
	for at := range own.last - own.from + 1 {
		for _, s := range own.order {
			if s.area == county {
				var every, noService []int
				for _, d := range own.order {
					if d.split != s.split || d.area == county {
						continue
					}
					every = append(every, out[d][at])
					if d.area != app.UASCService {
						noService = append(noService, out[d][at])
					}
				}
				if fresh(out[s][at]) || fresh(every...) {
					sys.Sum(out[s][at], every...)
					if len(noService) != len(every) {
						sys.Sum(out[s][at], noService...)
					}
				}
			}
			if c, ok := soleExcluded(s.split); ok {
				all, okAll := out[areaSeries{s.area, app.All}]
				only, okOnly := out[areaSeries{s.area, app.Only(c)}]
				if okAll && okOnly && fresh(all[at], only[at], out[s][at]) {
					sys.Sum(all[at], only[at], out[s][at])
				}
			}
		}
	}
	return out
}
