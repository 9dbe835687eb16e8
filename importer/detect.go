package importer

import (
	"errors"
	"fmt"
	"math"
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

// detect finds the layout of a sheet from its first rows: the header row
// (the first with a Ref column beside an Indicator or Period column, else
// one with an Indicator column beside periods: namedLayout), any
// second header row beneath it, the role of each column, and from those
// the kind of sheet.
func detect(sheet string, g *grid) (Layout, error) {
	limit := min(len(g.rows), headerSearchRows)
	for r := 0; r < limit; r++ {
		roles := rowRoles(g.rows[r])
		if roles[RoleRef] == 0 || roles[RoleName]+roles[RolePeriod]+roles[RoleYear] == 0 {
			continue
		}
		if l, ok, err := monthsDownLayout(sheet, g, r, r+1); ok {
			return l, err
		}
		return layoutFrom(sheet, g, r)
	}
	if l, ok := namedLayout(sheet, g, limit); ok {
		return l, nil
	}
	if l, ok, err := monthsDownLayout(sheet, g, 0, limit); ok {
		return l, err
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
// is one of targets: its name says so ("Targets 2025-26", "Annual
// targets"), or, where its name speaks of no targets, its title does
// ("Kent targets and milestones"). A name or title that also speaks of
// performance ("Performance v Target", "KPIs and Targets", "Target
// Tracker", "Kent scorecard - targets and actuals") is a scorecard's,
// whose period columns hold figures. The title is the first row above
// the header, alone in its row in column A or B; other text above a
// header (a RAG key, "Target" captioning the Target and Floor columns)
// is not a title.
func targetsSheet(sheet string, g *grid, h int) bool {
	if namesTargets(sheet) {
		return !ofPerformance(sheet)
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		var texts []int
		for c, t := range g.rows[r] {
			if strings.TrimSpace(t) != "" {
				texts = append(texts, c)
			}
		}
		if len(texts) == 0 {
			continue
		}
		title := g.rows[r][texts[0]]
		return len(texts) == 1 && texts[0] <= 1 && namesTargets(title) && !ofPerformance(title)
	}
	return false
}

// namesTargets reports whether s has the word target or targets.
func namesTargets(s string) bool {
	for _, w := range words(s) {
		if w == "target" || w == "targets" {
			return true
		}
	}
	return false
}

// performanceWords are words of a name or title that make a sheet
// speaking of targets a scorecard, reporting performance against them.
var performanceWords = map[string]bool{
	"scorecard": true, "performance": true, "actual": true, "actuals": true, "outturn": true, "outturns": true,
	"kpi": true, "kpis": true, "tracker": true, "tracking": true, "dashboard": true, "report": true, "monitoring": true,
	"v": true, "vs": true, "versus": true, "against": true, "met": true, "achieved": true,
}

// ofPerformance reports whether a name or title speaks of performance,
// not only of targets (performanceWords).
func ofPerformance(s string) bool {
	for _, w := range words(s) {
		if performanceWords[w] {
			return true
		}
	}
	return false
}

// words are the lower-case words of s, letters only.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
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
	if refCol < 0 {
		refCol = nameColumn(g.rows[h]) // a sheet keyed by names (namedrows.go)
	}
	// A second header row sits under the first when its Ref cell is blank
	// and it names roles the first leaves as group captions: "Target" and
	// "Floor" under a merged "2024/25".
	// So does a row of bare month names ("Apr", "May") under the years
	// they are in (monthsUnderYears).
	second := false
	var dated map[int]app.Period
	if h+1 < len(g.rows) && (refCol >= len(g.rows[h+1]) || strings.TrimSpace(g.rows[h+1][refCol]) == "") {
		roles := rowRoles(g.rows[h+1])
		// Months their caption cannot date are still a header row,
		// left unread and said so (warnMonthsUnderYears), not figures.
		var caps []yearCaption
		dated, caps = monthsUnderYears(g, h, refCol)
		second = len(roles) > 0 && roles[RoleName] == 0 && !figuresUnder(g, h) || len(caps) > 0
	}
	if !second {
		// Bare months in the header itself, under years in the row above.
		var caps []yearCaption
		dated, caps = monthsUnderYears(g, h-1, refCol)
		l.captionsAbove = len(caps) > 0
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
	// (yearOrMonth); among months written as numbers (numericMonth) it is
	// the month between them, and otherwise the year.
	monthColumns := false
	for c := 0; c < width && !monthColumns; c++ {
		monthColumns = numericMonth(strings.TrimSpace(g.at(label, c)))
	}
	// Columns headed by periods on a sheet of targets are its targets by
	// year and its milestones by quarter or month, not figures: they are
	// left unread, and said so (warnUnused), rather than read as the
	// periods' figures.
	targets := targetsSheet(sheet, g, h)
	// Months headed by dates in figures, as a CSV keeps a date cell.
	heads := make([]string, width)
	for c := range heads {
		heads[c] = g.at(label, c)
		if second && strings.TrimSpace(heads[c]) == "" {
			heads[c] = g.at(h, c)
		}
	}
	asDates, order := dateHeadings(heads, label)
	l.dateOrder = order
	figured, figuredReads := figuredMonths(heads, label)
	l.figured = figuredReads
	for _, f := range figuredReads {
		for c, why := range f.refused {
			l.refuseColumn(c, why)
		}
	}
	l.guesses = guessPeriodHeadings(sheet, g, h, label, heads, targets)
	counted := countTotalColumns(heads)
	var latest app.Period // the row's latest month or quarter, found once asked for (lastYearsMonth)
	// A column a heading: made once at its size, not grown by doubling
	// (a Column is 184 bytes, and a sheet of sixty months grew to 128).
	l.Columns = slices.Grow(l.Columns, width)
	for c := 0; c < width; c++ {
		head, at := strings.TrimSpace(g.at(label, c)), label
		if second && head == "" {
			head, at = g.at(h, c), h
		}
		role, period, area, guessed := headerRoleGuessed(head)
		if r, ok := counted[c]; ok && role == "" {
			role = r
		}
		split := app.All
		if role == "" {
			// "Mar-25 Kent excl UASC": the month's figure for an area's
			// children, its area read as the authority's by settle.
			if p, rest, ok := monthAreaHeading(head); ok {
				role, period, area = RolePeriod, p, app.Area(rest)
			} else if p, sp, ok := monthCohortHeading(head); ok {
				// "Mar-25 excl UASC": the row's area's (monthcohorts.go).
				role, period, split = RolePeriod, p, sp
			}
		}
		if p, ok := asDates[c]; ok && role == "" {
			role, period = RolePeriod, p
		}
		if p, ok := figured[c]; ok && (role == "" || role == RolePeriod) {
			// A run of MM/YY months overrides "11/12" read alone as
			// the year 2011/12 (figuredmonths.go).
			role, period = RolePeriod, p
		}
		if p, _, ok := footnotedPeriod(head); ok && role == "" {
			role, period = RolePeriod, p // said by warnFootnotedPeriods
		}
		if role == "" && mayBeLastYears(head) {
			if latest.IsZero() {
				latest = latestHeading(heads)
			}
			if p, ok := lastYearsMonth(head, latest); ok {
				role, period = RolePeriod, p // said by warnLastYearsMonths
			}
		}
		if p, ok := dated[c]; ok && at == label {
			role, period = RolePeriod, p
		}
		if m, both := yearOrMonth(strings.TrimSpace(head)); both && (role == "" || role == RolePeriod) {
			// Said by warnYearOrMonth.
			role, period = RolePeriod, app.Period{Kind: app.FinancialYear, Year: m.Year}
			if monthColumns {
				period = m
			}
		}
		guessedPeriod := false
		if p, ok := l.guesses.period(c); ok && role == "" {
			role, period, guessedPeriod = RolePeriod, p, true
		}
		if role == RolePeriod && targets && !period.IsZero() {
			continue
		}
		if role == "" || role == RolePeriod && early(period) {
			// A month before EarliestYear is left unread, and said so
			// (warnUnused).
			continue
		}
		if role == RolePeriod && !guessedPeriod {
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
		col := Column{Col: xlsx.ColumnName(c), Header: text, Role: role, Period: period, Area: area, Split: split, Hidden: g.isHidden(c), index: c, guessed: guessed}
		if role == RoleMilestone || role == RoleMilestoneFloor {
			_, col.Milestone, _, _ = milestoneHeading(strings.TrimSpace(head))
		}
		l.Columns = append(l.Columns, col)
	}
	settleGuessedPeriods(&l, &l.guesses)
	l.Unsure = append(l.Unsure, l.guesses.unsure...)
	typedDates(&l, g, label, caption)
	monthsInTurn(&l, g, label, caption)
	monthJumpsBack(&l, g, label, caption)
	if err := periodSubColumns(&l, g, h, refCol, width); err != nil {
		return Layout{Sheet: sheet, Kind: Skip}, err
	}
	if err := subColumnsUnderPeriods(&l, g, label, caption, refCol); err != nil {
		return Layout{Sheet: sheet, Kind: Skip}, err
	}
	if err := areasUnderPeriods(&l, g, label, caption, refCol); err != nil {
		return Layout{Sheet: sheet, Kind: Skip}, err
	}
	outturnYears(&l)
	l.Kind = kindOf(&l)
	if l.Kind == TargetSheet && monthsWin(&l, g) {
		l.Kind = IndicatorSheet
	}
	if l.Kind == IndicatorSheet {
		captionedNotActuals(&l, g, caption, refCol)
		titleYears(&l, sheet, g, h)
		notesColumn(&l, g, label)
	}
	disambiguate(&l)
	plainTargetYears(&l)
	datedBenchmarks(&l)
	if l.Kind == DistrictSheet {
		l.Period, l.TitlePeriod, l.titleDate = titlePeriod(sheet, g, h)
		unknownAreaColumns(&l, g, label, width)
	}
	readLocalityColumns(&l, sheet, g, h, label, width)
	if l.Kind == DistrictSheet && l.Period.Kind == app.Month {
		l.titleAt.source, l.titleAt.cell = periodSource(sheet, g, h, l.Period, l.titleDate), titleMonthCell(g, &l)
	}
	if l.Kind == IndicatorSheet {
		columnAreas, err := areasOverPeriods(&l, g, label)
		if err != nil {
			return Layout{Sheet: sheet, Kind: Skip}, err
		}
		if !columnAreas {
			if err := sheetTitledOtherwise(sheet, g, h); err != nil {
				return Layout{Sheet: sheet, Kind: Skip}, err
			}
			l.Area, l.titleMention = titleArea(sheet, g, h)
		}
		if l.Area == "" && !columnAreas {
			l.Area, l.areaOfName = districtOnlyIn(sheet)
		}
		if err := settleSubArea(&l); err != nil {
			return Layout{Sheet: sheet, Kind: Skip}, err
		}
		quarterEnds(&l, sheet, g, h)
	}
	l.Unsure = append(l.Unsure, doubts(&l, g, h)...)
	return l, nil
}

// unknownAreaColumns takes as areas the columns of a district sheet,
// right of its first area (or left of it, naming an area and a cohort,
// areaCohortHeading, or an authority with more words, "Surrey CC"),
// whose headings name no role and beneath which are figures: an area
// the profiles do not know ("Localities North", "Out of Area"), whose
// figures the import keeps and the review asks about, rather than
// leaving the column unread. Only the rows a sheet's
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
	for c := 0; c < width; c++ {
		head := strings.TrimSpace(g.at(label, c))
		if known[c] || head == "" || !figuresBelow(g, l.FirstRow-1, c) {
			continue
		}
		if c < first && !areaCohortHeading(head) && !authorityWithMore(head) {
			// Left of the first area, only an area's name with its
			// children's ("Kent incl UASC | Kent excl UASC |
			// Ashford"), read or refused at its heading by settle.
			continue
		}
		l.Columns = append(l.Columns, Column{Col: xlsx.ColumnName(c), Header: head, Role: RoleArea, Area: app.Area(head), Hidden: g.isHidden(c), index: c})
	}
	slices.SortStableFunc(l.Columns, func(a, b Column) int { return a.index - b.index })
}

// authorityWithMore reports whether a heading names an authority with
// words or a code its name leaves out ("Surrey CC", "Leeds (383)"):
// which authority the sheet is for is not known yet, and readArea reads
// the store's own as it, saying so at its heading, and keeps another's
// as an area of its own, which the review asks about.
func authorityWithMore(head string) bool {
	return slices.ContainsFunc(app.Authorities(), func(a *app.Authority) bool { return a.NamedWithMore(head) })
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
		if ref.index >= len(g.rows[r]) || roleWords()[normHeader(g.rows[r][ref.index])] != RoleRef {
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
		switch {
		case !l.TitlePeriod.IsZero():
			ds = append(ds, "the title names "+l.TitlePeriod.Label()+", not a month: the district figures take the scorecard's latest month, or that period where it has no months")
		case l.Period.IsZero():
			ds = append(ds, "no period in the title or sheet name: the district figures take the scorecard's latest period")
		}
	}
	// Tables side by side are each read by their own columns.
	spans := l.sideTables()
	for _, sp := range spans[1:] {
		c := l.Columns[slices.IndexFunc(l.Columns, func(c Column) bool { return c.index == sp.lo })]
		if sp.refless {
			ds = append(ds, fmt.Sprintf("column %s %q starts a second table beside the first, with no Ref column of its own: not read", c.Col, c.Header))
			continue
		}
		ds = append(ds, fmt.Sprintf("column %s %q starts a second table beside the first: its rows are read by their Ref in column %s", c.Col, c.Header, c.Col))
	}
	type key struct {
		role      Role
		period    app.Period
		area      app.Area
		split     app.Split // "Mar-25" beside "Mar-25 excl UASC" is no twin
		milestone string
		table     int
	}
	seen := make(map[key]string, len(l.Columns))
	for _, c := range l.Columns {
		if c.Hidden || c.Role == RoleComments {
			continue
		}
		table := slices.IndexFunc(spans, func(sp colSpan) bool { return sp.has(c.index) })
		k := key{c.Role, c.Period, c.Area, c.Split, c.Milestone, table}
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
		case c.Role == RolePeriod && c.Area == "" && l.guesses.read[c.index].relative:
			// "Same month last year" beside Kent and its districts is
			// dated by the title's month: the sheet stays one of areas,
			// for that month, and the column is said unread (QA24a D4).
		case c.Role == RolePeriod && c.Area == "":
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

// monthsWin reports whether a sheet kindOf took for a targets table,
// having a Year column beside Target or Floor, is a scorecard: it has
// month or quarter columns, which a targets table (one row per indicator
// and year) has not, and no Ref repeats in its first rows, as one
// indicator's years would. Its "Target Year" column then dates each
// row's target (readRowExtras). Read as a targets table, a scorecard's
// figures, names and polarities had all been left unread.
func monthsWin(l *Layout, g *grid) bool {
	months := false
	for _, c := range l.Columns {
		if c.Role == RolePeriod && (c.Period.Kind == app.Month || c.Period.Kind == app.Quarter) {
			months = true
			break
		}
	}
	ref, ok := l.column(RoleRef)
	if !months || !ok {
		return false
	}
	seen := map[string]bool{}
	for r := l.FirstRow - 1; r < min(len(g.rows), l.FirstRow-1+headerSearchRows); r++ {
		if ref.index >= len(g.rows[r]) {
			continue
		}
		t := strings.ToLower(strings.TrimSpace(g.rows[r][ref.index]))
		if t == "" {
			continue
		}
		if seen[t] {
			return false
		}
		seen[t] = true
	}
	return true
}

// noHeaderError reports a sheet without a layout at its first cell.
func noHeaderError(file, sheet string) error {
	return &app.SourceError{Location: app.Location{File: file, Sheet: sheet, Cell: "A1"}, Err: errNoHeader}
}

// figuresUnder reports whether row h+1 holds figures under the period
// headings of row h: a row of data, "England" with its months' figures
// above the first indicator, not a second header row naming roles. A
// whole number a heading could be (a month's, a year's) is not counted.
func figuresUnder(g *grid, h int) bool {
	n := 0
	for c, head := range g.rows[h] {
		v, ok := plainNumber(strings.TrimSpace(g.at(h+1, c)))
		if !ok || v == math.Trunc(v) && (v >= 1 && v <= 12 || v >= 1990 && v <= 2100) {
			continue
		}
		if role, _, _, _ := headerRoleGuessed(strings.TrimSpace(head)); role == RolePeriod {
			n++
		}
	}
	return n >= 2
}
