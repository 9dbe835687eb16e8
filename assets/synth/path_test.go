package synth

import (
	"testing"

	"scorecard/app"
)

// TestSeriesVary checks the series give SPC something to find: some end
// in a run above or below their earlier mean, and some do not.
func TestSeriesVary(t *testing.T) {
	m := Demo()
	moved, steady := 0, 0
	for _, ind := range m.Dataset.Indicators {
		var v []float64
		for _, p := range m.Months {
			if o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, p); ok && o.Value != nil && !o.StandIn {
				v = append(v, *o.Value)
			}
		}
		if len(v) < 20 {
			continue
		}
		var mean float64
		for _, x := range v[:len(v)-7] {
			mean += x
		}
		mean /= float64(len(v) - 7)
		above, below := 0, 0
		for _, x := range v[len(v)-7:] {
			if x > mean {
				above++
			} else if x < mean {
				below++
			}
		}
		if above == 7 || below == 7 {
			moved++
		} else {
			steady++
		}
	}
	if moved < 3 || steady < 3 {
		t.Errorf("%d series end in a seven-month run off their mean and %d do not; want 3 or more of each", moved, steady)
	}
}
