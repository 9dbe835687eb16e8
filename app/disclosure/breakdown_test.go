package disclosure

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"scorecard/app"
)

// table builds one dimension's breakdown for a split from category=count
// pairs, with the total their sum.
func table(split app.Split, dim string, counts ...any) []app.Breakdown {
	var bs []app.Breakdown
	total := 0.0
	for i := 0; i < len(counts); i += 2 {
		total += float64(counts[i+1].(int))
	}
	for i := 0; i < len(counts); i += 2 {
		bs = append(bs, app.Breakdown{Measure: "Children in care", Period: mar25, Area: app.Kent, Split: split,
			Dimension: dim, Category: counts[i].(string), Count: float64(counts[i+1].(int)), Total: total})
	}
	return bs
}

func withheld(bs []app.Breakdown, w []bool) string {
	var s []string
	for i, b := range bs {
		if w[i] {
			s = append(s, fmt.Sprintf("%s/%s", b.Split.Label(), b.Category))
		}
	}
	return fmt.Sprint(s)
}

func TestWithhold(t *testing.T) {
	uasc, excl := app.Only(app.UASC), app.Excluding(app.UASC)
	cases := []struct {
		name string
		bs   []app.Breakdown
		want string
	}{
		{"nothing small", table(app.All, "gender", "Male", 30, "Female", 40), "[]"},
		// 3 girls: the boys are withheld too, or 43 - 40 tells.
		{"one small category", table(app.All, "gender", "Male", 40, "Female", 3, "Other", 0),
			"[All children/Male All children/Female]"},
		// The nought is not chosen as the second: 3 + 0 would tell the 3.
		{"second is the smallest non-zero", table(app.All, "age", "Under 1", 3, "1 to 4", 0, "5 to 9", 12, "10 to 15", 30),
			"[All children/Under 1 All children/5 to 9]"},
		{"two small categories protect each other", table(app.All, "age", "Under 1", 3, "1 to 4", 2, "5 to 9", 12),
			"[All children/Under 1 All children/1 to 4]"},
		{"small total", table(app.All, "gender", "Male", 4, "Female", 0), "[All children/Male All children/Female]"},
		// The re-entries table: with the nought shown, the three
		// c's sum to 16 - 7 - 6 = 3, so each is 1. The 6 must go too.
		{"c's pinned by a shown nought", table(app.All, "need", "N1", 7, "N2", 1, "N3", 0, "N4", 1, "N5", 1, "N6", 6),
			"[All children/N2 All children/N4 All children/N5 All children/N6]"},
		// A category's c is at least one child, noughts being shown: the
		// three c's sum to 25 - 20 - 0 = 5, so each is 1 to 3, and the
		// 20 goes too. Taken for as little as nought, each would seem
		// 0 to 5 and the 20 be left shown.
		{"c's of at least one child each, pinned below 4", table(app.All, "need", "N1", 20, "N2", 2, "N3", 0, "N4", 2, "N5", 1),
			"[All children/N1 All children/N2 All children/N4 All children/N5]"},
		// Two 1s beside a total of 9: 7 shown leaves them summing to 2.
		{"two small categories pinned together", table(app.All, "age", "Under 1", 1, "1 to 4", 1, "5 to 9", 7),
			"[All children/Under 1 All children/1 to 4 All children/5 to 9]"},
		// 3 UASC girls of 40: excluding UASC, 37 girls would tell the 3;
		// and within each table the second smallest follows.
		{"across splits", append(append(
			table(app.All, "gender", "Male", 60, "Female", 40),
			table(uasc, "gender", "Male", 50, "Female", 3)...),
			table(excl, "gender", "Male", 10, "Female", 37)...),
			"[UASC only/Male UASC only/Female Excluding UASC/Male Excluding UASC/Female]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := withheld(c.bs, Withhold(c.bs, DefaultThreshold)); got != c.want {
				t.Errorf("withheld %s, want %s", got, c.want)
			}
		})
	}
}

// TestWithholdProtects checks the rule on random tables: no count of 1-4
// is shown, no table has exactly one count withheld beside its total, and
// no category has exactly one of all, UASC and excluding UASC withheld.
func TestWithholdProtects(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var bs []app.Breakdown
		for _, dim := range []string{"gender", "age band", "ethnicity group"} {
			var all, u, e []any
			for c := range 2 + r.IntN(5) {
				nu, ne := r.IntN(8), r.IntN(30)
				if r.IntN(3) == 0 {
					nu = 0
				}
				cat := fmt.Sprintf("%s %d", dim, c)
				all, u, e = append(all, cat, nu+ne), append(u, cat, nu), append(e, cat, ne)
			}
			bs = append(bs, table(app.All, dim, all...)...)
			bs = append(bs, table(app.Only(app.UASC), dim, u...)...)
			bs = append(bs, table(app.Excluding(app.UASC), dim, e...)...)
		}
		w, wt := Protect(bs, DefaultThreshold)
		totalWithheld := map[string]bool{}
		for i, b := range bs {
			if wt[i] {
				totalWithheld[string(b.Split)+"/"+b.Dimension] = true
			}
		}
		perTable := map[string]int{}
		perCell := map[string]int{}
		for i, b := range bs {
			if !w[i] && (b.Count >= 1 && b.Count < 5 || b.Total >= 1 && b.Total < 5) {
				t.Fatalf("trial %d: %s %s %s = %v shown", trial, b.Split.Label(), b.Dimension, b.Category, b.Count)
			}
			if w[i] {
				perTable[string(b.Split)+"/"+b.Dimension]++
				perCell[b.Dimension+"/"+b.Category]++
			}
		}
		for k, n := range perTable {
			if n == 1 && !totalWithheld[k] {
				t.Fatalf("trial %d: table %s has one count withheld and its total shown", trial, k)
			}
		}
		for k, n := range perCell {
			if n == 1 {
				t.Fatalf("trial %d: %s has one of its three splits withheld", trial, k)
			}
		}
	}
}

// TestWithholdBesideAnEmptyCohort: re-entries by need where no UASC child
// re-entered care. The tables for all children and excluding UASC are the
// same, so each withholding in one is mirrored in the other; the UASC
// table's noughts and the totals stay shown.
func TestWithholdBesideAnEmptyCohort(t *testing.T) {
	counts := []any{"N1", 7, "N2", 1, "N4", 1, "N5", 1, "N6", 6}
	zeros := []any{"N1", 0, "N2", 0, "N4", 0, "N5", 0, "N6", 0}
	bs := append(append(table(app.All, "need", counts...), table(app.Excluding(app.UASC), "need", counts...)...),
		table(app.Only(app.UASC), "need", zeros...)...)
	count, total := Protect(bs, DefaultThreshold)
	for i, b := range bs {
		if total[i] {
			t.Errorf("%s total %v withheld", b.Split.Label(), b.Total)
		}
		if _, ok := b.Split.Cohort(); ok && count[i] {
			t.Errorf("UASC %s (0) withheld", b.Category)
		}
		if b.Category == "N6" && b.Split != app.Only(app.UASC) && !count[i] {
			t.Errorf("%s N6 shown: the three 1s would sum to 16 - 7 - 6 = 3", b.Split.Label())
		}
	}
}

// TestWithholdAgainstTheCounty: a county's table is the sum of its
// districts', so a district's category withheld alone is the county's
// minus the other districts'; in any authority's store.
func TestWithholdAgainstTheCounty(t *testing.T) {
	for _, tc := range []struct{ county, a, b app.Area }{
		{app.Kent, "Ashford", "Dover"},
		{"Surrey", "Woking", "Elmbridge"},
	} {
		t.Run(string(tc.county), func(t *testing.T) {
			var bs []app.Breakdown
			for _, part := range []struct {
				area        app.Area
				girls, boys int
			}{{tc.county, 33, 40}, {tc.a, 3, 20}, {tc.b, 30, 20}} {
				for _, b := range table(app.All, "gender", "Female", part.girls, "Male", part.boys) {
					b.Area = part.area
					bs = append(bs, b)
				}
			}
			w, _ := Protect(bs, DefaultThreshold)
			// a's 3 girls are withheld, and with them a's boys (its
			// table's total is shown); the county's girls less b's give
			// a's, so b's girls (or the county's) must go too.
			shown := map[app.Area]bool{}
			for i, b := range bs {
				if b.Category == "Female" {
					shown[b.Area] = !w[i]
				}
			}
			if shown[tc.a] {
				t.Fatalf("%s's 3 girls shown", tc.a)
			}
			if shown[tc.county] && shown[tc.b] {
				t.Errorf("%s's girls (33) and %s's (30) both shown: %s's 3 are their difference", tc.county, tc.b, tc.a)
			}
		})
	}
}
