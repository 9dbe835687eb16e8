package views

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/importer/dfe"
)

// yearlyDataset is a store of DfE reporting years alone: a lower-is-better
// percentage for 2021 to 2025 with a target for 2024/25, and an
// academic-year, year-to-date measure.
func yearlyDataset() *app.Dataset {
	d := &app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "CIC05", Name: "3+ placements", Section: "Children in Care", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1},
			{Ref: "ED03", Name: "Pupils persistently absent (%)", Section: "Education", Polarity: app.LowerBetter, Unit: app.Percent,
				Decimals: 1, DataPeriod: app.YearToDate, YearType: app.AcademicYear},
		},
		Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(11), Floor: app.Float(20)}},
	}
	for i, v := range []float64{13, 13, 12, 11, 12} {
		for _, ref := range []string{"CIC05", "ED03"} {
			d.Observations = append(d.Observations, app.Observation{Ref: ref, Area: app.Kent,
				Period: app.Period{Kind: app.CalendarYear, Year: 2021 + i}, Value: app.Float(v)})
		}
	}
	return d
}

// A store of the DfE's yearly figures alone opens on its latest year,
// rated against the target for that year, with its direction of travel
// and sparkline over years and SPC's "too few points" said.
func TestViewOfYearlyStore(t *testing.T) {
	h := app.NewHistory()
	h.Apply(yearlyDataset(), "I0001")
	v := newView(h, app.DefaultAuthority())
	if v.period.String() != "2025" || len(v.periods()) != 5 {
		t.Fatalf("the window opens on %q offering %v, want 2025 of five years", v.period, v.periods())
	}
	rows := v.rows()
	if len(rows) != 2 || rows[0].ind.Ref != "CIC05" {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if f, _ := r.cur.Figure(); !r.hasCur || f != 12 || !r.hasTgt || r.rag != app.Amber || r.dot != app.Worsened || !r.tooFew {
		t.Errorf("2025: figure %v (%v), target %v, RAG %q, DoT %q, too few %v; want 12 AMBER against 2024/25, worsened, too few points for SPC",
			f, r.hasCur, r.hasTgt, r.rag, r.dot, r.tooFew)
	}
	if n := len(r.spark); n == 0 || r.spark[n-1] != 12 || r.spark[n-2] != 11 || !math.IsNaN(r.spark[0]) {
		t.Errorf("sparkline %v, want the years to 2025", r.spark)
	}
}

// The detail of a yearly store offers the target years its figures fall
// in (2024/25 for reporting year 2025), never "0000/01", and a
// year-to-date measure's guidance says when its year starts.
func TestDetailOfYearlyStore(t *testing.T) {
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(yearlyDataset()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	t.Cleanup(w.win.Close)
	w.openDetail("CIC05")
	d := w.detail
	if len(d.points) != 5 {
		t.Errorf("detail lists %d years, want 5", len(d.points))
	}
	years := d.targetYears()
	if d.tYear.Selected != "2024/25" || !slices.Contains(years, "2025/26") || slices.ContainsFunc(years, func(y string) bool { return strings.HasPrefix(y, "0000") }) {
		t.Errorf("target year %q of %q, want 2024/25 and the next year", d.tYear.Selected, years)
	}
	w.openDetail("ED03")
	if !strings.Contains(w.detail.guidance.Text, "from 1 September") {
		t.Errorf("ED03 guidance %q does not say its year starts in September", w.detail.guidance.Text)
	}
}

// A store of the DfE's financial years, beside which the workforce census
// is kept by calendar years (at 30 September), shows the census's 2024
// in 2024/25, the year it ends in, with 2023 as its year before: not an
// empty figure beside a direction of travel.
func TestViewOfYearsOfTwoKinds(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	cy := func(y int) app.Period { return app.Period{Kind: app.CalendarYear, Year: y} }
	d := &app.Dataset{Indicators: []app.Indicator{
		{Ref: "CIC05", Name: "3+ placements", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1},
		{Ref: "SCS05", Name: "Social worker turnover", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1},
	}}
	for i, v := range []float64{13, 12, 11} {
		d.Observations = append(d.Observations,
			app.Observation{Ref: "CIC05", Area: app.Kent, Period: fy(2022 + i), Value: app.Float(v)},
			app.Observation{Ref: "SCS05", Area: app.Kent, Period: cy(2022 + i), Value: app.Float(v + 6)})
	}
	h := app.NewHistory()
	h.Apply(d, "I0001")
	v := newView(h, app.DefaultAuthority())
	if v.period != fy(2024) {
		t.Fatalf("opens on %s, want 2024/25", v.period)
	}
	for _, r := range v.rows() {
		if r.ind.Ref != "SCS05" {
			continue
		}
		cur, _ := r.cur.Figure()
		prev, _ := r.prev.Figure()
		if !r.hasCur || cur != 17 || !r.hasPrev || prev != 18 || r.dot != app.Improved {
			t.Errorf("SCS05 in 2024/25: %v (%v), previous %v (%v), DoT %q; want 2024's 17 against 2023's 18, improved", cur, r.hasCur, prev, r.hasPrev, r.dot)
		}
	}
}

// A store into which a DfE file was imported before a reporting year was
// filed as the year it covers says, in the status line, which import
// holds children in care at 31 March as calendar years and what to do.
func TestStatusSaysCalendarDfEYears(t *testing.T) {
	b := newMemBackend()
	b.add("la_cla_placement_stability.csv", "csv", dfe.Format, &app.Dataset{
		Indicators:   []app.Indicator{{Ref: dfe.RefCICPlacements, Name: "3+ placements", Polarity: app.LowerBetter, Unit: app.Percent}},
		Observations: []app.Observation{{Ref: dfe.RefCICPlacements, Area: app.Kent, Period: app.Period{Kind: app.CalendarYear, Year: 2025}, Value: app.Float(11.7)}},
	}, nil)
	w, err := newMainWindow(test.NewTempApp(t), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	t.Cleanup(w.win.Close)
	if want := "I0001 (la_cla_placement_stability.csv) holds the DfE's reporting years of CIC05 as calendar years"; !strings.Contains(w.status.Text, want) {
		t.Errorf("status %q, want it to say %q", w.status.Text, want)
	}
}

// A quarterly measure given in the columns of the months its quarters
// end (Jun 88, Sep 92) shows, in Sep-25, June's figure as the one before
// and the change from it: not an empty Previous beside "+4.0 pp".
func TestViewOfQuarterInMonths(t *testing.T) {
	d := &app.Dataset{
		Indicators: []app.Indicator{{Ref: "QDQ1", Name: "Care leavers in suitable accommodation (%)", Polarity: app.HigherBetter,
			Unit: app.Percent, Decimals: 1, DataPeriod: app.QuarterPeriod}},
		Observations: []app.Observation{
			{Ref: "QDQ1", Area: app.Kent, Period: app.MonthOf(2025, 6), Value: app.Float(88)},
			{Ref: "QDQ1", Area: app.Kent, Period: app.MonthOf(2025, 9), Value: app.Float(92)},
		},
	}
	h := app.NewHistory()
	h.Apply(d, "I0001")
	v := newView(h, app.DefaultAuthority())
	if v.period != app.MonthOf(2025, 9) {
		t.Fatalf("opens on %s, want Sep-25", v.period)
	}
	r := v.rows()[0]
	cur, _ := r.cur.Figure()
	prev, _ := r.prev.Figure()
	if cur != 92 || !r.hasPrev || prev != 88 || !r.hasDelta || r.change != 4 || r.dot != app.Improved {
		t.Errorf("Sep-25: %v, previous %v (%v), change %v (%v), DoT %q; want 92 against June's 88, up 4, improved", cur, prev, r.hasPrev, r.change, r.hasDelta, r.dot)
	}
}
