package importer

import (
	"testing"

	"scorecard/assets/synth"
)

// TestNameUnitRemembered checks that nameUnit reads each name as it does
// afresh, and guards its cost: every district's sheet names every
// indicator, and each sheet's reader asks what its name says of its
// unit, which lower-cased and split the name into words each time.
func TestNameUnitRemembered(t *testing.T) {
	var names []string
	for _, ind := range synth.Demo().Dataset.Indicators {
		names = append(names, ind.Name)
	}
	names = append(names, "Number of children seen within 5 days", "Children with attendance below 90%", "Re-referral rate", "Time to adoption (days)")
	for round := range 2 { // the second from memory
		for _, n := range names {
			for _, percent := range []bool{false, true} {
				u, w := nameUnit(n, percent)
				if wu, ww := unitOfName(n, percent); u != wu || w != ww {
					t.Errorf("round %d: %q (percent %v) read as %q %q, afresh %q %q", round, n, percent, u, w, wu, ww)
				}
			}
		}
	}
	if allocs := testing.AllocsPerRun(5, func() {
		for _, n := range names {
			nameUnit(n, false)
		}
	}); allocs > 0 {
		t.Errorf("reading the units of %d names read before made %.0f allocations, want none", len(names), allocs)
	}
}
