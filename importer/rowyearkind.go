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
	// said is what named its kind where not its name: its Data period
	// cell ("Calendar year").
	said string
	at   int   // the column of the words that named it
	cols []int // the columns read as its kind, or refused
	late []int // the columns whose year, of its kind, ends after the latest month
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
		if ry.kind = s.rowYearKinds[ref]; ry.kind != 0 {
			break
		}
		// A Data period of "Calendar year" on each row was left blank,
		// its calendar years filed as financial ones, nine months off,
		// with a warning that nothing on the sheet said which.
		if dc, ok := s.l.column(RoleDataPeriod); ok {
			text := strings.TrimSpace(s.at(r, &dc))
			if k := dataPeriodYearKind(text); k != 0 {
				ry.kind, ry.at, ry.said = k, dc.index, fmt.Sprintf("its data period %q says %ss", text, k.Noun())
				if s.rowYearKinds == nil {
					s.rowYearKinds = map[string]app.PeriodKind{}
				}
				s.rowYearKinds[ref] = k
			}
		}
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
	p := yearOf(ry.kind, g.plain)
	if m := s.l.guesses.lastMonth; !m.IsZero() && p.End().After(m.End()) {
		// As a run of such years is refused (notYearFigures): the year
		// has not ended by the latest month beside it.
		ry.late = append(ry.late, c.index)
		return app.Period{}, false
	}
	ry.cols = append(ry.cols, c.index)
	return p, true
}

// say warns, at row r's name, how its plain years were read where its
// own words decided it.
func (ry *rowYears) say(s *sheetReader, r int, ref string) {
	for _, c := range ry.late {
		g := s.l.guesses.read[c]
		p := yearOf(ry.kind, g.plain)
		s.warn(r, ry.at, "%s: figure under plain year %d (column %s) not read: %s, and %s would end after %s, the sheet's latest month, so it cannot have the year's figure yet; if it is a part-year or a target, head it so (2025 YTD, Target 2025/26)",
			ref, g.plain, xlsx.ColumnName(c), ry.why(), p.Label(), s.l.guesses.lastMonth.Label())
	}
	if len(ry.cols) == 0 {
		return
	}
	first, last := ry.cols[0], ry.cols[len(ry.cols)-1]
	cols := fmt.Sprintf("column %s", xlsx.ColumnName(first))
	if last != first {
		cols = fmt.Sprintf("columns %s to %s", xlsx.ColumnName(first), xlsx.ColumnName(last))
	}
	if ry.refused != "" {
		s.warn(r, ry.at, "%s: figures under plain years (%s) not read: %s; name one kind of year, head the columns 2024/25 or 2024/25 AY, or put calendar-year rows on a sheet whose title says calendar years", ref, cols, ry.refused)
		return
	}
	fg, lg := s.l.guesses.read[first], s.l.guesses.read[last]
	s.warn(r, ry.at, "%s: figures under plain years (%s, %d to %d) read as %ss, %s to %s, not as %ss as the sheet's plain years are read: %s, and a row's own words decide its kind of year",
		ref, cols, fg.plain, lg.plain, ry.kind.Noun(), yearOf(ry.kind, fg.plain).Label(), yearOf(ry.kind, lg.plain).Label(), fg.period.Kind.Noun(), ry.why())
}

// dataPeriodYearKind is the kind of year of a yearly Data period that
// names one ("Calendar year", "FY", "School year"); 0 for any other.
func dataPeriodYearKind(text string) app.PeriodKind {
	dp, year, err := app.ParseDataPeriodYear(text)
	switch {
	case err != nil || dp != app.Annual:
		return 0
	case year != 0:
		return year
	case strings.EqualFold(text, "CY") || strings.EqualFold(strings.Join(strings.Fields(text), " "), "calendar year"):
		return app.CalendarYear
	}
	return 0
}

// why says what named the row's kind of year: its name, its Data period,
// or its indicator's row's.
func (ry *rowYears) why() string {
	if ry.said != "" {
		return ry.said
	}
	if namedYearKinds(ry.name) == nil {
		return fmt.Sprintf("its indicator's row names %ss", ry.kind.Noun())
	}
	return fmt.Sprintf("its name %q says %ss", ry.name, ry.kind.Noun())
}
