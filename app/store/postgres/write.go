package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
)

// obsRow is an observation an import writes.
type obsRow struct {
	k           []byte
	o           *app.Observation
	restatement bool
}

// observationRows keys ds's observations, keeping the later of two
// statements of one figure, in the dataset's order.
func observationRows(ds *app.Dataset) ([]obsRow, error) {
	rows := make([]obsRow, 0, len(ds.Observations))
	at := make(map[string]int, len(ds.Observations))
	for i := range ds.Observations {
		o := &ds.Observations[i]
		k, err := observationKey(o)
		if err != nil {
			return nil, err
		}
		if j, ok := at[string(k)]; ok {
			rows[j].o = o
			continue
		}
		at[string(k)] = len(rows)
		rows = append(rows, obsRow{k: k, o: o})
	}
	return rows, nil
}

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
		k, err := indicatorKey(&ind)
		if err := add(kindIndicator, k, err, ind.Ref, i, ind, func() string { return "indicator " + ind.Ref }); err != nil {
			return nil, err
		}
	}
	for _, t := range ds.Targets {
		t.Import = ""
		k, err := targetKey(&t)
		if err := add(kindTarget, k, err, t.Ref, 0, t, func() string { return fmt.Sprintf("target %s %s", t.Ref, t.Year) }); err != nil {
			return nil, err
		}
	}
	for _, b := range ds.Benchmarks {
		b.Import = ""
		k, err := benchmarkKey(&b)
		if err := add(kindBenchmark, k, err, b.Ref, 0, b, func() string { return fmt.Sprintf("benchmark %s %s %s", b.Ref, b.Period, b.Group) }); err != nil {
			return nil, err
		}
	}
	for _, b := range ds.Breakdowns {
		b.Import = ""
		k, err := breakdownKey(&b)
		if err := add(kindBreakdown, k, err, b.Measure, 0, b, func() string { return fmt.Sprintf("breakdown %s %s %s", b.Measure, b.Period, b.Area) }); err != nil {
			return nil, err
		}
	}
	for _, c := range ds.Comments {
		c.Import = ""
		k, err := commentKey(&c)
		if err := add(kindComment, k, err, c.Ref, 0, c, func() string { return fmt.Sprintf("comment %s %s %s", c.Ref, c.Area, c.Period) }); err != nil {
			return nil, err
		}
	}
	for _, c := range ds.ChartSettings {
		c.Import = ""
		k, err := chartSettingKey(&c)
		if err := add(kindChartSetting, k, err, c.Ref, 0, c, func() string { return fmt.Sprintf("chart setting %s %s", c.Ref, c.Kind) }); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// writeObservations writes an import's observations as versions, or as
// restatements where the latest version before says the same, and counts
// the versions added and the revisions among them.
func writeObservations(ctx context.Context, tx pgx.Tx, seq int64, rows []obsRow, n *app.Counts) error {
	if len(rows) == 0 {
		return nil
	}
	// The latest versions are read for the indicators the import gives
	// figures for, by ranges of the primary key (keys start with the
	// ref), rather than key by key: an import of a quarter of a million
	// figures would otherwise send as many keys.
	var lo, hi [][]byte
	seen := map[string]bool{}
	for i := range rows {
		if ref := rows[i].o.Ref; !seen[ref] {
			seen[ref] = true
			p := refPrefix(ref)
			end := bytes.Clone(p)
			end[len(end)-1] = 1
			lo, hi = append(lo, p), append(hi, end)
		}
	}
	prev := map[string]app.Observation{}
	q, err := tx.Query(ctx, `SELECT DISTINCT ON (o.k) o.k, o.value, o.numerator, o.denominator, o.status, o.stand_in
		FROM unnest($1::bytea[], $2::bytea[]) AS r(lo, hi)
		JOIN observations o ON o.k >= r.lo AND o.k < r.hi
		WHERE NOT o.restatement ORDER BY o.k, o.seq DESC`, lo, hi)
	if err != nil {
		return err
	}
	for q.Next() {
		var k []byte
		var o app.Observation
		var status string
		if err := q.Scan(&k, &o.Value, &o.Numerator, &o.Denominator, &status, &o.StandIn); err != nil {
			q.Close()
			return err
		}
		o.Status = app.Status(status)
		prev[string(k)] = o
	}
	q.Close()
	if err := q.Err(); err != nil {
		return err
	}
	// Rows written in key order append to the primary key's index rather
	// than splitting its pages, and lie in the order Load reads them.
	slices.SortFunc(rows, func(a, b obsRow) int { return bytes.Compare(a.k, b.k) })
	for i := range rows {
		r := &rows[i]
		p, ok := prev[string(r.k)]
		switch {
		case ok && r.o.Restates(p):
			r.restatement = true
		case ok:
			n.Observations++
			n.Revisions++
		default:
			n.Observations++
		}
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"observations"},
		[]string{"k", "seq", "restatement", "ref", "area", "split", "period_kind", "period_year", "period_n",
			"value", "numerator", "denominator", "stand_in", "status", "raw", "source_arrow", "source_rag", "rule", "cell"},
		pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
			r := &rows[i]
			o := r.o
			return []any{r.k, seq, r.restatement, o.Ref, string(o.Area), string(o.Split),
				int16(o.Period.Kind), int16(o.Period.Year), int16(o.Period.N),
				o.Value, o.Numerator, o.Denominator, o.StandIn, string(o.Status), []byte(o.Raw),
				string(o.SourceArrow), string(o.SourceRAG), o.Rule, []byte(o.Cell)}, nil
		}))
	if err != nil {
		return fmt.Errorf("write observations: %w", err)
	}
	return nil
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
