package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// Import records ds as one snapshot, in one transaction, so that an error
// or a lost connection leaves the store as it was. Records are versioned
// as the bbolt engine versions them (see store.Bolt.Import): a record that
// differs from its latest version adds a version; one equal to it (for
// observations, app.Observation.Restates) is kept as a restatement and
// adds nothing; when ds states one thing twice, the later statement stands.
//
// Imports from any number of processes are serialised by an advisory lock
// held to the end of the transaction, so each lands whole and is numbered
// after the one before it. A file already imported (by SHA-256, and not
// undone) returns that import with an error wrapping
// store.ErrAlreadyImported.
func (s *Store) Import(src store.Source, ds *app.Dataset) (rec app.Import, err error) {
	if ds == nil {
		ds = &app.Dataset{}
	}
	obs, err := groupSeries(ds.Observations)
	if err != nil {
		return rec, fmt.Errorf("import %s: %w", src.Name, err)
	}
	recs, err := recordRows(ds)
	if err != nil {
		return rec, fmt.Errorf("import %s: %w", src.Name, err)
	}
	ctx := context.Background()
	err = pgx.BeginFunc(ctx, s.q(), func(tx pgx.Tx) error {
		if err := lockImports(ctx, tx); err != nil {
			return err
		}
		if err := alreadyImported(ctx, tx, src, &rec); err != nil {
			return err
		}
		if err := checkBasis(ctx, tx, src, ds); err != nil {
			return err
		}
		var seq int64
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(seq), 0) + 1 FROM imports").Scan(&seq); err != nil {
			return err
		}
		rec = app.Import{
			ID:       importID(seq),
			Source:   src.Name,
			Kind:     src.Kind,
			SHA256:   src.SHA256,
			Time:     time.Now().UTC().Round(0),
			Note:     src.Note,
			Warnings: src.Warnings,
			Officer:  s.officer,
			Machine:  s.machine,
			Reach:    ds.Reach(),
		}
		if err := writeObservations(ctx, tx, seq, obs, &rec.Counts); err != nil {
			return err
		}
		if err := writeRecords(ctx, tx, seq, recs, &rec.Counts); err != nil {
			return err
		}
		rec.Counts.Warnings = len(src.Warnings)
		if err := insertImport(ctx, tx, seq, rec); err != nil {
			return err
		}
		return notify(ctx, tx, "import "+rec.ID)
	})
	if errors.Is(err, store.ErrAlreadyImported) {
		return rec, err
	}
	if err != nil {
		return rec, s.fail("import "+src.Name, err)
	}
	return rec, nil
}

// importLockWait bounds how long an import, undo or copy waits for the
// lock a colleague's holds: one whose laptop went to sleep, or whose
// network hung, mid-import holds it until the server notices, and waiting
// on it unbounded left the next officer's import silent for good.
const importLockWait = 30 * time.Second

// The wait as lockImports makes it, which tests shorten and capture: how
// long in all, after how long (and how often) it is told, how often the
// lock is tried, and where the officer is told.
var (
	lockWait               = importLockWait
	lockSaid               = 3 * time.Second
	lockTry                = 200 * time.Millisecond
	lockNote     io.Writer = os.Stderr
	errLockHeld            = errors.New("another import holds the team store")
	lockHeldNote           = "(in use by another officer's import or undo for over %d s); nothing was stored; try again"
)

// lockImports takes the lock that serialises changes to the history until
// the transaction ends. It waits at most lockWait for a colleague's import
// or undo to finish, saying every few seconds on stderr that it waits,
// and then refuses, as the bbolt store refuses a store in use, saying that
// nothing was stored. The lock is tried rather than waited for, since a
// lock_timeout's error would abort the transaction.
func lockImports(ctx context.Context, tx pgx.Tx) error {
	start := time.Now()
	said := time.Duration(0)
	for {
		var got bool
		if err := tx.QueryRow(ctx, "SELECT pg_try_advisory_xact_lock($1)", importLock).Scan(&got); err != nil {
			return err
		}
		if got {
			return nil
		}
		waited := time.Since(start)
		if waited >= lockWait {
			return fmt.Errorf("%w "+lockHeldNote, errLockHeld, int(lockWait.Round(time.Second)/time.Second))
		}
		if waited >= said+lockSaid {
			said = waited
			fmt.Fprintf(lockNote, "waiting for another officer's import to finish (%d s)\n", int(waited/time.Second))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(lockTry):
		}
	}
}

// Channel is the LISTEN/NOTIFY channel on which every import and undo is
// announced, with a payload such as "import I0007" or "undo I0007", and
// every output recorded as circulated ("circulation 12").
const Channel = "scorecard_changes"

func notify(ctx context.Context, tx pgx.Tx, payload string) error {
	_, err := tx.Exec(ctx, "SELECT pg_notify($1, $2)", Channel, payload)
	return err
}

// alreadyImported returns an error wrapping store.ErrAlreadyImported, and
// sets *rec to the earlier import, when src's SHA-256 matches an import
// that is not undone.
func alreadyImported(ctx context.Context, tx pgx.Tx, src store.Source, rec *app.Import) error {
	if src.SHA256 == "" {
		return nil
	}
	var raw []byte
	err := tx.QueryRow(ctx, "SELECT record::text FROM imports WHERE sha256 = $1 AND undone IS NULL", src.SHA256).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var prev app.Import
	if err := json.Unmarshal(raw, &prev); err != nil {
		return err
	}
	*rec = prev
	return fmt.Errorf("%s: %w as %s on %s", src.Name, store.ErrAlreadyImported, prev.ID, prev.Time.Format("2 Jan 2006 15:04 MST"))
}

func insertImport(ctx context.Context, tx pgx.Tx, seq int64, rec app.Import) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("import %s: %w", rec.ID, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO imports (seq, id, source, kind, sha256, time, officer, machine, undone, undone_by, record)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		seq, rec.ID, rec.Source, rec.Kind, rec.SHA256, rec.Time, rec.Officer, rec.Machine, rec.Undone, rec.UndoneBy, string(v))
	return err
}

// Imports returns every import, oldest first, including undone ones.
func (s *Store) Imports() ([]app.Import, error) {
	var recs []app.Import
	err := s.readTx(context.Background(), func(tx pgx.Tx) error {
		var err error
		recs, _, err = readImports(context.Background(), tx)
		return err
	})
	if err != nil {
		return nil, s.fail("read the imports", err)
	}
	return recs, nil
}

// readImports returns every import, oldest first, and their IDs by
// sequence number.
func readImports(ctx context.Context, tx pgx.Tx) ([]app.Import, map[int64]string, error) {
	rows, err := tx.Query(ctx, "SELECT seq, record::text FROM imports ORDER BY seq")
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var recs []app.Import
	ids := map[int64]string{}
	for rows.Next() {
		var seq int64
		var raw []byte
		if err := rows.Scan(&seq, &raw); err != nil {
			return nil, nil, err
		}
		var rec app.Import
		if err := json.Unmarshal(raw, &rec); err != nil {
			return nil, nil, fmt.Errorf("the import log's entry for %s is unreadable: %w", importID(seq), err)
		}
		recs = append(recs, rec)
		ids[seq] = rec.ID
	}
	return recs, ids, rows.Err()
}

// parseImportID reads an ID such as "I0007" (or "I7", or "i0007").
func parseImportID(id string) (int64, bool) {
	rest, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(id)), "I")
	if !ok {
		return 0, false
	}
	seq, err := strconv.ParseInt(rest, 10, 64)
	return seq, err == nil && seq > 0
}

// Undo removes exactly what import id wrote, so that the versions before
// it are the latest again, and marks it undone by this officer. A version
// a later import wrote stays, and stays current: undo takes away only the
// undone import's own figures, never a colleague's later ones. A
// restatement that repeated a removed version becomes a version, and a
// later version that now repeats the one before becomes a restatement.
func (s *Store) Undo(id string) (rec app.Import, err error) {
	seq, ok := parseImportID(id)
	if !ok {
		return app.Import{}, fmt.Errorf("undo %q: %w (import IDs look like I0007)", id, store.ErrNoImport)
	}
	ctx := context.Background()
	var userErr error
	err = pgx.BeginFunc(ctx, s.q(), func(tx pgx.Tx) error {
		if err := lockImports(ctx, tx); err != nil {
			return err
		}
		var raw []byte
		err := tx.QueryRow(ctx, "SELECT record::text FROM imports WHERE seq = $1", seq).Scan(&raw)
		if errors.Is(err, pgx.ErrNoRows) {
			userErr = fmt.Errorf("import %s: %w", importID(seq), store.ErrNoImport)
			return userErr
		}
		if err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &rec); err != nil {
			return fmt.Errorf("the import log's entry for %s is unreadable: %w", importID(seq), err)
		}
		if rec.Undone != nil {
			userErr = fmt.Errorf("import %s (%s) was already undone on %s", rec.ID, rec.Source, rec.Undone.Format("2 Jan 2006 15:04 MST"))
			return userErr
		}
		if err := undoObservations(ctx, tx, seq); err != nil {
			return err
		}
		if err := undoRecords(ctx, tx, seq); err != nil {
			return err
		}
		now := time.Now().UTC().Round(0)
		rec.Undone = &now
		rec.UndoneBy = s.officer
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE imports SET undone = $2, undone_by = $3, record = $4 WHERE seq = $1",
			seq, now, rec.UndoneBy, string(v)); err != nil {
			return err
		}
		return notify(ctx, tx, "undo "+rec.ID)
	})
	if err != nil && errors.Is(err, userErr) {
		return rec, err
	}
	if err != nil {
		return rec, s.fail("undo "+id, err)
	}
	return rec, nil
}

// retag is a change of a row's tag that an undo makes.
type retag struct {
	k           []byte
	seq         int64
	restatement bool
}

// undoRecords deletes import seq's other records, retagging the row after
// each removed version.
func undoRecords(ctx context.Context, tx pgx.Tx, seq int64) error {
	rows, err := tx.Query(ctx, `SELECT kind, k, seq, restatement, body::text FROM records
		WHERE (kind, k) IN (SELECT kind, k FROM records WHERE seq = $1) ORDER BY kind, k, seq`, seq)
	if err != nil {
		return err
	}
	type version struct {
		kind kind
		k    []byte
		seq  int64
		r    bool
		body string
	}
	var all []version
	for rows.Next() {
		var v version
		if err := rows.Scan(&v.kind, &v.k, &v.seq, &v.r, &v.body); err != nil {
			rows.Close()
			return err
		}
		all = append(all, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	changes := map[kind][]retag{}
	for from := 0; from < len(all); {
		to := from + 1
		for to < len(all) && all[to].kind == all[from].kind && bytes.Equal(all[to].k, all[from].k) {
			to++
		}
		g := all[from:to]
		from = to
		i := 0
		for i < len(g) && g[i].seq != seq {
			i++
		}
		if i == len(g) || g[i].r || i+1 == len(g) {
			continue
		}
		next := g[i+1]
		if next.r {
			changes[next.kind] = append(changes[next.kind], retag{next.k, next.seq, false})
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if !g[j].r {
				if next.body == g[j].body {
					changes[next.kind] = append(changes[next.kind], retag{next.k, next.seq, true})
				}
				break
			}
		}
	}
	if _, err := tx.Exec(ctx, "DELETE FROM records WHERE seq = $1", seq); err != nil {
		return err
	}
	for kd, cs := range changes {
		if err := applyRetags(ctx, tx, "records", fmt.Sprintf(" AND t.kind = %d", kd), cs); err != nil {
			return err
		}
	}
	return nil
}

// applyRetags sets the tags undo changed, in one statement.
func applyRetags(ctx context.Context, tx pgx.Tx, table, where string, changes []retag) error {
	if len(changes) == 0 {
		return nil
	}
	ks := make([][]byte, len(changes))
	seqs := make([]int64, len(changes))
	rs := make([]bool, len(changes))
	for i, c := range changes {
		ks[i], seqs[i], rs[i] = c.k, c.seq, c.restatement
	}
	_, err := tx.Exec(ctx, `UPDATE `+table+` AS t SET restatement = u.r
		FROM unnest($1::bytea[], $2::bigint[], $3::boolean[]) AS u(k, seq, r)
		WHERE t.k = u.k AND t.seq = u.seq`+where, ks, seqs, rs)
	return err
}

// checkBasis refuses an import reviewed against the store as it was
// before another import or undo landed (see store.Source.Basis): under
// the import lock, so no colleague's import can land between the check
// and the write.
func checkBasis(ctx context.Context, tx pgx.Tx, src store.Source, ds *app.Dataset) error {
	if src.Basis == "" || !store.Reviewed(ds) {
		return nil
	}
	recs, _, err := readImports(ctx, tx)
	if err != nil {
		return err
	}
	if store.Basis(recs) != src.Basis {
		return fmt.Errorf("import %s: %w", src.Name, store.ErrStale)
	}
	return nil
}
