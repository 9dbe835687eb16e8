package disclosure

import (
	"strings"
	"unicode"

	"scorecard/app"
)

// A year to date is often given as an indicator of its own beside the
// monthly count it sums: "Children starting to be looked after in the
// month" and "..., year to date". Each is protected as an indicator, but a
// reader subtracts across them: May's year to date of 10 less May's month
// of 7 is April's 3, which both the month and the year to date withheld
// (QA probe 11). So where a year to date is the running sum of another
// indicator's months (its name or guidance says so, and every figure
// bears it out), its figure for a month is withheld wherever any month of
// the year so far is withheld: the months' figures are worked out after
// every count, so that what they withhold is known. A year to date shown
// is then the sum of months shown, and tells a reader nothing the months
// do not; one withheld hides its months' withheld counts as they do.

// monthsSummed finds, among inds, the year-to-date counts whose months
// another indicator gives, by their definitions: the year to date's
// guidance names that indicator's Ref alone among the monthly counts, or
// the two names are the same but for the words saying which period each
// covers ("..., year to date", "... in the month"). It maps the year
// to date's Ref to the months'.
func monthsSummed(inds []app.Indicator) map[string]string {
	var out map[string]string
	for _, ytd := range inds {
		if ytd.DataPeriod != app.YearToDate || !isCount(ytd) {
			continue
		}
		if months, ok := summedMonthsOf(ytd, inds); ok {
			if out == nil {
				out = map[string]string{}
			}
			out[ytd.Ref] = months
		}
	}
	return out
}

// summedMonthsOf is the indicator giving the months ytd sums (monthsSummed).
func summedMonthsOf(ytd app.Indicator, inds []app.Indicator) (string, bool) {
	var named []string
	var alike string
	name := periodFree(ytd.Name)
	for _, m := range inds {
		if m.Ref == ytd.Ref || !isCount(m) || m.DataPeriod != app.Monthly && m.DataPeriod != "" {
			continue
		}
		if hasWord(ytd.Guidance, m.Ref) {
			named = append(named, m.Ref)
		}
		if name != "" && periodFree(m.Name) == name {
			alike = m.Ref
		}
	}
	switch {
	case len(named) == 1:
		return named[0], true
	case len(named) == 0 && alike != "":
		return alike, true
	}
	return "", false
}

// periodWords are the words of an indicator's name that say over which
// period it counts, not what.
var periodWords = []string{"financial year to date", "year to date", "ytd", "fytd", "in the month", "in month", "this month", "during the month", "monthly", "month"}

// periodFree is a name without its period's words, lower case, its words
// alone: "Number of children starting care (YTD)" and "Number of
// children starting care in month" are both "number of children starting
// care".
func periodFree(name string) string {
	s := " " + strings.ToLower(name) + " "
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	s = " " + strings.Join(strings.Fields(s), " ") + " "
	for _, w := range periodWords {
		s = strings.ReplaceAll(s, " "+w+" ", " ")
	}
	return strings.TrimSpace(s)
}

// MonthsSummed returns the indicator whose months ref, a year to date,
// sums (monthsSummed), by the definitions h holds: the release of ref
// alone needs its figures.
func MonthsSummed(h *app.History, ref string) (string, bool) {
	ind, ok := h.Indicator(ref)
	if !ok || ind.DataPeriod != app.YearToDate || !isCount(ind) {
		return "", false
	}
	return summedMonthsOf(ind, h.Indicators())
}

// sumsMonths reports whether every figure of the year to date ytd in h is
// its months' running sum over the year, in every area and split both
// give: the first month's is that month's, a later one's the month
// before's plus the month's. One figure that is not means the identity
// does not hold, and nothing is read across them.
func sumsMonths(h *app.History, ytd, months string) bool {
	ind, ok := h.Indicator(ytd)
	if !ok {
		return false
	}
	held := 0
	for _, k := range h.Keys() {
		if k.Ref != ytd {
			continue
		}
		mk := app.SeriesKey{Ref: months, Area: k.Area, Split: k.Split}
		for _, o := range h.Series(k) {
			if o.Period.Kind != app.Month || o.Status != app.OK || o.Value == nil {
				continue
			}
			m, ok := h.Observation(mk, o.Period)
			if !ok || m.Status != app.OK || m.Value == nil {
				continue
			}
			want := *m.Value
			if start := ind.YearToDateStart(o.Period); start != o.Period {
				before, ok := h.Observation(k, o.Period.Add(-1))
				if !ok || before.Status != app.OK || before.Value == nil {
					continue
				}
				want += *before.Value
			}
			if *o.Value != want {
				return false
			}
			held++
		}
	}
	return held > 0
}

// withholdYearToDate withholds the figures of the year to date among
// groups, whose months are those of the indicator months, where a month
// of its year so far is withheld (see above).
func (r *release) withholdYearToDate(months string, groups [][]figure) {
	ind, ok := r.h.Indicator(refOfGroups(groups))
	if !ok {
		return
	}
	for _, g := range groups {
		for _, f := range g {
			k := f.key()
			if k.period.Kind != app.Month || r.hidden[k] {
				continue
			}
			start := ind.YearToDateStart(k.period)
			for p, n := k.period, 0; p.Compare(start) >= 0 && n < 12; p, n = p.Add(-1), n+1 {
				if r.hidden[figKey{months, k.area, k.split, p}] {
					r.hidden[k] = true
					break
				}
			}
		}
	}
}

// confirmedMonthsSummed is monthsSummed of h's indicators, each borne
// out by h's figures (sumsMonths).
func confirmedMonthsSummed(h *app.History) map[string]string {
	out := monthsSummed(h.Indicators())
	for ytd, months := range out {
		if !sumsMonths(h, ytd, months) {
			delete(out, ytd)
		}
	}
	return out
}

// refOfGroups is the indicator whose figures groups are.
func refOfGroups(groups [][]figure) string {
	for _, g := range groups {
		if len(g) > 0 {
			return g[0].key().ref
		}
	}
	return ""
}
