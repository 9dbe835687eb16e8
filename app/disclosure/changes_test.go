package disclosure

import (
	"testing"

	"scorecard/app"
)

// Shaped as QA18b's case_n: a count of children missing from care, the
// number of children in care (C01) and its change since the same month
// last year (C11), for Kent and four districts.
var (
	oct25, oct26 = app.MonthOf(2025, 10), app.MonthOf(2026, 10)
	districts    = []app.Area{"Ashford", "Dover", "Swale", "Thanet"}
	caseN        = []app.Indicator{
		{Ref: "N01", Name: "Number of children missing from care", Measure: app.Count, Unit: app.Number},
		{Ref: "C01", Name: "Number of children in care", Measure: app.Count, Unit: app.Number, DataPeriod: app.Snapshot},
		{Ref: "C11", Name: "Change in children in care since the same month last year", Measure: app.Count, Unit: app.Number,
			Guidance: "C01 now less C01 a year before"},
	}
)

// districtFigs are one indicator's figures for one month: the districts'
// in the order of districts, and Kent's, their sum.
func districtFigs(ref string, p app.Period, vs ...float64) []app.Observation {
	var out []app.Observation
	sum := 0.0
	for i, v := range vs {
		out = append(out, app.Observation{Ref: ref, Area: districts[i], Split: app.All, Period: p, Value: app.Float(v), Status: app.OK})
		sum += v
	}
	return append(out, app.Observation{Ref: ref, Area: app.Kent, Split: app.All, Period: p, Value: app.Float(sum), Status: app.OK})
}

func caseNHistory(inds []app.Indicator, obs ...[]app.Observation) *app.History {
	var all []app.Observation
	for _, o := range obs {
		all = append(all, o...)
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: inds, Observations: all}, "I1")
	return h
}

func shownFor(h *app.History, ref string, area app.Area, p app.Period) string {
	o, ok := h.Observation(app.SeriesKey{Ref: ref, Area: area, Split: app.All}, p)
	switch {
	case !ok:
		return "none"
	case o.Status != app.OK:
		return o.Status.String()
	}
	return formatted(*o.Value)
}

// TestNegativeCountStillCounts (QA18b R1): one negative figure in a count
// (Thanet -1, a data error import warns about) does not make it a change:
// Ashford's 2 children missing from care are withheld, as every count of
// 1-4 is.
func TestNegativeCountStillCounts(t *testing.T) {
	h := caseNHistory(caseN[:1], districtFigs("N01", oct25, 2, 20, 30, -1))
	got, _ := Suppress(h, DefaultThreshold)
	if s := shownFor(got, "N01", "Ashford", oct25); s != "c" {
		t.Errorf("N01 Ashford shown as %s: 2 children, a count whatever Thanet's -1", s)
	}
}

// TestChangeBesideItsCount (QA18b R2): a change is C01 now less C01 a
// year before, so it is shown only where both are shown, and withheld
// where one is withheld, whatever its size.
func TestChangeBesideItsCount(t *testing.T) {
	for _, tt := range []struct {
		name            string
		then, now, chg  []float64 // C01 Oct-25, Oct-26, C11 Oct-26
		withC01         bool
		ashfordC11, why string
	}{
		// C01 Ashford Oct-25 3 is c; Oct-26 7 is shown: 7 - 4 = 3.
		{"count withheld a year before", []float64{3, 50, 60, 70}, []float64{7, 62, 60, 58}, []float64{4, 12, 0, -12}, true,
			"c", "7 - 4 gives the withheld 3"},
		// C01 Ashford Oct-26 3 is c; Oct-25 7 is shown: 7 + (-4) = 3.
		{"count withheld now", []float64{7, 50, 60, 70}, []float64{3, 62, 60, 58}, []float64{-4, 12, 0, -12}, true,
			"c", "7 + (-4) gives the withheld 3"},
		// A large change gives the small month away as surely: 50 - 47 = 3.
		{"large change beside a withheld month", []float64{3, 50, 60, 70}, []float64{50, 62, 60, 58}, []float64{47, 12, 0, -12}, true,
			"c", "50 - 47 gives the withheld 3"},
		// Both months shown: 12 - 10 = 2 is there for anyone to work out,
		// so withholding it protects nothing (QA17b D4).
		{"both months shown", []float64{10, 50, 60, 70}, []float64{12, 49, 60, 68}, []float64{2, -1, 0, -2}, true,
			"2", "12 - 10 = 2 is recomputed from what is shown"},
		// No count to prove it harmless: a change of 4 may be 4 children
		// come into care, so it is judged by its size.
		{"no count beside it", nil, nil, []float64{4, -6, 0, 12}, false,
			"c", "nothing shows it harmless"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inds := caseN[1:]
			obs := [][]app.Observation{districtFigs("C11", oct26, tt.chg...)}
			if tt.withC01 {
				obs = append(obs, districtFigs("C01", oct25, tt.then...), districtFigs("C01", oct26, tt.now...))
			} else {
				inds = caseN[2:]
			}
			h := caseNHistory(inds, obs...)
			got, _ := Suppress(h, DefaultThreshold)
			if s := shownFor(got, "C11", "Ashford", oct26); s != tt.ashfordC11 {
				t.Errorf("C11 Ashford Oct-26 shown as %s, want %s: %s", s, tt.ashfordC11, tt.why)
			}
			if !tt.withC01 {
				return
			}
			// No change is shown beside one month withheld and the other shown.
			for _, a := range append([]app.Area{app.Kent}, districts...) {
				then, now := shownFor(got, "C01", a, oct25), shownFor(got, "C01", a, oct26)
				if c := shownFor(got, "C11", a, oct26); c != "c" && (then == "c") != (now == "c") {
					t.Errorf("C11 %s %s shown beside C01 %s then and %s now", a, c, then, now)
				}
			}
		})
	}
}

// TestIsChange: a change is known by its definition (app.Indicator.Signed,
// the rule SPC's limits follow too), never by the sign of its figures,
// and only a count's: a name that counts children is a count whatever
// else it says, and so its figures of 1-4 are withheld.
func TestIsChange(t *testing.T) {
	for _, tt := range []struct {
		name, guidance string
		m              app.Measure
		want           bool
	}{
		{"Number of children missing from care", "", app.Count, false},
		{"Change in children in care since the same month last year", "", app.Other, true},
		{"Net change in foster carers", "", app.Count, true},
		{"Foster carers +/- on last quarter", "", app.Count, true},
		{"Change of social worker in the last 6 months (children)", "", app.Count, false},
		{"Children in care: change of placement in the last 12 months (%)", "", app.Proportion, false},
		// The name read as the trend package read it: before the rule
		// was one, "change in" or "difference" anywhere made a change.
		{"Change in children in care since last year (children)", "", app.Count, false},
		{"Children whose social worker made a difference", "", app.Count, false},
		{"Net gain of foster carers", "", app.Count, true},
		{"Children in care, year on year", "The figure can be negative.", app.Count, true},
		{"Children in care, year on year", "A rise is negative for children.", app.Count, false},
		// A signed share is a change in percentage points, not a count.
		{"Change in care leavers in education (pp)", "", app.Proportion, false},
	} {
		ind := app.Indicator{Name: tt.name, Guidance: tt.guidance, Measure: tt.m}
		if got := isChange(ind); got != tt.want {
			t.Errorf("%q (%q): change %v, want %v", tt.name, tt.guidance, got, tt.want)
		}
	}
}

// TestHasWord finds a ref in a change's guidance as a regexp's \b would.
func TestHasWord(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Change since last year in CIC01.", "CIC01", true},
		{"(CIC01) a year before", "CIC01", true},
		{"CIC01", "CIC01", true},
		{"CIC011 a year before", "CIC01", false},
		{"XCIC01", "CIC01", false},
		{"CIC01_a", "CIC01", false},
		{"CIC011 and CIC01", "CIC01", true},
		{"see 1.1", "1.1", true},
		{"see 11.1", "1.1", false},
		{"no ref here", "CIC01", false},
		{"anything", "", false},
	}
	for _, tt := range tests {
		if got := hasWord(tt.text, tt.word); got != tt.want {
			t.Errorf("hasWord(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}
