package pdf

import (
	"math"
	"slices"

	"codeberg.org/go-pdf/fpdf"
)

// Chart is an SPC (XmR) chart of a series: its figures by period with the
// centre line, process limits and target, the special-cause points
// marked in Making Data Count's colours. A NaN is a gap: no figure, or a
// line not drawn there.
type Chart struct {
	Labels       []string  // the periods, oldest first
	Values       []float64 // the figures
	Mean         []float64
	Upper, Lower []float64
	Target       []float64
	// Special marks special-cause points: +1 improving, -1 concerning,
	// 2 special with no polarity.
	Special []int
	Format  func(float64) string // writes an axis label
	// Notes mark where the officer rebased the limits or set a
	// baseline, with their words, at the index of Labels they start at.
	Notes []ChartNote
}

// ChartNote is an annotation on a chart: a dashed line at the period of
// index At, labelled Text.
type ChartNote struct {
	At   int
	Text string
}

// Chart colours: Making Data Count's blue for improvement and orange for
// concern.
const (
	valueColour     RGB = "1F4E79"
	meanColour      RGB = "7F7F7F"
	limitColour     RGB = "C00000"
	targetColour    RGB = "00823B"
	improvingColour RGB = "0072C6"
	concernColour   RGB = "ED8B00"
	specialColour   RGB = "7030A0"
)

// Chart draws c as vectors in a box w by h millimetres from the current
// line, with its legend beneath.
func (d *Doc) Chart(c Chart, w, h float64) {
	f := d.f
	d.room(h + 8)
	x0, y0 := margin, f.GetY()
	const left, bottom = 16.0, 9.0 // room for the axes' labels
	px, py, pw, ph := x0+left, y0+2, w-left-2, h-bottom-2
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range [][]float64{c.Values, c.Mean, c.Upper, c.Lower, c.Target} {
		for _, v := range s {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if lo > hi {
		return
	}
	pad := max((hi-lo)*0.1, math.Abs(hi)*0.01, 1e-9)
	lo, hi = lo-pad, hi+pad
	if lo < 0 && lo+pad >= 0 {
		lo = 0 // figures that are never negative need no negative axis
	}
	n := len(c.Labels)
	xAt := func(i int) float64 {
		if n <= 1 {
			return px + pw/2
		}
		return px + pw*float64(i)/float64(n-1)
	}
	yAt := func(v float64) float64 { return py + ph*(hi-v)/(hi-lo) }

	// Grid and axis labels.
	f.SetLineWidth(0.1)
	f.SetDrawColor(217, 217, 217)
	f.SetFont(family, "", 7)
	f.SetTextColor(64, 64, 64)
	for _, v := range ticks(lo, hi, 5) {
		y := yAt(v)
		f.Line(px, y, px+pw, y)
		label := c.Format(v)
		f.SetXY(x0, y-1.5)
		f.CellFormat(left-1.5, 3, label, "", 0, "R", false, 0, "")
	}
	step := 1
	if n > 18 {
		step = 2
	}
	for i := 0; i < n; i += step {
		f.SetXY(xAt(i)-6, py+ph+1)
		f.CellFormat(12, 3, c.Labels[i], "", 0, "C", false, 0, "")
	}
	f.SetDrawColor(128, 128, 128)
	f.Rect(px, py, pw, ph, "D")

	line := func(s []float64, colour RGB, width float64, dash []float64) {
		f.SetDrawColor(colour.parts())
		f.SetLineWidth(width)
		f.SetDashPattern(dash, 0)
		for i := 1; i < len(s) && i < n; i++ {
			if !math.IsNaN(s[i-1]) && !math.IsNaN(s[i]) {
				f.Line(xAt(i-1), yAt(s[i-1]), xAt(i), yAt(s[i]))
			}
		}
		f.SetDashPattern(nil, 0)
	}
	// The officer's rebase and baseline notes, as the window draws them:
	// a dashed line where they start, the words beside it at the top.
	for _, nt := range c.Notes {
		if nt.At < 0 || nt.At >= n {
			continue
		}
		x := xAt(nt.At)
		f.SetDrawColor(meanColour.parts())
		f.SetLineWidth(0.3)
		f.SetDashPattern([]float64{0.8, 0.8}, 0)
		f.Line(x, py, x, py+ph)
		f.SetDashPattern(nil, 0)
		f.SetFont(family, "", 7)
		f.SetTextColor(64, 64, 64)
		wd := min(f.GetStringWidth(nt.Text)+2, px+pw-x-1)
		if wd < 20 { // no room to the right: written to the left of the line
			wd = min(f.GetStringWidth(nt.Text)+2, x-px-1)
			x -= wd + 1
		}
		f.SetXY(x+0.5, py+0.5)
		f.CellFormat(wd, 3, nt.Text, "", 0, "L", false, 0, "")
	}
	line(c.Upper, limitColour, 0.3, []float64{1, 1})
	line(c.Lower, limitColour, 0.3, []float64{1, 1})
	line(c.Mean, meanColour, 0.3, nil)
	line(c.Target, targetColour, 0.4, []float64{2.5, 1.5})
	line(c.Values, valueColour, 0.5, nil)
	for i, v := range c.Values {
		if i >= n || math.IsNaN(v) {
			continue
		}
		colour := valueColour
		r := 0.7
		if i < len(c.Special) && c.Special[i] != 0 {
			r = 1.1
			switch c.Special[i] {
			case 1:
				colour = improvingColour
			case -1:
				colour = concernColour
			default:
				colour = specialColour
			}
		}
		d.fill(colour)
		f.Circle(xAt(i), yAt(v), r, "F")
	}

	// The legend.
	f.SetY(y0 + h)
	x := px
	key := func(label string, colour RGB, dash []float64, dot bool) {
		f.SetDrawColor(colour.parts())
		f.SetLineWidth(0.4)
		f.SetDashPattern(dash, 0)
		yy := f.GetY() + 2
		if dot {
			d.fill(colour)
			f.Circle(x+3, yy, 1.1, "F")
		} else {
			f.Line(x, yy, x+6, yy)
		}
		f.SetDashPattern(nil, 0)
		f.SetFont(family, "", 7.5)
		f.SetTextColor(0, 0, 0)
		f.SetXY(x+7, yy-1.75)
		lw := f.GetStringWidth(label) + 3
		f.CellFormat(lw, 3.5, label, "", 0, "L", false, 0, "")
		x += 7 + lw + 3
	}
	key("Figure", valueColour, nil, false)
	key("Mean", meanColour, nil, false)
	key("Process limits", limitColour, []float64{1, 1}, false)
	// A key for each special-cause colour drawn, purple too (no
	// polarity: QA23c D3), and the target where there is one.
	uses := func(s []float64) bool {
		return slices.ContainsFunc(s, func(v float64) bool { return !math.IsNaN(v) })
	}
	if uses(c.Target) {
		key("Target", targetColour, []float64{2.5, 1.5}, false)
	}
	for _, k := range []struct {
		sp     int
		label  string
		colour RGB
	}{{1, "Special cause, improving", improvingColour}, {-1, "Special cause, concerning", concernColour}, {2, "Special cause (no polarity: neither better nor worse)", specialColour}} {
		if slices.Contains(c.Special, k.sp) {
			key(k.label, k.colour, nil, true)
		}
	}
	f.SetY(y0 + h + 6)
	f.SetTextColor(0, 0, 0)
	f.SetLineWidth(0.2)
}

// ticks returns about n round values between lo and hi for an axis.
func ticks(lo, hi float64, n int) []float64 {
	span := hi - lo
	if span <= 0 {
		return []float64{lo}
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		out = append(out, v)
	}
	return out
}

// Spark draws a small line of values (NaN for gaps) in a box, its last
// point marked: the table's "last 12 months".
func (d *Doc) Spark(values []float64, x, y, w, h float64) {
	f := d.f
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if lo > hi || len(values) < 2 {
		return
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	x, y, w, h = x+1, y+1, w-2, h-2
	at := func(i int, v float64) fpdf.PointType {
		return fpdf.PointType{X: x + w*float64(i)/float64(len(values)-1), Y: y + h*(hi-v)/(hi-lo)}
	}
	f.SetDrawColor(valueColour.parts())
	f.SetLineWidth(0.25)
	last := -1
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if last >= 0 && last == i-1 {
			a, b := at(last, values[last]), at(i, v)
			f.Line(a.X, a.Y, b.X, b.Y)
		}
		last = i
	}
	if last >= 0 {
		p := at(last, values[last])
		d.fill(valueColour)
		f.Circle(p.X, p.Y, 0.5, "F")
	}
}
