package xlsx

import "testing"

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "Z9": 25, "AA10": 26, "AB12": 27, "XFD1": 16383, "XFE1": -1, "AAAAAAAAAAAAAAAA1": -1, "12": -1} {
		got, ok := ColumnOf([]byte(ref))
		if want < 0 {
			if ok {
				t.Errorf("ColumnOf(%q) = %d, want not a reference", ref, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("ColumnOf(%q) = %d, %v; want %d", ref, got, ok, want)
		}
	}
}
