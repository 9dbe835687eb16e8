package disclosure

import (
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestGroupAreaIsASumOfDistricts (the periods campaign of the
// forty-fourth session): "North Kent" beside its districts is their sum,
// which a reader subtracts across: North Kent's figure less Dover's and
// Swale's shown told Ashford's withheld. Taken for an area of its own,
// it also broke the county's sum. A group area is found from the
// figures, its sum kept as the county's is, and both protect the
// districts; an area that is no sum of districts is found to be none.
func TestGroupAreaIsASumOfDistricts(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2025, time.April).Add(m) }
	north := app.Area("North Kent")
	var obs []app.Observation
	for m := range 6 {
		vs := []float64{float64(10 + m), float64(20 + m%3), float64(30 + m%2), float64(40 + m%4)} // Ashford, Dover, Swale, Thanet
		if m == 2 {
			vs[0] = 2
		}
		obs = append(obs, districtFigs("CS01", month(m), vs...)...)
		obs = append(obs,
			app.Observation{Ref: "CS01", Area: north, Split: app.All, Period: month(m), Value: app.Float(vs[0] + vs[1] + vs[2]), Status: app.OK},
			app.Observation{Ref: "CS01", Area: "Elsewhere", Split: app.All, Period: month(m), Value: app.Float(float64(7 + m*m)), Status: app.OK})
	}
	h := caseNHistory([]app.Indicator{{Ref: "CS01", Name: "Number of children starting to be looked after", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}}, obs)
	groups := groupAreas(h, app.DefaultAuthority())
	if got := groups[north]; len(got) != 1 || !slices.Equal(got[0], []app.Area{"Ashford", "Dover", "Swale"}) {
		t.Errorf("North Kent is the sum of %v, want Ashford, Dover and Swale", got)
	}
	if got, ok := groups["Elsewhere"]; ok {
		t.Errorf("Elsewhere taken for the sum of %v", got)
	}
	got, _ := Suppress(h, DefaultThreshold)
	if v := shownFor(got, "CS01", "Ashford", month(2)); v != "c" {
		t.Fatalf("Ashford Jun-25 shown as %s, want c", v)
	}
	// North Kent less the other two, or Kent less the other three,
	// would tell it: each sum takes in another figure withheld.
	for _, sum := range []struct {
		area   app.Area
		others []app.Area
	}{{north, []app.Area{"Dover", "Swale"}}, {app.Kent, []app.Area{"Dover", "Swale", "Thanet"}}} {
		withheld := shownFor(got, "CS01", sum.area, month(2)) == "c"
		for _, a := range sum.others {
			withheld = withheld || shownFor(got, "CS01", a, month(2)) == "c"
		}
		if !withheld {
			t.Errorf("%s and %v all shown beside Ashford's withheld 2", sum.area, sum.others)
		}
	}
}

// TestGroupAreaFromFewFigures (the review of the forty-fourth session):
// from one indicator's single year a pair of districts may sum to North
// Kent as well as its three; both are kept, so that a release of that
// indicator alone protects the three's sum as the whole store's does.
// And a group whose largest figure a revision put off is still found.
func TestGroupAreaFromFewFigures(t *testing.T) {
	north := app.Area("North Kent")
	year := app.Period{Kind: app.FinancialYear, Year: 2024}
	obs := append(districtFigs("CS02", year, 6, 7, 2, 9), app.Observation{Ref: "CS02", Area: north, Split: app.All, Period: year, Value: app.Float(15), Status: app.OK})
	h := caseNHistory([]app.Indicator{{Ref: "CS02", Name: "Number of children adopted", Measure: app.Count, Unit: app.Number}}, obs)
	sets := groupAreas(h, app.DefaultAuthority())[north]
	if !slices.ContainsFunc(sets, func(s []app.Area) bool { return slices.Equal(s, []app.Area{"Ashford", "Dover", "Swale"}) }) {
		t.Errorf("North Kent from one year is the sum of %v, want Ashford, Dover and Swale among them", sets)
	}
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	obs = nil
	for m := range 20 {
		vs := []float64{float64(10 + m), float64(20 + m%3), float64(30 + m%2), float64(40 + m%4)}
		n := vs[0] + vs[1] + vs[2]
		if m == 19 {
			n++ // the largest, revised since
		}
		obs = append(obs, districtFigs("CS01", month(m), vs...)...)
		obs = append(obs, app.Observation{Ref: "CS01", Area: north, Split: app.All, Period: month(m), Value: app.Float(n), Status: app.OK})
	}
	h = caseNHistory([]app.Indicator{{Ref: "CS01", Name: "Number of children starting to be looked after", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}}, obs)
	if sets := groupAreas(h, app.DefaultAuthority())[north]; len(sets) != 1 || !slices.Equal(sets[0], []app.Area{"Ashford", "Dover", "Swale"}) {
		t.Errorf("North Kent, its largest figure revised, is the sum of %v, want Ashford, Dover and Swale", sets)
	}
}
