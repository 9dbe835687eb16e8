package postgres_test

import (
	"context"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// TestOpenErrors: what a user gets wrong in a team store's URL, or a
// server that is not there, is one line naming the store without its
// password.
func TestOpenErrors(t *testing.T) {
	dsn := pgtest.DSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if pw == "" {
		t.Fatalf("the test cluster's URL has no password, so a wrong one cannot be tried")
	}
	with := func(f func(u *url.URL)) string {
		c := *u
		f(&c)
		return c.String()
	}
	const wrong = "Tr0ub4dor&3"
	tests := []struct {
		name, dsn, want string
	}{
		{"wrong password", with(func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), wrong) }), "refused the user name or password"},
		{"missing database", with(func(u *url.URL) { u.Path = "/no_such_store" }), "the database does not exist"},
		{"unreachable server", with(func(u *url.URL) {
			q := u.Query()
			q.Set("host", t.TempDir())
			u.RawQuery = q.Encode()
		}), "is unreachable"},
		{"not a URL", "postgres://root:" + wrong + "@db.kent.gov.uk:port/x", "not a PostgreSQL URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := postgres.Open(context.Background(), tt.dsn)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not say %q", msg, tt.want)
			}
			if strings.Contains(msg, wrong) || strings.Contains(msg, pw) {
				t.Errorf("error %q shows the password", msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error is more than one line: %q", msg)
			}
		})
	}
}

func TestPathHidesPassword(t *testing.T) {
	s := open(t)
	if strings.Contains(s.Path(), "scorecard-test") || strings.Contains(s.Path(), ":@") || !strings.HasPrefix(s.Path(), "postgres://") {
		t.Fatalf("Path() = %q", s.Path())
	}
	for dsn, want := range map[string]string{
		"postgres://ann:s3cret@db.kent.gov.uk:5432/mi?sslmode=require": "postgres://ann@db.kent.gov.uk:5432/mi?sslmode=require",
		"postgresql://db.kent.gov.uk/mi?user=ann&password=s3cret":      "postgresql://db.kent.gov.uk/mi?user=ann",
		"postgres:///scorecard?host=/run/postgresql":                   "postgres:///scorecard?host=/run/postgresql",
	} {
		if got := postgres.Redact(dsn); got != want {
			t.Errorf("Redact(%q) = %q, want %q", dsn, got, want)
		}
	}
}

// TestMigrations: the schema is made once and recorded; a database a newer
// Scorecard migrated is refused rather than misread.
func TestMigrations(t *testing.T) {
	dsn := pgtest.DSN(t)
	for range 2 {
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n, top int
	if err := conn.QueryRow(ctx, "SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &top); err != nil {
		t.Fatal(err)
	}
	if n != top || n < 1 {
		t.Fatalf("schema_migrations holds %d rows up to version %d after two opens", n, top)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES (99, '0099_future.sql')"); err != nil {
		t.Fatal(err)
	}
	_, err = postgres.Open(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "schema version 99") || !strings.Contains(err.Error(), "newer Scorecard") {
		t.Fatalf("opening a store migrated by a newer Scorecard: err = %v", err)
	}
}

// TestServerGoneMidImport: a connection the server ends in the middle of
// an import leaves the store as it was, and the import's error says the
// team store is unreachable.
func TestServerGoneMidImport(t *testing.T) {
	dsn := pgtest.DSN(t)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.Script(t, s)
	before, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	done := make(chan error)
	go func() {
		_, err := s.Import(store.Source{Name: "large.xlsx", Kind: "workbook", SHA256: "large"}, storetest.Large(0))
		done <- err
	}()
	// End the import's connection once it is writing the figures.
	var killed bool
	for !killed {
		select {
		case err := <-done:
			t.Fatalf("the import finished (err %v) before its connection could be ended", err)
		default:
		}
		if err := admin.QueryRow(ctx, `SELECT coalesce(bool_or(pg_terminate_backend(pid)), false) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'copy%'`).Scan(&killed); err != nil {
			t.Fatal(err)
		}
	}
	err = <-done
	if err == nil || !strings.Contains(err.Error(), "unreachable") || strings.Contains(err.Error(), "scorecard-test") {
		t.Fatalf("import whose connection was ended: err = %v", err)
	}
	after, err := s.Load()
	if err != nil {
		t.Fatalf("the store after the lost import: %v", err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatal("an import whose connection was ended changed the store")
	}
}

func TestDropRepeat(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"failed to connect to `user=ann database=mi`: hostname resolving error: lookup nohost.invalid on 10.0.0.53:53: no such host lookup nohost.invalid on 10.0.0.53:53: no such host",
			"failed to connect to `user=ann database=mi`: hostname resolving error: lookup nohost.invalid on 10.0.0.53:53: no such host"},
		{"dial error: dial tcp 127.0.0.1:1: connect: connection refused", "dial error: dial tcp 127.0.0.1:1: connect: connection refused"},
		{"failed to connect to `user=ann database=mi`:\n\thostname resolving error: lookup nohost.invalid on 10.0.0.53:53: no such host\n\tlookup nohost.invalid on 10.0.0.53:53: no such host",
			"failed to connect to `user=ann database=mi`: hostname resolving error: lookup nohost.invalid on 10.0.0.53:53: no such host"},
		{"", ""},
	} {
		if got := postgres.DropRepeat(tt.in); got != tt.want {
			t.Errorf("dropRepeat(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
