package views

import (
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// heading is a table's column heading: bold words that sort the column
// when clicked. It takes no keyboard focus, so Tab goes from the controls
// straight into the rows rather than through every heading.
type heading struct {
	widget.Label
	onTap func()
	// onHover is told when the mouse comes onto the heading.
	onHover func()
}

// MouseIn says what the heading means.
func (h *heading) MouseIn(*desktop.MouseEvent) {
	if h.onHover != nil {
		h.onHover()
	}
}

// MouseMoved is part of desktop.Hoverable.
func (h *heading) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (h *heading) MouseOut() {}

func newHeading() *heading {
	// Columns are made wide enough for their headings, so a heading is
	// drawn without the ellipsis check, which shapes its text over again
	// at every redraw of the table.
	h := &heading{}
	h.ExtendBaseWidget(h)
	return h
}

// Tapped sorts by the column, if it sorts.
func (h *heading) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// wrapNames gives the lines whose name does not fit the name column on
// one line the height of the lines it wraps to, and the others back
// their one line (fitRowHeights), counting each name's lines once a width.
func (s *scorecardTable) wrapNames() {
	width := s.widths[colName] - 2*theme.InnerPadding()
	if width != s.wrapWidth {
		s.wrapWidth, s.wraps = width, map[string]int{}
	}
	fitRowHeights(s.table, s.tall, len(s.lines), func(i int) int {
		l := s.lines[i]
		if l.row == nil {
			return 1
		}
		n, ok := s.wraps[l.row.ind.Name]
		if !ok {
			n = wrappedLines(l.row.ind.Name, width, fyne.TextStyle{})
			s.wraps[l.row.ind.Name] = n
		}
		return n
	})
}

// fitRowHeights gives each of t's rows the height of the lines(i) lines
// it wraps to, and those back to one line their one line, touching only
// the rows that change, since each height set redraws the table. tall
// holds the rows made taller than a line; those past the last are
// forgotten.
func fitRowHeights(t *keyTable, tall map[int]bool, rows int, lines func(i int) int) {
	for i := range rows {
		n := lines(i)
		switch {
		case n > 1:
			tall[i] = true
			t.SetRowHeight(i, linesHeight(n))
		case tall[i]:
			delete(tall, i)
			t.SetRowHeight(i, linesHeight(1))
		}
	}
	for i := range tall {
		if i >= rows {
			delete(tall, i)
		}
	}
}

// wrappedLines counts the lines text takes when wrapped at spaces to
// width, as a label wrapping by word does. A line is measured with the
// spaces between its words as they are: the district grid's "CIC10  Number
// of children..." has two after the ref.
func wrappedLines(text string, width float32, style fyne.TextStyle) int {
	size := theme.TextSize()
	n, start := 1, -1 // start: where the line being filled begins
	for i := 0; i < len(text); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) {
			break
		}
		end := i
		for end < len(text) && text[end] != ' ' {
			end++
		}
		switch {
		case start < 0:
			start = i
		case fyne.MeasureText(text[start:end], size, style).Width > width:
			n++
			start = i
		}
		i = end
	}
	return n
}

// lineHeights caches linesHeight, which a cohort toggle asks for each
// tall row; the table is drawn on the UI thread alone.
var lineHeights = map[int]float32{}

// linesHeight is the height of a table line holding n lines of text.
func linesHeight(n int) float32 {
	if h, ok := lineHeights[n]; ok {
		return h
	}
	h := max(newScoreCell().MinSize().Height, newHeading().MinSize().Height)
	if n > 1 {
		l := widget.NewLabel(strings.TrimSuffix(strings.Repeat("x\n", n), "\n"))
		h = max(h, l.MinSize().Height)
	}
	lineHeights[n] = h
	return h
}

// fittedColumns are the columns whose every cell is drawn whole, the
// column widened to the widest: a ref is never cut short ("SEN..."), a
// benchmark keeps its unit ("10.80 per 10k") and the flags are read
// whole (up to maxFlagsWidth; the hint under the table says them in
// full). Names wrap instead.
var fittedColumns = []int{colRef, colEngland, colRegion, colNeighbours, colBenchYear, colFlags}

// maxFlagsWidth is the widest the Flags column is made for its badges:
// three of them.
const maxFlagsWidth = 360

// fitColumns widens the fitted columns to their widest cell.
func (s *scorecardTable) fitColumns() {
	if s.textWidths == nil {
		s.textWidths = map[string]float32{}
	}
	measure := func(text string) float32 {
		w, ok := s.textWidths[text]
		if !ok {
			w = fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + theme.Padding()
			s.textWidths[text] = w
		}
		return w
	}
	for _, col := range fittedColumns {
		need := s.widths[col]
		for i := range s.rows {
			need = max(need, measure(fittedText(&s.rows[i], col)))
		}
		if col == colFlags {
			need = min(need, max(s.widths[col], maxFlagsWidth))
		}
		if need > s.widths[col] {
			s.widths[col] = need
			s.table.SetColumnWidth(col, need)
		}
	}
	s.fitWidth(s.tableWidth)
}

// fitWidth gives the Indicator column whatever width the table has beyond
// the other columns, and never less than its own (nameBase): on a wide
// screen names take one line rather than three beside an empty margin,
// and on a laptop the columns keep their widths and scroll sideways.
func (s *scorecardTable) fitWidth(width float32) {
	s.tableWidth = width
	if width <= 0 {
		return
	}
	// Columns are divided by a padding each, and the vertical scroll
	// bar is kept clear of the last.
	spare := width - theme.ScrollBarSize() - float32(numCols)*theme.Padding()
	for c, w := range s.widths {
		if c != colName {
			spare -= w
		}
	}
	name := max(s.nameBase, float32(math.Floor(float64(spare))))
	if name == s.widths[colName] {
		return
	}
	s.widths[colName] = name
	s.table.SetColumnWidth(colName, name)
	s.table.placeGrip()
	s.wrapNames()
}

// fittedText is what a fitted column's cell says for r.
func fittedText(r *scoreRow, col int) string {
	switch col {
	case colRef:
		return r.ind.Ref
	case colEngland:
		return formatBenchmark(r.ind, r.bench.England)
	case colRegion:
		return formatBenchmark(r.ind, r.bench.Region)
	case colNeighbours:
		return formatBenchmark(r.ind, r.bench.NeighbourMean)
	case colBenchYear:
		if r.hasBench {
			return r.bench.Year.Label()
		}
	case colFlags:
		return flagsText(r)
	}
	return ""
}

// Preferences holding the widths an officer dragged the columns to. They
// are the desktop user's, not the store's, since the store may be shared
// on a network drive by officers with different screens.
const (
	// The scorecard's widths are kept under a name of their own since
	// RAG and DoT moved before the benchmarks: the widths kept before
	// are in the old order.
	prefScorecardWidths = "scorecard-column-widths-2"
	prefDistrictWidths  = "districts-column-widths"
)

// restoreColumnWidths puts the columns back as the officer left them and
// remembers them whenever one is dragged.
func (w *mainWindow) restoreColumnWidths() {
	prefs := w.a.Preferences()
	s, d := w.score, w.districts
	if ws := prefs.FloatList(prefScorecardWidths); len(ws) == numCols {
		for c, width := range ws {
			if width >= minColumnWidth {
				s.widths[c] = float32(width)
				s.table.SetColumnWidth(c, float32(width))
			}
		}
		s.nameBase = s.widths[colName]
		s.fitColumns()
		s.wrapNames()
	}
	if ws := prefs.FloatList(prefDistrictWidths); len(ws) == 1 && ws[0] >= minColumnWidth {
		d.nameWidth = float32(ws[0])
		d.table.SetColumnWidth(0, d.nameWidth)
		d.wrapNames()
	}
	s.table.onResized = func() {
		s.wrapNames()
		ws := make([]float64, numCols)
		for c, width := range s.widths {
			ws[c] = float64(width)
		}
		// The Indicator column's own width, not the room it took.
		ws[colName] = float64(s.nameBase)
		prefs.SetFloatList(prefScorecardWidths, ws)
		s.fitWidth(s.tableWidth)
	}
	d.table.onResized = func() {
		d.wrapNames()
		prefs.SetFloatList(prefDistrictWidths, []float64{float64(d.nameWidth)})
	}
}

// minColumnWidth is the narrowest a remembered width is taken to be, so
// a column dragged shut comes back.
const minColumnWidth = 24

// observeWidth notes a column's width as drawn. Fyne resizes the columns
// it lets an officer drag without saying so, so a width that changed
// here is how the window hears of it; it tells after the drawing.
func (s *scorecardTable) observeWidth(col int, width float32) {
	if width <= 0 || width == s.widths[col] {
		return
	}
	s.widths[col] = width
	if col == colName {
		s.nameBase = width
	}
	fyne.Do(s.table.resized)
}

// headingFits is the width a heading needs to be read whole.
func headingFits(text string) float32 {
	return newHeadingText(text).MinSize().Width + theme.Padding()
}

// newHeadingText is a heading measured whole: a truncating label claims
// almost no width.
func newHeadingText(text string) *heading {
	h := newHeading()
	h.Text, h.Truncation = text, fyne.TextTruncateOff
	return h
}

// detailColumnWidths are detailWidths with the Period column made wide
// enough for the longest label a period of any kind has: a quarter named
// by its months ("Jan-Mar 2025") ran into the Value column at 75.
func detailColumnWidths() []float32 {
	ws := slices.Clone(detailWidths)
	var ps []app.Period
	for n := 1; n <= 12; n++ {
		ps = append(ps, app.Period{Kind: app.Month, Year: 2025, N: n})
	}
	for n := 1; n <= 4; n++ {
		ps = append(ps, app.Period{Kind: app.Quarter, Year: 2025, N: n})
	}
	for _, k := range []app.PeriodKind{app.FinancialYear, app.AcademicYear, app.CalendarYear} {
		ps = append(ps, app.Period{Kind: k, Year: 2025})
	}
	// A year-to-date or rolling year's quarter is labelled by the months
	// it takes in, "Apr 2024-Mar 2025" at its longest
	// (app.Indicator.PeriodLabel).
	inds := []app.Indicator{{}, {DataPeriod: app.YearToDate}, {DataPeriod: app.YearToDate, YearType: app.AcademicYear}, {DataPeriod: app.Rolling12}}
	for _, p := range ps {
		for _, ind := range inds {
			// A cell is a label: its text between the inner paddings.
			w := fyne.MeasureText(ind.PeriodLabel(p), theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
			ws[0] = max(ws[0], float32(math.Ceil(float64(w))))
		}
	}
	return ws
}
