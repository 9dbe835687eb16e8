package disclosure

import (
	"fmt"
	"reflect"
	"testing"

	"scorecard/app"
)

// TestWeighingInRunsChangesNothing: to choose a complement for a figure
// left too narrow, a release weighs the figures around it, and passes
// over a run of them withheld together when the run neither frees the
// figure nor widens it past the best yet (widening): none of them alone
// would. Passing over runs must choose exactly what weighing each does:
// over seeded rolling counts for Kent, its districts and their UASC
// children, sparse enough that the months' own counts pin one another
// (where a figure has some sixty candidates), at two thresholds, with and
// without UASC excluded, every figure released is the same either way.
func TestWeighingInRunsChangesNothing(t *testing.T) {
	for seed := range 8 {
		h := rollingUASCHistory(13+seed, int64(seed))
		for _, below := range []int{DefaultThreshold, 10} {
			for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
				t.Run(fmt.Sprintf("seed %d, below %d, excluding %v", seed, below, cs), func(t *testing.T) {
					weighInRuns = true
					base, ex, n, _ := Release(h, cs, below)
					weighInRuns = false
					defer func() { weighInRuns = true }()
					base0, ex0, n0, _ := Release(h, cs, below)
					if n != n0 {
						t.Errorf("%d figures withheld weighing candidates in runs, %d weighing each", n, n0)
					}
					for _, pair := range [][2]*app.History{{base, base0}, {ex, ex0}} {
						if pair[1] == nil {
							continue
						}
						for _, k := range pair[1].Keys() {
							if got, want := pair[0].Series(k), pair[1].Series(k); !reflect.DeepEqual(got, want) {
								t.Errorf("%v: released\n%v\nweighing in runs, and\n%v\nweighing each", k, got, want)
							}
						}
					}
				})
			}
		}
	}
}
