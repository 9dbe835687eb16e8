package disclosure

import (
	"math"

	"scorecard/app"
)

// Whether a sum's figures bear out a tie to months (yeartodate.go): the
// evidence a reader would subtract with, weighed figure by figure.

// sumsMonths reports whether the figures of the sum of months ytd in h
// bear out that it sums the months' (checkSums) in every area and split
// both give: no more of its figures differ from their months than are
// borne out, as whole sums or as steps from the figure before. A reader
// sets aside the odd figure (a month revised after its sum was given,
// which puts off every sum taking it in) and subtracts across the rest,
// as surely as across them all; and a sum none of whose figures can be
// checked (a month a year not reported) is tied as its definition says,
// since no figure says otherwise. Tied wrongly, a sum is withheld more,
// never less.
func sumsMonths(h *app.History, ytd, months string) bool {
	return bearsNamed(h, seriesKeysOf(h, ytd), h, months)
}

// bearsNamed is sumsMonths of the sum whose series keys are keys and
// whose figures h holds, with the months' figures in mh.
func bearsNamed(h *app.History, keys []app.SeriesKey, mh *app.History, months string) bool {
	e := checkSums(h, keys, mh, months, wholeFigure)
	return e == evidence{} || e.bears()
}

// givesMonths reports whether the figures of months, which mh holds,
// are the months of the sum whose series keys are keys and whose figures
// h holds, a sum whose definition names no months (monthsCandidates): as
// sumsMonths, but with one figure at least borne out, since here the
// figures alone tie them.
func givesMonths(h *app.History, keys []app.SeriesKey, mh *app.History, months string) bool {
	if len(keys) == 0 {
		return false
	}
	sum, _ := h.Indicator(keys[0].Ref)
	m, _ := mh.Indicator(months)
	if sum.Measure == app.Proportion && m.Measure != app.Proportion {
		// A percentage over a year whose children counted, or
		// counted in, are a count's months: its numerators' or its
		// denominators' differences are the count's months.
		return checkSums(h, keys, mh, months, numeratorPart).bears() || checkSums(h, keys, mh, months, denominatorPart).bears()
	}
	return checkSums(h, keys, mh, months, wholeFigure).bears()
}

// sumPart is what of a sum's figures checkSums weighs against its
// months': the figure whole (a count's value; a percentage's numerator
// and denominator against its months'), or a percentage's numerator or
// denominator alone against a count's months.
type sumPart int

const (
	numeratorPart   sumPart = 0
	denominatorPart sumPart = 1
	wholeFigure     sumPart = -1
)

// evidence is what a sum's figures say of a tie to months: as whole
// sums of their months (windows), and as steps from the figure before
// (a rolling year less the one a month before is its last month less the
// month a year before that; a year to date less the month before's is
// its month), each a way a reader subtracts.
type evidence struct{ windows, steps tally }

// tally counts the figures borne out (held) and belied (off).
type tally struct{ held, off int }

// bears reports whether either kind of evidence bears the tie out: one
// figure at least, and no more belied than borne out. A sum off by a
// constant (a carried-over figure) still steps with its months.
func (e evidence) bears() bool {
	return e.windows.held > 0 && e.windows.off <= e.windows.held || e.steps.held > 0 && e.steps.off <= e.steps.held
}

// seriesKeysOf are the keys of ref's series in h.
func seriesKeysOf(h *app.History, ref string) []app.SeriesKey {
	var out []app.SeriesKey
	for _, k := range h.Keys() {
		if k.Ref == ref {
			out = append(out, k)
		}
	}
	return out
}

// checkSums weighs the figures of the series keys of a sum of months,
// whose figures h holds, against months's figures in mh (evidence): a
// figure whose months are all given against their sum (monthsIn), and
// a figure and the one before it in the series, both given, against the
// months the sum gained and lost between them. A difference of nought
// is no evidence either way: a rare count's noughts are as likely
// another rare count's.
func checkSums(h *app.History, keys []app.SeriesKey, mh *app.History, months string, part sumPart) (e evidence) {
	if len(keys) == 0 {
		return e
	}
	ind, ok := h.Indicator(keys[0].Ref)
	if !ok {
		return e
	}
	parts := part == wholeFigure && ind.Measure == app.Proportion
	// figure gives a figure's value, or a percentage's numerator and
	// denominator, when parts; their gives the months' figures.
	figure := func(o app.Observation, parts bool) ([2]float64, bool) {
		if o.Status != app.OK || o.Value == nil {
			return [2]float64{}, false
		}
		if !parts {
			return [2]float64{*o.Value}, true
		}
		if o.Numerator == nil || o.Denominator == nil {
			return [2]float64{}, false
		}
		return [2]float64{*o.Numerator, *o.Denominator}, true
	}
	sum := func(o app.Observation) ([2]float64, bool) {
		if part == wholeFigure {
			return figure(o, parts)
		}
		both, ok := figure(o, true)
		return [2]float64{both[part]}, ok
	}
	their := func(o app.Observation) ([2]float64, bool) { return figure(o, parts) }
	judge := func(t *tally, got, want [2]float64) {
		switch {
		case !sameSum(&got[0], want[0]) || parts && !sameSum(&got[1], want[1]):
			t.off++
		case want[0] != 0 || parts && want[1] != 0:
			t.held++
		}
	}
	// Once neither kind of evidence can bear the tie out with every
	// figure left agreeing, the rest are not weighed: a store of many
	// monthly counts weighs each beside every sum.
	left := 0
	for _, k := range keys {
		left += len(h.Series(k))
	}
	for _, k := range keys {
		if e.windows.off > e.windows.held+left && e.steps.off > e.steps.held+left {
			break
		}
		left -= len(h.Series(k))
		mk := app.SeriesKey{Ref: months, Area: k.Area, Split: k.Split}
		month := func(p app.Period) ([2]float64, bool) {
			m, ok := mh.Observation(mk, p)
			if !ok {
				return [2]float64{}, false
			}
			return their(m)
		}
		series := h.Series(k)
		for i, o := range series {
			got, ok := sum(o)
			if !ok {
				continue
			}
			first, last, ok := monthsIn(ind, o.Period)
			if !ok {
				continue
			}
			if want, ok := monthsSum(month, first, last); ok {
				judge(&e.windows, got, want)
			}
			if i == 0 {
				continue
			}
			was, ok := sum(series[i-1])
			if !ok {
				continue
			}
			wasFirst, wasLast, ok := monthsIn(ind, series[i-1].Period)
			if !ok || wasLast.Compare(last) >= 0 || first.Compare(wasFirst) < 0 {
				continue
			}
			// The months the sum gained since, less those it lost.
			gained, ok := monthsSum(month, wasLast.Add(1), last)
			if !ok {
				continue
			}
			lost, ok := monthsSum(month, wasFirst, first.Add(-1))
			if !ok {
				continue
			}
			judge(&e.steps, [2]float64{got[0] - was[0], got[1] - was[1]}, [2]float64{gained[0] - lost[0], gained[1] - lost[1]})
		}
	}
	return e
}

// monthsSum is the sum of the figures from month first to month last,
// each month's, or a quarter's where month gives none for its months but
// one for the quarter (a year of a quarterly count), with ok false where
// any is not given.
func monthsSum(month func(app.Period) ([2]float64, bool), first, last app.Period) (want [2]float64, ok bool) {
	for p := first; p.Compare(last) <= 0; {
		m, ok := month(p)
		n := 1
		if !ok && p.N%3 == 1 && p.Add(2).Compare(last) <= 0 {
			m, ok = month(quarterOf(p))
			n = 3
		}
		if !ok {
			return want, false
		}
		want[0], want[1] = want[0]+m[0], want[1]+m[1]
		p = p.Add(n)
	}
	return want, true
}

// sameSum reports whether got is want, to the rounding of a sum.
func sameSum(got *float64, want float64) bool {
	return math.Abs(*got-want) <= 1e-9*max(1, math.Abs(want))
}
