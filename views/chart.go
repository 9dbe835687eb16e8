package views

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/trend"
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
	special []bool // a special-cause point: outside limits, a run or a trend
	// variation is each point's Making Data Count icon, which colours it.
	variation []trend.Variation
	bench     []float64 // the benchmark in force for the month
	format    func(float64) string
	// suffix follows each axis figure: "%" for a percentage.
	suffix string
	// notes are the officer's annotations, drawn at their month: a
	// rebase, or where the baseline starts.
	notes []chartNote
	// rebased marks the months that start a new SPC chart, where the
	// mean and limits step rather than slope.
	rebased []bool
}

// chartNote is an annotation at month at (an index of labels).
type chartNote struct {
	at   int
	text string
}

// The chart's line colours: target green and floor red like the RAG, the
// process limits grey so the eye goes to the figures, the benchmark dark
// blue. Points follow Making Data Count: blue improvement, orange concern,
// purple neither (no polarity), grey common cause.
var (
	chartTarget  = ragGreen
	chartFloor   = ragRed
	chartLimits  = color.NRGBA{0x80, 0x80, 0x80, 0xff}
	chartBench   = color.NRGBA{0x00, 0x30, 0x87, 0xff}
	chartSpecial = color.NRGBA{0xed, 0x8b, 0x00, 0xff}
	chartImprove = color.NRGBA{0x41, 0xb6, 0xe6, 0xff}
	chartNeither = color.NRGBA{0x8a, 0x3f, 0xc4, 0xff}
	chartCommon  = color.NRGBA{0x76, 0x86, 0x92, 0xff}
)

// variationColour is the colour of a point with Making Data Count icon v.
func variationColour(v trend.Variation) color.Color {
	switch v.Colour() {
	case "blue":
		return chartImprove
	case "orange":
		return chartSpecial
	case "purple":
		return chartNeither
	}
	return chartCommon
}

// historyChart draws an indicator's monthly history with its target,
// floor, SPC mean and limits, special-cause points and benchmark, from
// canvas primitives.
type historyChart struct {
	widget.BaseWidget
	data chartData
	// title and subtitle head the chart when it is copied as a picture,
	// which leaves the window without the pane's own heading.
	title, subtitle string
	// paper, when set, draws the chart in dark ink on white, as a report
	// is printed, whatever the window's theme.
	paper bool
	// onMenu shows the chart's right-click menu at a point on the canvas.
	onMenu func(at fyne.Position)
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
	cut  []bool // months line does not join to the month before
	// legendBox and plotBox are where the legend and the plotted figures
	// were last drawn: the legend sits above the plot, never over it.
	legendBox, plotBox box
}

// box is a rectangle on the chart.
type box struct {
	pos  fyne.Position
	size fyne.Size
}

// overlaps reports whether b and o share any area.
func (b box) overlaps(o box) bool {
	return b.pos.X < o.pos.X+o.size.Width && o.pos.X < b.pos.X+b.size.Width &&
		b.pos.Y < o.pos.Y+o.size.Height && o.pos.Y < b.pos.Y+b.size.Height
}

// Paper colours, for a chart copied into a report: near-black ink and a
// light grid on white.
var (
	paperInk   = textLight
	paperGrid  = color.NRGBA{0xd0, 0xd4, 0xd8, 0xff}
	paperWhite = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// colours returns the chart's ink and grid colours.
func (c *historyChart) colours() (fg, grid color.Color) {
	if c.paper {
		return paperInk, paperGrid
	}
	return theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameSeparator)
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
	r.legendBox, r.plotBox = box{}, box{}
	if r.c.paper {
		bg := canvas.NewRectangle(paperWhite)
		bg.Resize(r.size)
		r.objs = append(r.objs, bg)
	}
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
	// Round ticks (steps of 1, 2 or 5 times a power of ten), the axis
	// reaching the round figure beyond each end.
	ticks, decimals := niceTicks(lo, hi, 5)
	lo, hi = math.Min(lo, ticks[0]), math.Max(hi, ticks[len(ticks)-1])

	fg, grid := r.c.colours()
	const left, right, bottom = 64, 16, 36
	// The title, then the legend, take the top; the figures are plotted
	// below them, so no point or line is hidden under the legend.
	w := r.size.Width - left - right
	top := r.heading(fg, 12)
	top = r.legend(fg, left, top, w) + 10
	h := r.size.Height - top - bottom
	if h < 40 {
		r.objs = r.objs[:0]
		return
	}
	r.plotBox = box{fyne.NewPos(left, top), fyne.NewSize(w, h)}
	x := func(i int) float32 {
		if n == 1 {
			return left + w/2
		}
		return left + float32(i)*w/float32(n-1)
	}
	y := func(v float64) float32 { return top + float32((hi-v)/(hi-lo))*h }

	for _, v := range ticks {
		gl := canvas.NewLine(grid)
		gl.Position1, gl.Position2 = fyne.NewPos(left, y(v)), fyne.NewPos(left+w, y(v))
		t := canvas.NewText(app.FormatNumber(v, decimals)+d.suffix, fg)
		t.TextSize = theme.CaptionTextSize()
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(v)-t.MinSize().Height/2))
		t.Resize(fyne.NewSize(left-6, t.MinSize().Height))
		r.objs = append(r.objs, gl, t)
	}
	// Month labels every step, and always the latest month, which is what
	// a reader looks for; a step label that would collide with it is left
	// out.
	last := canvas.NewText(d.labels[n-1], fg)
	last.TextSize = theme.CaptionTextSize()
	last.TextStyle.Bold = true
	lastW := last.MinSize().Width
	// As many labels as fit the width, whatever the window's size.
	step := 1
	if n > 1 {
		step = max(1, int(math.Ceil(float64((lastW+10)/(w/float32(n-1))))))
	}
	last.Move(fyne.NewPos(min(x(n-1)-lastW/2, r.size.Width-lastW), top+h+6))
	for i := 0; i < n-1; i += step {
		t := canvas.NewText(d.labels[i], fg)
		t.TextSize = theme.CaptionTextSize()
		ms := t.MinSize()
		if x(i)+ms.Width/2+6 > last.Position().X {
			break
		}
		t.Move(fyne.NewPos(x(i)-ms.Width/2, top+h+6))
		r.objs = append(r.objs, t)
	}
	r.objs = append(r.objs, last)
	r.notes(x, top, h, fg)

	// A rebased chart's lines step at the rebase rather than slope.
	r.cut = d.rebased
	r.line(d.upper, x, y, chartLimits, 1, true)
	r.line(d.lower, x, y, chartLimits, 1, true)
	r.line(d.mean, x, y, chartLimits, 1.5, false)
	r.cut = nil
	r.line(d.bench, x, y, chartBench, 2, true)
	r.line(d.target, x, y, chartTarget, 2, false)
	r.line(d.floor, x, y, chartFloor, 2, true)
	r.line(d.values, x, y, fg, 2.5, false)
	r.targetLabel(x, y, n, fg)
	for i, v := range d.values {
		if math.IsNaN(v) {
			continue
		}
		radius, fill := float32(3), fg
		if i < len(d.variation) && d.variation[i] != trend.NoVariation {
			fill = variationColour(d.variation[i])
		}
		if i < len(d.special) && d.special[i] {
			radius = 5.5
			if i >= len(d.variation) {
				fill = chartSpecial
			}
		}
		dot := canvas.NewCircle(fill)
		dot.Position1 = fyne.NewPos(x(i)-radius, y(v)-radius)
		dot.Position2 = fyne.NewPos(x(i)+radius, y(v)+radius)
		r.objs = append(r.objs, dot)
	}
}

// heading draws the title and subtitle, when the chart has them, from y
// down, and returns where they end.
func (r *chartRenderer) heading(fg color.Color, y float32) float32 {
	for i, text := range []string{r.c.title, r.c.subtitle} {
		if text == "" {
			continue
		}
		t := canvas.NewText(text, fg)
		t.TextStyle.Bold = i == 0
		t.TextSize = theme.TextSize() * 1.2
		if i == 1 {
			t.TextSize = theme.TextSize()
		}
		// A long name is set smaller rather than cut.
		for t.MinSize().Width > r.size.Width-24 && t.TextSize > theme.CaptionTextSize() {
			t.TextSize--
		}
		t.Move(fyne.NewPos(12, y))
		r.objs = append(r.objs, t)
		y += t.MinSize().Height + 2
	}
	return y
}

// line draws a series as segments between neighbouring figures; dashed
// lines are for references (floor, limits, benchmark) rather than data.
func (r *chartRenderer) line(vs []float64, x func(int) float32, y func(float64) float32, c color.Color, width float32, dashed bool) {
	for i := 1; i < len(vs); i++ {
		if math.IsNaN(vs[i-1]) || math.IsNaN(vs[i]) || i < len(r.cut) && r.cut[i] {
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

// legend names only the lines and points the chart has, above the plot
// from its left edge, wrapping onto more rows when the chart is narrow, so
// it never runs off the chart. It returns where it ends; the plot goes
// below it, since a legend over the plot hid the points and limits under
// it.
func (r *chartRenderer) legend(fg color.Color, left, top, w float32) float32 {
	d := r.c.data
	has := func(v trend.Variation) bool {
		for _, x := range d.variation {
			if x.Colour() == v.Colour() {
				return true
			}
		}
		return false
	}
	special := anyTrue(d.special)
	entries := []struct {
		name string
		c    color.Color
		has  bool
	}{
		{"value", fg, hasFigure(d.values)},
		{"target", chartTarget, hasFigure(d.target)},
		{"floor", chartFloor, hasFigure(d.floor)},
		{"average and process limits", chartLimits, hasFigure(d.mean)},
		{"improving", chartImprove, has(trend.ImprovementHigh)},
		{"concerning", chartSpecial, has(trend.ConcernHigh) || special && len(d.variation) == 0},
		{"unusual (no better or worse)", chartNeither, has(trend.NeitherHigh)},
		{"benchmark", chartBench, hasFigure(d.bench)},
	}
	const gap = 14
	var xpos, ypos, rowH, widest float32
	shown := 0
	for _, e := range entries {
		if !e.has {
			continue
		}
		t := canvas.NewText(e.name, fg)
		t.TextSize = theme.CaptionTextSize()
		ts := t.MinSize()
		rowH = max(rowH, ts.Height)
		wd := 18 + ts.Width
		if xpos > 0 && xpos+wd > w {
			xpos, ypos = 0, ypos+rowH
		}
		sw := canvas.NewRectangle(e.c)
		sw.Move(fyne.NewPos(left+xpos, top+ypos+ts.Height/2-2))
		sw.Resize(fyne.NewSize(14, 4))
		t.Move(fyne.NewPos(left+xpos+18, top+ypos))
		r.objs = append(r.objs, sw, t)
		xpos += wd + gap
		widest = max(widest, xpos-gap)
		shown++
	}
	if shown == 0 {
		return top
	}
	r.legendBox = box{fyne.NewPos(left, top), fyne.NewSize(widest, ypos+rowH)}
	return top + ypos + rowH
}

// targetLabel names the target line at its latest figure, right-aligned
// above it, so the reader need not match colours to the legend.
func (r *chartRenderer) targetLabel(x func(int) float32, y func(float64) float32, n int, fg color.Color) {
	d := r.c.data
	for i := n - 1; i >= 0; i-- {
		if i >= len(d.target) || math.IsNaN(d.target[i]) {
			continue
		}
		text := "target"
		if d.format != nil {
			text += " " + d.format(d.target[i])
		}
		t := canvas.NewText(text, fg)
		t.TextSize = theme.CaptionTextSize()
		ms := t.MinSize()
		t.Move(fyne.NewPos(x(i)-ms.Width, y(d.target[i])-ms.Height-1))
		r.objs = append(r.objs, t)
		return
	}
}

// notes draws each annotation as a dashed vertical line at its month with
// its text beside the line's foot, above the month labels.
func (r *chartRenderer) notes(x func(int) float32, top, h float32, fg color.Color) {
	for k, note := range r.c.data.notes {
		if note.at < 0 || note.at >= len(r.c.data.labels) {
			continue
		}
		px := x(note.at)
		const dashes = 12
		for j := 0; j < dashes; j += 2 {
			l := canvas.NewLine(chartNeither)
			l.StrokeWidth = 1
			l.Position1 = fyne.NewPos(px, top+h*float32(j)/dashes)
			l.Position2 = fyne.NewPos(px, top+h*float32(j+1)/dashes)
			r.objs = append(r.objs, l)
		}
		t := canvas.NewText(note.text, chartNeither)
		t.TextSize = theme.CaptionTextSize()
		ms := t.MinSize()
		tx := px + 3
		if tx+ms.Width > r.size.Width {
			tx = px - 3 - ms.Width
		}
		// Notes stack upwards from the foot, so two close together do
		// not overprint.
		t.Move(fyne.NewPos(tx, top+h-ms.Height*float32(k%3+1)-2))
		r.objs = append(r.objs, t)
	}
}

// niceTicks returns about want round figures spanning lo to hi (steps of
// 1, 2 or 5 times a power of ten, the first at or below lo and the last at
// or above hi) and the decimals their step needs.
func niceTicks(lo, hi float64, want int) ([]float64, int) {
	raw := (hi - lo) / float64(max(want-1, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	first := math.Floor(lo/step+1e-9) * step
	var ticks []float64
	// Each tick from its index, so that adding steps gathers no error.
	for k := 0; k <= 4*want; k++ {
		v := first + step*float64(k)
		ticks = append(ticks, v)
		if v >= hi-step*1e-9 {
			break
		}
	}
	return ticks, decimals
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
