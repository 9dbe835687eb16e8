package synth

import (
	"testing"

	"scorecard/app"
)

func TestLargeSize(t *testing.T) {
	m := Large(1)
	if n := len(m.Dataset.Indicators); n < 100 {
		t.Errorf("%d indicators, want 100 or more", n)
	}
	if n := len(m.Months); n != 60 {
		t.Errorf("%d months, want 60", n)
	}
	for _, a := range app.Areas {
		if _, ok := m.Observation(app.SeriesKey{Ref: "SCS30", Area: a}, m.Months[0]); !ok {
			t.Errorf("no SCS30 figure for %s in %v", a, m.Months[0])
		}
	}
	// A copy's links stay within the copy: CIC16 (CIC05's second copy)
	// takes its denominators from CIC12 (CIC01's).
	o, _ := m.Observation(app.SeriesKey{Ref: "CIC16", Area: app.Kent}, m.Latest())
	c, _ := m.Observation(app.SeriesKey{Ref: "CIC12", Area: app.Kent}, m.Latest())
	if o.Denominator == nil || *o.Denominator != *c.Numerator {
		t.Errorf("CIC16 denominator %v, want CIC12's count %v", o.Denominator, *c.Numerator)
	}
}
