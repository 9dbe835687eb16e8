package importer

import (
	"slices"
	"strings"

	"scorecard/app"
)

// ChAT, and councils' tables copied from it, head the authority's own
// columns by its name and the year ("Leeds 2022-23", "Leeds 2023-24")
// beside "England 2023-24" and "Statistical neighbours 2023-24". The
// benchmarks' headings were read, the authority's were not: a sheet of
// them had no period columns and was refused "no header row found". So
// an area's name with a financial or academic year is read as a month's
// with its area is (monthAreaHeading): the year's figure of the
// authority, said at its heading, and another council's refused there.

// areaYearOf reads words beside an area's name as a financial or
// academic year ("2023-24", "2023/24 AY"), as a heading's year is read.
func areaYearOf(s string) (app.Period, bool) {
	s = strings.Trim(s, " ()[]-–:,")
	p, rest := cutYear(s)
	if p.IsZero() || strings.TrimSpace(rest) != "" || early(p) {
		return app.Period{}, false
	}
	return p, true
}

// namedWithMore reports whether s names an authority, any council's,
// with words or a code its name leaves out, as ChAT heads its columns
// ("Kent LA 2022-23", "Leeds (383) 2023-24"), so that such a heading is
// read as its area's, as "Kent 2022-23" is; whose area it is is settled
// against the store's authority (settleMonthAreas).
func namedWithMore(s string) bool {
	return slices.ContainsFunc(app.Authorities(), func(a *app.Authority) bool { return a.NamedWithMore(s) })
}
