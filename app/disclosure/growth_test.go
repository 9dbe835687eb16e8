package disclosure

import (
	"runtime"
	"testing"

	"scorecard/app"
)

// TestReleaseAllocationsPerFigure holds the release of one indicator's
// 40 years of months (gridHistory: 18,720 figures, as show of a store of
// 40 years releases them) to a few allocations and a few hundred bytes
// a figure: all children's, excluding UASC, and what show asks of it
// (ReleaseWithholding). Its cost is to grow with the figures it
// protects, and little for each. Allocations and bytes are counted, not
// time, so that a loaded machine cannot fail it. When every month was
// built its own system, whether or not it had anything to protect, the
// release took 20 and 30 allocations a figure; when each group's system
// and lists were made afresh, beside a map of every figure of the
// history, and show's release copied every series with a figure
// withheld, 3.6 and 13.2, and 1,069 and 1,833 bytes.
func TestReleaseAllocationsPerFigure(t *testing.T) {
	if testing.Short() {
		t.Skip("releases 40 years of figures")
	}
	h := gridHistory(8)
	auth := app.AuthorityOf(h)
	figures := 13 * 3 * 12 * 40
	for _, tc := range []struct {
		name    string
		release func()
		most    float64 // allocations a figure
		bytes   float64 // bytes a figure
	}{
		{"all children", func() { ReleaseFigures(h, nil, DefaultThreshold, auth) }, 1, 600},
		{"excluding UASC", func() { ReleaseFigures(h, []app.Cohort{app.UASC}, DefaultThreshold, auth) }, 12, 1500},
		{"what show marks", func() { ReleaseWithholding(h, DefaultThreshold, auth) }, 1, 300},
	} {
		allocs := testing.AllocsPerRun(2, tc.release)
		if per := allocs / float64(figures); per > tc.most {
			t.Errorf("%s: %.0f allocations, %.1f a figure, want at most %v", tc.name, allocs, per, tc.most)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		tc.release()
		runtime.ReadMemStats(&after)
		if per := float64(after.TotalAlloc-before.TotalAlloc) / float64(figures); per > tc.bytes {
			t.Errorf("%s: %.0f bytes a figure, want at most %v", tc.name, per, tc.bytes)
		}
	}
}
