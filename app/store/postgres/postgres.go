// Package postgres is the team store: Scorecard's history in a PostgreSQL
// database that several officers read and write at once. It implements
// store.Store with the same semantics as the embedded bbolt engine, and the
// same contract tests (app/store/storetest) run against both.
//
// Each record an import writes is a row keyed by what the record is about
// and by the import's sequence number; observations, the bulk of a
// history, are kept a row per series per import, in series blocks (see
// blocks.go), each figure in its block tagged as a row is. A record equal
// to its latest version (for observations, app.Observation.Restates) is
// kept as a restatement: loading passes over it, but undoing the import
// that gave the version turns it back into one, so undoing an earlier
// import never takes away a figure a later one still gives. Undo removes
// only the undone import's own rows; a later import's versions stay and
// stay current (the same rule as the bbolt engine's).
//
// Imports and undos are serialised by a transaction-level advisory lock
// (pg_advisory_xact_lock) taken first in their transaction, in the
// default READ COMMITTED isolation: each then reads the committed state
// after the one before it, numbers itself after it, and commits or rolls
// back whole. Reads run in REPEATABLE READ transactions, so a load sees
// one committed state however many queries it takes.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"scorecard/app/store"
)

// Store is a Scorecard store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	// tx, when not nil, is the one transaction every statement runs in
	// (InOne, Snapshot).
	tx   pgx.Tx
	name string // the DSN without its password, for messages
	// officer is who this process records as making changes: the
	// database role, which the server authenticated.
	officer, machine string
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether dsn names a PostgreSQL database rather than a file.
func IsURL(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// connectTimeout bounds the wait for a server that does not answer, so that
// an unreachable team store is a message, not a hang.
const connectTimeout = 10 * time.Second

// Open connects to the database dsn names (a postgres:// or postgresql://
// URL), creating or migrating Scorecard's tables as needed. A wrong
// password, a missing database or an unreachable server is one line that
// names the store without its password.
func Open(ctx context.Context, dsn string) (*Store, error) { return open(ctx, dsn, 0) }

// open is Open migrating the schema to version (all the way when 0), so
// that a test can make a database of an earlier schema.
func open(ctx context.Context, dsn string, version int) (*Store, error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("team store %s: not a PostgreSQL URL: %s", name, redactErr(err, dsn))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > connectTimeout {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	cfg.MaxConns = max(cfg.MaxConns, 4)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(name, dsn, err)
	}
	s := &Store{pool: pool, name: name}
	if err := pool.QueryRow(ctx, "SELECT current_user").Scan(&s.officer); err != nil {
		pool.Close()
		return nil, connectError(name, dsn, err)
	}
	_, s.machine = store.Operator()
	if err := s.migrate(ctx, version); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// connectError turns a failure to connect into one line a user can act
// on.
func connectError(name, dsn string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return fmt.Errorf("team store %s: the server refused the user name or password", name)
		case "3D000":
			return fmt.Errorf("team store %s: the database does not exist (ask the database administrator to create it)", name)
		}
		return fmt.Errorf("team store %s: %s", name, pe.Message)
	}
	return fmt.Errorf("team store %s is unreachable: %s", name, dropRepeat(lastLine(redactErr(err, dsn))))
}

// dropRepeat puts pgconn's multi-line message on one line and removes a
// cause it states twice at its end ("…:\n\tlookup nohost.invalid on …:
// no such host\n\tlookup nohost.invalid on …: no such host").
func dropRepeat(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	for i := strings.Index(msg, " "); i >= 0; {
		head, tail := msg[:i], msg[i+1:]
		if strings.HasSuffix(head, tail) {
			return head
		}
		j := strings.Index(tail, " ")
		if j < 0 {
			break
		}
		i += j + 1
	}
	return msg
}

// lastLine keeps the innermost cause of pgconn's chained connect errors,
// which repeat the host and user at each level.
func lastLine(msg string) string {
	if i := strings.LastIndex(msg, "): "); i >= 0 {
		return msg[i+3:]
	}
	return msg
}

// redactErr returns err's text with every secret dsn holds blanked out.
func redactErr(err error, dsn string) string {
	msg := err.Error()
	u, perr := url.Parse(dsn)
	if perr != nil {
		return msg
	}
	if p, ok := u.User.Password(); ok && p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	for k, vs := range u.Query() {
		if secret(k) {
			for _, v := range vs {
				if v != "" {
					msg = strings.ReplaceAll(msg, v, "xxxxx")
				}
			}
		}
	}
	return msg
}

// secret reports whether a connection parameter holds a secret: libpq's
// password and sslpassword (the client key's passphrase), and, whatever
// its case, any other parameter named for a password (PGPASSWORD written
// into a URL, say), which is no less a secret for being misplaced.
func secret(key string) bool {
	return strings.Contains(strings.ToLower(key), "password")
}

// Redact returns dsn without its password or any other secret it holds
// (see secret), for messages, the window's title, the preferences it
// remembers a team store by, logs and exports.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unreadable PostgreSQL URL)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	hid := false
	for k := range q {
		if secret(k) {
			q.Del(k)
			hid = true
		}
	}
	if hid {
		u.RawQuery = q.Encode()
	}
	return u.String()
}

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key that serialises schema
// migrations; importLock serialises imports and undos. Both are arbitrary
// constants, chosen to be unlikely to clash with another application's in
// the same database.
const (
	migrationLock = 0x5c0ec4d0001
	importLock    = 0x5c0ec4d0002
)

// migrate applies, in order and each in its own transaction, the embedded
// migrations the database has not had, recording each in
// schema_migrations, up to version (all when 0). A database migrated by a
// newer Scorecard is refused.
func (s *Store) migrate(ctx context.Context, version int) error {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(files)
	want := len(files)
	if version > 0 {
		want = version
	}
	// Read the schema's version first, and change nothing when it is up to
	// date: CREATE TABLE IF NOT EXISTS needs CREATE on the schema even
	// when the table is there, and a colleague granted only the use of the
	// tables was refused every import.
	have, known, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if known && have > len(files) {
		return s.newerSchema(have, len(files))
	}
	if known && have >= want {
		return nil
	}
	if err := s.migrateFrom(ctx, files, version); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == insufficientPrivilege {
			return s.notPermitted(have, len(files), err)
		}
		return err
	}
	return nil
}

// insufficientPrivilege is PostgreSQL's SQLSTATE for a permission denied.
const insufficientPrivilege = "42501"

// schemaVersion reads the version schema_migrations records, and whether
// the table is there at all, without changing anything.
func (s *Store) schemaVersion(ctx context.Context) (have int, known bool, err error) {
	if err := s.pool.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&known); err != nil {
		return 0, false, s.fail("read the schema version", err)
	}
	if !known {
		return 0, false, nil
	}
	if err := s.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&have); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == insufficientPrivilege {
			return 0, false, fmt.Errorf("team store %s: role %s may not read its tables (%s): ask the team store's owner to grant it their use: GRANT USAGE ON SCHEMA public, SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public and USAGE ON ALL SEQUENCES IN SCHEMA public TO %s",
				s.name, s.officer, pe.Message, s.officer)
		}
		return 0, false, s.fail("read the schema version", err)
	}
	return have, true, nil
}

func (s *Store) newerSchema(have, known int) error {
	return fmt.Errorf("team store %s has schema version %d but this Scorecard knows versions up to %d: it was migrated by a newer Scorecard; update this one", s.name, have, known)
}

// notPermitted says what a role that may not create or upgrade the
// team store's tables should ask for, rather than the server's
// "permission denied" under "migrate".
func (s *Store) notPermitted(have, want int, err error) error {
	var pe *pgconn.PgError
	errors.As(err, &pe)
	if have == 0 {
		return fmt.Errorf("team store %s has no Scorecard tables yet, and role %s may not create them (%s): ask the database's owner to GRANT CREATE ON SCHEMA public TO %s, or to open it once with Scorecard themselves; nothing was changed",
			s.name, s.officer, pe.Message, s.officer)
	}
	return fmt.Errorf("team store %s has schema version %d and this Scorecard needs %d, but role %s may not upgrade its tables (%s): ask the role that owns them to open it once with this Scorecard; nothing was changed",
		s.name, have, want, s.officer, pe.Message)
}

// migrateFrom is migrate's writing part: under the migration lock it
// reads the version again (another Scorecard may have migrated since) and
// applies the migrations after it.
func (s *Store) migrateFrom(ctx context.Context, files []string, version int) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.fail("migrate", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
		return s.fail("migrate", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return s.fail("migrate", err)
	}
	var have int
	if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&have); err != nil {
		return s.fail("migrate", err)
	}
	if have > len(files) {
		return s.newerSchema(have, len(files))
	}
	for _, f := range files {
		base := strings.TrimPrefix(f, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name does not start with its version", base)
		}
		if v <= have || version > 0 && v > version {
			continue
		}
		sql, err := migrations.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(sql)); err != nil {
			return s.fail("migrate to schema "+base, err)
		}
		if after := afterMigration[v]; after != nil {
			if err := after(ctx, tx); err != nil {
				return s.fail("migrate to schema "+base, err)
			}
		}
		if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", v, base); err != nil {
			return s.fail("migrate", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return s.fail("migrate", err)
	}
	return nil
}

// fail wraps an error from the server with what was being done and the
// store's name; a lost connection says the team store is unreachable.
func (s *Store) fail(doing string, err error) error {
	if err == nil {
		return nil
	}
	if unreachable(err) {
		return fmt.Errorf("%s: the team store %s is unreachable (nothing was changed): %w", doing, s.name, err)
	}
	return fmt.Errorf("%s: team store %s: %w", doing, s.name, err)
}

// unreachable reports whether err is the server going away or not
// answering, rather than a refusal of what was asked.
func unreachable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Class 08 is a connection exception; 57P01-57P03 the server
		// shutting down or ending the connection.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.SafeToRetry(err) || pgconn.Timeout(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, os.ErrDeadlineExceeded) ||
		errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "conn closed")
}

// Path returns the database URL without its password.
func (s *Store) Path() string { return s.name }

// Close closes the store's connections.
func (s *Store) Close() error {
	if s.tx != nil {
		return nil // the pool is the Store's the transaction came from
	}
	s.pool.Close()
	return nil
}

// SetAutoBackups does nothing: a team store's backups are the database
// server's (pg_dump, or the council's own); `scorecard backup` writes a
// bbolt copy on demand.
func (s *Store) SetAutoBackups(int) {}

// readTx runs fn in a read-only REPEATABLE READ transaction, so that what
// it reads in several queries is one committed state; within a Store's one
// transaction, in a savepoint of it.
func (s *Store) readTx(ctx context.Context, fn func(pgx.Tx) error) error {
	if s.tx != nil {
		return pgx.BeginFunc(ctx, s.tx, fn)
	}
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}
