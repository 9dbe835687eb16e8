package disclosure

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"scorecard/app"
)

// TestQuietGroupsChangeNothing: a release passes over a period's figures
// it has nothing to do for (quietGroup) without judging them, which
// spares a long history's release most of its months. Passing over them
// must withhold exactly what judging them does: over seeded histories of
// counts and proportions for Kent, its districts and UASC (some months
// small, some withheld by the source, in some histories one revised by
// a later import; UASC's own figures, or Kent's excluding UASC), at each
// threshold, with and without UASC excluded, every figure released is
// the same either way.
func TestQuietGroupsChangeNothing(t *testing.T) {
	cl01 := app.Indicator{Ref: "CL01", Name: "Number of children in care", Measure: app.Count, Unit: app.Number}
	pc02 := app.Indicator{Ref: "PC02", Name: "Children seen within 5 working days (%)", Measure: app.Proportion, Unit: app.Percent}
	for seed := range 30 {
		rng := rand.New(rand.NewSource(int64(seed)))
		h := app.NewHistory()
		h.Imports = []app.Import{{ID: "I0001"}, {ID: "I0002"}}
		h.Apply(&app.Dataset{Indicators: []app.Indicator{cl01, pc02}}, "I0001")
		for m := range 24 {
			p := month(2024, 1).Add(m)
			id := "I0001"
			if m >= 20 {
				id = "I0002"
			}
			small := func(big float64) float64 {
				if rng.Intn(6) == 0 {
					return float64(rng.Intn(5))
				}
				return big
			}
			obs := kentMonth("CL01", p, small(20), small(30))
			if rng.Intn(10) == 0 {
				obs = sourceC(obs, "Dover")
			}
			obs = append(obs, propMonth("PC02", p, small(18), 25)...)
			// Odd seeds give Kent's figure excluding UASC, not UASC's own:
			// UASC's is then worked out (cohortWorkedOut).
			kent := *obs[len(kentDistricts)].Value
			if uasc := small(12); seed%2 == 0 {
				obs = append(obs, app.Observation{Ref: "CL01", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(uasc)})
			} else {
				obs = append(obs, app.Observation{Ref: "CL01", Area: app.Kent, Split: app.Excluding(app.UASC), Period: p, Value: app.Float(kent - uasc)})
			}
			for _, o := range obs {
				o.Import = id
				h.Add(o)
			}
		}
		// A revision of an earlier month by the later import: what the
		// release before it withheld is then held to (sticky).
		if seed%3 == 0 {
			h.Add(app.Observation{Ref: "CL01", Area: "Ashford", Period: month(2024, 3), Value: app.Float(float64(rng.Intn(9))), Import: "I0002"})
		}
		for _, below := range []int{1, DefaultThreshold, 10} {
			for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
				t.Run(fmt.Sprintf("seed %d, below %d, excluding %v", seed, below, cs), func(t *testing.T) {
					passQuiet = true
					base, ex, n, _ := Release(h, cs, below)
					passQuiet = false
					defer func() { passQuiet = true }()
					base0, ex0, n0, _ := Release(h, cs, below)
					if n != n0 {
						t.Errorf("%d figures withheld passing over quiet months, %d judging them", n, n0)
					}
					for _, pair := range [][2]*app.History{{base, base0}, {ex, ex0}} {
						for _, k := range pair[1].Keys() {
							if got, want := pair[0].Series(k), pair[1].Series(k); !reflect.DeepEqual(got, want) {
								t.Errorf("%v: released\n%v\npassing over quiet months, and\n%v\njudging them", k, got, want)
							}
						}
					}
				})
			}
		}
	}
}
