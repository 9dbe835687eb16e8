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

// TestExcelDigits holds the arithmetic to its definition, parsing the 15
// significant digits strconv writes, across magnitudes.
func TestExcelDigits(t *testing.T) {
	for _, x := range []float64{1e-30, 3.3e-9, 1.0 / 3, 2.0 / 3, 0.1 + 0.2, 23.4 / 100, 0.7 / 100, 1, 99.99 / 100,
		123456.789, 1e14 + 0.5, 1e15 / 3, 1e20 / 7, -0.0123, 5e-324, 1e300 / 3} {
		want, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
		if got := excelDigits(x); got != want {
			t.Errorf("excelDigits(%v) = %v, want %v", x, got, want)
		}
	}
	// Percentages as figures are: quotients of small counts, and fractions
	// with a few decimals, over a wide range.
	for num := 0; num <= 400; num++ {
		for den := 1; den <= 400; den += 3 {
			x := float64(num) / float64(den) / 100
			want, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
			if got := excelDigits(x); got != want {
				t.Fatalf("excelDigits(%d/%d/100 = %v) = %v, want %v", num, den, x, got, want)
			}
		}
	}
}
