package storetest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// undoScenarios are the scenarios of undo: an import removed exactly.
var undoScenarios = []scenario{
	{"undo exactness", func(t *testing.T, st store.Store, opt Options) {
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		mustImport(t, st, "April scorecard.xlsx", Monthly(april, 0))
		want := load(t, st)
		mustImport(t, st, "March scorecard (reissued).xlsx", revised())
		mustEdit(t, st)
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
}
