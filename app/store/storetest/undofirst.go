package storetest

import (
	"fmt"
	"reflect"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// pairScenarios compare two stores of one engine, each new and empty.
var pairScenarios = []struct {
	name string
	run  func(t *testing.T, a, b store.Store)
}{
	{"undo of the import that first defined the indicators", undoFirst},
}

// Reviewed imports ds into st as the app does (importing.go, and the
// window's review): its definitions reviewed against the store's, a
// changed one held back and an unknown one added, and its targets
// reviewed against those held. What the review leaves is what the store
// is given, so a scenario sees what an officer's import records.
func Reviewed(t testing.TB, st store.Store, name string, ds *app.Dataset) app.Import {
	t.Helper()
	inds, err := st.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]app.Indicator{}
	for _, ind := range inds {
		byRef[ind.Ref] = ind
	}
	known := func(ref string) (app.Indicator, bool) { ind, ok := byRef[ref]; return ind, ok }
	defs := app.ReviewDefinitions(ds, known)
	defs.Apply(ds, false, true)
	held, err := app.StoredTargets(ds, st.HeldTargets)
	if err != nil {
		t.Fatal(err)
	}
	app.ReviewTargets(ds, name, held, known, nil)
	if err := app.CheckYield(name, ds, nil); err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return mustImport(t, st, name, ds)
}

// monthFile is the scorecard circulated for the month last: the four
// months to it, every indicator defined, the year's targets, the
// benchmark, a standing comment on a month every file shows, and the
// trend setting the team keeps for CIC05, each restated unchanged from
// the month before.
func monthFile(last app.Period) *app.Dataset {
	ds := Monthly(Months(last, 4), 0)
	ds.Comments = append(ds.Comments, app.Comment{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 12),
		Text: "December's rise is the sibling group placed out of county; see the panel minutes."})
	ds.ChartSettings = []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: app.MonthOf(2025, 10), Note: "new placement policy"}}
	return ds
}

// undoFirst imports January's, February's and March's scorecards into a
// and undoes January's: February and March stated the same definitions,
// targets, benchmark, comment and chart setting, so every one of them,
// and their figures, must stand in a as in b, which was given February
// and March alone (after an import undone, so the import IDs match).
// Undoing January once hid everything: the definitions had been stored
// as January's alone.
func undoFirst(t *testing.T, a, b store.Store) {
	jan, feb, mar := app.MonthOf(2026, 1), app.MonthOf(2026, 2), app.MonthOf(2026, 3)
	Reviewed(t, a, "Scorecard Jan-26.xlsx", monthFile(jan))
	Reviewed(t, a, "Scorecard Feb-26.xlsx", monthFile(feb))
	Reviewed(t, a, "Scorecard Mar-26.xlsx", monthFile(mar))
	mustUndo(t, a, "I0001")

	// A workbook that states a definition and nothing else (a dataset
	// with no Stated would be a fixed format's, which states nothing).
	Reviewed(t, b, "Districts Dec-25.xlsx", &app.Dataset{Indicators: []app.Indicator{{Ref: "XX01", Name: "Placeholder", Unit: app.Number}},
		Stated: map[string]app.Stated{"XX01": {Name: app.Location{File: "Districts Dec-25.xlsx", Sheet: "Districts", Cell: "B2"}}}})
	mustUndo(t, b, "I0001")
	Reviewed(t, b, "Scorecard Feb-26.xlsx", monthFile(feb))
	Reviewed(t, b, "Scorecard Mar-26.xlsx", monthFile(mar))

	ha, hb := load(t, a), load(t, b)
	if len(hb.Indicators()) == 0 || len(hb.Targets("CIC05")) == 0 || len(hb.Benchmarks("CIC05")) == 0 {
		t.Fatal("the files give no definitions, targets or benchmarks: the scenario proves nothing")
	}
	if got, want := refs(ha.Indicators()), refs(hb.Indicators()); !reflect.DeepEqual(got, want) {
		t.Fatalf("after undoing January the store defines %q, want %q as February and March define", got, want)
	}
	sameHistory(t, "Load", ha, hb)

	ia, err := a.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	ib, err := b.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ia, ib) {
		t.Fatalf("Indicators() = %+v, want %+v", ia, ib)
	}
	var rs []string
	for _, ind := range ib {
		rs = append(rs, ind.Ref)
		oa, err := a.LoadIndicator(ind.Ref)
		if err != nil {
			t.Fatal(err)
		}
		ob, err := b.LoadIndicator(ind.Ref)
		if err != nil {
			t.Fatal(err)
		}
		sameHistory(t, "LoadIndicator("+ind.Ref+")", oa, ob)
		aa, err := a.LoadIndicatorArea(ind.Ref, "Thanet")
		if err != nil {
			t.Fatal(err)
		}
		ab, err := b.LoadIndicatorArea(ind.Ref, "Thanet")
		if err != nil {
			t.Fatal(err)
		}
		sameHistory(t, "LoadIndicatorArea("+ind.Ref+", Thanet)", aa, ab)
		if pw, ok := a.(interface{ Piecewise() (*store.Pieces, error) }); ok {
			// The export's reader, proving each piece by its ref's sums.
			p, err := pw.Piecewise()
			if err != nil {
				t.Fatal(err)
			}
			pa, err := p.LoadIndicator(ind.Ref)
			if err != nil {
				t.Fatal(err)
			}
			sameHistory(t, "Piecewise LoadIndicator("+ind.Ref+")", pa, ob)
		}
	}
	ta, err := a.HeldTargets(rs)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := b.HeldTargets(rs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ta, tb) {
		t.Fatalf("HeldTargets = %+v, want %+v", ta, tb)
	}

	// The definitions now stand from February's import: a figures-only
	// file changes none of them, and a later undo of February leaves
	// March's.
	tidy := &app.Dataset{Indicators: []app.Indicator{{Ref: "CIC05", Name: "CIC05", Unit: app.Number}},
		Observations: []app.Observation{{Ref: "CIC05", Area: app.Kent, Split: app.All, Period: app.MonthOf(2026, 4), Value: app.Float(11.2)}},
		Stated:       map[string]app.Stated{}}
	Reviewed(t, a, "cic05 April.csv", tidy)
	mustUndo(t, a, "I0002")
	if got := load(t, a).Indicators(); !reflect.DeepEqual(got, hb.Indicators()) {
		t.Fatalf("after a figures-only file and undoing February the definitions are %+v, want March's %+v", got, hb.Indicators())
	}
}

// sameHistory fails t unless a and b hold the same records, whatever
// imports each store lists.
func sameHistory(t *testing.T, what string, a, b *app.History) {
	t.Helper()
	ia, ib := a.Imports, b.Imports
	a.Imports, b.Imports = nil, nil
	defer func() { a.Imports, b.Imports = ia, ib }()
	if reflect.DeepEqual(a, b) {
		return
	}
	for _, ind := range b.Indicators() {
		if got, want := fmt.Sprint(a.Targets(ind.Ref), a.Benchmarks(ind.Ref)), fmt.Sprint(b.Targets(ind.Ref), b.Benchmarks(ind.Ref)); got != want {
			t.Errorf("%s: %s targets and benchmarks %s, want %s", what, ind.Ref, got, want)
		}
	}
	t.Fatalf("%s: the store with January undone holds other records than the one given February and March alone", what)
}
