package disclosure

import (
	"testing"

	"scorecard/app"
)

// TestReleaseAllocationsPerFigure holds the release of one indicator's
// 40 years of months (gridHistory: 18,720 figures, as show of a store of
// 40 years releases them) to a few allocations a figure, all children's
// and excluding UASC: its cost is to grow with the figures it protects,
// and little for each. Allocations are counted, not timed, so that a
// loaded machine cannot fail it. When every month was built its own
// system, whether or not it had anything to protect, the release took
// 20 and 30 allocations a figure.
func TestReleaseAllocationsPerFigure(t *testing.T) {
	if testing.Short() {
		t.Skip("releases 40 years of figures")
	}
	h := gridHistory(8)
	auth := app.AuthorityOf(h)
	figures := 13 * 3 * 12 * 40
	for _, tc := range []struct {
		name string
		cs   []app.Cohort
		most float64 // allocations a figure
	}{
		{"all children", nil, 8},
		{"excluding UASC", []app.Cohort{app.UASC}, 18},
	} {
		allocs := testing.AllocsPerRun(2, func() { ReleaseFigures(h, tc.cs, DefaultThreshold, auth) })
		if per := allocs / float64(figures); per > tc.most {
			t.Errorf("%s: %.0f allocations, %.1f a figure, want at most %v", tc.name, allocs, per, tc.most)
		}
	}
}
