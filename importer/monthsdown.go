package importer

import (
	"fmt"
	"strings"

	"scorecard/importer/xlsx"
)

// A sheet of months down and areas across ("Month | Bristol | North and
// West | East Central | South | Total", one figure a cell) names its
// indicator nowhere but in its title, and no reader of the importer takes
// its columns as areas: with no Ref it was refused as having no header,
// a message naming nothing it has; with Ref and Period columns added, it
// was read as a tidy table whose Area column was the first area's, each
// count ("351") an area of its own, and the other areas' columns unread
// (QA33 F4). It is refused at its first area's heading, saying what the
// importer reads instead.

// areasAcross finds, in rows from to to of g (0-based, to excluded), a
// heading row with a column of periods (headed "Month", "Period" or
// "Date", the rows below giving months) and, right of it, a column
// headed by an area's name, and no Area column naming each row's: the
// refusal of such a sheet, nil where the sheet is not one.
func areasAcross(g *grid, from, to int) *layoutRefusal {
	for r := from; r < to && r+1 < len(g.rows); r++ {
		period, area, areaColumn := -1, -1, false
		for c, h := range g.rows[r] {
			switch role, p, a := headerRole(h); {
			case role == RolePeriod && p.IsZero() && period < 0:
				period = c
			case role == RoleArea && a == "":
				areaColumn = true
			case role == RoleArea && period >= 0 && area < 0:
				area = c
			}
		}
		if period < 0 || area < 0 || areaColumn || !figuresBelow(g, r+1, area) {
			continue
		}
		if _, ok := tidyPeriod(g.at(r+1, period), g.serialShift(r+1, period)); !ok {
			continue
		}
		first, last := area, area
		for c := period + 1; c < len(g.rows[r]); c++ {
			if strings.TrimSpace(g.rows[r][c]) != "" {
				first, last = min(first, c), c
			}
		}
		return &layoutRefusal{cell: cellName(r, area), msg: fmt.Sprintf(
			"months down (column %s %q) and areas across (%s:%s, %q here) are not read: no column names the indicator, and areas are read across only for one month, with the indicators down; give the figures as a tidy table (Ref, Indicator, Area, Period, Value: a row for each area and month), or with the indicators down, an Area column and the months across",
			xlsx.ColumnName(period), strings.TrimSpace(g.rows[r][period]),
			cellName(r, first), cellName(r, last), strings.TrimSpace(g.rows[r][area]))}
	}
	return nil
}
