package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// districtTable is indicators by area for the chosen period: the
// authority then its districts, each figure rated against the county
// target, so members can see where processes work better.
type districtTable struct {
	v     *view
	areas []app.Area // the columns: the authority, then its districts
	inds  []app.Indicator
	cells [][]scoreRow // [indicator][area]
	table *keyTable
	// onOpen opens an indicator in an area: the district whose figure
	// was clicked, or "" for the area chosen above.
	onOpen func(ref string, area app.Area)
	// headings are the district columns' headings, each name whole on
	// one line or two, and widths the columns' widths to fit them.
	headings []string
	widths   []float32
	// cannot marks the rows none of whose areas can exclude the chosen
	// cohorts: the first cell says so, once, and the others are blank.
	cannot []bool
	// nameWidth is the indicator column's width as last drawn; tall the
	// rows given room for a wrapped name.
	nameWidth float32
	tall      map[int]bool
}

// minAreaWidth is room for the widest figure a district cell shows,
// "100.0%  G".
const minAreaWidth = 92

// areaHeading returns a district column's heading and width: the name on
// one line when it fits the figures' width, else broken at the space that
// makes the narrowest two lines ("Folkestone" over "and Hythe"), so every
// name is read in full without the grid growing wider than it must.
func areaHeading(name string) (string, float32) {
	best, width := name, headingWidth(name)
	if width <= minAreaWidth {
		return name, minAreaWidth
	}
	for i, r := range name {
		if r != ' ' {
			continue
		}
		two := name[:i] + "\n" + name[i+1:]
		if w := headingWidth(two); w < width {
			best, width = two, w
		}
	}
	return best, max(width, minAreaWidth)
}

// headingLabel is a column heading as the grid draws it.
func headingLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// headingWidth is the width a heading needs: its label's, and a padding
// more, since the OpenGL painter rounds text to whole pixels and a
// heading measured to the exact width is drawn with an ellipsis.
func headingWidth(text string) float32 {
	return headingLabel(text).MinSize().Width + theme.Padding()
}

func newDistrictTable(v *view, areas []app.Area, onOpen func(ref string, area app.Area)) *districtTable {
	d := &districtTable{v: v, areas: areas, onOpen: onOpen, nameWidth: districtNameWidth, tall: map[int]bool{}}
	t := newKeyTable(
		func() (int, int) { return len(d.inds), 1 + len(d.areas) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { d.update(id, o.(*fyne.Container)) },
	)
	t.CreateHeader = func() fyne.CanvasObject {
		h := newHeading()
		h.TextStyle.Bold = true
		return h
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == 0 {
			if w := o.Size().Width; w > 0 && w != d.nameWidth {
				d.nameWidth = w
				// Fyne's own column drag has no end to hear of.
				fyne.Do(d.table.resized)
			}
			o.(*heading).SetText("Indicator")
		} else if id.Col > 0 {
			o.(*heading).SetText(d.headings[id.Col-1])
		}
	}
	t.SetColumnWidth(0, districtNameWidth)
	d.headings = make([]string, len(d.areas))
	d.widths = make([]float32, len(d.areas))
	for i, a := range d.areas {
		d.headings[i], d.widths[i] = areaHeading(string(a))
		t.SetColumnWidth(i+1, d.widths[i])
	}
	t.SetRowHeight(-1, headingLabel("1\n2").MinSize().Height)
	t.StickyColumnCount = 1
	t.OnSelected = func(id widget.TableCellID) {
		t.moveCursor(id)
		d.open(id)
		t.UnselectAll()
	}
	t.onEnter = d.open
	t.onResized = d.wrapNames
	t.colWidth = func(int) float32 { return d.nameWidth }
	t.setColWidth = func(c int, width float32) { d.nameWidth = width; t.SetColumnWidth(c, width) }
	t.headerHeight = func() float32 { return headingLabel("1\n2").MinSize().Height }
	d.table = t
	d.reload()
	return d
}

// districtNameWidth is the indicator column's width until an officer
// drags it.
const districtNameWidth = 260

// open opens the indicator on the cell's row in the cell's district: a
// click on Dover's figure shows Dover's history, whatever area the
// scorecard was on.
func (d *districtTable) open(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(d.inds) || d.onOpen == nil {
		return
	}
	var area app.Area
	if id.Col > 0 && id.Col <= len(d.areas) {
		area = d.areas[id.Col-1]
	}
	d.onOpen(d.inds[id.Row].Ref, area)
}

// wrapNames gives rows whose indicator does not fit its column on one
// line the height of the lines it wraps to.
func (d *districtTable) wrapNames() {
	width := d.nameWidth - 2*theme.InnerPadding()
	fitRowHeights(d.table, d.tall, len(d.inds), func(i int) int {
		return wrappedLines(d.text(i, 0), width, fyne.TextStyle{})
	})
}

func (d *districtTable) reload() {
	d.inds = d.v.circulating()
	d.cells = make([][]scoreRow, len(d.inds))
	d.cannot = make([]bool, len(d.inds))
	for i, ind := range d.inds {
		d.cells[i] = make([]scoreRow, len(d.areas))
		n, cannot := 0, 0
		for j, a := range d.areas {
			d.cells[i][j] = d.v.row(ind, a)
			if r := d.cells[i][j]; r.hasCur {
				n++
				if r.cur.Status == app.CannotExclude {
					cannot++
				}
			}
		}
		d.cannot[i] = n > 1 && cannot == n
	}
	d.wrapNames()
	d.table.Refresh()
}

// text is what a cell says: the figure and its RAG letter.
func (d *districtTable) text(row, col int) string {
	if col == 0 {
		return d.inds[row].Ref + "  " + d.inds[row].Name
	}
	r := d.cells[row][col-1]
	if !r.hasCur {
		return ""
	}
	if d.cannot[row] {
		if col == 1 {
			return "cannot exclude" // the detail says why
		}
		return ""
	}
	s := formatValue(r.ind, r.cur)
	if r.cur.StandIn {
		s += " (prev. yr)" // as the Scorecard tab marks it: not the month's figure
	}
	if l := r.rag.Letter(); l != "" {
		s += "  " + l
	}
	return s
}

func (d *districtTable) update(id widget.TableCellID, c *fyne.Container) {
	bg := c.Objects[0].(*canvas.Rectangle)
	label := c.Objects[1].(*widget.Label)
	bg.FillColor = color.Transparent
	label.Importance = widget.MediumImportance
	// The indicator wraps, on a row made tall enough, so it is read in
	// full; a figure fits its column.
	label.Wrapping = fyne.TextWrapOff
	if id.Col == 0 {
		label.Wrapping = fyne.TextWrapWord
	}
	if id.Row < len(d.inds) {
		if id.Col > 0 {
			r := d.cells[id.Row][id.Col-1]
			if r.rag != app.NoRAG {
				fill, _ := ragColours(r.rag)
				bg.FillColor = fade(fill)
			}
		}
		label.SetText(d.text(id.Row, id.Col))
	}
	bg.Refresh()
}

// fade lightens a RAG colour for a cell background, so the figure on it
// stays readable in light and dark themes while the letter carries the
// rating.
func fade(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0x70
	return n
}
