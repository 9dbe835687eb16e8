package importer

// headerElsewhere reports whether row r, whose Ref cell (on a sheet keyed
// by names, its Indicator cell) is not a header's, is nevertheless the
// header of another table: a table stacked below the first but starting
// in another column, its "Ref" one to the right (a blank Ref cell) or
// to the left (its Indicator heading in the Ref column), or,
// on a sheet keyed by names, its Indicator heading with periods. Read by
// the first header's columns, such a table's rows had each been skipped
// for want of a Ref, its header never named.
func (s *sheetReader) headerElsewhere(r int) bool {
	row := s.tableRow(r)
	byName := s.l.keyedByName()
	found := false
	for _, t := range row {
		// A cheap look first: data rows rarely hold a heading's words.
		if role := roleWords()[normHeader(t)]; role == RoleRef || byName && role == RoleName {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	roles := rowRoles(row)
	if roles[RoleRef] > 0 {
		return roles[RoleName]+roles[RolePeriod]+roles[RoleYear] > 0
	}
	return byName && roles[RoleName] > 0 && roles[RolePeriod] > 0
}

// tableBelow reports whether row r starts another table below the one
// read, with columns of its own: the header of a table of other periods
// (read by its own columns, which say their own unread columns) or of
// one not read in place (its rows named by endSkip). Entries under it
// in a column the first header leaves blank are that table's, not an
// unheaded column of the first (warnUnused). A header repeating the
// first's columns, or only its labels, continues the first table.
func (s *sheetReader) tableBelow(r int) bool {
	col, ok := s.l.column(RoleRef)
	if !ok {
		col, _ = s.l.column(RoleName)
	}
	if !s.headerAgain(r, stripFootnote(s.at(r, &col))) {
		return false
	}
	nl, err := layoutFrom(s.l.Sheet, s.g, r)
	if err != nil {
		return true
	}
	if s.span != whole {
		nl = nl.within(s.span)
	}
	if sameColumns(nl.Columns, s.l.Columns) {
		return false
	}
	return nl.Kind != IndicatorSheet || datedPeriods(&nl)
}

// headingCell is the column of row r's first heading, in the table read:
// where a warning about a header row below stands.
func (s *sheetReader) headingCell(r int) int {
	for c, t := range s.tableRow(r) {
		if t != "" {
			return s.span.lo + c
		}
	}
	return s.span.lo
}
