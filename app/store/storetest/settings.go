package storetest

import (
	"reflect"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// settingScenarios are the scenarios of the store's settings, authority and import list.
var settingScenarios = []scenario{
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
}
