package importer

// A row whose own name names its kind of year: "Number of referrals
// (calendar year)" under plain years 2022, 2023, 2024 on a sheet whose
// title says nothing was filed as the financial years 2021/22 to
// 2023/24, a year and a quarter off, since yearKind reads only the
// title, header and sheet name. The row's own words decide its kind of
// year, where they differ from the sheet's, said at its name; a name
// naming two kinds leaves its plain-year figures unread.

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// rowYears is how one row reads the columns headed by plain years.
type rowYears struct {
	on   bool           // the sheet has plain-year columns
	kind app.PeriodKind // the kind of year its name says; 0 for none
	// refused says why its plain-year figures are not read ("" for read).
	refused string
	name    string
	at      int   // the name's column
	cols    []int // the columns read as its kind, or refused
}

// yearKindWords are the kinds of year a name names ("calendar year",
// "academic years").
var yearKindWords = map[string]app.PeriodKind{
	"calendar": app.CalendarYear, "academic": app.AcademicYear, "financial": app.FinancialYear,
}

// namedYearKinds are the kinds of year a row's name names, in order.
func namedYearKinds(name string) []app.PeriodKind {
	var kinds []app.PeriodKind
	ws := words(name)
	for i := 0; i+1 < len(ws); i++ {
		if k, ok := yearKindWords[ws[i]]; ok && (ws[i+1] == "year" || ws[i+1] == "years") && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// rowYearKind is how row r, of indicator ref, reads the sheet's plain
// years: as the kind its own name says, or a cohort row's without words
// of its own as its indicator's row did.
func (s *sheetReader) rowYearKind(r int, ref string) rowYears {
	if !s.l.guesses.plainYears {
		return rowYears{}
	}
	ry := rowYears{on: true, at: -1}
	nc, ok := s.l.column(RoleName)
	if !ok {
		return ry
	}
	ry.name, ry.at = strings.TrimSpace(s.at(r, &nc)), nc.index
	switch kinds := namedYearKinds(ry.name); len(kinds) {
	case 0:
		ry.kind = s.rowYearKinds[ref]
	case 1:
		ry.kind = kinds[0]
		if s.rowYearKinds == nil {
			s.rowYearKinds = map[string]app.PeriodKind{}
		}
		s.rowYearKinds[ref] = ry.kind
	default:
		var names []string
		for _, k := range kinds {
			names = append(names, k.Noun()+"s")
		}
		ry.refused = fmt.Sprintf("its name %q names %s, so which kind of year its plain years are cannot be told", ry.name, strings.Join(names, " and "))
	}
	return ry
}

// period is the period row ry reads column c's figure as; false for a
// figure not read.
func (ry *rowYears) period(s *sheetReader, c *Column) (app.Period, bool) {
	if !ry.on {
		return c.Period, true
	}
	g, ok := s.l.guesses.read[c.index]
	if !ok || g.plain == 0 {
		return c.Period, true
	}
	if ry.refused != "" {
		ry.cols = append(ry.cols, c.index)
		return app.Period{}, false
	}
	if ry.kind == 0 || ry.kind == c.Period.Kind {
		return c.Period, true
	}
	ry.cols = append(ry.cols, c.index)
	return yearOf(ry.kind, g.plain), true
}

// say warns, at row r's name, how its plain years were read where its
// own words decided it.
func (ry *rowYears) say(s *sheetReader, r int, ref string) {
	if len(ry.cols) == 0 {
		return
	}
	first, last := ry.cols[0], ry.cols[len(ry.cols)-1]
	cols := fmt.Sprintf("column %s", xlsx.ColumnName(first))
	if last != first {
		cols = fmt.Sprintf("columns %s to %s", xlsx.ColumnName(first), xlsx.ColumnName(last))
	}
	if ry.refused != "" {
		s.warn(r, ry.at, "%s: figures under plain years (%s) not read: %s; head the columns 2024/25, 2024/25 AY or 2025 (calendar year), or name one kind of year", ref, cols, ry.refused)
		return
	}
	fg, lg := s.l.guesses.read[first], s.l.guesses.read[last]
	why := fmt.Sprintf("its name %q says %ss", ry.name, ry.kind.Noun())
	if namedYearKinds(ry.name) == nil {
		why = fmt.Sprintf("its indicator's row names %ss", ry.kind.Noun())
	}
	s.warn(r, ry.at, "%s: figures under plain years (%s, %d to %d) read as %ss, %s to %s, not as %ss as the sheet's plain years are read: %s, and a row's own words decide its kind of year",
		ref, cols, fg.plain, lg.plain, ry.kind.Noun(), yearOf(ry.kind, fg.plain).Label(), yearOf(ry.kind, lg.plain).Label(), fg.period.Kind.Noun(), why)
}
