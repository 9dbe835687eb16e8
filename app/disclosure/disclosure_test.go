package disclosure

import (
	"fmt"
	"math"
	"testing"

	"scorecard/app"
)

var mar25 = app.MonthOf(2025, 3)

var none = math.NaN()

func fig(split app.Split, v, n, d float64) app.Observation {
	o := app.Observation{Ref: "X", Area: app.Kent, Split: split, Period: mar25}
	for _, f := range []struct {
		to **float64
		v  float64
	}{{&o.Value, v}, {&o.Numerator, n}, {&o.Denominator, d}} {
		if !math.IsNaN(f.v) {
			*f.to = app.Float(f.v)
		}
	}
	return o
}

func history(m app.Measure, u app.Unit, obs ...app.Observation) *app.History {
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: []app.Indicator{{Ref: "X", Measure: m, Unit: u, Decimals: 1}}, Observations: obs}, "I1")
	return h
}

// shown describes a series' figure for Mar-25: its value or its status.
func shown(h *app.History, split app.Split) string {
	o, ok := h.Observation(app.SeriesKey{Ref: "X", Area: app.Kent, Split: split}, mar25)
	switch {
	case !ok:
		return "none"
	case o.Status != app.OK:
		if o.Value != nil || o.Numerator != nil || o.Denominator != nil {
			return o.Status.String() + " with figures left in"
		}
		return o.Status.String()
	}
	return fmt.Sprint(*o.Value)
}

func TestPrimary(t *testing.T) {
	cases := []struct {
		name    string
		measure app.Measure
		unit    app.Unit
		o       app.Observation
		want    string
	}{
		{"count of 3", app.Count, app.Number, fig(app.All, 3, none, none), "c"},
		{"count of 1", app.Count, app.Number, fig(app.All, 1, 1, none), "c"},
		{"count of 4", app.Count, app.Number, fig(app.All, 4, none, none), "c"},
		{"count of 5", app.Count, app.Number, fig(app.All, 5, none, none), "5"},
		{"count of 0 identifies nobody", app.Count, app.Number, fig(app.All, 0, none, none), "0"},
		{"numerator of 3", app.Proportion, app.Percent, fig(app.All, 1.5, 3, 200), "c"},
		{"denominator of 4", app.Proportion, app.Percent, fig(app.All, 50, 2, 4), "c"},
		{"numerator 0 of 12", app.Proportion, app.Percent, fig(app.All, 0, 0, 12), "0"},
		// A proportion reveals the children outside it too: 10 of 12
		// leaves 2 without, 120 of 124 leaves 4.
		{"10 of 12", app.Proportion, app.Percent, fig(app.All, 83.3, 10, 12), "c"},
		{"120 of 124", app.Proportion, app.Percent, fig(app.All, 96.8, 120, 124), "c"},
		{"120 of 125", app.Proportion, app.Percent, fig(app.All, 96, 120, 125), "96"},
		{"all 12 of 12", app.Proportion, app.Percent, fig(app.All, 100, 12, 12), "100"},
		// A rate's population less its count is no small number of
		// children to protect.
		{"rate of 9 in 12", app.Rate, app.Per10k, fig(app.All, 7500, 9, 12), "7500"},
		{"percentage without counts", app.Proportion, app.Percent, fig(app.All, 2, none, none), "2"},
		{"mean over 2 children", app.Mean, app.Days, fig(app.All, 300, 600, 2), "c"},
		{"mean over 20 children", app.Mean, app.Days, fig(app.All, 3, 60, 20), "3"},
		{"rate of 2 children", app.Rate, app.Per10k, fig(app.All, 0.06, 2, 355390), "c"},
		{"median over 3", app.Median, app.Weeks, fig(app.All, 22, none, 3), "c"},
		{"median without count", app.Median, app.Weeks, fig(app.All, 2, none, none), "2"},
		{"source code kept", app.Count, app.Number, app.Observation{Ref: "X", Area: app.Kent, Period: mar25, Status: app.NotAvailable}, "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(c.measure, c.unit, c.o)
			got, n := Suppress(h, DefaultThreshold)
			if s := shown(got, app.All); s != c.want {
				t.Errorf("shown as %s, want %s", s, c.want)
			}
			if wantN := map[bool]int{true: 1}[c.want == "c"]; n != wantN {
				t.Errorf("counted %d suppressed, want %d", n, wantN)
			}
			if c.o.Value != nil {
				if s := shown(h, app.All); s != fmt.Sprint(*c.o.Value) {
					t.Errorf("Suppress changed the history it was given: %s", s)
				}
			}
		})
	}
}

// TestSourceSuppressedLosesComponents checks that a figure the source
// marked "c" but imported with its numerator and denominator loses them,
// with or without a threshold, and is not counted as suppressed here.
func TestSourceSuppressedLosesComponents(t *testing.T) {
	marked := app.Observation{Ref: "X", Area: app.Kent, Period: mar25, Status: app.Suppressed, Raw: "c",
		Numerator: app.Float(5), Denominator: app.Float(10)}
	for _, below := range []int{0, 1, DefaultThreshold} {
		t.Run(fmt.Sprint(below), func(t *testing.T) {
			h := history(app.Proportion, app.Percent, marked)
			got, n := Suppress(h, below)
			if s := shown(got, app.All); s != "c" {
				t.Errorf("Suppress: shown as %s, want c", s)
			}
			if n != 0 {
				t.Errorf("Suppress counted %d suppressed, want 0: the source suppressed it", n)
			}
			if s := shown(h, app.All); s != "c with figures left in" {
				t.Errorf("Suppress changed the history it was given: %s", s)
			}
			ex, _, _ := Circulated(h, []app.Cohort{app.UASC}, below)
			if s := shown(ex, app.All); s != "c" && s != app.CannotExclude.String() {
				t.Errorf("Circulated: shown as %s, want c", s)
			}
		})
	}
}

func TestThreshold(t *testing.T) {
	h := history(app.Count, app.Number, fig(app.All, 7, none, none))
	if got, _ := Suppress(h, 10); shown(got, app.All) != "c" {
		t.Errorf("7 with threshold 10 shown as %s, want c", shown(got, app.All))
	}
	if got, n := Suppress(h, 1); got != h || n != 0 {
		t.Error("threshold 1 should suppress nothing and return h")
	}
}

func TestComplement(t *testing.T) {
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	cases := []struct {
		name           string
		obs            []app.Observation
		all, only, rst string
	}{
		// 3 UASC of 100: shown, all minus the rest would give the 3.
		{"small cohort", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 3, none, none), fig(excl, 97, none, none)}, "100", "c", "c"},
		{"small rest", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 97, none, none), fig(excl, 3, none, none)}, "100", "c", "c"},
		{"no small numbers", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 40, none, none), fig(excl, 60, none, none)}, "100", "40", "60"},
		{"empty cohort", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 0, none, none), fig(excl, 100, none, none)}, "100", "0", "100"},
		// Without the rest's row, all and the cohort alone reveal nothing
		// more.
		{"no excluding row", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 3, none, none)}, "100", "c", "none"},
		// The source suppressed the cohort itself: the rest would reveal it.
		{"source suppression", []app.Observation{fig(app.All, 100, none, none),
			{Ref: "X", Area: app.Kent, Split: uasc, Period: mar25, Status: app.Suppressed, Raw: "c"}, fig(excl, 97, none, none)}, "100", "c", "c"},
		// Proportions pair on their components: 2 of 30 UASC.
		{"proportion", []app.Observation{fig(app.All, 10, 20, 200), fig(uasc, 6.7, 2, 30), fig(excl, 10.6, 18, 170)}, "10", "c", "c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := app.Count
			if c.name == "proportion" {
				m = app.Proportion
			}
			got, _ := Suppress(history(m, app.Number, c.obs...), DefaultThreshold)
			for _, s := range []struct {
				split app.Split
				want  string
			}{{app.All, c.all}, {uasc, c.only}, {excl, c.rst}} {
				if g := shown(got, s.split); g != s.want {
					t.Errorf("%s shown as %s, want %s", s.split.Label(), g, s.want)
				}
			}
		})
	}
}

func TestCirculated(t *testing.T) {
	uasc := app.Only(app.UASC)
	cases := []struct {
		name string
		obs  []app.Observation
		want string
	}{
		// 47 of 50 are UASC: the 3 left once they are excluded are a
		// small number.
		{"small remainder", []app.Observation{fig(app.All, 50, none, none), fig(uasc, 47, none, none)}, "c"},
		// 3 UASC: excluding them would give 97, and with the unadjusted
		// 100 reveal the 3.
		{"small cohort", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 3, none, none)}, "c"},
		{"no small numbers", []app.Observation{fig(app.All, 100, none, none), fig(uasc, 40, none, none)}, "60"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, _ := Circulated(history(app.Count, app.Number, c.obs...), []app.Cohort{app.UASC}, DefaultThreshold)
			if s := shown(got, app.All); s != c.want {
				t.Errorf("excluding UASC shown as %s, want %s", s, c.want)
			}
		})
	}
}
