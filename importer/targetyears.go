package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// plainTargetYears dates the Target, Floor and Tolerance columns of a
// scorecard whose headings name no year, where others beside them do.
// "Target 2024/25" beside a plain "Floor" sets one year's target and
// floor: read by the latest month, the floor would fall in another year
// than its target and neither would rate a figure. So a plain column
// takes the year its neighbours name where they name one only and none
// of its own role has a year; otherwise (a plain "Target" beside
// "Target 2024/25", or neighbours naming two years) it keeps the year
// of each row's latest month. Either way its heading says so
// (warnUnused), as a reading from beside the heading, not in it.
func plainTargetYears(l *Layout) {
	if l.Kind != IndicatorSheet && l.Kind != DistrictSheet {
		return
	}
	var years []app.Period
	var first *Column // the first column naming a year
	dated := map[Role]bool{}
	for i := range l.Columns {
		c := &l.Columns[i]
		if !targetRole(c.Role) || c.Period.IsZero() || isSubPart(*c) {
			continue // a month's own target (periodSubColumns) dates no plain one
		}
		dated[c.Role] = true
		if first == nil {
			first = c
		}
		if !slices.Contains(years, c.Period) {
			years = append(years, c.Period)
		}
	}
	// The year a plain heading was read as before its neighbours were
	// looked at: the latest period's. Taking their year where it is that
	// one changes nothing, and needs no word.
	var earliest, latest app.Period
	for _, c := range l.Columns {
		if c.Role != RolePeriod || c.Period.IsZero() {
			continue
		}
		if latest.IsZero() || c.Period.Compare(latest) > 0 {
			latest = c.Period
		}
		if earliest.IsZero() || c.Period.Compare(earliest) < 0 {
			earliest = c.Period
		}
	}
	if len(years) == 0 {
		plainTargetsAcrossYears(l, earliest, latest)
		return
	}
	if !latest.IsZero() {
		latest = latest.FinancialYearOf()
	}
	for i := range l.Columns {
		c := &l.Columns[i]
		if !targetRole(c.Role) || !c.Period.IsZero() {
			continue
		}
		if len(years) == 1 && !dated[c.Role] {
			c.Period = years[0]
			if years[0] == latest {
				continue
			}
			c.yearNote = fmt.Sprintf("column %s %q read as %s for %s, the year column %s %q names: head it with its year if it is for another",
				c.Col, c.Header, guessedAs[c.Role], years[0].Label(), first.Col, first.Header)
			continue
		}
		labels := make([]string, len(years))
		for j, y := range years {
			labels[j] = y.Label()
		}
		c.yearNote = fmt.Sprintf("column %s %q names no year, beside columns that name %s: read as %s for the year of the latest month with figures; head it with its year",
			c.Col, c.Header, strings.Join(labels, " and "), guessedAs[c.Role])
	}
}

// plainTargetsAcrossYears says, at each target, floor and tolerance
// heading naming no year, that it was read as the year of each row's
// latest month where the months beside it, earliest to latest, run
// across two years: the earlier year's months are then not rated
// against it, a guess an officer must see (a plain "Target" beside
// Feb-25 to May-25 rates April and May only). Within one year the
// reading is the only one, and needs no word.
func plainTargetsAcrossYears(l *Layout, earliest, latest app.Period) {
	if earliest.IsZero() || earliest.FinancialYearOf() == latest.FinancialYearOf() {
		return
	}
	for i := range l.Columns {
		c := &l.Columns[i]
		if !targetRole(c.Role) || !c.Period.IsZero() {
			continue
		}
		if earliest.Kind != app.Month {
			c.yearNote = fmt.Sprintf("column %s %q names no year, and the years beside it run from %s to %s: read as %s for the latest year with figures, so the years before are not rated against it; head it with its year",
				c.Col, c.Header, earliest.Label(), latest.Label(), guessedAs[c.Role])
			continue
		}
		c.yearNote = fmt.Sprintf("column %s %q names no year, and the months beside it run from %s to %s, across two years: read as %s for the year of the latest month with figures, so a month of the year before is not rated against it; head it with its year",
			c.Col, c.Header, earliest.Label(), latest.Label(), guessedAs[c.Role])
	}
}

// targetRole reports whether a column of role r gives a year's target,
// floor or tolerance.
func targetRole(r Role) bool {
	return r == RoleTarget || r == RoleFloor || r == RoleTolerance
}
