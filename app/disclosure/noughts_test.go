package disclosure

import (
	"slices"
	"testing"

	"scorecard/app"
)

// districtMonth is one month of a count for Kent's districts, in
// kentDistricts' order, and Kent, their sum.
func districtMonth(ref string, p app.Period, vs ...float64) []app.Observation {
	var out []app.Observation
	sum := 0.0
	for i, v := range vs {
		out = append(out, app.Observation{Ref: ref, Area: kentDistricts[i], Period: p, Value: app.Float(v)})
		sum += v
	}
	return append(out, app.Observation{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(sum)})
}

// quarterOfMonths is the quarter q of every series of months: each
// area's and split's sum of them.
func quarterOfMonths(q app.Period, months []app.Observation) []app.Observation {
	type series struct {
		area  app.Area
		split app.Split
	}
	sums := map[series]float64{}
	var order []series
	for _, o := range months {
		s := series{o.Area, o.Split}
		if _, ok := sums[s]; !ok {
			order = append(order, s)
		}
		sums[s] += *o.Value
	}
	var out []app.Observation
	for _, s := range order {
		out = append(out, app.Observation{Ref: months[0].Ref, Area: s.area, Split: s.split, Period: q, Value: app.Float(sums[s])})
	}
	return out
}

// TestNoughtsDoNotNarrow (QA31 2): noughts are shown, so a reader takes
// each c for at least one child. Y01 of Apr-26 showed Kent's 6 beside
// seven districts' noughts and five c's, each then 1 or 2 (truth 1, 1,
// 2, 1, 1); Apr-25 showed Kent's 8 beside six c's, each 1 to 3. Over
// time likewise: Swale's 2025-Q4 10 less October's 6 left November and
// December, both c, 4 between them, each 1 to 3 (truth 1 and 3). No
// withheld count's range may be narrower than the threshold's 1 to 4.
func TestNoughtsDoNotNarrow(t *testing.T) {
	y01 := app.Indicator{Ref: "Y01", Name: "Number of children adopted in the year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate}
	n01 := app.Indicator{Ref: "N01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number}
	oct, nov, dec := month(2025, 10), month(2025, 11), month(2025, 12)
	q4 := app.Period{Kind: app.Quarter, Year: 2025, N: 4}
	uasc := func(p app.Period, v float64) app.Observation {
		return app.Observation{Ref: "N01", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(v)}
	}
	var months []app.Observation
	months = append(months, districtMonth("N01", oct, 2, 3, 6, 5, 3, 6, 0, 7, 6, 3, 3, 3)...)
	months = append(months, districtMonth("N01", nov, 0, 0, 4, 6, 4, 4, 4, 3, 1, 4, 6, 3)...)
	months = append(months, districtMonth("N01", dec, 6, 3, 2, 3, 6, 0, 1, 3, 3, 0, 6, 5)...)
	months = append(months, uasc(oct, 3), uasc(nov, 2), uasc(dec, 3))
	for _, tt := range []struct {
		name string
		ind  app.Indicator
		obs  []app.Observation
	}{
		{"Y01 Apr-26: Kent 6, seven noughts, five c", y01, districtMonth("Y01", month(2026, 4), 0, 1, 0, 0, 0, 1, 2, 0, 0, 1, 0, 1)},
		{"Y01 Apr-25: Kent 8, six c", y01, districtMonth("Y01", month(2025, 4), 1, 0, 0, 2, 0, 1, 2, 0, 0, 1, 1, 0)},
		{"N01 Oct-25 to Dec-25 and their quarter", n01, append(months, quarterOfMonths(q4, months)...)},
		// Years to date: Kent's 6 goes, and the noughts stay shown.
		// Taking each month's own count (May's less April's), which is
		// never printed, for at least 1, as if it were printed as c,
		// once withheld every figure of April and May.
		{"Y01 Apr-26 to Jun-26", y01, slices.Concat(
			districtMonth("Y01", month(2026, 4), 0, 1, 0, 0, 0, 1, 2, 0, 0, 1, 0, 1),
			districtMonth("Y01", month(2026, 5), 0, 3, 0, 2, 0, 1, 2, 2, 0, 1, 1, 1),
			districtMonth("Y01", month(2026, 6), 0, 5, 0, 2, 0, 1, 2, 3, 0, 2, 2, 1))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: tt.obs}, "I1")
			plain, _, _, _ := Release(h, nil, DefaultThreshold)
			base, ex, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
			truth := truthOf(tt.ind, h)
			exports := []export{exportOf(tt.ind, plain, plain, app.All), exportOf(tt.ind, base, ex, app.Excluding(app.UASC))}
			if got := recovered(equations(truth, app.Kent), truth, exports, DefaultThreshold-1); len(got) > 0 {
				t.Errorf("%d withheld counts narrowed below 1 to 4 beside the noughts, as %v", len(got), got[0])
			}
			for _, o := range tt.obs {
				k := app.SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}
				if r, _ := plain.Observation(k, o.Period); *o.Value == 0 && r.Status != app.OK {
					t.Errorf("%s %s: a nought withheld", o.Area, o.Period.Label())
				}
			}
			// The quarter against its months, area by area: the quarter
			// less the months shown is the withheld months' sum, each at
			// least 1.
			for _, k := range h.Keys() {
				q, ok := plain.Observation(k, q4)
				if !ok || q.Status != app.OK {
					continue
				}
				rest, floors, withheld := *q.Value, 0.0, 0
				for _, m := range []app.Period{oct, nov, dec} {
					o, _ := plain.Observation(k, m)
					if o.Status == app.OK {
						rest -= *o.Value
						continue
					}
					withheld++
					if v, _ := h.Observation(k, m); *v.Value >= 1 {
						floors++
					}
				}
				// A withheld month at least 1 ranges from 1 to rest less
				// the other withheld months' floors.
				if withheld > 0 && floors > 0 && rest-floors+1 < DefaultThreshold-1 {
					t.Errorf("%s %s Q4 %s shown: its %d withheld months sum to %v, each narrowed below 1 to 4", k.Area, k.Split.Label(), formatted(*q.Value), withheld, rest)
				}
			}
		})
	}
}
