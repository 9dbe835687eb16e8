package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// headerAgain reports whether row r of a scorecard, whose Ref column
// holds ref, is a header row below the first: "Ref" in the Ref column
// beside an Indicator, period or year heading. A sheet often repeats its
// header under each section, or puts a second table (annual measures,
// districts) below the first with its own header; read as an indicator
// that row had become one named "Indicator", its period headings figures.
// Only a Ref without a digit is looked at further, keeping data rows cheap.
func (s *sheetReader) headerAgain(r int, ref string) bool {
	if (!hasDigit(ref) || s.l.keyedByName()) && s.headerElsewhere(r) {
		return true
	}
	if ref == "" || len(ref) > 30 || hasDigit(ref) || roleWords()[normHeader(ref)] != RoleRef {
		return false
	}
	roles := rowRoles(s.tableRow(r))
	return roles[RoleName]+roles[RolePeriod]+roles[RoleYear] > 0
}

// nextTable reads the header row r found by headerAgain and returns its
// last header row (a second one may sit under it) and whether the rows
// below it are read. A header repeating the one in force changes
// nothing. A header with month, quarter or year columns of its own
// starts a new column mapping for the rows below, and says so: read by
// the first header's columns, a table of years had been filed as months.
// A header repeating only labels (Ref, Indicator) leaves the columns as
// they were. Any other table (of areas, of targets) is not read, and the
// rows under it are said to be skipped (endSkip).
func (s *sheetReader) nextTable(r int, title string) (int, bool) {
	old := &s.l
	nl, err := layoutFrom(old.Sheet, s.g, r)
	if err != nil {
		return r, false
	}
	end := max(nl.FirstRow-2, r)
	if s.span != whole {
		// A table beside another: its own columns again, read only if
		// they are of the kind the whole row's are.
		if nl = nl.within(s.span); kindOf(&nl) != nl.Kind {
			return end, false
		}
	}
	nl.auth, nl.optNames, nl.AreaNames = old.auth, old.optNames, old.AreaNames
	var what string
	switch {
	case sameColumns(nl.Columns, old.Columns):
		return end, true
	case nl.Kind == DistrictSheet:
		if !s.districtTable(&nl, title) {
			return end, false
		}
		what = fmt.Sprintf("a table of areas: the rows below it are read as the areas' figures for %s", nl.Period.Label())
	case nl.Kind != IndicatorSheet:
		return end, false
	case !slices.ContainsFunc(nl.Columns, func(c Column) bool { return c.Role == RolePeriod && !c.Period.IsZero() }):
		s.warn(r, s.span.lo, "row %d repeats header labels but names no periods: read as a header, and the rows below by the columns of row %d", r+1, old.HeaderRow)
		return end, true
	default:
		nl.Area, nl.Period = old.Area, old.Period
		what = fmt.Sprintf("another table: the rows below it are read by its columns (%s)", periodSpan(nl.Columns))
	}
	// The figures so far are the first table's: say what was laid out
	// ahead of them before the columns change.
	s.warnAhead()
	s.ahead = ahead{}
	was := old.HeaderRow
	s.l = nl
	// The latest period with a figure is this table's: the months above
	// had dated a yearly table's plain targets to the year of their
	// latest month (2025/26), a year it had no figure for.
	s.figured.until, s.figured.done = app.Period{}, false
	s.warn(r, s.headingCell(r), "row %d is the header of %s, not by row %d's", r+1, what, was)
	s.warnUnused()
	s.warnYearOrMonth()
	s.warnCalendarQuarters()
	s.warnWordedPeriods()
	s.warnNotActuals()
	s.warnMonthsUnderYears()
	s.warnQuarterEnds()
	s.warnTitleYears()
	s.latest = s.sheetLatest()
	return end, true
}

// districtTable readies a table of areas below a scorecard's months to
// be read: every area column one the authority has (or the officer has
// mapped), its period the month the title above it names, else the
// latest month above. Unknown areas, or no month, leave it unread: the
// checks a sheet of areas gets for them are made sheet by sheet.
func (s *sheetReader) districtTable(nl *Layout, title string) bool {
	for i := range nl.Columns {
		c := &nl.Columns[i]
		if c.Role != RoleArea {
			continue
		}
		name := lastPart(c.Header)
		a, ok := nl.authority().ParseArea(name)
		if !ok {
			if a, ok, _ = nl.readArea(name); !ok {
				return false
			}
		}
		c.Area = a
	}
	nl.Area, nl.TitlePeriod = "", app.Period{}
	nl.Period = s.latest
	if m, ok := findAsAtMonth(title, ""); ok {
		nl.Period = m
	} else if d, _, ok := asAtDateIn(title); ok {
		nl.Period = app.MonthOf(d.Year(), d.Month())
	}
	return nl.Period.Kind == app.Month
}

// sameColumns reports whether two layouts read every column alike.
func sameColumns(a, b []Column) bool {
	return slices.EqualFunc(a, b, func(x, y Column) bool {
		return x.index == y.index && x.Role == y.Role && x.Period == y.Period && x.Area == y.Area
	})
}

// periodSpan names the first and last period columns, for a warning.
func periodSpan(cols []Column) string {
	var ps []string
	for _, c := range cols {
		if c.Role == RolePeriod && !c.Period.IsZero() {
			ps = append(ps, c.Col+" "+c.Period.Label())
		}
	}
	switch len(ps) {
	case 0:
		return "none of them periods"
	case 1:
		return ps[0]
	}
	return ps[0] + " to " + ps[len(ps)-1]
}

// endSkip says which rows, from row from up to row to (0-based, to
// excluded), under the header at row head were not read: a table below
// the first that a scorecard sheet cannot read in place (nextTable).
func (s *sheetReader) endSkip(head, from, to int) {
	if from < 0 {
		return
	}
	first, last := -1, -1
	for r := from; r < min(to, len(s.g.rows)); r++ {
		if !blankRow(s.tableRow(r)) {
			if first < 0 {
				first = r
			}
			last = r
		}
	}
	if first < 0 {
		return
	}
	what := fmt.Sprintf("rows %d to %d", first+1, last+1)
	if first == last {
		what = fmt.Sprintf("row %d", first+1)
	}
	s.warn(head, s.headingCell(head), "%s not read: the header at row %d starts another table (%s) below the first, which is not read in place; give it a sheet of its own", what, head+1, strings.TrimSpace(strings.Join(nonBlank(s.tableRow(head)), ", ")))
}

// nonBlank are a row's cells that have text, for a warning.
func nonBlank(row []string) []string {
	var out []string
	for _, t := range row {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
