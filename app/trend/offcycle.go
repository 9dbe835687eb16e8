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
		// Due in the report's own periods: the month (quarter) the
		// next ends in.
		switch end := o.Next.End(); p.Kind {
		case app.Month:
			o.Next = app.MonthOf(end.Year(), end.Month())
		case app.Quarter:
			o.Next = app.Period{Kind: app.Quarter, Year: end.Year(), N: (int(end.Month())-1)/3 + 1}
		}
		return o, true
	}
	return OffCycle{}, false
}

// Word is what the report of period p shows in its cell for the
// period: o's kind ("quarterly"), or "missing" in the period its next
// figure was due, as flags has it missing then. A late quarter read
// "quarterly" as the months between quarters do, only its note saying
// it was due (QA25 D6). After that period the figure is due in none
// reported, as flags has it (QA26b S2): the note says it was due.
func (o OffCycle) Word(p app.Period) string {
	if o.Next == p {
		return MissingMonth
	}
	return o.Kind
}

// Note says o of indicator ind in a report of period p, its latest
// figure labelled by its own period, with its rating, and when the next
// is due: "Q04 Care leavers in suitable accommodation (%): quarterly:
// Jul-Sep 2026 = 61.0% AMBER; next due Dec-26, so October 2026 has no
// figure, rating or direction of it."
func (o OffCycle) Note(ind app.Indicator, p app.Period) string {
	l := o.Latest
	fig := string(l.Status)
	switch {
	case l.StandIn, l.Missing, l.Status == app.OK && l.Value == nil:
		fig = "no figure yet"
	case l.Status == app.OK:
		fig = app.FormatValue(ind, *l.Value)
		if l.RAG != app.NoRAG {
			fig += " " + string(l.RAG)
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
	return fmt.Sprintf("%s %s: %s: %s = %s; %s, so %s has no figure, rating or direction of it.",
		ind.Ref, ind.Name, o.Kind, l.Period.Label(), fig, due, when)
}

// OffCycleNotes returns the Note of each indicator of h in area that is
// OffCycle in period p, in scorecard order, analysed as opt asks (Until
// is set for each). A series with a figure reported in p is not analysed.
func OffCycleNotes(h *app.History, area app.Area, p app.Period, opt Options) []string {
	var notes []string
	for _, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: area}
		if !lacks(h.Series(k), p) {
			continue
		}
		opt.Until = h.AnalysedUntil(k, p)
		s := AnalyseSeries(h, k, opt)
		if o, ok := s.OffCycleAt(p); ok {
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
