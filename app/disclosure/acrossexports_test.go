package disclosure

import (
	"testing"

	"scorecard/app"
)

// src is a figure the source withheld ("c"), its true value unknown.
func src(area app.Area) app.Observation {
	return app.Observation{Ref: "X", Area: area, Period: mar25, Status: app.Suppressed, Raw: "c"}
}

// meanFig is a mean's sum and count for an area and split in Mar-25.
func meanFig(area app.Area, split app.Split, sum, n float64) app.Observation {
	o := fig(split, sum/n, sum, n)
	o.Area = area
	return o
}

// propFig is a proportion's numerator and denominator for Kent.
func propFig(split app.Split, num, den float64) app.Observation {
	return fig(split, 100*num/den, num, den)
}

// TestComplementAcrossExports (QA17b D1): the all-children workbook shows
// All and UASC in full, so their difference is the children who are not
// UASC; the workbook excluding UASC, circulated with it, withholds that
// difference as c. Every export of one store must withhold alike: the
// all-children one withholds UASC (or All) where All - UASC is small,
// exactly as the excluding one does.
func TestComplementAcrossExports(t *testing.T) {
	uasc := app.Only(app.UASC)
	tests := []struct {
		name    string
		measure app.Measure
		unit    app.Unit
		obs     []app.Observation
		// hidden: whether the All and UASC figures are withheld in both
		// exports.
		all, only bool
	}{
		// case15's E01, Oct-26: All 31, UASC 28, so 31 - 28 = 3 children
		// not UASC, a count of 1-4. The smaller shown figure of the
		// identity All = UASC + rest, UASC's 28, goes with it; the rest's
		// range is then 0..31.
		{"a count: 31 - 28 = 3", app.Count, app.Number,
			[]app.Observation{areaFig(app.Kent, app.All, 31), areaFig(app.Kent, uasc, 28)}, false, true},
		// case15's E02: in education 21 of 31, UASC 19 of 28, so 2 of 3
		// children not UASC (66.7%); 3 and 2 are small.
		{"a proportion: 21/31 - 19/28 = 2/3", app.Proportion, app.Percent,
			[]app.Observation{propFig(app.All, 21, 31), propFig(uasc, 19, 28)}, false, true},
		// case1's X03, May-25: 4000 days for 10 children, UASC 2500 for
		// 6, so (4000 - 2500)/(10 - 6) = 375 days for 4 children.
		{"a mean: (4000 - 2500)/(10 - 6) = 375 for 4", app.Mean, app.Days,
			[]app.Observation{meanFig(app.Kent, app.All, 4000, 10), meanFig(app.Kent, uasc, 2500, 6)}, false, true},
		// QA31 8, Annex A's CIC12 of Mar-25: 12 of 27 children leaving
		// care adopted, the one UASC child leaving among them (1 of 1).
		// UASC's and the 11 of 26 excluding UASC are withheld; beside
		// them the county's 12 of 27 tells neither (two unknowns in each
		// sum), and is shown: the 15 not adopted, alike in all children's
		// and excluding UASC's, are no identity a reader knows.
		{"a proportion: 12/27 - 1/1 = 11/26", app.Proportion, app.Percent,
			[]app.Observation{propFig(app.All, 12, 27), propFig(uasc, 1, 1)}, false, true},
		// The demo's CIC01 shape: 1893 - 426 = 1467 children not UASC:
		// nothing small, nothing withheld.
		{"a count: 1893 - 426 = 1467", app.Count, app.Number,
			[]app.Observation{areaFig(app.Kent, app.All, 1893), areaFig(app.Kent, uasc, 426)}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history(tt.measure, tt.unit, tt.obs...)
			plain, _, n, _ := Release(h, nil, DefaultThreshold)
			base, ex, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
			for _, c := range []struct {
				split app.Split
				want  bool
			}{{app.All, tt.all}, {uasc, tt.only}} {
				if got := shown(plain, c.split) == "c"; got != c.want {
					t.Errorf("all-children export: %s is %s, want withheld %v", c.split, shown(plain, c.split), c.want)
				}
				if a, b := shown(plain, c.split), shown(base, c.split); a != b {
					t.Errorf("%s: %s in the all-children export, %s in the one excluding UASC", c.split, a, b)
				}
			}
			if want := tt.all || tt.only; (n > 0) != want {
				t.Errorf("the all-children export counts %d withheld", n)
			}
			// The excluding export withholds the small rest itself.
			if tt.only && shown(ex, app.All) != "c" {
				t.Errorf("excluding UASC shows %s", shown(ex, app.All))
			}
		})
	}
}

// TestSourceWithheldAtAnyThreshold (QA17b D5): case13's shape, Dover's
// figure withheld by the source (true 3): Kent 60 = Dover c + Ashford 12
// + Swale 20 + Thanet 25, so Dover = 60 - 12 - 20 - 25 = 3 unless another
// figure is withheld with it. Whatever --suppress says (0 withholds no
// count for its size), the source's c stays protected: the next smallest
// district, Ashford's 12, goes with it, leaving Dover 0..15. For a mean
// (D02: days and children) Dover = (1400 - 300 - 500 - 400)/(18 - 5 - 6
// - 5) = 200 days for 2 children; the days are pinned first, and the
// smallest shown figure of their sum, Ashford's 300 days (its 5
// children with them), goes with it, leaving Dover 0..500 days for 0..7
// children.
func TestSourceWithheldAtAnyThreshold(t *testing.T) {
	count := []app.Observation{areaFig(app.Kent, app.All, 60), src("Dover"),
		areaFig("Ashford", app.All, 12), areaFig("Swale", app.All, 20), areaFig("Thanet", app.All, 25)}
	mean := []app.Observation{meanFig(app.Kent, app.All, 1400, 18), src("Dover"),
		meanFig("Ashford", app.All, 300, 5), meanFig("Swale", app.All, 500, 6), meanFig("Thanet", app.All, 400, 5)}
	for _, tt := range []struct {
		name    string
		measure app.Measure
		unit    app.Unit
		obs     []app.Observation
		below   int
		also    app.Area // withheld with Dover
	}{
		{"count, --suppress 0", app.Count, app.Number, count, 0, "Ashford"},
		{"count, --suppress 1", app.Count, app.Number, count, 1, "Ashford"},
		{"count, --suppress 5", app.Count, app.Number, count, 5, "Ashford"},
		{"mean, --suppress 0", app.Mean, app.Days, mean, 0, "Ashford"},
		{"mean, --suppress 5", app.Mean, app.Days, mean, 5, "Ashford"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := history(tt.measure, tt.unit, tt.obs...)
			got, n := Suppress(h, tt.below)
			if s := shownAt(got, "Dover", app.All); s != "c" {
				t.Errorf("Dover shown as %s", s)
			}
			if s := shownAt(got, tt.also, app.All); s != "c" {
				t.Errorf("%s shown as %s: Dover is the county less the others", tt.also, s)
			}
			if n != 1 {
				t.Errorf("%d figures withheld besides the source's, want 1", n)
			}
		})
	}
}

// TestChangesShown (QA17b D4): a change the source withheld stays
// withheld, with what would give it: Kent 4 = Ashford c + Dover -7 +
// Swale 10 gives Ashford 4 + 7 - 10 = 1, so another figure of the sum
// goes with it (a change may be negative, so two withheld are
// unbounded). That a small change is shown where both its months are
// (QA17b D4) and withheld where one is (QA18b R2) is
// TestChangeBesideItsCount's.
func TestChangesShown(t *testing.T) {
	for _, tt := range []struct {
		name   string
		obs    []app.Observation
		hidden []app.Area
	}{
		{"a change the source withheld", []app.Observation{areaFig(app.Kent, app.All, 4), src("Ashford"),
			areaFig("Dover", app.All, -7), areaFig("Swale", app.All, 10)}, []app.Area{"Ashford"}},
	} {
		for _, m := range []app.Measure{app.Count, app.Other} {
			t.Run(tt.name+" "+string(m), func(t *testing.T) {
				h := history(m, app.Number, tt.obs...)
				got, _ := Suppress(h, DefaultThreshold)
				var withheld []app.Area
				for _, a := range []app.Area{app.Kent, "Ashford", "Dover", "Swale"} {
					if shownAt(got, a, app.All) == "c" {
						withheld = append(withheld, a)
					}
				}
				switch {
				case tt.hidden == nil && len(withheld) > 0:
					t.Errorf("withheld %v: a change counts no children", withheld)
				case tt.hidden != nil && len(withheld) < 2:
					t.Errorf("withheld %v: the source's c is the county less the others", withheld)
				}
			})
		}
	}
}

// TestCohortWorkedOutFromAllAndRest (QA probe 5): a store holding all
// children's figures and those excluding UASC, but not UASC's own, was
// released with both printed side by side, and their difference, each
// area's UASC children, was never judged: Kent 979 beside 976 told 3
// UASC children, Ashford 47 beside 44 told 3. The cohort's count a
// reader works out is protected as a withheld figure is: a figure of
// its identity goes, in every export alike.
func TestCohortWorkedOutFromAllAndRest(t *testing.T) {
	rest := app.Excluding(app.UASC)
	for _, tt := range []struct {
		name   string
		obs    []app.Observation
		hidden bool // whether All or the rest is withheld
	}{
		{"Kent 979 and 976: 3 UASC children", []app.Observation{areaFig(app.Kent, app.All, 979), areaFig(app.Kent, rest, 976)}, true},
		{"Kent 979 and 960: 19 UASC children", []app.Observation{areaFig(app.Kent, app.All, 979), areaFig(app.Kent, rest, 960)}, false},
		{"Kent 979 and 979: no UASC child", []app.Observation{areaFig(app.Kent, app.All, 979), areaFig(app.Kent, rest, 979)}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := history(app.Count, app.Number, tt.obs...)
			plain, _, _, _ := Release(h, nil, DefaultThreshold)
			excl, _, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
			for name, got := range map[string]*app.History{"all children": plain, "excluding UASC": excl} {
				a, r := shown(got, app.All), shown(got, rest)
				if withheld := a == "c" || r == "c"; withheld != tt.hidden {
					t.Errorf("%s export: All %s, excluding UASC %s; want one withheld: %v", name, a, r, tt.hidden)
				}
			}
		})
	}
}
