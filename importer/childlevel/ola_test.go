package childlevel

import (
	"testing"

	"scorecard/app"
)

// TestOLAPlacedChildren checks, by hand, the worked example's list with
// four children placed in Kent by other authorities added: two in their
// placement on 31 March 2025 (one by name, one by LA code, one without a
// school place), one who left in January, and one whose responsible
// authority is given as Kent's own code. The county's own figures are
// those of the worked example alone.
func TestOLAPlacedChildren(t *testing.T) {
	ep := func(start, end string) []genEpisode {
		e := genEpisode{start: d(start), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "P", postcode: "ZZ9 9ZZ"}
		if end != "" {
			e.end, e.reason = d(end), "E13"
		}
		return []genEpisode{e}
	}
	ola := []genChild{
		{id: "O-1", birth: d("2012-01-01"), sex: 1, ethnic: "WBRI", placements: 1, responsible: "Medway", noSchool: true,
			episodes: ep("2024-09-01", "")},
		{id: "O-2", birth: d("2010-01-01"), sex: 2, ethnic: "WBRI", placements: 1, responsible: "208", uasc: true,
			episodes: ep("2023-02-01", "")},
		{id: "O-3", birth: d("2011-01-01"), sex: 2, ethnic: "WBRI", placements: 1, responsible: "London Borough of Lambeth",
			episodes: ep("2024-05-01", "2025-01-10")},
		// Kent's own code: Kent's own child, in care, one placement.
		{id: "K-1", birth: d("2011-01-01"), sex: 2, ethnic: "WBRI", placements: 1, responsible: "886",
			episodes: ep("2024-05-01", "")},
	}
	dir := t.TempDir()
	own, _, err := ReadAnnexA(writeAnnexA(t, dir, worked()), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, warns, err := ReadAnnexA(writeAnnexA(t, t.TempDir(), append(worked(), ola...)), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	if warns := readColumns(warns); len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	for _, c := range []struct {
		ref      string
		split    app.Split
		num, den float64
	}{
		{RefOLAPlaced, all, 2, 0}, {RefOLAPlaced, uasc, 1, 0}, {RefOLAPlaced, excl, 1, 0},
		{RefOLANoSchool, all, 1, 2}, {RefOLANoSchool, excl, 1, 1},
	} {
		o := figure(t, ds, c.ref, app.Kent, c.split)
		want := c.num
		if c.den != 0 {
			want = c.num / c.den * 100
			if *o.Denominator != c.den {
				t.Errorf("%s %s: denominator %v, want %v", c.ref, c.split.Label(), *o.Denominator, c.den)
			}
		}
		if *o.Numerator != c.num || o.Value == nil || *o.Value != want {
			t.Errorf("%s %s: %v (numerator %v), want %v (%v)", c.ref, c.split.Label(), ptr(o.Value), *o.Numerator, want, c.num)
		}
	}
	// The county's own children: the worked example's, and K-1.
	for _, split := range splits {
		want := *figure(t, own, RefChildrenInCare, app.Kent, split).Value
		if split != uasc {
			want++
		}
		if got := *figure(t, ds, RefChildrenInCare, app.Kent, split).Value; got != want {
			t.Errorf("children in care (%s) = %v, want %v: other authorities' children counted as Kent's", split.Label(), got, want)
		}
	}
	if o := figure(t, ds, RefAdopted, app.Kent, all); *o.Denominator != *figure(t, own, RefAdopted, app.Kent, all).Denominator {
		t.Errorf("O-3's leaving counted among Kent's children ceasing")
	}
}

func TestPlacedByOther(t *testing.T) {
	surrey, _ := app.LookupAuthority("Surrey")
	for _, c := range []struct {
		auth    *app.Authority
		in      string
		ola, ok bool
	}{
		{nil, "", false, true}, {nil, "Y", true, true}, {nil, "N", false, true}, {nil, "Kent", false, true}, {nil, "Dover", false, true},
		{nil, "886", false, true}, {nil, "E10000016", false, true}, {nil, "887", true, true}, {nil, "E06000035", true, true},
		{nil, "Medway", true, true}, {nil, "London Borough of Lambeth", true, true}, {nil, "Brighton & Hove", true, true},
		{nil, "943 476 5919", false, false}, {nil, "A123456789012", false, false}, {nil, "14/07/2011", false, false},
		// A Surrey list: Surrey, its districts and codes are its own;
		// Kent and its code are another authority.
		{surrey, "Surrey", false, true}, {surrey, "Woking", false, true}, {surrey, "936", false, true},
		{surrey, "E10000030", false, true}, {surrey, "Kent", true, true}, {surrey, "886", true, true},
	} {
		auth := c.auth
		if auth == nil {
			auth = app.DefaultAuthority()
		}
		ola, ok := placedByOther(auth, c.in)
		if ola != c.ola || ok != c.ok {
			t.Errorf("placedByOther(%s, %q) = %v, %v; want %v, %v", auth.Name, c.in, ola, ok, c.ola, c.ok)
		}
	}
}
