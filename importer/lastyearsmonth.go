package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// A scorecard may give, beside its months, the same month a year before
// for comparison, its heading naming the month and saying what it is:
// "Mar-25 (same month last year)". Its words of a previous year made it
// a previous year's outturn, which a month is not, and the column was
// not read, said with a reason that named the month's abbreviation (QA
// probe 9). It is read as the month it names where that month is within
// the year before the latest month the row heads.

// lastYearsMonth reads a heading naming a month or quarter and saying it
// is the same one a year before ("Mar-25 (same month last year)",
// "Q4 2024/25 - same quarter last year"): the period, where it is before
// latest, the latest period among the row's other headings, by no more
// than a year.
func lastYearsMonth(head string, latest app.Period) (app.Period, bool) {
	t := strings.TrimSpace(head)
	cut := noteCut(t)
	if cut <= 0 {
		return app.Period{}, false
	}
	p, ok := periodHeading(strings.TrimSpace(t[:cut]))
	if !ok || p.Kind != app.Month && p.Kind != app.Quarter || latest.Kind != p.Kind {
		return app.Period{}, false
	}
	words := nameWords(strings.ToLower(t[cut:]))
	if !hasWord(words, "last", "previous", "prior") || !hasWord(words, "year", "yr") {
		return app.Period{}, false
	}
	for _, w := range words {
		switch w {
		case "same", "month", "quarter", "period", "last", "previous", "prior", "year", "yr", "as", "at", "for", "the", "of":
		default:
			return app.Period{}, false
		}
	}
	// "Mar-26 (same month last year)" beside months to Mar-26 may mean
	// Mar-25's figure: a period is read so only where it is before the
	// latest, and no more than a year before it.
	if p.Compare(latest) >= 0 || p.Compare(yearBefore(latest)) < 0 {
		return app.Period{}, false
	}
	return p, true
}

// noteCut is where a heading's note after its period starts: at a
// bracket, or a dash or colon set apart by a space ("Mar-25 - same
// month last year"), not the dash within "Mar-25"; -1 for none.
func noteCut(h string) int {
	cut := -1
	for _, sep := range []string{"(", " - ", " – ", ": "} {
		if i := strings.Index(h, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	return cut
}

// mayBeLastYears reports whether a heading may be lastYearsMonth's, as
// few are: it says "year" after a bracket, dash or colon. Asked of every
// heading of every sheet, it allocates nothing.
func mayBeLastYears(h string) bool {
	cut := noteCut(h)
	return cut > 0 && strings.Contains(strings.ToLower(h[cut:]), "year")
}

// yearBefore is the month or quarter a year before p.
func yearBefore(p app.Period) app.Period {
	p.Year--
	return p
}

// latestHeading is the latest month or quarter among a row's headings.
func latestHeading(heads []string) app.Period {
	var latest app.Period
	for _, h := range heads {
		if p, ok := periodHeading(strings.TrimSpace(h)); ok && (p.Kind == app.Month || p.Kind == app.Quarter) && (latest.IsZero() || p.Compare(latest) > 0) {
			latest = p
		}
	}
	return latest
}

// warnLastYearsMonths says at each heading read by lastYearsMonth what
// its figures were read as.
func (s *sheetReader) warnLastYearsMonths() {
	for _, c := range s.l.Columns {
		if c.Role != RolePeriod || !mayBeLastYears(c.Header) {
			continue
		}
		if _, ok := periodHeading(strings.TrimSpace(c.Header)); ok {
			continue
		}
		cut := noteCut(c.Header)
		if cut <= 0 {
			continue
		}
		if p, ok := periodHeading(strings.TrimSpace(c.Header[:cut])); !ok || p != c.Period {
			continue
		}
		if words := nameWords(strings.ToLower(c.Header[cut:])); !hasWord(words, "last", "previous", "prior") {
			continue
		}
		s.warn(s.l.HeaderRow-1, c.index, "%s", fmt.Sprintf("column %s %q read as %s, the period it names, within the year before the latest beside it: its words after the period say only which it is", c.Col, c.Header, c.Period.Label()))
	}
}
