package app

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

func obs(ref string, p Period, v float64) Observation {
	return Observation{Ref: ref, Area: Kent, Period: p, Value: Float(v)}
}

func TestHistoryRevisions(t *testing.T) {
	h := NewHistory()
	h.AddIndicator(Indicator{Ref: "CIC05", Name: "3+ placements", Section: "Children in Care", Polarity: LowerBetter, Unit: Percent, Decimals: 1})
	mar := Period{Month, 2025, 3}
	feb := mar.Add(-1)
	h.Apply(&Dataset{Observations: []Observation{obs("CIC05", mar, 11.7), obs("CIC05", feb, 11.9)}}, "I0001")
	// A re-issue repeating February and revising March.
	h.Apply(&Dataset{Observations: []Observation{obs("CIC05", feb, 11.9), obs("CIC05", mar, 11.5)}}, "I0002")

	k := SeriesKey{"CIC05", Kent, All}
	s := h.Series(k)
	if len(s) != 2 || s[0].Period != feb || s[1].Period != mar {
		t.Fatalf("series = %+v, want February then March", s)
	}
	if v, _ := s[1].Figure(); v != 11.5 || s[1].Import != "I0002" || s[1].Revision != 1 {
		t.Errorf("March = %v from %s revision %d, want 11.5 from I0002 revision 1", v, s[1].Import, s[1].Revision)
	}
	if s[0].Revision != 0 || h.Revisions(k, feb) != nil {
		t.Errorf("February was repeated, not revised: revision %d, revisions %v", s[0].Revision, h.Revisions(k, feb))
	}
	revs := h.Revisions(k, mar)
	if len(revs) != 1 || *revs[0].Value != 11.7 || revs[0].Import != "I0001" {
		t.Errorf("March revisions = %+v, want the 11.7 from I0001", revs)
	}
	if got := h.Latest(); got != mar {
		t.Errorf("Latest = %v", got)
	}
}

func TestHistoryTargetFor(t *testing.T) {
	h := NewHistory()
	fin := Indicator{Ref: "CIC05"}
	aca := Indicator{Ref: "SEND01", YearType: AcademicYear}
	h.AddTarget(Target{Ref: "CIC05", Year: Period{Kind: FinancialYear, Year: 2024}, Target: Float(10), Floor: Float(12)})
	h.AddTarget(Target{Ref: "CIC05", Year: Period{Kind: FinancialYear, Year: 2025}, Target: Float(9), Floor: Float(11)})
	h.AddTarget(Target{Ref: "SEND01", Year: Period{Kind: AcademicYear, Year: 2024}, Target: Float(60), Floor: Float(50)})

	if tg, ok := h.TargetFor(fin, Period{Month, 2025, 3}); !ok || *tg.Target != 10 {
		t.Errorf("CIC05 Mar-25 target = %+v, want 2024/25's 10", tg)
	}
	if tg, ok := h.TargetFor(fin, Period{Month, 2025, 4}); !ok || *tg.Target != 9 {
		t.Errorf("CIC05 Apr-25 target = %+v, want 2025/26's 9", tg)
	}
	if tg, ok := h.TargetFor(aca, Period{Month, 2025, 8}); !ok || *tg.Target != 60 {
		t.Errorf("SEND01 Aug-25 target = %+v, want 2024/25 AY's 60", tg)
	}
	if _, ok := h.TargetFor(aca, Period{Month, 2025, 9}); ok {
		t.Error("SEND01 Sep-25 has no target set: want none")
	}
	// A replacement target for a year supersedes the first.
	h.AddTarget(Target{Ref: "CIC05", Year: Period{Kind: FinancialYear, Year: 2024}, Target: Float(9.5), Floor: Float(12)})
	if got := len(h.Targets("CIC05")); got != 2 {
		t.Errorf("CIC05 has %d targets, want 2", got)
	}
}

func TestCloneLeavesOriginal(t *testing.T) {
	h := NewHistory()
	mar := Period{Month, 2025, 3}
	h.Add(obs("CIC05", mar, 11.7))
	c := h.Clone()
	k := SeriesKey{"CIC05", Kent, All}
	c.SetSeries(k, []Observation{obs("CIC05", mar, 9.9)})
	if v, _ := h.Series(k)[0].Figure(); v != 11.7 {
		t.Errorf("original changed to %v", v)
	}
	if v, _ := c.Series(k)[0].Figure(); v != 9.9 {
		t.Errorf("clone holds %v", v)
	}
}

func TestSplit(t *testing.T) {
	if got := Excluding(UASC, OLA, UASC); got != "excl:ola+uasc" {
		t.Errorf("Excluding = %q", got)
	}
	if got := Excluding(); got != All {
		t.Errorf("Excluding() = %q, want All", got)
	}
	if got := Excluding(OLA, UASC).Excluded(); !reflect.DeepEqual(got, []Cohort{OLA, UASC}) {
		t.Errorf("Excluded = %v", got)
	}
	if c, ok := Only(UASC).Cohort(); !ok || c != UASC {
		t.Errorf("Only(UASC).Cohort() = %q, %v", c, ok)
	}
	if got := Excluding(UASC).Label(); got != "Excluding UASC" {
		t.Errorf("Label = %q", got)
	}
	cs, err := ParseCohorts("uasc, ola,uasc")
	if err != nil || !reflect.DeepEqual(cs, []Cohort{OLA, UASC}) {
		t.Errorf("ParseCohorts = %v, %v", cs, err)
	}
	if _, err := ParseCohorts("UASC"); err == nil {
		t.Error("ParseCohorts should refuse upper case")
	}
}

// TestHistoryRestatement: a scorecard sheet giving a figure without its
// components, its percentage read from a 0-1 cell, restates the Data
// sheet's figure; a different value is a revision with its own components.
func TestHistoryRestatement(t *testing.T) {
	mar := Period{Month, 2026, 3}
	k := SeriesKey{"CIC05", Kent, All}
	data := Observation{Ref: "CIC05", Area: Kent, Period: mar, Value: Float(240.0 / 1892 * 100), Numerator: Float(240), Denominator: Float(1892)}
	sheet := Observation{Ref: "CIC05", Area: Kent, Period: mar, Value: Float(240.0 / 1892 * 100 * (1 + 1e-15))}
	for _, tc := range []struct {
		name      string
		later     Observation
		revisions int
		num       *float64
	}{
		{"no components", sheet, 0, Float(240)},
		{"same components", data, 0, Float(240)},
		{"revised value", Observation{Ref: "CIC05", Area: Kent, Period: mar, Value: Float(13)}, 1, nil},
		{"other components", Observation{Ref: "CIC05", Area: Kent, Period: mar, Value: data.Value, Numerator: Float(241), Denominator: Float(1892)}, 1, Float(241)},
		{"status", Observation{Ref: "CIC05", Area: Kent, Period: mar, Value: data.Value, Status: LowReliability}, 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHistory()
			h.Apply(&Dataset{Observations: []Observation{data}}, "I0001")
			h.Apply(&Dataset{Observations: []Observation{tc.later}}, "I0002")
			got, _ := h.Observation(k, mar)
			if int(got.Revision) != tc.revisions || len(h.Revisions(k, mar)) != tc.revisions {
				t.Errorf("revision %d with %d earlier, want %d", got.Revision, len(h.Revisions(k, mar)), tc.revisions)
			}
			if !eqPtr(got.Numerator, tc.num) {
				t.Errorf("numerator %v, want %v", got.Numerator, tc.num)
			}
		})
	}
}

// TestHistoryRestatementKeepsFirstImport: a figure restated by later
// files stays the first file's, as a store holds it, and when a later
// file revises it, its earlier version is the first file's: credited to
// the latest file restating it, the figure was nobody's before that file,
// and a release worked out again as it was between the two (disclosure's
// asBefore) left it out.
func TestHistoryRestatementKeepsFirstImport(t *testing.T) {
	mar := Period{Month, 2026, 3}
	k := SeriesKey{"CIC01", Kent, All}
	fig := func(v float64) []Observation {
		return []Observation{{Ref: "CIC01", Area: Kent, Period: mar, Value: Float(v)}}
	}
	h := NewHistory()
	h.Apply(&Dataset{Observations: fig(1892)}, "I0001")
	h.Apply(&Dataset{Observations: fig(1892)}, "I0002")
	h.Apply(&Dataset{Observations: fig(1892)}, "I0003")
	if got, _ := h.Observation(k, mar); got.Import != "I0001" || !slices.Equal(h.Restated(k, mar), []string{"I0002", "I0003"}) {
		t.Errorf("restated: figure of %s, restated by %v; want I0001's, restated by [I0002 I0003]", got.Import, h.Restated(k, mar))
	}
	h.Apply(&Dataset{Observations: fig(1901)}, "I0004")
	got, _ := h.Observation(k, mar)
	var earlier []string
	for _, r := range h.Revisions(k, mar) {
		earlier = append(earlier, fmt.Sprintf("%s's %v", r.Import, *r.Value))
	}
	if got.Import != "I0004" || !slices.Equal(earlier, []string{"I0001's 1892"}) || len(h.Restated(k, mar)) != 0 {
		t.Errorf("revised: figure of %s, earlier versions %v, restated by %v; want I0004's, [I0001's 1892], restated by none", got.Import, earlier, h.Restated(k, mar))
	}
}

// TestAddIndicatorSupplements: a later definition that only names the
// indicator (a tidy CSV) keeps the scorecard's; one that defines it
// replaces what it states, including a polarity of none and no decimals.
func TestAddIndicatorSupplements(t *testing.T) {
	full := Indicator{Ref: "SEND01", Name: "EHCPs issued within 20 weeks", Section: "SEND", Polarity: HigherBetter,
		Unit: Percent, Decimals: 1, DataPeriod: Rolling12, Measure: Proportion, YearType: AcademicYear,
		Guidance: "Plans issued within 20 weeks of request", Unaffected: []Cohort{OLA}}
	for _, tc := range []struct {
		name  string
		later Indicator
		want  Indicator
	}{
		{"ref only", Indicator{Ref: "SEND01"}, full},
		{"named by its ref", Indicator{Ref: "SEND01", Name: "SEND01", Unit: Percent}, full},
		{"scorecard sheet without year type", Indicator{Ref: "SEND01", Name: "EHCPs issued within 20 weeks", Polarity: HigherBetter, Unit: Percent, Decimals: 1},
			full},
		{"redefined as context", Indicator{Ref: "SEND01", Name: "EHCPs issued", Section: "SEND", Unit: Number},
			Indicator{Ref: "SEND01", Name: "EHCPs issued", Section: "SEND", Unit: Number, DataPeriod: Rolling12, Measure: Proportion,
				YearType: AcademicYear, Guidance: full.Guidance, Unaffected: []Cohort{OLA}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHistory()
			h.AddIndicator(full)
			h.AddIndicator(Indicator{Ref: "CIC05", Name: "3+ placements"})
			h.AddIndicator(tc.later)
			got, _ := h.Indicator("SEND01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if inds := h.Indicators(); inds[0].Ref != "SEND01" {
				t.Errorf("order %v: SEND01 lost its place", inds)
			}
		})
	}
}

// TestShortfall: a latest month fewer indicators have figures for than
// the month before is said, with both counts; one as full or fuller is
// not, nor a first month.
func TestShortfall(t *testing.T) {
	oct, nov := MonthOf(2026, 10), MonthOf(2026, 11)
	fig := func(ref string, area Area, p Period) Observation {
		return Observation{Ref: ref, Area: area, Period: p, Value: Float(1)}
	}
	tests := []struct {
		name string
		obs  []Observation
		want string
	}{
		{"one early figure", []Observation{fig("A", Kent, oct), fig("B", Kent, oct), fig("C", "Dover", oct), fig("A", Kent, nov)},
			"Nov-26 has figures for 1 of the 3 indicators Oct-26 has; the rest are not yet in"},
		{"as many, in other areas", []Observation{fig("A", Kent, oct), fig("B", Kent, oct), fig("A", "Dover", nov), fig("B", Kent, nov)}, ""},
		{"a first month", []Observation{fig("A", Kent, nov)}, ""},
		{"two months ahead", []Observation{fig("A", Kent, MonthOf(2026, 9)), fig("B", Kent, MonthOf(2026, 9)), fig("A", Kent, nov)},
			"Nov-26 has figures for 1 of the 2 indicators Sep-26 has; the rest are not yet in"},
		{"a month after a quarter's end", []Observation{fig("A", Kent, oct), fig("B", Kent, oct), fig("C", Kent, oct), fig("A", Kent, nov), fig("B", Kent, nov)}, ""},
		{"a year among the months", []Observation{fig("A", Kent, oct), fig("B", Kent, oct), fig("A", Kent, nov), {Ref: "B", Area: Kent, Period: Period{Kind: FinancialYear, Year: 2026}, Value: Float(1)}},
			"Nov-26 has figures for 1 of the 2 indicators Oct-26 has; the rest are not yet in"},
	}
	// Q01 and Q02 come in the months quarters end, Y01 each September: in
	// October none of them is late (QA17b D9: the note said they were
	// "not yet in").
	quarterly := func(extra ...Observation) []Observation {
		obs := []Observation{fig("M01", Kent, MonthOf(2026, 9)), fig("M01", Kent, oct)}
		for _, p := range []Period{MonthOf(2026, 3), MonthOf(2026, 6), MonthOf(2026, 9)} {
			obs = append(obs, fig("Q01", Kent, p), fig("Q02", "Dover", p))
		}
		return append(obs, extra...)
	}
	tests = append(tests, []struct {
		name string
		obs  []Observation
		want string
	}{
		{"quarterly indicators in the month after their quarter", quarterly(),
			"Oct-26 has figures for 1 of the 3 indicators Sep-26 has; 2 are quarterly, due no figure in Oct-26 (Q01 latest Sep-26, next due Dec-26; Q02 latest Sep-26, next due Dec-26), so a report of Oct-26 gives no rating, direction or SPC reading of them; none is late"},
		{"quarterly, annual and one late", quarterly(fig("Y01", Kent, MonthOf(2025, 9)), fig("Y01", Kent, MonthOf(2026, 9)), fig("M02", Kent, MonthOf(2026, 9)), fig("M02", Kent, MonthOf(2026, 8)),
			fig("M03", Kent, MonthOf(2026, 9))),
			"Oct-26 has figures for 1 of the 6 indicators Sep-26 has; 3 are quarterly or annual, due no figure in Oct-26 (Q01 latest Sep-26, next due Dec-26; Q02 latest Sep-26, next due Dec-26; Y01 latest Sep-26, next due Sep-27), so a report of Oct-26 gives no rating, direction or SPC reading of them; the other 2 are not yet in"},
		{"one figure sets no cycle", []Observation{fig("A", Kent, MonthOf(2026, 9)), fig("B", Kent, MonthOf(2026, 9)), fig("A", Kent, oct)},
			"Oct-26 has figures for 1 of the 2 indicators Sep-26 has; the rest are not yet in"},
	}...)
	// B and C retired from Nov-26: A alone is awaited, and in.
	retired := []Observation{fig("A", Kent, oct), fig("B", Kent, oct), fig("C", Kent, oct), fig("A", Kent, nov)}
	tests = append(tests, struct {
		name string
		obs  []Observation
		want string
	}{"the others retired", retired, ""})
	for _, tt := range tests {
		h := NewHistory()
		for _, o := range tt.obs {
			h.Add(o)
		}
		if tt.name == "the others retired" {
			for _, ref := range []string{"B", "C"} {
				h.AddChartSetting(ChartSetting{Ref: ref, Kind: SetRetire, From: nov, Import: "I0009"})
			}
		}
		if _, got := h.Shortfall(h.Latest()); got != tt.want {
			t.Errorf("%s: Shortfall(%s) = %q, want %q", tt.name, h.Latest(), got, tt.want)
		}
	}
}

// TestWhyNotExcludable: a cohort no figure is split by is refused naming
// the cohorts the figures are split by (or none), so that the officer
// sees the name they meant; one the figures are split by is not.
func TestWhyNotExcludable(t *testing.T) {
	p := Period{Month, 2025, 4}
	split := NewHistory()
	split.AddIndicator(Indicator{Ref: "A"})
	split.Add(obs("A", p, 10))
	u := obs("A", p, 2)
	u.Split = Only(UASC)
	split.Add(u)
	plain := NewHistory()
	plain.AddIndicator(Indicator{Ref: "A"})
	plain.Add(obs("A", p, 10))
	for _, tc := range []struct {
		name string
		h    *History
		c    Cohort
		want string
	}{
		{"held", split, UASC, ""},
		{"another held", split, OLA, "no figures are split by that cohort, so nothing could be excluded (the store's figures are split by uasc)"},
		{"none held", plain, UASC, "no figures are split by that cohort, so nothing could be excluded (no figure in the store is split by any cohort)"},
	} {
		if got := tc.h.WhyNotExcludable(tc.c); got != tc.want {
			t.Errorf("%s: WhyNotExcludable(%s) = %q, want %q", tc.name, tc.c, got, tc.want)
		}
	}
}

// TestFiledFor: the figure trend analyses as a quarter or year is found by
// that period where it was given in the month or quarter the period ends.
func TestFiledFor(t *testing.T) {
	k := SeriesKey{Ref: "H03", Area: Kent}
	h := NewHistory()
	q3 := Period{Kind: Quarter, Year: 2024, N: 3}
	fy := Period{Kind: FinancialYear, Year: 2024}
	for _, p := range []Period{MonthOf(2024, 9), {Kind: Quarter, Year: 2025, N: 1}, q3.Add(1)} {
		h.Add(Observation{Ref: k.Ref, Area: k.Area, Period: p, Value: Float(1)})
	}
	for _, tt := range []struct {
		p    Period
		want Period // zero for none
	}{
		{q3, MonthOf(2024, 9)},                        // in its last month
		{q3.Add(1), q3.Add(1)},                        // its own
		{fy, Period{Kind: Quarter, Year: 2025, N: 1}}, // in the quarter it ends in
		{q3.Add(-1), Period{}},                        // none
	} {
		o, ok := h.FiledFor(k, tt.p)
		if ok != !tt.want.IsZero() || o.Period != tt.want {
			t.Errorf("FiledFor(%s) = %s, %v; want %s", tt.p, o.Period, ok, tt.want)
		}
	}
}
