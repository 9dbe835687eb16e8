package views

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	colNeighbours
	colBenchYear
	colSignal
	colSpark
	colFlags
	numCols
)

var columnTitles = [numCols]string{colRef: "Ref", colName: "Indicator", colCurrent: "Current", colPrevious: "Previous",
	colChange: "Change", colTarget: "Target", colFloor: "Floor", colRAG: "RAG", colDoT: "DoT", colEngland: "England",
	colNeighbours: "Neighbours", colBenchYear: "Year", colSignal: "Signal", colSpark: "12 months", colFlags: "Flags"}

// columnWidths are the columns' widths until an officer drags them,
// widened where a heading needs more; Ref and Indicator stay on screen
// while the rest scroll sideways, and Indicator takes whatever width the
// window has beyond the others (fitWidth). The benchmark columns hold a
// rate with its unit ("62.4 per 10k"), since app.FormatValue writes them
// as the detail screen does.
var columnWidths = [numCols]float32{colRef: 60, colName: 240, colCurrent: 68, colPrevious: 72, colChange: 76,
	colTarget: 62, colFloor: 62, colRAG: 42, colDoT: 96, colEngland: 100, colNeighbours: 100, colBenchYear: 70,
	colSignal: 80, colSpark: 84, colFlags: 118}

// benchmarkColumns are the columns of published benchmarks, which count
// all children whatever the window excludes.
var benchmarkColumns = map[int]bool{colEngland: true, colNeighbours: true, colBenchYear: true}

// allChildrenTitles head the benchmark columns while a cohort is excluded,
// so a benchmark is never read as excluding it too.
var allChildrenTitles = map[int]string{colEngland: "Eng. (all)", colNeighbours: "Nbrs (all)", colBenchYear: "Year"}

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
	// onHighlight is told of the indicator the keyboard or mouse is on.
	onHighlight func(r *scoreRow)
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

// A cell is a stack: background, text, the RAG letter, the DoT icon and
// the sparkline; updateCell shows the parts its column needs.
const (
	cellBackground = iota
	cellText
	cellLetter
	cellDoT
	cellSpark
)

func newScoreCell() fyne.CanvasObject {
	letter := canvas.NewText("", color.White)
	letter.TextStyle.Bold = true
	letter.Alignment = fyne.TextAlignCenter
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	icon := widget.NewIcon(nil)
	return container.NewStack(
		canvas.NewRectangle(color.Transparent),
		label,
		container.NewCenter(letter),
		container.NewHBox(icon),
		newSparkline(),
	)
}

// text is what a cell says, the same words the table draws.
func (s *scorecardTable) text(row, col int) string {
	l := s.lines[row]
	if l.row == nil {
		if col == colName {
			return l.section
		}
		return ""
	}
	r := l.row
	switch col {
	case colRef:
		return r.ind.Ref
	case colName:
		return r.ind.Name
	case colCurrent:
		if !r.hasCur {
			return ""
		}
		s := formatValue(r.ind, r.cur)
		if r.cur.StandIn {
			s += " (prev. yr)"
		}
		return s
	case colPrevious:
		if !r.hasPrev {
			return ""
		}
		return formatValue(r.ind, r.prev)
	case colChange:
		if !r.hasDelta {
			return ""
		}
		return formatChange(r.ind, r.change)
	case colTarget:
		if !r.hasTgt {
			return "-"
		}
		return formatTarget(r.ind, r.target.Target)
	case colFloor:
		if !r.hasTgt {
			return "-"
		}
		return formatTarget(r.ind, r.target.Floor)
	case colEngland:
		return formatBenchmark(r.ind, r.bench.England)
	case colNeighbours:
		return formatBenchmark(r.ind, r.bench.NeighbourMean)
	case colBenchYear:
		if !r.hasBench {
			return ""
		}
		return r.bench.Year.Label()
	case colRAG:
		return r.rag.Letter()
	case colDoT:
		return string(r.dot)
	case colSignal:
		return signalWord(r.variation, r.tooFew)
	case colFlags:
		return flagsText(r)
	}
	return ""
}

// flagsText is the Flags column's badges for r.
func flagsText(r *scoreRow) string {
	badges := make([]string, len(r.flags))
	for i, f := range r.flags {
		badges[i] = flagBadge(f)
	}
	return strings.Join(badges, " · ")
}

// formatBenchmark writes a benchmark's figure with its unit, or its status
// code where the DfE suppressed it; nothing where there is none.
func formatBenchmark(ind app.Indicator, b *app.Benchmark) string {
	switch {
	case b == nil:
		return ""
	case b.Status != app.OK:
		return string(b.Status)
	case b.Value == nil:
		return ""
	}
	return app.FormatValue(b.Shown(ind), *b.Value)
}

// updateCell draws one cell. It changes only what differs from the
// cell's last use, since the table reuses cells and every Show, Hide and
// refresh of a label costs a relayout: this keeps a redraw of the whole
// table quick enough for a cohort toggle.
func (s *scorecardTable) updateCell(id widget.TableCellID, c *fyne.Container) {
	bg := c.Objects[cellBackground].(*canvas.Rectangle)
	label := c.Objects[cellText].(*widget.Label)
	letterBox := c.Objects[cellLetter].(*fyne.Container)
	letter := letterBox.Objects[0].(*canvas.Text)
	dotBox := c.Objects[cellDoT].(*fyne.Container)
	spark := c.Objects[cellSpark].(*sparkline)

	var (
		fill       color.Color = color.Transparent
		text       string
		style      fyne.TextStyle
		importance = widget.MediumImportance
		showLabel  = true
		showLetter bool
		showDoT    bool
		showSpark  bool
		truncation = fyne.TextTruncateEllipsis
		wrapping   = fyne.TextWrapOff
	)
	if id.Row < len(s.lines) {
		l := s.lines[id.Row]
		text = s.text(id.Row, id.Col)
		if l.row == nil {
			fill = theme.Color(theme.ColorNameHeaderBackground)
			style.Bold = true
			truncation = fyne.TextTruncateOff
		} else {
			r := l.row
			style.Italic = id.Col == colCurrent && r.cur.StandIn
			// A figure fits its column, so it is drawn without the
			// ellipsis check, which shapes the text twice over: the
			// figures are what a cohort toggle redraws.
			if numericColumns[id.Col] && !style.Italic {
				truncation = fyne.TextTruncateOff
			}
			// A ref is never cut short and a name wraps, on a line
			// made tall enough for it, so each is read in full.
			switch id.Col {
			case colRef, colEngland, colNeighbours, colBenchYear:
				truncation = fyne.TextTruncateOff
			case colName:
				truncation, wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
			}
			switch id.Col {
			case colRAG:
				var ink color.Color
				fill, ink = ragColours(r.rag)
				if letter.Text != text || letter.Color != ink {
					letter.Text, letter.Color = text, ink
					letter.Refresh()
				}
				showLabel, showLetter = false, true
			case colDoT:
				dotBox.Objects[0].(*widget.Icon).SetResource(dotIcon(r))
				importance = dotImportance(r.dot)
				text = "     " + text
				showDoT = true
			case colSignal:
				var ink color.Color
				fill, ink = signalColours(r.variation)
				if letter.Text != text || letter.Color != ink {
					letter.Text, letter.Color = text, ink
					letter.Refresh()
				}
				showLabel, showLetter = false, true
			case colSpark:
				spark.set(r.spark)
				showLabel, showSpark = false, true
			case colFlags:
				importance = widget.WarningImportance
			}
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	// A transparent background is hidden rather than painted: a software
	// painter (remote desktops without OpenGL) would otherwise blend every
	// cell's area once more for nothing.
	setVisible(bg, fill != color.Transparent)
	if label.Text != text || label.TextStyle != style || label.Importance != importance || label.Truncation != truncation || label.Wrapping != wrapping {
		label.Text, label.TextStyle, label.Importance, label.Truncation, label.Wrapping = text, style, importance, truncation, wrapping
		label.Refresh()
	}
	setVisible(label, showLabel)
	setVisible(letterBox, showLetter)
	setVisible(dotBox, showDoT)
	setVisible(spark, showSpark)
}

// setVisible shows or hides o, touching it only when that changes.
func setVisible(o fyne.CanvasObject, on bool) {
	switch {
	case on && !o.Visible():
		o.Show()
	case !on && o.Visible():
		o.Hide()
	}
}

// signalWord says a Making Data Count variation icon in a word for the
// scorecard; the detail pane and the hint say why.
func signalWord(v trend.Variation, tooFew bool) string {
	switch v {
	case trend.CommonCause:
		return "Normal"
	case trend.ImprovementHigh, trend.ImprovementLow:
		return "Improving"
	case trend.ConcernHigh, trend.ConcernLow:
		return "Concern"
	case trend.NeitherHigh:
		return "Higher"
	case trend.NeitherLow:
		return "Lower"
	}
	if tooFew {
		return "Too few"
	}
	return ""
}

// signalColours are the fill and ink of the signal cell, in the Making
// Data Count colours: blue improvement, orange concern, purple neither,
// grey common cause.
func signalColours(v trend.Variation) (fill, ink color.Color) {
	switch v.Colour() {
	case "blue":
		return chartImprove, color.Black
	case "orange":
		return chartSpecial, color.Black
	case "purple":
		return chartNeither, color.White
	case "grey":
		return chartCommon, color.White
	}
	return color.Transparent, theme.Color(theme.ColorNameForeground)
}

// dotIcon draws the movement arrow coloured by whether it was good: the
// arrow says which way the figure went, the colour whether that helped.
func dotIcon(r *scoreRow) fyne.Resource {
	var res fyne.Resource
	switch r.arrow {
	case app.Up:
		res = theme.MoveUpIcon()
	case app.Down:
		res = theme.MoveDownIcon()
	case app.Across:
		res = theme.NavigateNextIcon()
	default:
		return nil
	}
	switch r.dot {
	case app.Improved:
		return theme.NewColoredResource(res, theme.ColorNameSuccess)
	case app.Worsened:
		return theme.NewColoredResource(res, theme.ColorNameError)
	}
	return theme.NewDisabledResource(res)
}

func dotImportance(d app.DoT) widget.Importance {
	switch d {
	case app.Improved:
		return widget.SuccessImportance
	case app.Worsened:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// flagBadge writes a flag kind the way the scorecard's badges say it.
func flagBadge(kind string) string {
	switch kind {
	case trend.DoTReversal:
		return "DoT reversed"
	case trend.RAGChange:
		return "RAG changed"
	case trend.SpecialCause:
		return "special cause"
	case trend.SmallNumbers:
		return "small numbers"
	case trend.MissingMonth:
		return "missing month"
	case trend.DoTDisagrees:
		return "source arrow differs"
	case trend.RAGDisagrees:
		return "source RAG differs"
	}
	return strings.ReplaceAll(kind, "-", " ")
}
