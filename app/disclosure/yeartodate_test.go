package disclosure

import (
	"testing"

	"scorecard/app"
)

// TestYearToDateBesideItsMonths (QA probe 11): a count in the month
// (CS01) and its year to date as an indicator of its own (CS02). April's
// Ashford 3 was withheld in both, but May's pack showed Ashford's year to
// date of 10 and its month of 7: 10 - 7 = 3. A year to date that is the
// running sum of another indicator's months is withheld wherever a month
// of its year so far is; one that is not, or that nothing ties to the
// months, is released as before.
func TestYearToDateBesideItsMonths(t *testing.T) {
	apr, may, jun := app.MonthOf(2025, 4), app.MonthOf(2025, 5), app.MonthOf(2025, 6)
	months := [][]float64{{3, 20, 30, 40}, {7, 21, 31, 41}, {6, 22, 32, 42}} // Ashford, Dover, Swale, Thanet
	sums := func() [][]float64 {
		var out [][]float64
		run := make([]float64, 4)
		for _, m := range months {
			for i, v := range m {
				run[i] += v
			}
			out = append(out, append([]float64(nil), run...))
		}
		return out
	}()
	monthly := app.Indicator{Ref: "CS01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}
	for _, tt := range []struct {
		name  string
		ytd   app.Indicator
		given [][]float64 // CS02's figures for April, May and June
		tied  bool        // CS02's May withheld with CS01's April
		may   string      // CS02's Ashford May-25, as shown
	}{
		{"named alike", app.Indicator{Ref: "CS02", Name: "Number of children starting to be looked after, year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			sums, true, "c"},
		{"named by its guidance", app.Indicator{Ref: "CS02", Name: "Care starts since April", Guidance: "The sum of CS01's months since 1 April.", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			sums, true, "c"},
		{"not its months' sums", app.Indicator{Ref: "CS02", Name: "Number of children starting to be looked after, year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			[][]float64{{13, 20, 30, 40}, {25, 41, 61, 81}, {31, 63, 93, 123}}, false, "25"},
		{"nothing ties it to the months", app.Indicator{Ref: "CS02", Name: "Care starts since April", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			sums, false, "10"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var obs [][]app.Observation
			for i, p := range []app.Period{apr, may, jun} {
				obs = append(obs, districtFigs("CS01", p, months[i]...), districtFigs("CS02", p, tt.given[i]...))
			}
			h := caseNHistory([]app.Indicator{monthly, tt.ytd}, obs...)
			got, _ := Suppress(h, DefaultThreshold)
			if s := shownFor(got, "CS01", "Ashford", apr); s != "c" {
				t.Fatalf("CS01 Ashford Apr-25 shown as %s, want c", s)
			}
			if s := shownFor(got, "CS02", "Ashford", may); s != tt.may {
				t.Errorf("CS02 Ashford May-25 shown as %s, want %s", s, tt.may)
			}
			if !tt.tied {
				return
			}
			// A year to date shown is the sum of months shown.
			for _, a := range append([]app.Area{app.Kent}, districts...) {
				held := false
				for _, p := range []app.Period{apr, may, jun} {
					held = held || shownFor(got, "CS01", a, p) == "c"
					if ytd := shownFor(got, "CS02", a, p); held && ytd != "c" {
						t.Errorf("CS02 %s %s shown as %s beside a month of its year withheld", a, p.Label(), ytd)
					}
				}
			}
			if needs, _ := Beside(h, "CS02"); len(needs) != 1 || needs[0] != "CS01" {
				t.Errorf("CS02 released alone needs %v, want CS01", needs)
			}
		})
	}
}

func TestPeriodFree(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Number of children starting to be looked after in the month", "Number of children starting to be looked after, year to date"},
		{"Referrals (in month)", "Referrals (YTD)"},
		{"Referrals - monthly", "Referrals - FYTD"},
	} {
		if periodFree(tt.a) != periodFree(tt.b) {
			t.Errorf("%q is %q, %q is %q: want the same", tt.a, periodFree(tt.a), tt.b, periodFree(tt.b))
		}
	}
	if periodFree("Referrals") == periodFree("Re-referrals") {
		t.Error("referrals and re-referrals taken for one")
	}
}
