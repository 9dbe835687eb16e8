package childlevel

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// headerSearchRows is how far down a sheet the header row is looked for:
// lists put titles, the authority's name and the date above it.
const headerSearchRows = 30

// ReadAnnexA reads the Annex A List 8 (children in care) sheet of the
// workbook at path and returns its aggregates for the month of snapshot,
// over the 12 months to it. A zero snapshot is taken as the end of the
// month of the latest date the list holds, and a warning says so. The
// list is auth's (nil: app.DefaultAuthority): its districts, its code
// and name say which children are placed in it and by whom.
func ReadAnnexA(path string, snapshot time.Time, auth *app.Authority) (*app.Dataset, []app.Warning, error) {
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	if b, err := openBook(path); err == nil {
		ds, warns, err := readAnnexA(path, snapshot, auth, b.SheetNames(), fastRows(b))
		b.Close()
		if !errors.Is(err, errLayout) {
			return ds, warns, err
		}
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, &app.SourceError{Location: app.Location{File: path}, Err: err}
	}
	defer f.Close()
	return readAnnexA(path, snapshot, auth, f.GetSheetList(), excelizeRows(f))
}

// rowSource calls fn with each row of a sheet, numbered from 1, until fn
// returns false.
type rowSource func(sheet string, fn func(n int, cells []string) bool) error

// A list of 100,000 children must import in under 3 s, and excelize's
// row iterator, which decodes every cell through encoding/xml, takes
// several times that. fastRows reads the cells with importer/xlsx's byte
// scanner instead; anything it does not understand is an error, and
// ReadAnnexA then reads the workbook with excelize.

// errLayout is a workbook the fast reader does not understand.
var errLayout = errors.New("worksheet XML not understood by the fast reader")

// openBook opens a workbook for fastRows, its booleans read as stored,
// as excelize's RawCellValue gives them.
func openBook(path string) (*xlsx.Workbook, error) {
	return xlsx.Open(path, xlsx.Options{RawBooleans: true, DatesAs1900: true})
}

// fastRows reads rows with the byte scanner.
func fastRows(b *xlsx.Workbook) rowSource {
	return func(sheet string, fn func(n int, cells []string) bool) error {
		if err := b.Rows(sheet, fn); err != nil {
			return fmt.Errorf("sheet %q: %w: %w", sheet, errLayout, err)
		}
		return nil
	}
}

// excelizeRows reads rows with excelize: slower than fastRows, but it
// reads whatever Excel can.
func excelizeRows(f *excelize.File) rowSource {
	return func(sheet string, fn func(n int, cells []string) bool) error {
		rows, err := f.Rows(sheet)
		if err != nil {
			return err
		}
		defer rows.Close()
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns()
			if err != nil {
				return fmt.Errorf("row %d: %w", n, err)
			}
			if !fn(n, cells) {
				return nil
			}
		}
		return rows.Error()
	}
}

func readAnnexA(path string, snapshot time.Time, auth *app.Authority, sheets []string, rows rowSource) (*app.Dataset, []app.Warning, error) {
	// List 8 is usually on a sheet named for it; look there first.
	slices.SortStableFunc(sheets, func(a, b string) int {
		return boolRank(strings.Contains(a, "8")) - boolRank(strings.Contains(b, "8"))
	})
	for _, sheet := range sheets {
		r := annexAReader{file: path, sheet: sheet, snapshot: snapshot, auth: auth}
		found, err := r.read(rows)
		if err != nil {
			return nil, nil, err
		}
		if found {
			return r.dataset()
		}
	}
	return nil, nil, &app.SourceError{Location: app.Location{File: path},
		Err: errors.New("no sheet has an Annex A List 8 header row (Child Unique ID, Date Started to be Looked After, UASC)")}
}

func boolRank(b bool) int {
	if b {
		return -1
	}
	return 0
}

// annexARow is one row of the list, with the dates parsed; the child's
// identifier and date of birth are never kept in it.
type annexARow struct {
	started, ceased    time.Time
	birth              time.Time // kept only until the age band is worked out
	uasc, reentry      bool
	placements         int
	gender, ethnicity  string
	need, legal        string
	placement, reason  string
	location, district string
	ola                bool // placed in the county by another authority
	school             int  // has a school place: 1, 0, or -1 unknown
	// n is the row's number, to report a blank only a figure on the
	// snapshot date needs (placements of a child in care, the re-entry
	// flag of one who started in the year).
	n                                                       int
	placementsBlank, reentryBlank, reasonBlank, schoolBlank bool
}

type annexAReader struct {
	file, sheet string
	snapshot    time.Time
	auth        *app.Authority // whose list it is
	idx         [numColumns]int
	headerRow   int
	rows        []annexARow
	warnings    warnings
	unrec       unrecognised
	// extract is the list's own date, from a title row above the
	// header ("Date of extract: 05/10/2026"), at extractCell.
	extract     time.Time
	extractCell string
	// schoolInverted is a school place column headed as being without
	// one.
	schoolInverted bool
}

// read looks for the header row in the sheet and, if it is there, reads
// every row below it.
func (r *annexAReader) read(rows rowSource) (bool, error) {
	r.warnings.file, r.warnings.sheet = r.file, r.sheet
	seen := map[string]int{} // identifier to row, only to catch repeats; dropped on return
	err := rows(r.sheet, func(n int, cells []string) bool {
		if r.headerRow == 0 {
			if DetectAnnexA(cells) {
				r.headerRow, r.idx = n, annexAColumns(cells)
				r.warnUnread(cells, n)
				if j := r.idx[colSchool]; j >= 0 {
					h := foldHeader(cells[j])
					r.schoolInverted = strings.Contains(h, "without") || strings.Contains(h, "no school")
				}
				return true
			}
			if d, j, ok := extractDate(cells); ok && r.extract.IsZero() {
				r.extract = d
				r.extractCell, _ = excelize.CoordinatesToCellName(j+1, n)
			}
			return n < headerSearchRows
		}
		if blank(cells) {
			return true
		}
		row, ok := r.row(cells, n)
		if !ok {
			return true
		}
		if id := r.cell(cells, colID); id != "" {
			if first, dup := seen[id]; dup {
				r.warnings.add(r.cellName(colID, n), fmt.Sprintf("the same child as row %d: row skipped", first))
				return true
			}
			seen[id] = n
		}
		r.rows = append(r.rows, row)
		return true
	})
	if err != nil {
		return false, &app.SourceError{Location: app.Location{File: r.file, Sheet: r.sheet}, Err: err}
	}
	return r.headerRow > 0, nil
}

// warnUnread reports each headed column of the header row, row n, that
// the reader leaves unread, by its letter and heading alone: a heading
// is not a child's data, but what lies below it may be, so no cell below
// is ever quoted.
func (r *annexAReader) warnUnread(header []string, n int) {
	read := map[int]bool{}
	for _, j := range r.idx {
		read[j] = true
	}
	for j, h := range header {
		h = strings.Join(strings.Fields(h), " ")
		if h == "" || read[j] {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(j+1, n)
		col, _ := excelize.ColumnNumberToName(j + 1)
		r.warnings.add(cell, fmt.Sprintf("column %s %q not read: its heading is not one the Annex A reader reads", col, clip(h, maxHeading)))
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func (r *annexAReader) cell(cells []string, c int) string {
	j := r.idx[c]
	if j < 0 || j >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[j])
}

func (r *annexAReader) cellName(c, row int) string {
	name, _ := excelize.CoordinatesToCellName(r.idx[c]+1, row)
	return name
}

// row reads one child's row. A row without a readable start date cannot
// be placed in time and is skipped with a warning.
func (r *annexAReader) row(cells []string, n int) (annexARow, bool) {
	row := annexARow{placements: -1, school: -1, n: n}
	var err error
	if row.started, err = parseDate(r.cell(cells, colStarted)); err != nil || row.started.IsZero() {
		msg := "no date started to be looked after: row skipped"
		if err != nil {
			msg = "date started to be looked after " + err.Error() + ": row skipped"
		}
		r.warnings.add(r.cellName(colStarted, n), msg)
		return row, false
	}
	if row.ceased, err = parseDate(r.cell(cells, colCeased)); err != nil {
		r.warnings.add(r.cellName(colCeased, n), "date ceased to be looked after "+err.Error()+": read as still looked after")
	}
	if !row.ceased.IsZero() && row.ceased.Before(row.started) {
		// Which date is wrong cannot be told; either way the child
		// would be counted on a guess (as adopted, say).
		r.warnings.add(r.cellName(colCeased, n), "date ceased to be looked after is before the date started: row not counted")
		return row, false
	}
	if r.idx[colBirth] >= 0 {
		if row.birth, err = parseDate(r.cell(cells, colBirth)); err != nil {
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

// district reads the district column of row n. A child whose district
// is not one of the authority's is counted under Out of County /
// Unknown, so that the districts and it sum to the county; an
// authority's code says so plainly, but any other value (another place's
// name, or a child's name typed in the wrong column: they cannot be told
// apart) is reported by its row.
func (r *annexAReader) district(cells []string, n int) string {
	s := r.cell(cells, colDistrict)
	t := stripPrefix(s)
	a, ok := r.auth.ParseArea(t)
	switch {
	case s == "", ok && (r.auth.IsDistrict(a) || a == app.OutOfCounty), !ok && laCode(t):
	default:
		r.notRecognised(colDistrict, "district", string(app.OutOfCounty), n)
	}
	return district(r.auth, s)
}

// placementLocation says whether a child was placed in the authority, by
// the LA of placement column (a name or code); a value that is neither
// is NotRecognised.
func (r *annexAReader) placementLocation(s string) string {
	if s == "" {
		return Unknown
	}
	t := stripPrefix(s)
	if a, ok := r.auth.ParseArea(t); ok && (a == r.auth.Area() || r.auth.IsDistrict(a)) || homeCode(r.auth, t) {
		return "In " + r.auth.Name
	}
	if laCode(t) || authorityName(t) {
		return "Outside " + r.auth.Name
	}
	return NotRecognised
}

// district gives a district column's canonical name, Out of County for
// another place's name, and NotRecognised for anything else, so that
// free text never reaches the store.
func district(auth *app.Authority, s string) string {
	if s == "" {
		return Unknown
	}
	t := stripPrefix(s)
	if a, ok := auth.ParseArea(t); ok {
		return string(a)
	}
	if laCode(t) || authorityName(t) {
		return string(app.OutOfCounty)
	}
	return NotRecognised
}

// dataset turns the rows into aggregates for the snapshot date.
func (r *annexAReader) dataset() (*app.Dataset, []app.Warning, error) {
	if len(r.rows) == 0 {
		return nil, nil, &app.SourceError{Location: app.Location{File: r.file, Sheet: r.sheet, Cell: fmt.Sprintf("row %d", r.headerRow+1)},
			Err: errors.New("the list has a header row but no children below it")}
	}
	snapshot := r.snapshot
	if snapshot.IsZero() {
		var why string
		snapshot, why = r.inferSnapshot()
		r.warnings.list = append([]app.Warning{{Location: app.Location{File: r.file, Sheet: r.sheet},
			Message: fmt.Sprintf("no snapshot date given: took %s, %s", snapshot.Format(dateLabel), why)}},
			r.warnings.list...)
	}
	r.checkDates(snapshot)
	children := make([]child, 0, len(r.rows))
	for _, row := range r.rows {
		if row.ola {
			if row.schoolBlank && inCareOn(row, snapshot) {
				r.blank(colSchool, "school place flag (Y or N)", "not known: left out of the without-a-school-place figure", row.n)
			}
			continue // another authority's child: in the OLA figures alone
		}
		children = append(children, child{})
		c := &children[len(children)-1]
		c.inCare = inCareOn(row, snapshot)
		c.uascOnSnapshot, c.uascInPeriod = row.uasc, row.uasc
		c.placements = row.placements
		c.ceased = inPeriod(row.ceased, snapshot)
		c.adopted = c.ceased && row.reason == reasonAdopted
		c.reentry = row.reentry && inPeriod(row.started, snapshot)
		c.reentryNeed = row.need
		c.started, c.startNeed = inPeriod(row.started, snapshot), row.need
		c.gender, c.ethnicity, c.need = row.gender, row.ethnicity, row.need
		c.legal, c.placement, c.district, c.location = row.legal, row.placement, row.district, row.location
		c.ageBand = ageBand(row.birth, snapshot)
		if c.inCare && row.placementsBlank {
			r.blank(colPlacements, "number of placements", "not known: left out of the 3+ placements figure", row.n)
		}
		if c.ceased && row.reasonBlank {
			r.blank(colReason, "reason ceased", "not adopted", row.n)
		}
		if c.started && row.reentryBlank {
			r.blank(colReentry, reentryFlag, "N", row.n)
		}
	}
	have := fields{
		placements: r.idx[colPlacements] >= 0, legal: r.idx[colLegal] >= 0,
		placement: r.idx[colPlacementType] >= 0, reentry: r.idx[colReentry] >= 0,
		district: r.idx[colDistrict] >= 0, location: r.idx[colLocation] >= 0,
		reason: r.idx[colReason] >= 0,
	}
	if !have.reason {
		r.warnings.add(fmt.Sprintf("row %d", r.headerRow), "no Reason Ceased to be Looked After column: no % adopted (CIC12) drawn, since no leaver could be told adopted")
	}
	rule := fmt.Sprintf("UASC at any point in the 12 months to %s (Annex A's \"UASC within the last 12 months\" flag)",
		snapshot.Format(dateLabel))
	warns := append(r.unrec.warnings(), r.warnings.done()...)
	var ds *app.Dataset
	if len(children) > 0 {
		ds = aggregate(r.auth, children, snapshot, have, rules{snapshot: rule, period: rule})
	} else {
		// A list of other authorities' children alone says nothing of
		// the county's own: no figure of them, not even a nought.
		ds = &app.Dataset{}
	}
	if r.idx[colResponsible] >= 0 {
		inds := OLAIndicators(r.auth)
		if r.idx[colSchool] < 0 {
			inds = inds[:1]
		}
		ds.Indicators = append(ds.Indicators, inds...)
		ds.Observations = append(ds.Observations, olaFigures(r.auth, r.rows, snapshot, rule, r.idx[colSchool] >= 0)...)
	}
	return ds, warns, nil
}

// inferSnapshot dates a list given no date: by its own extract date, if
// a title row above the header gives one, or else by the end of the
// month of the latest date it holds; never after today, since a list
// cannot record what has not happened.
func (r *annexAReader) inferSnapshot() (time.Time, string) {
	now := today()
	if !r.extract.IsZero() {
		if r.extract.After(now) {
			return now, fmt.Sprintf("today, since the list's extract date (%s) is in the future", r.extract.Format(dateLabel))
		}
		return r.extract, fmt.Sprintf("the list's extract date (%s)", r.extractCell)
	}
	var latest time.Time
	for _, row := range r.rows {
		latest = later(latest, row.started)
		latest = later(latest, row.ceased)
	}
	if snapshot := endOfMonth(latest); !snapshot.After(now) {
		return snapshot, "the end of the month of the latest date in the list"
	}
	return now, "today: the latest date in the list is this month, and the month has not ended"
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
