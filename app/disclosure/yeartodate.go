package disclosure

import (
	"strings"
	"time"
	"unicode"

	"scorecard/app"
)

// A year to date is often given as an indicator of its own beside the
// monthly count it sums: "Children starting to be looked after in the
// month" and "..., year to date". Each is protected as an indicator, but a
// reader subtracts across them: May's year to date of 10 less May's month
// of 7 is April's 3, which both the month and the year to date withheld
// (QA probe 11). So where a year to date is the running sum of another
// indicator's months (its name or guidance says so and its figures do
// not belie it, or its figures alone bear it out: checkSums), its figure
// for a month is withheld wherever any month of the year so far is
// withheld: it is worked out after the months (releaseOrder), so that
// what they withhold is known. A year to date shown
// is then the sum of months shown, and tells a reader nothing the months
// do not; one withheld hides its months' withheld counts as they do.
//
// A rolling year and a quarter are sums of months too: the year to May
// less the year to April is May less May a year before, and a quarter
// less two of its months the third (the export campaign of the
// forty-third session recovered every month withheld so). Each is tied
// to its months as a year to date is, over its own twelve or three; so
// is a year's figure, over its twelve, and a percentage over any of
// these whose numerators or denominators sum a count's months.

// monthsSummed finds, among inds, the counts and percentages summing
// months (a year to date, a rolling year, a quarter, a year:
// sumsOverMonths) whose months another
// indicator gives, by their definitions: the sum's guidance names that
// indicator's Ref alone among the monthly counts, or the two names are
// the same but for the words saying which period each covers ("..., year
// to date", "... in the month"). It maps the sum's Ref to the months'.
func monthsSummed(inds []app.Indicator) map[string]string {
	var out map[string]string
	for _, ytd := range inds {
		if !sumsOverMonths(ytd) {
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

// sumsOverMonths reports whether ind, a count or a percentage, is one of
// a span of months by its definition: a year to date, a rolling year, a
// quarter or a year (spanOf).
func sumsOverMonths(ind app.Indicator) bool {
	return (isCount(ind) || ind.Measure == app.Proportion) && spanOf(ind) != ""
}

// sameKind reports whether m may give the months of sum: both counts, or
// both percentages, a percentage over the months being its months'
// numerators over their denominators (sumsMonths).
func sameKind(sum, m app.Indicator) bool {
	if sum.Measure == app.Proportion {
		return m.Measure == app.Proportion
	}
	return isCount(m) && m.Measure != app.Proportion
}

// spanOf is the span of months a count's figure takes in, by its Data
// Period, or where that is unstated or monthly by its name ("Adoptions
// (rolling year)", "... in the last 3 months"): a year to date, a rolling
// year, a quarter (the three months to the month, for monthly periods)
// or a year; "" for none.
func spanOf(ind app.Indicator) app.DataPeriod {
	switch ind.DataPeriod {
	case app.YearToDate, app.Rolling12, app.QuarterPeriod, app.Annual:
		return ind.DataPeriod
	case "", app.Monthly:
	default:
		return ""
	}
	n := spacedWords(ind.Name)
	for _, s := range []struct {
		words []string
		span  app.DataPeriod
	}{
		{[]string{" year to date ", " ytd ", " fytd "}, app.YearToDate},
		{[]string{" rolling year ", " rolling 12 months ", " rolling 12 month ", " 12 month rolling ", " rolling twelve months ", " last 12 months ", " previous 12 months ", " past 12 months ", " previous twelve months ", " last twelve months ", " past twelve months ", " r12m "}, app.Rolling12},
		{[]string{" rolling quarter ", " rolling 3 months ", " last 3 months ", " previous 3 months ", " last three months ", " previous three months ", " this quarter ", " in the quarter ", " in quarter "}, app.QuarterPeriod},
	} {
		for _, w := range s.words {
			if strings.Contains(n, w) {
				return s.span
			}
		}
	}
	return ""
}

// monthsIn is the first and last month the figure of ind, a sum of
// months (sumsOverMonths), for period p takes in; ok is false for a
// period it gives no such figure for. A year to date or a rolling year
// given for a quarter (2025-Q1) takes in the months to the quarter's
// last; a figure given for a year, the year's.
func monthsIn(ind app.Indicator, p app.Period) (first, last app.Period, ok bool) {
	span := spanOf(ind)
	if p.IsYear() {
		// A year's figure of a sum (a year to date or a rolling year
		// at the year's end, the year's own count) takes in its twelve
		// months.
		if span == app.QuarterPeriod {
			return first, last, false
		}
		m := p.StartMonth()
		first = app.MonthOf(m/12, time.Month(m%12+1))
		return first, first.Add(11), true
	}
	if p.Kind == app.Quarter {
		if span == app.QuarterPeriod {
			last = app.MonthOf(p.Year, time.Month(3*p.N))
			return last.Add(-2), last, true
		}
		p = app.MonthOf(p.Year, time.Month(3*p.N))
	}
	switch {
	case p.Kind != app.Month:
		return first, last, false
	case span == app.YearToDate:
		return yearToDateStart(ind, p), p, true
	case span == app.Rolling12:
		return p.Add(-11), p, true
	case span == app.QuarterPeriod:
		return p.Add(-2), p, true // the quarter to the month
	}
	return first, last, false
}

// yearToDateStart is the month ind's year to date for month p counts
// from: January for one its name says is of the calendar year ("...,
// calendar year to date"), which the app has no year type for; else its
// year's (Indicator.YearToDateStart). Counted from April, a calendar
// year's January to March were each belied, and four months withheld
// beside it were recovered.
func yearToDateStart(ind app.Indicator, p app.Period) app.Period {
	if strings.Contains(spacedWords(ind.Name), " calendar year ") {
		return app.MonthOf(p.Year, time.January)
	}
	return ind.YearToDateStart(p)
}

// summedMonthsOf is the indicator giving the months ytd sums (monthsSummed).
func summedMonthsOf(ytd app.Indicator, inds []app.Indicator) (string, bool) {
	var named []string
	var alike string
	name := periodFree(ytd.Name)
	for _, m := range inds {
		if m.Ref == ytd.Ref || !sameKind(ytd, m) || m.DataPeriod != app.Monthly && m.DataPeriod != "" || spanOf(m) != "" {
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
var periodWords = []string{"financial year to date", "year to date", "ytd", "fytd",
	"in the last 12 months", "in the 12 months to the end of the month", "last 12 months", "rolling 12 months", "rolling year", "r12m",
	"in the past 12 months", "past 12 months", "past twelve months", "previous twelve months", "last twelve months",
	"12 month rolling", "rolling 12 month", "rolling twelve months",
	"in the last 3 months", "last 3 months", "rolling 3 months", "rolling quarter",
	"in the quarter", "this quarter", "quarterly", "quarter",
	"in the month", "in month", "this month", "during the month", "monthly", "month"}

// periodFree is a name without its period's words, lower case, its words
// alone: "Number of children starting care (YTD)" and "Number of
// children starting care in month" are both "number of children starting
// care".
func periodFree(name string) string {
	s := spacedWords(name)
	for _, w := range periodWords {
		s = strings.ReplaceAll(s, " "+w+" ", " ")
	}
	return strings.TrimSpace(s)
}

// spacedWords is a name's words, lower case, one space between each and
// one at either end, so that a phrase is matched whole as " " + phrase +
// " ": "Adoptions (rolling year)" is " adoptions rolling year ".
func spacedWords(name string) string {
	return " " + strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, name)), " ") + " "
}

// MonthsSummed returns the indicator whose months ref, a sum of months
// (a year to date, a rolling year, a quarter), sums (monthsSummed), by
// the definitions h holds: the release of ref alone needs its figures.
func MonthsSummed(h *app.History, ref string) (string, bool) {
	ind, ok := h.Indicator(ref)
	if !ok || !sumsOverMonths(ind) {
		return "", false
	}
	return summedMonthsOf(ind, h.Indicators())
}

// withholdYearToDate withholds the figures of the sum of months among
// groups, whose months are those of the indicators months, where a month
// it takes in is withheld (see above).
func (r *release) withholdYearToDate(months []string, groups [][]figure) {
	ind, ok := r.h.Indicator(refOfGroups(groups))
	if !ok {
		return
	}
	for _, g := range groups {
		for _, f := range g {
			k := f.key()
			first, last, ok := monthsIn(ind, k.period)
			if !ok || r.hidden[k] {
				continue
			}
		months:
			for _, m := range months {
				for p := first; p.Compare(last) <= 0; p = p.Add(1) {
					// A month's figure, or its quarter's for
					// months given by the quarter (monthsSum).
					if r.hidden[figKey{m, k.area, k.split, p}] || r.hidden[figKey{m, k.area, k.split, quarterOf(p)}] {
						r.hidden[k] = true
						break months
					}
				}
			}
		}
	}
}

// confirmedMonthsSummed maps each sum of months among h's indicators to
// the indicators giving its months: the one its definition names
// (monthsSummed) where h's figures bear it out (sumsMonths); where its
// definition names none, or one its figures belie (a like-named
// indicator of other figures), every candidate whose figures h holds
// and gives them (givesMonths). A rolling year whose name is not its months'
// and whose guidance names none ("Adoptions over the previous twelve
// months" beside "Children adopted in the month") told its months by
// subtraction as surely as one named alike; and where two indicators
// give them (the months, and a copy of some of them under an old
// definition), a reader subtracts with either.
func confirmedMonthsSummed(h *app.History) map[string][]string {
	inds := h.Indicators()
	out := map[string][]string{}
	for ytd, months := range monthsSummed(inds) {
		if sumsMonths(h, ytd, months) {
			out[ytd] = []string{months}
		}
	}
	var keys map[string][]app.SeriesKey
	for _, sum := range inds {
		if _, named := out[sum.Ref]; named || !sumsOverMonths(sum) && !yearsAlone(h, sum) {
			continue
		}
		ms := monthsCandidates(sum, inds)
		if len(ms) > 0 && keys == nil {
			// Listed once: h.Keys sorts every key of the history.
			keys = map[string][]app.SeriesKey{}
			for _, k := range h.Keys() {
				keys[k.Ref] = append(keys[k.Ref], k)
			}
		}
		for _, m := range ms {
			if givesMonths(h, keys[sum.Ref], h, m) {
				out[sum.Ref] = append(out[sum.Ref], m)
			}
		}
	}
	return out
}

// monthsCandidates are the indicators whose figures may be the months of
// sum, a sum of months whose definition names none or one its figures
// belie (summedMonthsOf, sumsMonths): the
// monthly indicators of its kind (and, for a percentage, the counts that
// may be its numerators' or denominators' months), and the quarterly
// ones for a longer sum, each tried (givesMonths).
func monthsCandidates(sum app.Indicator, inds []app.Indicator) []string {
	var out []string
	for _, m := range inds {
		counted := sum.Measure == app.Proportion && isCount(m) && m.Measure != app.Proportion
		if m.Ref == sum.Ref || !sameKind(sum, m) && !counted {
			continue
		}
		switch span := spanOf(m); {
		case span == "" && (m.DataPeriod == app.Monthly || m.DataPeriod == ""),
			span == app.QuarterPeriod && spanOf(sum) != app.QuarterPeriod:
			// Months, or quarters a longer sum is made of.
			out = append(out, m.Ref)
		}
	}
	return out
}

// yearsAlone reports whether ind, a count or a percentage, is given for
// years alone in h (2024/25): a year's figure beside another indicator's
// months, whatever its Data Period says, as "Children adopted, full
// year" in a tidy file says nothing of one.
func yearsAlone(h *app.History, ind app.Indicator) bool {
	if !isCount(ind) && ind.Measure != app.Proportion {
		return false
	}
	given := false
	for _, k := range seriesKeysOf(h, ind.Ref) {
		for _, o := range h.Series(k) {
			if !o.Period.IsYear() {
				return false
			}
			given = true
		}
	}
	return given
}

// MonthsCandidates returns, for ref, a sum of months (a year to date, a
// rolling year, a quarter, a year; an indicator given for years alone,
// whose figures h holds), the indicators whose figures may be its months
// where its definition names none or one its figures belie
// (Reader.WithBeside reads each); h holds every definition.
func MonthsCandidates(h *app.History, ref string) []string {
	ind, ok := h.Indicator(ref)
	if !ok || !sumsOverMonths(ind) && !yearsAlone(h, ind) {
		return nil
	}
	return monthsCandidates(ind, h.Indicators())
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
