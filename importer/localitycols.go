package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// A city's locality sheet heads its columns by the city and its
// localities ("Leeds | East | North West | South"), for the month its
// title and name give ("Localities Mar-25"), and has no month columns.
// Only the city's own heading was an area the importer knew, so the
// sheet was read as a scorecard of months with none: no figure at all.
// Read as a sheet of areas, the city's column is the authority's and
// each locality an area of its own, kept under its name and warned (as
// any unknown area heading is, areaCheck.unknownArea), dated by the
// title or the sheet's name and said where that date came from.

// localityColumns says how a sheet of localities was read: where its
// areas are headed, and where its period came from.
type localityColumns struct {
	cell   string     // the first area's heading
	span   string     // the area columns, "C3:F3"
	period app.Period // the period found, the month or else a longer one
	source string     // where it was found: "the title at A1", "the sheet's name"
}

// notAreaWords are words of a heading that make it other than an area's
// name: a total, a check, a comparison or a figure's own wording. Such a
// column is left unread and said so (warnUnused).
var notAreaWords = map[string]bool{
	"total": true, "totals": true, "check": true, "difference": true, "diff": true, "variance": true,
	"change": true, "average": true, "avg": true, "mean": true, "median": true, "sum": true,
	"region": true, "regional": true, "national": true, "england": true, "neighbours": true,
	"neighbour": true, "comparator": true, "comparators": true, "benchmark": true, "target": true,
	"rag": true, "trend": true, "count": true, "number": true, "rate": true, "percent": true,
	"percentage": true, "value": true, "previous": true, "last": true, "year": true, "month": true,
	"quarter": true, "ytd": true, "notes": true, "note": true, "comment": true, "comments": true,
	"rank": true, "ranking": true, "status": true, "position": true,
}

// asAreaName reports whether a heading could be an area's name: words of
// letters only, not many, none of notAreaWords.
func asAreaName(head string) bool {
	if head == "" || strings.ContainsFunc(head, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsSpace(r) && !strings.ContainsRune("&-'.,", r)
	}) {
		return false
	}
	ws := words(head)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if notAreaWords[w] {
			return false
		}
	}
	return true
}

// readLocalityColumns reads as a sheet of areas an indicator sheet with
// no period columns, one column headed by an area the importer knows
// (the authority, or a district) and others whose headings name no role
// but could be areas' names, with figures beneath, two or more of them
// where an England, neighbours' or previous year's column stands beside
// (England's and the neighbours' are then read as benchmarks on a sheet
// of one month, localityBenchmark, and else said unread): each is
// an area, and the sheet is dated as a district sheet is, by its title or
// name (titlePeriod). It does nothing to any other sheet.
func readLocalityColumns(l *Layout, sheet string, g *grid, h, label, width int) {
	if l.Kind != IndicatorSheet {
		return
	}
	ref, ok := l.column(RoleRef)
	if !ok {
		return
	}
	known := map[int]bool{}
	areas := 0
	comparators := false
	for _, c := range l.Columns {
		known[c.index] = true
		switch {
		case c.Role == RolePeriod, c.Role == RoleYear, c.Role == RoleArea && c.Area == "":
			return // months, years, or an Area column naming each row's
		case c.Role == RoleEngland, c.Role == RoleNeighbours, c.Role == RolePrevious, c.Role == RoleRegion:
			// The authority's figure beside its comparators ("Kent |
			// England | South East"): a sheet of benchmarks, whose
			// other heading may be a region, not a locality. Two or
			// more such headings are localities (checked below).
			comparators = true
		case c.Role == RoleArea:
			areas++
		}
	}
	var added []Column
	// an area's heading with its children's ("Kent incl UASC"), or the
	// authority's with more words ("Leeds (383)")
	cohorts := false
	for c := ref.index + 1; c < width; c++ {
		head := strings.TrimSpace(g.at(label, c))
		if head == "" && label != h {
			head = strings.TrimSpace(g.at(h, c))
		}
		if known[c] || !figuresBelow(g, l.FirstRow-1, c) {
			continue
		}
		withCohort := areaCohortHeading(head)
		// The authority's name with its code ("Leeds (383)") is no
		// locality's, but read as the authority by readArea, said so
		// at its heading.
		withMore := authorityWithMore(head)
		if !withCohort && !asAreaName(head) && !withMore {
			continue
		}
		cohorts = cohorts || withCohort || withMore
		added = append(added, Column{Col: xlsx.ColumnName(c), Header: head, Role: RoleArea, Area: app.Area(head), Hidden: g.isHidden(c), index: c})
	}
	// With no area known outright, the authority's columns by its
	// children ("Kent incl UASC | Kent excl UASC") or its name with more
	// words ("Leeds (383) | East | West") are the sheet's areas,
	// read or refused at their headings (areaCohortOf); they had been
	// said unknown, and the sheet gave no figure.
	if areas == 0 && !cohorts || len(added) == 0 || comparators && len(added) < 2 {
		return
	}
	l.Columns = append(l.Columns, added...)
	slices.SortStableFunc(l.Columns, func(a, b Column) int { return a.index - b.index })
	l.Kind = DistrictSheet
	l.Period, l.TitlePeriod, l.titleDate = titlePeriod(sheet, g, h)
	var first, last Column
	for _, c := range l.Columns {
		if c.Role == RoleArea {
			if first.Col == "" {
				first = c
			}
			last = c
		}
	}
	lc := &localityColumns{cell: cellName(l.HeaderRow-1, first.index),
		span: cellName(l.HeaderRow-1, first.index) + ":" + cellName(l.HeaderRow-1, last.index)}
	lc.period, lc.source = l.Period, periodSource(sheet, g, h, l.Period, l.titleDate)
	if l.Period.IsZero() {
		lc.period, lc.source = l.TitlePeriod, periodSource(sheet, g, h, l.TitlePeriod, titleDate{})
	}
	l.localities = lc
}

// localityBenchmark reports whether a locality sheet's column of role
// is read as a benchmark: England's or the statistical neighbours'
// beside the city and its localities ("Leeds | England | East | North"),
// on a sheet dated by one month (QA21 M7) or quarter (QA23b D8: "Leeds
// localities - Q2 2025/26"). Each row's figure is read as an indicator
// sheet's beside that month or quarter would be (readBenchmark): for the
// year its heading names or dates (datedBenchmarks), else the year
// before the month's (quarter's), said once at the heading
// (warnUndatedBenchmarks). Unread, a sheet's England figures were lost,
// said only as "benchmarks on a district sheet". A sheet dated by a year
// gives no month to date an undated heading by, and a previous year's
// column beside localities may be any area's: those stay unread, said
// with how to lay them out (areaBenchmarkUnread).
func (l *Layout) localityBenchmark(role Role) bool {
	return l.Kind == DistrictSheet && l.localities != nil && (l.Period.Kind == app.Month || l.Period.Kind == app.Quarter) &&
		(role == RoleEngland || role == RoleNeighbours)
}

// periodSource says where a sheet's title rows (above 0-based row h) or
// name give period p, as titlePeriod found it; "" where p is zero.
func periodSource(sheet string, g *grid, h int, p app.Period, d titleDate) string {
	if p.IsZero() {
		return ""
	}
	if d.month == p && d.cell != "" {
		return fmt.Sprintf("the month of the date %s the title gives at %s", d.text, d.cell)
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			if m, ok := findAsAtMonth(s, leftText(g.rows[r], c)); ok && m == p {
				return "the month the title at " + cellName(r, c) + " names"
			}
			if m, ok := findMonthRange(s); ok && m == p {
				return "the period the title at " + cellName(r, c) + " names"
			}
			if m, ok := findLongerPeriod(s); ok && m == p {
				return "the period the title at " + cellName(r, c) + " names"
			}
		}
	}
	return fmt.Sprintf("the period the sheet's name %q names", sheet)
}

// warnLocalityColumns says, at the first area's heading, that the
// sheet's columns were read as areas and where their date came from. A
// sheet dated otherwise, by the scorecard's latest month, is said so
// where that is done (readWorkbook).
func (s *sheetReader) warnLocalityColumns() {
	lc := s.l.localities
	if lc == nil || lc.period.IsZero() || s.l.Period != lc.period {
		return
	}
	s.out.warn(s.l.Sheet, lc.cell, "the sheet has no month columns: its columns %s are read as areas, their figures dated %s, %s",
		lc.span, s.l.Period.Label(), lc.source)
}

// undatedAt is the cell at which a sheet of areas with no period is
// refused: a locality sheet's first area heading, whose columns would be
// read, else A1, where its title would name the period.
func (l *Layout) undatedAt() string {
	if l.localities != nil {
		return l.localities.cell
	}
	return "A1"
}
