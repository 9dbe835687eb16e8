// Package pgtest gives tests a PostgreSQL database of their own in the
// private cluster that scripts/postgres.sh starts (make test runs the
// tests under it).
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env names the variable holding the cluster's URL, such as
// postgres:///scorecard_test?host=/tmp/scorecard-pg.x1y2z3.
const Env = "SCORECARD_TEST_POSTGRES"

var made atomic.Int64

// Base returns the cluster's URL. Without one it skips t, saying how to
// get one, or fails t under CI=true, where the cluster must be there.
func Base(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no PostgreSQL cluster under CI: %s is unset (make test runs the tests under scripts/postgres.sh)", Env)
		}
		t.Skipf("no PostgreSQL cluster: %s is unset; run scripts/postgres.sh run -- go test ...", Env)
	}
	return dsn
}

// DSN creates a new, empty database for t and returns its URL; the
// database is dropped when t ends.
func DSN(t testing.TB) string {
	t.Helper()
	base := Base(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	name := fmt.Sprintf("scorecard_t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, made.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test cluster: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect to the test cluster: %v", err)
			return
		}
		defer conn.Close(ctx)
		// FORCE ends the test's own connections, but not an autovacuum
		// worker the server started on the database after a large
		// import, which soon finishes.
		for try := 0; ; try++ {
			_, err := conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
			if err == nil {
				return
			}
			if try == 50 {
				t.Errorf("drop database %s: %v", name, err)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	u.Path = "/" + name
	return u.String()
}
