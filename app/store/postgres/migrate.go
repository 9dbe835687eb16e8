package postgres

import (
	"bytes"
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// afterMigration holds, by schema version, the work a migration needs
// beyond its SQL file, run after it in the same transaction.
var afterMigration = map[int]func(context.Context, pgx.Tx) error{
	2: convertObservations,
}

// convertObservations moves schema 1's observations, a row per figure
// version or restatement, into schema 2's series blocks, then drops the
// old table. Each import's rows of one series become its block, in key
// order, each keeping its tag.
func convertObservations(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT k, seq, restatement, ref, area, split, period_kind, period_year, period_n,
		value, numerator, denominator, stand_in, status, raw, source_arrow, source_rag, rule, cell
		FROM observations ORDER BY seq, k`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		enc    store.SeriesEncoder
		series []byte
		seq    int64
		block  blockRow
		batch  []blockRow
		// lastPeriod is the last period added to the block.
		lastPeriod app.Period
	)
	flush := func() {
		if enc.Len() > 0 {
			block.figures, block.block = int32(enc.Len()), bytes.Clone(enc.Bytes())
			block.last = int32(lastPeriod.StartMonth())
			batch = append(batch, block)
			enc.Reset()
		}
	}
	write := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := copyBlocks(ctx, tx, seq, batch); err != nil {
			return fmt.Errorf("convert the figures of import %s: %w", importID(seq), err)
		}
		batch = batch[:0]
		return nil
	}
	// Rows are read whole before COPY, which cannot share the
	// connection with an open query: one import's blocks at a time.
	type figure struct {
		k   []byte
		seq int64
		r   bool
		o   app.Observation
	}
	var all []figure
	for rows.Next() {
		var f figure
		var area, split, status, arrow, rag string
		var pk, py, pn int16
		var raw, cell []byte
		if err := rows.Scan(&f.k, &f.seq, &f.r, &f.o.Ref, &area, &split, &pk, &py, &pn, &f.o.Value, &f.o.Numerator, &f.o.Denominator,
			&f.o.StandIn, &status, &raw, &arrow, &rag, &f.o.Rule, &cell); err != nil {
			return err
		}
		f.o.Raw, f.o.Cell = string(raw), string(cell)
		f.o.Area, f.o.Split = app.Area(area), app.Split(split)
		var okStatus, okArrow, okRAG bool
		f.o.Status, okStatus = app.StatusOf(status)
		f.o.SourceArrow, okArrow = app.ArrowOf(arrow)
		f.o.SourceRAG, okRAG = app.RAGOf(rag)
		if !okStatus || !okArrow || !okRAG {
			return fmt.Errorf("figure %x: status %q, arrow %q or rating %q is none this version knows", f.k, status, arrow, rag)
		}
		f.o.Period = app.Period{Kind: app.PeriodKind(pk), Year: int(py), N: int(pn)}
		all = append(all, f)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for i := range all {
		f := &all[i]
		if i == 0 || f.seq != seq || !bytes.Equal(seriesOf(f.k), series) {
			flush()
			if i > 0 && f.seq != seq {
				if err := write(); err != nil {
					return err
				}
			}
			seq, series = f.seq, seriesOf(f.k)
			block = blockRow{series: series, ref: f.o.Ref, area: string(f.o.Area), split: string(f.o.Split),
				first: int32(f.o.Period.StartMonth())}
		}
		enc.Add(&f.o, f.r)
		lastPeriod = f.o.Period
	}
	flush()
	if err := write(); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DROP TABLE observations")
	return err
}

// seriesOf is the series part of a schema 1 observation key: the key
// less its period (appendPeriod's seven bytes).
func seriesOf(k []byte) []byte { return k[:len(k)-7] }
