package views

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres/pgtest"
)

// TestColleagueUndoRedescribesRow: a window on the team store with the
// keyboard on CIC05 in Mar-25 learns that a colleague undid the import
// that gave Mar-25. The line under the filters then reads CIC05 as the
// table beside it now does, in Feb-25, as highlighting it afresh would,
// not the undone month's figures until the mouse moves (QA32 4); and the
// status bar says the month went, and which the window shows now.
func TestColleagueUndoRedescribesRow(t *testing.T) {
	q := queueTeamWork(t)
	dsn := pgtest.DSN(t)
	colleague := openTeam(t, dsn)
	d := scorecardFixture(24)
	march := &app.Dataset{}
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		if o.Period == app.MonthOf(2025, 3) {
			march.Observations = append(march.Observations, o)
			return true
		}
		return false
	})
	if _, err := colleague.Import(store.Source{Name: "Scorecard February.xlsx", Kind: "workbook", SHA256: "sha-feb"}, d); err != nil {
		t.Fatal(err)
	}
	imp, err := colleague.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook", SHA256: "sha-mar"}, march)
	if err != nil {
		t.Fatal(err)
	}

	w := windowOn(t, openTeam(t, dsn))
	w.win.Resize(fyne.NewSize(1600, 900))
	waitListening(t, dsn)
	if w.v.period != app.MonthOf(2025, 3) {
		t.Fatalf("the window opened on %s, want Mar-25", w.v.period.Label())
	}
	// The first line is the section heading; down once reaches CIC05.
	w.win.Canvas().Focus(w.score.table)
	w.score.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	inMarch := w.hint.Text
	if !strings.HasPrefix(inMarch, "CIC05 ") {
		t.Fatalf("the keyboard on CIC05 says %q", inMarch)
	}

	if _, err := colleague.Undo(imp.ID); err != nil {
		t.Fatal(err)
	}
	want := imp.ID + " undone by " + imp.Officer + " (team store); Mar-25 no longer has figures: showing Feb-25"
	eventually(t, w, q, 5*time.Second, "the colleague's undo on screen", func() bool {
		return w.v.period == app.MonthOf(2025, 2) && strings.Contains(w.status.Text, want)
	})
	var afterUndo, afresh string
	locked(w, func() {
		afterUndo = w.hint.Text
		// As the mouse moving onto the line again would.
		w.score.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		w.score.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		afresh = w.hint.Text
	})
	if !strings.HasPrefix(afresh, "CIC05 ") || afresh == inMarch {
		t.Fatalf("highlighted afresh in Feb-25, CIC05 reads %q; in Mar-25 it read %q: the test cannot tell them apart", afresh, inMarch)
	}
	if afterUndo != afresh {
		t.Errorf("after the colleague's undo the line under the filters reads\n%q\nwhere CIC05 in Feb-25 reads\n%q", afterUndo, afresh)
	}
}

// TestPeriodNews: what the status bar says of a colleague's change to the
// periods: the month shown gone, or the store's latest moved.
func TestPeriodNews(t *testing.T) {
	feb, mar, apr := app.MonthOf(2025, 2), app.MonthOf(2025, 3), app.MonthOf(2025, 4)
	for _, tt := range []struct {
		name                       string
		shown, now, latest, newest app.Period
		want                       string
	}{
		{"the store's first figures", app.Period{}, mar, app.Period{}, mar, ""},
		{"nothing moved", mar, mar, mar, mar, ""},
		{"the month shown undone", mar, feb, mar, feb, "Mar-25 no longer has figures: showing Feb-25"},
		{"every figure undone", mar, app.Period{}, mar, app.Period{}, "Mar-25 no longer has figures: the store holds none"},
		{"a later month imported", mar, mar, mar, apr, "latest period now Apr-25; still showing Mar-25 (choose Apr-25 under Period)"},
		{"the latest undone, an earlier month shown", feb, feb, mar, feb, "latest period now Feb-25, as shown"},
		{"a later month imported, an earlier month shown", feb, feb, mar, apr, "latest period now Apr-25; showing Feb-25"},
	} {
		if got := periodNews(tt.shown, tt.now, tt.latest, tt.newest); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
