package disclosure

import (
	"math"
	"testing"

	"scorecard/app"
)

// everyPeriod takes months, quarters and years alike into an audit.
func everyPeriod(app.Period) bool { return true }

// ownCount is the cell of the count of month m's own events that a
// reader works out from two years to date (never printed).
func ownCount(c cellAt) cellAt {
	c.comp += 10
	return c
}

// timeEquations are the sums over time a reader can write among one
// series' counts, written apart from periods.go so as to check it: a
// calendar quarter is its three months, and for a count of events year
// to date, a month's figure less the month before's is the month's own
// count (ownCount, added to truth). Each is kept where it holds on the
// true figures.
func timeEquations(ind app.Indicator, truth map[cellAt]float64) [][]auditTerm {
	var out [][]auditTerm
	for c, v := range truth {
		if math.IsNaN(v) || c.comp >= 10 {
			continue
		}
		switch {
		case c.period.Kind == app.Quarter:
			eq := []auditTerm{{c, -1}}
			sum := 0.0
			for i := range 3 {
				m := cellAt{c.area, c.split, app.Period{Kind: app.Month, Year: c.period.Year, N: (c.period.N-1)*3 + 1 + i}, c.comp}
				mv, ok := truth[m]
				if !ok || math.IsNaN(mv) {
					eq = nil
					break
				}
				sum += mv
				eq = append(eq, auditTerm{m, 1})
			}
			if eq != nil && math.Abs(sum-v) < 1e-9 {
				out = append(out, eq)
			}
		case ind.DataPeriod == app.YearToDate && c.period.Kind == app.Month && ind.YearToDateStart(c.period) != c.period:
			before := c
			before.period = c.period.Add(-1)
			bv, ok := truth[before]
			if !ok || math.IsNaN(bv) || v < bv {
				continue
			}
			truth[ownCount(c)] = v - bv
			out = append(out, []auditTerm{{c, -1}, {before, 1}, {ownCount(c), 1}})
		}
	}
	return out
}

// TestSumsOverTimeAgainstEarlierReleases: members keep last month's
// pack, and a sum over time joins its figures to this month's as surely
// as a sum over districts does. Kent's N01 (children starting to be
// looked after) April 10 and May 12 were in May's pack; June's gives June's
// 3 and the quarter's 25, and withholding April's 10 to protect the 3
// protects nothing: 25 - 10 - 12 = 3 with May's pack. A year to date:
// April's 10 was in April's pack, May's 13 is 3 of May's own, and April's
// 10 withheld in May's pack gives them. A revision: May's pack showed
// April 10, May 12, June 6 and the quarter's 28; June's revises May to 3
// and the quarter to 19, and June's 6 withheld beside them is known from
// May's (19 - 10 - 6 = 3); or, May's pack having withheld April's 10
// with June's 3, June's revising May to 2 cannot show the quarter's 15
// (May's 25 less its 12 is April's and June's 13). No count either pack withholds (nor a month's
// own count of a year to date, from 1 to 4) may be worked out, to within
// the threshold, from the two together.
func TestSumsOverTimeAgainstEarlierReleases(t *testing.T) {
	apr, may, jun := month(2026, 4), month(2026, 5), month(2026, 6)
	q2 := app.Period{Kind: app.Quarter, Year: 2026, N: 2}
	n01 := app.Indicator{Ref: "N01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number}
	ytd := app.Indicator{Ref: "N02", Name: "Number of children starting to be looked after, year to date", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate}
	for _, tt := range []struct {
		name          string
		ind           app.Indicator
		first, second []at
	}{
		{"a quarter given with its last month", n01,
			[]at{{apr, 10.0}, {may, 12.0}},
			[]at{{apr, 10.0}, {may, 12.0}, {jun, 3.0}, {q2, 25.0}}},
		{"a year to date", ytd,
			[]at{{apr, 10.0}},
			[]at{{apr, 10.0}, {may, 13.0}}},
		{"a month and its quarter revised", n01,
			[]at{{apr, 10.0}, {may, 12.0}, {jun, 6.0}, {q2, 28.0}},
			[]at{{apr, 10.0}, {may, 3.0}, {jun, 6.0}, {q2, 19.0}}},
		// May's pack withheld June's 3 and April's 10 with it, showing
		// May's 12 and the quarter's 25: April and June made 13. June's
		// revises May to 2, and its quarter of 15, shown beside three
		// c's, gives 15 - 13 = 2.
		{"a month revised beside months withheld", n01,
			[]at{{apr, 10.0}, {may, 12.0}, {jun, 3.0}, {q2, 25.0}},
			[]at{{apr, 10.0}, {may, 2.0}, {jun, 3.0}, {q2, 15.0}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			figures := func(fs []at) []app.Observation {
				var obs []app.Observation
				for _, f := range fs {
					obs = append(obs, app.Observation{Ref: tt.ind.Ref, Area: app.Kent, Period: f.p, Value: app.Float(f.v.(float64))})
				}
				return obs
			}
			imports := []app.Import{{ID: "I0001", Source: "m05.xlsx"}, {ID: "I0002", Source: "m06.xlsx"}}
			then := app.NewHistory()
			then.Imports = imports[:1]
			then.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: figures(tt.first)}, "I0001")
			now := app.NewHistory()
			now.Imports = imports
			now.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: figures(tt.first)}, "I0001")
			now.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: figures(tt.second)}, "I0002")
			packOf := func(h *app.History) export {
				plain, _, _, _ := Release(h, nil, DefaultThreshold)
				return exportOver(tt.ind, plain, plain, app.All, everyPeriod)
			}
			thenPack, nowPack := packOf(then), packOf(now)
			eqsOf := func(truth map[cellAt]float64) [][]auditTerm {
				return append(equations(truth, app.Kent), timeEquations(tt.ind, truth)...)
			}
			truthThen, truthNow := truthOver(tt.ind, then, everyPeriod), truthOver(tt.ind, now, everyPeriod)
			eqsOf(truthThen) // adds the months' own counts
			eqsOf(truthNow)
			// A month's own count is never printed: it is audited as a
			// figure withheld where it is small.
			own := export{}
			for c, v := range truthNow {
				if c.comp >= 10 && v >= 1 && v < DefaultThreshold {
					own[c] = false
				}
			}
			truth, eqs, all := releasesBeside(truthThen, truthNow, eqsOf, []export{thenPack}, []export{nowPack, own})
			for _, c := range recovered(eqs, truth, all, DefaultThreshold-1) {
				t.Errorf("May's pack and June's give %s %s (comp %d): %s, withheld", c.area, c.period.Label(), c.comp, formatted(truth[c]))
			}
			withheld := 0
			for c, shown := range nowPack {
				if !shown {
					withheld++
					t.Logf("June's pack withholds %s %s", c.area, c.period.Label())
				}
			}
			if withheld == 0 {
				t.Errorf("June's pack withholds nothing: the case is not the one described")
			}
		})
	}
}
