package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// A sheet of months down and areas across ("Month | Bristol | North and
// West | East Central | South | Total", one figure a cell) gives one
// indicator, named by its title (or, with none, by the sheet's name), or
// one for each block of such rows under a title of its own. Teams lay out
// locality figures so. It had been refused as having no header, a
// message naming nothing it has; with Ref and Period columns added, it
// was read as a tidy table whose Area column was the first area's, each
// count ("351") an area of its own (QA33 F4). Each figure is now filed
// under its row's month and its column's area (MonthsDownSheet,
// readmonthsdown.go); a sheet naming no indicator at all is refused at
// its first area's heading, saying how to lay it out.

// monthsDownLayout finds, in rows from to to of g (0-based, to excluded),
// the header of a sheet of months down and areas across, and lays it out.
// It reports false where the sheet is not one, and a *layoutRefusal where
// it is one that names no indicator.
func monthsDownLayout(sheet string, g *grid, from, to int) (Layout, bool, error) {
	for r := from; r < to && r+1 < len(g.rows); r++ {
		cols, unread, ok := monthsDownColumns(g, r)
		if !ok {
			continue
		}
		l := Layout{Sheet: sheet, Kind: MonthsDownSheet, HeaderRow: r + 1, FirstRow: r + 2, Columns: cols}
		for c, why := range unread {
			l.refuseColumn(c, why)
		}
		if l.has(RoleRef) || l.has(RoleName) {
			return l, true, nil
		}
		tr, tc := titleAbove(g.rows, 0, r)
		if tr < 0 && !namesIndicator(sheet) {
			period, _ := l.column(RolePeriod)
			area := cols[len(cols)-1]
			for _, c := range cols {
				if c.Role == RoleArea {
					area = c
					break
				}
			}
			return Layout{Sheet: sheet, Kind: Skip}, true, &layoutRefusal{cell: cellName(r, area.index), msg: fmt.Sprintf(
				"months down (column %s %q) and areas across (%q here) name no indicator: no title above the headings, and the sheet's name %q names none; give the indicator's name as a title in the row above the headings (or as the sheet's name), or add a Ref column",
				period.Col, period.Header, area.Header, sheet)}
		}
		if tr >= 0 {
			l.monthsDown = &monthsDownTitle{name: strings.TrimSpace(g.rows[tr][tc]), r: tr, c: tc}
		}
		return l, true, nil
	}
	return Layout{}, false, nil
}

// monthsDownTitle is the title naming the indicator of a sheet of months
// down and areas across where no column names it; nil where the sheet's
// name names it.
type monthsDownTitle struct {
	name string
	r, c int // the title's cell, 0-based
}

// monthsDownColumns reads row r of g as the header of months down and
// areas across: a column of periods (headed "Month", "Period" or "Date",
// the row below giving one), and right of it a column headed by an
// area's name with figures below, and no Area column naming each row's
// (a tidy table). It gives the columns read, a Ref or Indicator column
// among them where the header has one, and why each other column with a
// heading is not read, by index.
func monthsDownColumns(g *grid, r int) ([]Column, map[int]string, bool) {
	period, area := -1, -1
	for c, h := range g.rows[r] {
		switch role, p, a := headerRole(h); {
		case role == RolePeriod && p.IsZero() && period < 0:
			period = c
		case role == RoleArea && a == "":
			return nil, nil, false
		case role == RoleArea && period >= 0 && area < 0:
			area = c
		}
	}
	if period < 0 || area < 0 || !figuresBelow(g, r+1, area) {
		return nil, nil, false
	}
	if _, ok := tidyPeriod(strings.TrimSpace(g.at(r+1, period)), g.serialShift(r+1, period)); !ok {
		return nil, nil, false
	}
	var cols []Column
	unread := map[int]string{}
	keyed := false // a Ref or Indicator column read
	for c, h := range g.rows[r] {
		head := strings.TrimSpace(h)
		if head == "" {
			continue // said by warnUnused where it has entries
		}
		col := Column{Col: xlsx.ColumnName(c), Header: head, Hidden: g.isHidden(c), index: c}
		role, _, a := headerRole(head)
		switch {
		case c == period:
			col.Role = RolePeriod
		case (role == RoleRef || role == RoleName) && !keyed:
			col.Role, keyed = role, true
		case c < period:
			unread[c] = "left of the months, on a sheet of months down and areas across, only a Ref or an Indicator column is read"
			continue
		case isTotalLabel(head):
			unread[c] = "a total of the areas beside it, not an area"
			continue
		case role == RoleArea:
			col.Role, col.Area = RoleArea, a
		case role == "" && figuresBelow(g, r+1, c):
			// An area the profiles do not know ("Out of Area", a
			// locality), kept as an area of its own and said by settle,
			// as on a district sheet (unknownAreaColumns).
			col.Role, col.Area = RoleArea, app.Area(head)
		default:
			unread[c] = "a sheet of months down and areas across is read for its areas' figures, one a cell"
			continue
		}
		cols = append(cols, col)
	}
	return cols, unread, true
}
