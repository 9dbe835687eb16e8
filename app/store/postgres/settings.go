package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// Get reads the setting key of bucket into v, reporting whether it exists.
func (s *Store) Get(bucket, key string, v any) (bool, error) {
	var raw []byte
	err := s.q().QueryRow(context.Background(), "SELECT value::text FROM settings WHERE bucket = $1 AND key = $2", bucket, key).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.fail(fmt.Sprintf("setting %s/%s", bucket, key), err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	return true, nil
}

// Put stores v as the setting key of bucket, replacing any earlier value.
func (s *Store) Put(bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	if bucket == "" || key == "" {
		return fmt.Errorf("setting %q/%q: a setting needs a bucket and a key", bucket, key)
	}
	_, err = s.q().Exec(context.Background(), `INSERT INTO settings (bucket, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (bucket, key) DO UPDATE SET value = excluded.value`, bucket, key, string(data))
	return s.fail(fmt.Sprintf("setting %s/%s", bucket, key), err)
}

// Delete removes the setting key of bucket; removing one that is not there
// is not an error.
func (s *Store) Delete(bucket, key string) error {
	_, err := s.q().Exec(context.Background(), "DELETE FROM settings WHERE bucket = $1 AND key = $2", bucket, key)
	return s.fail(fmt.Sprintf("setting %s/%s", bucket, key), err)
}

// Keys returns the keys of bucket in byte order; none when it is empty.
func (s *Store) Keys(bucket string) ([]string, error) {
	rows, err := s.q().Query(context.Background(), `SELECT key FROM settings WHERE bucket = $1 ORDER BY key COLLATE "C"`, bucket)
	if err != nil {
		return nil, s.fail("settings "+bucket, err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, s.fail("settings "+bucket, err)
	}
	return keys, nil
}

// Authority is the store's authority, kept as the bbolt engine keeps it
// (store.AuthorityIn), so that a copy between engines keeps it.
func (s *Store) Authority() (*app.Authority, error) { return store.AuthorityIn(s) }

// SetAuthority makes a the store's authority.
func (s *Store) SetAuthority(a *app.Authority) error { return store.SetAuthorityIn(s, a) }

// SetDistricts names districts of a beyond those its profile holds.
func (s *Store) SetDistricts(a *app.Authority, names []string) error {
	return store.SetDistrictsIn(s, a, names)
}
