// Package storetest is the contract every store engine keeps: the same
// scenarios, run against the embedded bbolt engine and the PostgreSQL team
// store, so that the app never needs to know which one it has.
package storetest

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
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

var scenarios = []struct {
	name string
	run  func(t *testing.T, st store.Store, opt Options)
}{
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
	{"undo exactness", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 0))
		want := load(t, st)
		mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		edit := &app.Dataset{Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(9), Floor: app.Float(11)}},
			Comments:      []app.Comment{{Ref: "CIC05", Area: app.Kent, Period: march, Text: "Revised after the placement audit."}},
			ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: march, Note: "new placement policy"}}}
		if _, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: "target and comment"}, edit); err != nil {
			t.Fatal(err)
		}
		mustUndo(t, st, "I0004")
		mustUndo(t, st, "I0003")
		got := load(t, st)
		if !reflect.DeepEqual(got, want) {
			t.Fatal("undoing the last two imports does not give the store as it was before them")
		}
		_, err := st.Undo("I0003")
		if err == nil || !strings.Contains(err.Error(), "already undone") {
			t.Fatalf("second undo of I0003: err = %v, want already undone", err)
		}
		for _, id := range []string{"I0009", "x"} {
			if _, err := st.Undo(id); !errors.Is(err, store.ErrNoImport) {
				t.Fatalf("undo %s: err = %v, want ErrNoImport", id, err)
			}
		}
	}},
	{"undo of a revised import keeps the later figures", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		mustUndo(t, st, "I0001")
		got := load(t, st)
		want := app.NewHistory()
		want.Apply(revised(), "I0002")
		want.Imports = got.Imports
		if !reflect.DeepEqual(got, want) {
			t.Fatal("after undoing the revised import the store is not the reissue alone")
		}
	}},
	{"settings", func(t *testing.T, st store.Store, opt Options) {
		type mapping struct {
			Column string
			Ref    string
		}
		var m mapping
		if found, err := st.Get("csv mappings", "dfe", &m); found || err != nil {
			t.Fatalf("Get of a setting never written = %v, %v", found, err)
		}
		if keys, err := st.Keys("csv mappings"); len(keys) != 0 || err != nil {
			t.Fatalf("Keys of a bucket never written = %v, %v", keys, err)
		}
		for _, k := range []string{"dfe", "Annex A", "903", "dfe"} {
			if err := st.Put("csv mappings", k, mapping{Column: "rate_per_10000", Ref: "CLA01-" + k}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Put("recent files", "1", []string{`C:\MI\March.xlsx`}); err != nil {
			t.Fatal(err)
		}
		keys, err := st.Keys("csv mappings")
		if want := []string{"903", "Annex A", "dfe"}; err != nil || !reflect.DeepEqual(keys, want) {
			t.Fatalf("Keys = %q, %v; want %q (byte order)", keys, err, want)
		}
		if found, err := st.Get("csv mappings", "dfe", &m); !found || err != nil || m.Ref != "CLA01-dfe" {
			t.Fatalf("Get = %v, %v, %+v", found, err, m)
		}
		if err := st.Delete("csv mappings", "dfe"); err != nil {
			t.Fatal(err)
		}
		if err := st.Delete("csv mappings", "never there"); err != nil {
			t.Fatalf("deleting a missing setting: %v", err)
		}
		if found, _ := st.Get("csv mappings", "dfe", &m); found {
			t.Fatal("a deleted setting is still found")
		}
		if keys, _ := st.Keys("csv mappings"); len(keys) != 2 {
			t.Fatalf("after one delete Keys = %q", keys)
		}
	}},
	{"authority", func(t *testing.T, st store.Store, opt Options) {
		a, err := st.Authority()
		if err != nil || a != app.DefaultAuthority() {
			t.Fatalf("a new store's authority = %v, %v; want the default", a, err)
		}
		// Localities named for the default authority, never set
		// explicitly, are its districts too.
		if err := st.SetDistricts(a, []string{"Localities North"}); err != nil {
			t.Fatal(err)
		}
		if got, err := st.Authority(); err != nil || !reflect.DeepEqual(got, a.WithDistricts([]string{"Localities North"})) {
			t.Fatalf("the default authority with a locality named = %+v, %v; want it among the districts", got, err)
		}
		if err := st.SetDistricts(a, nil); err != nil {
			t.Fatal(err)
		}
		// Another council than the default, from the shipped profiles.
		var other *app.Authority
		for _, a := range app.Authorities() {
			if a.Name != app.DefaultAuthority().Name && len(a.Districts()) > 0 {
				other = a
				break
			}
		}
		if other == nil {
			t.Fatal("no profile of another county council")
		}
		if err := st.SetAuthority(other); err != nil {
			t.Fatal(err)
		}
		if err := st.SetDistricts(other, []string{"Elmbridge", "Guildford"}); err != nil {
			t.Fatal(err)
		}
		a, err = st.Authority()
		if err != nil || a.Name != other.Name || !reflect.DeepEqual(a, other.WithDistricts([]string{"Elmbridge", "Guildford"})) {
			t.Fatalf("authority = %+v, %v; want %s with two districts", a, err, other.Name)
		}
		if err := st.SetDistricts(other, nil); err != nil {
			t.Fatal(err)
		}
		if a, _ = st.Authority(); !reflect.DeepEqual(a, other) {
			t.Fatalf("after removing the districts authority = %+v", a)
		}
	}},
	{"imports order and operator", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 0))
		mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		undone := mustUndo(t, st, "I0002")
		recs, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		if want := []string{"I0001", "I0002", "I0003"}; !reflect.DeepEqual(ids, want) {
			t.Fatalf("Imports = %v, want %v", ids, want)
		}
		if recs[1].Undone == nil || !recs[1].Undone.Equal(*undone.Undone) || recs[0].Undone != nil {
			t.Fatalf("Imports' undone marks = %v, %v", recs[0].Undone, recs[1].Undone)
		}
		if h := load(t, st); len(h.Imports) != 2 || h.Imports[1].ID != "I0003" {
			t.Fatalf("History.Imports = %+v, want I0001 and I0003", h.Imports)
		}
		if !opt.RecordsOperator {
			return
		}
		for _, r := range recs {
			if r.Officer == "" || r.Machine == "" {
				t.Fatalf("import %s records officer %q on %q", r.ID, r.Officer, r.Machine)
			}
		}
		if recs[1].UndoneBy == "" || recs[1].UndoneBy != undone.UndoneBy {
			t.Fatalf("undo recorded by %q (returned %q)", recs[1].UndoneBy, undone.UndoneBy)
		}
	}},
	{"load, load indicator and indicators agree", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 1))
		h := load(t, st)
		inds, err := st.Indicators()
		if err != nil || !reflect.DeepEqual(inds, h.Indicators()) {
			t.Fatalf("Indicators() = %v, %v; Load gives %v", inds, err, h.Indicators())
		}
		for _, ind := range inds {
			one, err := st.LoadIndicator(ind.Ref)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range h.Keys() {
				if k.Ref == ind.Ref && !reflect.DeepEqual(one.Series(k), h.Series(k)) {
					t.Fatalf("LoadIndicator(%s) series %v differs from Load's", ind.Ref, k)
				}
				if k.Ref != ind.Ref && one.Series(k) != nil {
					t.Fatalf("LoadIndicator(%s) holds %v", ind.Ref, k)
				}
			}
			if !reflect.DeepEqual(one.Targets(ind.Ref), h.Targets(ind.Ref)) || !reflect.DeepEqual(one.Benchmarks(ind.Ref), h.Benchmarks(ind.Ref)) {
				t.Fatalf("LoadIndicator(%s) targets or benchmarks differ from Load's", ind.Ref)
			}
			c1, ok1 := one.Comment(ind.Ref, app.Kent, april[2])
			c2, ok2 := h.Comment(ind.Ref, app.Kent, april[2])
			if c1 != c2 || ok1 != ok2 {
				t.Fatalf("LoadIndicator(%s) comment differs from Load's", ind.Ref)
			}
			if !reflect.DeepEqual(one.Imports, h.Imports) || !reflect.DeepEqual(one.Indicators(), h.Indicators()) {
				t.Fatalf("LoadIndicator(%s) imports or definitions differ from Load's", ind.Ref)
			}
		}
	}},
	{"held targets are load's", func(t *testing.T, st store.Store, opt Options) {
		// Targets set, revised by an edit, and undone, among figures.
		Script(t, st)
		h := load(t, st)
		refs := []string{"NOPE"}
		for _, ind := range h.Indicators() {
			refs = append(refs, ind.Ref, ind.Ref)
		}
		held, err := st.HeldTargets(refs)
		if err != nil {
			t.Fatal(err)
		}
		some := 0
		for _, ind := range h.Indicators() {
			if !reflect.DeepEqual(held[ind.Ref], h.Targets(ind.Ref)) {
				t.Errorf("HeldTargets: %s %+v; Load gives %+v", ind.Ref, held[ind.Ref], h.Targets(ind.Ref))
			}
			some += len(held[ind.Ref])
		}
		if some == 0 {
			t.Fatal("the script sets no targets: the scenario proves nothing")
		}
		if len(held["NOPE"]) != 0 {
			t.Errorf("HeldTargets of an unknown ref = %+v", held["NOPE"])
		}
		// A ref no store can hold is the file's fault: an error, but not
		// damage, which would send the officer to restore a backup.
		_, err = st.HeldTargets([]string{"CIC05", "CIC0\x005"})
		var damaged *store.DamagedError
		if err == nil || errors.As(err, &damaged) || !strings.Contains(err.Error(), "NUL") {
			t.Errorf("HeldTargets of a ref holding a NUL byte: %v; want an error saying so, not damage", err)
		}
	}},
	{"load indicator area reads one area's series", func(t *testing.T, st store.Store, opt Options) {
		// An area whose name begins another's must not bring that one's
		// figures with it, nor the other way round.
		ds := Monthly(spring, 0)
		for _, o := range ds.Observations {
			if o.Area == "Ashford" {
				o.Area = "Ashford North"
				ds.Observations = append(ds.Observations, o)
			}
		}
		mustImport(t, st, "March scorecard.xlsx", ds)
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 1))
		mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		inds, err := st.Indicators()
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range append([]string{"NOPE"}, refs(inds)...) {
			all, err := st.LoadIndicator(ref)
			if err != nil {
				t.Fatal(err)
			}
			for _, area := range []app.Area{app.Kent, "Ashford", "Ashford North", "Thanet", "Nowhere"} {
				one, err := st.LoadIndicatorArea(ref, area)
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, k := range all.Keys() {
					if k.Area != area {
						continue
					}
					n++
					if !reflect.DeepEqual(one.Series(k), all.Series(k)) {
						t.Fatalf("LoadIndicatorArea(%s, %s) series %v differs from LoadIndicator's", ref, area, k)
					}
					for _, o := range all.Series(k) {
						if !reflect.DeepEqual(one.Revisions(k, o.Period), all.Revisions(k, o.Period)) {
							t.Fatalf("LoadIndicatorArea(%s, %s): revisions of %v %s differ from LoadIndicator's", ref, area, k, o.Period)
						}
					}
				}
				if got := one.Keys(); len(got) != n {
					t.Fatalf("LoadIndicatorArea(%s, %s) holds series %v, want the %d of %s", ref, area, got, n, area)
				}
				if !reflect.DeepEqual(one.Targets(ref), all.Targets(ref)) || !reflect.DeepEqual(one.Benchmarks(ref), all.Benchmarks(ref)) ||
					!reflect.DeepEqual(one.ChartSettings(ref), all.ChartSettings(ref)) {
					t.Fatalf("LoadIndicatorArea(%s, %s) targets, benchmarks or chart settings differ from LoadIndicator's", ref, area)
				}
				c1, ok1 := one.Comment(ref, app.Kent, april[2])
				c2, ok2 := all.Comment(ref, app.Kent, april[2])
				if c1 != c2 || ok1 != ok2 {
					t.Fatalf("LoadIndicatorArea(%s, %s) comment differs from LoadIndicator's", ref, area)
				}
				if !reflect.DeepEqual(one.Imports, all.Imports) || !reflect.DeepEqual(one.Indicators(), all.Indicators()) {
					t.Fatalf("LoadIndicatorArea(%s, %s) imports or definitions differ from LoadIndicator's", ref, area)
				}
			}
		}
		if _, err := st.LoadIndicatorArea("CIC05", "Than\x00et"); err == nil {
			t.Fatal("LoadIndicatorArea of an area holding a NUL byte gave no error")
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
	{"backup and copy", func(t *testing.T, st store.Store, opt Options) {
		Script(t, st)
		if err := st.Put("layout", "window", map[string]int{"width": 1280}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "backup.db")
		if err := st.BackupFile(path); err != nil {
			t.Fatal(err)
		}
		b, err := store.OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := store.Same(b, st); err != nil {
			t.Fatalf("backup: %v", err)
		}
		var w map[string]int
		if found, err := b.Get("layout", "window", &w); !found || err != nil || w["width"] != 1280 {
			t.Fatalf("backup's setting = %v, %v, %v", w, found, err)
		}
		r, ok := st.(store.Replayer)
		if !ok {
			return
		}
		dst, err := store.Open(filepath.Join(t.TempDir(), "copy.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer dst.Close()
		if err := store.Copy(dst, r); err != nil {
			t.Fatal(err)
		}
		if err := store.Copy(dst, r); err == nil {
			t.Fatal("a copy into a store holding imports was not refused")
		}
	}},
}

// Script makes a history with every kind of change: imports, a
// revision, restatements, an edit, an import undone and a file imported
// again after its undo.
func Script(t testing.TB, st store.Store) {
	t.Helper()
	mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
	mustImport(t, st, "April scorecard.xlsx", aprilFile())
	mustImport(t, st, "March scorecard (reissued).xlsx", revised())
	edit := &app.Dataset{Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(9), Floor: app.Float(11)}},
		Comments:      []app.Comment{{Ref: "CIC05", Area: app.Kent, Period: march, Text: "Revised after the placement audit."}},
		ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRebase, From: march, Note: "new placement policy"}}}
	if _, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: "target and comment"}, edit); err != nil {
		t.Fatal(err)
	}
	mustUndo(t, st, "I0002")
	mustImport(t, st, "April scorecard.xlsx", Monthly(april, 1))
	mustUndo(t, st, "I0001")
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
