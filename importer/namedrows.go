package importer

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"

	"scorecard/importer/xlsx"
)

// Many producers give no indicator codes: a sheet's header has an
// Indicator (Measure, Description) column and month columns, and either
// no Ref column or a "No." column numbering the rows 1, 2, 3. Such a
// sheet is read with each indicator known by its name, filed under a ref
// made from the name alone (nameRef), so that next month's workbook files
// the same name's figures under the same indicator. A row number is never
// a ref: a producer inserting a row shifts every number below it.

// namedLayout finds the header of a sheet keyed by names among its first
// limit rows: a row with an Indicator column and no Ref column, whose
// layout is a scorecard's of dated month, quarter or year columns. Only a
// sheet with no Ref header anywhere comes here (detect).
func namedLayout(sheet string, g *grid, limit int) (Layout, bool) {
	for r := 0; r < limit; r++ {
		roles := rowRoles(g.rows[r])
		if roles[RoleRef] > 0 || roles[RoleName] == 0 {
			continue
		}
		l, err := layoutFrom(sheet, g, r)
		if err == nil && tidyByName(&l) {
			// A long table keyed by names (tidynamed.go), said at its
			// Indicator heading once read (warnNamedRefs).
			return l, true
		}
		if err == nil && l.keyedByName() && datedPeriods(&l) {
			l.Unsure = append(l.Unsure, "no Ref column: the indicators are known by their names, each filed under a ref made from its name")
			return l, true
		}
	}
	return Layout{}, false
}

// datedPeriods reports whether a layout has a column of a dated period.
func datedPeriods(l *Layout) bool {
	for _, c := range l.Columns {
		if c.Role == RolePeriod && !c.Period.IsZero() {
			return true
		}
	}
	return false
}

// keyedByName reports whether a scorecard's indicators are known by their
// names: it has an Indicator column and no Ref column.
func (l *Layout) keyedByName() bool {
	if l.Kind == TidySheet {
		return tidyByName(l)
	}
	if l.Kind != IndicatorSheet {
		return false
	}
	_, ref := l.column(RoleRef)
	_, name := l.column(RoleName)
	return !ref && name
}

// nameColumn is the index of a header row's first Indicator heading,
// which on a sheet keyed by names stands where the Ref column would in
// detection (layoutFrom); 0 where it has none.
func nameColumn(row []string) int {
	for c, h := range row {
		if r, _, _ := headerRole(h); r == RoleName {
			return c
		}
	}
	return 0
}

// nameKey is the form of a name its ref is made from: lower case, words of
// letters, digits, "%" and "+", footnote markers dropped, so that
// "Children in care*" and "children  in care" are one indicator.
func nameKey(name string) string {
	s := strings.ToLower(stripFootnote(name))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '+'
	}), " ")
}

// initialsSkipped are words too common to stand in a ref's initials.
var initialsSkipped = map[string]bool{
	"of": true, "the": true, "and": true, "a": true, "an": true, "in": true, "on": true,
	"to": true, "for": true, "with": true, "by": true, "at": true, "or": true, "%": true, "+": true,
}

// nameRef is the ref an indicator known by its name is filed under: the
// initials of the name's words (at most six) and four digits of a hash
// of the whole name, "NCLA-0427" for "Number of children looked after".
// It depends on the name alone, never on the row, so the same name in
// any month's workbook gives the same ref; the digits keep names with
// the same initials apart.
func nameRef(name string) string {
	return keyRef(nameKey(name))
}

// keyRef is the ref of a key of words (nameKey, perhaps with a section's
// words before it and a footnote mark after it): the initials of its
// words that start with a letter or digit, and the hash of the whole.
func keyRef(key string) string {
	var b strings.Builder
	for _, w := range strings.Fields(key) {
		if initialsSkipped[w] || b.Len() >= 6 {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	if b.Len() == 0 {
		b.WriteString("N")
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%s-%04d", b.String(), h.Sum32()%10000)
}

// namedRows is what a sheet keyed by names has read so far: the rows each
// name was read on, and the refs given, for the sheet's warning.
type namedRows struct {
	header int               // the 1-based header row of the table read
	col    int               // and its Indicator column
	seen   map[string]int    // row of each name (and area and cohort) read
	refs   []string          // refs in the order first read, for the warning
	names  map[string]string // name of each ref, with its section
	keys   map[string]string // key each ref was made from
	filed  map[string]bool   // made refs filed otherwise, said once
}

// namedRef is the ref of row r of a sheet keyed by names, whose Indicator
// cell holds raw (name with its footnote marks set aside), under the
// section heading section ("" for none). It is "" where the row is not an
// indicator's, for the rules of a sheet with Refs to read as they read a
// row without one: no name, a section heading (the name its only entry),
// a cohort row ("Excluding UASC") under an indicator; a Total row keeps
// its name, to be skipped as a total. shown is the name the indicator is
// given: name, with its footnote mark kept (markedKey). skip is set where
// the row is not read, said at its cell: its name was read on a row above
// in the same table and section, and its figures would otherwise merge
// into that row's indicator.
func (s *sheetReader) namedRef(r int, raw, name, section string, hasFigures, underIndicator bool) (ref, shown string, skip bool) {
	n := &s.named
	if n.seen == nil || n.header != s.l.HeaderRow {
		// Each table has its own rows: the same names under a header
		// of other months are the same indicators.
		s.warnNamedRefs()
		nameCol, _ := s.l.column(RoleName)
		*n = namedRows{header: s.l.HeaderRow, col: nameCol.index, seen: map[string]int{}, names: map[string]string{}, keys: map[string]string{}}
	}
	nameCol, _ := s.l.column(RoleName)
	if hasFigures && isTotalLabel(name) {
		return name, name, false // skipped as a total, as on a sheet with Refs
	}
	if name == "" || underIndicator && isBreakdownLabel(name) || !hasFigures && !s.definesMore(r, nameCol.index) {
		return "", name, false
	}
	key, mark := markedKey(raw, name)
	shown = name
	if mark != "" {
		shown = name + mark
	}
	if section != "" {
		// The same short name ("Residential") under two sections
		// ("Placements", "Placement moves") is two measures. The
		// section's words come after the name's, so the ref's initials
		// are the name's first.
		key += " / " + nameKey(section)
		shown = section + " / " + shown
	}
	ref = keyRef(key)
	if f, ok := s.l.nameFilings[ref]; ok {
		if ref = s.fileName(r, nameCol.index, shown, key, ref, f); ref == "" {
			return "", shown, true // said by fileName
		}
	}
	if first, ok := n.seen[key+"\x00"+s.breakdownText(r)]; ok {
		s.warn(r, nameCol.index, "row skipped: %q is the name of row %d too; with no Ref column the indicators are known by their names, so the two rows would be one indicator; give one another name, or give the sheet a Ref column", name, first+1)
		return "", shown, true
	}
	n.seen[key+"\x00"+s.breakdownText(r)] = r
	if other, ok := n.keys[ref]; ok && other != key {
		s.warn(r, nameCol.index, "row skipped: %q makes the same ref %s as %q above; give the sheet a Ref column", shown, ref, n.names[ref])
		return "", shown, true
	}
	if mark != "" {
		s.warnMark(r, nameCol.index, name, mark, ref, section)
	}
	if _, ok := n.names[ref]; !ok {
		n.names[ref], n.keys[ref] = shown, key
		n.refs = append(n.refs, ref)
	}
	if section != "" {
		return ref, name + mark, false
	}
	return ref, shown, false
}

// definesMore reports whether row r has an entry in a column the layout
// reads besides the name (a polarity, a target): an indicator with no
// figures yet, not a section heading.
func (s *sheetReader) definesMore(r, nameCol int) bool {
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		if c.index != nameCol && strings.TrimSpace(s.at(r, c)) != "" {
			return true
		}
	}
	return false
}

// breakdownText is row r's Area and Cohort entries, which tell apart rows
// of one name on a sheet that breaks indicators down by rows.
func (s *sheetReader) breakdownText(r int) string {
	var parts []string
	if s.rowAreas != nil {
		parts = append(parts, strings.ToLower(s.rowArea(r)))
	} else if c, ok := s.l.rowAreaColumn(); ok {
		parts = append(parts, strings.ToLower(strings.TrimSpace(s.at(r, &c))))
	}
	if c, ok := s.l.column(RoleCohort); ok {
		parts = append(parts, strings.ToLower(strings.TrimSpace(s.at(r, &c))))
	}
	return strings.Join(parts, "\x00")
}

// namedRefsShown is how many refs the sheet's warning names.
const namedRefsShown = 6

// warnNamedRefs says, once for a table keyed by names, at its Indicator
// heading, that its indicators are known by their names and the refs
// they are filed under.
func (s *sheetReader) warnNamedRefs() {
	n := &s.named
	if len(n.refs) == 0 {
		return
	}
	var shown []string
	for _, ref := range n.refs[:min(len(n.refs), namedRefsShown)] {
		entry := fmt.Sprintf("%s %q", ref, n.names[ref])
		if key := n.keys[ref]; keyRef(key) != ref && keyRef(sheetKey(key, s.l.Sheet)) != ref {
			if f := s.l.nameFilings[keyRef(key)]; f.stored && f.ref == ref {
				entry += " (continuing the store's, said at its cell)" // continuedFiling
			} else {
				entry += " (the Ref of the same name, said at its cell)"
			}
		}
		shown = append(shown, entry)
	}
	if more := len(n.refs) - len(shown); more > 0 {
		shown = append(shown, fmt.Sprintf("and %d more (scorecard list gives them all)", more))
	}
	if n.header > 0 {
		s.warn(n.header-1, n.col, "no Ref column: the %d indicators below are known by their names, each filed under a ref made from its name: %s; the same name in a later workbook files under the same ref, and a name written otherwise starts another indicator", len(n.refs), strings.Join(shown, ", "))
	}
	n.refs, n.names, n.keys = nil, map[string]string{}, map[string]string{}
}

// rowNumberWords are headings of a column numbering a table's rows.
var rowNumberWords = map[string]bool{"no": true, "": true, "row": true, "item": true, "line": true, "nr": true, "s no": true, "sl no": true}

// warnRowNumbers says, on a sheet keyed by names, that column c headed
// head ("No.", "#") holding the rows' numbers is not read as their refs,
// and reports whether it did: a number shifts when a row is inserted, so
// filed under it next month's figures would land on another indicator.
func (s *sheetReader) warnRowNumbers(at, c int, head string) bool {
	if !s.l.keyedByName() || !rowNumberWords[normHeader(head)] {
		return false
	}
	name, _ := s.l.column(RoleName)
	var nums []int
	other := ""
	for r := max(s.l.FirstRow-1, 0); r < len(s.g.rows); r++ {
		t := strings.TrimSpace(s.g.at(r, c))
		if t == "" || strings.TrimSpace(s.at(r, &name)) == "" {
			// A section heading written across the row numbers nothing.
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(t, ".")); err == nil {
			nums = append(nums, n)
		} else if other == "" {
			other = t
		}
	}
	what := "numbers"
	switch {
	case other != "":
		what = fmt.Sprintf("entries such as %q", other)
	case len(nums) > 0:
		what = fmt.Sprintf("numbers %d to %d", nums[0], nums[len(nums)-1])
	}
	s.warn(at, c, "column %s %q not read as refs: it holds %s, which number the rows and shift when a row is inserted; the indicators are known by their names in column %s (head a column of fixed codes Ref to file them by those)", xlsx.ColumnName(c), strings.TrimSpace(head), what, name.Col)
	return true
}
