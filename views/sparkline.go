package views

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sparkline draws a short series as a line, gaps left open, with the
// latest point marked: the shape of a year at a glance.
type sparkline struct {
	widget.BaseWidget
	values []float64 // NaN where there is no figure
}

func newSparkline() *sparkline {
	s := &sparkline{}
	s.ExtendBaseWidget(s)
	return s
}

// set shows vs, which the sparkline keeps (the caller must not change it).
func (s *sparkline) set(vs []float64) {
	s.values = vs
	s.Refresh()
}

func (s *sparkline) MinSize() fyne.Size { return fyne.NewSize(72, 20) }

func (s *sparkline) CreateRenderer() fyne.WidgetRenderer {
	r := &sparkRenderer{s: s, last: canvas.NewCircle(color.Transparent)}
	return r
}

type sparkRenderer struct {
	s     *sparkline
	lines []*canvas.Line
	last  *canvas.Circle
	objs  []fyne.CanvasObject
	size  fyne.Size
}

func (r *sparkRenderer) Layout(size fyne.Size) {
	r.size = size
	r.draw()
}

func (r *sparkRenderer) MinSize() fyne.Size { return r.s.MinSize() }

func (r *sparkRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.s)
}

func (r *sparkRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *sparkRenderer) Destroy() {}

// draw places one segment between each pair of neighbouring figures.
func (r *sparkRenderer) draw() {
	vs := r.s.values
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	r.objs = r.objs[:0]
	if len(vs) < 2 || math.IsInf(lo, 1) || r.size.Width <= 0 {
		return
	}
	const pad = 3
	w, h := r.size.Width-2*pad, r.size.Height-2*pad
	pos := func(i int, v float64) fyne.Position {
		y := h / 2
		if hi > lo {
			y = float32((hi - v) / (hi - lo) * float64(h))
		}
		return fyne.NewPos(pad+float32(i)*w/float32(len(vs)-1), pad+y)
	}
	fg := theme.Color(theme.ColorNameForeground)
	n := 0
	for i := 1; i < len(vs); i++ {
		if math.IsNaN(vs[i-1]) || math.IsNaN(vs[i]) {
			continue
		}
		if n == len(r.lines) {
			r.lines = append(r.lines, canvas.NewLine(fg))
		}
		l := r.lines[n]
		n++
		l.StrokeColor, l.StrokeWidth = fg, 1.2
		l.Position1, l.Position2 = pos(i-1, vs[i-1]), pos(i, vs[i])
		r.objs = append(r.objs, l)
	}
	if v := vs[len(vs)-1]; !math.IsNaN(v) {
		p := pos(len(vs)-1, v)
		r.last.FillColor = theme.Color(theme.ColorNamePrimary)
		r.last.Position1 = p.SubtractXY(2.5, 2.5)
		r.last.Position2 = p.AddXY(2.5, 2.5)
		r.objs = append(r.objs, r.last)
	}
}
