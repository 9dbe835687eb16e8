package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// colleague makes a login role in the test cluster, granted the use of
// the tables of the database dsn names, as the README tells a team
// store's owner to grant a colleague, but not CREATE on the schema, and
// returns the URL that
// signs in as it. It connects as the cluster's superuser, whom
// scripts/postgres.sh trusts on its socket; where that fails it skips t.
func colleague(t *testing.T, dsn string) string {
	t.Helper()
	ctx := context.Background()
	super := func(db string) *pgx.Conn {
		u, err := url.Parse(db)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.User("postgres")
		conn, err := pgx.Connect(ctx, u.String())
		if err != nil {
			t.Skipf("cannot sign in as the cluster's superuser to make a second role: %v", err)
		}
		return conn
	}
	role := fmt.Sprintf("colleague_%d", time.Now().UnixNano()%1e9)
	conn := super(pgtest.Base(t))
	if _, err := conn.Exec(ctx, "CREATE ROLE "+role+" LOGIN PASSWORD 'pw'"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	in := super(dsn)
	defer in.Close(ctx)
	if _, err := in.Exec(ctx, "GRANT USAGE ON SCHEMA public TO "+role+"; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "+role+"; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "+role); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in := super(dsn)
		in.Exec(ctx, "DROP OWNED BY "+role)
		in.Close(ctx)
		conn := super(pgtest.Base(t))
		conn.Exec(ctx, "DROP ROLE "+role)
		conn.Close(ctx)
	})
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword(role, "pw")
	return u.String()
}

// TestColleagueWithTableGrants: a colleague granted the use of the team
// store's tables, without CREATE on its schema, imports and undoes on a
// store whose schema is up to date (every open ran CREATE TABLE IF NOT
// EXISTS and was refused, QA23a D4); where the schema must be created or
// upgraded, the colleague is told which privilege to ask for, or whom.
func TestColleagueWithTableGrants(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		version int // the schema the owner leaves: 0 up to date, -1 none
		want    []string
	}{
		{name: "up to date", version: 0},
		{name: "no tables yet", version: -1, want: []string{"has no Scorecard tables yet, and role colleague_", "may not create them", "GRANT CREATE ON SCHEMA public TO colleague_", "nothing was changed"}},
		{name: "schema behind", version: 1, want: []string{"has schema version 1 and this Scorecard needs 2, but role colleague_", "may not upgrade its tables", "ask the role that owns them to open it once with this Scorecard"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn := pgtest.DSN(t)
			if tc.version >= 0 {
				owner, err := postgres.OpenAtVersion(ctx, dsn, tc.version)
				if err != nil {
					t.Fatal(err)
				}
				owner.Close()
			}
			mate := colleague(t, dsn)
			s, err := postgres.Open(ctx, mate)
			if tc.want != nil {
				if err == nil {
					s.Close()
					t.Fatal("the colleague opened a store it may not migrate")
				}
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("said %q\nwant it to contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("the colleague could not open an up-to-date store: %v", err)
			}
			defer s.Close()
			ds := storetest.Monthly(storetest.Months(app.MonthOf(2025, 3), 3), 0)
			rec, err := s.Import(store.Source{Name: "mar.xlsx", Kind: "workbook", SHA256: strings.Repeat("ab", 32)}, ds)
			if err != nil {
				t.Fatalf("the colleague's import: %v", err)
			}
			if !strings.HasPrefix(rec.Officer, "colleague_") {
				t.Errorf("import made by %q, want the colleague's role", rec.Officer)
			}
			h, err := s.Load()
			if err != nil {
				t.Fatal(err)
			}
			if n := len(h.Keys()); n == 0 {
				t.Error("the colleague's import left no figures")
			}
			if _, err := s.Undo(rec.ID); err != nil {
				t.Errorf("the colleague's undo: %v", err)
			}
		})
	}
}
