package trend

import (
	"fmt"

	"scorecard/app"
)

// OffCycle is a series of quarters (or years) in a report of a shorter
// period, a month, that none of its periods is reported in: a quarterly
// indicator two months in three. Its row has no figure for the month,
// which without a word reads as a figure missing (QA23c D10); its latest
// quarter is said as that quarter's, never as the month's own figure,
// and is not rated as the month's.
type OffCycle struct {
	Kind   string     // "quarterly" or "annual"
	Latest Point      // its latest point that ends by the report's period
	Next   app.Period // when its next figure is due: a month, in a monthly report
	// Overdue is the latest period of its kind ended by the report's
	// period with no figure, its next having been due by then; zero
	// where none is. It stays overdue as long as flags keeps a figure
	// missing (Options.Window, in its own periods). Its cell says
	// missing; flags, the brief and the pack's first page list it as a
	// missing figure, not as a quarter between quarters (QA26b S2).
	Overdue app.Period
	// As says, where a report says it beside the indicator's name, which
	// figure Latest is: "a measure of schools, shown as published (no
	// UASC split applies)" in a report excluding UASC, whose other lines
	// for such a measure say it. "" for none.
	As string
}

// OffCycleAt returns s's OffCycle in a report of period p, and false
// where s has a point reported in p, or its latest period ending by p is
// of p's kind or no longer than p.
func (s *Series) OffCycleAt(p app.Period) (OffCycle, bool) {
	for i := s.Len() - 1; i >= 0; i-- {
		per := s.Period(i)
		if app.ReportedIn(per, p) {
			return OffCycle{}, false
		}
		if per.End().After(p.End()) {
			continue
		}
		if per.Kind == p.Kind || per.Months() <= p.Months() {
			return OffCycle{}, false
		}
		o := OffCycle{Kind: "annual", Latest: s.Point(i), Next: per.Add(1)}
		if per.Kind == app.Quarter {
			o.Kind = "quarterly"
		}
		o.Next = dueIn(o.Next, p.Kind)
		if o.Next.Compare(p) <= 0 {
			late := per.Add(1)
			for !late.Add(1).End().After(p.End()) {
				late = late.Add(1)
			}
			recent := s.recent
			if recent <= 0 {
				recent = DefaultOptions().Window
			}
			// As flags counts a monthly figure's gap: from the
			// series' last point, in its own periods.
			if late.Index()-per.Index() <= recent {
				o.Overdue = late
			}
		}
		return o, true
	}
	return OffCycle{}, false
}

// dueIn returns when the figure for q is due in a report of periods of
// kind k: the month (quarter) q ends in; q itself for another kind.
func dueIn(q app.Period, k app.PeriodKind) app.Period {
	switch end := q.End(); k {
	case app.Month:
		return app.MonthOf(end.Year(), end.Month())
	case app.Quarter:
		return app.Period{Kind: app.Quarter, Year: end.Year(), N: (int(end.Month())-1)/3 + 1}
	}
	return q
}

// Word is what the report of period p shows in its cell for the
// period: o's kind ("quarterly"), or "missing" while a figure is
// Overdue, as flags has it missing as long. A late quarter once read
// "quarterly" as the months between quarters do (QA25 D6), and then
// "missing" only in the month it was due while flags said nothing after
// it (QA26b S2).
func (o OffCycle) Word(p app.Period) string {
	if !o.Overdue.IsZero() {
		return MissingMonth
	}
	return o.Kind
}

// Note says o of indicator ind in a report of period p, its latest
// figure labelled by its own period, with its rating, and when the next
// is due: "Q04 Care leavers in suitable accommodation (%): quarterly:
// Jul-Sep 2026 = 61.0% AMBER; next due Dec-26, so October 2026 has no
// figure, rating or direction of it."; one Overdue as missing: "Q05 ...:
// missing: no figure for Jul-Sep 2026, due Sep-26; latest Apr-Jun 2026 =
// 58.0% AMBER, so October 2026 has no figure, rating or direction of it."
// o.As follows the name where it is set: "ED03 Schools judged good or
// outstanding (%): a measure of schools, shown as published (no UASC
// split applies): annual: ...".
func (o OffCycle) Note(ind app.Indicator, p app.Period) string {
	name := ind.Ref + " " + ind.Name
	if o.As != "" {
		name += ": " + o.As
	}
	l := o.Latest
	fig := l.Status.String()
	switch {
	case l.StandIn, l.Missing, l.Status == app.OK && l.Value == nil:
		fig = "no figure yet"
	case l.Status == app.OK:
		fig = app.FormatValue(ind, *l.Value)
		if l.RAG != app.NoRAG {
			fig += " " + l.RAG.String()
		}
	}
	due := "next due " + o.Next.Label()
	if o.Next.Compare(p) <= 0 {
		due = "next was due " + o.Next.Label()
	}
	when := p.Label()
	if p.Kind == app.Month {
		when = p.Start().Format("January 2006")
	}
	if !o.Overdue.IsZero() {
		// Said as its cell and flags say it: missing, not quarterly.
		return fmt.Sprintf("%s: %s: no figure for %s, due %s; latest %s = %s, so %s has no figure, rating or direction of it.",
			name, MissingMonth, o.Overdue.Label(), dueIn(o.Overdue, p.Kind).Label(), l.Period.Label(), fig, when)
	}
	return fmt.Sprintf("%s: %s: %s = %s; %s, so %s has no figure, rating or direction of it.",
		name, o.Kind, l.Period.Label(), fig, due, when)
}

// OffCycleNotes returns the Note of each indicator of h in area that is
// OffCycle in period p, in scorecard order, analysed as opt asks (Until
// is set for each). A series with a figure reported in p is not analysed.
// One with a figure Overdue has none: flags and the brief list it as a
// missing figure (OverdueFlag), which a note beside would say twice.
// as, where not nil, gives each note's OffCycle.As: which figure a
// report excluding cohorts gives of the indicator.
func OffCycleNotes(h *app.History, area app.Area, p app.Period, opt Options, as func(app.Indicator) string) []string {
	var notes []string
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: area}
		if !lacks(h.Series(k), p) || !h.InCirculation(ind.Ref, p) {
			continue
		}
		opt.Until = h.AnalysedUntil(k, p)
		s := AnalyseSeries(h, k, opt)
		if o, ok := s.OffCycleAt(p); ok && o.Overdue.IsZero() {
			if as != nil {
				o.As = as(ind)
			}
			notes = append(notes, o.Note(ind, p))
		}
	}
	return notes
}

// lacks reports whether obs has figures ending by p but none reported in
// p: the only series OffCycleAt can say anything of. Quarterly figures
// may be held in the months quarters end, and are analysed as quarters,
// so the kind held says nothing.
func lacks(obs []app.Observation, p app.Period) bool {
	ended := false
	for _, o := range obs {
		if app.ReportedIn(o.Period, p) {
			return false
		}
		ended = ended || !o.Period.End().After(p.End())
	}
	return ended
}

// OverdueFlag returns the missing flag of series k of h in a report of
// period p where its figure is Overdue: flags' own for a period that
// reports none of its kind (a month between quarters), and the brief's
// item for one. Its Period is the overdue one, its Detail says what is
// missing as flags says a monthly figure missing, and, after the period
// it was due, when that was: "no figure for Jul-Sep 2026, due Sep-26
// (last figure Apr-Jun 2026: 58.0%)". It reports false where nothing
// of k is overdue at p. opt is as flags analyses with (Until is set).
func OverdueFlag(h *app.History, k app.SeriesKey, p app.Period, opt Options) (Flag, bool) {
	if !lacks(h.Series(k), p) || !h.InCirculation(k.Ref, p) {
		return Flag{}, false
	}
	opt.Until = h.AnalysedUntil(k, p)
	s := AnalyseSeries(h, k, opt)
	o, ok := s.OffCycleAt(p)
	if !ok || o.Overdue.IsZero() {
		return Flag{}, false
	}
	ind, _ := h.Indicator(k.Ref)
	due := ""
	if at := dueIn(o.Overdue, p.Kind); at != p {
		due = ", due " + at.Label()
	}
	return Flag{Ref: k.Ref, Area: k.Area, Period: o.Overdue, Kind: MissingMonth, Detail: missingWords(ind, o.Overdue, &s, due)}, true
}
