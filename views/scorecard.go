package views

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/trend"
)

// The scorecard's columns, in order. RAG and DoT follow the target and
// floor they judge, before the benchmarks, as in the councils' own
// scorecards, so that at 1024 px they are on screen with the figures.
const (
	colRef = iota
	colName
	colCurrent
	colPrevious
	colChange
	colTarget
	colFloor
	colRAG
	colDoT
	colEngland
	colRegion
	colNeighbours
	colBenchYear
	colSignal
	colSpark
	colFlags
	numCols
)

var columnTitles = [numCols]string{colRef: "Ref", colName: "Indicator", colCurrent: "Current", colPrevious: "Previous",
	colChange: "Change", colTarget: "Target", colFloor: "Floor", colRAG: "RAG", colDoT: "DoT", colEngland: "England",
	colRegion: "Region", colNeighbours: "Neighbours", colBenchYear: "Year", colSignal: "Signal", colSpark: "12 months", colFlags: "Flags"}

// columnWidths are the columns' widths until an officer drags them,
// widened where a heading needs more; Ref and Indicator stay on screen
// while the rest scroll sideways, and Indicator takes whatever width the
// window has beyond the others (fitWidth). The benchmark columns hold a
// rate with its unit ("62.4 per 10k"), since app.FormatValue writes them
// as the detail screen does.
var columnWidths = [numCols]float32{colRef: 60, colName: 240, colCurrent: 68, colPrevious: 72, colChange: 76,
	colTarget: 62, colFloor: 62, colRAG: 42, colDoT: 96, colEngland: 100, colRegion: 100, colNeighbours: 100, colBenchYear: 70,
	colSignal: 80, colSpark: 84, colFlags: 118}

// benchmarkColumns are the columns of published benchmarks, which count
// all children whatever the window excludes.
var benchmarkColumns = map[int]bool{colEngland: true, colRegion: true, colNeighbours: true, colBenchYear: true}

// allChildrenTitles head the benchmark columns while a cohort is excluded,
// so a benchmark is never read as excluding it too.
var allChildrenTitles = map[int]string{colEngland: "Eng. (all)", colRegion: "Reg. (all)", colNeighbours: "Nbrs (all)", colBenchYear: "Year"}

// numericColumns are the columns of figures, whose widths hold the widest
// a figure is written ("100.0%", "-12.3 pp", "20,512").
var numericColumns = map[int]bool{colCurrent: true, colPrevious: true, colChange: true, colTarget: true, colFloor: true, colDoT: true}

// The RAG colours are GOV.UK's, which members know from council reports;
// they do not follow the theme, since a rating must look the same in light
// and dark.
var (
	ragGreen = color.NRGBA{0x00, 0x70, 0x3c, 0xff}
	ragAmber = color.NRGBA{0xff, 0xbf, 0x47, 0xff}
	ragRed   = color.NRGBA{0xd4, 0x35, 0x1c, 0xff}
)

// ragColours returns the fill and the letter colour for a rating.
func ragColours(r app.RAG) (fill, text color.Color) {
	switch r {
	case app.Green:
		return ragGreen, color.White
	case app.Amber:
		return ragAmber, color.Black
	case app.Red:
		return ragRed, color.White
	}
	return color.Transparent, theme.Color(theme.ColorNameForeground)
}

// The orders the picker sorts the scorecard in; sections stay grouped.
const (
	sortScorecard = "Scorecard order"
	sortRAG       = "RAG: red first"
	sortChange    = "Largest change"
	sortRef       = "Ref"
	sortFlags     = "Flags: most important first"
)

var sortOrders = []string{sortScorecard, sortRAG, sortChange, sortRef, sortFlags}

// scorecardTable is the table of indicators for the chosen period and
// area, grouped by section, filtered by the search box, "flagged only"
// and section picker.
type scorecardTable struct {
	v     *view
	rows  []scoreRow
	lines []scoreLine

	search      string
	flaggedOnly bool
	section     string // "" for every section
	order       string
	// sortCol is the column a click on its heading sorts by, -1 for
	// none (the order picker's order); sortDesc reverses it.
	sortCol  int
	sortDesc bool

	table  *keyTable
	onOpen func(ref string)
	// onOrder is told when a heading click changes the order, with the
	// words for it.
	onOrder func(order string)
	// onHighlight is told of the indicator the keyboard or mouse is on,
	// and again, or of nil for none, whenever the lines are laid out
	// anew under it (lit).
	onHighlight func(r *scoreRow)
	// lit is the line last highlighted, if any (hasLit): the figures
	// said of it are redrawn with the table's, or a colleague's undo
	// left the line under the mouse saying a month no longer held.
	lit    int
	hasLit bool
	// onHeadingHelp is told what a heading the mouse is on means.
	onHeadingHelp func(help string)

	// widths are the columns' widths as last drawn, which an officer
	// may have dragged; tall the rows given room for a wrapped name.
	widths [numCols]float32
	tall   map[int]bool
	// nameBase is the Indicator column's own width, the default or as an
	// officer dragged it: the column is never narrower, and wider when
	// the window has room to spare (fitWidth). tableWidth is the table's
	// width as last laid out.
	nameBase, tableWidth float32
	// textWidths caches each text's measured width, for fitColumns.
	textWidths map[string]float32
	// wraps caches how many lines each name wraps to at wrapWidth.
	wraps     map[string]int
	wrapWidth float32
}

// scoreLine is one line of the table: a section heading or an indicator.
type scoreLine struct {
	section string
	row     *scoreRow
}

func newScorecardTable(v *view, onOpen func(ref string)) *scorecardTable {
	s := &scorecardTable{v: v, onOpen: onOpen, order: sortScorecard, sortCol: -1, widths: columnWidths, tall: map[int]bool{}}
	t := newKeyTable(
		func() (int, int) { return len(s.lines), numCols },
		newScoreCell,
		func(id widget.TableCellID, o fyne.CanvasObject) { s.updateCell(id, o.(*fyne.Container)) },
	)
	// Headings are flat and out of the Tab order: a click on one sorts
	// by it, again reverses, a third time goes back to scorecard order,
	// as in a spreadsheet.
	t.CreateHeader = func() fyne.CanvasObject { return newHeading() }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 || id.Col >= numCols {
			return
		}
		h := o.(*heading)
		s.observeWidth(id.Col, o.Size().Width)
		// A heading's words change only with a sort or a cohort, and
		// every SetText lays the text out again.
		if text := s.title(id.Col) + s.sortMark(id.Col); h.Text != text {
			h.SetText(text)
		}
		col := id.Col
		h.onTap = nil
		if col != colSpark {
			h.onTap = func() { s.tapHeading(col) }
		}
		h.onHover = nil
		if help, ok := headingHelp[col]; ok && s.onHeadingHelp != nil {
			h.onHover = func() { s.onHeadingHelp(help) }
		}
	}
	// A column is at least as wide as its heading, with room for the
	// sort arrow, so no heading is cut short ("Previo...").
	for c, w := range columnWidths {
		w = max(w, headingFits(columnTitles[c]+" \u2191"), headingFits(s.title(c)+" \u2191"))
		s.widths[c] = w
		t.SetColumnWidth(c, w)
	}
	s.nameBase = s.widths[colName]
	// Ref and Indicator stay put when the figures scroll sideways.
	t.StickyColumnCount = 2
	t.onWidth = s.fitWidth
	t.OnSelected = func(id widget.TableCellID) {
		t.moveCursor(id)
		s.open(id)
		t.UnselectAll()
	}
	t.onEnter = s.open
	t.onHighlight = func(id widget.TableCellID) {
		s.lit, s.hasLit = id.Row, true
		if r := s.rowAt(id.Row); r != nil && s.onHighlight != nil {
			s.onHighlight(r)
		}
	}
	t.onResized = s.wrapNames
	t.colWidth = func(c int) float32 { return s.widths[c] }
	t.setColWidth = func(c int, width float32) {
		s.widths[c] = width
		if c == colName {
			s.nameBase = width
		}
		t.SetColumnWidth(c, width)
	}
	t.headerHeight = func() float32 { return linesHeight(1) }
	s.table = t
	s.reload()
	return s
}

// rowAt returns the indicator on a line, nil for a heading or no line.
func (s *scorecardTable) rowAt(line int) *scoreRow {
	if line < 0 || line >= len(s.lines) {
		return nil
	}
	return s.lines[line].row
}

// open opens the indicator on the cell's line, if it has one.
func (s *scorecardTable) open(id widget.TableCellID) {
	if r := s.rowAt(id.Row); r != nil && s.onOpen != nil {
		s.onOpen(r.ind.Ref)
	}
}

// title is a column's heading: a benchmark column says it counts all
// children while a cohort is excluded.
func (s *scorecardTable) title(col int) string {
	if len(s.v.cohorts) > 0 && benchmarkColumns[col] {
		return allChildrenTitles[col]
	}
	return columnTitles[col]
}

// reload recomputes the rows from the view and redraws.
func (s *scorecardTable) reload() {
	s.rows = s.v.rows()
	s.fitColumns()
	s.relayout()
}

// relayout applies the filters and order to the computed rows.
func (s *scorecardTable) relayout() {
	var kept []*scoreRow
	for i := range s.rows {
		if s.keep(&s.rows[i]) {
			kept = append(kept, &s.rows[i])
		}
	}
	sectionOrder := map[string]int{}
	for _, r := range s.rows {
		if _, ok := sectionOrder[r.ind.Section]; !ok {
			sectionOrder[r.ind.Section] = len(sectionOrder)
		}
	}
	s.lines = s.lines[:0]
	if s.sortCol >= 0 {
		// A heading click sorts the whole scorecard, as a spreadsheet
		// would, so "red first" means red first overall.
		slices.SortStableFunc(kept, func(a, b *scoreRow) int { return compareColumn(a, b, s.sortCol, s.sortDesc) })
		for _, r := range kept {
			s.lines = append(s.lines, scoreLine{row: r})
		}
		s.wrapNames()
		s.table.Refresh()
		s.relight()
		return
	}
	slices.SortStableFunc(kept, func(a, b *scoreRow) int {
		if c := cmp.Compare(sectionOrder[a.ind.Section], sectionOrder[b.ind.Section]); c != 0 {
			return c
		}
		switch s.order {
		case sortRAG:
			return cmp.Compare(ragRank(a.rag), ragRank(b.rag))
		case sortChange:
			return cmp.Compare(relativeChange(b), relativeChange(a))
		case sortRef:
			return strings.Compare(a.ind.Ref, b.ind.Ref)
		case sortFlags:
			return cmp.Or(cmp.Compare(flagWeight(a, s.v.area), flagWeight(b, s.v.area)), cmp.Compare(len(b.flags), len(a.flags)))
		}
		return 0
	})
	section := "\x00"
	for _, r := range kept {
		if r.ind.Section != section {
			section = r.ind.Section
			name := section
			if name == "" {
				name = "Other indicators"
			}
			s.lines = append(s.lines, scoreLine{section: name})
		}
		s.lines = append(s.lines, scoreLine{row: r})
	}
	s.wrapNames()
	s.table.Refresh()
	s.relight()
}

// relight tells onHighlight again of the line last highlighted, as it
// now reads, or of nil where it is a heading or gone.
func (s *scorecardTable) relight() {
	if !s.hasLit || s.onHighlight == nil {
		return
	}
	s.onHighlight(s.rowAt(s.lit))
}

func (s *scorecardTable) keep(r *scoreRow) bool {
	if s.flaggedOnly && len(r.flags) == 0 {
		return false
	}
	if s.section != "" && r.ind.Section != s.section {
		return false
	}
	if q := strings.ToLower(strings.TrimSpace(s.search)); q != "" {
		return strings.Contains(strings.ToLower(r.ind.Ref), q) || strings.Contains(strings.ToLower(r.ind.Name), q)
	}
	return true
}

// flagWeight is the weight of the row's most important flag, as flags
// ranks them (trend.Weight); a row with none goes last.
func flagWeight(r *scoreRow, area app.Area) int {
	w := math.MaxInt
	for _, f := range r.flags {
		w = min(w, trend.Weight(f, area))
	}
	return w
}

// sections lists the sections in scorecard order, for the picker.
func (s *scorecardTable) sections() []string {
	var out []string
	for _, r := range s.rows {
		if r.ind.Section != "" && !slices.Contains(out, r.ind.Section) {
			out = append(out, r.ind.Section)
		}
	}
	return out
}
