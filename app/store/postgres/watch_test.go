package postgres_test

import (
	"context"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
)

// TestWatch: a window watching the team store hears of a colleague's
// import and undo, made through another connection, within seconds.
func TestWatch(t *testing.T) {
	dsn := pgtest.DSN(t)
	window, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	colleague, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer colleague.Close()
	ctx, cancel := context.WithCancel(context.Background())
	heard := make(chan struct{}, 10)
	done := make(chan error)
	go func() { done <- window.Watch(ctx, func() { heard <- struct{}{} }) }()
	wait := func(what string) {
		t.Helper()
		select {
		case <-heard:
		case <-time.After(5 * time.Second):
			t.Fatalf("the window did not hear of the %s within 5 s", what)
		}
	}
	// Watch listens once it has connected; an import before then is not
	// announced to it, so the first import is repeated until it is heard.
	deadline := time.Now().Add(5 * time.Second)
	for n := 0; ; n++ {
		ds := &app.Dataset{Comments: []app.Comment{{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 3), Text: "placement audit " + string(rune('a'+n))}}}
		if _, err := colleague.Import(store.Source{Name: "edit", Kind: "edit", Note: "comment"}, ds); err != nil {
			t.Fatal(err)
		}
		select {
		case <-heard:
		case <-time.After(200 * time.Millisecond):
			if time.Now().Before(deadline) {
				continue
			}
			t.Fatal("the window never heard of an import")
		}
		break
	}
	recs, err := colleague.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := colleague.Undo(recs[len(recs)-1].ID); err != nil {
		t.Fatal(err)
	}
	wait("undo")
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatalf("Watch returned %v when its context ended", err)
	}
}
