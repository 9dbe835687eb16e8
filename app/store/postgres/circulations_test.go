package postgres_test

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// TestColleagueCirculations: the circulations table is made by the
// first output recorded, so a colleague granted the tables there were
// (and no CREATE) cannot record one until the owner has, nor read it
// until the owner grants it again; either way the colleague's store
// still loads, with no circulations, and the refusal is the server's
// reason, which the command line says after writing the output.
func TestColleagueCirculations(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	owner, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	storetest.Script(t, owner)
	mate, err := postgres.Open(ctx, colleague(t, dsn))
	if err != nil {
		t.Fatal(err)
	}
	defer mate.Close()
	loads := func(who string, s *postgres.Store, want int) {
		t.Helper()
		h, err := s.Load()
		if err != nil {
			t.Fatalf("%s: load: %v", who, err)
		}
		if len(h.Circulations) != want {
			t.Fatalf("%s: %d circulations loaded, want %d", who, len(h.Circulations), want)
		}
	}
	h, err := owner.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := app.NewCirculation(app.CirculatedBrief, "", app.MonthOf(2025, 5), app.Kent, nil, h.Imports)
	if _, err := mate.RecordCirculation(c); err == nil || !strings.Contains(err.Error(), "record the circulation") {
		t.Fatalf("a colleague without CREATE recorded the first circulation: %v", err)
	}
	loads("the colleague, no table yet", mate, 0)
	rec, err := owner.RecordCirculation(c)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Seq != 1 || rec.Officer == "" {
		t.Errorf("recorded as %+v", rec)
	}
	loads("the owner", owner, 1)
	loads("the colleague, table not granted", mate, 0)
	if _, err := mate.RecordCirculation(c); err == nil {
		t.Fatal("a colleague not granted the table recorded a circulation")
	}
}
