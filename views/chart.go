package views

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartData is what the history chart draws, one entry per month; NaN
// marks a month without that line.
type chartData struct {
	labels  []string
	values  []float64
	target  []float64
	floor   []float64
	mean    []float64
	upper   []float64
	lower   []float64
	special []bool    // a special-cause point: outside limits, a run or a trend
	bench   []float64 // the benchmark in force for the month
	format  func(float64) string
}

// The chart's line colours: target green and floor red like the RAG, the
// process limits grey so the eye goes to the figures, the benchmark blue.
var (
	chartTarget  = ragGreen
	chartFloor   = ragRed
	chartLimits  = color.NRGBA{0x80, 0x80, 0x80, 0xff}
	chartBench   = color.NRGBA{0x1d, 0x70, 0xb8, 0xff}
	chartSpecial = color.NRGBA{0xf4, 0x77, 0x38, 0xff}
)

// historyChart draws an indicator's monthly history with its target,
// floor, SPC mean and limits, special-cause points and benchmark, from
// canvas primitives.
type historyChart struct {
	widget.BaseWidget
	data chartData
}

func newHistoryChart() *historyChart {
	c := &historyChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *historyChart) set(d chartData) {
	c.data = d
	c.Refresh()
}

func (c *historyChart) MinSize() fyne.Size { return fyne.NewSize(480, 260) }

func (c *historyChart) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct {
	c    *historyChart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *chartRenderer) Layout(size fyne.Size) { r.size = size; r.draw() }

func (r *chartRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *chartRenderer) Refresh() { r.draw(); canvas.Refresh(r.c) }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *chartRenderer) Destroy() {}

// draw rebuilds the chart's primitives: a chart redraws only when its
// indicator or the controls change, so rebuilding is simpler than reuse.
func (r *chartRenderer) draw() {
	d := r.c.data
	r.objs = r.objs[:0]
	n := len(d.values)
	if n == 0 || r.size.Width < 100 || r.size.Height < 80 {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range [][]float64{d.values, d.target, d.floor, d.upper, d.lower, d.bench} {
		for _, v := range s {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.08
	lo, hi = lo-pad, hi+pad

	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	const left, right, top, bottom = 64, 16, 28, 36
	w, h := r.size.Width-left-right, r.size.Height-top-bottom
	x := func(i int) float32 {
		if n == 1 {
			return left + w/2
		}
		return left + float32(i)*w/float32(n-1)
	}
	y := func(v float64) float32 { return top + float32((hi-v)/(hi-lo))*h }

	format := d.format
	if format == nil {
		format = func(v float64) string { return fmt.Sprintf("%.1f", v) }
	}
	for i := range 5 {
		v := lo + (hi-lo)*float64(i)/4
		gl := canvas.NewLine(grid)
		gl.Position1, gl.Position2 = fyne.NewPos(left, y(v)), fyne.NewPos(left+w, y(v))
		t := canvas.NewText(format(v), fg)
		t.TextSize = theme.CaptionTextSize()
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(v)-t.MinSize().Height/2))
		t.Resize(fyne.NewSize(left-6, t.MinSize().Height))
		r.objs = append(r.objs, gl, t)
	}
	step := max(1, n/12)
	for i := 0; i < n; i += step {
		t := canvas.NewText(d.labels[i], fg)
		t.TextSize = theme.CaptionTextSize()
		ms := t.MinSize()
		t.Move(fyne.NewPos(x(i)-ms.Width/2, top+h+6))
		r.objs = append(r.objs, t)
	}

	r.line(d.upper, x, y, chartLimits, 1, true)
	r.line(d.lower, x, y, chartLimits, 1, true)
	r.line(d.mean, x, y, chartLimits, 1.5, false)
	r.line(d.bench, x, y, chartBench, 2, true)
	r.line(d.target, x, y, chartTarget, 2, false)
	r.line(d.floor, x, y, chartFloor, 2, true)
	r.line(d.values, x, y, fg, 2.5, false)
	for i, v := range d.values {
		if math.IsNaN(v) {
			continue
		}
		radius, fill := float32(3), fg
		if i < len(d.special) && d.special[i] {
			radius, fill = 5.5, chartSpecial
		}
		dot := canvas.NewCircle(fill)
		dot.Position1 = fyne.NewPos(x(i)-radius, y(v)-radius)
		dot.Position2 = fyne.NewPos(x(i)+radius, y(v)+radius)
		r.objs = append(r.objs, dot)
	}
	r.legend(fg)
}

// line draws a series as segments between neighbouring figures; dashed
// lines are for references (floor, limits, benchmark) rather than data.
func (r *chartRenderer) line(vs []float64, x func(int) float32, y func(float64) float32, c color.Color, width float32, dashed bool) {
	for i := 1; i < len(vs); i++ {
		if math.IsNaN(vs[i-1]) || math.IsNaN(vs[i]) {
			continue
		}
		p1, p2 := fyne.NewPos(x(i-1), y(vs[i-1])), fyne.NewPos(x(i), y(vs[i]))
		if !dashed {
			l := canvas.NewLine(c)
			l.StrokeWidth = width
			l.Position1, l.Position2 = p1, p2
			r.objs = append(r.objs, l)
			continue
		}
		const dashes = 3
		for k := 0; k < dashes; k++ {
			a, b := float32(k)/dashes, (float32(k)+0.6)/dashes
			l := canvas.NewLine(c)
			l.StrokeWidth = width
			l.Position1 = fyne.NewPos(p1.X+(p2.X-p1.X)*a, p1.Y+(p2.Y-p1.Y)*a)
			l.Position2 = fyne.NewPos(p1.X+(p2.X-p1.X)*b, p1.Y+(p2.Y-p1.Y)*b)
			r.objs = append(r.objs, l)
		}
	}
}

// legend names only the lines the chart has.
func (r *chartRenderer) legend(fg color.Color) {
	d := r.c.data
	entries := []struct {
		name string
		c    color.Color
		has  bool
	}{
		{"value", fg, hasFigure(d.values)},
		{"target", chartTarget, hasFigure(d.target)},
		{"floor", chartFloor, hasFigure(d.floor)},
		{"SPC mean and limits", chartLimits, hasFigure(d.mean)},
		{"special cause", chartSpecial, anyTrue(d.special)},
		{"benchmark", chartBench, hasFigure(d.bench)},
	}
	xpos := float32(64)
	for _, e := range entries {
		if !e.has {
			continue
		}
		sw := canvas.NewRectangle(e.c)
		sw.Move(fyne.NewPos(xpos, 8))
		sw.Resize(fyne.NewSize(14, 4))
		t := canvas.NewText(e.name, fg)
		t.TextSize = theme.CaptionTextSize()
		t.Move(fyne.NewPos(xpos+18, 2))
		r.objs = append(r.objs, sw, t)
		xpos += 18 + t.MinSize().Width + 16
	}
}

func hasFigure(vs []float64) bool {
	for _, v := range vs {
		if !math.IsNaN(v) {
			return true
		}
	}
	return false
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
