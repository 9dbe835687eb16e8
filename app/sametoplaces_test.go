package app

import "testing"

// A value given to fewer places than the figure held, and agreeing with
// it to those places, restates it (QA27a 1: 0.954 for 62 of 65); one
// differing at those places, given to as many places, or whole, revises
// it; and
// components given must be the held ones.
func TestRestatesToPlaces(t *testing.T) {
	held := Observation{Value: Float(62.0 / 65 * 100), Numerator: Float(62), Denominator: Float(65)}
	for _, tc := range []struct {
		name string
		o    Observation
		want bool
	}{
		{"the same figure in full", Observation{Value: Float(62.0 / 65 * 100)}, true},
		{"rounded to one place, as 0.954 times 100", Observation{Value: Float(0.954 * 100)}, true},
		// 12.68% to 13% may as well be a revision as a rounding.
		{"rounded to none", Observation{Value: Float(95)}, false},
		{"rounded to three places", Observation{Value: Float(95.385)}, true},
		{"one place, differing there", Observation{Value: Float(95.5)}, false},
		{"whole, differing there", Observation{Value: Float(96)}, false},
		{"rounded, with the same components", Observation{Value: Float(95.4), Numerator: Float(62), Denominator: Float(65)}, true},
		{"rounded, with other components", Observation{Value: Float(95.4), Numerator: Float(124), Denominator: Float(130)}, false},
		{"rounded, withheld", Observation{Value: Float(95.4), Status: Suppressed}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.o.Restates(held); got != tc.want {
				t.Errorf("Restates = %v, want %v", got, tc.want)
			}
		})
	}
	// A count held whole is revised by another whole count; a figure held
	// to one place by another at one place.
	for _, tc := range []struct {
		later, earlier float64
		want           bool
	}{{645, 631, false}, {77.3, 77.2, false}, {77.3, 77.25, true}, {77.2, 77.25, true}, {8, 8.04, false}, {8.0, 8.04, false}, {8.1, 8.04, false}, {8.04, 8.0449, true}} {
		if got := (Observation{Value: Float(tc.later)}).Restates(Observation{Value: Float(tc.earlier)}); got != tc.want {
			t.Errorf("%v restates %v: %v, want %v", tc.later, tc.earlier, got, tc.want)
		}
	}
}
