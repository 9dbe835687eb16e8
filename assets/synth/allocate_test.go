package synth

import (
	"slices"
	"testing"
)

func TestAllocate(t *testing.T) {
	tests := []struct {
		total   float64
		weights []float64
		caps    []float64
		want    []float64
	}{
		{10, []float64{1, 1, 1}, nil, []float64{4, 3, 3}},
		{7, []float64{5, 3, 0}, nil, []float64{4, 3, 0}},
		{9, []float64{10, 1, 1}, []float64{5, 10, 10}, []float64{5, 2, 2}},
		{6, []float64{1, 1}, []float64{3, 3}, []float64{3, 3}},
		{0, []float64{1, 2}, nil, []float64{0, 0}},
	}
	for _, tt := range tests {
		got := allocate(tt.total, tt.weights, tt.caps)
		if !slices.Equal(got, tt.want) {
			t.Errorf("allocate(%v, %v, %v) = %v, want %v", tt.total, tt.weights, tt.caps, got, tt.want)
		}
	}
}
