package main

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/app/store/postgres/pgtest"
)

// TestWindowOnTeamStore launches the real (GL) window with --db naming a
// team store, under Xvfb, as an officer's shortcut would: the URL reaches
// the window, which opens the store and listens on it for colleagues'
// changes, and nothing it prints shows the password.
func TestWindowOnTeamStore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary and runs it under Xvfb")
	}
	dsn := pgtest.DSN(t)
	needTools(t, "xvfb xauth", "xvfb-run")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if pw == "" {
		t.Fatal("the test cluster's URL has no password, so its hiding cannot be tested")
	}
	gl := glBinary(t)
	mustRun(t, dsn, "import", filepath.Join("assets", "demo.xlsx"))

	w := startXvfbWindow(t, nil, nil, gl, "--db", dsn)
	defer func() {
		w.stop()
		if strings.Contains(w.out.String(), pw) {
			t.Errorf("the window printed the password:\n%s", w.out.String())
		}
	}()

	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-w.done:
			t.Fatalf("the window exited (%v) instead of opening the team store:\n%s", w.err, w.out.String())
		default:
		}
		var listening int
		if err := admin.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'LISTEN%'`).Scan(&listening); err != nil {
			t.Fatal(err)
		}
		if listening > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window on the team store did not listen for colleagues' changes within 30 s:\n%s", w.out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}
