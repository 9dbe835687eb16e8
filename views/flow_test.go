package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestFlowLayout lays out four controls 300, 200, 250 and 280 wide in
// widths from wide to narrow, and checks they take the rows that fit,
// none past the width, and that the minimum width stays the widest
// control's however wide the last layout was, so that a window once wide
// can narrow again.
func TestFlowLayout(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	for _, tc := range []struct {
		width float32
		rows  int
	}{
		{1200, 1},
		{1030 + 3*pad, 1},
		{1000, 2},
		{560, 2},
		{500, 3},
		{300, 4},
	} {
		var objs []fyne.CanvasObject
		for _, w := range []float32{300, 200, 250, 280} {
			r := canvas.NewRectangle(nil)
			r.SetMinSize(fyne.NewSize(w, 36))
			objs = append(objs, r)
		}
		l := &flowLayout{}
		l.Layout(objs, fyne.NewSize(tc.width, 400))
		min := l.MinSize(objs)
		if want := float32(tc.rows)*36 + float32(tc.rows-1)*pad; min.Height != want {
			t.Errorf("at %v: %v high, want %d rows (%v)", tc.width, min.Height, tc.rows, want)
		}
		if min.Width != 300 {
			t.Errorf("at %v: at least %v wide, want the widest control's 300", tc.width, min.Width)
		}
		for _, o := range objs {
			if o.Position().X+o.Size().Width > tc.width && o.Position().X > 0 {
				t.Errorf("at %v a control runs to %v", tc.width, o.Position().X+o.Size().Width)
			}
		}
	}
}
