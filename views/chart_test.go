package views

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"scorecard/app/trend"
)

// TestNiceTicks checks that the chart's axis falls on round figures that
// span the data.
func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi   float64
		want     []float64
		decimals int
	}{
		// Range 2.65: a raw step of 0.66 rounds up to 1.
		{10.27, 12.92, []float64{10, 11, 12, 13}, 0},
		// Range 37: step 9.25 rounds up to 10.
		{3.1, 40.1, []float64{0, 10, 20, 30, 40, 50}, 0},
		// Range 0.4: step 0.1 exactly.
		{49.6, 50.0, []float64{49.6, 49.7, 49.8, 49.9, 50}, 1},
		// Range 1,300: step 325 rounds up to 500.
		{-100, 1200, []float64{-500, 0, 500, 1000, 1500}, 0},
	}
	for _, tt := range tests {
		got, d := niceTicks(tt.lo, tt.hi, 5)
		for i := range got {
			got[i] = float64(int64(got[i]*1e6+0.5*sign(got[i]))) / 1e6
		}
		if !slices.Equal(got, tt.want) || d != tt.decimals {
			t.Errorf("niceTicks(%v, %v) = %v, %d decimals; want %v, %d", tt.lo, tt.hi, got, d, tt.want, tt.decimals)
		}
	}
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// TestLegendClearOfPlot draws a chart whose highest figures and upper
// process limit lie at its top left, where the legend used to be drawn
// over them, at widths from the narrowest the window allows (where the
// legend wraps) to a wide screen, and checks no point or line of the plot
// lies under any of the legend's names or swatches.
func TestLegendClearOfPlot(t *testing.T) {
	test.NewTempApp(t)
	const n = 24
	d := chartData{format: func(v float64) string { return fmt.Sprintf("%.1f%%", v) }, suffix: "%"}
	for i := range n {
		// Falling from 13.8% to 11%: the first months are the highest.
		v := 13.8 - float64(i)*0.12
		d.labels = append(d.labels, fmt.Sprintf("M%02d", i))
		d.values = append(d.values, v)
		d.target = append(d.target, 10)
		d.floor = append(d.floor, 12)
		d.mean = append(d.mean, 12.6)
		d.upper = append(d.upper, 13.8)
		d.lower = append(d.lower, 11.5)
		d.bench = append(d.bench, 12.2)
		d.special = append(d.special, i < 3)
		variation := trend.ConcernLow
		if i > n/2 {
			variation = trend.ImprovementLow
		}
		d.variation = append(d.variation, variation)
	}
	for _, size := range []fyne.Size{{Width: 480, Height: 260}, {Width: 700, Height: 300}, {Width: 1300, Height: 420}} {
		c := newHistoryChart()
		c.set(d)
		c.Resize(size)
		r := test.WidgetRenderer(c).(*chartRenderer)
		if r.legendBox.size.IsZero() || r.plotBox.size.IsZero() {
			t.Fatalf("at %v the chart drew no legend or no plot", size)
		}
		var legend, plot []box
		for _, o := range r.Objects() {
			switch o := o.(type) {
			case *canvas.Text:
				if legendNames[o.Text] {
					legend = append(legend, box{o.Position(), o.MinSize()})
				}
			case *canvas.Rectangle:
				if o.Size().Height == 4 { // a swatch
					legend = append(legend, box{o.Position(), o.Size()})
				}
			case *canvas.Circle:
				plot = append(plot, box{o.Position1, fyne.NewSize(o.Position2.X-o.Position1.X, o.Position2.Y-o.Position1.Y)})
			case *canvas.Line:
				lo := fyne.NewPos(min(o.Position1.X, o.Position2.X), min(o.Position1.Y, o.Position2.Y)-o.StrokeWidth/2)
				plot = append(plot, box{lo, fyne.NewSize(abs32(o.Position2.X-o.Position1.X), abs32(o.Position2.Y-o.Position1.Y)+o.StrokeWidth)})
			}
		}
		if len(legend) < 2*6 {
			t.Errorf("at %v the legend has %d names and swatches, want at least 12", size, len(legend))
		}
		hidden := 0
		for _, l := range legend {
			for _, p := range plot {
				if l.overlaps(p) {
					hidden++
				}
			}
		}
		if hidden > 0 {
			t.Errorf("at %v the legend lies over %d of the plot's points and lines", size, hidden)
		}
		if r.legendBox.overlaps(r.plotBox) {
			t.Errorf("at %v the legend %v overlaps the plot %v", size, r.legendBox, r.plotBox)
		}
	}
}

// legendNames are the names the chart's legend may give.
var legendNames = map[string]bool{"value": true, "target": true, "floor": true, "average and process limits": true,
	"improving": true, "concerning": true, "unusual (no better or worse)": true, "benchmark": true}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
