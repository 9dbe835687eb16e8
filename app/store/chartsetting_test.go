package store

import (
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// TestChartSettingUndo checks that baseline, rebase and window edits are
// stored, replace one another as the same setting, and are each undone
// exactly, restoring what stood before.
func TestChartSettingUndo(t *testing.T) {
	s := openTemp(t)
	apr24, apr25 := app.MonthOf(2024, 4), app.MonthOf(2025, 4)
	edit := func(c app.ChartSetting) app.Import {
		t.Helper()
		rec, err := s.Import(Source{Name: "edit", Kind: "edit", Note: string(c.Kind)}, &app.Dataset{ChartSettings: []app.ChartSetting{c}})
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	plan := func() app.ChartPlan { t.Helper(); return mustLoad(t, s).ChartPlan("CIC05") }

	first := edit(app.ChartSetting{Ref: "CIC05", Kind: app.SetBaseline, From: apr24, Note: "from the new model"})
	before := plan()
	second := edit(app.ChartSetting{Ref: "CIC05", Kind: app.SetBaseline, From: apr25, To: app.MonthOf(2026, 3)})
	rebase := edit(app.ChartSetting{Ref: "CIC05", Kind: app.SetRebase, From: apr25, Note: "new service model"})
	window := edit(app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, Periods: 6})

	p := plan()
	if p.Baseline == nil || p.Baseline.From != apr25 || p.Baseline.Import != second.ID {
		t.Fatalf("baseline %+v, want from %s by %s", p.Baseline, apr25, second.ID)
	}
	if len(p.Rebases) != 1 || p.Rebases[0].Note != "new service model" || p.Window == nil || p.Window.Periods != 6 {
		t.Fatalf("plan %+v", p)
	}
	for _, id := range []string{window.ID, rebase.ID, second.ID} {
		if _, err := s.Undo(id); err != nil {
			t.Fatal(err)
		}
	}
	if got := plan(); !reflect.DeepEqual(got, before) {
		t.Errorf("after undoing the later edits: %+v, want %+v", got, before)
	}
	if _, err := s.Undo(first.ID); err != nil {
		t.Fatal(err)
	}
	if got := plan(); !reflect.DeepEqual(got, app.ChartPlan{}) {
		t.Errorf("after undoing every edit: %+v", got)
	}
}

// TestChartSettingOldStore checks that a store made before chart settings,
// without their bucket, loads and takes one.
func TestChartSettingOldStore(t *testing.T) {
	s := openTemp(t)
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(kindBuckets[kindChartSetting]) }); err != nil {
		t.Fatal(err)
	}
	mustLoad(t, s)
	c := app.ChartSetting{Ref: "CIC05", Kind: app.SetWindow, Periods: 24}
	rec := mustImport(t, s, "edit", &app.Dataset{ChartSettings: []app.ChartSetting{c}})
	if p := mustLoad(t, s).ChartPlan("CIC05"); p.Window == nil || p.Window.Periods != 24 {
		t.Fatalf("plan %+v", p)
	}
	if _, err := s.Undo(rec.ID); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s).ChartPlan("CIC05"); p.Window != nil {
		t.Errorf("window %+v after undo", p.Window)
	}
}
