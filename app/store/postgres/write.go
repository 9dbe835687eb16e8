package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// recRow is a record other than an observation that an import writes.
type recRow struct {
	kind        kind
	k           []byte
	ref         string
	pos         int
	body        string
	restatement bool
}

// recordRows keys and encodes ds's other records, kind by kind, keeping
// the later of two statements of one thing. Each is stored as JSON without
// its Import, which the row's seq gives; an indicator keeps its place in
// the dataset's list, since a History orders indicators as first imported.
func recordRows(ds *app.Dataset) ([]recRow, error) {
	var rows []recRow
	at := map[string]int{}
	add := func(kd kind, k []byte, keyErr error, ref string, pos int, v any, what func() string) error {
		if keyErr != nil {
			return keyErr
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("%s: %w", what(), err)
		}
		r := recRow{kind: kd, k: k, ref: ref, pos: pos, body: string(b)}
		id := string(rune(kd)) + string(k)
		if j, ok := at[id]; ok {
			rows[j] = r
			return nil
		}
		at[id] = len(rows)
		rows = append(rows, r)
		return nil
	}
	for i, ind := range ds.Indicators {
		k, err := store.IndicatorKey(&ind)
		if err := add(kindIndicator, k, err, ind.Ref, i, ind, func() string { return "indicator " + ind.Ref }); err != nil {
			return nil, err
		}
	}
	for _, t := range ds.Targets {
		t.Import = ""
		k, err := store.TargetKey(&t)
		if err := add(kindTarget, k, err, t.Ref, 0, t, func() string { return fmt.Sprintf("target %s %s", t.Ref, t.Year) }); err != nil {
			return nil, err
		}
	}
	for _, b := range ds.Benchmarks {
		b.Import = ""
		k, err := store.BenchmarkKey(&b)
		if err := add(kindBenchmark, k, err, b.Ref, 0, b, func() string { return fmt.Sprintf("benchmark %s %s %s", b.Ref, b.Period, b.Group) }); err != nil {
			return nil, err
		}
	}
	for _, b := range ds.Breakdowns {
		b.Import = ""
		k, err := store.BreakdownKey(&b)
		if err := add(kindBreakdown, k, err, b.Measure, 0, b, func() string { return fmt.Sprintf("breakdown %s %s %s", b.Measure, b.Period, b.Area) }); err != nil {
			return nil, err
		}
	}
	for _, c := range ds.Comments {
		c.Import = ""
		k, err := store.CommentKey(&c)
		if err := add(kindComment, k, err, c.Ref, 0, c, func() string { return fmt.Sprintf("comment %s %s %s", c.Ref, c.Area, c.Period) }); err != nil {
			return nil, err
		}
	}
	for _, c := range ds.ChartSettings {
		c.Import = ""
		k, err := store.ChartSettingKey(&c)
		if err := add(kindChartSetting, k, err, c.Ref, 0, c, func() string { return fmt.Sprintf("chart setting %s %s", c.Ref, c.Kind) }); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// writeRecords writes an import's other records as versions or
// restatements, as writeObservations does, and counts the versions added
// of each kind.
func writeRecords(ctx context.Context, tx pgx.Tx, seq int64, rows []recRow, n *app.Counts) error {
	if len(rows) == 0 {
		return nil
	}
	kinds := make([]int16, len(rows))
	keys := make([][]byte, len(rows))
	for i := range rows {
		kinds[i], keys[i] = int16(rows[i].kind), rows[i].k
	}
	prev := map[string]string{}
	q, err := tx.Query(ctx, `SELECT DISTINCT ON (r.kind, r.k) r.kind, r.k, r.body::text
		FROM records r JOIN unnest($1::smallint[], $2::bytea[]) AS u(kind, k) ON r.kind = u.kind AND r.k = u.k
		WHERE NOT r.restatement ORDER BY r.kind, r.k, r.seq DESC`, kinds, keys)
	if err != nil {
		return err
	}
	for q.Next() {
		var kd int16
		var k []byte
		var body string
		if err := q.Scan(&kd, &k, &body); err != nil {
			q.Close()
			return err
		}
		prev[string(rune(kd))+string(k)] = body
	}
	q.Close()
	if err := q.Err(); err != nil {
		return err
	}
	for i := range rows {
		r := &rows[i]
		if p, ok := prev[string(rune(r.kind))+string(r.k)]; ok && p == r.body {
			r.restatement = true
			continue
		}
		switch r.kind {
		case kindIndicator:
			n.Indicators++
		case kindTarget:
			n.Targets++
		case kindBenchmark:
			n.Benchmarks++
		case kindBreakdown:
			n.Breakdowns++
		case kindComment:
			n.Comments++
		}
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"records"},
		[]string{"kind", "k", "seq", "restatement", "ref", "pos", "body"},
		pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
			r := &rows[i]
			return []any{int16(r.kind), r.k, seq, r.restatement, r.ref, int32(r.pos), r.body}, nil
		}))
	if err != nil {
		return fmt.Errorf("write records: %w", err)
	}
	return nil
}
