package postgres

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// Observations are kept as series blocks (schema 2, migration 0002): a row
// of observation_blocks per series (ref, area, split) per import, holding
// every figure the import gave of the series in the bbolt engine's block
// encoding (store.SeriesEncoder), each a version or a restatement. The
// large history is then about four thousand rows rather than a quarter of
// a million, which is what made loading and importing it slow: the
// server's and the driver's cost per row, not the bytes. A history
// imported a month at a time is still a row per series per month, as the
// bbolt engine's is a key per series per month; loading five years of
// such imports takes about two to four times bbolt's.

// splitSeries reads the ref, area and split of a series key.
func splitSeries(series []byte) (ref, area, split []byte, ok bool) {
	parts := bytes.SplitN(series, []byte{0}, 4)
	if len(parts) != 4 || len(parts[3]) != 0 {
		return nil, nil, nil, false
	}
	return parts[0], parts[1], parts[2], true
}

// blockRow is a row of observation_blocks an import writes.
type blockRow struct {
	series           []byte
	ref, area, split string
	figures          int32
	first, last      int32 // start months of its first and last periods
	block            []byte
}

var blockColumns = []string{"series", "seq", "ref", "area", "split", "figures", "first_month", "last_month", "block"}

// copyBlocks writes rows as import seq's blocks, by COPY.
func copyBlocks(ctx context.Context, tx pgx.Tx, seq int64, rows []blockRow) error {
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"observation_blocks"}, blockColumns,
		pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
			r := &rows[i]
			return []any{r.series, seq, r.ref, r.area, r.split, r.figures, r.first, r.last, r.block}, nil
		}))
	return err
}

// seriesGroup is one series' figures in a dataset: its key, and the
// figures in period order, one per period.
type seriesGroup struct {
	key []byte
	obs []*app.Observation
}

// groupSeries gathers obs by series, in key order, each series' figures
// in period order; of two statements of one figure the later stands.
// Figures come series by series, mostly, so each is compared with the
// series before rather than keyed: keying and sorting each of a quarter of
// a million figures took longer than the server took to store them.
func groupSeries(obs []app.Observation) ([]seriesGroup, error) {
	var groups []seriesGroup
	index := map[app.SeriesKey]int{}
	last := -1
	for i := range obs {
		o := &obs[i]
		if last >= 0 {
			if l := groups[last].obs[0]; l.Ref == o.Ref && l.Area == o.Area && l.Split == o.Split {
				groups[last].obs = append(groups[last].obs, o)
				continue
			}
		}
		sk := app.SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}
		g, ok := index[sk]
		if !ok {
			k, err := store.AppendSeriesKey(nil, o)
			if err != nil {
				return nil, err
			}
			g = len(groups)
			index[sk] = g
			groups = append(groups, seriesGroup{key: k})
		}
		groups[g].obs = append(groups[g].obs, o)
		last = g
	}
	slices.SortFunc(groups, func(a, b seriesGroup) int { return bytes.Compare(a.key, b.key) })
	byPeriod := func(a, b *app.Observation) int { return store.ComparePeriods(a.Period, b.Period) }
	for i := range groups {
		g := &groups[i]
		if !slices.IsSortedFunc(g.obs, byPeriod) {
			slices.SortStableFunc(g.obs, byPeriod)
		}
		// The later of two statements of a period stands.
		kept := g.obs[:0]
		for _, o := range g.obs {
			if n := len(kept); n > 0 && kept[n-1].Period == o.Period {
				kept[n-1] = o
			} else {
				kept = append(kept, o)
			}
		}
		g.obs = kept
	}
	return groups, nil
}

// months returns the start months of the group's first and last periods.
func (g *seriesGroup) months() (first, last int32) {
	return int32(g.obs[0].Period.StartMonth()), int32(g.obs[len(g.obs)-1].Period.StartMonth())
}

// figureKey names a figure among the versions an import is compared with.
type figureKey struct {
	series string
	period app.Period
}

// writeObservations writes an import's observations as one block per
// series, each figure a version, or a restatement where the latest
// version before says the same, and counts the versions added and the
// revisions among them.
func writeObservations(ctx context.Context, tx pgx.Tx, seq int64, groups []seriesGroup, n *app.Counts) error {
	if len(groups) == 0 {
		return nil
	}
	prev, err := latestVersions(ctx, tx, groups)
	if err != nil {
		return err
	}
	var (
		blocks = make([]blockRow, 0, len(groups))
		enc    store.SeriesEncoder
		arena  []byte
	)
	for _, g := range groups {
		enc.Reset()
		series := string(g.key)
		for _, o := range g.obs {
			p, ok := prev[figureKey{series, o.Period}]
			restated := ok && o.Restates(p)
			switch {
			case restated:
			case ok:
				n.Observations++
				n.Revisions++
			default:
				n.Observations++
			}
			enc.Add(o, restated)
		}
		// The blocks are carved from one buffer, as COPY sends them
		// only at the end.
		b := enc.Bytes()
		if cap(arena)-len(arena) < len(b) {
			arena = make([]byte, 0, max(1<<20, len(b)))
		}
		from := len(arena)
		arena = append(arena, b...)
		o := g.obs[0]
		first, last := g.months()
		blocks = append(blocks, blockRow{series: g.key, ref: o.Ref, area: string(o.Area), split: string(o.Split),
			figures: int32(enc.Len()), first: first, last: last, block: arena[from:len(arena):len(arena)]})
	}
	if err := copyBlocks(ctx, tx, seq, blocks); err != nil {
		return fmt.Errorf("write observations: %w", err)
	}
	return nil
}

// latestVersions returns the latest version stored of each figure that
// groups give. Only the blocks of the groups' series whose months overlap
// the group's are read: a month's import into a long history reads the
// blocks that might hold that month, not the history.
func latestVersions(ctx context.Context, tx pgx.Tx, groups []seriesGroup) (map[figureKey]app.Observation, error) {
	series := make([][]byte, len(groups))
	firsts, lasts := make([]int32, len(groups)), make([]int32, len(groups))
	for i := range groups {
		series[i] = groups[i].key
		firsts[i], lasts[i] = groups[i].months()
	}
	prev := map[figureKey]app.Observation{}
	q, err := tx.Query(ctx, `SELECT b.series, b.block
		FROM unnest($1::bytea[], $2::integer[], $3::integer[]) AS g(series, first, last)
		JOIN observation_blocks b ON b.series = g.series AND b.last_month >= g.first AND b.first_month <= g.last
		ORDER BY b.series, b.seq`, series, firsts, lasts)
	if err != nil {
		return nil, err
	}
	defer q.Close()
	d := store.NewSeriesDecoder()
	for q.Next() {
		var series, block []byte
		if err := q.Scan(&series, &block); err != nil {
			return nil, err
		}
		s := d.Intern(series)
		d.Reset(block)
		for d.Next() {
			if d.Restatement() {
				continue
			}
			var o app.Observation
			d.Observation(&o)
			prev[figureKey{s, o.Period}] = o
		}
		if err := d.Err(); err != nil {
			return nil, fmt.Errorf("the figures of %q: %w", series, err)
		}
	}
	return prev, q.Err()
}

// observations loads each series whole, as the bbolt engine does: its
// first versions in one SetSeries, then later versions of revised figures
// through History.Add, which keeps the earlier as revisions.
func (l *loader) observations() error {
	prefix := l.prefix
	if l.only != nil {
		prefix = l.only
	}
	cond, args := keyRange(prefix, "series", 1)
	rows, err := l.tx.Query(l.ctx, `SELECT series, seq, block FROM observation_blocks WHERE `+cond+` ORDER BY series, seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	// Bytes are the same in either format; seq must be binary to be
	// read raw.
	raw := rows.FieldDescriptions()[1].Format == pgx.BinaryFormatCode
	d := store.NewSeriesDecoder()
	var (
		series []byte // of the series being read
		key    app.SeriesKey
	)
	sh := store.NewSeriesHistory(l.h)
	for rows.Next() {
		var s, block []byte
		var seq int64
		if raw {
			v := rows.RawValues()
			if len(v) != 3 || len(v[1]) != 8 {
				return errBadValue
			}
			s, seq, block = v[0], int64(binary.BigEndian.Uint64(v[1])), v[2]
		} else if err := rows.Scan(&s, &seq, &block); err != nil {
			return err
		}
		if !bytes.Equal(s, series) {
			ref, area, split, ok := splitSeries(s)
			if !ok {
				return fmt.Errorf("observation series %q: not a series key", s)
			}
			series = append(series[:0], s...)
			key = app.SeriesKey{Ref: d.Intern(ref), Area: app.Area(d.Intern(area)), Split: app.Split(d.Intern(split))}
			sh.Start(key)
		}
		id, err := l.importOf(seq)
		if err != nil {
			return fmt.Errorf("observations of %s: %w", key, err)
		}
		d.Reset(block)
		for d.Next() {
			if d.Restatement() {
				if l.restated {
					sh.Restated(d.Period(), id)
				}
				continue
			}
			o := app.Observation{Ref: key.Ref, Area: key.Area, Split: key.Split, Import: id}
			d.Observation(&o)
			sh.Add(o)
		}
		if err := d.Err(); err != nil {
			return fmt.Errorf("the figures of %s from import %s: %w", key, id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sh.Flush()
	return nil
}

// undoObservations deletes import seq's blocks, retagging, in the blocks
// of later imports, the figure after each removed version: a restatement
// of it becomes a version, and a version that now says what the version
// before the removed one said becomes a restatement.
func undoObservations(ctx context.Context, tx pgx.Tx, seq int64) error {
	rows, err := tx.Query(ctx, `SELECT series, seq, block FROM observation_blocks
		WHERE series IN (SELECT series FROM observation_blocks WHERE seq = $1) ORDER BY series, seq`, seq)
	if err != nil {
		return err
	}
	type stored struct {
		series  []byte
		seq     int64
		block   []byte
		changed bool
	}
	var all []stored
	for rows.Next() {
		var b stored
		if err := rows.Scan(&b.series, &b.seq, &b.block); err != nil {
			rows.Close()
			return err
		}
		all = append(all, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	d := store.NewSeriesDecoder()
	for from := 0; from < len(all); {
		to := from + 1
		for to < len(all) && bytes.Equal(all[to].series, all[from].series) {
			to++
		}
		g := all[from:to]
		from = to
		i := slices.IndexFunc(g, func(b stored) bool { return b.seq == seq })
		if i < 0 || i+1 == len(g) {
			continue
		}
		// The periods of which the undone block holds a version, and of
		// each the latest version before it, if any.
		removed := map[app.Period]*app.Observation{}
		d.Reset(g[i].block)
		for d.Next() {
			if !d.Restatement() {
				removed[d.Period()] = nil
			}
		}
		if err := d.Err(); err != nil {
			return fmt.Errorf("the figures of %q from import %s: %w", g[i].series, importID(seq), err)
		}
		for _, b := range g[:i] {
			d.Reset(b.block)
			for d.Next() {
				if _, ok := removed[d.Period()]; ok && !d.Restatement() {
					o := &app.Observation{}
					d.Observation(o)
					removed[d.Period()] = o
				}
			}
			if err := d.Err(); err != nil {
				return fmt.Errorf("the figures of %q from import %s: %w", b.series, importID(b.seq), err)
			}
		}
		for j := i + 1; j < len(g) && len(removed) > 0; j++ {
			b := &g[j]
			d.Reset(b.block)
			for d.Next() {
				before, ok := removed[d.Period()]
				if !ok {
					continue
				}
				delete(removed, d.Period())
				if d.Restatement() {
					store.SetRestatement(b.block, d.Offset(), false)
					b.changed = true
					continue
				}
				if before != nil {
					var o app.Observation
					d.Observation(&o)
					if o.Restates(*before) {
						store.SetRestatement(b.block, d.Offset(), true)
						b.changed = true
					}
				}
			}
			if err := d.Err(); err != nil {
				return fmt.Errorf("the figures of %q from import %s: %w", b.series, importID(b.seq), err)
			}
		}
	}
	if _, err := tx.Exec(ctx, "DELETE FROM observation_blocks WHERE seq = $1", seq); err != nil {
		return err
	}
	var series, blocks [][]byte
	var seqs []int64
	for _, b := range all {
		if b.changed {
			series, seqs, blocks = append(series, b.series), append(seqs, b.seq), append(blocks, b.block)
		}
	}
	if len(series) == 0 {
		return nil
	}
	_, err = tx.Exec(ctx, `UPDATE observation_blocks AS t SET block = u.block
		FROM unnest($1::bytea[], $2::bigint[], $3::bytea[]) AS u(series, seq, block)
		WHERE t.series = u.series AND t.seq = u.seq`, series, seqs, blocks)
	return err
}

// dumpObservations appends every stored figure, restatements included, to
// the dataset of the import that wrote it, import by import in key order.
func dumpObservations(ctx context.Context, tx pgx.Tx, of func(seq int64) (*app.Dataset, error)) error {
	rows, err := tx.Query(ctx, "SELECT series, seq, block FROM observation_blocks ORDER BY seq, series")
	if err != nil {
		return err
	}
	defer rows.Close()
	d := store.NewSeriesDecoder()
	for rows.Next() {
		var s, block []byte
		var seq int64
		if err := rows.Scan(&s, &seq, &block); err != nil {
			return err
		}
		ref, area, split, ok := splitSeries(s)
		if !ok {
			return fmt.Errorf("observation series %q: not a series key", s)
		}
		ds, err := of(seq)
		if err != nil {
			return err
		}
		d.Reset(block)
		for d.Next() {
			o := app.Observation{Ref: d.Intern(ref), Area: app.Area(d.Intern(area)), Split: app.Split(d.Intern(split))}
			d.Observation(&o)
			ds.Observations = append(ds.Observations, o)
		}
		if err := d.Err(); err != nil {
			return fmt.Errorf("the figures of %q from import %s: %w", s, importID(seq), err)
		}
	}
	return rows.Err()
}
