package childlevel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
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

// ReadAnnexARows is ReadAnnexA for a list saved as CSV, read into rows
// by the importer (which settles its encoding and separator): the same
// columns, dates as text (dd/mm/yyyy first) and figures. Its cells are
// named as a sheet's are ("F12"), with no sheet.
func ReadAnnexARows(path string, rows [][]string, snapshot time.Time, auth *app.Authority) (*app.Dataset, []app.Warning, error) {
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	return readAnnexA(path, snapshot, auth, []string{""}, memoryRows(rows))
}

func readAnnexA(path string, snapshot time.Time, auth *app.Authority, sheets []string, rows rowSource) (*app.Dataset, []app.Warning, error) {
	slices.SortStableFunc(sheets, ListFirst)
	var read *annexAReader
	var others []string // the other sheets holding a list, with their header rows
	for _, sheet := range sheets {
		r := &annexAReader{file: path, sheet: sheet, snapshot: snapshot, auth: auth}
		found, err := r.read(rows)
		switch {
		case read == nil && err != nil:
			return nil, nil, err
		case read == nil && found:
			read = r
		case found:
			// A second list (a copy, last month's, a filtered extract)
			// was passed over unsaid: the officer must know which
			// children were counted.
			others = append(others, fmt.Sprintf("%q (header at row %d)", sheet, r.headerRow))
		}
	}
	if read == nil {
		return nil, nil, &app.SourceError{Location: app.Location{File: path},
			Err: errors.New("no sheet has an Annex A List 8 header row (Child Unique ID, Date Started to be Looked After, UASC)")}
	}
	ds, warns, err := read.dataset()
	if err == nil && len(others) > 0 {
		warns = append(warns, app.Warning{Location: app.Location{File: path, Sheet: read.sheet}, Message: fmt.Sprintf(
			"the workbook has another Annex A list on sheet %s: not read; only this sheet's children are counted (one list an import: save the other as a file of its own to import it)",
			strings.Join(others, ", sheet "))})
	}
	return ds, warns, err
}

// ListFirst orders a workbook's sheets as a list is looked for among
// them: List 8 is usually on a sheet named for it, so those first, then
// the rest in the workbook's order (with a stable sort).
func ListFirst(a, b string) int { return boolRank(namesList8(a)) - boolRank(namesList8(b)) }

// namesList8 reports whether a sheet's name names List 8 ("List 8",
// "LIST_8", "L8 CLA"): "Sheet8" and "2018" do not, and any sheet with an
// 8 in its name was read in place of the list's own.
func namesList8(sheet string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(sheet), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w == "8" || w == "list8" || w == "l8" {
			return true
		}
	}
	return false
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
	n int
	// child numbers the child the row is of, the same for each row of
	// one identifier: a child who left care and came back is on a row
	// for each period of care. The identifier itself is not kept.
	child                                                   int
	placementsBlank, reentryBlank, reasonBlank, schoolBlank bool
	// ceasedUnread is a date ceased given that is not a date: the row
	// is not counted (dropUnreadCeased).
	ceasedUnread bool
}

type annexAReader struct {
	file, sheet string
	snapshot    time.Time
	order       dateOrder      // what the list's dates say of their order
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
	// placementsUnused is a number of placements column not read for
	// the snapshot date, whose blanks are not asked about.
	placementsUnused bool
	// episodes is room for one child's periods of care read as 903
	// episodes (periodsAsEpisodes), reused from child to child.
	episodes []episode
}

// read looks for the header row in the sheet and, if it is there, reads
// every row below it.
func (r *annexAReader) read(rows rowSource) (bool, error) {
	r.warnings.file, r.warnings.sheet = r.file, r.sheet
	// first gives each child's first row (its index in r.rows) by
	// identifier, and more a child's later rows by its number, so that
	// a child's rows are grouped by number alone and a row repeated is
	// caught; dropped on return.
	first, more := map[string]int{}, map[int][]int{}
	// unread is the latest start of the rows of a date ceased not a
	// date, by identifier, given to children by number once all rows
	// are read (a child's other rows may come after); dropped on
	// return.
	unread := map[string]time.Time{}
	hidden, err := rows(r.sheet, func(n int, cells []string) bool {
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
		if row.ceasedUnread {
			// Not counted, and said at its row. A row without an
			// identifier is a child of its own: in no figure.
			if id := r.cell(cells, colID); id != "" {
				unread[id] = later(unread[id], row.started)
			}
			return true
		}
		// A child on several rows left care and came back: each row is a
		// period of care, grouped by child rather than dropped.
		row.child = len(first)
		id := r.cell(cells, colID)
		if i, again := first[id]; again && id != "" {
			row.child = r.rows[i].child
			for _, i := range append([]int{i}, more[row.child]...) {
				if r.rows[i].sameAs(row) {
					r.warnings.add(r.cellName(colID, n), fmt.Sprintf(
						"the same child as row %d, and the same in every column read: a repeat, counted once", r.rows[i].n))
					return true
				}
			}
			more[row.child] = append(more[row.child], len(r.rows))
		} else {
			if id == "" {
				// No identifier: matched with no other row, and numbered
				// by a key no identifier can be.
				id = fmt.Sprintf("\x00%d", n)
			}
			first[id] = len(r.rows)
		}
		r.rows = append(r.rows, row)
		return true
	})
	if err != nil {
		return false, &app.SourceError{Location: app.Location{File: r.file, Sheet: r.sheet}, Err: err}
	}
	r.dropUnreadCeased(first, unread)
	r.warnHidden(hidden)
	return r.headerRow > 0, nil
}

// dropUnreadCeased drops every row of a child with a row not counted for
// a date ceased that is not a date (unread: the latest start of such
// rows, by identifier; first: a child's first row in r.rows, by
// identifier) and no counted row beginning after it: whether the child
// was in care on the snapshot date, or left in the 12 months, cannot be
// told, and neither is guessed, as the 903 reader guesses neither for a
// child whose last episode's DEC is not a date. Each such row was said
// at its cell (row). A child with a row beginning after it is counted by
// its other rows. The children left are numbered again 0, 1, ... in the
// order of their first rows.
func (r *annexAReader) dropUnreadCeased(first map[string]int, unread map[string]time.Time) {
	if len(unread) == 0 {
		return
	}
	drop := map[int]time.Time{} // by child number
	for id, started := range unread {
		if i, ok := first[id]; ok {
			drop[r.rows[i].child] = started
		}
	}
	for _, row := range r.rows {
		if u, ok := drop[row.child]; ok && row.started.After(u) {
			delete(drop, row.child)
		}
	}
	if len(drop) == 0 {
		return
	}
	number := map[int]int{}
	kept := r.rows[:0]
	for _, row := range r.rows {
		if _, ok := drop[row.child]; ok {
			continue
		}
		n, ok := number[row.child]
		if !ok {
			n = len(number)
			number[row.child] = n
		}
		row.child = n
		kept = append(kept, row)
	}
	r.rows = kept
}

// warnHidden says how many of the rows read as children are hidden from
// view: a list saved with a filter on (Excel saves the rows it filters
// out as hidden) or rows hidden by hand. Every row is counted, as the
// list is the case-management system's; but the officer who filtered
// it sees fewer children than the import counts, and must be told.
func (r *annexAReader) warnHidden(hidden []int) {
	if len(hidden) == 0 {
		return
	}
	slices.Sort(hidden)
	var count, first int
	for _, row := range r.rows {
		if _, ok := slices.BinarySearch(hidden, row.n); ok {
			if count++; first == 0 {
				first = row.n
			}
		}
	}
	if count > 0 {
		r.warnings.add(r.cellName(colID, first), fmt.Sprintf(
			"%d of the list's %d rows read are hidden from view (a filter, or rows hidden), the first on this row: every row is counted, hidden or not; delete any that are not to be counted",
			count, len(r.rows)))
	}
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
