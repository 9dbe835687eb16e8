package postgres_test

import (
	"reflect"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/storetest"
)

// TestIndicatorReader: an import's review reads the team store's history
// once for all the indicators it asks after, not once per indicator (six
// thousand transactions for a large revising file, twelve times bbolt's
// time), and what it gives of each indicator is what LoadIndicator gives:
// its figures with the imports that restated them, targets with theirs,
// benchmarks and comments.
func TestIndicatorReader(t *testing.T) {
	st := open(t)
	// Three monthly files, each revising the months before and restating
	// the year's targets; the third restates the second's figures.
	for i, f := range []struct {
		name string
		last app.Period
		bump float64
	}{
		{"kent-2025-09.xlsx", app.MonthOf(2025, 9), 0},
		{"kent-2025-10.xlsx", app.MonthOf(2025, 10), 1},
		{"kent-2025-10-reissued.xlsx", app.MonthOf(2025, 10), 1},
	} {
		ds := storetest.Monthly(storetest.Months(f.last, 6), f.bump)
		if _, err := st.Import(source(f.name), ds); err != nil {
			t.Fatalf("import %d %s: %v", i+1, f.name, err)
		}
	}
	read := store.IndicatorReader(st)
	refs := []string{"CIC05", "SCS02", "EH01", "SEND01"}
	var first *app.History
	for _, ref := range refs {
		got, err := read(ref)
		if err != nil {
			t.Fatalf("read %s: %v", ref, err)
		}
		if first == nil {
			first = got
		} else if got != first {
			t.Errorf("read %s: a second read of the store; want the one history read for %s", ref, refs[0])
		}
		want, err := st.LoadIndicator(ref)
		if err != nil {
			t.Fatal(err)
		}
		sameOf(t, ref, want, got)
	}
}

// sameOf fails t unless got holds what want does of ref.
func sameOf(t *testing.T, ref string, want, got *app.History) {
	t.Helper()
	if !slices.EqualFunc(want.Imports, got.Imports, func(a, b app.Import) bool { return a.ID == b.ID }) {
		t.Errorf("%s: imports %v, want %v", ref, got.Imports, want.Imports)
	}
	w, _ := want.Indicator(ref)
	if g, _ := got.Indicator(ref); !reflect.DeepEqual(w, g) {
		t.Errorf("%s: definition %+v, want %+v", ref, g, w)
	}
	n := 0
	for _, k := range want.Keys() {
		if k.Ref != ref {
			continue
		}
		ws, gs := want.Series(k), got.Series(k)
		if !reflect.DeepEqual(ws, gs) {
			t.Errorf("%s: series %v: %d figures %+v, want %d %+v", ref, k, len(gs), gs, len(ws), ws)
			continue
		}
		for _, o := range ws {
			n++
			if w, g := want.Restated(k, o.Period), got.Restated(k, o.Period); !slices.Equal(w, g) {
				t.Errorf("%s: %v %s restated by %v, want %v", ref, k, o.Period.Label(), g, w)
			}
			if w, g := want.Revisions(k, o.Period), got.Revisions(k, o.Period); !reflect.DeepEqual(w, g) {
				t.Errorf("%s: %v %s revisions %+v, want %+v", ref, k, o.Period.Label(), g, w)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: LoadIndicator gives no figures; the test compares nothing", ref)
	}
	if w, g := want.Targets(ref), got.Targets(ref); !reflect.DeepEqual(w, g) || len(w) == 0 {
		t.Errorf("%s: targets %+v, want %+v (some)", ref, g, w)
	}
	for _, tg := range want.Targets(ref) {
		if w, g := want.TargetRestated(ref, tg.Year), got.TargetRestated(ref, tg.Year); !slices.Equal(w, g) {
			t.Errorf("%s: target %v restated by %v, want %v", ref, tg.Year, g, w)
		}
	}
	if w, g := want.Benchmarks(ref), got.Benchmarks(ref); !reflect.DeepEqual(w, g) {
		t.Errorf("%s: benchmarks %+v, want %+v", ref, g, w)
	}
}
