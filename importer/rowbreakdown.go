package importer

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
)

// rowBreakdown is an indicator sheet's Area and Cohort columns, where its
// rows each give one area's or cohort's figures under the month columns
// (as a Power BI or Reporting Services table lists them): each row is
// read as its area's and cohort's, as a tidy table's rows are.
type rowBreakdown struct {
	area, cohort       Column
	hasArea, hasCohort bool
	// defined are the indicators the sheet's rows have defined, by Ref:
	// an indicator's rows need not be together, nor its authority's first.
	defined map[string]*rowIndicator
	// name is the indicator name of the last indicator's row, at 0-based
	// row; the rows just below without a Ref continue it (see
	// readScorecard).
	name string
	row  int
}

// breakdownColumns finds the sheet's Area column (headed "Area",
// "District" or "Locality", not a district's own column) and Cohort
// column.
func (s *sheetReader) breakdownColumns() rowBreakdown {
	var b rowBreakdown
	b.area, b.hasArea = s.l.rowAreaColumn()
	if s.l.Kind == IndicatorSheet || s.l.Kind == DistrictSheet {
		b.cohort, b.hasCohort = s.l.column(RoleCohort)
	}
	s.rowAreas = nil
	if b.hasArea {
		var stepped cellTally
		s.rowAreas, stepped = s.readRowAreas(&b.area)
		if !s.holdsAreas(&b.area) {
			b.hasArea = false
			s.rowAreas = nil
		} else if stepped.n > 0 {
			s.out.warn(s.l.Sheet, stepped.first, "column %s %q: %s with a blank area below an area's row read as that area's (the first here), as a stepped table writes each area once over its rows",
				b.area.Col, b.area.Header, plural(stepped.n, "1 row", fmt.Sprintf("%d rows", stepped.n)))
		}
	}
	if b.hasCohort && !s.holdsCohorts(&b.cohort) {
		b.hasCohort = false
	}
	if b.any() {
		b.defined = map[string]*rowIndicator{}
	}
	b.row = -2
	return b
}

// rowAreaColumn is an indicator sheet's column giving each row's area,
// the first visible one, or failing that the first hidden one.
func (l *Layout) rowAreaColumn() (Column, bool) {
	if l.Kind != IndicatorSheet {
		return Column{}, false
	}
	// A district's own column (its Area set) names no row's area.
	return l.columnWhere(func(c *Column) bool { return c.Role == RoleArea && c.Area == "" })
}

// any reports whether the sheet's rows give their areas or cohorts.
func (b *rowBreakdown) any() bool { return b.hasArea || b.hasCohort }

// given reports whether row r names an area or a cohort.
func (b *rowBreakdown) given(s *sheetReader, r int) bool {
	return b.hasArea && s.rowArea(r) != "" ||
		b.hasCohort && strings.TrimSpace(s.at(r, &b.cohort)) != ""
}

// total reports whether row r's area is a total ("Total", "Grand
// total"): a locality's subtotal under its measures or the areas' total,
// no area's figure and no indicator's.
func (b *rowBreakdown) total(s *sheetReader, r int) bool {
	return b.hasArea && isTotalLabel(s.rowArea(r))
}

// rowArea is row r's area as the sheet's Area column gives it
// (readRowAreas), "" for none.
func (s *sheetReader) rowArea(r int) string {
	if r >= 0 && r < len(s.rowAreas) {
		return s.rowAreas[r]
	}
	return ""
}

// readRowAreas reads each row's area from an indicator sheet's Area
// column c, by 0-based row. A cell merged down over rows names the area
// of each, as a Power BI matrix's row group does, and so does an area
// written once and left blank below (a stepped table) where the column
// stands left of the indicators' Refs or names, the outer level of the
// rows: read as blank, a locality's second measure was filed, shown and
// exported as the whole authority's (QA33 F12). Right of them, where
// each row names its own area, a blank one is the authority's. A blank
// row ends an area's rows. stepped counts the rows whose area is read
// from the row above.
func (s *sheetReader) readRowAreas(c *Column) (areas []string, stepped cellTally) {
	key, ok := s.l.column(RoleRef)
	if !ok || s.l.keyedByName() {
		key, ok = s.l.column(RoleName)
	}
	outer := ok && c.index < key.index
	areas = make([]string, len(s.g.rows))
	above := ""
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		text := strings.TrimSpace(s.g.at(r, c.index))
		switch {
		case text != "":
			above = text
		case blankRow(s.g.rows[r]):
			above = ""
		case outer && above != "":
			text = above
			stepped.add(r, c.index)
		}
		areas[r] = text
	}
	return areas, stepped
}

// readBrokenDownRow reads row r of indicator ref as the area and cohort
// its Area and Cohort cells name: a blank area is the sheet's own (the
// authority), a blank cohort all children. An area the authority does
// not have is kept under its name as written, with a warning, as a tidy
// table's is; a cohort that cannot be read skips the row, said at its
// cell. The indicator is defined by the first of its rows. It returns
// the indicator, for the rows below. ind, where not nil, is the
// indicator of a row without a Ref, the one above, or the indicator a
// twin row is a cohort of, split (a blank Cohort cell's cohort).
func (s *sheetReader) readBrokenDownRow(r int, ind *rowIndicator, split app.Split, ref, name, section string, sectionAt app.Location, b *rowBreakdown, figures []Column, standIns bool) *rowIndicator {
	if ind == nil {
		ind = b.defined[ref]
	}
	if ind == nil {
		def := s.readIndicator(r, ref, name, section, sectionAt)
		ind = s.rowIndicatorOf(def)
		b.defined[ref] = ind
	}
	if name != "" {
		b.name = name
	}
	b.row = r
	area := s.l.Area
	if b.hasArea {
		if text := s.rowArea(r); text == "" {
			// Other rows name their areas: a blank one read as the
			// sheet's own is a reading, said (warnBlankAreas).
			s.blankAreas.add(r, b.area.index)
		} else {
			a, ok := s.l.authority().ParseArea(text)
			if !ok {
				if why := s.comparatorOf(text); why != "" {
					s.skipComparator(r, b.area.index, text, why)
					return ind
				}
				a = s.unknownArea(r, b.area.index, ind.ref, text)
			}
			area = a
		}
	}
	if b.hasCohort {
		if text := strings.TrimSpace(s.at(r, &b.cohort)); text != "" {
			sp, ok, doubt := parseSplit(text)
			switch {
			case doubt != "":
				s.warn(r, b.cohort.index, "%s: row skipped: cannot tell which children cohort %q counts, as %s (write e.g. Excluding UASC, UASC only, excl:ola+uasc)", ind.ref, text, doubt)
				return ind
			case !ok:
				s.warn(r, b.cohort.index, "%s: row skipped: cohort %q is not understood (expected e.g. All, Excluding UASC, UASC)", ind.ref, text)
				return ind
			}
			split = sp
		}
	}
	s.breakdown = true
	s.readRow(r, ind, split, area, figures, standIns)
	s.breakdown = false
	return ind
}

// warnBlankAreas says, once for the sheet, that rows with a blank area
// beside rows naming theirs were read as the sheet's own area (the
// authority's): a locality's row left blank (right of the names, or above
// the first area written) would pass for the authority's (QA33 F12).
func (s *sheetReader) warnBlankAreas(c Column) {
	if s.blankAreas.n == 0 {
		return
	}
	s.out.warn(s.l.Sheet, s.blankAreas.first, "column %s %q: %s with a blank area, where other rows name theirs, read as %s's (the first here); if a row is a locality's, write its area",
		c.Col, c.Header, plural(s.blankAreas.n, "1 row", fmt.Sprintf("%d rows", s.blankAreas.n)), s.l.Area)
	s.blankAreas = cellTally{}
}

// notOwn notes a target, floor or benchmark on a row of an Area or
// Cohort column that is not the authority's all-children row, which is
// not read: an indicator's targets and benchmarks are its authority's.
func (s *sheetReader) notOwn(r, c int) {
	if !s.breakdown {
		return
	}
	s.notOwns.add(r, c)
}

// warnNotOwn says, once for the sheet, that targets and benchmarks on
// rows of districts or cohorts were not read.
func (s *sheetReader) warnNotOwn() {
	if s.notOwns.n == 0 {
		return
	}
	what := "a target or benchmark"
	if s.notOwns.n > 1 {
		what = strconv.Itoa(s.notOwns.n) + " targets and benchmarks (the first here)"
	}
	// A district sheet's rows are the authority's, its Area unset.
	s.out.warn(s.l.Sheet, s.notOwns.first, "%s on rows of a district or cohort not read: an indicator's targets and benchmarks are read from the row of %s, all children", what, cmp.Or(s.l.Area, s.l.authority().Area()))
}

// holdsAreas reports whether column c, headed as areas, names at least
// one area of the authority (or one the officer has mapped, or another
// council's, which must not pass as the authority's): a column of
// service areas ("Early Help") is not a column of districts, and is left
// unread, said once at its heading, its rows read as the sheet's own.
// A column headed "Locality" holds areas by its heading, and so does one
// naming an indicator's rows under two entries ("Referrals" under Leigh
// and under Wigan Central): read as the sheet's own, each locality's
// figures were filed as the authority's (QA33 F12); kept under their
// names, each is said.
func (s *sheetReader) holdsAreas(c *Column) bool {
	switch normHeader(c.Header) {
	case "locality", "localities":
		return true
	}
	key, keyed := s.l.column(RoleRef)
	if !keyed || s.l.keyedByName() {
		key, keyed = s.l.column(RoleName)
	}
	entryOf := map[string]string{} // an indicator's first row's entry
	first, at := "", -1
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		text := s.rowArea(r)
		if text == "" {
			continue
		}
		if ind := strings.ToLower(strings.TrimSpace(s.at(r, &key))); keyed && ind != "" && !isTotalLabel(text) {
			if e, ok := entryOf[ind]; ok && !strings.EqualFold(e, text) {
				return true
			} else if !ok {
				entryOf[ind] = text
			}
		}
		if _, ok := s.l.authority().ParseArea(text); ok {
			return true
		}
		if _, ok := app.AnyArea(text); ok {
			return true // another council's, kept under its name and said
		}
		if _, mapped, _ := s.l.readArea(text); mapped {
			return true
		}
		if at < 0 {
			first, at = text, r
		}
	}
	if at >= 0 {
		s.notBreakdown(c, "none of its entries is %s or one of its districts (%q at %s), so each row is read as %s's; map the names to districts (import --area %q) to read them as areas",
			s.l.authority().Name, first, cellName(at, c.index), s.l.Area, first+"=DISTRICT")
	}
	return false
}

// holdsCohorts reports whether column c, headed as cohorts, names at
// least one cohort other than all children, or nothing but all children:
// a column of service groups ("Early Help") is left unread, said once at
// its heading.
func (s *sheetReader) holdsCohorts(c *Column) bool {
	first, at := "", -1
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		text := strings.TrimSpace(s.at(r, c))
		if text == "" {
			continue
		}
		sp, ok, doubt := parseSplit(text)
		if ok && sp != app.All || doubt != "" {
			return true
		}
		if !ok && at < 0 {
			first, at = text, r
		}
	}
	if at < 0 {
		return true
	}
	s.notBreakdown(c, "none of its entries is a cohort such as Excluding UASC (%q at %s), so each row is read as all children's", first, cellName(at, c.index))
	return false
}

// notBreakdown says, once, that column c is not read as the areas or
// cohorts of its rows, and why.
func (s *sheetReader) notBreakdown(c *Column, format string, args ...any) {
	if s.notBreakdowns[c.index] {
		return
	}
	if s.notBreakdowns == nil {
		s.notBreakdowns = map[int]bool{}
	}
	s.notBreakdowns[c.index] = true
	s.warn(s.l.HeaderRow-1, c.index, "column %s %q not read: "+format, append([]any{c.Col, c.Header}, args...)...)
}

// twinSplit reports the cohort a row with its own Ref is of the
// indicator above, as a twin row ("CIC05a", "... (excluding UASC)")
// names it; false where the row is not a twin read with confidence.
func twinSplit(last *rowIndicator, ref, name string) (app.Split, bool) {
	if last == nil || strings.EqualFold(ref, last.ref) || !hasPrefixFold(ref, last.ref) {
		return app.All, false
	}
	sp, isCohort, doubt := splitOf(name)
	return sp, isCohort && doubt == "" && sp != app.All
}
