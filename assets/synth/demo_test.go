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
