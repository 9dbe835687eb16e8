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

// readScenarios are the scenarios of reads: the whole history, one indicator, one area, and copies.
var readScenarios = []scenario{
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
