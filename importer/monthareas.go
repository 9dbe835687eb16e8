package importer

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
)

// A sheet of months may head each month's columns by the area and the
// children they count, "Mar-25 Kent | Mar-25 Kent excl UASC | Apr-25
// Kent | ..." (or "Kent excl UASC Mar-25"): no such heading was known,
// and every figure under them was said unread. Each is read as a
// district sheet's "Kent excl UASC" column is (areaCohortOf), for the
// month its heading names, and said at its heading; a heading naming
// another council's area, or words besides the area's and a cohort's
// ("Mar-25 Kent excl UASC YTD"), is refused there, saying why.

// monthAreaHeading parts a heading into the month or quarter it names,
// first or last ("Mar-25 Kent excl UASC", "Kent excl UASC (Mar-25)"),
// and the rest, where the rest names an area, any council's, alone or
// then which children it counts (areaWords): a heading of any other
// words is not taken, and is said unknown as before. The rest is read
// against the store's authority once it is known (settleMonthAreas).
func monthAreaHeading(head string) (period app.Period, area string, ok bool) {
	ok = periodAtEither(head, func(part, rest string) bool {
		p, read := monthOrQuarterOf(part)
		if !read {
			p, read = areaYearOf(part) // ChAT's "Leeds 2023-24" (chatyears.go)
		}
		if read && areaWords(rest) {
			period, area = p, rest
			return true
		}
		return false
	})
	return period, area, ok
}

// periodAtEither offers take each way head parts into words of a period,
// one to three at its start or its end, and the rest (trimmed of the
// dashes and colons between), shortest first, until take takes one.
func periodAtEither(head string, take func(part, rest string) bool) bool {
	ws := strings.Fields(head)
	for k := 1; k <= 3 && k < len(ws); k++ {
		for _, lead := range []bool{true, false} {
			part, rest := ws[:k], ws[k:]
			if !lead {
				part, rest = ws[len(ws)-k:], ws[:len(ws)-k]
			}
			if take(strings.Join(part, " "), strings.Trim(strings.Join(rest, " "), " -–:,")) {
				return true
			}
		}
	}
	return false
}

// areaWords reports whether words name an area, any council's, alone
// ("Kent"), then which children they count ("Kent excl UASC", "Kent
// excl 16+": areaCohortHeading), or then a cohort's name alone ("Kent
// UASC"), which claimsCohort leaves to a whole heading.
func areaWords(s string) bool {
	if _, ok := app.AnyArea(s); ok || areaCohortHeading(s) || namedWithMore(s) {
		return true
	}
	ws := strings.Fields(s)
	for i := len(ws) - 1; i >= 1; i-- {
		lead := strings.TrimRight(strings.Join(ws[:i], " "), " -–:,(")
		if _, ok := app.AnyArea(lead); ok {
			tail := strings.Join(ws[i:], " ")
			_, named, _ := splitOf(tail)
			return named && onlyCohortWords(tail)
		}
	}
	return false
}

// monthOrQuarterOf reads words as a month or quarter's heading
// ("Mar-25", "(Mar 2025)", "Q4 2024/25"), not as a number, which
// periodHeading would take for a date's serial: "Kent 2025" names no
// month.
func monthOrQuarterOf(s string) (app.Period, bool) {
	s = strings.Trim(s, " ()[]-–:,")
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return app.Period{}, false
	}
	p, ok := periodHeading(s)
	if !ok || p.Kind != app.Month && p.Kind != app.Quarter || early(p) {
		return app.Period{}, false
	}
	return p, true
}

// monthArea reports whether c is a sheet of months' column whose heading
// names its area beside its month (monthAreaHeading).
func (l *Layout) monthArea(c Column) bool {
	return l.Kind == IndicatorSheet && c.Role == RolePeriod && c.Area != ""
}

// settleMonthAreas reads the area a sheet of months' column heading
// names beside its month as the authority's, as a district sheet's
// column is read (areaCohortOf): the authority or one of its districts,
// alone or with one cohort the app holds, said at the heading. Any other
// is taken out of the columns and refused at its heading (warnUnused):
// another council's area, words besides a cohort's, or, on a sheet whose
// rows each name their area, a column naming another.
func (ac *areaCheck) settleMonthAreas(file string, l *Layout) []app.Warning {
	var warns []app.Warning
	byRow, hasRowAreas := l.rowAreaColumn()
	kept := l.Columns[:0]
	for _, c := range l.Columns {
		if !l.monthArea(c) {
			kept = append(kept, c)
			continue
		}
		// Read from the heading, as a saved layout's (a profile's) area
		// is its settled reading, not the words it was read from.
		name := string(c.Area)
		if _, rest, ok := monthAreaHeading(lastPart(c.Header)); ok {
			name = rest
		}
		at := app.Location{File: file, Sheet: l.Sheet, Cell: c.Col + fmt.Sprint(l.HeaderRow)}
		why := ""
		if sp, named, _ := splitOf(name); named && sp != app.All && onlyCohortWords(name) {
			// "Mar-25 UASC": a district sheet's "UASC" is the UASC
			// Service's column, but beside a month it may as well be the
			// authority's UASC children's figure.
			m := c.Period.Label() + " "
			service := app.Area(name)
			if a, ok := ac.auth.ParseArea(name); ok {
				service = a
			}
			why = fmt.Sprintf("%q may name the %s's figure or %s's, counting %s: head it %q for the one, or %q for the other",
				name, service, ac.auth.Area(), splitWords(sp), m+string(service), m+string(ac.auth.Area())+" "+name)
		} else if a, own := ac.auth.ParseArea(name); own {
			c.Area = a // a saved layout's cohort for it kept
		} else if ac.auth.NamedWithMore(name) {
			c.Area = ac.auth.Area() // "Kent LA 2022-23", said by monthAreaNote
		} else if a, sp, ok := areaCohortOf(ac.auth, name); ok {
			c.Area, c.Split = a, sp
		} else if why = monthCohortRefused(ac.auth, name, c.Period); why == "" {
			// Another council's area, perhaps a neighbour's figure
			// beside the authority's: refused at its heading, as a
			// scorecard of the authority's own may well hold one.
			m := c.Period.Label() + " " + string(ac.auth.Area())
			why = fmt.Sprintf("%q is not %s or one of its districts, alone or with one cohort the app holds; give another council's figures in its own store, and head a column of %s's figures for %s by the month and area, such as %q or %q",
				name, ac.auth.Name, ac.auth.Name, c.Period.Label(), m, m+" excl UASC")
		}
		if why == "" && hasRowAreas {
			why = fmt.Sprintf("it names %s's figures, though column %s names each row's area; give each row's figures in columns headed by the month alone", c.Area, byRow.Col)
		}
		if why != "" {
			l.refuseColumn(c.index, why)
			continue
		}
		ac.own++
		warns = append(warns, app.Warning{Location: at, Message: monthAreaNote(c)})
		kept = append(kept, c)
	}
	l.Columns = kept
	return warns
}

// monthAreaNote is the warning a column read by settleMonthAreas gives.
func monthAreaNote(c Column) string {
	return fmt.Sprintf("column %s %q: read as %s's figures for %s, counting %s", c.Col, c.Header, c.Area, c.Period.Label(), splitWords(c.Split))
}
