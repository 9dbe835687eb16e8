package childlevel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"scorecard/app"
)

// maxRowsNamed caps the row numbers one "not recognised" warning lists.
const maxRowsNamed = 20

// unrecognised collects, column by column, the rows whose value was on
// none of the code lists the column is read by. Only the row numbers are
// kept: the value may be a name, an NHS number or a date of birth typed
// into the wrong column, so the reports never quote it.
type unrecognised struct {
	columns []unrecognisedColumn
}

type unrecognisedColumn struct {
	at   app.Location
	what string // what the column holds, in the package's own words
	as   string // how such values are counted
	unit string // "row" or "line"
	rows []int
	n    int
	// blank is a column of values left blank where the figures need
	// one, rather than values on no list.
	blank bool
}

// add records that row's value in the column at `at` holding what was
// not recognised, and was counted as as.
func (u *unrecognised) add(at app.Location, what, as, unit string, row int) {
	u.record(at, what, as, unit, row, false)
}

// forget drops what was tallied of the column holding what, whose
// values a list's figures do not use after all: saying how its blank or
// unknown values were counted would say they counted.
func (u *unrecognised) forget(what string) {
	u.columns = slices.DeleteFunc(u.columns, func(c unrecognisedColumn) bool { return c.what == what })
}

// addBlank records that row's value in the column at `at` holding what
// was blank where a figure needs it, and was counted as as.
func (u *unrecognised) addBlank(at app.Location, what, as, unit string, row int) {
	u.record(at, what, as, unit, row, true)
}

func (u *unrecognised) record(at app.Location, what, as, unit string, row int, blank bool) {
	for i := range u.columns {
		c := &u.columns[i]
		if c.at == at && c.what == what && c.blank == blank {
			c.n++
			if len(c.rows) < maxRowsNamed {
				c.rows = append(c.rows, row)
			}
			return
		}
	}
	u.columns = append(u.columns, unrecognisedColumn{at: at, what: what, as: as, unit: unit, rows: []int{row}, n: 1, blank: blank})
}

// warnings are one warning per column: how many values, as what they
// were counted, and which rows.
func (u *unrecognised) warnings() []app.Warning {
	out := make([]app.Warning, 0, len(u.columns))
	for _, c := range u.columns {
		nums := make([]string, len(c.rows))
		for i, r := range c.rows {
			nums[i] = strconv.Itoa(r)
		}
		rows := c.unit + "s " + strings.Join(nums, ", ")
		if c.n == 1 {
			rows = c.unit + " " + nums[0]
		}
		if more := c.n - len(c.rows); more > 0 {
			rows += fmt.Sprintf(" and %d more", more)
		}
		state := "not recognised"
		if c.blank {
			state = "blank"
		}
		out = append(out, app.Warning{Location: c.at, Message: fmt.Sprintf(
			"%s %s (%d %s): %s; counted as %s", c.what, state, c.n, plural(c.n, c.unit), rows, c.as)})
	}
	return out
}

// childrenWord is "child" or "children", as n says.
func childrenWord(n int) string {
	if n == 1 {
		return "child"
	}
	return "children"
}

func plural(n int, unit string) string {
	if n == 1 {
		return unit
	}
	return unit + "s"
}

// maxHeading bounds how much of a heading a warning quotes.
const maxHeading = 40

// clip cuts s to n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// maxWarnings caps the warnings one list reports cell by cell; a list
// with a bad column would otherwise bury the summary in 100,000 lines.
const maxWarnings = 100

// warnings collects an import's warnings up to maxWarnings, then counts.
type warnings struct {
	file, sheet string
	list        []app.Warning
	more        int
}

func (w *warnings) add(cell, msg string) {
	if len(w.list) >= maxWarnings {
		w.more++
		return
	}
	w.list = append(w.list, app.Warning{Location: app.Location{File: w.file, Sheet: w.sheet, Cell: cell}, Message: msg})
}

func (w *warnings) done() []app.Warning {
	if w.more > 0 {
		w.list = append(w.list, app.Warning{Location: app.Location{File: w.file, Sheet: w.sheet},
			Message: fmt.Sprintf("and %d more %s like those above", w.more, plural(w.more, "warning"))})
	}
	return w.list
}
