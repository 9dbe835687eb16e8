package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// Kind says how a sheet lays out its figures.
type Kind string

// The sheet layouts the importer reads.
const (
	// IndicatorSheet has one row per indicator and periods across: the
	// house scorecard, or one district's copy of it.
	IndicatorSheet Kind = "indicators"
	// DistrictSheet has one row per indicator and areas across, all for
	// one period.
	DistrictSheet Kind = "districts"
	// TidySheet has one row per figure: indicator, period, area, cohort.
	TidySheet Kind = "tidy"
	// TargetSheet has one row per indicator and year: target and floor.
	TargetSheet Kind = "targets"
	// MonthsDownSheet has one row per period and areas across, for one
	// indicator (its title's), or one per row where a Ref column names
	// it (monthsdown.go).
	MonthsDownSheet Kind = "months down"
	// Skip marks a sheet to leave unread, such as notes or a chart.
	Skip Kind = "skip"
)

// Role says what a column holds.
type Role string

// The column roles, recognised from header wording.
const (
	RoleRef         Role = "ref"
	RoleName        Role = "name"
	RoleSection     Role = "section"
	RolePolarity    Role = "polarity"
	RoleDataPeriod  Role = "data period"
	RoleUnit        Role = "unit"
	RoleGuidance    Role = "guidance"
	RoleDecimals    Role = "decimals"
	RoleMeasure     Role = "measure"     // how the figure is built: proportion, count, rate, mean, median
	RoleYearType    Role = "year type"   // whether targets are set per financial or academic year
	RoleUnaffected  Role = "not counted" // cohorts the measure cannot count, e.g. a workforce measure's "uasc, ola"
	RoleTarget      Role = "target"
	RoleFloor       Role = "floor"
	RoleTolerance   Role = "tolerance"
	RolePrevious    Role = "previous year"
	RoleRAG         Role = "rag"
	RoleDoT         Role = "dot"
	RoleEngland     Role = "england"
	RoleNeighbours  Role = "stat neighbours"
	RoleRegion      Role = "region" // the authority's region's figure, a benchmark: "South East 2023/24", "Regional average"
	RoleComments    Role = "comments"
	RoleNumerator   Role = "numerator"
	RoleDenominator Role = "denominator"
	RolePeriod      Role = "period" // a month or quarter of figures (Column.Period), or in a tidy table the period of each row
	RoleArea        Role = "area"   // a district column (Column.Area), or in a tidy table the area of each row
	RoleCohort      Role = "cohort"
	RoleValue       Role = "value"
	RoleStatus      Role = "status"
	RoleYear        Role = "year"
	RoleRule        Role = "rule"
	RoleOwner       Role = "owner" // the officer responsible: Lead Officer, Owner, Responsible Officer
	// RoleMilestone and RoleMilestoneFloor are a targets table's in-year
	// milestone for one quarter or month (Column.Milestone): "Q1
	// target", "Milestone Jun", "Q2 floor".
	RoleMilestone      Role = "milestone"
	RoleMilestoneFloor Role = "milestone floor"
	// RolePeriodStart is a tidy table's date each row's period starts,
	// beside the Period column giving the date it ends (tidyspan.go).
	RolePeriodStart Role = "period start"
)

// Layout is what the importer found on one sheet, or what a saved profile
// says it should find: where the header is and what each column holds. It
// is plain data (JSON) so the GUI can show it, an officer can correct it,
// and it can be saved as a profile for a family of workbooks.
type Layout struct {
	Sheet string `json:"sheet"`
	Kind  Kind   `json:"kind"`
	// HeaderRow is the 1-based row of the column headings; FirstRow is
	// the first row of data, below any second header row.
	HeaderRow int `json:"header_row"`
	FirstRow  int `json:"first_row"`
	// Area is the area an indicator sheet reports (Kent, or a district in
	// one-sheet-per-district workbooks).
	Area app.Area `json:"area,omitempty"`
	// Period is the period a district sheet reports: the month its
	// title names. TitlePeriod is the quarter or year its title names
	// instead, which beside a scorecard's months gives way to its latest
	// month (the reading's warning says so).
	Period      app.Period `json:"period"`
	TitlePeriod app.Period `json:"title_period,omitempty"`
	Columns     []Column   `json:"columns"`
	// Unsure gives the reasons detection may have read the sheet wrongly,
	// one line each: a column whose role was guessed from part of its
	// heading, another row that could be the header, no month columns,
	// no month for district figures, two columns read as the same thing.
	// Empty when detection was sure (and always for a saved profile's
	// layout, which an officer has checked), so the GUI need offer its
	// mapping step only when some sheet's layout has reasons here.
	Unsure []string `json:"unsure,omitempty"`
	// AreaNames are the officer's readings of area names the store's
	// authority does not have, by the name as written (any case): a
	// district, the authority, a pseudo-area such as "Out of County /
	// Unknown", or PseudoArea to keep the name as an area of its own.
	// Saved with a profile, they read the producer's next file alike.
	AreaNames map[string]app.Area `json:"area_names,omitempty"`
	// auth is the authority whose areas the sheet is read as (see
	// areaCheck.settle); nil reads them as the default authority's.
	auth *app.Authority
	// optNames are the import's readings of area names
	// (Options.AreaNames), consulted after AreaNames.
	optNames map[string]app.Area
	// titleMention is the district the sheet's title names, read as its
	// Area or named in passing (titleArea), for settle to say so.
	titleMention titleMention
	// cohortRuns are the runs of month columns read under headings
	// naming the children they count (cohortRunColumns), for the reader
	// to say so.
	cohortRuns []cohortRun
	// areaOfName is set where Area is the one district the sheet's name
	// names among other words ("Canterbury CC"), for settle to say so.
	areaOfName bool
	// areaOfFile is set where Area is the areas the file's name names
	// together (togetherByFileName), which the sheet's own rows, read
	// again, cannot say.
	areaOfFile bool
	// defined is the store's definition of an indicator (Options.Defined),
	// whose data period says whether a rolling or year-to-date column is
	// its figure (spancolumns.go); nil where no store is asked.
	defined func(ref string) (app.Indicator, bool)
	// nameFilings are, on a sheet keyed by names, the made refs filed
	// otherwise than under themselves (settleNames), by made ref.
	nameFilings map[string]nameFiling
	// quarterNote says how detection read period columns headed by the
	// ends of quarters (quarterEnds); "" where there are none.
	quarterNote string
	// titleYearNote says how the title's kind of year read year
	// headings naming none (titleYears), at the cell titleYearAt;
	// titleYearClash are the headings naming another kind.
	titleYearNote  string
	titleYearAt    string
	titleYearClash []titleYearClash
	// captionsAbove marks a row of years or quarters just above the
	// header captioning its bare month names (monthsUnderYears): a row
	// of period headings, not the title.
	captionsAbove bool
	// dateOrder is a row of month headings written as dates read day
	// first without the row settling it (dateHeadings); nil for none.
	dateOrder *dateOrder
	// figured are a row's month headings read in the forms of
	// figuredMonths ("202404", "04/24", "01-Apr-24"), by form.
	figured []figuredRead
	// standInKey is where another sheet of the workbook (a Key, Notes or
	// cover sheet) says italic figures are the previous year's outturn
	// standing in ("Key!A3"); "" where none does.
	standInKey string
	// italicsOther is, where no sheet has that key, the first note on a
	// sheet saying italics mean something else ("provisional").
	italicsOther italicsNote
	// titleDate is the date a district sheet's title gives, where its
	// Period is that date's month (for the warning of a date not at a
	// month's end).
	titleDate titleDate
	// titleAt is where a district sheet's period was read from, and the
	// cell, for what is said of it once the grid is gone (staleTitle).
	titleAt struct{ source, cell string }
	// split is the cohort every figure of the sheet counts, as its title
	// or name says ("excluding UASC"; see sheetCohort); All for none.
	split app.Split
	// guesses are the period columns whose headings name their period
	// only by a guess ("Previous month", "2024", "YTD to Mar-25"), and
	// those of such headings refused (guessPeriodHeadings).
	guesses headingGuesses
	// subs are the sub-columns under period headings read as each
	// period's figure, numerator and denominator (periodSubColumns);
	// nil for none.
	subs *subColumns
	// localities is set on a sheet of a known area's column and
	// localities' columns read as areas (readLocalityColumns).
	localities *localityColumns
	// refusedHeads are the columns taken out of Columns once their
	// headings were read against the authority, by index, each with why
	// it is not read (areaCohortRefused), said at its heading.
	refusedHeads map[int]string
	// oddDays is a row of month headings read from dates all on one
	// day of their months other than the first or last (typedDates).
	oddDays *oddDays
	// monthsDown is the title naming the indicator of a sheet of months
	// down and areas across (monthsdown.go); nil for none.
	monthsDown *monthsDownTitle
	// notActuals are the captions whose period columns were taken out of
	// Columns, their words saying they are not figures (milestones,
	// targets, quartiles: captionedNotActuals), said at the caption.
	notActuals []notActualsCaption
}

// refuseColumn records that the column at 0-based index c is not read,
// and why, for warnUnused to say at its heading.
func (l *Layout) refuseColumn(c int, why string) {
	if l.refusedHeads == nil {
		l.refusedHeads = map[int]string{}
	}
	l.refusedHeads[c] = why
}

// authority is the authority the sheet's areas are read as.
func (l *Layout) authority() *app.Authority {
	if l.auth != nil {
		return l.auth
	}
	return app.DefaultAuthority()
}

// Column is one recognised column of a sheet.
type Column struct {
	Col    string `json:"col"`    // the column's letters, e.g. "H"
	Header string `json:"header"` // its heading as written, under any group caption
	Role   Role   `json:"role"`
	// Period is the month or quarter of a period column, and the year of
	// a target, floor, previous-year or benchmark column where the header
	// or its caption says.
	Period app.Period `json:"period"`
	// Area is the area of a district column, or of a month column whose
	// heading names one beside its month ("Mar-25 Kent excl UASC":
	// monthAreaHeading).
	Area app.Area `json:"area,omitempty"`
	// Split is the cohort a district or month column's heading names
	// beside its area ("Kent excl UASC"); All for most.
	Split app.Split `json:"split,omitempty"`
	// Milestone is the quarter ("Q1" to "Q4", of a financial year) or
	// month ("Jan" to "Dec") of a milestone column.
	Milestone string `json:"milestone,omitempty"`
	// Hidden marks a column hidden from view. Its figures are read (an
	// officer hides old months to save space), but where two columns say
	// the same thing, such as last year's Target kept hidden beside this
	// year's, the visible one is taken.
	Hidden bool `json:"hidden,omitempty"`
	// Supersedes is the column a revised period column supersedes
	// (settleRevisions): its figures are not stored, but said where they
	// differ.
	Supersedes string `json:"supersedes,omitempty"`

	index int // 0-based, from Col
	// guessed marks a role detection guessed from part of the heading
	// ("Stretch target"), which gives way to a column whose whole
	// heading names it.
	guessed bool
	// yearNote says how a Target, Floor or Tolerance column whose heading
	// names no year was dated beside others that do (plainTargetYears).
	yearNote string
	// turn is a month heading out of turn among its row's months, read
	// as the month its place implies (monthsInTurn); nil for none.
	turn *monthTurn
}

// column returns the first visible column with role r, or failing that
// the first hidden one.
func (l *Layout) column(r Role) (Column, bool) {
	return l.columnWhere(func(c *Column) bool { return c.Role == r })
}

// columnWhere returns the first visible column for which is holds, or
// failing that the first hidden one. Each column is looked at in place:
// a row's reading asks for its roles' columns a dozen times, and a copy
// of each column passed by, on a sheet of sixty months, was most of it.
func (l *Layout) columnWhere(is func(*Column) bool) (Column, bool) {
	var hidden *Column
	for i := range l.Columns {
		c := &l.Columns[i]
		if !is(c) {
			continue
		}
		if !c.Hidden {
			return *c, true
		}
		if hidden == nil {
			hidden = c
		}
	}
	if hidden != nil {
		return *hidden, true
	}
	return Column{}, false
}

// shadowed reports whether c is a hidden column saying what a visible
// one says: the same role for the same period, area and cohort. A hidden
// "Mar-25 Kent excl UASC" beside "Mar-25 Kent" is the cohort's figure,
// not a copy of the area's.
func (l *Layout) shadowed(c Column) bool {
	if !c.Hidden {
		return false
	}
	for _, v := range l.Columns {
		if !v.Hidden && v.Role == c.Role && v.Period == c.Period && v.Area == c.Area && v.Split == c.Split {
			return true
		}
	}
	return false
}

// has reports whether the layout has a column with role r.
func (l *Layout) has(r Role) bool {
	_, ok := l.column(r)
	return ok
}

// resolve checks a layout (perhaps from a saved profile) and fills the
// column indexes the readers use.
func (l *Layout) resolve() error {
	switch l.Kind {
	case IndicatorSheet, DistrictSheet, TidySheet, TargetSheet, MonthsDownSheet, Skip:
	default:
		return fmt.Errorf("layout kind %q is not one of indicators, districts, tidy, targets, months down, skip", l.Kind)
	}
	if l.Kind == Skip {
		return nil
	}
	if l.HeaderRow < 1 {
		return fmt.Errorf("layout header row %d: expected a row number from 1", l.HeaderRow)
	}
	if l.FirstRow <= l.HeaderRow {
		l.FirstRow = l.HeaderRow + 1
	}
	for i := range l.Columns {
		n, ok := xlsx.ColumnOf([]byte(l.Columns[i].Col))
		if !ok || xlsx.ColumnName(n) != strings.ToUpper(l.Columns[i].Col) {
			return fmt.Errorf("layout column %q is not a column such as H or AB", l.Columns[i].Col)
		}
		l.Columns[i].index = n
	}
	if !l.has(RoleRef) && !l.keyedByName() && l.Kind != MonthsDownSheet {
		return fmt.Errorf("layout has no Ref column")
	}
	switch l.Kind {
	case TidySheet, MonthsDownSheet:
		if !l.has(RolePeriod) {
			return fmt.Errorf("tidy layout has no Period column")
		}
	case TargetSheet:
		if !l.has(RoleYear) {
			return fmt.Errorf("targets layout has no Year column")
		}
	}
	return nil
}
