package childlevel

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// totalsWords are what a list's totals row has in place of a child's
// identifier.
var totalsWords = map[string]bool{"total": true, "totals": true, "grand total": true, "total children": true, "count": true, "sum": true}

// date reads row n's date in column c, noting the order its numbers are
// written in (dateOrder).
func (r *annexAReader) date(cells []string, c, n int) (time.Time, error) {
	s := r.cell(cells, c)
	r.order.note(s, func() app.Location { return app.Location{File: r.file, Sheet: r.sheet, Cell: r.cellName(c, n)} })
	return parseDate(s)
}

// row reads one child's row. A row without a readable start date cannot
// be placed in time and is skipped with a warning. A row whose date
// ceased is given but is no date is returned with ceasedUnread set and
// nothing after its start read: the caller counts it in no figure.
func (r *annexAReader) row(cells []string, n int) (annexARow, bool) {
	row := annexARow{placements: -1, school: -1, n: n}
	if id := strings.ToLower(strings.TrimSpace(r.cell(cells, colID))); totalsWords[id] {
		// A total under the list, one with a date in it, was counted
		// as one more child.
		r.warnings.add(r.cellName(colID, n), fmt.Sprintf("a totals row (%q), not a child's: row skipped", r.cell(cells, colID)))
		return row, false
	}
	var err error
	if row.started, err = r.date(cells, colStarted, n); err != nil || row.started.IsZero() {
		msg := "no date started to be looked after: row skipped"
		if err != nil {
			msg = "date started to be looked after " + err.Error() + ": row skipped"
		}
		r.warnings.add(r.cellName(colStarted, n), msg)
		return row, false
	}
	if row.ceased, err = r.date(cells, colCeased, n); err != nil {
		// Given but no date: whether and when the child left care
		// cannot be told, and neither is guessed. Read as still looked
		// after, it counted an adopted child in care (as the 903's DEC
		// did, QA hB F11). The row goes no further than its start,
		// which tells whether a later row of the child's is counted
		// (dropUnreadCeased).
		r.warnings.add(r.cellName(colCeased, n), "date ceased to be looked after "+err.Error()+
			": row not counted; unless a later row of the same child's begins after it, the child is in no figure, since whether and when they left care cannot be told")
		row.ceasedUnread = true
		return row, true
	}
	if !row.ceased.IsZero() && row.ceased.Before(row.started) {
		// Which date is wrong cannot be told; either way the child
		// would be counted on a guess (as adopted, say).
		r.warnings.add(r.cellName(colCeased, n), "date ceased to be looked after is before the date started: row not counted")
		return row, false
	}
	if r.idx[colBirth] >= 0 {
		if row.birth, err = r.date(cells, colBirth, n); err != nil {
			r.warnings.add(r.cellName(colBirth, n), "date of birth is not a date: age band not recorded")
		} else if row.birth.After(row.started) {
			r.warnings.add(r.cellName(colBirth, n), "date of birth is after the date started to be looked after: age band not recorded")
			row.birth = time.Time{}
		}
	}
	if r.idx[colPlacements] >= 0 {
		if s := r.cell(cells, colPlacements); s == "" {
			row.placementsBlank = true
		} else {
			p, err := strconv.ParseFloat(stripPrefix(s), 64)
			if err != nil || p < 0 || p > maxPlacements || p != float64(int(p)) {
				r.warnings.add(r.cellName(colPlacements, n), "number of placements is not a whole number: left out of the 3+ placements figure")
			} else {
				row.placements = int(p)
			}
		}
	}
	var ok bool
	if s := r.cell(cells, colUASC); s == "" {
		r.blank(colUASC, uascFlag, "N", n)
	} else if row.uasc, ok = flag(s); !ok {
		r.notRecognised(colUASC, uascFlag, "N", n)
	}
	if s := r.cell(cells, colReentry); s == "" {
		row.reentryBlank = r.idx[colReentry] >= 0
	} else if row.reentry, ok = flag(s); !ok {
		r.notRecognised(colReentry, reentryFlag, "N", n)
	}
	row.gender = r.coded(cells, colGender, "gender", gender, n)
	row.ethnicity = r.coded(cells, colEthnicity, "ethnicity", ethnicGroup, n)
	row.need = r.coded(cells, colNeed, "category of need", categoryOfNeed, n)
	row.legal = r.coded(cells, colLegal, "legal status", legalStatus, n)
	row.placement = r.coded(cells, colPlacementType, "placement type", placementType, n)
	if reason := r.cell(cells, colReason); reason != "" {
		if row.reason = reasonCeased(reason); row.reason == NotRecognised {
			r.notRecognised(colReason, "reason ceased", "not adopted", n)
		}
		// A placeholder ("N/A") for a child still in care is reported
		// as not recognised above, and is no reason.
		if row.reason != NotRecognised && row.ceased.IsZero() && r.cell(cells, colCeased) == "" {
			r.warnings.add(r.cellName(colReason, n), "a reason ceased but no date ceased to be looked after: read as still looked after")
		}
	} else {
		row.reasonBlank = r.idx[colReason] >= 0
	}
	if row.ola, ok = placedByOther(r.auth, r.cell(cells, colResponsible)); !ok {
		r.notRecognised(colResponsible, "responsible authority", "the county's own child", n)
	}
	row.schoolBlank = r.idx[colSchool] >= 0 && r.cell(cells, colSchool) == ""
	if row.school, ok = schoolPlace(r.cell(cells, colSchool), r.schoolInverted); !ok {
		r.notRecognised(colSchool, "school place flag (Y or N)", "not known", n)
	}
	row.location = r.coded(cells, colLocation, "LA of placement", r.placementLocation, n)
	row.district = r.district(cells, n)
	return row, true
}

// What the flag columns hold, as warnings name them.
const (
	uascFlag    = "UASC flag (Y or N)"
	reentryFlag = "subsequent period of care flag (Y or N)"
)

// maxPlacements bounds a believable number of placements in 12 months;
// a larger number is an identifier or a slip in the wrong column.
const maxPlacements = 366

// coded reads column c of a row by its code list, recording the row when
// the value is on none.
func (r *annexAReader) coded(cells []string, c int, what string, read func(string) string, n int) string {
	v := read(r.cell(cells, c))
	if v == NotRecognised {
		r.notRecognised(c, what, `"`+NotRecognised+`"`, n)
	}
	return v
}

// notRecognised records that row n's value in column c, holding what, is
// on no code list and was counted as as.
func (r *annexAReader) notRecognised(c int, what, as string, n int) {
	col, _ := excelize.ColumnNumberToName(r.idx[c] + 1)
	r.unrec.add(app.Location{File: r.file, Sheet: r.sheet, Cell: "column " + col}, what, as, "row", n)
}
