package disclosure

import (
	"slices"
	"testing"
	"time"

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
	notSums := [][]float64{{13, 25, 36, 47}, {25, 47, 68, 90}, {32, 70, 99, 131}}
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
		// Neither its sums nor its steps from month to month are the
		// months', in any area: no reader can subtract across them.
		{"not its months' sums", app.Indicator{Ref: "CS02", Name: "Number of children starting to be looked after, year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			notSums, false, "25"},
		// Named apart, and its guidance naming nothing: its figures,
		// the running sums of CS01's, tie it as surely.
		{"tied by its figures alone", app.Indicator{Ref: "CS02", Name: "Care starts since April", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			sums, true, "c"},
		{"nothing ties it to the months", app.Indicator{Ref: "CS02", Name: "Care starts since April", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate, YearType: app.FinancialYear},
			notSums, false, "25"},
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
			if held := releasedAloneHolds(t, h, "CS02"); !slices.Equal(held, []string{"CS01", "CS02"}) {
				t.Errorf("CS02 released alone holds %v, want CS01 beside it", held)
			}
		})
	}
}

func TestPeriodFree(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Number of children starting to be looked after in the month", "Number of children starting to be looked after, year to date"},
		{"Referrals (in month)", "Referrals (YTD)"},
		{"Referrals - monthly", "Referrals - FYTD"},
		{"Adoptions in month", "Adoptions (12 month rolling)"},
		{"Adoptions in the month", "Adoptions in the past 12 months"},
	} {
		if periodFree(tt.a) != periodFree(tt.b) {
			t.Errorf("%q is %q, %q is %q: want the same", tt.a, periodFree(tt.a), tt.b, periodFree(tt.b))
		}
	}
	if periodFree("Referrals") == periodFree("Re-referrals") {
		t.Error("referrals and re-referrals taken for one")
	}
}

// TestRollingYearAndQuarterBesideTheirMonths (the export campaign of the
// forty-third session): a count in the month (AD01) beside its rolling
// year and its quarter as indicators of their own. Each withheld month
// was recovered from the sums shown: the year to May less the year to
// April is May less May a year before, a quarter less two of its months
// the third. A sum of months shown takes in no month withheld; a sum
// that is not its months' is released as before.
func TestRollingYearAndQuarterBesideTheirMonths(t *testing.T) {
	// Fifteen months of four districts, Ashford's small three times.
	var months [][]float64
	for m := range 15 {
		row := []float64{float64(10 + m%7), float64(20 + m%5), float64(30 + m%3), float64(40 + m%4)}
		if m == 3 || m == 8 || m == 13 {
			row[0] = float64(1 + m%3)
		}
		months = append(months, row)
	}
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	rollingYears := func() (ps []app.Period, spans [][2]int) {
		for m := 11; m < 15; m++ {
			ps, spans = append(ps, month(m)), append(spans, [2]int{m - 11, m})
		}
		return ps, spans
	}
	rollingQuarters := func() (ps []app.Period, spans [][2]int) {
		for m := 2; m < 15; m++ {
			ps, spans = append(ps, month(m)), append(spans, [2]int{m - 2, m})
		}
		return ps, spans
	}
	monthly := app.Indicator{Ref: "AD01", Name: "Number of children adopted in the month", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}
	for _, tt := range []struct {
		name string
		sum  app.Indicator
		// periods and the months each takes in, as indexes of months
		periods func() (ps []app.Period, spans [][2]int)
		off     bool // the sums given are not the months'
		// one sum a month revised since puts off, and April's month
		// unreported, as it is in every window
		revised, unreported bool
	}{
		{"a rolling year, named alike", app.Indicator{Ref: "AD02", Name: "Number of children adopted in the last 12 months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12},
			rollingYears, false, false, false},
		{"a quarter, named by its guidance", app.Indicator{Ref: "AD02", Name: "Adoptions", Guidance: "The sum of AD01 over the quarter's three months.", Measure: app.Count, Unit: app.Number, DataPeriod: app.QuarterPeriod},
			func() (ps []app.Period, spans [][2]int) {
				for m := 0; m+2 < 15; m += 3 {
					q := month(m + 2)
					ps, spans = append(ps, app.Period{Kind: app.Quarter, Year: q.Year, N: (q.N + 2) / 3}), append(spans, [2]int{m, m + 2})
				}
				return ps, spans
			}, false, false, false},
		{"a rolling year not its months' sums", app.Indicator{Ref: "AD02", Name: "Number of children adopted in the last 12 months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12},
			rollingYears, true, false, false},
		{"a rolling quarter, one sum in thirteen off by a revision", app.Indicator{Ref: "AD02", Name: "Adoptions", Guidance: "The sum of AD01 over the three months to the month.", Measure: app.Count, Unit: app.Number, DataPeriod: app.QuarterPeriod},
			rollingQuarters, false, true, false},
		{"a rolling year with no data period, named alike", app.Indicator{Ref: "AD02", Name: "Number of children adopted (rolling year)", Measure: app.Count, Unit: app.Number},
			rollingYears, false, false, false},
		{"a rolling quarter with no data period, named alike", app.Indicator{Ref: "AD02", Name: "Number of children adopted in the last 3 months", Measure: app.Count, Unit: app.Number},
			rollingQuarters, false, false, false},
		{"a rolling year tied by its figures alone", app.Indicator{Ref: "AD02", Name: "Adoptions over the previous twelve months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12},
			rollingYears, false, false, false},
		{"a quarter tied by its figures alone", app.Indicator{Ref: "AD02", Name: "Adoptions", Measure: app.Count, Unit: app.Number, DataPeriod: app.QuarterPeriod},
			rollingQuarters, false, false, false},
		{"a rolling year its figures do not tie", app.Indicator{Ref: "AD02", Name: "Adoptions over the previous twelve months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12},
			rollingYears, true, false, false},
		{"a rolling year, a month a year unreported", app.Indicator{Ref: "AD02", Name: "Adoptions", Guidance: "The sum of AD01 over the last 12 months.", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12},
			rollingYears, false, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var obs [][]app.Observation
			for m, row := range months {
				if tt.unreported && month(m).N == 4 {
					continue
				}
				obs = append(obs, districtFigs("AD01", month(m), row...))
			}
			ps, spans := tt.periods()
			for i, p := range ps {
				sum := make([]float64, 4)
				for m := spans[i][0]; m <= spans[i][1]; m++ {
					for d, v := range months[m] {
						sum[d] += v
					}
				}
				if tt.revised && i == 0 {
					sum[1]++
				}
				if tt.off {
					// Off in every area, and by a different amount each
					// period, so that no step is its months' either.
					for d := range sum {
						sum[d] += float64((i + 1) * (d + 1))
					}
				}
				obs = append(obs, districtFigs("AD02", p, sum...))
			}
			h := caseNHistory([]app.Indicator{monthly, tt.sum}, obs...)
			got, _ := Suppress(h, DefaultThreshold)
			withheldIn := 0
			for i, p := range ps {
				held := false
				for m := spans[i][0]; m <= spans[i][1]; m++ {
					held = held || shownFor(got, "AD01", "Ashford", month(m)) == "c"
				}
				if held {
					withheldIn++
				}
				if s := shownFor(got, "AD02", "Ashford", p); held && s != "c" && !tt.off {
					t.Errorf("AD02 Ashford %s shown as %s beside a month it takes in withheld", p, s)
				}
			}
			if withheldIn == 0 {
				t.Fatal("no sum takes in a month withheld: nothing tested")
			}
			if tt.off {
				if s := shownFor(got, "AD02", "Ashford", ps[0]); s == "c" {
					t.Errorf("AD02 Ashford %s withheld, though the sums are not its months'", ps[0])
				}
				return
			}
			if held := releasedAloneHolds(t, h, "AD02"); !slices.Equal(held, []string{"AD01", "AD02"}) {
				t.Errorf("AD02 released alone holds %v, want AD01 beside it", held)
			}
		})
	}
}

// TestRollingPercentageBesideItsMonths (the export campaign of the
// forty-third session): a percentage given with counts in the month
// beside its rolling year, also given with counts. The year to April's
// numerator less the year to March's is April's less April a year
// before's, and so for the denominators: April's withheld 1 of 1 was
// recovered so. A rolling percentage whose numerators and denominators
// are its months' sums is withheld wherever a month it takes in is.
func TestRollingPercentageBesideItsMonths(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2024, time.April).Add(m) }
	monthly := app.Indicator{Ref: "M01", Name: "Adoptions within 12 months of decision in month (%)", Measure: app.Proportion, Unit: app.Percent, DataPeriod: app.Monthly}
	rolling := app.Indicator{Ref: "S01", Name: "Adoptions within 12 months of decision in the last 12 months (%)", Measure: app.Proportion, Unit: app.Percent, DataPeriod: app.Rolling12}
	fig := func(ref string, area app.Area, p app.Period, n, d float64) app.Observation {
		return app.Observation{Ref: ref, Area: area, Split: app.All, Period: p, Value: app.Float(100 * n / d), Numerator: app.Float(n), Denominator: app.Float(d), Status: app.OK}
	}
	type nd struct{ n, d float64 }
	var obs []app.Observation
	months := map[app.Area][]nd{}
	for i, a := range districts {
		for m := range 16 {
			d := float64(20 + (m*7+i*3)%11)
			if i == 0 && m%5 == 3 {
				d = 1 // Ashford's small months
			}
			n := float64(int(d) * (60 + (m+i)%30) / 100)
			months[a] = append(months[a], nd{n, d})
			obs = append(obs, fig("M01", a, month(m), n, d))
		}
	}
	for m := range 16 {
		var kn, kd float64
		for _, a := range districts {
			kn, kd = kn+months[a][m].n, kd+months[a][m].d
		}
		obs = append(obs, fig("M01", app.Kent, month(m), kn, kd))
	}
	for m := 11; m < 16; m++ {
		var kn, kd float64
		for _, a := range districts {
			var n, d float64
			for j := m - 11; j <= m; j++ {
				n, d = n+months[a][j].n, d+months[a][j].d
			}
			obs = append(obs, fig("S01", a, month(m), n, d))
			kn, kd = kn+n, kd+d
		}
		obs = append(obs, fig("S01", app.Kent, month(m), kn, kd))
	}
	h := caseNHistory([]app.Indicator{monthly, rolling}, obs)
	got, _ := Suppress(h, DefaultThreshold)
	tested := 0
	for m := 11; m < 16; m++ {
		held := false
		for j := m - 11; j <= m; j++ {
			held = held || shownFor(got, "M01", "Ashford", month(j)) == "c"
		}
		if !held {
			continue
		}
		tested++
		if s := shownFor(got, "S01", "Ashford", month(m)); s != "c" {
			t.Errorf("S01 Ashford %s shown as %s beside a month it takes in withheld", month(m), s)
		}
	}
	if tested == 0 {
		t.Fatal("no rolling year takes in a month withheld: nothing tested")
	}
}

// TestSpanByName: a count whose Data Period is unstated or monthly is a
// sum of months where its name says so, for its own rolling identities
// (rollingCount) as for its tie to its months.
func TestSpanByName(t *testing.T) {
	for _, tt := range []struct {
		ind     app.Indicator
		span    app.DataPeriod
		rolling bool
	}{
		{app.Indicator{Name: "Adoptions (rolling year)", Measure: app.Count, Unit: app.Number}, app.Rolling12, true},
		{app.Indicator{Name: "Adoptions in the last 3 months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}, app.QuarterPeriod, false},
		{app.Indicator{Name: "Adoptions in month", Measure: app.Count, Unit: app.Number}, "", false},
		{app.Indicator{Name: "Adoptions (12 month rolling)", Measure: app.Count, Unit: app.Number}, app.Rolling12, true},
		{app.Indicator{Name: "Adoptions, rolling twelve months", Measure: app.Count, Unit: app.Number, DataPeriod: app.Monthly}, app.Rolling12, true},
		{app.Indicator{Name: "Adoptions in the past 12 months", Measure: app.Count, Unit: app.Number}, app.Rolling12, true},
		{app.Indicator{Name: "Adoptions (rolling year)", Measure: app.Count, Unit: app.Number, DataPeriod: app.Snapshot}, "", false},
		{app.Indicator{Name: "Adoptions", Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12}, app.Rolling12, true},
	} {
		if got := spanOf(tt.ind); got != tt.span {
			t.Errorf("%q (%s): span %q, want %q", tt.ind.Name, tt.ind.DataPeriod, got, tt.span)
		}
		if got := rollingCount(tt.ind); got != tt.rolling {
			t.Errorf("%q (%s): rolling count %v, want %v", tt.ind.Name, tt.ind.DataPeriod, got, tt.rolling)
		}
	}
}

// releasedAloneHolds returns the indicators whose figures a release of
// ref alone holds (Reader.WithBeside), reading each indicator's figures
// from h.
func releasedAloneHolds(t *testing.T, h *app.History, ref string) []string {
	t.Helper()
	rd := NewReader(aloneFrom(h))
	alone, err := rd.Load(ref)
	if err != nil {
		t.Fatal(err)
	}
	both, err := rd.WithBeside(ref, alone)
	if err != nil {
		t.Fatal(err)
	}
	return refsHeld(both)
}

// aloneFrom reads one indicator's figures from whole, with every
// definition, as a store's LoadIndicator does.
func aloneFrom(whole *app.History) func(ref string) (*app.History, error) {
	return func(ref string) (*app.History, error) {
		h := app.NewHistory()
		h.AddIndicators(whole.Indicators())
		h.Gather(whole, ref, func(app.Observation) bool { return true })
		return h, nil
	}
}

// refsHeld are the indicators h holds figures of, sorted.
func refsHeld(h *app.History) []string {
	var held []string
	for _, k := range h.Keys() {
		if !slices.Contains(held, k.Ref) {
			held = append(held, k.Ref)
		}
	}
	slices.Sort(held)
	return held
}
