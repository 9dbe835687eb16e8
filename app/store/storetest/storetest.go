// Package storetest is the contract every store engine keeps: the same
// scenarios, run against the embedded bbolt engine and the PostgreSQL team
// store, so that the app never needs to know which one it has.
package storetest

import (
	"reflect"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// Options says what an engine is asked beyond the common contract.
type Options struct {
	// RecordsOperator: the engine records the officer and machine with
	// every import and the officer with every undo.
	RecordsOperator bool
}

// Run runs every scenario against new, empty stores from open, which
// closes them when its test ends.
func Run(t *testing.T, opt Options, open func(t *testing.T) store.Store) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, open(t), opt) })
	}
	for _, sc := range pairScenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, open(t), open(t)) })
	}
}

var (
	march   = app.MonthOf(2025, 3)
	spring  = Months(march, 3)        // Jan-Mar 2025
	april   = Months(march.Add(1), 3) // Feb-Apr 2025: repeats Feb and Mar
	revised = func() *app.Dataset { return Monthly(spring, 2) }
)

// scenario is one part of the contract, run against a new, empty store.
type scenario struct {
	name string
	run  func(t *testing.T, st store.Store, opt Options)
}

var scenarios = slices.Concat(importScenarios, undoScenarios, settingScenarios, ragRuleScenarios, readScenarios, takenBackScenarios, retireScenarios, circulationScenarios)

// Script makes a history with every kind of change: imports, a
// revision, restatements, an edit, an import undone and a file imported
// again after its undo.
func Script(t testing.TB, st store.Store) {
	t.Helper()
	mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
	mustImport(t, st, "April scorecard.xlsx", aprilFile())
	mustImport(t, st, "March scorecard (reissued).xlsx", revised())
	mustEdit(t, st)
	mustUndo(t, st, "I0002")
	mustImport(t, st, "April scorecard.xlsx", Monthly(april, 1))
	mustUndo(t, st, "I0001")
}

// mustEdit records an edit made in the window: a target, a comment and
// a chart's rebase for CIC05.
func mustEdit(t testing.TB, st store.Store) {
	t.Helper()
	edit := &app.Dataset{Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(9), Floor: app.Float(11)}},
		Comments:      []app.Comment{{Ref: "CIC05", Area: app.Kent, Period: march, Text: "Revised after the placement audit."}},
		ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: march, Note: "new placement policy"}}}
	if _, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: "target and comment"}, edit); err != nil {
		t.Fatal(err)
	}
}

// aprilFile is April's scorecard, which repeats February's and March's
// figures as March's file gave them and adds April's.
func aprilFile() *app.Dataset {
	ds := Monthly(april, 0)
	var obs []app.Observation
	for _, o := range Monthly(spring, 0).Observations {
		if o.Period != spring[0] {
			obs = append(obs, o)
		}
	}
	for _, o := range ds.Observations {
		if o.Period == april[2] {
			obs = append(obs, o)
		}
	}
	ds.Observations = obs
	return ds
}

func mustImport(t testing.TB, st store.Store, name string, ds *app.Dataset) app.Import {
	t.Helper()
	rec, err := st.Import(file(name), ds)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return rec
}

func mustUndo(t testing.TB, st store.Store, id string) app.Import {
	t.Helper()
	rec, err := st.Undo(id)
	if err != nil {
		t.Fatalf("undo %s: %v", id, err)
	}
	if rec.Undone == nil {
		t.Fatalf("undo %s returned an import not marked undone", id)
	}
	return rec
}

func load(t testing.TB, st store.Store) *app.History {
	t.Helper()
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// refs returns the indicators' refs.
func refs(inds []app.Indicator) []string {
	out := make([]string, len(inds))
	for i, ind := range inds {
		out[i] = ind.Ref
	}
	return out
}

// sameImport compares a stored import with the one Import returned,
// whose time may carry a monotonic clock reading.
func sameImport(a, b app.Import) bool {
	if !a.Time.Equal(b.Time) {
		return false
	}
	a.Time = b.Time
	return reflect.DeepEqual(a, b)
}

// Equivalent fails t unless a and b, loaded from stores given the same
// changes (at different times, perhaps by different engines), hold the
// same history: everything equal but the imports' times and operators.
func Equivalent(t testing.TB, a, b *app.History) {
	t.Helper()
	ia, ib := a.Imports, b.Imports
	defer func() { a.Imports, b.Imports = ia, ib }()
	if len(ia) != len(ib) {
		t.Fatalf("%d imports against %d", len(ia), len(ib))
	}
	for i := range ia {
		x, y := ia[i], ib[i]
		if x.ID != y.ID || x.Source != y.Source || x.Counts != y.Counts || x.SHA256 != y.SHA256 || x.Kind != y.Kind || x.Note != y.Note {
			t.Fatalf("import %d: %+v against %+v", i, x, y)
		}
	}
	a.Imports, b.Imports = nil, nil
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the histories differ")
	}
}
