package importer

// A heading's kind of year against its row's: columns headed "AY
// 2020/21" filed a row whose Year type says Financial as academic years,
// silently (QA23b D5), where the list kept it financial: its
// financial-year targets then met none of its figures, and beside
// financial years each was shown a year late. Both the heading and the
// row say which kind of year, and they disagree: which is meant cannot
// be told, so the row's figures under such headings are not read, and
// said at the first, naming both. A plain "2020/21", which says no kind,
// is the row's (academicYears); "FY 2020/21" says financial as plainly
// as "AY 2020/21" says academic.

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// yearClash is one row's figures refused for a heading naming another
// kind of year than the row's.
type yearClash struct {
	cols  []int
	first app.Period // the first refused column's year
	last  app.Period
}

// headingYearKind is the kind of year a period heading names outright:
// academic for "AY 2020/21" or "Academic year 2020-21", financial for
// "FY 2020/21" or "2020/21 (financial year)"; zero for a heading that
// names no kind ("2020/21"), or is no year.
func headingYearKind(head string, p app.Period) app.PeriodKind {
	switch p.Kind {
	case app.AcademicYear:
		return app.AcademicYear // no heading reads as one without saying so
	case app.FinancialYear:
		ws := words(head)
		for i, w := range ws {
			if w == "fy" || w == "financial" && i+1 < len(ws) && (ws[i+1] == "year" || ws[i+1] == "yr") {
				return app.FinancialYear
			}
		}
		if t := strings.ToLower(strings.TrimSpace(head)); strings.HasPrefix(t, "fy") {
			return app.FinancialYear // FY2020/21
		}
	}
	return 0
}

// clashes reports whether row ind's figure under column c, read as
// period p, is under a heading naming another kind of year than the row
// states, and if so keeps it to be said (sayYearClash).
func (yc *yearClash) clashes(s *sheetReader, ind *rowIndicator, c *Column, p app.Period) bool {
	if s.l.Kind != IndicatorSheet || ind.yearType != app.AcademicYear && ind.yearType != app.FinancialYear || p != c.Period {
		return false
	}
	k := headingYearKind(c.Header, p)
	if k == 0 || k == ind.yearType {
		return false
	}
	if len(yc.cols) == 0 {
		yc.first = p
	}
	yc.cols = append(yc.cols, c.index)
	yc.last = p
	return true
}

// say warns, at row r's first refused figure, that its figures under
// headings naming another kind of year were not read.
func (yc *yearClash) say(s *sheetReader, r int, ind *rowIndicator) {
	if len(yc.cols) == 0 {
		return
	}
	first, last := yc.cols[0], yc.cols[len(yc.cols)-1]
	cols := fmt.Sprintf("column %s, %s", xlsx.ColumnName(first), yc.first.Label())
	if last != first {
		cols = fmt.Sprintf("columns %s to %s, %s to %s", xlsx.ColumnName(first), xlsx.ColumnName(last), yc.first.Label(), yc.last.Label())
	}
	said := "its row says"
	if c, ok := s.l.column(RoleYearType); ok && strings.TrimSpace(s.at(r, &c)) != "" {
		said = fmt.Sprintf("its year type at %s says", cellName(r, c.index))
	}
	headed, fix := yc.first.Kind.Noun(), "head its columns with its own kind of year"
	switch ind.yearType {
	case app.FinancialYear:
		fix = "set its year type to Academic if they are school years, or head its columns with financial years, such as " + app.Period{Kind: app.FinancialYear, Year: yc.first.Year}.String()
	case app.AcademicYear:
		fix = "set its year type to Financial if they are financial years, or head its columns with academic years, such as " + app.Period{Kind: app.AcademicYear, Year: yc.first.Year}.Label()
	}
	s.warn(r, first, "%s: figures under %s headings (%s) not read: their headings say %ss but %s it runs by %s, and which is meant cannot be told (read as either, its figures would be dated some months out); %s",
		ind.ref, headed, cols, headed, said, ind.yearType.Noun(), fix)
}

// sayAcademicTarget says, at row r's first target cell, that a target
// column's financial year (its heading's "Target 2024/25", or the row's
// Target Year) was read as the academic year of the same name for an
// indicator whose row says it runs by academic year, as its figures'
// years are said (academicYears); it had been moved silently.
func (s *sheetReader) sayAcademicTarget(r int, c *Column, ref string, year app.Period) {
	ay := app.Period{Kind: app.AcademicYear, Year: year.Year}
	from := fmt.Sprintf("column %s %q", c.Col, c.Header)
	if c.Period.IsZero() {
		from = "its row's target year"
	}
	// A heading saying financial year is refused before (readRowExtras).
	s.warn(r, c.index, "%s runs by academic year: its %s for %s (%s) read as for the academic year %s, as are its other targets' years not said to be academic",
		ref, c.Role, year.Label(), from, ay.Label())
}
