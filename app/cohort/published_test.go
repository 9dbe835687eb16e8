package cohort

import (
	"math"
	"strings"
	"testing"

	"scorecard/app"
)

// TestExcludeMeasureOfNoChildren guards QA30 13: a measure of schools,
// pupils or staff, read so from its definition (app.Indicator.Counts),
// has no part a split of children takes out. Without a split in the
// source its figures excluding UASC are the published ones, saying so,
// not "cannot exclude: the source gives no figure for UASC"; with one
// they are worked out as any other's; a measure of children without one
// still cannot be excluded.
func TestExcludeMeasureOfNoChildren(t *testing.T) {
	none := math.NaN()
	uasc := app.Only(app.UASC)
	tests := []struct {
		name      string
		ind       app.Indicator
		obs       []app.Observation
		want      float64 // NaN: cannot exclude
		wantRule  string
		wantWhole bool // the figure is the published one, components and all
	}{
		{"schools, no split",
			app.Indicator{Ref: "ED03", Name: "Schools judged good or outstanding (%)", Unit: app.Percent, Measure: app.Proportion},
			[]app.Observation{fig("ED03", app.All, 95, 76, 80)},
			95, "a measure of schools, shown as published (no UASC split applies)", true},
		{"social workers, no split",
			app.Indicator{Ref: "SCS03", Name: "Average social worker caseload", Measure: app.Mean},
			[]app.Observation{fig("SCS03", app.All, 14.6, none, none)},
			14.6, "a measure of social workers, shown as published (no UASC split applies)", true},
		{"pupils, by the guidance's denominator",
			app.Indicator{Ref: "ED02", Name: "Persistent absence (%)", Guidance: "Denominator: pupils on roll in the autumn and spring terms.", Unit: app.Percent, Measure: app.Proportion},
			[]app.Observation{fig("ED02", app.All, 20.3, 2030, 10000)},
			20.3, "a measure of pupils, shown as published (no UASC split applies)", true},
		{"pupils, with a UASC split in the source",
			app.Indicator{Ref: "ED02", Name: "Pupils persistently absent (%)", Unit: app.Percent, Decimals: 1, Measure: app.Proportion},
			[]app.Observation{fig("ED02", app.All, 20.3, 2030, 10000), fig("ED02", uasc, 50, 30, 60)},
			20.12, "", false}, // (2030 - 30) / (10000 - 60)
		{"children, no split",
			app.Indicator{Ref: "SCS01", Name: "Re-referrals to children's social care within 12 months (%)", Unit: app.Percent, Measure: app.Proportion},
			[]app.Observation{fig("SCS01", app.All, 24.8, 248, 1000)},
			none, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history(tt.ind, tt.obs...)
			ex, _ := Exclude(h, []app.Cohort{app.UASC})
			got, ok := ex.Observation(app.SeriesKey{Ref: tt.ind.Ref, Area: app.Kent}, mar25)
			if !ok {
				t.Fatal("no figure excluding UASC")
			}
			if math.IsNaN(tt.want) {
				if got.Status != app.CannotExclude {
					t.Errorf("status %q value %v, want cannot exclude", got.Status, ptr(got.Value))
				}
				return
			}
			if got.Status != app.OK || got.Value == nil || math.Abs(*got.Value-tt.want) > 0.05 {
				t.Fatalf("= %v %q (%s), want %v", ptr(got.Value), got.Status, got.Raw, tt.want)
			}
			if tt.wantWhole && !got.SameFigures(tt.obs[0]) {
				t.Errorf("= %+v, want the published figure %+v", got, tt.obs[0])
			}
			if tt.wantRule != "" && got.Rule != tt.wantRule {
				t.Errorf("rule %q, want %q", got.Rule, tt.wantRule)
			}
			if tt.wantRule == "" && strings.Contains(got.Rule, "as published") {
				t.Errorf("rule %q: worked out from the source's split, not as published", got.Rule)
			}
			if a := Affects(h, tt.ind, app.Kent, []app.Cohort{app.UASC}); a == tt.wantWhole {
				t.Errorf("Affects = %v, want %v", a, !tt.wantWhole)
			}
		})
	}
}
