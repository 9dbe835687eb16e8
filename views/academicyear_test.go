package views

import (
	"testing"

	"scorecard/app"
)

// TestViewOfAcademicYearsBesideFinancial: in a store of financial years,
// the window's row of an academic-year measure shows the academic year
// of the same name, rated against that year's target, as the export does
// (QA23b D2: each academic year stood a column late, and the latest,
// RED and worsened, in no year the window offered).
func TestViewOfAcademicYearsBesideFinancial(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	d := &app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "CAM02", Name: "Care leavers in education, employment or training (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1},
			{Ref: "CAM03", Name: "Key stage 4 attainment 8 of children in care", Polarity: app.HigherBetter, Unit: app.Number,
				DataPeriod: app.Annual, YearType: app.AcademicYear},
		},
		Targets: []app.Target{{Ref: "CAM03", Year: ay(2024), Target: app.Float(25), Floor: app.Float(20)}},
	}
	for i, v := range []float64{24, 26, 19} {
		d.Observations = append(d.Observations,
			app.Observation{Ref: "CAM02", Area: app.Kent, Period: fy(2022 + i), Value: app.Float(60)},
			app.Observation{Ref: "CAM03", Area: app.Kent, Period: ay(2022 + i), Value: app.Float(v)})
	}
	h := app.NewHistory()
	h.Apply(d, "I0001")
	tests := []struct {
		period    app.Period
		cur, prev float64
		rag       app.RAG
		dot       app.DoT
	}{
		{fy(2024), 19, 26, app.Red, app.Worsened},
		{fy(2023), 26, 24, app.NoRAG, app.Improved},
	}
	for _, tt := range tests {
		t.Run(tt.period.Label(), func(t *testing.T) {
			v := newView(h, app.DefaultAuthority())
			v.period = tt.period
			for _, r := range v.rows() {
				if r.ind.Ref != "CAM03" {
					continue
				}
				cur, _ := r.cur.Figure()
				prev, _ := r.prev.Figure()
				if !r.hasCur || cur != tt.cur || !r.hasPrev || prev != tt.prev || r.rag != tt.rag || r.dot != tt.dot {
					t.Errorf("CAM03 in %s: %v (%v), previous %v (%v), RAG %q, DoT %q; want %v against %v, %q, %q",
						tt.period.Label(), cur, r.hasCur, prev, r.hasPrev, r.rag, r.dot, tt.cur, tt.prev, tt.rag, tt.dot)
				}
				return
			}
			t.Errorf("no row for CAM03")
		})
	}
}
