package storetest

import (
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// ragRuleScenarios: the authority's RAG rule is kept as a setting, and
// every reader of the store rates its targets by it.
var ragRuleScenarios = []scenario{
	{"RAG rule", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		if r, err := store.RAGRuleIn(st); err != nil || r != (app.RAGRule{}) {
			t.Fatalf("a new store's rule = %+v, %v; want the floor rule", r, err)
		}
		band := app.RAGRule{Kind: app.RuleBand, Tolerance: 5, Percent: true}
		if err := store.SetRAGRuleIn(st, band); err != nil {
			t.Fatal(err)
		}
		if r, err := store.RAGRuleIn(st); err != nil || r != band {
			t.Fatalf("rule = %+v, %v; want %+v", r, err, band)
		}
		// Every reader's targets carry it.
		h, err := st.Load()
		if err != nil {
			t.Fatal(err)
		}
		one, err := st.LoadIndicator("CIC05")
		if err != nil {
			t.Fatal(err)
		}
		area, err := st.LoadIndicatorArea("CIC05", "Thanet")
		if err != nil {
			t.Fatal(err)
		}
		held, err := st.HeldTargets([]string{"CIC05"})
		if err != nil {
			t.Fatal(err)
		}
		for name, ts := range map[string][]app.Target{"Load": h.Targets("CIC05"), "LoadIndicator": one.Targets("CIC05"),
			"LoadIndicatorArea": area.Targets("CIC05"), "HeldTargets": held["CIC05"]} {
			if len(ts) == 0 || ts[0].Rule != band {
				t.Errorf("%s: targets %+v; want each rated by %+v", name, ts, band)
			}
		}
		if h.RAGRule() != band {
			t.Errorf("Load's history rule = %+v", h.RAGRule())
		}
		// Another authority has a rule of its own.
		was, _ := st.Authority()
		other := app.Authorities()[0]
		if other.Old == was.Old {
			other = app.Authorities()[1]
		}
		if err := st.SetAuthority(other); err != nil {
			t.Fatal(err)
		}
		if r, err := store.RAGRuleIn(st); err != nil || r != (app.RAGRule{}) {
			t.Fatalf("another authority's rule = %+v, %v; want the floor rule", r, err)
		}
		if err := st.SetAuthority(was); err != nil {
			t.Fatal(err)
		}
		// Back to the floor rule: the setting goes.
		if err := store.SetRAGRuleIn(st, app.RAGRule{}); err != nil {
			t.Fatal(err)
		}
		if r, _ := store.RAGRuleIn(st); r != (app.RAGRule{}) {
			t.Fatalf("rule after setting the floor rule = %+v", r)
		}
		if h, err = st.Load(); err != nil || h.Targets("CIC05")[0].Rule != (app.RAGRule{}) {
			t.Fatalf("Load after the floor rule: %+v, %v", h.Targets("CIC05"), err)
		}
	}},
}
