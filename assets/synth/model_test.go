package synth

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/trend"
)

func TestDemoShape(t *testing.T) {
	m := Demo()
	if got := len(m.Months); got != 24 {
		t.Fatalf("months = %d, want 24", got)
	}
	if first, last := m.Months[0], m.Latest(); first != app.MonthOf(2024, time.November) || last != app.MonthOf(2026, time.October) {
		t.Errorf("months run %v to %v, want 2024-11 to 2026-10", first, last)
	}
	sections := map[string]int{}
	pols := map[app.Polarity]bool{}
	units := map[app.Unit]bool{}
	measures := map[app.Measure]bool{}
	for _, ind := range m.Dataset.Indicators {
		sections[ind.Section]++
		pols[ind.Polarity] = true
		units[ind.Unit] = true
		measures[ind.Measure] = true
		// Members read the guidance to know how a figure is counted.
		if !strings.HasSuffix(ind.Guidance, ".") {
			t.Errorf("%s guidance %q is not a sentence", ind.Ref, ind.Guidance)
		}
	}
	if n := len(m.Dataset.Indicators); n < 20 {
		t.Errorf("%d indicators, want 20 or more", n)
	}
	for _, s := range []string{SectionCiC, SectionSocial, SectionEarlyHelp, SectionSEND, SectionEducation} {
		if sections[s] < 3 {
			t.Errorf("section %q has %d indicators, want 3 or more", s, sections[s])
		}
	}
	for _, p := range []app.Polarity{app.HigherBetter, app.LowerBetter, app.NearTarget, app.PolarityNone} {
		if !pols[p] {
			t.Errorf("no indicator of polarity %q", p)
		}
	}
	for _, u := range []app.Unit{app.Percent, app.Number, app.Per10k, app.Days, app.Weeks} {
		if !units[u] {
			t.Errorf("no indicator in unit %q", u)
		}
	}
	for _, ms := range []app.Measure{app.Proportion, app.Count, app.Rate, app.Mean, app.Median} {
		if !measures[ms] {
			t.Errorf("no indicator measured as %q", ms)
		}
	}
}

func TestDemoCIC05(t *testing.T) {
	m := Demo()
	ind, ok := m.Indicator("CIC05")
	if !ok {
		t.Fatal("no CIC05")
	}
	want := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months (%)",
		Section: SectionCiC, Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12,
		Measure: app.Proportion, YearType: app.FinancialYear}
	ind.Guidance = ""
	if !reflect.DeepEqual(ind, want) {
		t.Errorf("CIC05 = %+v\nwant %+v", ind, want)
	}
	o, ok := m.Observation(app.SeriesKey{Ref: "CIC05", Area: app.Kent}, m.Latest())
	if !ok || o.Numerator == nil || o.Denominator == nil || *o.Numerator != 221 || *o.Denominator != 1896 {
		t.Fatalf("CIC05 Kent latest = %+v, want 221/1896", o)
	}
	if math.Abs(*o.Value-11.656) > 0.001 {
		t.Errorf("CIC05 value = %v, want 11.656", *o.Value)
	}
	tg, ok := m.Target(ind, m.Latest())
	if !ok || *tg.Target != 10 || *tg.Floor != 12 {
		t.Errorf("CIC05 target = %+v, want 10 and floor 12", tg)
	}
	c, _ := m.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent}, m.Latest())
	u, _ := m.Observation(app.SeriesKey{Ref: "CIC01", Area: app.Kent, Split: uascOnly}, m.Latest())
	if *c.Value != 1896 || *u.Value < 400 || *u.Value > 500 {
		t.Errorf("children in care %v of whom UASC %v, want 1896 and 400-500", *c.Value, *u.Value)
	}
	r, _ := m.Observation(app.SeriesKey{Ref: "CIC02", Area: app.Kent}, m.Latest())
	if app.RoundTo(*r.Value, 0) != 53 {
		t.Errorf("rate per 10,000 = %v, want 53", *r.Value)
	}
}

// TestModelConsistent checks the arithmetic every figure must obey, for
// the demo and a large model from another seed.
func TestModelConsistent(t *testing.T) {
	for name, m := range map[string]*Model{"demo": Demo(), "large": Large(7)} {
		t.Run(name, func(t *testing.T) { checkConsistent(t, m) })
	}
}

func checkConsistent(t *testing.T, m *Model) {
	t.Helper()
	splits, sums := 0, 0
	for _, ind := range m.Dataset.Indicators {
		for _, p := range m.Months {
			get := func(a app.Area, sp app.Split) (app.Observation, bool) {
				return m.Observation(app.SeriesKey{Ref: ind.Ref, Area: a, Split: sp}, p)
			}
			all, ok := get(app.Kent, app.All)
			if !ok || all.Numerator == nil {
				continue
			}
			for _, a := range append(slices.Clone(app.Areas), app.OutOfCounty, app.UASCService) {
				for _, sp := range []app.Split{app.All, excl, uascOnly} {
					o, ok := get(a, sp)
					if !ok || o.Value == nil || o.Numerator == nil || o.Denominator == nil {
						continue
					}
					n, d := *o.Numerator, *o.Denominator
					var want float64
					switch ind.Measure {
					case app.Proportion:
						want = n / d * 100
						if n > d || n < 0 {
							t.Errorf("%v %v: numerator %v outside 0..%v", o.Key(), p, n, d)
						}
					case app.Rate:
						want = n / d * 10000
					case app.Mean:
						want = n / d
					}
					if math.Abs(*o.Value-want) > 1e-9 {
						t.Errorf("%v %v: value %v, want %v from %v/%v", o.Key(), p, *o.Value, want, n, d)
					}
				}
			}
			// All children = UASC + excluding UASC, component by component.
			if ex, ok := get(app.Kent, excl); ok {
				splits++
				u, hasU := get(app.Kent, uascOnly)
				if hasU {
					if *all.Numerator != *ex.Numerator+*u.Numerator {
						t.Errorf("%s %v: numerator all %v != excl %v + uasc %v", ind.Ref, p, *all.Numerator, *ex.Numerator, *u.Numerator)
					}
					if all.Denominator != nil && *all.Denominator != *ex.Denominator+*u.Denominator {
						t.Errorf("%s %v: denominator all %v != excl %v + uasc %v", ind.Ref, p, *all.Denominator, *ex.Denominator, *u.Denominator)
					}
				}
			}
			// Kent = districts + Out of County + UASC Service, for the
			// measures whose components add up.
			if ind.Measure == app.Rate {
				continue
			}
			var num, den float64
			complete := true
			for _, a := range append(slices.Clone(app.Districts), app.OutOfCounty, app.UASCService) {
				o, ok := get(a, app.All)
				if !ok {
					continue
				}
				if o.Numerator == nil {
					complete = false // suppressed: withheld, not zero
					continue
				}
				num += *o.Numerator
				if o.Denominator != nil {
					den += *o.Denominator
				}
			}
			if !complete {
				continue
			}
			sums++
			if num != *all.Numerator {
				t.Errorf("%s %v: areas' numerators sum to %v, Kent %v", ind.Ref, p, num, *all.Numerator)
			}
			if all.Denominator != nil && den != *all.Denominator {
				t.Errorf("%s %v: areas' denominators sum to %v, Kent %v", ind.Ref, p, den, *all.Denominator)
			}
		}
	}
	if splits == 0 || sums == 0 {
		t.Errorf("checked %d splits and %d area sums: the model has none", splits, sums)
	}
}

// TestSeriesVary checks the series give SPC something to find: some end
// in a run above or below their earlier mean, and some do not.
func TestSeriesVary(t *testing.T) {
	m := Demo()
	moved, steady := 0, 0
	for _, ind := range m.Dataset.Indicators {
		var v []float64
		for _, p := range m.Months {
			if o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, p); ok && o.Value != nil && !o.StandIn {
				v = append(v, *o.Value)
			}
		}
		if len(v) < 20 {
			continue
		}
		var mean float64
		for _, x := range v[:len(v)-7] {
			mean += x
		}
		mean /= float64(len(v) - 7)
		above, below := 0, 0
		for _, x := range v[len(v)-7:] {
			if x > mean {
				above++
			} else if x < mean {
				below++
			}
		}
		if above == 7 || below == 7 {
			moved++
		} else {
			steady++
		}
	}
	if moved < 3 || steady < 3 {
		t.Errorf("%d series end in a seven-month run off their mean and %d do not; want 3 or more of each", moved, steady)
	}
}

func TestDemoCodes(t *testing.T) {
	m := Demo()
	var codes []string
	standIns := 0
	for _, o := range m.Dataset.Observations {
		if o.Status == app.NotApplicable {
			// A district with no children in the period: 0/0.
			if o.Denominator == nil || *o.Denominator != 0 {
				t.Errorf("%v %v: not applicable with denominator %v", o.Key(), o.Period, o.Denominator)
			}
			continue
		}
		if o.Status != app.OK {
			if o.Value != nil || o.Numerator != nil {
				t.Errorf("%v %v: status %q with figures", o.Key(), o.Period, o.Status)
			}
			if !slices.Contains(codes, o.Raw) {
				codes = append(codes, o.Raw)
			}
		}
		if o.StandIn {
			standIns++
		}
	}
	slices.Sort(codes)
	if !slices.Equal(codes, []string{"c", "x"}) {
		t.Errorf("status codes %q, want c and x", codes)
	}
	if standIns != 1 {
		t.Errorf("%d stand-in figures, want 1", standIns)
	}
}

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

func TestAllocate(t *testing.T) {
	tests := []struct {
		total   float64
		weights []float64
		caps    []float64
		want    []float64
	}{
		{10, []float64{1, 1, 1}, nil, []float64{4, 3, 3}},
		{7, []float64{5, 3, 0}, nil, []float64{4, 3, 0}},
		{9, []float64{10, 1, 1}, []float64{5, 10, 10}, []float64{5, 2, 2}},
		{6, []float64{1, 1}, []float64{3, 3}, []float64{3, 3}},
		{0, []float64{1, 2}, nil, []float64{0, 0}},
	}
	for _, tt := range tests {
		got := allocate(tt.total, tt.weights, tt.caps)
		if !slices.Equal(got, tt.want) {
			t.Errorf("allocate(%v, %v, %v) = %v, want %v", tt.total, tt.weights, tt.caps, got, tt.want)
		}
	}
}

// TestSPCFindsSignals runs the demo through the app's SPC: the shifts and
// trends must show as special cause in the latest month and most series
// as common cause, or the demo would show members nothing, or everything.
func TestSPCFindsSignals(t *testing.T) {
	m := Demo()
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	var special []string
	common := 0
	for _, ind := range m.Dataset.Indicators {
		pts := trend.Analyse(h, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.DefaultOptions())
		switch p := pts[len(pts)-1]; {
		case p.Signal.IsSpecial():
			special = append(special, ind.Ref)
		case p.Signal == trend.Common:
			common++
		}
	}
	if len(special) < 4 || common < len(m.Dataset.Indicators)/2 {
		t.Errorf("latest month: %d series show special cause %v and %d common; want 4 or more, and half the %d common",
			len(special), special, common, len(m.Dataset.Indicators))
	}
}
