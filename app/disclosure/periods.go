package disclosure

import (
	"math"
	"slices"

	"scorecard/app"
)

// A count of one series adds up over time: a quarter's children placed
// are its three months' (April 10, May 12 and a quarter of 25 give June's
// 3), a year's are its months' or its quarters', and a year to date less
// the month before's is the month's own. A reader can use these sums as
// well as the districts', so the release records them beside the
// districts' (timeIdentities), each only where it holds on the true
// figures: a snapshot (children in care at the month's end) or a rate
// does not add up over months, and is not taken to.

// periodGroups splits the periods of one indicator's figures into groups
// no sum over time joins: a quarter or year with the months or quarters
// making it up, for an indicator counted year to date each month with
// the month before in its year, and for a count over a rolling 12 months
// each month with the one before it within eleven, whose twelve months
// overlap its own. Each group is protected on its own; a period that no
// sum joins to another is a group alone.
//
// A rolling count's months are joined whether or not any of them is
// nought: each rolling count is the sum of its twelve months' own counts,
// none of them negative, so the rolling counts shown around a withheld
// one bound it (rollingWindows). Joined only through runs from a nought,
// a series of small counts never nought was protected a month at a time,
// and its rolling counts shown pinned figures withheld (a probe of 160
// such histories told 2,432 withheld counts narrower than 1 to 4, 152 of
// them exactly).
func periodGroups(ind app.Indicator, ps []app.Period) [][]app.Period {
	slices.SortFunc(ps, comparePeriods)
	at := make(map[app.Period]int, len(ps))
	parent := make([]int, len(ps))
	for i, p := range ps {
		at[p], parent[i] = i, i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	join := func(a, b app.Period) {
		parent[find(at[a])] = find(at[b])
	}
	has := func(p app.Period) bool { _, ok := at[p]; return ok }
	rolling := rollingCount(ind)
	var lastMonth *app.Period
	for _, p := range ps {
		for _, parts := range sums(p, has) {
			for _, q := range parts {
				join(p, q)
			}
		}
		if prev, ok := ytdBefore(ind, p); ok && has(prev) {
			join(p, prev)
		}
		if rolling && p.Kind == app.Month {
			// A rolling count's months whose twelve overlap (rollingWindows).
			if lastMonth != nil && comparePeriods(*lastMonth, p.Add(-11)) >= 0 {
				join(p, *lastMonth)
			}
			lastMonth = &p
		}
	}
	groups := map[int][]app.Period{}
	var roots []int
	for i, p := range ps {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], p)
	}
	out := make([][]app.Period, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}

// comparePeriods orders periods by start and length, then kind, so that
// a financial year and an academic year starting together stay apart.
func comparePeriods(a, b app.Period) int {
	if c := a.Compare(b); c != 0 {
		return c
	}
	return int(a.Kind) - int(b.Kind)
}

// sums returns the ways period p is the sum of shorter periods has
// reports: a quarter of its three months; a year of its twelve months,
// or of its quarters (each given as the quarter or as its months).
func sums(p app.Period, has func(app.Period) bool) [][]app.Period {
	switch {
	case p.Kind == app.Quarter:
		if ms := monthsOf(p); allHave(ms, has) {
			return [][]app.Period{ms}
		}
	case p.IsYear():
		var out [][]app.Period
		ms := monthsOf(p)
		if allHave(ms, has) {
			out = append(out, ms)
		}
		var mixed []app.Period
		quarters := false
		for b := 0; b < 12; b += 3 {
			block := ms[b : b+3]
			if q := quarterOf(block[0]); (block[0].N-1)%3 == 0 && has(q) {
				mixed, quarters = append(mixed, q), true
				continue
			}
			if !allHave(block, has) {
				mixed = nil
				break
			}
			mixed = append(mixed, block...)
		}
		if quarters && mixed != nil {
			out = append(out, mixed)
		}
		return out
	}
	return nil
}

// monthsOf returns the months of p, in order.
func monthsOf(p app.Period) []app.Period {
	first := p.StartMonth()
	ms := make([]app.Period, p.Months())
	for i := range ms {
		m := first + i
		ms[i] = app.Period{Kind: app.Month, Year: m / 12, N: m%12 + 1}
	}
	return ms
}

// quarterOf returns the calendar quarter month m is in.
func quarterOf(m app.Period) app.Period {
	return app.Period{Kind: app.Quarter, Year: m.Year, N: (m.N-1)/3 + 1}
}

func allHave(ps []app.Period, has func(app.Period) bool) bool {
	for _, p := range ps {
		if !has(p) {
			return false
		}
	}
	return len(ps) > 0
}

// ytdBefore returns, for a count of events counted year to date, the
// month before month p in the same year to date: p's figure is that
// month's and p's own count together. A proportion year to date (pupils
// persistently absent) is not a running total: its parts may fall as
// well as rise, and their differences are no count of children.
func ytdBefore(ind app.Indicator, p app.Period) (app.Period, bool) {
	counts := ind.Measure == app.Count || ind.Measure == app.Other && ind.Unit == app.Number
	if !counts || ind.DataPeriod != app.YearToDate || p.Kind != app.Month || yearToDateStart(ind, p) == p {
		return app.Period{}, false
	}
	return p.Add(-1), true
}

// timeIdentities records the sums over time among the figures of keys
// (see sums and ytdBefore), cell by cell of each figure's counts, where
// they hold. The months' own counts of a year-to-date indicator are
// never shown, but told by the difference of two years to date: they are
// added as withheld cells, returned, which need protecting when small.
func timeIdentities(sys *System, ind app.Indicator, keys []figKey, n int, cell func(figKey, int) (int, bool)) map[int]bool {
	periods := map[areaSeries][]app.Period{}
	var order []areaSeries
	for _, k := range keys {
		s := areaSeries{k.area, k.split}
		if _, ok := periods[s]; !ok {
			order = append(order, s)
		}
		periods[s] = append(periods[s], k.period)
	}
	derived := map[int]bool{}
	for _, s := range order {
		for i := range n {
			at := func(p app.Period) (int, bool) { return cell(figKey{ind.Ref, s.area, s.split, p}, i) }
			has := func(p app.Period) bool { _, ok := at(p); return ok }
			for _, p := range periods[s] {
				total, ok := at(p)
				if !ok {
					continue
				}
				for _, parts := range sums(p, has) {
					cs := make([]int, len(parts))
					for j, q := range parts {
						cs[j], _ = at(q)
					}
					timeSum(sys, ind, total, cs)
				}
				prev, ok := ytdBefore(ind, p)
				if !ok {
					continue
				}
				before, ok := at(prev)
				if !ok {
					continue
				}
				own := sys.Value(total) - sys.Value(before)
				if math.IsNaN(own) || own < 0 {
					continue // not a running count, or not known
				}
				c := sys.Add(own, false)
				derived[c] = true
				sys.Sum(total, before, c)
			}
		}
	}
	return derived
}

// timeSum records total = Σ parts, a sum over time. Where the source
// withheld one of them, the sum cannot be checked: it is taken to hold,
// giving the withheld figure its value, only for a count of events, and
// only if that value could be a count (whole, not negative); a snapshot
// (children in care at each month's end) would otherwise give its
// withheld figure a value no reader could work out.
func timeSum(sys *System, ind app.Indicator, total int, parts []int) {
	unknown, sum := 0, -sys.Value(total)
	if math.IsNaN(sys.Value(total)) {
		unknown, sum = 1, 0
	}
	for _, c := range parts {
		if v := sys.Value(c); math.IsNaN(v) {
			unknown++
		} else {
			sum += v
		}
	}
	switch unknown {
	case 0:
		sys.Sum(total, parts...)
	case 1:
		v := math.Abs(sum) // the withheld figure's value, whichever it is
		if ind.DataPeriod == app.Rolling12 || ind.DataPeriod == app.YearToDate || ind.Measure != app.Count && ind.Unit != app.Number {
			return
		}
		if math.IsNaN(sys.Value(total)) && sum < 0 || !math.IsNaN(sys.Value(total)) && sum > 0 || v != math.Round(v) {
			return // the withheld figure would be negative, or not whole
		}
		sys.Sum(total, parts...)
	}
}
