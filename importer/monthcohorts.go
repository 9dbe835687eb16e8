package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// A sheet of months may give a cohort's figures beside all children's,
// each month's column headed by the month and the children it counts,
// "Mar-25 | Mar-25 excl UASC" (or "Excl UASC Mar-25"), naming no area:
// the figures are the row's area's, for that cohort. No such heading was
// known, and every figure under it was said unread with no advice. A
// heading naming a cohort alone, with no month ("UASC only"), names no
// period and is refused at its heading, saying how to head it
// (monthlessCohort); a month with an area and a cohort ("Mar-25 Kent
// excl UASC") is monthAreaHeading's.

// monthCohortHeading parts a heading into the month or quarter it names,
// first or last, and the cohort the rest counts, where the rest is
// nothing but one cohort the app holds, plainly, not all children
// ("excl UASC", "UASC only").
func monthCohortHeading(head string) (period app.Period, split app.Split, ok bool) {
	split = app.All
	ok = periodAtEither(head, func(part, rest string) bool {
		p, read := monthOrQuarterOf(part)
		if !read {
			return false
		}
		if sp, named, doubt := splitOf(rest); named && doubt == "" && sp != app.All && onlyCohortWords(rest) {
			period, split = p, sp
			return true
		}
		return false
	})
	return period, split, ok
}

// monthlessCohort says why a heading naming only which children its
// figures count ("UASC only", "Excl UASC") is not read on a sheet of
// indicators: it names no period. "" for any other heading.
func monthlessCohort(h string) string {
	t := strings.TrimSpace(h)
	sp, named, doubt := splitOf(t)
	if !named || doubt != "" || sp == app.All || !onlyCohortWords(t) {
		return ""
	}
	return fmt.Sprintf("it counts %s but names no month or quarter, and a cohort's figures are read for the period their heading names: head each period's column of them by the period and the cohort, such as %q beside %q",
		splitWords(sp), "Mar-25 "+t, "Mar-25")
}

// warnMonthCohorts says at each heading read by monthCohortHeading what
// its figures were read as.
func (s *sheetReader) warnMonthCohorts() {
	for _, c := range s.l.Columns {
		if c.Role != RolePeriod || c.Area != "" || c.Split == app.All {
			continue
		}
		if _, sp, ok := monthCohortHeading(lastPart(c.Header)); !ok || sp != c.Split {
			continue
		}
		s.warn(s.l.HeaderRow-1, c.index, "column %s %q: read as each row's figures for %s, counting %s, beside the row's figures for all children",
			c.Col, c.Header, c.Period.Label(), splitWords(c.Split))
	}
}
