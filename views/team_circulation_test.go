package views

import (
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/export"
	"scorecard/app/store/postgres/pgtest"
)

// TestColleagueCirculationShows: a colleague's export, recorded as
// circulated in the team store, is learnt by an open window at once, as
// a colleague's import is, and said in the status bar: the window's
// next brief says what changed since figures were last circulated
// against it, not against the record before it until the window is
// opened again. The window's own record is no news to it.
func TestColleagueCirculationShows(t *testing.T) {
	q := queueTeamWork(t)
	dsn := pgtest.DSN(t)
	own := openTeam(t, dsn)
	w := windowOn(t, own)
	waitListening(t, dsn)
	colleague := openTeam(t, dsn)
	importDemo("workbook")(t, colleague)
	eventually(t, w, q, 5*time.Second, "the colleague's import on screen", func() bool {
		return len(w.v.stored.Imports) == 1
	})
	h, err := colleague.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := h.Latest()
	c, err := colleague.RecordCirculation(app.NewCirculation(app.CirculatedWorkbook, "/home/jsmith/Scorecard "+p.Label()+".xlsx", p, app.Kent, []app.Cohort{"uasc"}, h.Imports))
	if err != nil {
		t.Fatal(err)
	}
	want := p.Label() + " workbook Scorecard " + p.Label() + ".xlsx recorded as circulated by " + c.Officer + " on " + c.Machine + " (team store)"
	eventually(t, w, q, 5*time.Second, "the colleague's circulation learnt", func() bool {
		return slices.ContainsFunc(w.v.stored.Circulations, func(got app.Circulation) bool {
			return got.Seq == c.Seq && slices.Equal(got.Excluded, c.Excluded)
		}) && strings.Contains(w.status.Text, want)
	})

	// The window's own record, which it holds already, is not announced
	// back to it as a colleague's.
	var said string
	locked(w, func() {
		w.status.SetText("")
		said = w.recordCirculation(app.CirculatedBrief, "", p, export.Options{Period: p})
	})
	if said != "" {
		t.Fatalf("the window's brief was not recorded:%s", said)
	}
	time.Sleep(time.Second) // the notice of it comes back
	q.run()
	locked(w, func() {
		if n := len(w.v.stored.Circulations); n != 2 {
			t.Errorf("the window holds %d circulations, want 2", n)
		}
		if strings.Contains(w.status.Text, "recorded as circulated") {
			t.Errorf("the window's own brief is announced: %q", w.status.Text)
		}
	})
}
