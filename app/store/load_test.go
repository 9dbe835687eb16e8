package store

import (
	"reflect"
	"testing"

	"scorecard/app"
)

// TestLoadIndicator checks one indicator read alone is what Load gives of
// it, with a revision, a restatement and an undone import in the store,
// and a ref that begins another's (KPI001 and KPI0010 must not mix).
func TestLoadIndicator(t *testing.T) {
	s := openTemp(t)
	ds := largeDataset(0)
	ds.Observations = ds.Observations[:20000]
	ds.Indicators = append(ds.Indicators, app.Indicator{Ref: "KPI0010", Name: "A ref beginning another's"})
	ds.Observations = append(ds.Observations, app.Observation{Ref: "KPI0010", Area: app.Kent, Split: app.All, Period: app.MonthOf(2025, 3), Value: app.Float(1)})
	ds.Targets = []app.Target{{Ref: "KPI001", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(50)}}
	mustImport(t, s, "feb.xlsx", ds)
	revised := largeDataset(1)
	revised.Observations = revised.Observations[:5000]
	mustImport(t, s, "mar.xlsx", revised)
	undone := mustImport(t, s, "apr.xlsx", largeDataset(2))
	if _, err := s.Undo(undone.ID); err != nil {
		t.Fatal(err)
	}
	all, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"KPI001", "KPI0010", "KPI002", "KPI100", "NOPE"} {
		one, err := s.LoadIndicator(ref)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one.Indicators(), all.Indicators()) || !reflect.DeepEqual(one.Imports, all.Imports) {
			t.Errorf("%s: definitions or imports differ from Load's", ref)
		}
		n := 0
		for _, k := range all.Keys() {
			if k.Ref != ref {
				continue
			}
			n++
			if !reflect.DeepEqual(one.Series(k), all.Series(k)) {
				t.Errorf("%s: series %v differs from Load's", ref, k)
			}
			for _, o := range all.Series(k) {
				if !reflect.DeepEqual(one.Revisions(k, o.Period), all.Revisions(k, o.Period)) {
					t.Errorf("%s: revisions of %v %s differ from Load's", ref, k, o.Period)
				}
			}
		}
		if len(one.Keys()) != n {
			t.Errorf("%s: %d series read, Load has %d", ref, len(one.Keys()), n)
		}
		if !reflect.DeepEqual(one.Targets(ref), all.Targets(ref)) || !reflect.DeepEqual(one.Benchmarks(ref), all.Benchmarks(ref)) || !reflect.DeepEqual(one.ChartSettings(ref), all.ChartSettings(ref)) {
			t.Errorf("%s: targets, benchmarks or chart settings differ from Load's", ref)
		}
	}
}
