package importer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// headerSearchRows is how far down a sheet the header row is looked for:
// title blocks, logos and notes rarely take more than a screenful.
const headerSearchRows = 40

// errNoHeader is the reason a sheet has no layout; the caller adds where.
var errNoHeader = errors.New("no header row found (expected a row with Ref and Indicator columns, or Ref and Period for a tidy table)")

// roleWords maps a normalised header (see normHeader) to the role it names.
// Matching is exact after normalisation, so "Target" is a target but
// "Target met?" is not; containsWords below covers the freer wordings.
var roleWords = map[string]Role{
	"ref": RoleRef, "ref no": RoleRef, "reference": RoleRef, "code": RoleRef,
	"indicator ref": RoleRef, "pi ref": RoleRef, "kpi ref": RoleRef, "measure ref": RoleRef,
	"id": RoleRef, "indicator code": RoleRef, "indicator id": RoleRef, "kpi": RoleRef,
	"indicator": RoleName, "indicators": RoleName, "description": RoleName,
	"indicator description": RoleName, "measure": RoleName, "performance indicator": RoleName,
	"indicator name": RoleName, "name": RoleName, "measure description": RoleName,
	"performance measure": RoleName, "indicator title": RoleName, "title": RoleName,
	"section": RoleSection, "service area": RoleSection, "theme": RoleSection, "service": RoleSection,
	"polarity": RolePolarity, "good is": RolePolarity, "good performance": RolePolarity,
	"data period": RoleDataPeriod, "period type": RoleDataPeriod, "frequency": RoleDataPeriod,
	"reporting period": RoleDataPeriod, "data type": RoleDataPeriod,
	"unit": RoleUnit, "units": RoleUnit, "format": RoleUnit, "measure type": RoleUnit,
	"guidance": RoleGuidance, "definition": RoleGuidance, "how calculated": RoleGuidance,
	"calculation": RoleGuidance, "how it is calculated": RoleGuidance,
	"decimals": RoleDecimals, "decimal places": RoleDecimals, "dp": RoleDecimals,
	"year type": RoleYearType, "target year type": RoleYearType,
	"cohorts not counted": RoleUnaffected, "not counted": RoleUnaffected, "unaffected by": RoleUnaffected,
	"target": RoleTarget, "targets": RoleTarget,
	"floor": RoleFloor, "floor standard": RoleFloor, "minimum": RoleFloor, "floor target": RoleFloor,
	"tolerance": RoleTolerance,
	"rag":       RoleRAG, "rag rating": RoleRAG, "rag status": RoleRAG, "rating": RoleRAG,
	"dot": RoleDoT, "direction of travel": RoleDoT, "direction": RoleDoT, "d o t": RoleDoT,
	"trend":   RoleDoT,
	"england": RoleEngland, "national": RoleEngland, "england average": RoleEngland,
	"national average": RoleEngland, "eng": RoleEngland, "england avg": RoleEngland,
	"previous year outturn": RolePrevious, "previous year": RolePrevious, "outturn": RolePrevious,
	"prev yr outturn": RolePrevious, "last year": RolePrevious, "last year outturn": RolePrevious,
	"stat neighbours": RoleNeighbours, "statistical neighbours": RoleNeighbours,
	"stat neighbours average": RoleNeighbours, "statistical neighbours average": RoleNeighbours,
	"sn": RoleNeighbours, "sns": RoleNeighbours, "sn average": RoleNeighbours, "sn avg": RoleNeighbours,
	"comments": RoleComments, "comment": RoleComments, "commentary": RoleComments,
	"narrative": RoleComments, "comments and actions": RoleComments,
	"numerator": RoleNumerator, "num": RoleNumerator,
	"denominator": RoleDenominator, "den": RoleDenominator, "denom": RoleDenominator,
	"period": RolePeriod, "month": RolePeriod, "time period": RolePeriod, "date": RolePeriod,
	"area": RoleArea, "district": RoleArea, "geography": RoleArea, "area name": RoleArea,
	"cohort": RoleCohort, "split": RoleCohort, "population": RoleCohort, "group": RoleCohort,
	"value": RoleValue, "figure": RoleValue, "result": RoleValue, "actual": RoleValue,
	"status": RoleStatus, "status code": RoleStatus,
	"year": RoleYear, "financial year": RoleYear, "academic year": RoleYear, "target year": RoleYear,
	"rule": RoleRule, "cohort rule": RoleRule,
	"lead officer": RoleOwner, "owner": RoleOwner, "responsible officer": RoleOwner,
	"indicator owner": RoleOwner, "measure owner": RoleOwner, "officer": RoleOwner,
}

// containsWords recognises headers by a phrase anywhere in them, tried in
// order after roleWords: "Previous year outturn (2023/24)", "Stat
// Neighbours average".
var containsWords = []struct {
	phrase string
	role   Role
}{
	{"polarity", RolePolarity},
	{"previous", RolePrevious},
	{"outturn", RolePrevious},
	{"last year", RolePrevious},
	{"prev yr", RolePrevious},
	{"neighbour", RoleNeighbours},
	{"neighbor", RoleNeighbours},
	{"stat n", RoleNeighbours},
	{"direction of travel", RoleDoT},
	{"numerator", RoleNumerator},
	{"denominator", RoleDenominator},
	{"england", RoleEngland},
	{"floor", RoleFloor},
	{"target", RoleTarget},
	{"rag", RoleRAG},
	{"comment", RoleComments},
}

// normHeader lower-cases a heading, drops footnote markers and
// punctuation, and squeezes spaces, so that "Ref." and " REF " and
// "Indicator*" meet their entries in roleWords.
func normHeader(s string) string {
	s = strings.ToLower(stripFootnote(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '%'
	}), " ")
}

// headerRole says what a heading names. Period columns come back as
// RolePeriod with their month or quarter, district columns as RoleArea
// with their area; a year in a target, floor, previous-year or benchmark
// heading ("Target 2024/25") comes back as its period.
func headerRole(h string) (Role, app.Period, app.Area) {
	r, p, a, _ := headerRoleGuessed(h)
	return r, p, a
}

// headerRoleGuessed is headerRole, also reporting whether the role was
// guessed from a phrase within the heading (containsWords) rather than
// known from the whole of it.
func headerRoleGuessed(h string) (Role, app.Period, app.Area, bool) {
	t := strings.TrimSpace(h)
	if t == "" {
		return "", app.Period{}, "", false
	}
	if r, _, ok := milestoneHeading(t); ok {
		return r, app.Period{}, "", false
	}
	if p, ok := periodHeading(t); ok {
		return RolePeriod, p, "", false
	}
	if a, ok := app.AnyArea(t); ok {
		return RoleArea, app.Period{}, a, false
	}
	year, rest := cutYear(t)
	n := normHeader(rest)
	if r, ok := roleWords[n]; ok {
		if year.IsZero() || yearRole(r) {
			return r, year, "", false
		}
	}
	for _, w := range containsWords {
		if strings.Contains(n, w.phrase) {
			return w.role, year, "", n != w.phrase
		}
	}
	return "", app.Period{}, "", false
}

// yearRole reports whether a role's heading may carry the year it is for.
func yearRole(r Role) bool {
	switch r {
	case RoleTarget, RoleFloor, RoleTolerance, RolePrevious, RoleEngland, RoleNeighbours:
		return true
	}
	return false
}

// periodHeading reads a period column heading: a month ("Mar-25",
// "March 2025", or a real date, its serial read raw), a quarter
// ("2024-Q4", or of a financial year, "Q1 2024/25") or a year ("2024/25",
// "2024/25 AY"), the heading being the period and nothing else.
func periodHeading(s string) (app.Period, bool) {
	// Every heading is asked, and most are words: a period has a digit,
	// and a number without one is an infinity or NaN, so words are
	// turned away before the parsers build an error for each.
	if !hasDigit(s) && !infOrNaN(s) {
		return app.Period{}, false
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		p, err := app.MonthFromExcelSerial(f)
		return p, err == nil
	}
	if !hasDigit(s) {
		return app.Period{}, false
	}
	if p, ok := financialQuarter(s); ok {
		return p, true
	}
	p, err := app.ParsePeriod(s)
	if err != nil {
		return app.Period{}, false
	}
	return p, true
}

// cutYear finds a financial or academic year ("2024/25", "2024-25 AY") in
// a heading and returns it with the heading minus the year.
func cutYear(s string) (app.Period, string) {
	if !hasDigit(s) {
		return app.Period{}, s // no year, and no words to split
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '[' || r == ']' || r == ':' || r == ','
	})
	for i, f := range fields {
		cand := f
		if i+1 < len(fields) && strings.EqualFold(fields[i+1], "AY") {
			cand += " AY"
		}
		p, err := app.ParsePeriod(cand)
		if err != nil || (p.Kind != app.FinancialYear && p.Kind != app.AcademicYear) {
			continue
		}
		rest := append(append([]string{}, fields[:i]...), fields[i+1:]...)
		if strings.HasSuffix(cand, " AY") {
			rest = append(append([]string{}, fields[:i]...), fields[i+2:]...)
		}
		return p, strings.Join(rest, " ")
	}
	return app.Period{}, s
}

// hasDigit reports whether s has an ASCII digit, as every period written
// out does.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// infOrNaN reports whether s, which has no digit, might be one of the
// numbers strconv.ParseFloat reads without one: "Inf", "-infinity", "NaN".
func infOrNaN(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return len(s) > 0 && len(s) <= len("infinity") && strings.ContainsRune("iInN", rune(s[0]))
}

// findMonth finds a reporting month in free text such as a title ("CYPE
// Scorecard - March 2025", "Data as at 31/03/2025" is not read) or a sheet
// name ("Districts Mar-25").
func findMonth(s string) (app.Period, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == ',' || r == ':' || r == '\u2013' || r == '\u2014'
	})
	for i := range fields {
		for _, cand := range []string{joinNext(fields, i), fields[i]} {
			if p, err := app.ParsePeriod(cand); err == nil && p.Kind == app.Month {
				return p, true
			}
		}
	}
	return app.Period{}, false
}

func joinNext(fields []string, i int) string {
	if i+1 < len(fields) {
		return fields[i] + " " + fields[i+1]
	}
	return fields[i]
}

// grid is a sheet's cell text, read raw (numbers unformatted, dates as
// serials, formulas as their cached values), with each cell's style
// index and the sheet's merged ranges where the source has them.
type grid struct {
	rows   [][]string
	style  [][]int32 // parallel to rows; nil for a CSV
	looks  []look    // by style index
	merged []xlsx.Range
	hidden []bool // columns hidden from view, by 0-based column
	// uncalculated are formula cells saved with no result; they read as
	// blanks.
	uncalculated []xlsx.Cell
	// date1904 is a workbook that counts dates from 1904. The reader
	// moves the serials of cells formatted as dates to the 1900 system;
	// a plain number read as a date is moved by serialShift.
	date1904 bool
}

// isHidden reports whether 0-based column c is hidden from view.
func (g *grid) isHidden(c int) bool { return c < len(g.hidden) && g.hidden[c] }

// at returns the text at 0-based row r, column c; a cell inside a merged
// range reads as the range's top-left cell, as a merged caption spans
// the columns beneath it.
func (g *grid) at(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 {
		return ""
	}
	if c < len(g.rows[r]) && g.rows[r][c] != "" {
		return g.rows[r][c]
	}
	for _, m := range g.merged {
		if r >= m.Row0 && r <= m.Row1 && c >= m.Col0 && c <= m.Col1 && (r != m.Row0 || c != m.Col0) {
			if m.Row0 < len(g.rows) && m.Col0 < len(g.rows[m.Row0]) {
				return g.rows[m.Row0][m.Col0]
			}
		}
	}
	return ""
}

// look returns what the format of the cell at 0-based row r, column c
// says about its figure.
func (g *grid) look(r, c int) look {
	if r < 0 || r >= len(g.style) || c < 0 || c >= len(g.style[r]) {
		return look{decimals: -1}
	}
	if id := int(g.style[r][c]); id >= 0 && id < len(g.looks) {
		return g.looks[id]
	}
	return look{decimals: -1}
}

// detect finds the layout of a sheet from its first rows: the header row
// (the first with a Ref column beside an Indicator or Period column), any
// second header row beneath it, the role of each column, and from those
// the kind of sheet.
func detect(sheet string, g *grid) (Layout, error) {
	limit := min(len(g.rows), headerSearchRows)
	for r := 0; r < limit; r++ {
		roles := rowRoles(g.rows[r])
		if roles[RoleRef] == 0 || roles[RoleName]+roles[RolePeriod]+roles[RoleYear] == 0 {
			continue
		}
		return layoutFrom(sheet, g, r)
	}
	return Layout{Sheet: sheet, Kind: Skip}, errNoHeader
}

// rowRoles counts the roles a row's cells name.
func rowRoles(row []string) map[Role]int {
	n := map[Role]int{}
	for _, h := range row {
		if r, _, _ := headerRole(h); r != "" {
			n[r]++
		}
	}
	return n
}

// targetsSheet reports whether a sheet whose header is at 0-based row h
// is one of targets: its name or a title above the header says so.
func targetsSheet(sheet string, g *grid, h int) bool {
	if strings.Contains(strings.ToLower(sheet), "target") {
		return true
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		for _, t := range g.rows[r] {
			if strings.Contains(strings.ToLower(t), "target") {
				return true
			}
		}
	}
	return false
}

// layoutFrom builds the layout for a header at 0-based row h.
func layoutFrom(sheet string, g *grid, h int) (Layout, error) {
	l := Layout{Sheet: sheet, HeaderRow: h + 1, FirstRow: h + 2}
	refCol := -1
	for c, s := range g.rows[h] {
		if r, _, _ := headerRole(s); r == RoleRef {
			refCol = c
			break
		}
	}
	// A second header row sits under the first when its Ref cell is blank
	// and it names roles the first leaves as group captions: "Target" and
	// "Floor" under a merged "2024/25".
	second := false
	if h+1 < len(g.rows) && (refCol >= len(g.rows[h+1]) || strings.TrimSpace(g.rows[h+1][refCol]) == "") {
		roles := rowRoles(g.rows[h+1])
		second = len(roles) > 0 && roles[RoleName] == 0
	}
	label, caption := h, h-1
	if second {
		label, caption = h+1, h
		l.FirstRow = h + 3
	}
	width := len(g.rows[h])
	if second {
		width = max(width, len(g.rows[h+1]))
	}
	// A heading such as "2009-10" is both a month and a financial year
	// (yearOrMonth); among month columns it is the month between them.
	monthColumns := false
	for c := 0; c < width && !monthColumns; c++ {
		r, p, _, _ := headerRoleGuessed(g.at(label, c))
		monthColumns = r == RolePeriod && p.Kind == app.Month
	}
	// Columns headed by years alone on a sheet of targets are its targets
	// by year, not figures: they are left unread, and said so
	// (warnUnused), rather than read as the years' outturns.
	targets := targetsSheet(sheet, g, h)
	for c := 0; c < width; c++ {
		head, at := strings.TrimSpace(g.at(label, c)), label
		if second && head == "" {
			head, at = g.at(h, c), h
		}
		role, period, area, guessed := headerRoleGuessed(head)
		if m, both := yearOrMonth(strings.TrimSpace(head)); both && monthColumns && (role == "" || role == RolePeriod) {
			role, period = RolePeriod, m // said by warnYearOrMonth
		}
		if role == RolePeriod && targets && (period.Kind == app.FinancialYear || period.Kind == app.AcademicYear) {
			continue
		}
		if role == "" || role == RolePeriod && early(period) {
			// A month before EarliestYear is left unread, and said so
			// (warnUnused).
			continue
		}
		if role == RolePeriod {
			period = g.headingSerial(at, c, head, period)
		}
		if guessed {
			l.Unsure = append(l.Unsure, fmt.Sprintf("column %s %q taken as %s from part of its heading", xlsx.ColumnName(c), strings.TrimSpace(head), role))
		}
		text := strings.TrimSpace(head)
		if cap := strings.TrimSpace(g.at(caption, c)); cap != "" && cap != text && (label != h || caption >= 0) {
			if period.IsZero() && yearRole(role) {
				if y, _ := cutYear(cap); !y.IsZero() {
					period = y
				}
			}
			if second && cap != strings.TrimSpace(g.at(label, c)) {
				text = cap + " / " + text
			}
		}
		col := Column{Col: xlsx.ColumnName(c), Header: text, Role: role, Period: period, Area: area, Hidden: g.isHidden(c), index: c}
		if role == RoleMilestone || role == RoleMilestoneFloor {
			_, col.Milestone, _ = milestoneHeading(strings.TrimSpace(head))
		}
		l.Columns = append(l.Columns, col)
	}
	l.Kind = kindOf(&l)
	disambiguate(&l)
	if l.Kind == DistrictSheet {
		l.Period = titlePeriod(sheet, g, h)
		unknownAreaColumns(&l, g, label, width)
	}
	if l.Kind == IndicatorSheet {
		l.Area = titleArea(sheet, g, h)
	}
	l.Unsure = append(l.Unsure, doubts(&l, g, h)...)
	return l, nil
}

// unknownAreaColumns takes as areas the columns of a district sheet,
// right of its first area, whose headings name no role and beneath which
// are figures: an area the profiles do not know ("Localities North",
// "Out of Area"), whose figures the import keeps and the review asks
// about, rather than leaving the column unread. Only the rows a sheet's
// first rows hold are looked at, so that detection from those and from
// the whole sheet agree.
func unknownAreaColumns(l *Layout, g *grid, label, width int) {
	first := -1
	known := map[int]bool{}
	for _, c := range l.Columns {
		known[c.index] = true
		if c.Role == RoleArea && c.Area != "" && (first < 0 || c.index < first) {
			first = c.index
		}
	}
	if first < 0 {
		return
	}
	for c := first + 1; c < width; c++ {
		head := strings.TrimSpace(g.at(label, c))
		if known[c] || head == "" || !figuresBelow(g, l.FirstRow-1, c) {
			continue
		}
		l.Columns = append(l.Columns, Column{Col: xlsx.ColumnName(c), Header: head, Role: RoleArea, Area: app.Area(head), Hidden: g.isHidden(c), index: c})
	}
	slices.SortStableFunc(l.Columns, func(a, b Column) int { return a.index - b.index })
}

// figuresBelow reports whether column c has a number in the rows from
// 0-based row from to the last a sheet's first rows hold.
func figuresBelow(g *grid, from, c int) bool {
	for r := from; r < min(len(g.rows), headerSearchRows); r++ {
		if c < len(g.rows[r]) {
			if _, err := strconv.ParseFloat(strings.TrimSpace(g.rows[r][c]), 64); err == nil {
				return true
			}
		}
	}
	return false
}

// doubts lists what makes a detected layout worth an officer's look
// before it is trusted, beyond columns whose role was guessed: another
// row below that could equally be the header, no figure columns, no
// month for district figures, two visible columns saying the same thing.
func doubts(l *Layout, g *grid, h int) []string {
	var ds []string
	last := h
	if l.FirstRow-2 > h {
		last = l.FirstRow - 2 // a second header row
	}
	ref, _ := l.column(RoleRef)
	for r := last + 1; r < min(len(g.rows), headerSearchRows); r++ {
		// A header repeated below has its Ref heading in the same
		// column; looking there first keeps data rows cheap.
		if ref.index >= len(g.rows[r]) || roleWords[normHeader(g.rows[r][ref.index])] != RoleRef {
			continue
		}
		roles := rowRoles(g.rows[r])
		if roles[RoleRef] > 0 && roles[RoleName]+roles[RolePeriod]+roles[RoleYear] > 0 {
			ds = append(ds, fmt.Sprintf("rows %d and %d both look like the header; took row %d", h+1, r+1, h+1))
			break
		}
	}
	switch l.Kind {
	case IndicatorSheet:
		// A sheet of definitions (Guidance, Unit, Decimals) is meant to
		// have no months; a scorecard without them has headings for its
		// months that were not recognised.
		if !l.has(RolePeriod) && !l.has(RoleGuidance) && !l.has(RoleUnit) && !l.has(RoleDecimals) {
			ds = append(ds, "no month or quarter columns: only targets, benchmarks and comments are read")
		}
		if !l.has(RoleName) {
			ds = append(ds, "no Indicator column: indicators are known by their Ref alone")
		}
	case DistrictSheet:
		if l.Period.IsZero() {
			ds = append(ds, "no month in the title or sheet name: the district figures take the scorecard's latest month")
		}
	}
	type key struct {
		role      Role
		period    app.Period
		area      app.Area
		milestone string
	}
	seen := map[key]string{}
	for _, c := range l.Columns {
		if c.Hidden || c.Role == RoleComments {
			continue
		}
		k := key{c.Role, c.Period, c.Area, c.Milestone}
		if first, ok := seen[k]; ok {
			ds = append(ds, fmt.Sprintf("columns %s and %s both read as %s; took %s", first, c.Col, c.Role, first))
			continue
		}
		seen[k] = c.Col
	}
	return ds
}

// disambiguate settles headings whose meaning depends on their
// neighbours: beside an Indicator column, "Measure" is the kind of
// measure, not the indicator's name; on an indicator sheet a "Target Year"
// column says whether targets run by financial or academic year.
func disambiguate(l *Layout) {
	named := false
	for i := range l.Columns {
		c := &l.Columns[i]
		switch {
		case c.Role == RoleName && named && normHeader(c.Header) == "measure":
			c.Role = RoleMeasure
		case c.Role == RoleName:
			named = true
		case c.Role == RoleYear && l.Kind == IndicatorSheet:
			c.Role = RoleYearType
		}
	}
}

// kindOf decides a sheet's kind from its columns.
func kindOf(l *Layout) Kind {
	periods, areas, plainPeriod := 0, 0, false
	for _, c := range l.Columns {
		switch {
		case c.Role == RolePeriod && c.Period.IsZero():
			plainPeriod = true
		case c.Role == RolePeriod:
			periods++
		case c.Role == RoleArea && c.Area != "":
			areas++
		}
	}
	switch {
	case plainPeriod:
		return TidySheet
	case l.has(RoleYear) && (l.has(RoleTarget) || l.has(RoleFloor) || l.has(RoleMilestone) || l.has(RoleMilestoneFloor)):
		return TargetSheet
	case areas >= 2 && periods == 0:
		return DistrictSheet
	}
	return IndicatorSheet
}

// titlePeriod finds the month a district sheet reports, in its title rows
// or its name; zero if neither says.
func titlePeriod(sheet string, g *grid, h int) app.Period {
	for r := 0; r < h; r++ {
		for _, s := range g.rows[r] {
			if p, ok := findMonth(s); ok {
				return p
			}
		}
	}
	p, _ := findMonth(sheet)
	return p
}

// titleArea finds the area an indicator sheet reports: its sheet name if
// that is an area ("Ashford"), else a district named in its title rows,
// else none, which the import reads as the store's authority (see
// areaCheck.settle).
func titleArea(sheet string, g *grid, h int) app.Area {
	if a, ok := app.AnyArea(sheet); ok {
		return a
	}
	for r := 0; r < h; r++ {
		for _, s := range g.rows[r] {
			if a, ok := districtIn(s); ok {
				return a
			}
		}
	}
	return ""
}

// districtIn finds a district named within a title such as "Ashford
// District Scorecard": the default authority's first, then any other's,
// whose sheet the import then refuses or files by the store's authority
// (see areaCheck.settle).
func districtIn(s string) (app.Area, bool) {
	if a, ok := app.DefaultAuthority().DistrictIn(s); ok {
		return a, true
	}
	for _, auth := range app.Authorities() {
		if a, ok := auth.DistrictIn(s); ok {
			return a, true
		}
	}
	return "", false
}

// noHeaderError reports a sheet without a layout at its first cell.
func noHeaderError(file, sheet string) error {
	return &app.SourceError{Location: app.Location{File: file, Sheet: sheet, Cell: "A1"}, Err: errNoHeader}
}
