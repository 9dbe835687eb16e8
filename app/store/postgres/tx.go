package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// querier is what a Store's statements run on: its pool or, for a Store
// within one transaction (InOne, Snapshot), that transaction, whose Begin
// makes a savepoint.
type querier interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// q returns what s's statements run on.
func (s *Store) q() querier {
	if s.tx != nil {
		return s.tx
	}
	return s.pool
}

// InOne runs fn with a Store that does everything it is asked within one
// transaction of s's, holding the lock that serialises imports and undos
// from the start to the end: the transaction commits when fn returns nil
// and rolls back otherwise, so that what fn writes lands whole or not at
// all, and no colleague's import or undo lands in between. A process that
// dies, or a connection that drops, before fn returns leaves the store as
// it was. Reads through the Store see what fn has written so far. The
// Store is for fn alone, one call at a time, and is done with when fn
// returns.
//
// copy uses it to fill a new team store, and to prove the copy, in one
// transaction.
func (s *Store) InOne(ctx context.Context, fn func(*Store) error) error {
	return s.within(ctx, pgx.TxOptions{}, func(ctx context.Context, tx pgx.Tx) error {
		return lockImports(ctx, tx)
	}, fn)
}

// Snapshot runs fn with a Store that reads s as it stood at one moment: a
// read-only REPEATABLE READ transaction, which an import or undo
// committed meanwhile does not change. copy reads its source through one,
// so that a colleague's import during the copy neither fails it nor
// half-appears in it.
func (s *Store) Snapshot(ctx context.Context, fn func(*Store) error) error {
	return s.within(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, nil, fn)
}

// within runs fn with s bound to one transaction begun with opts, after
// first, committing it when fn returns nil.
func (s *Store) within(ctx context.Context, opts pgx.TxOptions, first func(context.Context, pgx.Tx) error, fn func(*Store) error) error {
	if s.tx != nil {
		return fmt.Errorf("team store %s: already within a transaction", s.name)
	}
	tx, err := s.pool.BeginTx(ctx, opts)
	if err != nil {
		return s.fail("begin", err)
	}
	defer tx.Rollback(ctx)
	if first != nil {
		if err := first(ctx, tx); err != nil {
			return s.fail("begin", err)
		}
	}
	in := *s
	in.tx = tx
	if err := fn(&in); err != nil {
		return err
	}
	return s.fail("commit", tx.Commit(ctx))
}
