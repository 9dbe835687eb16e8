package disclosure

import (
	"fmt"
	"reflect"
	"testing"

	"scorecard/app"
)

// TestQuickWeighingChangesNothing: to choose a complement for a figure
// left too narrow, a release weighs the figures around it, and passes
// over a run of them withheld together when the run neither frees the
// figure nor widens it past the best yet (widening): none of them alone
// would. In an exact system its propagation sums each identity's parts
// once and takes each term's share from the sums (partSums), and a long
// list of candidates is weighed in parts at once (weighInParts), here
// three whatever the processors. Each must change nothing: over seeded rolling counts for Kent, its districts and
// their UASC children, sparse enough that the months' own counts pin one
// another (where a figure has some sixty candidates), with UASC excluded
// (a release of all children's figures and of those excluding UASC),
// every figure released is the same with the shortcut as without it.
func TestQuickWeighingChangesNothing(t *testing.T) {
	defer func(n int) { weighers = n }(weighers)
	weighers = 3
	for _, quick := range []struct {
		name string
		on   *bool
	}{{"weighing candidates in runs", &weighInRuns}, {"summing parts once", &sumOnce}, {"weighing in parts at once", &weighInParallel}} {
		for seed := range 5 {
			h := rollingUASCHistory(13+seed, int64(seed))
			t.Run(fmt.Sprintf("%s, seed %d", quick.name, seed), func(t *testing.T) {
				*quick.on = true
				base, ex, n, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
				*quick.on = false
				defer func() { *quick.on = true }()
				base0, ex0, n0, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
				if n != n0 {
					t.Errorf("%d figures withheld %s, %d without", n, quick.name, n0)
				}
				for _, pair := range [][2]*app.History{{base, base0}, {ex, ex0}} {
					for _, k := range pair[1].Keys() {
						if got, want := pair[0].Series(k), pair[1].Series(k); !reflect.DeepEqual(got, want) {
							t.Errorf("%v: released\n%v\n%s, and\n%v\nwithout", k, got, quick.name, want)
						}
					}
				}
			})
		}
	}
}
