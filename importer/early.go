package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
)

// EarliestYear is the first year whose months and quarters the importer
// reads. Children's services scorecards begin long after it; a month
// before it is a typed year gone wrong ("Mar 1985") or a date cell that
// is not a reporting month, and the store's compact keys for periods
// start there.
const EarliestYear = 1990

// early reports whether p is a month or quarter (or, in a tidy table,
// any period) starting before EarliestYear.
func early(p app.Period) bool { return !p.IsZero() && p.Start().Year() < EarliestYear }

// earlyHeading reads a column heading at 0-based row r, column c as a
// month before EarliestYear: text such as "Mar 1985", or a cell
// formatted as a date (a serial, read raw) before 1990, which
// periodHeading does not take for a month at all.
func (g *grid) earlyHeading(r, c int, head string) (app.Period, bool) {
	head = strings.TrimSpace(head)
	if !hasDigit(head) {
		return app.Period{}, false
	}
	if f, err := strconv.ParseFloat(head, 64); err == nil {
		if !g.look(r, c).date {
			return app.Period{}, false
		}
		f += g.serialShift(r, c)
		if f < 1 || f >= 32874 { // 1 January 1900 to 31 December 1989
			return app.Period{}, false
		}
		t := app.ExcelDate(f)
		return app.MonthOf(t.Year(), t.Month()), true
	}
	p, err := app.ParsePeriod(head)
	if err != nil || p.Kind != app.Month && p.Kind != app.Quarter || !early(p) {
		return app.Period{}, false
	}
	return p, true
}
