package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// yearNow is the year plain years in headings may run to, next year's
// at the latest; a variable so that tests can fix it.
var yearNow = func() int { return time.Now().Year() }

// yearHeadings reads a header row's plain years in figures ("2021",
// typed as a number or as text) as yearly periods, where they run as
// years do: two or more, left to right a year or two apart in one
// direction, from 1990 to next year. A number alone, or numbers that do
// not run so, is no year (a count, a code of digits): those are refused,
// and said so at their headings. So is a run that gives targets, or
// years beside months ending after the latest of them
// (notYearFigures). A year may be marked revised, provisional or year
// to date (yearHeading). The kind of year is a guess, said once at the
// first year's heading (yearKind); a row whose own name names a kind of
// year reads them as that kind (rowYearKind).
func yearHeadings(gs *headingGuesses, sheet string, g *grid, h int, heads []string, rowOf func(c int) int) {
	var cols, years []int
	var kinds []string
	for c, head := range heads {
		y, kind, ok := yearHeading(strings.TrimSpace(head))
		if !ok || g.look(rowOf(c), c).date {
			continue
		}
		cols, years, kinds = append(cols, c), append(years, y), append(kinds, kind)
	}
	if len(cols) == 0 {
		return
	}
	cols, years, kinds = refuseRepeatedYears(gs, heads, cols, years, kinds)
	if cols, years, kinds = refuseTargetYears(gs, g, rowOf, cols, years, kinds); len(cols) == 0 {
		return
	}
	if !yearRun(years) {
		for _, c := range cols {
			gs.refused[c] = "a plain number is read as a year only among others running as years do (2021, 2022, 2023): head it with its year, 2024/25"
		}
		return
	}
	kind, why := yearKind(sheet, g, h)
	refuse, beside, latest := notYearFigures(sheet, g, h, heads, rowOf, cols, years, kind)
	if refuse != "" {
		for _, c := range cols {
			gs.refused[c] = refuse
		}
		gs.unsure = append(gs.unsure, fmt.Sprintf("columns %s to %s headed by plain years not read: %s", xlsx.ColumnName(cols[0]), xlsx.ColumnName(cols[len(cols)-1]), refuse))
		return
	}
	gs.plainYears, gs.lastMonth = true, latest
	noteAt := -1 // the run's note is said at its first year read as the year's own
	for i, c := range cols {
		p := yearOf(kind, years[i])
		pg := periodGuess{period: p, row: rowOf(c), kind: kinds[i], plain: years[i]}
		if kinds[i] != plainYearKind {
			pg.note = markedYearNote(c, strings.TrimSpace(heads[c]), kinds[i], p)
			if kinds[i] == yearToDateKind {
				pg.span, pg.dp = true, app.YearToDate
			}
		} else if noteAt < 0 {
			noteAt = c
		}
		gs.read[c] = pg
	}
	if noteAt < 0 {
		noteAt = cols[0]
	}
	first, last := cols[0], cols[len(cols)-1]
	fp, lp := gs.read[first].period, gs.read[last].period
	named := map[app.PeriodKind]string{
		app.FinancialYear: "financial years, each the year to 31 March of its number",
		app.AcademicYear:  "academic years, each the year to 31 August of its number",
		app.CalendarYear:  "calendar years",
	}[kind]
	// An indicator known to run by academic year reads a financial
	// year as its academic year (see the warning at its first figure):
	// the year ending in the same summer, as the DfE names school years.
	other := "an indicator known to run by academic year (its Year type, or the store) takes the academic year ending in the same year, 2025 as 2024/25 AY; one not known to is filed as the financial year: head its columns 2024/25 AY"
	if kind != app.FinancialYear {
		other = "every row's are read so: head a row's columns 2024/25 for financial years or 2024/25 AY for academic ones where they differ"
	}
	// Said at a row whose name says otherwise (rowYearKind).
	other += "; a row whose name or Data period names its kind of year (\"(calendar year)\", \"Calendar year\") takes that kind"
	if beside != "" {
		other += "; " + beside
	}
	g0 := gs.read[noteAt]
	note := fmt.Sprintf("columns %s to %s headed by plain years (%d to %d) read as %s (%s to %s), as %s; %s",
		xlsx.ColumnName(first), xlsx.ColumnName(last), years[0], years[len(years)-1], named, fp.Label(), lp.Label(), why, other)
	if g0.note != "" {
		note += "; " + g0.note
	}
	g0.note = note
	gs.read[noteAt] = g0
	gs.unsure = append(gs.unsure, fmt.Sprintf("columns %s to %s headed by plain years read as %s", xlsx.ColumnName(first), xlsx.ColumnName(last), named))
}

// refuseRepeatedYears refuses a year marked revised, provisional or year
// to date whose year another column heads too ("2025 | 2025
// (revised)"): which of the two gives the year cannot be said of a plain
// year as of a month. The rest are returned.
func refuseRepeatedYears(gs *headingGuesses, heads []string, cols, years []int, kinds []string) ([]int, []int, []string) {
	var oc, oy []int
	var ok []string
	for i, c := range cols {
		j := slices.Index(years, years[i])
		if j == i {
			j = slices.Index(years[i+1:], years[i])
			if j >= 0 {
				j += i + 1
			}
		}
		if kinds[i] != plainYearKind && j >= 0 {
			gs.refused[c] = fmt.Sprintf("%d heads column %s %q too, and which of them gives the year cannot be told: head each with its year, 2024/25 and 2024/25 (revised)", years[i], xlsx.ColumnName(cols[j]), strings.TrimSpace(heads[cols[j]]))
			continue
		}
		oc, oy, ok = append(oc, c), append(oy, years[i]), append(ok, kinds[i])
	}
	return oc, oy, ok
}

// plainYear reads a heading that is a year in figures and nothing else,
// from 1990 to next year.
func plainYear(s string) (int, bool) {
	s = strings.TrimSuffix(s, ".0") // a number cell some writers keep as 2021.0
	if len(s) != 4 || !allDigits(s) {
		return 0, false
	}
	y, _ := strconv.Atoi(s)
	return y, y >= EarliestYear && y <= yearNow()+1
}

// yearRun reports whether years run as a row of years does: two or more,
// each a year or two on from the last, all one way.
func yearRun(years []int) bool {
	if len(years) < 2 {
		return false
	}
	dir := 0
	for i := 1; i < len(years); i++ {
		d := years[i] - years[i-1]
		step := 1
		if d < 0 {
			d, step = -d, -1
		}
		if d < 1 || d > 2 || dir != 0 && step != dir {
			return false
		}
		dir = step
	}
	return true
}

// yearKind is the kind of year a sheet's plain years are, and why: the
// one its title rows, a caption in its header row or its name say
// ("Academic years", "Calendar year outturns", "FY"), else a financial
// year, each named by the year it ends in, as children's services count
// their years to 31 March (the DfE's SSDA903 and CIN census returns,
// whose children looked after at 31 March 2025 are the year 2024/25).
func yearKind(sheet string, g *grid, h int) (app.PeriodKind, string) {
	say := func(s, where string) (app.PeriodKind, string, bool) {
		for _, w := range words(s) {
			switch w {
			case "academic", "ay":
				return app.AcademicYear, fmt.Sprintf("%s %q says academic years", where, strings.TrimSpace(s)), true
			case "financial", "fy":
				return app.FinancialYear, fmt.Sprintf("%s %q says financial years", where, strings.TrimSpace(s)), true
			case "calendar":
				return app.CalendarYear, fmt.Sprintf("%s %q says calendar years", where, strings.TrimSpace(s)), true
			}
		}
		return 0, "", false
	}
	for r := titleTop(g, h); r < h && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			if k, why, ok := say(s, "the title "+cellName(r, c)); ok {
				return k, why
			}
		}
	}
	// A caption in the header row itself ("Children looked after
	// (calendar year)") says it only where it names a kind of year, as
	// the header's other cells name measures ("Academic attainment").
	if h >= 0 && h < len(g.rows) {
		for c, s := range g.rows[h] {
			if !namesYearKind(s) {
				continue
			}
			if k, why, ok := say(s, "the heading "+cellName(h, c)); ok {
				return k, why
			}
		}
	}
	if k, why, ok := say(sheet, "the sheet's name"); ok {
		return k, why
	}
	return app.FinancialYear, "nothing on the sheet says which kind of year (its title, header and name), and children's services count most years to 31 March (children looked after at 31 March 2025 are the year 2024/25 in the DfE's returns)"
}

// titleTop is the first of the title rows above header row h: those
// after the last row above it of more than three cells, which is another
// table's (a row of figures, a header) and no title. On a sheet of
// several tables, a row's Data period "AY" in the table above (D12) was
// read as the title of a table of calendar years below it, captioned
// "Calendar year measures", and its years filed as academic ones.
func titleTop(g *grid, h int) int {
	for r := min(h, len(g.rows)) - 1; r >= 0; r-- {
		n := 0
		for _, s := range g.rows[r] {
			if strings.TrimSpace(s) != "" {
				n++
			}
		}
		if n > 3 {
			return r + 1
		}
	}
	return 0
}

// namesYearKind reports whether s names a kind of year: "calendar
// year", "academic years", "financial year".
func namesYearKind(s string) bool {
	ws := words(s)
	for i := 0; i+1 < len(ws); i++ {
		switch ws[i] {
		case "academic", "financial", "calendar":
			if ws[i+1] == "year" || ws[i+1] == "years" {
				return true
			}
		}
	}
	return false
}

// yearOf is the year of kind named by y: the financial or academic year
// ending in y, or the calendar year y.
func yearOf(kind app.PeriodKind, y int) app.Period {
	if kind == app.CalendarYear {
		return app.Period{Kind: kind, Year: y}
	}
	return app.Period{Kind: kind, Year: y - 1}
}
