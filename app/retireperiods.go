package app

import (
	"slices"
	"time"
)

// The periods an indicator may be retired from: the command line's
// --from and the window's Retire… decide them alike.

// RetireHidesFigure reports whether retiring ref from period from would
// take a figure held out of circulation, from starting at or before the
// end of its last figure (InCirculation keeps such a period in any
// case, so the retirement would say one thing and do another), and the
// period of that last figure. `scorecard retire --from` refuses such a
// period and the window's Retire… does not offer it.
func (h *History) RetireHidesFigure(ref string, from Period) (last Period, hides bool) {
	last, ok := h.LastFigure(ref)
	return last, ok && hidesFigure(last, from)
}

// hidesFigure reports whether retiring from from hides the figure for
// last (RetireHidesFigure).
func hidesFigure(last, from Period) bool {
	return !last.End().Before(from.Start())
}

// retireReach is how many of an indicator's periods past the store's
// latest it may be retired from in the window: a scorecard already
// planned to stop giving it, never years ahead.
const retireReach = 12

// RetireDefault is the period ref is retired from when none is named:
// the one after its last figure. ok is false when it has no figures.
func (h *History) RetireDefault(ref string) (from Period, ok bool) {
	last, ok := h.LastFigure(ref)
	return last.Add(1), ok
}

// RetirePeriods lists the periods the window offers to retire ref from,
// latest first, in the kind of period of its figures (months, quarters
// or years): from the one after its last figure (RetireDefault), the
// first RetireHidesFigure does not refuse, to twelve past latest, the
// store's latest period. An indicator with no figures may be retired
// from any period, as the command line's --from may name: from the
// store's first.
func (h *History) RetirePeriods(ref string, latest Period) []Period {
	first, ok := h.RetireDefault(ref)
	if !ok {
		held := h.Periods()
		if len(held) == 0 {
			return nil
		}
		first = held[0]
	}
	if latest.IsZero() {
		latest = first
	}
	end := periodOfKind(first.Kind, latest, Period.End).Add(retireReach)
	var ps []Period
	for p := first; p.Compare(end) <= 0 || len(ps) == 0; p = p.Add(1) {
		ps = append(ps, p)
	}
	slices.Reverse(ps)
	return ps
}

// periodOfKind is the period of kind holding the month p starts or ends
// in (at(p) is p.Start or p.End): a month, or the quarter or year
// containing it.
func periodOfKind(kind PeriodKind, p Period, at func(Period) time.Time) Period {
	t := at(p)
	m := MonthOf(t.Year(), t.Month())
	if kind == Month {
		return m
	}
	return containing(kind, m)
}
