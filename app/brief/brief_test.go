package brief

import (
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
	"scorecard/assets/synth"
)

func f(v float64) *float64 { return &v }

// series builds a history of one percentage indicator of polarity pol,
// for Kent, with a figure num/den each month from April 2025 and the
// same target and floor for 2025/26 and 2026/27.
func series(pol app.Polarity, target, floor float64, den float64, nums ...float64) *app.History {
	ind := app.Indicator{Ref: "SEND01", Name: "EHCPs issued within 20 weeks", Polarity: pol, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.Period{Kind: app.Month, Year: 2025, N: 4}
	for i, n := range nums {
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i),
			Value: f(100 * n / den), Numerator: f(n), Denominator: f(den)})
	}
	for _, y := range []int{2025, 2026} {
		d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: f(target), Floor: f(floor)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

func TestLine(t *testing.T) {
	// Rising for four months, then falling for eight to 38.6%, red
	// against a floor of 50%: 114 more plans in time would reach it.
	h := series(app.HigherBetter, 60, 50, 1000, 440, 445, 450, 455, 460, 455, 450, 440, 430, 420, 410, 399, 386)
	items := Items(h, Options{})
	if len(items) != 1 {
		t.Fatalf("%d items, want 1: %+v", len(items), items)
	}
	it := items[0]
	if !slices.Equal(it.Why[:2], []string{Red, Worsened}) {
		t.Errorf("why %q, want red and worsened first", it.Why)
	}
	if want := "EHCPs issued within 20 weeks: 38.6% (RED), down 1.3 pp (worsened), 8th month falling; "; !strings.HasPrefix(it.Line, want) {
		t.Errorf("line %q, want it to begin %q", it.Line, want)
	}
	if want := "; 114 more counted would make it AMBER"; !strings.HasSuffix(it.Line, want) {
		t.Errorf("line %q, want it to end %q", it.Line, want)
	}
	if it.Caveat != "" {
		t.Errorf("caveat %q on a figure 114 children from its next rating", it.Caveat)
	}
}

func TestSmallNumbersCaveat(t *testing.T) {
	// 40 children: one is 2.5 pp, and one fewer turns 80.0% amber.
	h := series(app.HigherBetter, 80, 70, 40, 30, 31, 32, 33, 34, 35, 34, 33, 32)
	items := Items(h, Options{})
	if len(items) != 1 {
		t.Fatalf("%d items, want 1: %+v", len(items), items)
	}
	it := items[0]
	if it.RAG != app.Green || !strings.Contains(it.Caveat, "1 child = 2.5 pp") || !strings.Contains(it.Caveat, "1 fewer child counted turns this AMBER") {
		t.Errorf("%s (%s) caveat %q: want the green figure's one-child caveat", it.Line, it.RAG, it.Caveat)
	}
	if txt := it.Text(); !strings.HasSuffix(txt, ". Small numbers: "+it.Caveat) {
		t.Errorf("text %q does not end with the caveat", txt)
	}
}

func TestNothingToReport(t *testing.T) {
	// Green and improving month after month: nothing to say.
	h := series(app.HigherBetter, 50, 40, 1000, 600, 602, 601, 603, 602, 604)
	if items := Items(h, Options{}); len(items) != 0 {
		t.Errorf("items %+v, want none", items)
	}
	if txt := Text("Exceptions", nil, Left{}); !strings.Contains(txt, "Nothing is red") {
		t.Errorf("text %q", txt)
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestDemoNamesWhatFlagsRaises checks the demo's brief, excluding UASC,
// against trend: every red figure, every worsened one and every Kent
// indicator `scorecard flags` raises a special cause, RAG change or
// reversal for is in it, reds first.
func TestDemoNamesWhatFlagsRaises(t *testing.T) {
	m := synth.Demo()
	all := app.NewHistory()
	all.Apply(&m.Dataset, "I0001")
	h, _ := cohort.Exclude(all, []app.Cohort{app.UASC})
	p := h.Latest()
	items := Items(h, Options{Period: p})
	named := map[string]Item{}
	for _, it := range items {
		named[it.Ref] = it
		if ind, _ := h.Indicator(it.Ref); !strings.HasPrefix(it.Line, ind.Name+": ") {
			t.Errorf("%s: line %q does not begin with the indicator's name", it.Ref, it.Line)
		}
	}
	want := map[string]string{}
	for _, fl := range trend.Flags(h, p, trend.DefaultOptions()) {
		switch fl.Kind {
		case trend.SpecialCause, trend.RAGChange, trend.DoTReversal:
			if fl.Area == app.Kent {
				want[fl.Ref] = fl.Kind
			}
		}
	}
	for _, ind := range h.Indicators() {
		pts := trend.Analyse(h, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.Options{Until: p})
		if i := pointAt(pts, p); i >= 0 {
			switch {
			case pts[i].RAG == app.Red:
				want[ind.Ref] = "red"
			case pts[i].DoT == app.Worsened:
				want[ind.Ref] = "worsened"
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the demo has nothing red, worsened or flagged")
	}
	for ref, why := range want {
		if _, ok := named[ref]; !ok {
			t.Errorf("%s is %s but not in the brief", ref, why)
		}
	}
	seenOther := false
	for _, it := range items {
		if it.RAG != app.Red {
			seenOther = true
		} else if seenOther {
			t.Errorf("%s is red but listed after an indicator that is not", it.Ref)
		}
	}
	txt := Text(Heading(app.Kent, p, "excluding UASC", items), items, Left{})
	if lines := strings.Count(txt, "\n- "); lines != len(items) {
		t.Errorf("text has %d lines for %d items:\n%s", lines, len(items), txt)
	}
}

// TestAnotherAuthoritysBrief: without an area, the brief is of the
// authority whose figures the history holds, not the default's.
func TestAnotherAuthoritysBrief(t *testing.T) {
	h := series(app.HigherBetter, 60, 50, 1000, 440, 445, 450, 455, 460, 455, 450, 440, 430, 420, 410, 399, 386)
	surrey := app.NewHistory()
	d := app.Dataset{Indicators: h.Indicators(), Targets: h.Targets("SEND01")}
	for _, k := range h.Keys() {
		for _, o := range h.Series(k) {
			o.Area = "Surrey"
			d.Observations = append(d.Observations, o)
		}
	}
	surrey.Apply(&d, "I0001")
	if items := Items(surrey, Options{}); len(items) != 1 || !strings.HasPrefix(items[0].Line, "EHCPs issued within 20 weeks: 38.6% (RED)") {
		t.Errorf("Surrey's brief %+v, want its red figure", items)
	}
}

// TestYearToDateLine: a year-to-date count in the brief is against the
// same month last year, with no run of rising months (every month of a
// cumulative figure rises): 5 a month last year, 3 this year, is not
// "18, up 3 (worsened), 5th month rising", and 5 a month this year
// against 3 last is "30, up 12 on Sep-24 (worsened)".
func TestYearToDateLine(t *testing.T) {
	tests := []struct {
		name         string
		last, this   float64 // children a month
		want, wantNo string
	}{
		{"fewer than last year", 5, 3, "", "up 3"},
		{"more than last year", 3, 5, "Children remanded (year to date): 30, up 12 on Sep-24 (worsened)", "rising"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := app.Indicator{Ref: "QY01", Name: "Children remanded (year to date)", Polarity: app.LowerBetter, Unit: app.Number,
				Measure: app.Count, DataPeriod: app.YearToDate}
			d := app.Dataset{Indicators: []app.Indicator{ind}}
			for i := range 18 {
				per, m := tt.last, float64(i+1)
				if i >= 12 {
					per, m = tt.this, float64(i-11)
				}
				d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: app.MonthOf(2024, 4).Add(i), Value: f(per * m)})
			}
			h := app.NewHistory()
			h.Apply(&d, "I0001")
			items := Items(h, Options{})
			var lines []string
			for _, it := range items {
				lines = append(lines, it.Line)
			}
			all := strings.Join(lines, "\n")
			if tt.want == "" && len(items) != 0 || tt.want != "" && !strings.HasPrefix(all, tt.want) || strings.Contains(all, tt.wantNo) {
				t.Errorf("brief %q, want %q and not %q", all, tt.want, tt.wantNo)
			}
		})
	}
}
