package views

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestFrozenColumnsCrossedByNoBorder scrolls the scorecard sideways by
// steps across its frozen Indicator column's width, as a wheel does, and
// reads the drawn window: no scrolled column's border may be drawn as a
// line down the frozen Indicator column (QA23c D8: Fyne placed the
// scrolled columns' dividers by the frozen columns' widths, over them).
func TestFrozenColumnsCrossedByNoBorder(t *testing.T) {
	w := openFixture(t, 24)
	w.win.Resize(fyne.NewSize(900, 600))
	s := w.score
	pad := theme.Padding()
	table := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.table)
	size := s.table.Size()
	// The Indicator column's inside, clear of its own edges.
	left := int(table.X+s.widths[colRef]+pad) + 3
	right := int(table.X+s.widths[colRef]+pad+s.widths[colName]) - 3
	top, bottom := int(table.Y+linesHeight(1))+2, int(table.Y+size.Height)-2
	var across float32
	for _, wd := range s.widths {
		across += wd + pad
	}
	if across <= size.Width {
		t.Fatalf("the scorecard's columns (%v px) fit its %v px: it cannot scroll sideways, and the test checks nothing", across, size.Width)
	}
	for off := float32(0); off <= s.widths[colName]+s.widths[colRef]+2*pad; off += 10 {
		s.table.ScrollToOffset(fyne.NewPos(off, 0))
		img := w.win.Canvas().Capture()
		if x, n := verticalLine(img, left, right, top, bottom); n > (bottom-top)/2 {
			t.Fatalf("scrolled %v across, a line of %d px is drawn down the frozen Indicator column at x=%d (the column is %d to %d)", off, n, x, left, right)
		}
	}
}

// verticalLine finds the column of pixels x, from left to right of img,
// with the most pixels between top and bottom that differ from both their
// neighbours two pixels either side while those two agree: a line a pixel
// or two wide on a plain ground, broken only where it crosses the rows'
// dividers and text. It returns its x and how many such pixels it has.
func verticalLine(img image.Image, left, right, top, bottom int) (at, most int) {
	same := func(a, b image.Point) bool { return img.At(a.X, a.Y) == img.At(b.X, b.Y) }
	for x := left; x <= right; x++ {
		n := 0
		for y := top; y < bottom; y++ {
			l, r, p := image.Pt(x-2, y), image.Pt(x+2, y), image.Pt(x, y)
			if same(l, r) && !same(p, l) {
				n++
			}
		}
		if n > most {
			at, most = x, n
		}
	}
	return at, most
}
