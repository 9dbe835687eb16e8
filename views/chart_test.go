package views

import (
	"slices"
	"testing"
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
