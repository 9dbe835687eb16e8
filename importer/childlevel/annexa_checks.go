package childlevel

// The checks of an Annex A list's rows beyond each cell's own reading:
// blanks a figure needs, dates after the list's own and children in care
// past 18, each reported by its row.

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// blank records that row n's value in column c, holding what, is blank
// where a figure needs it, and was counted as as.
func (r *annexAReader) blank(c int, what, as string, n int) {
	col, _ := excelize.ColumnNumberToName(r.idx[c] + 1)
	r.unrec.addBlank(app.Location{File: r.file, Sheet: r.sheet, Cell: "column " + col}, what, as, "row", n)
}

// inCareOn reports whether row's child was looked after on day d.
func inCareOn(row annexARow, d time.Time) bool {
	return !row.started.After(d) && (row.ceased.IsZero() || row.ceased.After(d))
}

// checkDates reports each row with a date after the list's own date (its
// extract date, or else today): a date no list can hold, which leaves the
// child out of figures (a start) or in care (a cessation) without it.
// Starts after a snapshot date given for an earlier day are no error,
// but are counted in one warning, so that every row left out is said.
func (r *annexAReader) checkDates(snapshot time.Time) {
	bound, what := today(), "today"
	if !r.extract.IsZero() && r.extract.Before(bound) {
		bound, what = r.extract, "the list's extract date ("+r.extractCell+")"
	}
	what = fmt.Sprintf("%s, %s", bound.Format(dateLabel), what)
	var later, first int
	// A snapshot date given after the list's own counts such a date as
	// it stands, and is said to.
	asGiven := fmt.Sprintf("read as given, since the snapshot date (%s) is later", snapshot.Format(dateLabel))
	// afterList reports row n's date d in column c, named column, if it
	// is after the list's own date: with what follows for the figures
	// (then) if it is after the snapshot date too, or else read as given.
	// It says whether it reported d.
	afterList := func(c int, d time.Time, n int, column, then string) bool {
		if !d.After(bound) {
			return false
		}
		if !d.After(snapshot) {
			then = asGiven
		}
		r.warnings.add(r.cellName(c, n), fmt.Sprintf("%s is after %s: %s", column, what, then))
		return true
	}
	var adults, firstAdult int
	for _, row := range r.rows {
		if !row.birth.IsZero() && inCareOn(row, snapshot) && ageOn(row.birth, snapshot) >= 18 {
			adults++
			if firstAdult == 0 {
				firstAdult = row.n
			}
		}
		if !afterList(colStarted, row.started, row.n, "date started to be looked after", "the child is in no figure") &&
			row.started.After(snapshot) {
			later++
			if first == 0 {
				first = row.n
			}
		}
		afterList(colCeased, row.ceased, row.n, "date ceased to be looked after", "read as still looked after")
	}
	if adults > 0 {
		// No one is looked after past 18: a date ceased left blank, or
		// a date of birth mistyped. Counted unsaid, such a row made the
		// number in care one more than the service's.
		r.warnings.add(r.cellName(colBirth, firstAdult), fmt.Sprintf(
			"%d %s aged 18 or over on the snapshot date (%s) and not ceased to be looked after, the first on this row: no one is looked after past 18 (a date ceased left blank, or a date of birth wrong?); counted as given",
			adults, childrenWord(adults), snapshot.Format(dateLabel)))
	}
	if later > 0 {
		r.warnings.add(r.cellName(colStarted, first), fmt.Sprintf(
			"%d %s started to be looked after after the snapshot date (%s), the first on this row: not in its figures",
			later, childrenWord(later), snapshot.Format(dateLabel)))
	}
}
