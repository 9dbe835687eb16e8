package pdf

import (
	"math"
	"strings"
	"testing"
)

// TestMeasureIsWhatIsDrawn: ParaHeight and ItemHeight are the height
// Para and Item take when drawn, so that the pack's first page, fitted
// by them, ends where they say (QA26b S5).
func TestMeasureIsWhatIsDrawn(t *testing.T) {
	long := strings.Repeat("Children in care with 3 or more placements in the last 12 months (%): 11.7% (AMBER), up 0.1 pp (worsened). ", 6)
	for _, tc := range []struct {
		name string
		text string
		size float64
		item bool
	}{
		{"a line", "Small numbers: counts of 1 to 4 children are withheld.", 8.5, false},
		{"a wrapped paragraph", long, 7, false},
		{"lines of their own", "First line.\n\nThird, after an empty one.", 9, false},
		{"an item", "Agency social workers (%): 13.2% (AMBER)", 10.5, true},
		{"a wrapped item", long, 8.5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := New(Footer{}, Info{})
			d.Page()
			before := d.Room()
			var want float64
			if tc.item {
				want = d.ItemHeight(tc.text, tc.size)
				d.Item("A", "FFC000", tc.text, tc.size)
			} else {
				want = d.ParaHeight(tc.text, tc.size)
				d.Para(tc.text, tc.size)
			}
			if got := before - d.Room(); math.Abs(got-want) > 1e-9 || d.Pages() != 1 {
				t.Errorf("drawn %.3f mm on %d pages, measured %.3f mm", got, d.Pages(), want)
			}
		})
	}
}
