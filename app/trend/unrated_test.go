package trend

import (
	"testing"

	"scorecard/app"
)

// TestUnratedBySource: a council rating on a target alone (Southwark's
// re-referrals, 24.8% in Jan-Mar 2025 against a target of 20%, lower
// is better, RED in its own RAG column) got no rating and no flag
// (QA30 finding 5). Where the workbook rates a figure the app cannot,
// rag-disagrees is raised saying why; where neither rates, nothing is.
func TestUnratedBySource(t *testing.T) {
	scs01 := app.Indicator{Ref: "SCS01", Name: "Re-referrals within 12 months (%)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	fy24 := app.Period{Kind: app.FinancialYear, Year: 2024}
	q := app.Period{Kind: app.Quarter, Year: 2025, N: 1} // Jan-Mar 2025
	tests := []struct {
		name   string
		ind    app.Indicator
		target *app.Target
		source app.RAG
		want   string // the rag-disagrees detail; "" for no flag
	}{
		{"a target without a floor", scs01, &app.Target{Ref: "SCS01", Year: fy24, Target: app.Float(20)}, app.Red,
			"the workbook shows RED, but 24.8% (target 20.0%) gets no rating here: a rating needs a floor beside the target (amber between them), and none is held for 2024/25"},
		{"no target", scs01, nil, app.Red,
			"the workbook shows RED, but 24.8% gets no rating here: no target is held for 2024/25"},
		{"stay close to target without a tolerance", func() app.Indicator { i := scs01; i.Polarity = app.NearTarget; return i }(),
			&app.Target{Ref: "SCS01", Year: fy24, Target: app.Float(20)}, app.Amber,
			"the workbook shows AMBER, but 24.8% (target 20.0%) gets no rating here: a rating against a target to stay close to needs a tolerance, and none is held for 2024/25"},
		{"no polarity", func() app.Indicator { i := scs01; i.Polarity = app.PolarityNone; return i }(), nil, app.Green,
			"the workbook shows GREEN, but 24.8% gets no rating here: the indicator has no polarity (higher or lower is better), so nothing rates it"},
		{"the workbook rates nothing", scs01, &app.Target{Ref: "SCS01", Year: fy24, Target: app.Float(20)}, app.NoRAG, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(tt.ind)
			if tt.target != nil {
				h.AddTarget(*tt.target)
			}
			for i, v := range []float64{21.4, 23.0, 24.8} {
				o := app.Observation{Ref: "SCS01", Area: app.Kent, Period: q.Add(i - 2), Value: app.Float(v), Import: "I1"}
				if i == 2 {
					o.SourceRAG = tt.source
				}
				h.Add(o)
			}
			var got string
			for _, f := range Flags(h, q, Options{}) {
				if f.Kind == RAGDisagrees {
					got = f.Detail
				}
			}
			if got != tt.want {
				t.Errorf("rag-disagrees detail = %q, want %q", got, tt.want)
			}
		})
	}
}
