package storetest

import (
	"errors"
	"reflect"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// retireScenarios are the contract of an indicator retired from a period
// (app.SetRetire, QA27a 5): kept as an edit, read back by Load and
// LoadIndicator alike with the import that made it, replaced by a later
// one (putting it back in circulation), and each undone exactly, the
// earlier standing again.
var retireScenarios = []scenario{
	{"retire an indicator", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		edit := func(from app.Period, note string) string {
			rec, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: note},
				&app.Dataset{ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRetire, From: from}}})
			if err != nil {
				t.Fatalf("%s: %v", note, err)
			}
			return rec.ID
		}
		var retired, reinstated string
		for _, step := range []struct {
			name string
			do   func()
			// from is the retirement in force after the step, "" for
			// none; by is the import that made it.
			from string
			by   *string
		}{
			{"retired from April", func() { retired = edit(march.Add(1), "CIC05: retired from Apr-25") }, "Apr-25", &retired},
			{"put back", func() { reinstated = edit(app.Period{}, "CIC05: back in circulation") }, "", nil},
			{"putting back undone", func() { mustUndo(t, st, reinstated) }, "Apr-25", &retired},
			{"retiring undone", func() { mustUndo(t, st, retired) }, "", nil},
		} {
			step.do()
			one, err := st.LoadIndicator("CIC05")
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range []*app.History{load(t, st), one} {
				r, ok := h.Retirement("CIC05")
				got := ""
				if ok {
					got = r.From.Label()
				}
				if got != step.from || ok && r.Import != *step.by {
					t.Fatalf("%s: retired from %q by %s, want %q by %v", step.name, got, r.Import, step.from, step.by)
				}
				if h.InCirculation("CIC05", march.Add(1)) != (step.from == "") || !h.InCirculation("CIC05", march) {
					t.Fatalf("%s: in circulation in Mar-25 %v, Apr-25 %v", step.name, h.InCirculation("CIC05", march), h.InCirculation("CIC05", march.Add(1)))
				}
				if _, ok := h.Retirement("SCS02"); ok {
					t.Fatalf("%s: SCS02 retired too", step.name)
				}
			}
		}
		imps, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		if n := len(imps); n != 3 || imps[1].Note != "CIC05: retired from Apr-25" || imps[1].Undone == nil {
			t.Fatalf("imports %+v, want the retirement listed, undone", imps)
		}
	}},
	{"retirement worked out before a colleague's import", func(t *testing.T, st store.Store, opt Options) {
		// Retiring CIC05 is worked out with March its last figure (from
		// Apr-25); a colleague's import giving April lands before it is
		// saved: the retirement is refused as stale, nothing stored, and
		// worked out again against the store as it is now (QA32 finding
		// 1: it landed, retiring from a month with a figure).
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		basis := func() string {
			imps, err := st.Imports()
			if err != nil {
				t.Fatal(err)
			}
			return store.Basis(imps)
		}
		decided := basis()
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 0))
		before := load(t, st)
		retire := func(from app.Period, basis string) error {
			_, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: "CIC05: retired from " + from.Label(), Basis: basis},
				&app.Dataset{ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetRetire, From: from}}})
			return err
		}
		if err := retire(march.Add(1), decided); !errors.Is(err, store.ErrStale) {
			t.Fatalf("retirement worked out before a colleague's import: err = %v, want ErrStale", err)
		}
		if !reflect.DeepEqual(load(t, st), before) {
			t.Fatal("a stale retirement changed the store")
		}
		if err := retire(march.Add(2), basis()); err != nil {
			t.Fatalf("retirement worked out against the store as it is: %v", err)
		}
		if r, ok := load(t, st).Retirement("CIC05"); !ok || r.From != march.Add(2) {
			t.Fatalf("retirement %+v, want from May-25", r)
		}
	}},
}
