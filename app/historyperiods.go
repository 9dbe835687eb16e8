package app

import (
	"fmt"
	"slices"
	"strings"
)

// The periods a history reports on: its cadence, its periods and its
// latest, the shortfall of a latest period few indicators have figures
// for yet, and the figures beyond it.

// After lists the indicators h holds figures for periods ending after p
// ends, each with its latest such period (afterInOrder's order): a
// quarter or year a monthly scorecard's latest month does not reach
// (Apr-Jun 2025 beside months to March), which a report of p leaves out.
// A year reported in p's own column (2024/25 AY in 2024/25, ReportedIn)
// is in the report, not after it.
func (h *History) After(p Period) []RefPeriod {
	end := p.End()
	latest := map[string]Period{}
	for k, s := range h.series {
		// The series is in order of start: a year may end after a
		// quarter that starts later (2023/24 AY after Jan-Mar 2024).
		for i := len(s) - 1; i >= 0 && s[i].Period.StartMonth()+12 > p.StartMonth(); i-- {
			q := s[i].Period
			if !q.End().After(end) || ReportedIn(q, p) {
				continue
			}
			if l, ok := latest[k.Ref]; !ok || endsLater(q, l) {
				latest[k.Ref] = q
			}
		}
	}
	return afterInOrder(latest, h.Indicators())
}

// endsLater reports whether q, rather than l, is an indicator's latest
// period: it ends later, or as late and starts later (Mar-25, not the
// Jan-Mar 2025 it ends), so that every reader, whatever the order it
// meets an indicator's periods in, names the same.
func endsLater(q, l Period) bool {
	if c := q.End().Compare(l.End()); c != 0 {
		return c > 0
	}
	return q.Compare(l) > 0
}

// afterInOrder lists latest's indicators with their periods: those of
// order first, in its order (the scorecard's), then any held without a
// definition (as an undo can leave them), by ref. The pack, made from a
// History, and the streamed workbook, from a Calendar, so name the same
// indicators in the same order.
func afterInOrder(latest map[string]Period, order []Indicator) []RefPeriod {
	out := make([]RefPeriod, 0, len(latest))
	for _, ind := range order {
		if q, ok := latest[ind.Ref]; ok {
			out = append(out, RefPeriod{ind.Ref, q})
			delete(latest, ind.Ref)
		}
	}
	rest := len(out)
	for ref, q := range latest {
		out = append(out, RefPeriod{ref, q})
	}
	slices.SortFunc(out[rest:], func(a, b RefPeriod) int { return strings.Compare(a.Ref, b.Ref) })
	return out
}

// RefPeriod is an indicator's period.
type RefPeriod struct {
	Ref    string
	Period Period
}

// Cadence returns the kind of period the scorecard reports on: Month when
// any series has a monthly figure; failing that Quarter; failing that the
// kind of year most figures are for (financial, academic or calendar, in
// that order on a tie), so that a store of published yearly figures alone
// (DfE's) has a scorecard of years. It is zero for an empty history.
func (h *History) Cadence() PeriodKind {
	var n [CalendarYear + 1]int
	for _, s := range h.series {
		for _, o := range s {
			if o.Period.Kind <= CalendarYear {
				n[o.Period.Kind]++
			}
		}
	}
	return cadenceOf(n)
}

// cadenceOf is the cadence of figures counted n by kind of period (see
// Cadence).
func cadenceOf(n [CalendarYear + 1]int) PeriodKind {
	switch {
	case n[Month] > 0:
		return Month
	case n[Quarter] > 0:
		return Quarter
	}
	var best PeriodKind
	for _, k := range []PeriodKind{FinancialYear, AcademicYear, CalendarYear} {
		if n[k] > 0 && (best == 0 || n[k] > n[best]) {
			best = k
		}
	}
	return best
}

// Periods returns every period of the history's Cadence that any series
// has a figure for, oldest first: the months of a monthly store, the
// years of a store of yearly figures alone.
func (h *History) Periods() []Period {
	kind := h.Cadence()
	seen := map[Period]bool{}
	for _, s := range h.series {
		for _, o := range s {
			if o.Period.Kind == kind {
				seen[o.Period] = true
			}
		}
	}
	ps := make([]Period, 0, len(seen))
	for p := range seen {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, Period.Compare)
	return ps
}

// Latest returns the newest period of the history's Cadence with any
// figure, or the zero Period.
func (h *History) Latest() Period {
	ps := h.Periods()
	if len(ps) == 0 {
		return Period{}
	}
	return ps[len(ps)-1]
}

// Shortfall says, of a latest period p that at most half as many
// indicators have figures for as the last period before it with any, how
// many each has: a figure or two for a month ahead arriving early makes
// the latest period one most indicators have no figure for, and a
// scorecard of it by default would pass over the period before's figures
// without a word. Half, since a month after a quarter's end rightly
// lacks the quarterly indicators. It returns that period before and the
// note; "" where p has more, or there is no period before.
func (h *History) Shortfall(p Period) (before Period, note string) {
	if p.IsZero() {
		return Period{}, ""
	}
	for _, s := range h.series {
		for i := len(s) - 1; i >= 0; i-- {
			if q := s[i].Period; q.Kind == p.Kind && q.Compare(p) < 0 {
				if before.IsZero() || q.Compare(before) > 0 {
					before = q
				}
				break
			}
		}
	}
	if before.IsZero() {
		return Period{}, ""
	}
	in, inBefore := map[string]bool{}, map[string]bool{}
	for k, s := range h.series {
		for i := len(s) - 1; i >= 0 && !s[i].Period.End().Before(before.End()); i-- {
			switch s[i].Period {
			case p:
				in[k.Ref] = true
			case before:
				inBefore[k.Ref] = true
			}
		}
	}
	// An indicator retired by p is not awaited (QA29 15): counted, it
	// made the export offer the month before as the one to circulate.
	for ref := range inBefore {
		if !in[ref] && !h.InCirculation(ref, p) {
			delete(inBefore, ref)
		}
	}
	// An indicator lacking p's figure that comes only at quarters' (or
	// years') ends is not late: its months, to say so.
	var off []offCycle
	for ref := range inBefore {
		if in[ref] {
			continue
		}
		var months []Period
		for k, s := range h.series {
			if k.Ref == ref {
				for _, o := range s {
					months = append(months, o.Period)
				}
			}
		}
		if o, ok := cycleAt(ref, months, p); ok {
			off = append(off, o)
		}
	}
	return shortfallWords(p, before, len(in), len(inBefore), off)
}

// shortfall is Shortfall's answer for a latest period p that in
// indicators have figures for, and the period before it inBefore.
func shortfall(p, before Period, in, inBefore int) (Period, string) {
	if 2*in > inBefore {
		return Period{}, ""
	}
	return before, fmt.Sprintf("%s has figures for %d of the %d indicators %s has; the rest are not yet in", p.Label(), in, inBefore, before.Label())
}

// ReportingPeriod returns the period of the history's Cadence that p
// names, and whether p had to be read as another kind of period to find
// it (ReadAsWords says how). A month asked of a store of quarters or
// years is the quarter (year) that ends in it, as a quarter's figure is
// shown in the month it ends: 2025-03 is Jan-Mar 2025; a month that ends
// none gives p itself (MonthAdvice says what to ask for).
// A year of another kind is the one that ends in the same calendar year:
// "2025" asked of a store of financial years (the DfE's reporting years,
// filed as the years to 31 March they cover) is 2024/25, and "2024/25"
// asked of a store of calendar years is 2025. Any other p, or an empty
// history, gives p itself.
func (h *History) ReportingPeriod(p Period) (Period, bool) {
	return reportingPeriod(h.Cadence(), p)
}

// reportingPeriod is ReportingPeriod for a history of cadence kind.
func reportingPeriod(kind PeriodKind, p Period) (Period, bool) {
	if kind != 0 && kind != Month && p.Kind == Month {
		return endingIn(kind, p)
	}
	if kind == 0 || p.Kind == kind || !p.IsYear() || !(Period{Kind: kind}).IsYear() {
		return p, false
	}
	end := p.End().Year()
	for _, y := range []int{end, end - 1} {
		if q := (Period{Kind: kind, Year: y}); q.End().Year() == end {
			return q, true
		}
	}
	return p, false
}

// ReportedIn reports whether a figure for period p is reported in the
// column of period m: p is m; p is a longer period of another kind that
// ends within m (a financial year in March or in Jan-Mar; an academic
// year, to 31 August, in Aug or in Jul-Sep; the social work census's
// calendar year 2024, to 30 September, in 2024/25); or p and m are a
// financial and an academic year of the same name (2024/25 AY in
// 2024/25). A year thus appears in one column of a scorecard of months,
// quarters or years of another kind; ShownInWords says which way.
func ReportedIn(p, m Period) bool {
	switch {
	case p == m:
		return true
	case p.Kind == m.Kind:
		return false
	case sameNamedYears(p, m):
		// An academic year ends five months into the financial year
		// after its name's: shown there, the officer's 2024/25 AY
		// would stand under 2025/26, a column late of where their
		// own workbook put it, and its latest year in no column at
		// all. It shares seven of its months with the financial year
		// of its name.
		return p.Year == m.Year
	case p.Months() > m.Months() || p.IsYear() && m.IsYear():
		return !p.End().Before(m.Start()) && !p.End().After(m.End())
	}
	return p.End().Equal(m.End())
}

// AnalysedUntil returns the period an analysis of series k as it stood at
// period p must run to (trend.Options.Until) for p's column to have its
// figure: p, or a longer period of the series reported in p that ends
// after it (2024/25 AY, to 31 August 2025, in 2024/25), which p's own
// end would cut off.
func (h *History) AnalysedUntil(k SeriesKey, p Period) Period {
	u := p
	s := h.series[k]
	for i := len(s) - 1; i >= 0; i-- {
		q := s[i].Period
		if q.StartMonth() < p.StartMonth()-12 {
			break // no period is longer than a year
		}
		if q.End().After(u.End()) && ReportedIn(q, p) {
			u = q
		}
	}
	return u
}

// sameNamedYears reports whether p and m are a financial and an academic
// year, which councils name alike (2024/25) and set side by side.
func sameNamedYears(p, m Period) bool {
	return p.Kind == AcademicYear && m.Kind == FinancialYear || p.Kind == FinancialYear && m.Kind == AcademicYear
}

// ShownInWords says, for the cell note of a figure for period p shown in
// the column of period m of another kind (ReportedIn), what the figure
// is for and why it stands there: "The figure for 2024/25 AY (academic
// year, to 31 August 2025), shown in the quarter it ends in."
func ShownInWords(p, m Period) string {
	switch {
	case sameNamedYears(p, m) && p.Year == m.Year:
		return fmt.Sprintf("The figure for %s (%s, %s to %s), shown in the %s of the same name.",
			p.Label(), p.Kind.Noun(), p.Start().Format("January 2006"), p.End().Format("January 2006"), m.Kind.Noun())
	case p.End().Equal(m.End()):
		return fmt.Sprintf("The figure for %s (%s), shown in the %s it ends.", p.Label(), p.Kind.Noun(), m.Kind.Noun())
	}
	return fmt.Sprintf("The figure for %s (%s, to %s), shown in the %s it ends in.", p.Label(), p.Kind.Noun(), p.End().Format("2 January 2006"), m.Kind.Noun())
}

// ImportYears is an import whose figures for some indicators the history
// holds under calendar years.
type ImportYears struct {
	Import Import
	Refs   []string
	First  Period // the earliest and latest of those years
	Last   Period
}

// CalendarYearsFrom returns, in the order the imports were made, the
// imports of the given format (Import.Note) whose figures for the refs
// in want the history holds under calendar years. A DfE file imported
// before a "Reporting year" was filed as the year it covers holds the
// children looked after at 31 March 2025 as the calendar year 2025,
// shown in December and called after a September scorecard: the officer
// must be told, since the store cannot tell a true calendar year from
// it.
func (h *History) CalendarYearsFrom(format string, want func(ref string) bool) []ImportYears {
	byID := map[string]*ImportYears{}
	for _, k := range h.Keys() {
		if !want(k.Ref) {
			continue
		}
		for _, o := range h.series[k] {
			if o.Period.Kind != CalendarYear || o.Import == "" {
				continue
			}
			iy, ok := byID[o.Import]
			if !ok {
				iy = &ImportYears{First: o.Period, Last: o.Period}
				byID[o.Import] = iy
			}
			if !slices.Contains(iy.Refs, k.Ref) {
				iy.Refs = append(iy.Refs, k.Ref)
			}
			if o.Period.Compare(iy.First) < 0 {
				iy.First = o.Period
			}
			if o.Period.Compare(iy.Last) > 0 {
				iy.Last = o.Period
			}
		}
	}
	var out []ImportYears
	for _, imp := range h.Imports {
		if iy, ok := byID[imp.ID]; ok && imp.Note == format && imp.Undone == nil {
			iy.Import = imp
			slices.Sort(iy.Refs)
			out = append(out, *iy)
		}
	}
	return out
}
