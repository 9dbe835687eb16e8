package disclosure

import (
	"testing"

	"scorecard/app"
)

// areaFig is a count for an area and split in Mar-25.
func areaFig(area app.Area, split app.Split, v float64) app.Observation {
	o := fig(split, v, v, none)
	o.Area = area
	return o
}

func shownAt(h *app.History, area app.Area, split app.Split) string {
	o, ok := h.Observation(app.SeriesKey{Ref: "X", Area: area, Split: split}, mar25)
	if !ok {
		return "none"
	}
	if o.Status != app.OK {
		return o.Status.String()
	}
	return formatted(*o.Value)
}

func formatted(v float64) string { return app.FormatNumber(v, 0) }

// TestReleaseAgainstDistrictSums: the county is the sum of its districts,
// so a district's small count withheld alone is the county minus the
// others; in any authority's store.
func TestReleaseAgainstDistrictSums(t *testing.T) {
	for _, tc := range []struct {
		county              app.Area
		small, other, third app.Area
	}{
		{app.Kent, "Ashford", "Dover", "Swale"},
		{"Surrey", "Woking", "Elmbridge", "Guildford"},
	} {
		t.Run(string(tc.county), func(t *testing.T) {
			h := history(app.Count, app.Number,
				areaFig(tc.county, app.All, 60), areaFig(tc.small, app.All, 3), areaFig(tc.other, app.All, 27), areaFig(tc.third, app.All, 30))
			got, _ := Suppress(h, DefaultThreshold)
			if s := shownAt(got, tc.small, app.All); s != "c" {
				t.Fatalf("%s's 3 shown as %s", tc.small, s)
			}
			// The smallest other figure (27) goes with it; the county and
			// the third district stay.
			for area, want := range map[app.Area]string{tc.other: "c", tc.third: "30", tc.county: "60"} {
				if s := shownAt(got, area, app.All); s != want {
					t.Errorf("%s shown as %s, want %s", area, s, want)
				}
			}
		})
	}
}

// TestReleaseAcrossCohorts: a district's figures for all children and
// excluding UASC both published; where the district's own figure is its
// figure excluding UASC (the UASC children are in the UASC Service
// column), hiding one and showing the other tells.
func TestReleaseAcrossCohorts(t *testing.T) {
	excl := app.Excluding(app.UASC)
	h := history(app.Count, app.Number,
		areaFig(app.Kent, app.All, 70), areaFig(app.Kent, app.Only(app.UASC), 10), areaFig(app.Kent, excl, 60),
		areaFig(app.UASCService, app.All, 10),
		areaFig("Ashford", app.All, 3), areaFig("Dover", app.All, 27), areaFig("Swale", app.All, 30))
	base, ex, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
	if s := shownAt(ex, "Ashford", app.All); s != "c" {
		t.Errorf("Ashford excluding UASC (3) shown as %s", s)
	}
	if s, e := shownAt(base, "Dover", app.All), shownAt(ex, "Dover", app.All); s != e {
		t.Errorf("Dover: %s for all children, %s excluding UASC: the same figure, so one tells the other", s, e)
	}
}

// TestRangesPinned: interval propagation finds what a reader would. Three
// c's beside a shown nought make up 3 of the total 16: noughts are shown,
// so each c is at least 1, and each is 1 (QA31 2: five c's beside seven
// noughts summing to Kent's 6 are each 1 or 2).
func TestRangesPinned(t *testing.T) {
	var s System
	total := s.Add(16, true)
	cells := []int{s.Add(7, true), s.Add(1, false), s.Add(0, true), s.Add(1, false), s.Add(1, false), s.Add(6, true)}
	for _, c := range cells {
		s.Counted(c)
	}
	if !s.Sum(total, cells...) {
		t.Fatal("the identity holds")
	}
	lo, hi := s.Ranges()
	for _, c := range []int{cells[1], cells[3], cells[4]} {
		if lo[c] != 1 || hi[c] != 1 {
			t.Errorf("cell %d: range [%v, %v], want [1, 1]", c, lo[c], hi[c])
		}
	}
	if s.Sum(total, cells[0], cells[1]) {
		t.Error("an identity that does not hold was recorded")
	}
}
