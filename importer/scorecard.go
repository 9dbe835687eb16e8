package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// sheetReader reads one sheet under its layout into a log, for the
// collector to replay.
type sheetReader struct {
	out         *sheetLog
	l           Layout
	g           *grid
	scratch     []app.Observation // one row's figures, reused
	scratchCols []int             // and the columns they were read from
	floats      floats
	// countSaid are the percentage columns under a month said not read
	// for a count's row, whose figure is the "No." beside (subChoice).
	countSaid map[int]bool
	// latest is the sheet's latest period (see sheetLatest).
	latest app.Period
	// sectionSplit is the children the section heading over the rows
	// being read says its figures count: All, or an exclusion
	// (sectionCohort).
	sectionSplit app.Split
	// sectionAlone is the section heading over the rows being read where
	// it names a cohort alone ("UASC only"); its split is All for none.
	sectionAlone sectionAlone
	// nameUnitSaid is set once the unit the name column's heading names
	// has been said (headingUnit).
	nameUnitSaid bool
	// rowFloats hold a row's figures until the collector has copied them
	// (observe keeps no pointers), so one block serves every row.
	rowFloats floats
	// spans are the sheet's merged ranges across columns, by the row of
	// their top-left cell, made when first asked (mergedFigure).
	spans [][]xlsx.Range
	// downs are the sheet's ranges merged down over rows, by their first
	// column, made when first asked (downsMade; mergedDown).
	downs     [][]xlsx.Range
	downsMade bool
	// downSaid are the ranges merged down whose figure was said not read
	// (sharedAt).
	downSaid map[xlsx.Range]bool
	// dropped is the first figure of the sheet a row's reading dropped
	// while it had read none (noteDroppedFigure).
	dropped app.Location
	// ahead is what the sheet gives after the period its title names.
	ahead ahead
	// figured is the sheet's latest period with a figure (figuredUntil).
	figured struct {
		until app.Period
		done  bool
	}
	// italics counts the italic figures of a sheet read without a key
	// for them (warnItalics).
	italics cellTally
	// italicsNote is the note saying italics mean something other than
	// the previous year's outturn, on the sheet or else on another.
	italicsNote italicsNote
	// breakdown is set while a row of an Area or Cohort column is read;
	// notOwn counts the targets and benchmarks such rows give, which are
	// not read (see readBrokenDownRow).
	breakdown bool
	notOwns   cellTally
	// notBreakdowns are the Area and Cohort columns said not to hold
	// areas or cohorts, by index (see notBreakdown).
	notBreakdowns map[int]bool
	// comparators are the rows whose area is England, the neighbours or
	// the region, not read, by the normalised name, in the order first
	// met (warnComparators).
	comparators     map[string]*comparatorRows
	comparatorOrder []string
	// span is the columns of the table being read, where tables stand
	// side by side on the sheet (sideTables); the zero span is them all.
	span colSpan
	// undated are the England and statistical-neighbour columns whose
	// headings name no year, by heading row and column, as first read
	// (see warnUndatedBenchmarks).
	undated      map[[2]int]*undatedBench
	undatedOrder [][2]int
	// sectionsSaid are the number format sections said to have read a
	// figure, where a format's sections differ in scale (saySection).
	sectionsSaid map[string]bool
	// scalesSaid are the scales, powers of 1,000, a number format was
	// said to have shown a figure divided by (readShown).
	scalesSaid map[int]bool
	// blankSaid is set once a figure from a cell formatted to show
	// nothing has been said (sayBlank).
	blankSaid bool
	// named is what a sheet without a Ref column, its indicators known
	// by their names, has read (namedrows.go).
	named namedRows
	// hierarchy is a tidy table's Power BI date hierarchy, if it has one
	// (tidyhierarchy.go).
	hierarchy dateHierarchy
	// spanRefused are the rows whose figures a rolling or year-to-date
	// column does not give, by column (spancolumns.go).
	spanRefused map[int][]spanRow
	spanRead    map[int]bool // span columns read for some row
	spanNotes   []int        // span columns whose heading note waits
	// rowYearKinds are the kinds of year indicators' rows name, by ref,
	// for their cohort rows (rowyearkind.go).
	rowYearKinds map[string]app.PeriodKind
	// countPercent is the count row and percentage row of the indicator
	// being read, where it is given so (countpercentrows.go); nil else.
	countPercent *countPercentRows
	// figureFills counts the RAG ratings read from the fills of figures'
	// own cells (readFigureFill).
	figureFills cellTally
	// tidyPercent is a tidy table's percentage column beside its
	// Numerator and Denominator, checked against them (tidypercent.go);
	// nil for none.
	tidyPercent *tidyPercent
	// blankAreas counts the rows of an Area column naming other rows'
	// areas that leave theirs blank, read as the sheet's own
	// (warnBlankAreas).
	blankAreas cellTally
	// notesFound are the footnotes found for each mark (noteOf).
	notesFound map[string]foundNote
	// rowAreas are the areas the sheet's Area column gives its rows, by
	// 0-based row, merged or stepped cells filled (readRowAreas); nil
	// where no Area column is read.
	rowAreas []string
}

// cellTally counts the cells of a sheet that one warning speaks for, and
// names the first, where the warning stands.
type cellTally struct {
	n     int
	first string
}

// add counts the cell at 0-based row r, column c.
func (t *cellTally) add(r, c int) {
	if t.n == 0 {
		t.first = cellName(r, c)
	}
	t.n++
}

// at returns a data cell's own text. Merged ranges are not spread here:
// a merged section heading must not read as figures in every column. A
// cell of a column of spreadDown merged down from a row above reads as
// Excel shows it, the range's (mergeddown.go).
func (s *sheetReader) at(r int, c *Column) string {
	if r < len(s.g.rows) && c.index < len(s.g.rows[r]) && s.g.rows[r][c.index] != "" {
		return s.g.rows[r][c.index]
	}
	if spreadDown[c.Role] && len(s.g.merged) > 0 {
		return s.spreadAt(r, c)
	}
	return ""
}

// look returns what the format of the cell at row r, column c says of
// its figure: a blank cell merged down from a cell above shows that
// cell's text in that cell's format (a target of 0.2 formatted as 20%).
func (s *sheetReader) look(r int, c *Column) look {
	if len(s.g.merged) > 0 && (r >= len(s.g.rows) || c.index >= len(s.g.rows[r]) || s.g.rows[r][c.index] == "") {
		if m, ok := s.mergedDown(r, c.index); ok && r > m.Row0 {
			return s.g.look(m.Row0, m.Col0)
		}
	}
	return s.g.look(r, c.index)
}

func (s *sheetReader) warn(r, c int, format string, args ...any) {
	s.out.warn(s.l.Sheet, cellName(r, c), format, args...)
}

// rowIndicator is the indicator a scorecard row belongs to, for the twin
// rows and breakdown rows beneath it.
type rowIndicator struct {
	ref      string
	polarity app.Polarity
	yearType app.PeriodKind
	// dataPeriod is the data period its row gives, "" for none.
	dataPeriod app.DataPeriod
	// unit is the unit its row or the store states (statedUnit), ""
	// for none: it picks a count's or a percentage's column under a
	// month (subChoice).
	unit app.Unit
}

// rowIndicatorOf is what the rows below an indicator's own need of its
// definition ind, as read from its row or the sheet's.
func (s *sheetReader) rowIndicatorOf(ind app.Indicator) *rowIndicator {
	return &rowIndicator{ref: ind.Ref, polarity: ind.Polarity, yearType: ind.YearType, dataPeriod: ind.DataPeriod, unit: s.statedUnit(ind)}
}

// readTable reads a table of an indicator sheet (periods across) or a
// district sheet (areas across), in the columns of s.span: one row per
// indicator, with section heading rows, twin rows and breakdown blocks
// for cohorts, and footnotes below.
func (s *sheetReader) readTable(ctx context.Context) error {
	s.warnUnused()
	s.warnYearOrMonth()
	s.warnCalendarQuarters()
	s.warnWordedPeriods()
	s.warnNotActuals()
	s.warnMonthsUnderYears()
	s.warnQuarterEnds()
	s.warnTitleYears()
	s.warnSubColumns()
	s.savedChoice()
	s.warnLocalityColumns()
	l := &s.l
	var refCol, nameCol Column
	var hasName, byName bool
	var figures []Column
	// by gives each row's area and cohort where the sheet has an Area or
	// Cohort column (rows per district or cohort under month columns).
	var by rowBreakdown
	columns := func() {
		refCol, _ = l.column(RoleRef)
		nameCol, hasName = l.column(RoleName)
		if byName = l.keyedByName(); byName {
			refCol = nameCol
		}
		by = s.breakdownColumns()
		figures = figures[:0]
		for _, c := range l.Columns {
			if l.shadowed(c) {
				continue
			}
			if l.Kind == IndicatorSheet && c.Role == RolePeriod && !c.Period.IsZero() ||
				l.Kind == DistrictSheet && c.Role == RoleArea && c.Area != "" {
				figures = append(figures, c)
			}
		}
	}
	columns()
	legend := s.italicsLegend()
	standIns := s.l.standInKey != "" || legend.meaning == italicsStandIn
	if s.italicsNote = legend; legend.meaning == italicsUnsaid {
		s.italicsNote = s.l.italicsOther
	}
	s.latest = s.sheetLatest()
	section := ""
	var sectionAt app.Location // the section's heading, a statement of it
	var last *rowIndicator
	// cohortsOf is the indicator whose cohort rows ("UASC", "Excluding
	// UASC") are being read, below which a "Total" row is its all
	// children's.
	var cohortsOf *rowIndicator
	inNotes := false
	// heading is the last row read as a section's heading.
	var heading trailingLine
	// skipFrom is the first row of a table below, headed at row skipHead,
	// that is not read (nextTable); -1 for none.
	skipHead, skipFrom := -1, -1
	for r := l.FirstRow - 1; r < len(s.g.rows); r++ {
		if r%512 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.out.overLimit(r, len(s.g.rows)); err != nil {
				return err
			}
		}
		row := s.tableRow(r)
		if blankRow(row) {
			continue
		}
		ref := stripFootnote(s.at(r, &refCol))
		if s.headerAgain(r, ref) {
			s.endSkip(skipHead, skipFrom, r)
			head, read := r, false
			r, read = s.nextTable(r, section)
			skipFrom = -1
			if !read {
				skipHead, skipFrom = head, r+1
			}
			columns()
			last, inNotes = nil, false
			if s.l.Kind == DistrictSheet {
				// The title over a table of areas names their month,
				// not a section the indicators below belong to.
				section, sectionAt = "", app.Location{}
				s.sectionSplit, s.sectionAlone = app.All, sectionAlone{}
			}
			continue
		}
		if skipFrom >= 0 {
			continue
		}
		if hasName && s.titledHeader(r, ref, &refCol, &nameCol) {
			section, sectionAt = ref, s.loc(r, refCol.index)
			last, inNotes = nil, false
			s.sayTitledHeader(r, refCol.index, ref)
			s.sectionCohort(r, refCol.index, section)
			continue
		}
		name := ""
		if hasName && ref != "" {
			name = stripFootnote(s.nameAt(r, &nameCol))
		} else if hasName {
			name = stripFootnote(s.at(r, &nameCol))
		}
		hasFigures := false
		for i := range figures {
			if strings.TrimSpace(s.at(r, &figures[i])) != "" {
				hasFigures = true
				break
			}
		}
		if byName {
			var skip bool
			if ref, name, skip = s.namedRef(r, s.at(r, &nameCol), name, section, hasFigures, last != nil && !inNotes); skip {
				continue
			}
		}
		refLike := ref != "" && looksLikeRef(ref, hasFigures || name != "" && s.ownsDefinition(r, ref, name)) &&
			(hasFigures || name != "" || !footNoteText(ref))
		switch {
		case hasFigures && isTotalLabel(ref):
			s.warn(r, refCol.index, "row skipped: %q is a total of the rows above, not an indicator; give it a Ref (such as EH99) to read it as one", ref)
		case hasFigures && by.total(s, r):
			// A locality's subtotal under its measures, or the areas'
			// total: no area's figure, nor its indicator's (QA33 F12).
			s.skipComparator(r, by.area.index, s.rowArea(r), areaTotal)
		case inNotes && !hasFigures && allDigits(ref):
			// "1 | Figures for the latest month are provisional" under
			// "Notes:" is note 1, not an indicator with no figures yet.
			continue
		case refLike && by.given(s, r):
			inNotes = false
			ind, split := (*rowIndicator)(nil), app.All
			if sp, ok := twinSplit(last, ref, name); ok {
				if !s.cohortRowAgrees(r, last, sp, ref, name) {
					continue
				}
				ind, split = last, sp // a twin row, as below
			}
			last = s.readBrokenDownRow(r, ind, split, ref, name, section, sectionAt, &by, figures, standIns)
		case ref == "" && last != nil && !inNotes && hasFigures && by.row == r-1 && by.given(s, r) && (name == "" || name == by.name):
			// A Ref written once over its rows of areas or cohorts
			// (merged down, or left blank below as reports do).
			last = s.readBrokenDownRow(r, last, app.All, last.ref, name, section, sectionAt, &by, figures, standIns)
		case refLike:
			inNotes = false
			split, isCohort, doubt := splitOf(name)
			twin := last != nil && hasPrefixFold(ref, last.ref)
			switch {
			case twin && doubt != "":
				// Read as a cohort by a guess, a figure excluding UASC
				// could pass as UASC alone; as its own indicator it keeps
				// its name and figures.
				s.warn(r, nameCol.index, "%s: read as an indicator of its own, not as a cohort of %s: cannot tell which children %q counts, as %s (write e.g. \"Excluding UASC\" or \"UASC only\")", ref, last.ref, name, doubt)
			case twin && isCohort && split != app.All:
				if s.cohortRowAgrees(r, last, split, ref, name) {
					s.cohortRowExtras(r, last, split, ref)
					s.readRow(r, last, split, l.Area, figures, standIns)
				}
				continue
			}
			alone, prior, isAlone := s.sectionAloneRow(r, ref, name)
			if prior != nil {
				// The indicator again, under its cohort's heading.
				if s.cohortRowAgrees(r, prior, alone, ref, name) {
					s.cohortRowExtras(r, prior, alone, ref)
					s.readRow(r, prior, alone, l.Area, figures, standIns)
				}
				continue
			}
			own := r // the row giving the indicator's figures
			if pair, ok := s.countPercentPair(r, &refCol, &nameCol, hasName, ref, name); ok && !by.any() {
				s.countPercent, own = &pair, pair.percent
			}
			defName := name
			nameSplit, stored, byName := s.storedNameSplit(ref, name)
			if byName {
				defName = stored
				s.warn(r, nameCol.index, "%s: the name %q is the stored name %q with words naming children added: its figures are read as %s, not all children's, and the stored name stands", ref, name, stored, nameSplit.Label())
			}
			ind := s.readIndicator(r, ref, defName, section, sectionAt)
			last = s.rowIndicatorOf(ind)
			by.name, by.row = name, r
			if by.hasArea && hasFigures {
				s.blankAreas.add(r, by.area.index) // read as the sheet's own
			}
			split = s.markedSplit(r, &refCol, &nameCol, hasName, ind.Ref)
			if isAlone && split == app.All {
				split = alone
			}
			if byName && split == app.All {
				split = nameSplit
			}
			if counts, _ := nestedSplit(s.sectionSplit, split); counts != app.All {
				// Its targets and benchmarks are said as a cohort row's.
				s.cohortRowExtras(r, last, counts, ind.Ref)
			}
			s.readRow(own, last, split, l.Area, figures, standIns)
			if s.countPercent != nil {
				s.sayCountPercent(ind.Ref)
				s.countPercent = nil
				r++ // the pair's second row, read
			}
		case ref == "" && last != nil && !inNotes && hasFigures && isTotalLabel(name) && cohortsOf != last:
			// With no cohort row above it, "Total" under an indicator
			// sums the indicators above, not this one's children.
			s.warn(r, nameCol.index, "row skipped: %q is a total of the rows above, not %s or a cohort of it; give it a Ref (such as EH99) to read it as an indicator", name, last.ref)
		case ref == "" && last != nil && !inNotes && isBreakdownLabel(name):
			split, _, doubt := splitOf(name)
			if doubt != "" {
				if !hasFigures {
					continue // as any label row without figures
				}
				s.warn(r, nameCol.index, "%s: row skipped: cannot tell which children %q counts, as %s (write e.g. \"Excluding UASC\" or \"UASC only\")", last.ref, name, doubt)
				continue
			}
			if split != app.All {
				cohortsOf = last
			}
			if !s.cohortRowAgrees(r, last, split, "", name) {
				continue
			}
			s.cohortRowExtras(r, last, split, "")
			s.readRow(r, last, split, l.Area, figures, standIns)
		case !hasFigures:
			text := firstText(row)
			at := s.span.lo + slices.IndexFunc(row, func(t string) bool { return strings.TrimSpace(t) != "" })
			if isFootnote(text) || inNotes {
				inNotes = true
				s.sayNote(r, at, text)
				continue
			}
			if continues, ok := pageHeader(stripFootnote(text)); ok {
				// A report printed over pages repeats its title, or its
				// section's, on each: the section runs on under it.
				if continues != "" {
					section = continues
					s.sectionCohort(r, at, section)
				}
				above := "the table above"
				if section != "" {
					above = fmt.Sprintf("section %q", section)
				}
				s.warn(r, at, "row read as a page's header, %q, not as the heading of a section: the rows below it continue %s", text, above)
				continue
			}
			section = stripFootnote(text)
			sectionAt = s.loc(r, at)
			heading = trailingLine{r: r, c: at, text: text, figs: len(s.out.figs)}
			s.saySectionCells(r, at, section)
			s.sectionCohort(r, at, section)
		case ref == "" && name == "" && s.captionsAgain(r, row):
			// A page's header repeating the captions over the months
			// ("2024/25" merged across them): no figures (QA27b 9).
			continue
		default:
			s.warn(r, refCol.index, "row skipped: it has figures but no indicator Ref (expected a Ref such as CIC05)")
		}
	}
	s.endSkip(skipHead, skipFrom, len(s.g.rows))
	s.warnAllDropped()
	if heading.text != "" && heading.figs == len(s.out.figs) && heading.figs > 0 {
		// A line under the table heading no rows is a note on it.
		s.sayNote(heading.r, heading.c, heading.text)
	}
	s.warnSpanRefused()
	s.warnNamedRefs()
	s.warnItalics()
	s.warnNotOwn()
	s.warnFigureFills()
	if by.hasArea {
		s.warnBlankAreas(by.area)
	}
	s.warnUndatedBenchmarks()
	s.warnComparators()
	return nil
}

// italicsLegend reads the sheet's own note on what italic figures are,
// beside or under the table: the key saying they stand in from the
// previous reporting year (only then is italic type read as meaning
// anything), or a note saying they are something else.
func (s *sheetReader) italicsLegend() italicsNote {
	var other italicsNote
	for r, row := range s.g.rows {
		if r >= s.l.HeaderRow-1 && r < s.l.FirstRow-1 {
			continue
		}
		for c, t := range row {
			switch m, says := readItalicsNote(t); m {
			case italicsStandIn:
				return italicsNote{meaning: m, sheet: s.l.Sheet, cell: cellName(r, c)}
			case italicsOther:
				if other.meaning == italicsUnsaid {
					other = italicsNote{meaning: m, sheet: s.l.Sheet, cell: cellName(r, c), says: says}
				}
			}
		}
	}
	return other
}

// isBreakdownLabel reports whether a row without a Ref names a cohort of
// the indicator above ("Excluding UASC", "UASC", "All CiC"), though
// perhaps in words that cannot be read with confidence.
func isBreakdownLabel(name string) bool {
	if name == "" || len(name) > 60 {
		return false
	}
	_, ok, _ := splitOf(name)
	return ok
}

// footNoteText reports whether text in a Ref cell is a note a footnote's
// mark begins, "(1) provisional" or "* excludes UASC": on a row with no
// name and no figures it is the foot's note, not an indicator with a
// digit in its Ref (QA probe 6).
func footNoteText(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(footnoteMarks, first) && strings.Contains(s, " ")
}

// looksLikeRef tells a Ref ("CIC05", "SCS02a", "EH 1") from a section
// heading or note written in the Ref column. A single word with no digit
// ("CLA") is a Ref only on a row that gives figures or states a
// definition of its own (given; see ownsDefinition).
func looksLikeRef(s string, given bool) bool {
	if len(s) > 20 || strings.Count(s, " ") > 1 {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return given && !strings.Contains(s, " ")
}

func blankRow(row []string) bool {
	for _, t := range row {
		if strings.TrimSpace(t) != "" {
			return false
		}
	}
	return true
}

func firstText(row []string) string {
	for _, t := range row {
		if t = strings.TrimSpace(t); t != "" {
			return t
		}
	}
	return ""
}

// loc is where row r, column c of the sheet is, for a statement.
func (s *sheetReader) loc(r, c int) app.Location {
	return app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: cellName(r, c)}
}
