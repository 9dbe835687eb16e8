package export

import (
	"strconv"
	"testing"

	"scorecard/app"
)

// TestCellNumberPercent holds a percentage's cell to the fraction Excel
// holds for the percentage typed: 23.4 is 0.234, not the binary quotient
// 0.23399999999999999 that was written as 0.233999999999999.
func TestCellNumberPercent(t *testing.T) {
	pct := app.Indicator{Unit: app.Percent}
	for _, tc := range []struct {
		v    float64
		want float64
	}{
		{23.4, 0.234},
		{12.4, 0.124},
		{0.7, 0.007},
		{100, 1},
		{0, 0},
		{-1.1, -0.011},
		{33.333333333333336, 0.333333333333333},
	} {
		if got := cellNumber(pct, tc.v); got != tc.want {
			t.Errorf("cellNumber(%%, %v) = %v, want %v", tc.v, got, tc.want)
		}
	}
	// Every percentage given to up to three places is the fraction its
	// own digits say.
	for i := -2000; i <= 100000; i += 7 {
		v := float64(i) / 1000
		want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', -1, 64)+"e-2", 64)
		if got := cellNumber(pct, v); got != want {
			t.Fatalf("cellNumber(%%, %v) = %v, want %v", v, got, want)
		}
	}
	if got := cellNumber(app.Indicator{Unit: app.Number}, 23.4); got != 23.4 {
		t.Errorf("a count's cell = %v, want 23.4", got)
	}
}
