package importer

// A sheet's title naming its kind of year, against year headings that
// name none. "Education Performance Scorecard (academic years)" over
// columns 2021/22 to 2023/24 had them filed as financial years, silently
// (QA30 finding 6): each school year then sat seven months early, and
// its indicators were reported missing for the financial year after.
// Plain years in figures (2021, 2022) already took the title's word
// (yearKind); a year written 2021/22 takes it too, said once at the
// title cell. A heading naming its own kind ("2021/22 AY", "FY 2021/22")
// keeps it, and where that differs from the title, the heading is
// warned: which is meant cannot be told from the sheet.

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// titleYearKind is the one kind of year a sheet's title rows (above row
// h) or, failing them, its name say its years are ("academic years",
// "Financial year 2024/25", "AY"), with the cell (or "the sheet's name")
// saying it. ok is false where none does, or where they name two kinds:
// "financial and academic years" says each row has its own.
func titleYearKind(sheet string, g *grid, h int) (kind app.PeriodKind, at, text string, ok bool) {
	kinds := map[app.PeriodKind]bool{}
	look := func(s, where string) {
		if !namesYearKind(s) && !saysYearCode(s) {
			return
		}
		for _, w := range words(s) {
			var k app.PeriodKind
			switch w {
			case "academic", "ay":
				k = app.AcademicYear
			case "financial", "fy":
				k = app.FinancialYear
			case "calendar":
				k = app.CalendarYear
			default:
				continue
			}
			if !kinds[k] && len(kinds) == 0 {
				kind, at, text = k, where, strings.TrimSpace(s)
			}
			kinds[k] = true
		}
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			look(s, cellName(r, c))
		}
	}
	if len(kinds) == 0 {
		look(sheet, "the sheet's name")
	}
	return kind, at, text, len(kinds) == 1
}

// saysYearCode reports whether s holds "AY" or "FY" as a word of its
// own, as a title says "Scorecard 2024/25 (AY)".
func saysYearCode(s string) bool {
	for _, w := range words(s) {
		if w == "ay" || w == "fy" {
			return true
		}
	}
	return false
}

// titleYears reads the financial-year headings of an indicator sheet
// that name no kind of year ("2021/22", "Target 2024/25") as academic
// years where the title says the sheet's years are academic, as plain
// years are (yearKind), and notes the reading for the title cell
// (l.titleYearNote, said by warnTitleYears). Headings naming a kind
// other than the title's are noted to be warned at their cells.
func titleYears(l *Layout, sheet string, g *grid, h int) {
	kind, at, text, ok := titleYearKind(sheet, g, h)
	if !ok {
		return
	}
	var moved []string
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Period.Kind != app.FinancialYear && c.Period.Kind != app.AcademicYear {
			continue
		}
		named := headingYearKind(c.Header, c.Period)
		if named != 0 {
			if named != kind {
				l.titleYearClash = append(l.titleYearClash, titleYearClash{
					index: c.index, header: c.Header, period: c.Period,
					why: fmt.Sprintf("its heading says %s but %s %q says the sheet's years are %ss; read as its heading says: if the title is right, head it %s",
						c.Period.Kind.Noun(), at, text, kind.Noun(), app.Period{Kind: kind, Year: c.Period.Year}.Label()),
				})
			}
			continue
		}
		if kind != app.AcademicYear {
			if kind == app.CalendarYear {
				l.titleYearClash = append(l.titleYearClash, titleYearClash{
					index: c.index, header: c.Header, period: c.Period,
					why: fmt.Sprintf("%q names a year across two calendar years, read as the financial year %s, though %s %q says the sheet's years are calendar years: head it with the year alone (2024) if it is one", c.Header, c.Period.Label(), at, text),
				})
			}
			continue
		}
		c.Period.Kind = app.AcademicYear
		moved = append(moved, fmt.Sprintf("%s %q", cellName(l.HeaderRow-1, c.index), c.Header))
	}
	if len(moved) == 0 {
		return
	}
	l.titleYearAt = at
	l.titleYearNote = fmt.Sprintf("%q says the sheet's years are academic years (September to August): the years headed without saying which kind (%s) read as academic years, not financial; head a column FY 2024/25 where one is a financial year",
		text, strings.Join(moved, ", "))
}

// titleYearClash is a year heading naming another kind of year than its
// sheet's title (titleYears), with why, to be warned at the heading.
type titleYearClash struct {
	index  int
	header string
	period app.Period
	why    string
}

// warnTitleYears says how the sheet's title read its year headings
// (titleYears): once at the title cell, and at each heading naming
// another kind of year than the title.
func (s *sheetReader) warnTitleYears() {
	if s.l.titleYearNote != "" {
		if s.l.titleYearAt == "the sheet's name" {
			s.out.warn(s.l.Sheet, "A1", "the sheet's name %s", s.l.titleYearNote)
		} else {
			s.out.warn(s.l.Sheet, s.l.titleYearAt, "the title %s", s.l.titleYearNote)
		}
	}
	for _, c := range s.l.titleYearClash {
		s.warn(s.l.HeaderRow-1, c.index, "column %q: %s", c.header, c.why)
	}
}
