package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres/pgtest"
)

// TestRetireWorkedOutAgainWhenStale: a retirement confirmed in the
// window carries the store's state its confirmation was worked out from
// (store.Basis), as scorecard retire does. A colleague's import landing
// while the confirmation is open, giving EH01 the Mar-25 figure it
// lacked, makes "retire from Mar-25, its last figure is for Feb-25"
// untrue: the store refuses it, nothing is saved, the window reads the
// store again, says so in the status bar and in a confirmation worked
// out afresh (from Apr-25, its last figure Mar-25), which saves.
func TestRetireWorkedOutAgainWhenStale(t *testing.T) {
	for _, tc := range []struct {
		engine string
		open   func(t *testing.T) store.Store
	}{
		{"bbolt", openStore},
		{"team store", func(t *testing.T) store.Store {
			// The window's link to the team store waits in a queue the
			// test never runs: the colleague's import reaches the
			// window only through the store's refusal.
			queueTeamWork(t)
			return openTeam(t, pgtest.DSN(t))
		}},
	} {
		t.Run(tc.engine, func(t *testing.T) {
			st := tc.open(t)
			d := scorecardFixture(24)
			late := slices.IndexFunc(d.Observations, func(o app.Observation) bool {
				return o.Ref == "EH01" && o.Area == app.Kent && o.Split == app.All && o.Period == app.MonthOf(2025, 3)
			})
			if late < 0 {
				t.Fatal("the fixture has no Mar-25 figure for EH01")
			}
			march := d.Observations[late]
			d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
				return o.Ref == "EH01" && o.Period == app.MonthOf(2025, 3)
			})
			if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook", SHA256: "sha-march"}, d); err != nil {
				t.Fatal(err)
			}
			w := windowOn(t, st)
			const name = "EH01 Early help cases closed with outcomes achieved"
			w.openDetail("EH01")
			b := findButton(w.detail.content, "Retire…")
			if b == nil {
				t.Fatal("the Indicator tab has no Retire… button")
			}
			test.Tap(b)
			confirmation(t, w, "Retire "+name+" from Mar-25?", "Its last figure is for Feb-25.")

			// A colleague's late return for EH01 lands meanwhile.
			colleague, err := st.Import(store.Source{Name: "EH01 late return.xlsx", Kind: "workbook", SHA256: "sha-late"}, &app.Dataset{Observations: []app.Observation{march}})
			if err != nil {
				t.Fatal(err)
			}
			confirm(t, w, "Retire")

			imps, err := st.Imports()
			if err != nil {
				t.Fatal(err)
			}
			if last := imps[len(imps)-1]; last.ID != colleague.ID {
				t.Fatalf("a retirement worked out before the colleague's import was saved: %s %q", last.ID, last.Note)
			}
			if s := w.status.Text; !strings.Contains(s, "EH01: not saved: an import or undo") || !strings.Contains(s, "worked out again from the store as it is now") {
				t.Errorf("the status bar does not say the retirement was worked out again: %q", s)
			}
			confirmation(t, w, "Not saved: an import or undo changed the store while the last confirmation was open",
				"Retire "+name+" from Apr-25?", "Its last figure is for Mar-25.")
			confirm(t, w, "Retire")

			imps, err = st.Imports()
			if err != nil {
				t.Fatal(err)
			}
			if last, want := imps[len(imps)-1], name+": retired from Apr-25 (its last figure is for Mar-25)"; last.Kind != "edit" || last.Note != want {
				t.Errorf("saved %s %q, want the edit %q", last.ID, last.Note, want)
			}
		})
	}
}

// confirmation fails t unless the dialog on top of w says each of words.
func confirmation(t *testing.T, w *mainWindow, words ...string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation shown")
	}
	text := strings.Join(labelTexts(top), "\n")
	for _, word := range words {
		if !strings.Contains(text, word) {
			t.Errorf("the confirmation does not say %q:\n%s", word, text)
		}
	}
}

// confirm taps the button of the dialog on top of w.
func confirm(t *testing.T, w *mainWindow, button string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation shown")
	}
	b := findButton(top, button)
	if b == nil {
		t.Fatalf("the confirmation has no %q button:\n%s", button, strings.Join(labelTexts(top), "\n"))
	}
	test.Tap(b)
}

// TestRetireWhenIndicatorRemoved: a colleague's undo of the only import
// defining EH01, landing while its Retire… confirmation is open, leaves
// nothing to retire. Confirming saves nothing and, where a stale basis
// otherwise asks again, says in the status bar and in a dialog that
// EH01 is no longer in the store, which import's undo removed it and by
// whom, rather than promising a confirmation that never comes.
func TestRetireWhenIndicatorRemoved(t *testing.T) {
	for _, tc := range []struct {
		engine string
		open   func(t *testing.T) store.Store
	}{
		{"bbolt", openStore},
		{"team store", func(t *testing.T) store.Store {
			queueTeamWork(t)
			return openTeam(t, pgtest.DSN(t))
		}},
	} {
		for _, later := range []bool{false, true} {
			name := tc.engine
			if later {
				name += ", figures given later"
			}
			t.Run(name, func(t *testing.T) { retireRemoved(t, tc.open(t), later) })
		}
	}
}

// retireRemoved is TestRetireWhenIndicatorRemoved on st; later, a
// figures-only file giving EH01 a later month is imported after the
// return defining it, so that its undo leaves figures no import defines.
func retireRemoved(t *testing.T, st store.Store, later bool) {
	d := scorecardFixture(24)
	eh01 := &app.Dataset{}
	for _, ind := range d.Indicators {
		if ind.Ref == "EH01" {
			eh01.Indicators = append(eh01.Indicators, ind)
		}
	}
	for _, o := range d.Observations {
		if o.Ref == "EH01" {
			eh01.Observations = append(eh01.Observations, o)
		}
	}
	if len(eh01.Indicators) != 1 || len(eh01.Observations) == 0 {
		t.Fatal("the fixture does not define EH01 with figures")
	}
	isEH01 := func(ref string) bool { return ref == "EH01" }
	d.Indicators = slices.DeleteFunc(d.Indicators, func(i app.Indicator) bool { return isEH01(i.Ref) })
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool { return isEH01(o.Ref) })
	d.Targets = slices.DeleteFunc(d.Targets, func(x app.Target) bool { return isEH01(x.Ref) })
	d.Benchmarks = slices.DeleteFunc(d.Benchmarks, func(x app.Benchmark) bool { return isEH01(x.Ref) })
	d.Comments = slices.DeleteFunc(d.Comments, func(x app.Comment) bool { return isEH01(x.Ref) })
	if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook", SHA256: "sha-march"}, d); err != nil {
		t.Fatal(err)
	}
	defined, err := st.Import(store.Source{Name: "Early help return.xlsx", Kind: "workbook", SHA256: "sha-eh"}, eh01)
	if err != nil {
		t.Fatal(err)
	}
	if later {
		next := eh01.Observations[len(eh01.Observations)-1]
		next.Period = next.Period.Add(1)
		if _, err := st.Import(store.Source{Name: "EH01 figures.csv", Kind: "csv", SHA256: "sha-figures"}, &app.Dataset{Observations: []app.Observation{next}}); err != nil {
			t.Fatal(err)
		}
	}
	w := windowOn(t, st)
	const name = "EH01 Early help cases closed with outcomes achieved"
	w.openDetail("EH01")
	b := findButton(w.detail.content, "Retire…")
	if b == nil {
		t.Fatal("the Indicator tab has no Retire… button")
	}
	test.Tap(b)
	confirmation(t, w, "Retire "+name+" from")

	described := []string{w.detail.about.Text, w.detail.guidance.Text, w.detail.signal.Text}
	// A colleague undoes the early help return meanwhile.
	undone, err := st.Undo(defined.ID)
	if err != nil {
		t.Fatal(err)
	}
	confirm(t, w, "Retire")

	imps, err := st.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if last := imps[len(imps)-1]; last.Kind == "edit" {
		t.Fatalf("saved %s %q after EH01 was removed", last.ID, last.Note)
	}
	says := []string{name + ": not saved: it is no longer in the store",
		defined.ID + " (Early help return.xlsx) was undone", "while the confirmation was open"}
	if undone.UndoneBy != "" {
		says = append(says, "undone by "+undone.UndoneBy)
	}
	if later {
		says = append(says, "its figures are kept, but no import in force defines EH01")
	}
	for _, s := range says {
		if !strings.Contains(w.status.Text, s) {
			t.Errorf("the status bar does not say %q: %q", s, w.status.Text)
		}
	}
	if strings.Contains(w.status.Text, "worked out again") {
		t.Errorf("the status bar promises a confirmation worked out again: %q", w.status.Text)
	}
	confirmation(t, w, says...)
	shown := strings.Join(labelTexts(w.detail.content), "\n")
	for _, s := range described {
		if s != "" && strings.Contains(shown, s) {
			t.Errorf("the Indicator tab still describes EH01, no longer in the store: %q", s)
		}
	}
	if top := w.win.Canvas().Overlays().Top(); top != nil && findButton(top, "Retire") != nil {
		t.Errorf("a Retire confirmation is shown for an indicator no longer in the store:\n%s", strings.Join(labelTexts(top), "\n"))
	}
}
