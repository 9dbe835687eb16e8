package childlevel

import "testing"

// TestDetectAnnexAAllocations guards what asking whether a row is an
// Annex A header costs a scorecard, whose first rows every import asks
// about: folding each heading to match it made an allocation for each
// with a capital letter; a row with no heading saying UASC or asylum is
// now turned away without one.
func TestDetectAnnexAAllocations(t *testing.T) {
	scorecard := [][]string{
		{"Kent Children's Services Scorecard", "", "March 2026"},
		{"Ref", "Indicator", "Lead Officer", "Polarity", "Data Period", "2025/26 Outturn", "Stat Neighbours 2024/25", "45870", "45901", "RAG", "DoT", "Comments"},
		{"CIC05", "Children in care per 10,000 children", "Head of Service", "L", "MS", "58.2", "61.0", "57.9", "58.4", "GREEN", "é", "Stable"},
	}
	if n := testing.AllocsPerRun(10, func() {
		for _, row := range scorecard {
			if DetectAnnexA(row) {
				t.Fatalf("%q read as an Annex A header", row)
			}
		}
	}); n > 0 {
		t.Errorf("asking whether a scorecard's first rows are an Annex A header made %.0f allocations, want none", n)
	}
}
