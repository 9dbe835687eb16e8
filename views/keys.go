package views

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// bindKeys gives the window its desktop keys: Escape closes a dialog, or
// leaves an indicator's detail for the scorecard.
func (w *mainWindow) bindKeys() {
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.escape()
		}
	})
	w.score.table.onEscape = w.escape
	w.districts.table.onEscape = w.escape
}

// dismissWords are the buttons that close a dialog without doing
// anything, in the order one is looked for.
var dismissWords = []string{"Cancel", "Close", "Dismiss", "No", "OK"}

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
