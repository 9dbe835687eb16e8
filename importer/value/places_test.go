package value

import "testing"

// TestPlaces: the places a figure's text shows, its binary noise beyond
// Excel's 15 significant digits rounded away (QA19 D9), and places a
// person typed, trailing zeros and all, kept.
func TestPlaces(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"63.7", 1},
		{"(1,896.5)", 1},
		{"70", 0},
		{"612.0", 1},
		{"86.100", 3},
		{"86.09999999999999", 1},
		{"55.00000000000001", 0},
		{"55.00000000000001%", 0},
		{"0.10100000000000001", 3},
		{"55.0000000000000", 0}, // excelize pads to 15 digits
		{"0.10099999999999999", 3},
		{"-3.3000000000000003", 1},
		{"1234.5678901234", 10}, // 14 significant digits: as given
		{"1234.56789012345", 11},
		{"0.000012345678901234", 18},
		{"1.2E-05", -1},
		{"n/a", -1},
	}
	for _, tt := range tests {
		if got := Places(tt.text); got != tt.want {
			t.Errorf("Places(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
