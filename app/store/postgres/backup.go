package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

var _ store.Replayer = (*Store)(nil)

// Dump reads the whole store in one REPEATABLE READ transaction; see
// store.Replayer.
func (s *Store) Dump(imp func(rec app.Import, ds *app.Dataset) error, setting func(bucket, key string, value json.RawMessage) error) error {
	ctx := context.Background()
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		recs, _, err := readImports(ctx, tx)
		if err != nil {
			return err
		}
		sets := map[int64]*app.Dataset{}
		for _, rec := range recs {
			seq, _ := parseImportID(rec.ID)
			sets[seq] = &app.Dataset{}
		}
		of := func(seq int64) (*app.Dataset, error) {
			ds, ok := sets[seq]
			if !ok {
				return nil, fmt.Errorf("a record was written by import %d, which the import log lacks", seq)
			}
			return ds, nil
		}
		if err := dumpObservations(ctx, tx, of); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT kind, seq, body::text FROM records ORDER BY seq, kind, pos, k")
		if err != nil {
			return err
		}
		for rows.Next() {
			var kd int16
			var seq int64
			var body []byte
			if err := rows.Scan(&kd, &seq, &body); err != nil {
				rows.Close()
				return err
			}
			ds, err := of(seq)
			if err == nil {
				err = appendRecord(kind(kd), body, ds)
			}
			if err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, rec := range recs {
			seq, _ := parseImportID(rec.ID)
			if err := imp(rec, sets[seq]); err != nil {
				return err
			}
		}
		rows, err = tx.Query(ctx, `SELECT bucket, key, value::text FROM settings ORDER BY bucket COLLATE "C", key COLLATE "C"`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var bucket, key string
			var v []byte
			if err := rows.Scan(&bucket, &key, &v); err != nil {
				return err
			}
			if err := setting(bucket, key, v); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return s.fail("read the store", err)
	}
	return nil
}

// appendRecord decodes a stored record of kind kd onto ds.
func appendRecord(kd kind, body []byte, ds *app.Dataset) error {
	var err error
	switch kd {
	case kindIndicator:
		err = appendJSON(body, &ds.Indicators)
	case kindTarget:
		err = appendJSON(body, &ds.Targets)
	case kindBenchmark:
		err = appendJSON(body, &ds.Benchmarks)
	case kindBreakdown:
		err = appendJSON(body, &ds.Breakdowns)
	case kindComment:
		err = appendJSON(body, &ds.Comments)
	case kindChartSetting:
		err = appendJSON(body, &ds.ChartSettings)
	default:
		err = fmt.Errorf("unknown record kind %d", kd)
	}
	return err
}

func appendJSON[T any](body []byte, list *[]T) error {
	var rec T
	if err := json.Unmarshal(body, &rec); err != nil {
		return err
	}
	*list = append(*list, rec)
	return nil
}

// Replay records ds as import rec; see store.Replayer.
func (s *Store) Replay(rec app.Import, ds *app.Dataset) error {
	if ds == nil {
		ds = &app.Dataset{}
	}
	obs, err := groupSeries(ds.Observations)
	if err != nil {
		return err
	}
	recs, err := recordRows(ds)
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = pgx.BeginFunc(ctx, s.q(), func(tx pgx.Tx) error {
		if err := lockImports(ctx, tx); err != nil {
			return err
		}
		var seq int64
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(seq), 0) + 1 FROM imports").Scan(&seq); err != nil {
			return err
		}
		if importID(seq) != rec.ID {
			return fmt.Errorf("replay %s: the store's next import is %s", rec.ID, importID(seq))
		}
		var n app.Counts // the counts stay rec's, made against the store as it was then
		if err := writeObservations(ctx, tx, seq, obs, &n); err != nil {
			return err
		}
		if err := writeRecords(ctx, tx, seq, recs, &n); err != nil {
			return err
		}
		if rec.Undone != nil {
			if err := undoObservations(ctx, tx, seq); err != nil {
				return err
			}
			if err := undoRecords(ctx, tx, seq); err != nil {
				return err
			}
		}
		if err := insertImport(ctx, tx, seq, rec); err != nil {
			return err
		}
		return notify(ctx, tx, "import "+rec.ID)
	})
	return s.fail("replay "+rec.ID, err)
}

// Backup writes a consistent copy of the whole store, as a bbolt file, to
// w: one REPEATABLE READ transaction's view, replayed into a temporary
// bbolt store.
func (s *Store) Backup(w io.Writer) (int64, error) {
	dir, err := os.MkdirTemp("", "scorecard-backup-*")
	if err != nil {
		return 0, fmt.Errorf("back up %s: %w", s.name, err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "scorecard.db")
	if err := s.writeBolt(path); err != nil {
		return 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("back up %s: %w", s.name, err)
	}
	defer f.Close()
	n, err := io.Copy(w, f)
	if err != nil {
		return n, fmt.Errorf("back up %s: %w", s.name, err)
	}
	return n, nil
}

// BackupFile writes that copy to path, built beside it under a temporary
// name and renamed, so path never holds half a copy. A file already at
// path is refused (store.ErrExists), as the bbolt engine refuses it.
func (s *Store) BackupFile(path string) error {
	have, err := s.Imports()
	if err != nil {
		return fmt.Errorf("back up %s to %s: %w", s.name, path, err)
	}
	if err := store.CheckBackupTarget(s.name, path, false, have); err != nil {
		return err
	}
	replace := store.ReplaceChecked(path, false)
	dir, err := os.MkdirTemp(filepath.Dir(path), ".scorecard-backup-*")
	if err != nil {
		return fmt.Errorf("back up %s to %s: %w", s.name, path, err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "scorecard.db")
	if err := s.writeBolt(tmp); err != nil {
		return err
	}
	if err := store.PlaceBackup(tmp, path, replace); err != nil {
		return fmt.Errorf("back up %s to %s: %w", s.name, path, err)
	}
	return nil
}

// writeBolt replays the store into a new bbolt store at path.
func (s *Store) writeBolt(path string) error {
	b, err := store.Open(path)
	if err != nil {
		return fmt.Errorf("back up %s: %w", s.name, err)
	}
	b.SetAutoBackups(0)
	err = s.Dump(b.Replay, func(bucket, key string, v json.RawMessage) error { return b.Put(bucket, key, v) })
	if err == nil {
		err = store.CopyCirculations(b, s)
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("back up %s: %w", s.name, err)
	}
	return nil
}
