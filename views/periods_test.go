package views

import (
	"math"
	"testing"

	"scorecard/app"
)

// A store of the DfE's yearly figures alone opens on its latest year,
// rated against the target for that year, with its direction of travel
// and sparkline over years and SPC's "too few points" said.
func TestViewOfYearlyStore(t *testing.T) {
	h := app.NewHistory()
	d := &app.Dataset{
		Indicators: []app.Indicator{{Ref: "CIC05", Name: "3+ placements", Section: "Children in Care",
			Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1}},
		Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(11), Floor: app.Float(20)}},
	}
	for i, v := range []float64{13, 13, 12, 11, 12} {
		d.Observations = append(d.Observations, app.Observation{Ref: "CIC05", Area: app.Kent,
			Period: app.Period{Kind: app.CalendarYear, Year: 2021 + i}, Value: app.Float(v)})
	}
	h.Apply(d, "I0001")
	v := newView(h)
	if v.period.String() != "2025" || len(v.periods()) != 5 {
		t.Fatalf("the window opens on %q offering %v, want 2025 of five years", v.period, v.periods())
	}
	rows := v.rows()
	if len(rows) != 1 {
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
