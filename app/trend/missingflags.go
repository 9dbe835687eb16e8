package trend

import (
	"strings"

	"scorecard/app"
)

// MissingFlag is the missing flag FlagsNoting gives series k of h in
// report month p, if any: its figure for the period reported in p not
// in, or a quarter (year) still overdue in a month between (OverdueFlag).
// A retired indicator (app.History.InCirculation) has none.
// The brief lists an indicator by it when it has no figure to show.
func MissingFlag(h *app.History, k app.SeriesKey, p app.Period, opt Options) (Flag, bool) {
	if !h.InCirculation(k.Ref, p) {
		return Flag{}, false
	}
	opt = opt.withDefaults()
	ind, _ := h.Indicator(k.Ref)
	all := h.Series(k)
	obs, kind := seriesUntil(all, app.Period{})
	obs, kind, stray, _ := asDataPeriod(ind, all, obs, kind)
	if len(obs) == 0 {
		return Flag{}, false
	}
	q, ok := reportedIn(kind, p)
	if !ok {
		return OverdueFlag(h, k, p, opt)
	}
	opt.Until = q
	s := AnalyseSeries(h, k, opt)
	if s.Len() == 0 || s.Point(s.Len()-1).Period == q {
		return Flag{}, false
	}
	return stoppedBefore(ind, k, q, &s, obs, stray, opt.Window)
}

// stoppedBefore flags series s (of observations obs, stray the index of
// one not of its data period, or -1), which stops before q, as missing
// q's figure: while the gap is recent, not forever after an indicator is
// retired.
func stoppedBefore(ind app.Indicator, k app.SeriesKey, q app.Period, s *Series, obs []app.Observation, stray, window int) (Flag, bool) {
	last := s.Point(s.Len() - 1)
	if q.Index()-last.Period.Index() > window {
		return Flag{}, false
	}
	var o *app.Observation
	if stray >= 0 {
		o = &obs[stray]
	}
	return Flag{Ref: k.Ref, Area: k.Area, Period: q, Kind: MissingMonth, Detail: missingWords(ind, q, s, "") + strayWords(ind, o)}, true
}

// missingWords says period q of series s has no figure, due (", due
// Sep-26" or "") after it, and what its last figure was. Last year's
// outturn standing in is no figure of its period (README, stand-ins), so
// the last figure named is the last of the period's own, the stand-in
// said as one: "no figure for Apr-25 (last figure Feb-25: 11.0%; Mar-25:
// last year's outturn 12.5% stood in)".
func missingWords(ind app.Indicator, q app.Period, s *Series, due string) string {
	var said []string
	for i := s.Len() - 1; i >= 0; i-- {
		if pt := s.Point(i); !pt.StandIn && !pt.Missing {
			said = append(said, "last figure "+pt.Period.Label()+": "+pointText(ind, pt))
			break
		}
	}
	if last := s.Point(s.Len() - 1); last.StandIn {
		said = append(said, last.Period.Label()+": last year's outturn "+pointText(ind, last)+" stood in")
	}
	text := "no figure for " + q.Label() + due
	if len(said) > 0 {
		text += " (" + strings.Join(said, "; ") + ")"
	}
	return text
}
