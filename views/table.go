package views

import (
	"fyne.io/fyne/v2"
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

// TypedShortcut copies on Ctrl+C; the table takes no other shortcut.
func (t *keyTable) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutCopy); ok && t.onCopy != nil {
		t.onCopy(t.cursor)
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

// moveCursor puts the keyboard on a cell the mouse chose, so that Ctrl+C
// and Enter then act on it.
func (t *keyTable) moveCursor(id widget.TableCellID) {
	t.cursor = id
}

// DragEnd tells that a column may have been resized.
func (t *keyTable) DragEnd() {
	t.Table.DragEnd()
	if t.onResized != nil {
		t.onResized()
	}
}
