package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tipLabel is a label that shows a tooltip while the pointer is over it:
// Fyne's widgets have none. The detail pane says a signal in plain words
// and keeps the SPC terms, which analysts search for, in its tooltip.
type tipLabel struct {
	widget.Label
	tip   string
	popUp *widget.PopUp
}

func newTipLabel() *tipLabel {
	l := &tipLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// setTip sets the tooltip's text; "" shows none.
func (l *tipLabel) setTip(tip string) {
	l.tip = tip
	if tip == "" {
		l.MouseOut()
	}
}

// MouseIn shows the tooltip just below the pointer.
func (l *tipLabel) MouseIn(e *desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if l.tip == "" || c == nil {
		return
	}
	if l.popUp == nil {
		text := widget.NewLabel(l.tip)
		l.popUp = widget.NewPopUp(text, c)
	}
	l.popUp.Content.(*widget.Label).SetText(l.tip)
	l.popUp.ShowAtPosition(e.AbsolutePosition.Add(fyne.NewPos(12, 16)))
}

// MouseMoved does nothing: the tooltip stays where it opened.
func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (l *tipLabel) MouseOut() {
	if l.popUp != nil {
		l.popUp.Hide()
	}
}
