package storetest

import (
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// circulationScenarios are the contract of the outputs recorded as
// circulated: none in a store that never recorded one, each appended in
// order, read back whole by Circulations and Load alike, and kept when
// an import they reflect is undone.
var circulationScenarios = []scenario{
	{"circulations recorded", func(t *testing.T, st store.Store, opt Options) {
		if cs, err := st.Circulations(); err != nil || len(cs) != 0 {
			t.Fatalf("a new store: circulations %+v, %v; want none", cs, err)
		}
		mustImport(t, st, "March scorecard.xlsx", Monthly(spring, 0))
		if h := load(t, st); len(h.Circulations) != 0 {
			t.Fatalf("a store that recorded none loads circulations %+v", h.Circulations)
		}
		before, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		march1 := app.NewCirculation(app.CirculatedPack, "/tmp/March pack.pdf", march, app.Kent, []app.Cohort{"uasc"}, load(t, st).Imports)
		got1, err := st.RecordCirculation(march1)
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, st, "April scorecard.xlsx", aprilFile())
		april1 := app.NewCirculation(app.CirculatedBrief, "", march.Add(1), "", nil, load(t, st).Imports)
		got2, err := st.RecordCirculation(april1)
		if err != nil {
			t.Fatal(err)
		}
		if got1.Seq != 1 || got2.Seq != 2 {
			t.Fatalf("numbered %d and %d, want 1 and 2", got1.Seq, got2.Seq)
		}
		if opt.RecordsOperator && got1.Officer == "" {
			t.Errorf("no officer recorded: %+v", got1)
		}
		check := func(when string) {
			t.Helper()
			listed, err := st.Circulations()
			if err != nil {
				t.Fatal(err)
			}
			for _, cs := range [][]app.Circulation{listed, load(t, st).Circulations} {
				if len(cs) != 2 {
					t.Fatalf("%s: %d circulations, want 2: %+v", when, len(cs), cs)
				}
				for i, want := range []app.Circulation{got1, got2} {
					c := cs[i]
					if c.Seq != want.Seq || c.Output != want.Output || c.File != want.File || c.Period != want.Period ||
						c.Area != want.Area || !slices.Equal(c.Excluded, want.Excluded) || !slices.Equal(c.Imports, want.Imports) ||
						!c.Time.Equal(want.Time) || c.Officer != want.Officer {
						t.Fatalf("%s: circulation %d read back as %+v, want %+v", when, i+1, c, want)
					}
				}
			}
			if !slices.Equal(listed[0].Imports, []string{"I0001"}) || !slices.Equal(listed[1].Imports, []string{"I0001", "I0002"}) {
				t.Fatalf("%s: imports reflected %v and %v", when, listed[0].Imports, listed[1].Imports)
			}
		}
		check("recorded")
		// Recording one is not an import: the import history and its
		// fingerprint are as they were.
		after, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before)+1 || store.Basis(after[:1]) != store.Basis(before) {
			t.Fatalf("imports %+v after recording, %+v before", after, before)
		}
		mustUndo(t, st, "I0002")
		check("after undoing I0002")
	}},
}
