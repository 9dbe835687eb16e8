package importer

import (
	"fmt"

	"scorecard/app"
)

// A district sheet's England, statistical neighbours' and previous
// year's columns ("Kent | Ashford | ... | England | Stat neighbours |
// Previous year") were all said unread, "benchmarks on a district
// sheet", and their figures lost. They are the authority's benchmarks,
// read as an indicator sheet's beside its latest month are
// (readBenchmark), the sheet's period standing for that month: for the
// year the heading names or dates (datedBenchmarks), else the year
// before the sheet's month's or quarter's, said at the heading. Where
// neither heading nor sheet gives a year, or, for a previous year's
// outturn, the sheet holds no column of the authority's own, whose it
// would be, the column stays unread, said why.

// areaBenchmarkUnread says why a district sheet leaves its England,
// statistical neighbours' or previous year's column c unread; "" where
// it is read as the authority's benchmark. A locality sheet's are read
// as localityBenchmark says.
func (l *Layout) areaBenchmarkUnread(c Column) string {
	if l.localities != nil {
		if l.localityBenchmark(c.Role) {
			return ""
		}
		switch {
		case c.Role == RolePrevious:
			return "a previous year's column beside localities does not say whose it is, the city's or a locality's; give it on the city's sheet of months"
		case l.Period.IsYear():
			return fmt.Sprintf("the sheet of localities is dated %s, a year, not a month or quarter, so the year %s is for is not settled; title the sheet by the month or quarter its figures are for, such as \"%s\"",
				l.Period.Label(), guessedAs[c.Role], "Localities - March 2025")
		}
		return fmt.Sprintf("the sheet of localities names no month or quarter to date %s by; title the sheet by the month or quarter its figures are for, such as \"%s\"",
			guessedAs[c.Role], "Localities - March 2025")
	}
	auth := l.authority()
	if _, ok := l.authorityColumn(); c.Role == RolePrevious && !ok {
		return fmt.Sprintf("the sheet has no column of %s's own figures, so whose previous year's outturn it gives is unsaid; give it beside %s's column, or on %s's sheet of months",
			auth.Area(), auth.Area(), auth.Area())
	}
	if !c.Period.IsZero() || l.Period.Kind == app.Month || l.Period.Kind == app.Quarter {
		return ""
	}
	what, example := guessedAs[c.Role], map[Role]string{RoleEngland: "England", RoleNeighbours: "Stat neighbours", RolePrevious: "Previous year"}[c.Role]
	if l.Period.IsZero() {
		return fmt.Sprintf("it names no year, and the sheet gives no period to date %s by; head it with the year it is for, such as %q", what, example+" 2023/24")
	}
	y := l.Period.FinancialYearOf().Add(-1)
	if l.Period.Kind == app.FinancialYear || l.Period.Kind == app.AcademicYear {
		y = l.Period.Add(-1)
	}
	why := "the latest published runs a year or more behind"
	if c.Role == RolePrevious {
		why = "the year before it is a financial or an academic year as each indicator runs, which a year's title does not settle"
	}
	return fmt.Sprintf("it names no year, and the sheet is dated %s, not by a month or quarter, so the year %s is for cannot be known (%s); head it with the year it is for, such as %q",
		l.Period.Label(), what, why, example+" "+y.Label())
}

// benchmarkRead reports whether the sheet's England, statistical
// neighbours' or previous year's column c is read on the authority's
// rows: a sheet of months' always, a district sheet's as
// areaBenchmarkUnread says.
func (l *Layout) benchmarkRead(c Column) bool {
	if c.Role == RoleRegion && l.regionUnread(c) != "" {
		return false
	}
	return l.Kind == IndicatorSheet || l.Kind == DistrictSheet && l.areaBenchmarkUnread(c) == ""
}

// authorityColumn is a sheet of areas' column of the authority's own
// figures, for all children.
func (l *Layout) authorityColumn() (Column, bool) {
	a := l.authority().Area()
	return l.columnWhere(func(c *Column) bool { return c.Role == RoleArea && c.Area == a && c.Split == app.All })
}

// areaBenchmarkNote is what a sheet of areas' previous year's column
// read as the authority's says at its heading: a sheet of areas does
// not say whose it is, and it is taken for the authority's, whose
// column stands on the sheet; "" for any other column.
func (l *Layout) areaBenchmarkNote(c Column) string {
	if c.Role != RolePrevious || l.Kind != DistrictSheet || l.localities != nil || l.split != app.All || l.areaBenchmarkUnread(c) != "" {
		return ""
	}
	own, _ := l.authorityColumn()
	return fmt.Sprintf("column %s %q: read as %s's own previous year's outturn, whose column %s the sheet holds; a sheet of areas does not say whose it is: if it is a district's, give it on that district's sheet of months",
		c.Col, c.Header, own.Area, own.Col)
}
