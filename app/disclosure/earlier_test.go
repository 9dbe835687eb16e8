package disclosure

import (
	"math"
	"testing"

	"scorecard/app"
)

// asThen is the cell under which a reader holding two releases keeps an
// earlier release's count where the later revised it: a count that
// stands is one unknown in both.
func asThen(c cellAt) cellAt {
	c.split = "as first circulated " + c.split
	return c
}

// twoReleases returns what a reader holding the exports of two releases
// of ind knows: every count (truth), the identities of each release's
// figures as they held then, and what each export shows, with each count
// revised between them two cells (asThen), the earlier one's the earlier
// release's.
func twoReleases(ind app.Indicator, then, now *app.History, thenExports, nowExports []export) (map[cellAt]float64, [][]auditTerm, []export) {
	return releasesBeside(truthOf(ind, then), truthOf(ind, now), func(truth map[cellAt]float64) [][]auditTerm { return equations(truth, app.Kent) },
		thenExports, nowExports)
}

// releasesBeside is twoReleases of the counts each release held, then
// and now, and the identities eqsOf finds among a release's counts.
func releasesBeside(truthThen, truth map[cellAt]float64, eqsOf func(map[cellAt]float64) [][]auditTerm, thenExports, nowExports []export) (map[cellAt]float64, [][]auditTerm, []export) {
	rename := func(c cellAt) cellAt {
		if v, ok := truth[c]; ok && v == truthThen[c] {
			return c
		}
		return asThen(c)
	}
	eqs := eqsOf(truth)
	for _, eq := range eqsOf(truthThen) {
		var renamed []auditTerm
		for _, t := range eq {
			renamed = append(renamed, auditTerm{rename(t.cell), t.coef})
		}
		eqs = append(eqs, renamed)
		// A reader subtracts one month's identity from the other's: what
		// stands cancels, and the revised counts are left, whose
		// difference propagation taking each count alone cannot see.
		sum, holds := 0.0, true
		diff := map[cellAt]float64{}
		for i, t := range eq {
			v, ok := truth[t.cell]
			holds = holds && ok && !math.IsNaN(v)
			sum += t.coef * v
			diff[renamed[i].cell] += t.coef
			diff[t.cell] -= t.coef
		}
		if !holds || math.Abs(sum) > 1e-6 {
			continue
		}
		if d := nonzeroTerms(diff); len(d) > 1 {
			eqs = append(eqs, d)
		}
	}
	all := map[cellAt]float64{}
	for c, v := range truth {
		all[c] = v
	}
	for c, v := range truthThen {
		all[rename(c)] = v
	}
	exports := nowExports
	for _, e := range thenExports {
		renamed := export{}
		for c, shown := range e {
			renamed[rename(c)] = shown
		}
		exports = append(exports, renamed)
	}
	return all, eqs, exports
}

// TestRevisionAgainstEarlierRelease (QA31 1): May's pack and June's are
// one table to members who have both. May showed N01 of May-26 for Kent,
// 50, and Dover's 5 beside Ashford's, Canterbury's, Dartford's and
// Maidstone's c (8 between them); June revised Kent to 48 and Dover to 3,
// the others standing: Dover is 48 - 37 - 8 = 3. May showed Kent's Apr-26
// 34 beside Ashford's c; June revised Kent to 38 and Ashford to 6: May's
// Ashford was 6 - (38 - 34) = 2. No count either release withheld may be
// worked out, to within the threshold, from the two together; May's own
// pack is as QA31 found it.
func TestRevisionAgainstEarlierRelease(t *testing.T) {
	n01 := app.Indicator{Ref: "N01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number}
	apr, may, jun := month(2026, 4), month(2026, 5), month(2026, 6)
	uasc := func(p app.Period, v float64) app.Observation {
		return app.Observation{Ref: "N01", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(v)}
	}
	var m13, m14 []app.Observation
	m13 = append(m13, districtMonth("N01", apr, 2, 2, 1, 1, 2, 4, 2, 2, 4, 6, 1, 7)...)
	m13 = append(m13, districtMonth("N01", may, 2, 2, 1, 5, 6, 7, 3, 7, 5, 0, 7, 5)...)
	m13 = append(m13, uasc(apr, 6), uasc(may, 8))
	m14 = append(m14, districtMonth("N01", apr, 6, 2, 1, 1, 2, 4, 2, 2, 4, 6, 1, 7)...)
	m14 = append(m14, districtMonth("N01", may, 2, 2, 1, 3, 6, 7, 3, 7, 5, 0, 7, 5)...)
	m14 = append(m14, districtMonth("N01", jun, 1, 1, 0, 0, 5, 1, 2, 3, 1, 5, 6, 6)...)
	m14 = append(m14, uasc(apr, 6), uasc(may, 8), uasc(jun, 3))

	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I0001", Source: "m13.xlsx"}, {ID: "I0002", Source: "m14_revised.xlsx"}}
	excl := app.Excluding(app.UASC)
	exports := func(h *app.History) []export {
		plain, _, _, _ := Release(h, nil, DefaultThreshold)
		base, ex, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
		return []export{exportOf(n01, plain, plain, app.All), exportOf(n01, base, ex, excl)}
	}
	h.Apply(&app.Dataset{Indicators: []app.Indicator{n01}, Observations: m13}, "I0001")
	then := app.NewHistory()
	then.Imports = h.Imports[:1]
	then.Apply(&app.Dataset{Indicators: []app.Indicator{n01}, Observations: m13}, "I0001")
	thenExports := exports(then)
	for c, want := range map[cellAt]bool{
		{app.Kent, app.All, may, 0}: true, {"Dover", app.All, may, 0}: true, {"Ashford", app.All, may, 0}: false,
		{app.Kent, app.All, apr, 0}: true, {"Ashford", app.All, apr, 0}: false,
	} {
		if got := thenExports[0][c]; got != want {
			t.Errorf("May's pack shows %s %s: %t, want %t (not QA31's case)", c.area, c.period, got, want)
		}
	}
	h.Apply(&app.Dataset{Indicators: []app.Indicator{n01}, Observations: m14}, "I0002")
	truth, eqs, all := twoReleases(n01, then, h, thenExports, exports(h))
	for _, c := range recovered(eqs, truth, all, DefaultThreshold-1) {
		t.Errorf("May's pack and June's give %s %s %s (%s), withheld", c.area, string(c.split), c.period.Label(), formatted(truth[c]))
	}
}

// TestRevisionsChained (QA probe 11): April's pack showed Dover's 8
// children starting care beside its UASC and other children as c, Swale's
// UASC as 0 and Kent's UASC as 8; May's file moved one UASC child from
// Dover to Swale, and May's pack showed Dover's 7 beside the same c's and
// Kent's UASC as 8 again. Dover's children other than UASC stand, so its
// UASC revision is 8 - 7 = 1; Kent's UASC stand, so Swale's revision is
// the same child: Swale's UASC, c in May's pack, is 1. Each difference of
// the two packs' identities joins two revised counts, which interval
// propagation could not take one from the other: no count either release
// withheld is pinned by the two packs, solved exactly.
func TestRevisionsChained(t *testing.T) {
	cs01 := app.Indicator{Ref: "CS01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number}
	apr := month(2025, 4)
	uasc := app.Only(app.UASC)
	figures := func(all, only []float64) []app.Observation {
		obs := districtMonth("CS01", apr, all...)
		for _, o := range districtMonth("CS01", apr, only...) {
			o.Split = uasc
			obs = append(obs, o)
		}
		return obs
	}
	then := figures([]float64{4, 0, 4, 8, 4, 0, 2, 0, 1, 2, 1, 3}, []float64{0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 1, 1})
	now := figures([]float64{4, 0, 4, 7, 4, 0, 2, 0, 2, 2, 1, 3}, []float64{0, 0, 0, 2, 3, 0, 0, 0, 1, 0, 1, 1})
	excl := app.Excluding(app.UASC)
	exports := func(h *app.History) []export {
		plain, _, _, _ := Release(h, nil, DefaultThreshold)
		base, ex, _, _ := Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
		return []export{exportOf(cs01, plain, plain, app.All), exportOf(cs01, base, ex, excl)}
	}
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I0001", Source: "april.xlsx"}, {ID: "I0002", Source: "may.xlsx"}}
	h.Apply(&app.Dataset{Indicators: []app.Indicator{cs01}, Observations: then}, "I0001")
	earlier := app.NewHistory()
	earlier.Imports = h.Imports[:1]
	earlier.Apply(&app.Dataset{Indicators: []app.Indicator{cs01}, Observations: then}, "I0001")
	thenExports := exports(earlier)
	h.Apply(&app.Dataset{Indicators: []app.Indicator{cs01}, Observations: now}, "I0002")
	truth, eqs, all := twoReleases(cs01, earlier, h, thenExports, exports(h))
	for _, c := range pinned(eqs, truth, all) {
		t.Errorf("April's pack and May's give %s %s %s exactly (%s), withheld", c.area, string(c.split), c.period.Label(), formatted(truth[c]))
	}
}

// pinned returns the cells no export shows whose value the identities eqs
// give exactly from the cells some export shows, by Gaussian elimination:
// what a reader solving them together, not one at a time, works out.
func pinned(eqs [][]auditTerm, truth map[cellAt]float64, exports []export) []cellAt {
	shown := func(c cellAt) bool {
		for _, e := range exports {
			if e[c] {
				return true
			}
		}
		return false
	}
	col := map[cellAt]int{}
	var cells []cellAt
	var rows [][]float64
	for _, eq := range eqs {
		for _, t := range eq {
			if _, ok := col[t.cell]; !ok && !shown(t.cell) {
				col[t.cell] = len(cells)
				cells = append(cells, t.cell)
			}
		}
	}
	for _, eq := range eqs {
		row := make([]float64, len(cells))
		for _, t := range eq {
			if i, ok := col[t.cell]; ok {
				row[i] += t.coef
			}
		}
		rows = append(rows, row)
	}
	pivotRow := map[int]int{}
	r := 0
	for c := range cells {
		p := -1
		for i := r; i < len(rows); i++ {
			if math.Abs(rows[i][c]) > 1e-9 && (p < 0 || math.Abs(rows[i][c]) > math.Abs(rows[p][c])) {
				p = i
			}
		}
		if p < 0 {
			continue
		}
		rows[r], rows[p] = rows[p], rows[r]
		for i := range rows {
			if i == r || math.Abs(rows[i][c]) <= 1e-9 {
				continue
			}
			f := rows[i][c] / rows[r][c]
			for j := range rows[i] {
				rows[i][j] -= f * rows[r][j]
			}
		}
		pivotRow[c] = r
		r++
	}
	var out []cellAt
	for c, cell := range cells {
		i, ok := pivotRow[c]
		if !ok {
			continue
		}
		alone := true
		for j, v := range rows[i] {
			alone = alone && (j == c || math.Abs(v) <= 1e-9)
		}
		inSome := false
		for _, e := range exports {
			_, ok := e[cell]
			inSome = inSome || ok
		}
		if alone && inSome && truth[cell] != 0 {
			out = append(out, cell)
		}
	}
	return out
}

// nonzeroTerms is an identity's terms from its coefficients by cell, those
// that cancelled left out: one identity less another.
func nonzeroTerms(coefs map[cellAt]float64) []auditTerm {
	var terms []auditTerm
	for c, coef := range coefs {
		if coef != 0 {
			terms = append(terms, auditTerm{c, coef})
		}
	}
	return terms
}
