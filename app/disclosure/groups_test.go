package disclosure

import (
	"maps"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// TestGroupsAsFromFigures checks groups, which lays each period's
// figures out walking the indicator's series in order, against the
// groups worked out from the figures' map (collect) itself, every key of
// it sorted: the same groups, of the same keys, in the same order, each
// the figure the map holds. On the demo
// (quarters, years to date, rolling counts, cohorts), the demo revised,
// a year to date, a rolling count from nought, a year of synth.Large and
// ten years of a proportion split by UASC; all children's and excluding
// UASC, where a split's figure of h and of the exclusion is one figure.
func TestGroupsAsFromFigures(t *testing.T) {
	large := lastYearOfLarge()
	for name, h := range map[string]*app.History{"demo": demoHistory(), "demo revised": revisedDemo(),
		"a year to date's own month": overTime(app.YearToDate, 10, 12, 20), "a rolling count from nought": overTime(app.Rolling12, 0, 6, 8),
		"a year of large": large, "10 years": gridHistory(2)} {
		for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
			r := releaseBeforeSecondary(h, cs)
			groups := 0
			for _, keys := range r.byRefInOrder() {
				fs := r.collect(keys)
				got, want := r.groups(keys), groupsOfFigures(r, fs)
				if len(got) != len(want) {
					t.Fatalf("%s excluding %v: %s has %d groups, %d from its figures", name, cs, refOf(keys), len(got), len(want))
				}
				for i := range got {
					if !slices.Equal(keysOf(got[i]), want[i]) {
						t.Fatalf("%s excluding %v: %s's group %d is\n%v\nfrom its figures\n%v", name, cs, refOf(keys), i, keysOf(got[i]), want[i])
					}
					for _, f := range got[i] {
						if fs[f.key()] != f.o {
							t.Fatalf("%s excluding %v: %v is %p in its group, %p among the figures", name, cs, f.key(), f.o, fs[f.key()])
						}
					}
				}
				groups += len(got)
			}
			if groups == 0 {
				t.Errorf("%s excluding %v: no groups", name, cs)
			}
		}
	}
}

// groupsOfFigures is groups worked out from fs alone: each period's keys
// gathered from the map and sorted.
func groupsOfFigures(r *release, fs figs) [][]figKey {
	byPeriod := map[app.Period][]figKey{}
	for k := range fs {
		byPeriod[k.period] = append(byPeriod[k.period], k)
	}
	for _, keys := range byPeriod {
		slices.SortFunc(keys, compareKeys)
	}
	var ref string
	for k := range fs {
		ref = k.ref
		break
	}
	ind, _ := r.h.Indicator(ref)
	var out [][]figKey
	for _, ps := range periodGroups(ind, slices.Collect(maps.Keys(byPeriod))) {
		var keys []figKey
		for _, p := range ps {
			keys = append(keys, byPeriod[p]...)
		}
		slices.SortFunc(keys, compareKeys)
		out = append(out, keys)
	}
	return out
}

// collect gathers every figure of one indicator the release publishes,
// as a map: the later of two series giving a figure under one split is
// the one published (series).
func (r *release) collect(keys refKeys) figs {
	series := r.series(keys)
	n := 0
	for _, s := range series {
		n += len(s.obs)
	}
	fs := make(figs, n)
	for _, s := range series {
		for i := range s.obs {
			fs[figKey{s.ref, s.area, s.split, s.obs[i].Period}] = &s.obs[i]
		}
	}
	return fs
}

// lastYearOfLarge is the last twelve months of synth.Large: its every
// indicator, area and split, small enough to release in a test.
func lastYearOfLarge() *app.History {
	h := app.NewHistory()
	m := synth.Large(1)
	from := m.Months[len(m.Months)-12]
	h.AddIndicators(m.Dataset.Indicators)
	for _, o := range m.Dataset.Observations {
		if !o.Period.Start().Before(from.Start()) {
			h.Add(o)
		}
	}
	return h
}
