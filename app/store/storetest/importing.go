package storetest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// importScenarios are the scenarios of the import itself: what a file adds, refuses or keeps.
var importScenarios = []scenario{
	{"import", func(t *testing.T, st store.Store, opt Options) {
		ds := Monthly(spring, 0)
		rec := mustImport(t, st, "March scorecard.xlsx", ds)
		want := app.Counts{Indicators: 4, Observations: len(ds.Observations), Targets: len(ds.Targets),
			Benchmarks: 1, Breakdowns: 3, Comments: 4}
		if rec.ID != "I0001" || rec.Counts != want || rec.Source != "March scorecard.xlsx" || rec.Kind != "workbook" {
			t.Fatalf("import = %s %+v from %q (%s), want I0001 %+v", rec.ID, rec.Counts, rec.Source, rec.Kind, want)
		}
		h := load(t, st)
		fresh := app.NewHistory()
		fresh.Apply(ds, "I0001")
		fresh.Imports = h.Imports
		if !reflect.DeepEqual(h, fresh) {
			t.Fatalf("the store loads something other than the dataset it was given")
		}
		if len(h.Imports) != 1 || !sameImport(h.Imports[0], rec) {
			t.Fatalf("History.Imports = %+v, want [%+v]", h.Imports, rec)
		}
	}},
	{"store changed since the review", func(t *testing.T, st store.Store, opt Options) {
		// A file reviewed against the empty store; a colleague's import
		// lands before it: the import is refused as stale, the store
		// unchanged, and a review against the store as it is now lets it
		// in. An undo since the review makes it stale too.
		reviewed := store.Basis(nil)
		mustImport(t, st, "Colleague's March scorecard.xlsx", Monthly(spring, 0))
		before := load(t, st)
		src := file("March scorecard.xlsx")
		src.Basis = reviewed
		if _, err := st.Import(src, Monthly(spring, 1)); !errors.Is(err, store.ErrStale) {
			t.Fatalf("import reviewed before a colleague's import: err = %v, want ErrStale", err)
		}
		if !reflect.DeepEqual(load(t, st), before) {
			t.Fatal("a stale import changed the store")
		}
		basis := func() string {
			imps, err := st.Imports()
			if err != nil {
				t.Fatal(err)
			}
			return store.Basis(imps)
		}
		src.Basis = basis()
		if _, err := st.Import(src, Monthly(spring, 1)); err != nil {
			t.Fatalf("import reviewed against the store as it is: %v", err)
		}
		src = file("April scorecard.xlsx")
		src.Basis = basis()
		mustUndo(t, st, "I0002")
		if _, err := st.Import(src, Monthly(spring, 2)); !errors.Is(err, store.ErrStale) {
			t.Fatalf("import reviewed before a colleague's undo: err = %v, want ErrStale", err)
		}
		// Figures alone need no review, whatever the basis.
		figures := Monthly(spring, 2)
		figures.Indicators, figures.Targets = nil, nil
		src = file("April figures.csv")
		src.Basis = reviewed
		if _, err := st.Import(src, figures); err != nil {
			t.Fatalf("an import defining nothing: %v", err)
		}
	}},
	{"repeat import refused", func(t *testing.T, st store.Store, opt Options) {
		first := mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		before := load(t, st)
		rec, err := st.Import(file("March scorecard.xlsx"), Monthly(spring, 5))
		if !errors.Is(err, store.ErrAlreadyImported) || !strings.Contains(err.Error(), "I0001") {
			t.Fatalf("repeat import: err = %v, want ErrAlreadyImported naming I0001", err)
		}
		if rec.ID != first.ID {
			t.Fatalf("repeat import returned %s, want the earlier import %s", rec.ID, first.ID)
		}
		if !reflect.DeepEqual(load(t, st), before) {
			t.Fatal("a refused repeat import changed the store")
		}
		mustUndo(t, st, "I0001")
		again := mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		if again.ID != "I0002" {
			t.Fatalf("after undo the file imports as %s, want I0002", again.ID)
		}
	}},
	{"revision", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		rec := mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		h := load(t, st)
		k := app.SeriesKey{Ref: "CIC05", Area: app.Kent, Split: app.All}
		o, ok := h.Observation(k, march)
		if !ok || o.Import != "I0002" || o.Revision != 1 {
			t.Fatalf("CIC05 March = %+v, want I0002's, revision 1", o)
		}
		revs := h.Revisions(k, march)
		if len(revs) != 1 || revs[0].Import != "I0001" || reflect.DeepEqual(revs[0].Numerator, o.Numerator) {
			t.Fatalf("revisions of CIC05 March = %+v, want I0001's earlier figure", revs)
		}
		if rec.Counts.Revisions == 0 || rec.Counts.Revisions != rec.Counts.Observations {
			t.Fatalf("reissue counts %+v: every observation added should be a revision", rec.Counts)
		}
		// The suppressed cells are the same in both files: restated.
		if rec.Counts.Observations >= len(revised().Observations) {
			t.Fatalf("reissue added %d observations of %d: suppressed figures it repeats should add nothing", rec.Counts.Observations, len(revised().Observations))
		}
	}},
	{"restatement", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		rec := mustImport(t, st, "April scorecard.xlsx", aprilFile())
		h := load(t, st)
		// February and March repeat: only April's figures are new, and
		// no definition is restated as new.
		aprilOnly := 0
		for _, o := range aprilFile().Observations {
			if o.Period == march.Add(1) {
				aprilOnly++
			}
		}
		if rec.Counts.Observations != aprilOnly || rec.Counts.Revisions != 0 || rec.Counts.Indicators != 0 {
			t.Fatalf("April counts %+v, want %d observations and no revisions or definitions", rec.Counts, aprilOnly)
		}
		k := app.SeriesKey{Ref: "EH01", Area: "Ashford", Split: app.Excluding(app.UASC)}
		if o, _ := h.Observation(k, march); o.Import != "I0001" || o.Revision != 0 {
			t.Fatalf("a restated figure = %+v, want I0001's, unrevised", o)
		}
		// A value restated without its components keeps them.
		ds := &app.Dataset{}
		o, _ := h.Observation(k, march)
		ds.Observations = []app.Observation{{Ref: k.Ref, Area: k.Area, Split: k.Split, Period: march, Value: o.Value, Cell: "Scorecard!F9"}}
		third := mustImport(t, st, "EH summary.xlsx", ds)
		if third.Counts.Observations != 0 {
			t.Fatalf("a value-only restatement added %d observations", third.Counts.Observations)
		}
		got, _ := load(t, st).Observation(k, march)
		if !reflect.DeepEqual(got, o) {
			t.Fatalf("after a value-only restatement the figure is %+v, want %+v", got, o)
		}
		// Undoing the first import leaves the figures April restated,
		// now April's.
		mustUndo(t, st, "I0001")
		h = load(t, st)
		if got, ok := h.Observation(k, march); !ok || got.Import != "I0002" {
			t.Fatalf("after undoing I0001 the figure April restated is %+v, %v; want I0002's", got, ok)
		}
		if _, ok := h.Observation(k, march.Add(-2)); ok {
			t.Fatal("after undoing I0001 its January figure remains")
		}
	}},
	{"a refused import changes nothing", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		before := load(t, st)
		bad := Monthly(april, 3)
		bad.Observations[len(bad.Observations)-1].Area = "Thanet\x00"
		if _, err := st.Import(file("April scorecard.xlsx"), bad); err == nil || !strings.Contains(err.Error(), "NUL") {
			t.Fatalf("import with a NUL byte in an area: err = %v", err)
		}
		if !reflect.DeepEqual(load(t, st), before) {
			t.Fatal("a refused import changed the store")
		}
		if rec := mustImport(t, st, "April scorecard.xlsx", Monthly(april, 0)); rec.ID != "I0002" {
			t.Fatalf("the next import is %s, want I0002: a refused import used a number", rec.ID)
		}
	}},
	{"a source's own text is kept exactly", func(t *testing.T, st store.Store, opt Options) {
		// A CSV field may hold any character, a NUL byte among them; a
		// workbook cell, accented and symbol text.
		ds := Monthly(spring, 0)
		texts := []string{"12\x005", "n/a – see note ★", "#DIV/0!", "«c»"}
		for i, s := range texts {
			ds.Observations[i].Raw = s
			ds.Observations[i].Cell = "Données " + s + "!B7"
		}
		mustImport(t, st, "March scorecard.csv", ds)
		h := load(t, st)
		for i, s := range texts {
			o := ds.Observations[i]
			got, ok := h.Observation(o.Key(), o.Period)
			if !ok || got.Raw != s || got.Cell != o.Cell {
				t.Fatalf("raw text %q in %q came back as %q in %q", s, o.Cell, got.Raw, got.Cell)
			}
		}
	}},
}
