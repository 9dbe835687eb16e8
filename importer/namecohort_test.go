package importer

import (
	"slices"
	"testing"

	"scorecard/app"
)

// TestNameAddsCohortToStoredName reads a row whose Ref the store holds
// and whose name is the stored name with a cohort's words added: its
// figures are the cohort's, said at the name, and the stored name
// stands. Read as the name of the indicator, the figures were filed as
// all children's, every month a revision (QA probe 6, g127). Where the
// store does not hold the Ref, or holds it under a name that counts a
// cohort itself, or the words added say more than a cohort, the name is
// the indicator's as before.
func TestNameAddsCohortToStoredName(t *testing.T) {
	stored := map[string]app.Indicator{
		"CIC01": {Ref: "CIC01", Name: "Number of children in care", Unit: app.Number},
		"CIC09": {Ref: "CIC09", Name: "Number of children in care excluding UASC", Unit: app.Number},
	}
	defined := func(ref string) (app.Indicator, bool) { ind, ok := stored[ref]; return ind, ok }
	for _, tc := range []struct {
		name, ref, label string
		split            app.Split
		warn             string // the warning's cell and beginning; "" for none
	}{
		{"excluding UASC after the stored name", "CIC01", "Number of children in care (excluding UASC)", app.Excluding(app.UASC),
			`B2: CIC01: the name "Number of children in care (excluding UASC)" is the stored name "Number of children in care" with words naming children added: its figures are read as Excluding UASC, not all children's, and the stored name stands`},
		{"before it", "CIC01", "Excl UASC - Number of children in care", app.Excluding(app.UASC), `B2: CIC01: the name "Excl UASC - Number of children in care" is the stored name`},
		{"UASC alone", "CIC01", "Number of children in care - UASC only", app.Only(app.UASC), `B2: CIC01: the name`},
		{"the stored name", "CIC01", "Number of children in care", app.All, ""},
		{"not the store's", "CIC05", "Number of children in care (excluding UASC)", app.All, ""},
		{"a stored name counting the cohort itself", "CIC09", "Number of children in care excluding UASC", app.All, ""},
		{"more than a cohort added", "CIC01", "Number of children in care (excluding UASC over 16)", app.All, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeBook(t, "Scorecard", [][]any{
				{"Ref", "Indicator", "Polarity", "Feb-26", "Mar-26"},
				{tc.ref, tc.label, "-", 1520, 1531},
			})
			res, err := Read(t.Context(), path, Options{Defined: defined})
			if err != nil {
				t.Fatal(err)
			}
			var splits []app.Split
			for _, o := range res.Dataset.Observations {
				if !slices.Contains(splits, o.Split) {
					splits = append(splits, o.Split)
				}
			}
			if !slices.Equal(splits, []app.Split{tc.split}) {
				t.Errorf("figures read as %v, want %v", splits, tc.split)
			}
			warnedOnce(t, res.Warnings, "stored name", tc.warn)
			if tc.warn != "" {
				for _, ind := range res.Dataset.Indicators {
					if ind.Ref == tc.ref && ind.Name != stored[tc.ref].Name {
						t.Errorf("%s named %q, want the stored name %q", ind.Ref, ind.Name, stored[tc.ref].Name)
					}
				}
			}
		})
	}
}
