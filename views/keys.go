package views

import (
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// bindKeys gives the window its desktop keys: Escape closes a dialog, or
// leaves an indicator's detail for the scorecard; Enter completes a file
// chooser.
func (w *mainWindow) bindKeys() {
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			w.escape()
		case fyne.KeyReturn, fyne.KeyEnter:
			w.enter()
		}
	})
	w.score.table.onEscape = w.escape
	w.districts.table.onEscape = w.escape
	// Alt and a menu's first letter opens that menu, as on Windows. Alt
	// alone already opens the menu bar (Fyne's driver does that).
	c := w.win.Canvas()
	alt := map[string]func(){}
	for i, m := range w.win.MainMenu().Items {
		sc := &desktop.CustomShortcut{KeyName: fyne.KeyName(strings.ToUpper(m.Label[:1])), Modifier: fyne.KeyModifierAlt}
		open := func() { w.openMenu(i) }
		alt[sc.ShortcutName()] = open
		c.AddShortcut(sc, func(fyne.Shortcut) { open() })
	}
	// A focused table is given the shortcuts; it hands on the ones it
	// does not take.
	forward := func(s fyne.Shortcut) {
		if open, ok := alt[s.ShortcutName()]; ok {
			open()
		} else if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
		}
	}
	w.score.table.onShortcut = forward
	w.districts.table.onShortcut = forward
}

// openMenu shows the main menu's i-th menu under its name, with the
// keyboard in it: arrows move, Enter chooses, Escape closes.
func (w *mainWindow) openMenu(i int) {
	menus := w.win.MainMenu().Items
	if i < 0 || i >= len(menus) {
		return
	}
	// The menu bar's names sit side by side, each padded on both sides.
	var x float32
	for _, m := range menus[:i] {
		x += fyne.MeasureText(m.Label, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
	}
	c := w.win.Canvas()
	pm := widget.NewPopUpMenu(menus[i], c)
	// Under the menu bar, whose height is a line of text and its padding.
	y := fyne.MeasureText("File", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.Padding()
	pm.ShowAtPosition(fyne.NewPos(x, y))
	c.Focus(pm)
}

// dismissWords are the buttons that close a dialog without doing
// anything, in the order one is looked for.
var dismissWords = []string{"Cancel", "Close", "Dismiss", "Not now", "No", "OK"}

// escEntry is an entry that hands Escape on. A focused widget is given
// every key, and Fyne's entry ignores Escape, so Escape typed in a
// dialog's field left the dialog open.
type escEntry struct {
	widget.Entry
	onEscape func()
}

func newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands Escape to onEscape, and every other key to the entry.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// escape closes the dialog showing, pressing its own Cancel (or Close, or
// OK) so it ends as a click would; with none showing it leaves the
// detail or district grid for the scorecard, with the keyboard on it.
func (w *mainWindow) escape() {
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		for _, word := range dismissWords {
			if b := buttonLabelled(top, word); b != nil && b.OnTapped != nil {
				b.OnTapped()
				return
			}
		}
		w.win.Canvas().Overlays().Remove(top)
		return
	}
	if w.tabs.SelectedIndex() != 0 {
		w.tabs.SelectIndex(0)
	}
	w.win.Canvas().Focus(w.score.table)
}

// completeWords are the buttons that complete Fyne's file choosers.
var completeWords = []string{"Open", "Save"}

// enter completes the file chooser showing with the file chosen, as
// Enter does in the system's dialogs. Fyne 2.8.1's chooser opens a file
// on a double-click, and its Save name box on Enter, but Enter after
// clicking a file did nothing. Other dialogs are left alone: Enter on
// "Undo import?" should not undo. (With the keyboard in the chooser's
// file list, Fyne's list takes Enter itself and ignores it; Space then
// Tab to Open, Space, completes it.)
func (w *mainWindow) enter() {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	for _, word := range completeWords {
		if b := buttonLabelled(top, word); b != nil && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
}

// buttonLabelled finds the enabled, visible button labelled text under o.
func buttonLabelled(o fyne.CanvasObject, text string) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *widget.Button:
		if o.Text == text && !o.Disabled() {
			return o
		}
		return nil
	case *fyne.Container:
		for _, c := range o.Objects {
			if b := buttonLabelled(c, text); b != nil {
				return b
			}
		}
		return nil
	case *widget.PopUp:
		return buttonLabelled(o.Content, text)
	}
	return buttonLabelled(innerContent(o), text)
}

// innerContent is the Content an overlay wraps. Fyne puts every dialog
// and pop-up in an overlay of an internal type, whose exported Content
// field only reflection can read.
func innerContent(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	v = v.Elem()
	if v.Kind() != reflect.Struct {
		return nil
	}
	f := v.FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}
