package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout lays its objects out left to right, each at its minimum
// size, starting a new row where the next would not fit. Its minimum
// width is its widest object's, so a row of controls that grows (a toggle
// for each cohort an officer imports) never holds the window wider than
// the screen; Fyne's RowWrap layout reports the width of its last layout
// as its minimum, which kept a window once wide from narrowing again.
type flowLayout struct {
	// width is the width last laid out in, which gives the rows MinSize
	// counts; zero before the first layout, when everything is one row.
	width float32
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objects {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = float32(1 << 20)
	}
	return fyne.NewSize(widest, l.place(objects, max(width, widest), false))
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

// place places the objects in rows within width, each as tall as the
// tallest, moving them when move is set, and returns the height the rows
// take.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	var rowH float32
	for _, o := range objects {
		if o.Visible() {
			rowH = max(rowH, o.MinSize().Height)
		}
	}
	var x, y float32
	first := true
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if !first && x+s.Width > width {
			x, y = 0, y+rowH+pad
		}
		first = false
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(s.Width, rowH))
		}
		x += s.Width + pad
	}
	return y + rowH
}
