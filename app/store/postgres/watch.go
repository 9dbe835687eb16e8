package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// watchRetry spaces attempts to listen again after the connection is lost.
const watchRetry = 2 * time.Second

// Watch calls changed each time an import, an undo or a circulation's
// record is committed to the store, by any process, until ctx ends; it then returns ctx's error. It
// listens on a connection of its own (LISTEN on Channel); when that is
// lost it connects again every few seconds, and calls changed once it has,
// since what changed meanwhile was not announced to it.
func (s *Store) Watch(ctx context.Context, changed func()) error {
	cfg := s.pool.Config().ConnConfig.Copy()
	lost := false
	for {
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err == nil {
			_, err = conn.Exec(ctx, "LISTEN "+pgx.Identifier{Channel}.Sanitize())
			if err == nil && lost {
				changed()
			}
			for err == nil {
				if _, err = conn.WaitForNotification(ctx); err == nil {
					changed()
				}
			}
			conn.Close(context.Background())
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		lost = true
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(watchRetry):
		}
	}
}
