package cohort

import (
	"fmt"
	"time"

	"scorecard/app"
)

// A rate of children per 10,000 is a count over the population. The
// source often gives the rate alone (a scorecard's 69.6) and no rate for
// the cohort, while the store holds, for the same day, the count and the
// count excluding the cohort (a child-level list's 387 and 335 in care on
// 31 March 2025) and the population (the DfE's 387 / 55,626 for the year
// to 31 March 2025). The rate excluding the cohort is then exact: the
// count excluding them over all children's population, 335 / 55,626 x
// 10,000 = 60.2, as for a cohort's rate given per the whole population.

// rateOnDay is the figure of the rate ind in a's area and period without
// the cohorts, from a count excluding them and the population, both held
// for the day a's period ends (population); ok is false, with why, where
// the store holds no such pair.
func (ex *excluder) rateOnDay(ind app.Indicator, k app.SeriesKey, a app.Observation) (o app.Observation, why string, ok bool) {
	if ind.Measure != app.Rate || a.Value == nil || a.Status != app.OK || a.StandIn {
		return o, "", false
	}
	count, pop, from, ok := ex.population(k, a)
	if !ok {
		return o, fmt.Sprintf("no population for %s is held to work the rate out from a count excluding them", a.Period.End().Format("2 Jan 2006")), false
	}
	ref, ex0, ok := ex.countExcluding(ind.Ref, k.Area, a.Period, count)
	if !ok {
		return o, fmt.Sprintf("no count of the %s children in the rate (%s's population %s) is held excluding them", number(count), from.Label(), number(pop)), false
	}
	o = app.Observation{Ref: k.Ref, Area: k.Area, Period: a.Period, Import: a.Import, Revision: a.Revision,
		Numerator: ex.float(ex0.value), Denominator: ex.float(pop), Value: ex.float(ex0.value / pop * scale(ind.Measure)),
		Rule: fmt.Sprintf("%s's count %s (%s) over all children's population, %s, the rate's own for %s: %s / %s", ref,
			phrase(ex.split), ex0.rule, number(pop), from.Label(), number(ex0.value), number(pop))}
	return o, "", true
}

// population finds, among the rate's own figures in k that end the day
// a's period ends, one given with its count and population (the DfE's
// year to 31 March beside a quarter to 31 March) that a's rate agrees
// with to the places it shows: the population a was worked out on. It
// returns that count and population and the period they were given for.
func (ex *excluder) population(k app.SeriesKey, a app.Observation) (count, pop float64, from app.Period, ok bool) {
	s := ex.h.Series(k)
	for _, i := range ex.endingOn(k, a.Period.End()) {
		q := s[i]
		if q.Status != app.OK || q.StandIn {
			continue
		}
		c, has := components(app.Rate, q)
		if !has || c[1] <= 0 || contradicts(app.Rate, a, c, componentNames[app.Rate]) != "" {
			continue
		}
		return c[0], c[1], q.Period, true
	}
	return 0, 0, app.Period{}, false
}

// excludedCount is a count without the cohorts and what it was taken
// from, for the rule.
type excludedCount struct {
	value float64
	rule  string
}

// countExcluding finds the one count indicator (not rate itself) whose
// figure in area for a period ending the day p ends is count, for all
// children, and that the store gives excluding the cohorts for that
// period: the source's own excluding figure, or for one cohort its
// figure taken away. Two such counts would leave the rate's count
// unsaid, so neither is used.
func (ex *excluder) countExcluding(rate string, area app.Area, p app.Period, count float64) (ref string, got excludedCount, ok bool) {
	end := p.End()
	found := 0
	if ex.indicators == nil {
		ex.indicators = ex.h.Indicators()
	}
	for _, ind := range ex.indicators {
		if ind.Ref == rate || ind.Measure != app.Count {
			continue
		}
		all := app.SeriesKey{Ref: ind.Ref, Area: area}
		s := ex.h.Series(all)
		for _, i := range ex.endingOn(all, end) {
			c := s[i]
			if c.Status != app.OK || c.StandIn || c.Value == nil || !same(*c.Value, count) {
				continue
			}
			if e, ok := ex.countWithout(all, c); ok {
				ref, got = ind.Ref, e
				found++
				break
			}
		}
	}
	return ref, got, found == 1
}

// countWithout is the count c of series all without the cohorts: the
// source's own figure excluding them, or, for one cohort, its figure
// taken away.
func (ex *excluder) countWithout(all app.SeriesKey, c app.Observation) (excludedCount, bool) {
	if s, ok := ex.h.Observation(app.SeriesKey{Ref: all.Ref, Area: all.Area, Split: ex.split}, c.Period); ok && s.Status == app.OK && s.Value != nil {
		return excludedCount{*s.Value, "the source's own, " + c.Period.Label()}, true
	}
	if len(ex.cs) != 1 {
		return excludedCount{}, false
	}
	u, ok := ex.h.Observation(app.SeriesKey{Ref: all.Ref, Area: all.Area, Split: app.Only(ex.cs[0])}, c.Period)
	if !ok || u.Status != app.OK || u.Value == nil || *u.Value > *c.Value {
		return excludedCount{}, false
	}
	return excludedCount{*c.Value - *u.Value, fmt.Sprintf("%s less %s %s, %s", number(*c.Value), number(*u.Value), ex.cs[0].Label(), c.Period.Label())}, true
}

// endingOn returns the places in ex.h's series k of the figures whose
// period ends the day end does, in series order. Every figure of a rate
// asks for those of its own day, in its series and in each count's:
// finding them by working out every period's end again made excluding a
// cohort from a long history of rates quadratic in its periods.
func (ex *excluder) endingOn(k app.SeriesKey, end time.Time) []int {
	byDay, ok := ex.ends[k]
	if !ok {
		byDay = map[int64][]int{}
		for i, o := range ex.h.Series(k) {
			day := o.Period.End().Unix()
			byDay[day] = append(byDay[day], i)
		}
		if ex.ends == nil {
			ex.ends = map[app.SeriesKey]map[int64][]int{}
		}
		ex.ends[k] = byDay
	}
	return byDay[end.Unix()]
}
