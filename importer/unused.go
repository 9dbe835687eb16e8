package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// tidyRoles are the columns a tidy table's reader reads (the first
// visible column of each role).
var tidyRoles = map[Role]bool{
	RoleRef: true, RolePeriod: true, RolePeriodStart: true, RoleArea: true, RoleCohort: true, RoleValue: true,
	RoleNumerator: true, RoleDenominator: true, RoleStatus: true, RoleRule: true,
	RoleName: true, RoleSection: true, RolePolarity: true, RoleUnit: true, RoleDataPeriod: true,
	RoleOwner: true, RoleTarget: true, RoleFloor: true,
}

// oneARow are the roles a scorecard reads from one column only, the
// first (readIndicator): an indicator has one Ref, name and polarity. A
// second such column, not a table of its own beside the first
// (sideTables), is not read, and said so: its polarity had silently
// replaced the first's.
var oneARow = map[Role]bool{
	RoleRef: true, RoleName: true, RolePolarity: true, RoleDataPeriod: true, RoleUnit: true,
	RoleGuidance: true, RoleDecimals: true, RoleMeasure: true, RoleUnaffected: true, RoleOwner: true,
	RoleSection: true,
}

// unread reports why the reader of l's kind leaves column c unread, or
// "" when it reads it.
func (l *Layout) unread(c Column) string {
	if l.shadowed(c) {
		return "hidden, and says what a visible column says"
	}
	if (c.Role == RoleMilestone || c.Role == RoleMilestoneFloor) && l.Kind != TargetSheet {
		return "milestones are read from a targets table (Ref, Year, Target, Floor, then a column per milestone)"
	}
	switch l.Kind {
	case TidySheet:
		if !tidyRoles[c.Role] {
			return fmt.Sprintf("a tidy table's %s column is not read", c.Role)
		}
		if first, _ := l.column(c.Role); first.index != c.index {
			return fmt.Sprintf("a second %s column; column %s was read", c.Role, first.Col)
		}
	case TargetSheet:
		switch c.Role {
		case RoleRef, RoleYear, RoleTarget, RoleFloor, RoleTolerance, RoleArea, RoleMilestone, RoleMilestoneFloor:
		default:
			return fmt.Sprintf("a targets table's %s column is not read", c.Role)
		}
	case IndicatorSheet, DistrictSheet:
		if l.split != app.All && yearRole(c.Role) {
			// Every row counts the sheet's cohort, and an indicator's
			// targets and benchmarks are its all children's: none is
			// read (readRowExtras), which had gone unsaid.
			return fmt.Sprintf("the sheet's title or name says its figures count %s, and an indicator's targets and benchmarks are read beside all children's figures only; give them on a sheet of all children's", splitWords(l.split))
		}
		if oneARow[c.Role] {
			if first, _ := l.column(c.Role); first.index != c.index {
				return fmt.Sprintf("a second %s column; column %s was read", c.Role, first.Col)
			}
		}
		switch c.Role {
		case RoleCohort:
			if first, _ := l.column(RoleCohort); first.index != c.index {
				return fmt.Sprintf("a second cohort column; column %s was read", first.Col)
			}
		case RoleValue, RoleStatus, RoleYear, RoleRule, RolePeriodStart:
			return fmt.Sprintf("a scorecard sheet's %s column is not read", c.Role)
		case RolePeriod:
			if l.Kind == DistrictSheet && c.Area != "" {
				// "Mar-25 Kent excl UASC" beside districts (monthAreaHeading).
				return fmt.Sprintf("it names %s beside %q, and a sheet of areas is read for one period, its title's or name's; head it by the area alone, such as %q", c.Period.Label(), c.Area, c.Area)
			}
			if l.Kind == DistrictSheet && l.guesses.read[c.index].relative {
				// "Same month last year" (kindOf): whose figure it is, the
				// authority's or a district's, the sheet does not say.
				return fmt.Sprintf("it names %s by its place from the report's %s, and a sheet of areas is read for that one period, not saying whose figure for %s this is; "+
					"give it on the sheet of months of the area it is for, or import the district sheet of %s", c.Period.Label(), l.Period.Label(), c.Period.Label(), c.Period.Label())
			}
			if l.Kind == DistrictSheet || c.Period.IsZero() {
				return "a period column on a sheet of areas is not read"
			}
		case RoleArea:
			if first, ok := l.rowAreaColumn(); ok && c.Area == "" {
				if first.index != c.index {
					return fmt.Sprintf("a second area column; column %s was read", first.Col)
				}
				return ""
			}
			if l.Kind == IndicatorSheet || c.Area == "" {
				return "an area column on a sheet of months is not read"
			}
		case RolePrevious, RoleEngland, RoleNeighbours:
			if l.Kind == DistrictSheet {
				return l.areaBenchmarkUnread(c)
			}
		case RoleRegion:
			return l.regionUnread(c)
		}
	}
	return ""
}

// warnUnused lists in the validation report every column of the sheet
// the reader leaves unread, at its heading: a heading not recognised, a
// column the sheet's kind does not use, a hidden duplicate, and a column
// with figures but no heading. Nothing a user gave is dropped without a
// line saying so.
func (s *sheetReader) warnUnused() {
	l, g := &s.l, s.g
	h := l.HeaderRow - 1
	if h < 0 || h >= len(g.rows) {
		return
	}
	label := h
	if l.FirstRow-1 > h+1 && h+1 < len(g.rows) {
		label = h + 1 // a second header row
	}
	byIndex := map[int]*Column{}
	for i := range l.Columns {
		byIndex[l.Columns[i].index] = &l.Columns[i]
	}
	width := len(g.rows[h])
	if label != h {
		width = max(width, len(g.rows[label]))
	}
	// Where tables stand side by side, each says only of its own columns
	// (sideTables).
	first, end := s.span.lo, width
	if s.span.hi > 0 {
		end = min(width, s.span.hi)
	}
	var blank []int // columns within the headings that have none
	var early []string
	earlyAt, earlyRow := -1, label
	for c := first; c < end; c++ {
		if s.hierarchy.has(c) {
			continue // read with the month (tidyhierarchy.go)
		}
		if s.tidyPercent != nil && s.tidyPercent.col.index == c {
			continue // checked against the figures (tidypercent.go)
		}
		if col, ok := byIndex[c]; ok {
			why := l.unread(*col)
			if first, _ := l.column(col.Role); why != "" && oneARow[col.Role] && first.index != col.index && g.mergedHeading(h, l.FirstRow-1, first, *col) {
				continue // a cell of the read column's merged heading
			}
			if why != "" {
				s.warn(h, c, "column %s %q not read: %s", col.Col, col.Header, why)
				s.noteUnreadFigures(c)
			} else if col.guessed {
				s.warn(h, c, "column %s %q read as %s, from words in its heading", col.Col, col.Header, cmp.Or(guessedAs[col.Role], string(col.Role)))
			}
			if note := l.areaBenchmarkNote(*col); note != "" {
				s.warn(h, c, "%s", note)
			}
			if note := l.regionNote(*col); note != "" {
				s.warn(h, c, "%s", note)
			}
			// Another region's column, refused, is read for no year.
			if col.yearNote != "" && (col.Role != RoleRegion || why == "") {
				s.warn(h, c, "%s", col.yearNote)
			}
			s.warnGuessedHeading(c)
			continue
		}
		if l.captionedOut(c) {
			continue // said at its caption (warnNotActuals)
		}
		head := strings.TrimSpace(g.at(label, c))
		at := label
		if head == "" {
			head, at = strings.TrimSpace(g.at(h, c)), h
		}
		if head == "" {
			blank = append(blank, c)
			continue
		}
		s.noteUnreadFigures(c) // each way on from here says it is not read
		if p, ok := g.earlyHeading(at, c, head); ok {
			if earlyAt < 0 {
				earlyAt, earlyRow = c, at
			}
			early = append(early, fmt.Sprintf("%s (%s)", xlsx.ColumnName(c), p.Label()))
			continue
		}
		if why, ok := l.refusedHeads[c]; ok {
			if strings.Trim(head, "0123456789.") == "" {
				// A date cell's heading is its serial: the why names its date.
				s.warn(at, c, "column %s not read: %s", xlsx.ColumnName(c), why)
				continue
			}
			s.warn(at, c, "column %s %q not read: %s", xlsx.ColumnName(c), head, why)
			continue
		}
		if why := l.subs.unreadWhy(c); why != "" { // a variance under a month
			s.warn(at, c, "column %s %q not read: %s", xlsx.ColumnName(c), head, why)
			continue
		}
		if why, ok := l.guesses.refused[c]; ok { // a month superseded by its revision
			s.warn(at, c, "column %s %q not read: %s", xlsx.ColumnName(c), head, why)
			continue
		}
		if role, p, _ := headerRole(head); role != "" {
			if role == RolePeriod && !p.IsZero() && targetsSheet(l.Sheet, g, h) {
				// Left out by detection (layoutFrom). A date cell's
				// heading is its serial number: name its month instead.
				if strings.Trim(head, "0123456789.") == "" {
					head = p.Label()
				}
				s.warn(at, c, "column %s %q not read: on a sheet of targets a period's column holds its target or milestone, not its figure; give targets as a targets table (Ref, Year, Target, Floor) and milestones as columns such as Q1 target", xlsx.ColumnName(c), head)
				continue
			}
			// A saved layout (a profile) set it to be ignored.
			s.warn(at, c, "column %s %q not read: the layout used sets it to be ignored", xlsx.ColumnName(c), head)
			continue
		}
		if s.warnRowNumbers(at, c, head) {
			continue
		}
		s.warn(at, c, "column %s %q not read: %s", xlsx.ColumnName(c), head, l.guesses.notReadWhy(c, head))
	}
	if len(early) > 0 {
		what := "column " + early[0]
		if len(early) > 1 {
			what = "columns " + strings.Join(early, ", ")
		}
		s.warn(earlyRow, earlyAt, "%s not read: months before %d are not read (a year typed wrongly, or not a reporting month?)", what, EarliestYear)
	}
	// Entries with no heading, in one pass over the rows: under a blank
	// heading or beyond the last.
	filled := map[int]bool{}
	for r := max(l.FirstRow-1, 0); r < len(g.rows); r++ {
		if s.tableBelow(r) {
			break
		}
		row := g.rows[r]
		for _, c := range blank {
			if c < len(row) && strings.TrimSpace(row[c]) != "" {
				filled[c] = true
			}
		}
		for c := width; c < len(row) && s.span.hi <= 0; c++ {
			if !filled[c] && strings.TrimSpace(row[c]) != "" {
				filled[c] = true
			}
		}
	}
	cols := make([]int, 0, len(filled))
	for c := range filled {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for _, c := range cols {
		s.warn(h, c, "column %s not read: it has entries but no heading", xlsx.ColumnName(c))
		s.noteUnreadFigures(c)
	}
}

// rowTarget is a target or floor a tidy table gives on a figure's row,
// for the year of the row's period: which year, financial or academic,
// is known only once every sheet is read.
type rowTarget struct {
	cell   string
	period app.Period
	t      app.Target
}
