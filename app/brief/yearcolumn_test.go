package brief

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestAcademicYearInTheBrief: an academic-year measure's latest year,
// RED and worsened, is in the brief of the period whose column shows it:
// the quarter it ends in (QA23b D1: Jul-Sep 2025's brief left it out) and
// on a scorecard of financial years, the year of its name (D2: 2024/25's
// brief spoke of 2023/24 AY, and 2024/25 AY was in none).
func TestAcademicYearInTheBrief(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	tests := []struct {
		name   string
		other  app.Observation // a figure that sets the scorecard's cadence
		period app.Period
		want   string
	}{
		{"in the quarter it ends in", app.Observation{Ref: "LCF02", Period: app.Period{Kind: app.Quarter, Year: 2025, N: 3}, Value: f(24.5)},
			app.Period{Kind: app.Quarter, Year: 2025, N: 3}, "Children in care persistently absent from school (%): 27.0% (RED), up 5.0 pp (worsened)"},
		{"in the financial year of its name", app.Observation{Ref: "LCF02", Period: fy(2024), Value: f(20)},
			fy(2024), "Children in care persistently absent from school (%): 27.0% (RED), up 5.0 pp (worsened)"},
		{"not in the financial year before", app.Observation{Ref: "LCF02", Period: fy(2023), Value: f(20)},
			fy(2023), "Children in care persistently absent from school (%): 22.0% (RED), up 2.5 pp (worsened)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := app.Indicator{Ref: "LCA01", Name: "Children in care persistently absent from school (%)", Polarity: app.LowerBetter,
				Unit: app.Percent, Decimals: 1, DataPeriod: app.Annual, YearType: app.AcademicYear}
			other := app.Indicator{Ref: "LCF02", Name: "Re-referrals within 12 months (%)", Unit: app.Percent, Decimals: 1}
			d := app.Dataset{Indicators: []app.Indicator{other, ind}}
			for y, v := range map[int]float64{2022: 19.5, 2023: 22, 2024: 27} {
				d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: ay(y), Value: f(v)})
			}
			d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: ay(2024), Target: f(15), Floor: f(20)},
				app.Target{Ref: ind.Ref, Year: ay(2023), Target: f(15), Floor: f(20)})
			tt.other.Area = app.Kent
			d.Observations = append(d.Observations, tt.other)
			h := app.NewHistory()
			h.Apply(&d, "I0001")
			var lines []string
			for _, it := range Items(h, Options{Period: tt.period}) {
				lines = append(lines, it.Line)
			}
			if all := strings.Join(lines, "\n"); !strings.Contains(all, tt.want) {
				t.Errorf("brief of %s:\n%s\nwant a line with %q", tt.period.Label(), all, tt.want)
			}
		})
	}
}
