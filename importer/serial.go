package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
)

// serialShift is the days to add to the number at 0-based row r, column
// c to read it as a date serial of the 1900 system: a plain number in a
// 1904 workbook means a date of that workbook's system, as Excel would
// show it were the cell formatted as a date.
func (g *grid) serialShift(r, c int) float64 {
	if g.date1904 && !g.look(r, c).date {
		return date1904Offset
	}
	return 0
}

// headingSerial is the month of a period heading at 0-based row r, column
// c read as period: the same, unless the heading is a plain number in a
// 1904 workbook, a serial of that workbook's date system.
func (g *grid) headingSerial(r, c int, head string, period app.Period) app.Period {
	shift := g.serialShift(r, c)
	if shift == 0 {
		return period
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(head), 64)
	if err != nil {
		return period
	}
	if p, err := app.MonthFromExcelSerial(f + shift); err == nil {
		return p
	}
	return period
}

// date1904Offset is the days from the 1900 date system's day zero to the
// 1904 one's: 1 January 1904 is serial 1462 in the first, 0 in the second.
const date1904Offset = 1462
