package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"scorecard/app"
)

// The outputs recorded as circulated are kept in a table of their own,
// made by the first one recorded rather than by a migration: a store
// without it has recorded none, and an older Scorecard, which checks
// the schema version alone, still opens the store.
const createCirculations = `CREATE TABLE IF NOT EXISTS circulations (
	seq    bigserial PRIMARY KEY,
	record jsonb NOT NULL
)`

// RecordCirculation appends c to the store's record of outputs
// circulated, numbering it (Seq) and recording the database role as
// who wrote it where the caller did not (a copy keeps the record's own);
// it returns c as recorded, and announces it on Channel ("circulation
// 12"). A role that may not create
// the table, or write to it, is refused with the server's reason.
func (s *Store) RecordCirculation(c app.Circulation) (app.Circulation, error) {
	ctx := context.Background()
	if c.Officer == "" && c.Machine == "" {
		c.Officer, c.Machine = s.officer, s.machine // a copy keeps the record's own
	}
	data, err := json.Marshal(c)
	if err != nil {
		return c, fmt.Errorf("record the circulation: %w", err)
	}
	if _, err := s.q().Exec(ctx, createCirculations); err != nil && !raced(err) {
		return c, s.fail("record the circulation", err)
	}
	// Announced as imports and undos are, in the same statement so that
	// the notice goes with the record (on commit): a colleague's window
	// says what changed since figures were last circulated against it at
	// once, not after it is next opened.
	var seq int64
	err = s.q().QueryRow(ctx, `WITH r AS (INSERT INTO circulations (record) VALUES ($1) RETURNING seq)
		SELECT seq FROM r, pg_notify($2, 'circulation ' || seq)`, string(data), Channel).Scan(&seq)
	if err != nil {
		return c, s.fail("record the circulation", err)
	}
	c.Seq = int(seq)
	return c, nil
}

// raced reports whether err is a colleague's CREATE TABLE IF NOT EXISTS
// landing at the same moment as this one's: the table is there.
func raced(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "42P07")
}

// Circulations lists the outputs recorded as circulated, oldest first.
func (s *Store) Circulations() ([]app.Circulation, error) {
	var cs []app.Circulation
	ctx := context.Background()
	err := s.readTx(ctx, func(tx pgx.Tx) (err error) {
		cs, err = readCirculations(ctx, tx)
		return err
	})
	if err != nil {
		return nil, s.fail("read the circulations", err)
	}
	return cs, nil
}

// readCirculations reads the circulations table in tx: none where it
// has not been made yet, or where this role was not granted it (a table
// made after the owner's grants), so that a colleague's window still
// opens; what is said changed since figures were last circulated then
// goes by the order of the imports, as in a store with none.
func readCirculations(ctx context.Context, tx pgx.Tx) ([]app.Circulation, error) {
	var readable bool
	err := tx.QueryRow(ctx, `SELECT CASE WHEN to_regclass('circulations') IS NULL THEN false
		ELSE has_table_privilege(to_regclass('circulations'), 'SELECT') END`).Scan(&readable)
	if err != nil || !readable {
		return nil, err
	}
	rows, err := tx.Query(ctx, "SELECT seq, record::text FROM circulations ORDER BY seq")
	if err != nil {
		return nil, err
	}
	var cs []app.Circulation
	var seq int64
	var record string
	_, err = pgx.ForEachRow(rows, []any{&seq, &record}, func() error {
		var c app.Circulation
		if err := json.Unmarshal([]byte(record), &c); err != nil {
			return fmt.Errorf("circulation %d: %w", seq, err)
		}
		c.Seq = int(seq)
		cs = append(cs, c)
		return nil
	})
	return cs, err
}

// circulations reads the circulations recorded into the history, for
// what it says changed since figures were last circulated.
func (l *loader) circulations() (err error) {
	l.h.Circulations, err = readCirculations(l.ctx, l.tx)
	return err
}
