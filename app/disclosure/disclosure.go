// Package disclosure protects small numbers in figures for circulation:
// a count of one to four children (by default) could identify a child, so
// it is shown as app.Suppressed ("c"), together with every figure that
// would reveal it.
//
// The rule, following the DfE's practice for children's social care
// statistics:
//
//   - Primary suppression: a figure is suppressed when any count of
//     children it shows or is built from is at least 1 and below the
//     threshold: a count; a proportion's numerator or denominator; a
//     rate's count or population; a mean's or median's count (its
//     denominator). Nought is not suppressed: it identifies nobody. A
//     figure whose counts are unknown (a percentage without its numerator
//     and denominator) cannot be judged and is left as it is.
//   - A proportion also shows the children outside its numerator: 120 of
//     124 reveals 4 children not meeting the measure. So the denominator
//     less the numerator counts as one of its counts, and a proportion is
//     suppressed when that difference is from 1 to below the threshold.
//   - A suppressed figure loses its value, numerator and denominator,
//     whoever suppressed it: a figure the source marked "c" but imported
//     with its components would otherwise show them on every sheet that
//     lists components, so they are blanked even when no threshold is
//     set.
//   - Complementary suppression: all children = a cohort + the rest, so
//     where exactly one of the figures for all children, the cohort only
//     (app.Only) and excluding the cohort (app.Excluding, one cohort) is
//     suppressed, it could be worked out from the other two; the figure
//     excluding the cohort (or, when that is the one suppressed, the
//     cohort's own) is suppressed as well.
//
// Child-level breakdowns follow the same rule through Withhold, which says
// which of their counts to show as "c".
//
// Not covered, and said here so that nobody relies on it: districts need
// not sum to the county, so district figures are not suppressed against
// each other; figures excluding several cohorts at once are not paired
// with the cohorts (their overlap is unknown); differences between months
// of a rolling figure; and the earlier versions of revised figures
// (History.Revisions), which exports do not show.
package disclosure

import (
	"slices"

	"scorecard/app"
	"scorecard/app/cohort"
)

// DefaultThreshold is the smallest count shown: counts of 1 to 4 are
// suppressed.
const DefaultThreshold = 5

// Suppress returns a History in which every figure with a count of
// children from 1 to below-1, and every figure that would reveal one, is
// app.Suppressed (see the package comment for the rule), and how many
// figures it suppressed. Figures already suppressed lose their
// components too, but are not counted. h is untouched. With below of 1 or
// less no figure is newly suppressed, and h itself is returned when no
// suppressed figure has components to blank.
func Suppress(h *app.History, below int) (*app.History, int) {
	s := suppressor{h: h, below: float64(below), changed: map[app.SeriesKey][]app.Observation{}}
	keys := h.Keys()
	for _, k := range keys {
		s.primary(k)
	}
	if below > 1 {
		for _, k := range keys {
			if c, ok := k.Split.Cohort(); ok {
				s.complement(k.Ref, k.Area, c)
			}
		}
	}
	return s.result(), s.count
}

// result is the history with the changed series, or h when none changed.
func (s *suppressor) result() *app.History {
	if len(s.changed) == 0 {
		return s.h
	}
	out := s.h.Clone()
	for k, obs := range s.changed {
		out.SetSeries(k, obs)
	}
	return out
}

// Circulated returns the figures excluding the cohorts cs, ready to
// circulate: small numbers are suppressed before the exclusion, so that
// no suppressed cohort figure can be recovered by subtraction, and again
// after it, so that no figure excluding the cohorts is itself a small
// number. It returns how many figures were suppressed; the warnings are
// cohort.Exclude's.
func Circulated(h *app.History, cs []app.Cohort, below int) (*app.History, int, []app.Warning) {
	base, n := Suppress(h, below)
	ex, warns := cohort.Exclude(base, cs)
	if len(cs) == 0 || below <= 1 {
		return ex, n, warns
	}
	// After the exclusion the All series no longer equals a cohort plus
	// the rest, so only primary suppression applies.
	s := suppressor{h: ex, below: float64(below), changed: map[app.SeriesKey][]app.Observation{}}
	for _, k := range ex.Keys() {
		if k.Split == app.All {
			s.primary(k)
		}
	}
	return s.result(), n + s.count, warns
}

type suppressor struct {
	h       *app.History
	below   float64
	changed map[app.SeriesKey][]app.Observation // copies of series with suppressed figures
	count   int
}

// primary suppresses the figures of series k that show a small count,
// and blanks the components of those already suppressed.
func (s *suppressor) primary(k app.SeriesKey) {
	ind, _ := s.h.Indicator(k.Ref)
	for i, o := range s.h.Series(k) {
		switch {
		case o.Status == app.Suppressed:
			if o.Value != nil || o.Numerator != nil || o.Denominator != nil {
				s.blank(k, i)
			}
		case s.below > 1 && s.small(ind, o):
			s.suppress(k, i)
		}
	}
}

// small reports whether o shows or is built from a count from 1 to
// below-1.
func (s *suppressor) small(ind app.Indicator, o app.Observation) bool {
	if o.Status != app.OK {
		return false
	}
	for _, c := range counts(ind, o) {
		if c != nil && *c >= 1 && *c < s.below {
			return true
		}
	}
	return false
}

// counts are the counts of children a figure shows or is built from.
func counts(ind app.Indicator, o app.Observation) []*float64 {
	switch ind.Measure {
	case app.Proportion:
		if o.Numerator == nil || o.Denominator == nil {
			return []*float64{o.Numerator, o.Denominator}
		}
		rest := *o.Denominator - *o.Numerator
		return []*float64{o.Numerator, o.Denominator, &rest}
	case app.Rate:
		return []*float64{o.Numerator, o.Denominator}
	case app.Count:
		if o.Numerator != nil {
			return []*float64{o.Numerator}
		}
		return []*float64{o.Value}
	case app.Mean, app.Median:
		return []*float64{o.Denominator}
	}
	if ind.Unit == app.Number {
		return []*float64{o.Value, o.Denominator}
	}
	return []*float64{o.Denominator}
}

// suppress marks the i'th figure of series k as suppressed, copying the
// series first so that the original history is untouched.
func (s *suppressor) suppress(k app.SeriesKey, i int) {
	s.count++
	s.blank(k, i)
}

// blank marks the i'th figure of series k as suppressed and drops its
// value and components, copying the series first.
func (s *suppressor) blank(k app.SeriesKey, i int) {
	obs, ok := s.changed[k]
	if !ok {
		obs = slices.Clone(s.h.Series(k))
		s.changed[k] = obs
	}
	o := &obs[i]
	o.Value, o.Numerator, o.Denominator = nil, nil, nil
	o.Status, o.Raw = app.Suppressed, string(app.Suppressed)
}

// state reports whether series k has a figure for period p, and whether
// it is suppressed, here or by the source.
func (s *suppressor) state(k app.SeriesKey, p app.Period) (present, suppressed bool) {
	obs, ok := s.changed[k]
	if !ok {
		obs = s.h.Series(k)
	}
	i, found := slices.BinarySearchFunc(obs, p, func(o app.Observation, p app.Period) int { return o.Period.Compare(p) })
	if !found {
		return false, false
	}
	return true, obs[i].Status == app.Suppressed
}

// complement suppresses a second figure wherever exactly one of all
// children, cohort c only and excluding c is suppressed for a period.
func (s *suppressor) complement(ref string, area app.Area, c app.Cohort) {
	all := app.SeriesKey{Ref: ref, Area: area}
	only := app.SeriesKey{Ref: ref, Area: area, Split: app.Only(c)}
	rest := app.SeriesKey{Ref: ref, Area: area, Split: app.Excluding(c)}
	for _, o := range s.h.Series(only) {
		p := o.Period
		pa, sa := s.state(all, p)
		po, so := s.state(only, p)
		pr, sr := s.state(rest, p)
		if !pa || !po || !pr {
			continue // two figures alone reveal nothing about a third
		}
		n := 0
		for _, b := range []bool{sa, so, sr} {
			if b {
				n++
			}
		}
		if n != 1 {
			continue
		}
		target := rest
		if sr {
			target = only
		}
		obs, ok := s.changed[target]
		if !ok {
			obs = s.h.Series(target)
		}
		i, _ := slices.BinarySearchFunc(obs, p, func(o app.Observation, p app.Period) int { return o.Period.Compare(p) })
		s.suppress(target, i)
	}
}
