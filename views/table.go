package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keyTable is a table with headers that an officer can drive from the
// keyboard as in a spreadsheet: it remembers the cell the keyboard is on
// apart from the one the mouse is over (Fyne reports both as highlighted),
// opens the cell on Enter, copies on Ctrl+C, closes on Escape, offers a
// menu on a right-click, and says when a column is resized.
type keyTable struct {
	widget.Table

	// cursor is the cell the keyboard is on, or was last clicked; hover
	// the cell the mouse is over, if any.
	cursor, hover widget.TableCellID
	hovering      bool
	keying        bool

	// onHighlight is told of every cell highlighted, by keyboard or mouse.
	onHighlight func(id widget.TableCellID)
	// onEnter opens a cell; onCopy copies the cursor's row; onEscape
	// leaves; onMenu shows a right-click menu for a cell at a point on
	// the canvas; onResized is told when a drag changes a column's width.
	onEnter   func(id widget.TableCellID)
	onCopy    func(id widget.TableCellID)
	onEscape  func()
	onMenu    func(id widget.TableCellID, at fyne.Position)
	onResized func()
	// onShortcut takes the shortcuts the table does not.
	onShortcut func(fyne.Shortcut)
	// onWidth is told the table's width whenever it changes.
	onWidth func(width float32)

	stickyDrag
}

func newKeyTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.OnHighlighted = func(id widget.TableCellID) {
		if t.keying {
			t.cursor = id
		} else {
			t.hover, t.hovering = id, true
		}
		if t.onHighlight != nil {
			t.onHighlight(id)
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// Resize lays the table out at size, telling onWidth of a new width.
func (t *keyTable) Resize(size fyne.Size) {
	changed := size.Width != t.Size().Width
	t.Table.Resize(size)
	if changed && t.onWidth != nil {
		t.onWidth(size.Width)
	}
}

// TypedKey moves the cursor as the table does, and opens on Enter and
// leaves on Escape.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.onEnter != nil {
			t.onEnter(t.cursor)
		}
		return
	case fyne.KeyEscape:
		if t.onEscape != nil {
			t.onEscape()
		}
		return
	}
	t.keying = true
	defer func() { t.keying = false }()
	t.Table.TypedKey(ev)
}

// FocusGained tells of the cursor's cell, as the keyboard is now on it.
func (t *keyTable) FocusGained() {
	t.keying = true
	defer func() { t.keying = false }()
	t.Table.FocusGained()
}

// TypedShortcut copies on Ctrl+C, and hands any other shortcut on to
// onShortcut (the window's), since the driver gives a focused widget's
// shortcuts to it alone.
func (t *keyTable) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutCopy); ok {
		if t.onCopy != nil {
			t.onCopy(t.cursor)
		}
		return
	}
	if t.onShortcut != nil {
		t.onShortcut(s)
	}
}

// TappedSecondary shows the menu for the cell under the mouse.
func (t *keyTable) TappedSecondary(ev *fyne.PointEvent) {
	if t.onMenu != nil && t.hovering {
		t.onMenu(t.hover, ev.AbsolutePosition)
	}
}

// MouseOut forgets the hovered cell.
func (t *keyTable) MouseOut() {
	t.hovering = false
	t.Table.MouseOut()
}

// moveCursor puts the keyboard on a cell the mouse or a menu chose, so
// that Ctrl+C and Enter then act on it, and the table's own highlight with
// it: the arrow keys move from the highlight, and focus redraws it and
// reports it as highlighted, which took the keyboard back to where the
// highlight was left (the first row, on a table not yet used).
func (t *keyTable) moveCursor(id widget.TableCellID) {
	t.cursor = id
	t.keying = true
	defer func() { t.keying = false }()
	t.Highlight(id)
}

// Fyne finds no column edge at the end of the last sticky column, and
// its heading row takes every drag there, so that column could not be
// resized. A grip laid over the edge takes the drag instead. colWidth
// gives a column's width, setColWidth sets it, and headerHeight gives the
// heading row's height, all from the table's owner.
type stickyDrag struct {
	colWidth     func(col int) float32
	setColWidth  func(col int, width float32)
	headerHeight func() float32
	grip         *edgeGrip
}

// withGrip returns the table with a grip over its last sticky column's
// edge, to put on screen in place of the table; its cells draw their own
// edges (edged).
func (t *keyTable) withGrip() fyne.CanvasObject {
	t.grip = &edgeGrip{t: t}
	t.grip.ExtendBaseWidget(t.grip)
	t.placeGrip()
	t.edged()
	return container.NewThemeOverride(container.NewStack(t, container.NewWithoutLayout(t.grip)), tableTheme{})
}

// placeGrip moves the grip to the edge after the last sticky column.
func (t *keyTable) placeGrip() {
	if t.grip == nil || t.StickyColumnCount == 0 {
		return
	}
	var x float32
	for c := 0; c < t.StickyColumnCount; c++ {
		x += t.colWidth(c) + theme.Padding()
	}
	t.grip.Move(fyne.NewPos(x-theme.Padding()/2-gripWidth/2, 0))
	t.grip.Resize(fyne.NewSize(gripWidth, t.headerHeight()))
}

const gripWidth = 8

// edgeGrip is the handle over a sticky column's edge.
type edgeGrip struct {
	widget.BaseWidget
	t     *keyTable
	dragW float32
	on    bool
}

func (g *edgeGrip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Cursor shows the column can be resized.
func (g *edgeGrip) Cursor() desktop.Cursor { return desktop.HResizeCursor }

// Dragged widens or narrows the column by the drag.
func (g *edgeGrip) Dragged(ev *fyne.DragEvent) {
	t := g.t
	last := t.StickyColumnCount - 1
	if !g.on {
		g.on, g.dragW = true, t.colWidth(last)
	}
	g.dragW += ev.Dragged.DX
	t.setColWidth(last, max(g.dragW, minColumnWidth))
	t.placeGrip()
}

// DragEnd tells the table's owner the column was resized.
func (g *edgeGrip) DragEnd() {
	g.on = false
	if g.t.onResized != nil {
		g.t.onResized()
	}
}

// resized tells the owner a column's width changed.
func (t *keyTable) resized() {
	t.placeGrip()
	if t.onResized != nil {
		t.onResized()
	}
}
