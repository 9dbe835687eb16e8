package disclosure

import (
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestSumsTiedByTheirFigures (the sums-of-months campaign of the
// forty-fourth session): a rolling year, a quarter or a year to date is
// tied to the monthly indicators its figures bear out, and withheld
// wherever a month it takes in is, through what its figures look like in
// real scorecards: sums a revision has put off (early or mid-series,
// more than one in ten), a stale copy of some months beside the months,
// a month a year unreported so that no sum is whole, sums given for
// quarters, a calendar year to date, a year's figure given alone beside
// months or quarters. Each had left months a reader
// recovered by subtraction. A
// rare count's noughts tie it to no other rare count.
func TestSumsTiedByTheirFigures(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	quarter := func(m int) app.Period { // the quarter whose last month is month(m)
		p := month(m)
		return app.Period{Kind: app.Quarter, Year: p.Year, N: (p.N + 2) / 3}
	}
	const n = 24
	base := func() [][]float64 { return districtMonths(n) }
	monthly := app.Indicator{Ref: "AD01", Name: "Children adopted in the month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}
	rolling := app.Indicator{Ref: "AD02", Name: "Adoptions over the previous twelve months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12}
	named := rolling
	named.Guidance = "The sum of AD01 over the last 12 months."
	ytd := app.Indicator{Ref: "AD02", Name: "Adoptions since April", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear}
	calendar := app.Indicator{Ref: "AD02", Name: "Children adopted, calendar year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate}
	thisQuarter := app.Indicator{Ref: "AD02", Name: "Adoptions this quarter", Measure: app.Count, Unit: app.Number}
	type sumAt struct {
		p           app.Period
		first, last int // the months it takes in
	}
	rollingYears := func() (out []sumAt) {
		for m := 11; m < n; m++ {
			out = append(out, sumAt{month(m), m - 11, m})
		}
		return out
	}
	quarters := func(ytd bool) (out []sumAt) {
		for m := 2; m < n; m += 3 {
			first := m - 2
			if ytd {
				first = m - m%12 // the months since April
			}
			out = append(out, sumAt{quarter(m), first, m})
		}
		return out
	}
	fullYear := app.Indicator{Ref: "AD02", Name: "Children adopted, full year", Measure: app.Count, Unit: app.Number}
	years := func() []sumAt {
		return []sumAt{{app.Period{Kind: app.FinancialYear, Year: 2024}, 0, 11}, {app.Period{Kind: app.FinancialYear, Year: 2025}, 12, 23}}
	}
	calendarYears := func() (out []sumAt) {
		for m := 9; m < n; m++ { // from January 2025
			out = append(out, sumAt{month(m), m - (month(m).N - 1), m})
		}
		return out
	}
	for _, tt := range []struct {
		name string
		sum  app.Indicator
		sums func() []sumAt
		// revise changes months after the sums were made from them;
		// unreported months have no figure.
		revise     func(months [][]float64)
		unreported []int
		stale      int  // months 0 to stale-1 copied as AD00, sorting first; 0 for none
		small      int  // a month more when Ashford's is small; 0 for none
		quarterly  bool // AD01 given for quarters, the sums of its months
		want       []string
	}{
		{"a revision puts off its first sums", rolling, rollingYears,
			func(ms [][]float64) { ms[0][0]++; ms[1][0]++; ms[2][0]++ }, nil, 0, 0, false, []string{"AD01", "AD02"}},
		{"a month revised mid-series puts off one sum in three", named, rollingYears,
			func(ms [][]float64) { ms[12][1]++; ms[12][2]++ }, nil, 0, 0, false, []string{"AD01", "AD02"}},
		{"a stale copy of the first year's months", rolling, rollingYears,
			nil, nil, 12, 0, false, []string{"AD00", "AD01", "AD02"}},
		{"a month a year unreported, so that no sum is whole", rolling, rollingYears,
			nil, []int{5, 17}, 0, 0, false, []string{"AD01", "AD02"}},
		{"a year to date given for quarters", ytd, func() []sumAt { return quarters(true) },
			nil, nil, 0, 0, false, []string{"AD01", "AD02"}},
		{"a quarter named so, given for quarters", thisQuarter, func() []sumAt { return quarters(false) },
			nil, nil, 0, 0, false, []string{"AD01", "AD02"}},
		// February 2025's month withheld: every sum to December takes
		// it in, though none counted from April would.
		// A year's figure in an indicator of its own, the sum of
		// another's months or quarters, told a month or quarter by the
		// year less the rest.
		{"a year given alone", fullYear, years,
			nil, nil, 0, 0, false, []string{"AD01", "AD02"}},
		{"a year of quarters", fullYear, years,
			nil, nil, 0, 0, true, []string{"AD01", "AD02"}},
		{"a calendar year to date", calendar, calendarYears,
			nil, nil, 0, 10, false, []string{"AD01", "AD02"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			months := base()
			if tt.small > 0 {
				months[tt.small][0] = 2
			}
			if tt.quarterly {
				// Ashford's July to September 2024 a quarter of 2.
				months[3][0], months[4][0], months[5][0] = 1, 0, 1
			}
			sums := tt.sums()
			var obs [][]app.Observation
			for _, s := range sums {
				total := make([]float64, 4)
				for m := s.first; m <= s.last; m++ {
					for d, v := range months[m] {
						total[d] += v
					}
				}
				obs = append(obs, districtFigs("AD02", s.p, total...))
			}
			if tt.revise != nil {
				tt.revise(months)
			}
			for m, row := range months {
				switch {
				case tt.quarterly && m%3 == 2:
					q := make([]float64, 4)
					for j := m - 2; j <= m; j++ {
						for d, v := range months[j] {
							q[d] += v
						}
					}
					obs = append(obs, districtFigs("AD01", quarter(m), q...))
				case !tt.quarterly && !slices.Contains(tt.unreported, m):
					obs = append(obs, districtFigs("AD01", month(m), row...))
				}
				if m < tt.stale {
					obs = append(obs, districtFigs("AD00", month(m), row...))
				}
			}
			inds := []app.Indicator{monthly, tt.sum}
			if tt.stale > 0 {
				inds = append(inds, app.Indicator{Ref: "AD00", Name: "Children adopted (old definition)", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly})
			}
			h := caseNHistory(inds, obs...)
			got, _ := Suppress(h, DefaultThreshold)
			tested := 0
			for _, s := range sums {
				held := false
				for m := s.first; m <= s.last; m++ {
					at := month(m)
					if tt.quarterly {
						at = quarterOf(at)
					}
					held = held || shownFor(got, "AD01", "Ashford", at) == "c"
				}
				if !held {
					continue
				}
				tested++
				if v := shownFor(got, "AD02", "Ashford", s.p); v != "c" {
					t.Errorf("AD02 Ashford %s shown as %s beside a month it takes in withheld", s.p.Label(), v)
				}
			}
			if tested == 0 {
				t.Fatal("no sum takes in a month withheld: nothing tested")
			}
			if held := releasedAloneHolds(t, h, "AD02"); !slices.Equal(held, tt.want) {
				t.Errorf("AD02 released alone holds %v, want %v", held, tt.want)
			}
		})
	}
}

// TestRareNoughtsTieNothing: a rolling quarter of a rare count is tied
// to its months, not to another rare count whose noughts match its own
// (which withheld noughts a reader works out from the months shown).
func TestRareNoughtsTieNothing(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	rare := func(m, d int, seed int) float64 {
		if (m*7+d*3+seed)%11 == 0 {
			return float64(1 + (m+d)%2)
		}
		return 0
	}
	var obs [][]app.Observation
	for m := range 18 {
		var a, b []float64
		for d := range 4 {
			a, b = append(a, rare(m, d, 0)), append(b, rare(m, d, 5))
		}
		obs = append(obs, districtFigs("SW01", month(m), a...), districtFigs("SW02", month(m), b...))
		if m >= 2 {
			sum := make([]float64, 4)
			for j := m - 2; j <= m; j++ {
				for d := range 4 {
					sum[d] += rare(j, d, 0)
				}
			}
			obs = append(obs, districtFigs("SW03", month(m), sum...))
		}
	}
	h := caseNHistory([]app.Indicator{
		{Ref: "SW01", Name: "Children placed in secure children's homes", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
		{Ref: "SW02", Name: "Secure welfare placements", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
		{Ref: "SW03", Name: "Secure placements in the last 3 months", Measure: app.Count, Unit: app.Number},
	}, obs...)
	if got := confirmedMonthsSummed(h)["SW03"]; !slices.Equal(got, []string{"SW01"}) {
		t.Errorf("SW03 tied to %v, want SW01 alone", got)
	}
	if held := releasedAloneHolds(t, h, "SW03"); !slices.Equal(held, []string{"SW01", "SW03"}) {
		t.Errorf("SW03 released alone holds %v, want SW01 beside it", held)
	}
}

// TestPercentageOverACountsMonths (the second campaign of the
// forty-fourth session): a rolling year's percentage whose children
// counted (its denominators) are the sums of a count's months, named
// apart. The year to May's denominator less the year to April's is May's
// count less May a year before's, which recovered every month withheld
// beside it; so does a numerator. The percentage is withheld wherever a
// month its counts take in is.
func TestPercentageOverACountsMonths(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	const n = 20
	months := districtMonths(n)
	for _, part := range []string{"denominator", "numerator"} {
		t.Run(part, func(t *testing.T) {
			var obs []app.Observation
			for m, row := range months {
				obs = append(obs, districtFigs("AD01", month(m), row...)...)
			}
			for m := 11; m < n; m++ {
				var kn, kd float64
				for d, a := range districts {
					var c float64
					for j := m - 11; j <= m; j++ {
						c += months[j][d]
					}
					num, den := float64(int(c*0.6)), c
					if part == "numerator" {
						num, den = c, c+float64(50+d)
					}
					kn, kd = kn+num, kd+den
					obs = append(obs, app.Observation{Ref: "TA01", Area: a, Split: app.All, Period: month(m), Value: app.Float(100 * num / den), Numerator: app.Float(num), Denominator: app.Float(den), Status: app.OK})
				}
				obs = append(obs, app.Observation{Ref: "TA01", Area: app.Kent, Split: app.All, Period: month(m), Value: app.Float(100 * kn / kd), Numerator: app.Float(kn), Denominator: app.Float(kd), Status: app.OK})
			}
			h := caseNHistory([]app.Indicator{
				{Ref: "AD01", Name: "Number of children adopted", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
				{Ref: "TA01", Name: "Timely adoptions, previous twelve months (%)", Measure: app.Proportion, Unit: app.Percent, DataPeriod: app.Rolling12},
			}, obs)
			got, _ := Suppress(h, DefaultThreshold)
			tested := 0
			for m := 11; m < n; m++ {
				held := false
				for j := m - 11; j <= m; j++ {
					held = held || shownFor(got, "AD01", "Ashford", month(j)) == "c"
				}
				if !held {
					continue
				}
				tested++
				if v := shownFor(got, "TA01", "Ashford", month(m)); v != "c" {
					t.Errorf("TA01 Ashford %s shown as %s beside a month its %s takes in withheld", month(m).Label(), v, part)
				}
			}
			if tested == 0 {
				t.Fatal("no year takes in a month withheld: nothing tested")
			}
			if got := confirmedMonthsSummed(h)["TA01"]; !slices.Equal(got, []string{"AD01"}) {
				t.Errorf("TA01 tied to %v, want AD01", got)
			}
		})
	}
}

// TestYearOfQuartersOfMonths (the review of the forty-fourth session): a
// year (AA01) sums quarters (QQ01) that sum months (MM01). Worked out
// before the quarters, whose Ref sorts after its own, the year was shown
// beside a quarter withheld for a month of 2, and the year less the
// quarters shown told the quarter; released alone, the year held the
// quarters but not their months, so it did not know which quarter the
// month withheld. Each sum is released after what it sums, and a release
// alone reads down to the months.
func TestYearOfQuartersOfMonths(t *testing.T) {
	quarter := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	var obs []app.Observation
	yearTotal := make([]float64, 4)
	for qi, q := range []app.Period{quarter(2024, 2), quarter(2024, 3), quarter(2024, 4), quarter(2025, 1)} {
		qs := make([]float64, 4)
		for mi := range 3 {
			m := app.MonthOf(q.Year, time.Month(3*q.N-2+mi))
			row := []float64{float64(10 + mi + qi), float64(20 + mi), float64(30 + qi), float64(40 + mi)}
			if qi == 3 && mi == 1 {
				row[0] = 2 // Ashford, February 2025
			}
			if qi == 3 {
				// Months given from January alone: the year is
				// tied to the quarters, and through them to these.
				obs = append(obs, districtFigs("MM01", m, row...)...)
			}
			for d, v := range row {
				qs[d] += v
			}
		}
		obs = append(obs, districtFigs("QQ01", q, qs...)...)
		for d, v := range qs {
			yearTotal[d] += v
		}
	}
	obs = append(obs, districtFigs("AA01", app.Period{Kind: app.FinancialYear, Year: 2024}, yearTotal...)...)
	h := caseNHistory([]app.Indicator{
		{Ref: "AA01", Name: "Children adopted, full year", Measure: app.Count, Unit: app.Number},
		{Ref: "MM01", Name: "Children adopted in the month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
		{Ref: "QQ01", Name: "Adoptions", Measure: app.Count, Unit: app.Number, DataPeriod: app.QuarterPeriod},
	}, obs)
	got, _ := Suppress(h, DefaultThreshold)
	if v := shownFor(got, "MM01", "Ashford", app.MonthOf(2025, time.February)); v != "c" {
		t.Fatalf("MM01 Ashford Feb-25 shown as %s, want c", v)
	}
	for _, k := range []struct {
		ref string
		p   app.Period
	}{{"QQ01", quarter(2025, 1)}, {"AA01", app.Period{Kind: app.FinancialYear, Year: 2024}}} {
		if v := shownFor(got, k.ref, "Ashford", k.p); v != "c" {
			t.Errorf("%s Ashford %s shown as %s beside a month it takes in withheld", k.ref, k.p.Label(), v)
		}
	}
	if held := releasedAloneHolds(t, h, "AA01"); !slices.Equal(held, []string{"AA01", "MM01", "QQ01"}) {
		t.Errorf("AA01 released alone holds %v, want its quarters and their months", held)
	}
}

// TestLikeNamedMonthsBelied (the review of the forty-fourth session): a
// year to date named like a monthly indicator whose figures are not its
// months ("... this month", another count) is tied by its figures to the
// months it does sum, not left untied by the name.
func TestLikeNamedMonthsBelied(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2025, time.April).Add(m) }
	var obs []app.Observation
	run := make([]float64, 4)
	for m := range 6 {
		row := []float64{float64(10 + m), float64(20 + m%3), float64(30 + m%2), float64(40 + m%4)}
		if m == 4 {
			row[0] = 2
		}
		other := []float64{float64(50 + m*m), float64(60 + m), float64(70 + 2*m), float64(80 + m%3)}
		for d, v := range row {
			run[d] += v
		}
		obs = append(obs, districtFigs("CS01", month(m), row...)...)
		obs = append(obs, districtFigs("CS02", month(m), other...)...)
		obs = append(obs, districtFigs("CS03", month(m), run...)...)
	}
	h := caseNHistory([]app.Indicator{
		{Ref: "CS01", Name: "Number of children starting care in the month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
		{Ref: "CS02", Name: "Number of children starting care this month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly},
		{Ref: "CS03", Name: "Number of children starting care, year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
	}, obs)
	if got := confirmedMonthsSummed(h)["CS03"]; !slices.Equal(got, []string{"CS01"}) {
		t.Errorf("CS03 tied to %v, want CS01", got)
	}
	got, _ := Suppress(h, DefaultThreshold)
	if v := shownFor(got, "CS03", "Ashford", month(4)); v != "c" {
		t.Errorf("CS03 Ashford Aug-25 shown as %s beside its month withheld", v)
	}
	if held := releasedAloneHolds(t, h, "CS03"); !slices.Contains(held, "CS01") {
		t.Errorf("CS03 released alone holds %v, want CS01 among them", held)
	}
}

// districtMonths are n months' counts of the four districts, Ashford's
// small every fifth month.
func districtMonths(n int) [][]float64 {
	var out [][]float64
	for m := range n {
		row := []float64{float64(10 + m%7), float64(20 + m%5), float64(30 + m%3), float64(40 + m%4)}
		if m%5 == 3 {
			row[0] = float64(1 + m%3)
		}
		out = append(out, row)
	}
	return out
}
