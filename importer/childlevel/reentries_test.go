package childlevel

import (
	"fmt"
	"testing"

	"scorecard/app"
)

// TestReentryRates checks the re-entry rates on the worked example, by
// hand: in the year to 31 March 2025, A (June), D (May), E (February)
// and F (April) started to be looked after, all for N1 abuse or
// neglect; E's start, six months after going home, is a re-entry. A, D
// and F were UASC in the year, so excluding UASC leaves E alone.
func TestReentryRates(t *testing.T) {
	dir := t.TempDir()
	cs := worked()
	ds903, _, err := Read903(write903(t, dir, cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	dsA, _, err := ReadAnnexA(writeAnnexA(t, dir, cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	for _, ds := range []struct {
		name string
		*app.Dataset
	}{{"903", ds903}, {"Annex A", dsA}} {
		for _, c := range []struct {
			ref      string
			split    app.Split
			num, den float64
		}{
			{RefReentryRate, all, 1, 4}, {RefReentryRate, uasc, 0, 3}, {RefReentryRate, excl, 1, 1},
			{RefReentryRateFor("N1"), all, 1, 4}, {RefReentryRateFor("N1"), excl, 1, 1},
			{RefReentryRateFor("N2"), all, 0, 0},
		} {
			t.Run(fmt.Sprintf("%s %s %s", ds.name, c.ref, c.split.Label()), func(t *testing.T) {
				o := figure(t, ds.Dataset, c.ref, app.Kent, c.split)
				if o.Numerator == nil || *o.Numerator != c.num || o.Denominator == nil || *o.Denominator != c.den {
					t.Fatalf("%v of %v, want %v of %v", ptr(o.Numerator), ptr(o.Denominator), c.num, c.den)
				}
				switch {
				case c.den == 0:
					if o.Value != nil || o.Status != app.NotApplicable {
						t.Errorf("value %v status %q, want not applicable with no starters", ptr(o.Value), o.Status)
					}
				case o.Value == nil || *o.Value != c.num/c.den*100:
					t.Errorf("value %v, want %v", ptr(o.Value), c.num/c.den*100)
				}
			})
		}
		defined := map[string]bool{}
		for _, ind := range ds.Indicators {
			defined[ind.Ref] = true
		}
		for _, code := range needCodes {
			if !defined[RefReentryRateFor(code)] {
				t.Errorf("%s: no indicator %s", ds.name, RefReentryRateFor(code))
			}
		}
	}
}
