package app

import "testing"

// TestImportOrder: imports compare in the order the history applied them,
// not by their IDs' text; IDs it does not list come after, by number.
func TestImportOrder(t *testing.T) {
	h := NewHistory()
	h.Imports = []Import{{ID: "I0010"}, {ID: "I0002"}}
	o := h.ImportOrder()
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"I0010", "I0002", -1}, // applied first, though its ID is larger
		{"I0002", "I0010", 1},
		{"I0002", "I0002", 0},
		{"I0002", "I0003", -1}, // listed before unlisted
		{"I9999", "I10000", -1},
		{"", "I0001", -1}, // a figure with no import is the oldest
	} {
		if got := o.Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
